package alikms

import (
	"context"
	"crypto/subtle"
	"net/http"
	"time"
)

// Fault target and effects (docs/alibaba-kms.md, faults).
const (
	TargetAlikms = "alikms" // a request, matched by action

	EffectError      = "error"       // 500 InternalFailure, or the rule's code and status
	EffectHTTPStatus = "http-status" // that status with an empty body
	EffectDelay      = "delay"       // wait ms (real time), then go on
	EffectDrop       = "drop"        // close the connection without answering
)

// FaultEvent is a request a fault rule may apply to.
type FaultEvent struct {
	Action string
}

// Fault is the effect of a rule that fired.
type Fault struct {
	Effect  string
	Status  int    // error, http-status: the HTTP status (0 = default)
	Code    string // error: the Alibaba Code (default InternalFailure)
	Message string // error: the Message
	Ms      int    // delay
}

// FaultSource decides whether a rule fires for ev, consuming one use of
// it; nil when none does.
type FaultSource interface {
	Fire(ctx context.Context, ev FaultEvent) (*Fault, error)
}

func (s *Service) fault(ctx context.Context, ev FaultEvent) *Fault {
	if s.cfg.Faults == nil {
		return nil
	}
	f, err := s.cfg.Faults.Fire(ctx, ev)
	if err != nil {
		s.log.ErrorContext(ctx, "alikms fault rules", "error", err)
		return nil
	}
	return f
}

// asError is the error a fault of effect error answers.
func (f *Fault) asError() *Error {
	e := &Error{Status: http.StatusInternalServerError, Code: "InternalFailure", Message: "InternalFailure"}
	if f.Status != 0 {
		e.Status = f.Status
	}
	if f.Code != "" {
		e.Code = f.Code
		e.Message = f.Code
	}
	if f.Message != "" {
		e.Message = f.Message
	}
	return e
}

// applyFault renders the effects that answer without the dialect's error
// object: it reports whether the request is answered (drop, http-status).
func (s *Service) applyFault(w http.ResponseWriter, r *http.Request, c *call, f *Fault) bool {
	switch f.Effect {
	case EffectDelay:
		t := time.NewTimer(time.Duration(f.Ms) * time.Millisecond)
		defer t.Stop()
		select {
		case <-r.Context().Done():
		case <-t.C:
		}
		return false
	case EffectDrop:
		c.rec.Action, c.rec.Code = c.action, "fault drop"
		s.logRequest(c)
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler)
	case EffectHTTPStatus:
		if f.Status == 0 {
			f.Status = http.StatusServiceUnavailable
		}
		c.rec.Action, c.rec.Status, c.rec.Code = c.action, f.Status, "fault http-status"
		s.logRequest(c)
		w.WriteHeader(f.Status)
		return true
	}
	return false
}

// hmacEqual compares two strings in constant time.
func hmacEqual(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
