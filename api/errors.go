package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"

	"github.com/element-emulator/element-emulator/cluster"
)

// Any error that is not a *cluster.Error (a bug, a store failure, a panic)
// reaches the client as this one generic error and is logged once here.
// DECISION: Element has no documented generic name; the emulator uses
// "xInternalError" with a fixed message, never the raw error text.
const (
	internalErrorName    = "xInternalError"
	internalErrorMessage = "Internal error; see the emulator log."
)

// errorCode is the code of every Element API error (docs/element-api.md,
// Error object and catalogue).
const errorCode = 500

// wireError is Element's error object.
type wireError struct {
	Code    int    `json:"code"`
	Name    string `json:"name"`
	Message string `json:"message"`
}

// panicError carries a recovered panic to the one place that logs it.
type panicError struct {
	value any
	stack []byte
}

func (p *panicError) Error() string { return fmt.Sprintf("panic: %v", p.value) }

// errorObject is the only writer of Element error objects: a *cluster.Error
// goes out with its name and message, anything else is logged and replaced
// by the generic internal error.
func (s *Server) errorObject(ctx context.Context, err error) []byte {
	e := wireError{Code: errorCode, Name: internalErrorName, Message: internalErrorMessage}
	var ce *cluster.Error
	if errors.As(err, &ce) && ce != nil {
		e.Name, e.Message = ce.Name, ce.Message
	} else {
		s.logInternal(ctx, err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if mErr := enc.Encode(e); mErr != nil { // cannot happen: three plain fields
		return []byte(`{"code":500,"name":"` + internalErrorName + `","message":"` + internalErrorMessage + `"}`)
	}
	return bytes.TrimSpace(buf.Bytes())
}

func (s *Server) logInternal(ctx context.Context, err error) {
	ri := infoFrom(ctx)
	attrs := []any{
		slog.String("method", ri.method),
		slog.String("version", ri.version),
		slog.String("listener", ri.listener.String()),
		slog.Any("err", err),
	}
	var p *panicError
	if errors.As(err, &p) {
		attrs = append(attrs, slog.String("stack", string(p.stack)))
		s.log.ErrorContext(ctx, "api: panic while serving a request", attrs...)
		return
	}
	s.log.ErrorContext(ctx, "api: internal error", attrs...)
}
