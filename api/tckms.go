package api

import (
	"context"
	"net/http"
)

// TCKMSControl is what the Tencent Cloud KMS lab controls need
// (docs/tencent-kms.md, lab controls). The emulator's control implements it
// beside Control; a control without it answers 404.
type TCKMSControl interface {
	// TCKMSInfo describes the Tencent KMS emulator: its URL, flavour,
	// SecretIds (never the keys) and actions.
	TCKMSInfo(ctx context.Context) (any, error)
	// TCKMSRequests lists the requests logged after id since, oldest first.
	TCKMSRequests(since int64) (any, error)
}

// tckmsLog adapts TCKMSControl to the shared info and request-log handlers.
type tckmsLog struct{ c TCKMSControl }

func (t tckmsLog) info(ctx context.Context) (any, error) { return t.c.TCKMSInfo(ctx) }

func (t tckmsLog) requests(_ *http.Request, since int64) (any, error) {
	return t.c.TCKMSRequests(since)
}

func (s *Server) tckmsCtl(w http.ResponseWriter) (logControl, bool) {
	c, ok := s.control.(TCKMSControl)
	if !ok || c == nil {
		writeControlError(w, http.StatusNotFound, "the Tencent KMS controls are not configured")
		return nil, false
	}
	return tckmsLog{c}, true
}
