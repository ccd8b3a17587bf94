package emulator

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// bindService binds the listener of a key service that serves at once
// (KACLS, Alibaba KMS, Tencent KMS). A busy default port returns a nil
// listener and no error: the service stays off, with a warning naming the
// flag that chooses another port. A port given explicitly that cannot be
// bound is an error.
func (e *Emulator) bindService(label, flag, addr string, isDefault bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if isDefault {
			e.log.Warn(label+" off: its default port is busy (give --"+flag+" to choose another)", "addr", addr, "error", err)
			return nil, nil
		}
		return nil, fmt.Errorf("%s listener on %s: %w", label, addr, err)
	}
	return ln, nil
}

// serveService registers ln under name and serves h on it at once, until
// Close.
func (e *Emulator) serveService(name string, ln net.Listener, h http.Handler) {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 30 * time.Second, ErrorLog: slog.NewLogLogger(e.log.Handler(), slog.LevelDebug)}
	e.mu.Lock()
	e.listeners[name] = ln
	e.servers = append(e.servers, srv)
	e.mu.Unlock()
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			e.log.Error("listener stopped", "listener", name, "error", err)
		}
	}()
}
