package alikms

import (
	"context"
	"crypto/subtle"
	"net/http"
	"time"

	"github.com/element-emulator/element-emulator/cloudkms"
)

// The fault effects (cloudkms), rendered in Alibaba's dialect
// (docs/alibaba-kms.md, faults).
const (
	EffectError      = cloudkms.EffectError      // 500 InternalFailure, or the rule's code and status
	EffectHTTPStatus = cloudkms.EffectHTTPStatus // that status with an empty body
	EffectDelay      = cloudkms.EffectDelay      // wait ms (real time), then go on
	EffectDrop       = cloudkms.EffectDrop       // close the connection without answering
)

// Fault is the effect of a rule that fired.
type Fault = cloudkms.Fault

func (s *Service) fault(ctx context.Context, action string) *Fault {
	if s.cfg.Faults == nil {
		return nil
	}
	f, err := s.cfg.Faults.Fire(ctx, cloudkms.FaultEvent{Target: cloudkms.TargetAlibaba, Action: action})
	if err != nil {
		s.log.ErrorContext(ctx, "alikms fault rules", "error", err)
		return nil
	}
	return f
}

// faultError is the error a fault of effect error answers.
func faultError(f *Fault) *Error {
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
		c.rec.Action = c.action
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
		c.rec.Action, c.rec.Status = c.action, f.Status
		s.logRequest(c)
		w.WriteHeader(f.Status)
		return true
	}
	return false
}

// hmacEqual compares two strings in constant time.
func hmacEqual(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
