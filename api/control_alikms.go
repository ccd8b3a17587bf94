package api

import (
	"context"
	"net/http"
	"strconv"
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
	r.Get("/alikms", s.alikmsInfo)
	r.Get("/alikms/requests", s.alikmsRequests)
}

func (s *Server) alikmsCtl(w http.ResponseWriter) (AlikmsControl, bool) {
	c, ok := s.control.(AlikmsControl)
	if !ok || c == nil {
		writeControlError(w, http.StatusNotFound, "the Alibaba KMS is not part of this emulator")
		return nil, false
	}
	return c, true
}

// alikmsInfo serves GET /_emulator/alikms.
func (s *Server) alikmsInfo(w http.ResponseWriter, r *http.Request) {
	c, ok := s.alikmsCtl(w)
	if !ok {
		return
	}
	info, err := c.AlikmsInfo(r.Context())
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, info)
}

// alikmsRequests serves GET /_emulator/alikms/requests?since=ID.
func (s *Server) alikmsRequests(w http.ResponseWriter, r *http.Request) {
	c, ok := s.alikmsCtl(w)
	if !ok {
		return
	}
	var since int64
	if v := r.URL.Query().Get("since"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			writeControlError(w, http.StatusBadRequest, "since must be a request id (a non-negative integer)")
			return
		}
		since = n
	}
	list, err := c.AlikmsRequests(since)
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"requests": list})
}
