package api

import (
	"context"
	"net/http"
)

// AlikmsControl is the lab surface of the Alibaba Cloud KMS emulator
// (docs/alibaba-kms.md, lab controls); the emulator package implements it
// beside Control.
type AlikmsControl interface {
	// AlikmsInfo describes the KMS: URL, region, account, access key IDs
	// (never secrets), actions.
	AlikmsInfo(ctx context.Context) (any, error)
	// AlikmsRequests lists the requests logged after id since, oldest first.
	AlikmsRequests(since int64) (any, error)
}

// alikmsRoutes mounts /_emulator/alikms/....
func (s *Server) alikmsRoutes(r interface {
	Get(string, http.HandlerFunc)
}) {
	r.Get("/alikms", s.serveLogInfo(s.alikmsCtl))
	r.Get("/alikms/requests", s.serveLogRequests(s.alikmsCtl))
}

// alikmsLog adapts AlikmsControl to the shared info and request-log handlers.
type alikmsLog struct{ c AlikmsControl }

func (a alikmsLog) info(ctx context.Context) (any, error) { return a.c.AlikmsInfo(ctx) }

func (a alikmsLog) requests(_ *http.Request, since int64) (any, error) {
	return a.c.AlikmsRequests(since)
}

func (s *Server) alikmsCtl(w http.ResponseWriter) (logControl, bool) {
	c, ok := s.control.(AlikmsControl)
	if !ok || c == nil {
		writeControlError(w, http.StatusNotFound, "the Alibaba KMS is not part of this emulator")
		return nil, false
	}
	return alikmsLog{c}, true
}
