package api

import (
	"context"
	"net/http"
	"strconv"
)

// logControl is the lab surface shared by every service that has an info
// document and a request log (/_emulator/<svc> and
// /_emulator/<svc>/requests?since=ID). Each service adapts its own control
// interface to it.
type logControl interface {
	// info describes the service.
	info(ctx context.Context) (any, error)
	// requests lists the requests logged after id since, oldest first; r
	// carries any further selector (the KACLS ?instance=).
	requests(r *http.Request, since int64) (any, error)
}

// logLookup finds the service's control, writing the error itself when the
// emulator has none.
type logLookup func(w http.ResponseWriter) (logControl, bool)

// serveLogInfo serves GET /_emulator/<svc>.
func (s *Server) serveLogInfo(find logLookup) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, ok := find(w)
		if !ok {
			return
		}
		info, err := c.info(r.Context())
		if err != nil {
			s.controlFailure(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, info)
	}
}

// serveLogRequests serves GET /_emulator/<svc>/requests?since=ID.
func (s *Server) serveLogRequests(find logLookup) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, ok := find(w)
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
		list, err := c.requests(r, since)
		if err != nil {
			s.controlFailure(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"requests": list})
	}
}

// kaclsLog adapts Control's KACLS controls: the info document is the
// instance list and their URLs (docs/kacls.md, lab controls); the request
// log takes the instance from ?instance=.
type kaclsLog struct{ c Control }

func (k kaclsLog) info(ctx context.Context) (any, error) {
	list, err := k.c.KACLSInstances(ctx)
	if err != nil {
		return nil, err
	}
	return map[string]any{"instances": list}, nil
}

func (k kaclsLog) requests(r *http.Request, since int64) (any, error) {
	return k.c.KACLSRequests(r.URL.Query().Get("instance"), since)
}

func (s *Server) kaclsLogCtl(w http.ResponseWriter) (logControl, bool) {
	c, ok := s.ctl(w)
	if !ok {
		return nil, false
	}
	return kaclsLog{c}, true
}
