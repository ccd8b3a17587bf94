package api

import (
	"context"
	"net/http"
	"strconv"
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

func (s *Server) tckmsCtl(w http.ResponseWriter) (TCKMSControl, bool) {
	c, ok := s.control.(TCKMSControl)
	if !ok || c == nil {
		writeControlError(w, http.StatusNotFound, "the Tencent KMS controls are not configured")
		return nil, false
	}
	return c, true
}

// tckmsInfo serves GET /_emulator/tckms.
func (s *Server) tckmsInfo(w http.ResponseWriter, r *http.Request) {
	c, ok := s.tckmsCtl(w)
	if !ok {
		return
	}
	info, err := c.TCKMSInfo(r.Context())
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, info)
}

// tckmsRequests serves GET /_emulator/tckms/requests?since=ID.
func (s *Server) tckmsRequests(w http.ResponseWriter, r *http.Request) {
	c, ok := s.tckmsCtl(w)
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
	list, err := c.TCKMSRequests(since)
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"requests": list})
}
