package kacls

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// Error is the only error whose text reaches a KACLS client: Google's
// error object, {"code", "message", "details"}, sent with HTTP status Code
// (docs/kacls.md, errors; KA9).
type Error struct {
	Code    int    // HTTP status, also the body's "code"
	Message string // short: what kind of failure
	Details string // precise reason
}

func (e *Error) Error() string { return fmt.Sprintf("%d %s: %s", e.Code, e.Message, e.Details) }

func newError(code int, message, format string, a ...any) *Error {
	return &Error{Code: code, Message: message, Details: fmt.Sprintf(format, a...)}
}

// The error constructors, one per class of failure (KA9).

func errBadRequest(format string, a ...any) *Error {
	return newError(http.StatusBadRequest, "invalid argument", format, a...)
}

func errUnauthenticated(format string, a ...any) *Error {
	return newError(http.StatusUnauthorized, "unauthenticated", format, a...)
}

func errPermission(format string, a ...any) *Error {
	return newError(http.StatusForbidden, "permission denied", format, a...)
}

func errUpstream(format string, a ...any) *Error {
	return newError(http.StatusBadGateway, "bad gateway", format, a...)
}

func errUnavailable(format string, a ...any) *Error {
	return newError(http.StatusServiceUnavailable, "unavailable", format, a...)
}

// errInternal is what any error that is not an *Error becomes on the wire;
// its own text is logged, never sent.
var errInternal = &Error{Code: http.StatusInternalServerError, Message: "internal error", Details: "unexpected failure; see the emulator log"}

// asError returns err as the *Error a client sees.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return errInternal
}

// writeError writes Google's error object with e.Code as the HTTP status.
func writeError(w http.ResponseWriter, e *Error) {
	writeJSON(w, e.Code, map[string]any{"code": e.Code, "message": e.Message, "details": e.Details})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"code":500,"message":"internal error","details":"cannot encode the answer"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// Sentinels of the lab controls (the emulator maps them to HTTP statuses).
var (
	// ErrUnknownInstance: no instance of that name.
	ErrUnknownInstance = errors.New("no KACLS instance of that name")
	// ErrBadMint: a token request the minter cannot serve.
	ErrBadMint = errors.New("bad token request")
	// ErrNotFound is returned by Store methods when a row is missing.
	ErrNotFound = errors.New("kacls: not found")
)
