package dashboard

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/element-emulator/element-emulator/cluster"
)

//go:embed assets
var assets embed.FS

// Prefix is where the dashboard is served on the cluster listeners.
const Prefix = "/_emulator/ui"

// Deps is what a Server reads; emulator builds it.
type Deps struct {
	Cluster *cluster.Cluster
	// Clock returns the emulator time and the clock mode.
	Clock func() (time.Time, string)
	// Snapshots lists the saved snapshots' names (nil: none).
	Snapshots func(ctx context.Context) ([]string, error)
	// Hub is notified by the cluster after every change.
	Hub    *Hub
	Logger *slog.Logger
	// MinGap is the shortest time between two pushes on one stream, so a
	// burst of commits becomes one refresh (0: 50 ms).
	MinGap time.Duration
	// LabGap is the same for the lab overview, which follows every
	// cluster of the class (0: 500 ms).
	LabGap time.Duration
}

// Server serves one cluster's dashboard.
type Server struct {
	d   Deps
	log *slog.Logger
	mux *http.ServeMux

	mu       sync.Mutex
	sections []Section
	lab      atomic.Pointer[Lab]
	// done is closed by Close: every open stream ends.
	done      chan struct{}
	closeOnce sync.Once
	// health caches Health for the hub generation it was computed at, so
	// the lab overview rebuilds only the clusters that changed.
	health atomic.Pointer[healthCache]
}

type healthCache struct {
	gen uint64
	at  time.Time // emulator time: stuck jobs become stuck with time alone
	h   Health
}

// healthFresh is how long (emulator time) a cached Health stays good.
const healthFresh = 20 * time.Second

// New builds a Server.
func New(d Deps) *Server {
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if d.Hub == nil {
		d.Hub = NewHub()
	}
	if d.MinGap <= 0 {
		d.MinGap = 50 * time.Millisecond
	}
	if d.LabGap <= 0 {
		d.LabGap = 500 * time.Millisecond
	}
	s := &Server{d: d, log: d.Logger, done: make(chan struct{})}
	static, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	m := http.NewServeMux()
	m.HandleFunc("GET "+Prefix, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, Prefix+"/", http.StatusFound)
	})
	m.Handle("GET "+Prefix+"/{$}", page(static, "index.html"))
	m.Handle("GET "+Prefix+"/lab", page(static, "lab.html"))
	m.Handle("GET "+Prefix+"/static/", http.StripPrefix(Prefix+"/static/", http.FileServerFS(static)))
	m.HandleFunc("GET "+Prefix+"/state", s.serveState)
	m.HandleFunc("GET "+Prefix+"/events", s.serveEvents)
	m.HandleFunc("GET "+Prefix+"/lab/state", s.serveLabState)
	m.HandleFunc("GET "+Prefix+"/lab/events", s.serveLabEvents)
	s.mux = m
	return s
}

// Close ends every open event stream (they never go idle, so an HTTP
// server's Shutdown would wait for them); the pages reconnect to whatever
// serves next.
func (s *Server) Close() { s.closeOnce.Do(func() { close(s.done) }) }

// Hub returns the hub the cluster notifies.
func (s *Server) Hub() *Hub { return s.d.Hub }

// SetLab makes the lab overview available on this cluster's listeners.
func (s *Server) SetLab(l *Lab) { s.lab.Store(l) }

// ServeHTTP serves everything under Prefix. The caller has authenticated
// the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// Only our own files; no framing (clickjacking of the lab controls).
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	s.mux.ServeHTTP(w, r)
}

func page(static fs.FS, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := fs.ReadFile(static, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(b)
	})
}

// Health returns the cluster's summary row, computed again only after a
// change.
func (s *Server) Health(ctx context.Context) (Health, error) {
	gen := s.d.Hub.gen.Load()
	now, _ := s.d.Clock()
	if hc := s.health.Load(); hc != nil && hc.gen == gen && now.Sub(hc.at) < healthFresh && !now.Before(hc.at) {
		return hc.h, nil
	}
	st, err := s.build(ctx)
	if err != nil {
		return Health{}, err
	}
	s.health.Store(&healthCache{gen: gen, at: now, h: st.Health})
	return st.Health, nil
}

func (s *Server) serveState(w http.ResponseWriter, r *http.Request) {
	st, err := s.build(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, st)
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.log.ErrorContext(r.Context(), "dashboard state failed", "error", err)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write([]byte(`{"error":"internal error; see the emulator log"}` + "\n"))
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	sub, cancel := s.d.Hub.Subscribe()
	defer cancel()
	s.stream(w, r, []<-chan struct{}{sub}, s.d.MinGap, func(ctx context.Context) (any, error) { return s.build(ctx) })
}

// stream serves one server-sent-events stream: a "state" event at once,
// then one after each signal on any of subs, at most one per gap. An
// unchanged state is not sent again.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, subs []<-chan struct{}, gap time.Duration, get func(context.Context) (any, error)) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	ctx := r.Context()
	// One goroutine per extra hub (the lab page) merges the signals.
	merged := make(chan struct{}, 1)
	for _, c := range subs {
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case <-c:
					select {
					case merged <- struct{}{}:
					default:
					}
				}
			}
		}()
	}
	var last []byte
	send := func() bool {
		v, err := get(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return false
			}
			s.log.ErrorContext(ctx, "dashboard state failed", "error", err)
			_, err = fmt.Fprint(w, "event: failure\ndata: {\"error\":\"internal error; see the emulator log\"}\n\n")
			fl.Flush()
			return err == nil
		}
		b, err := json.Marshal(v)
		if err != nil {
			return false
		}
		if bytes.Equal(b, last) {
			return true
		}
		last = b
		if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", b); err != nil {
			return false
		}
		fl.Flush()
		return true
	}
	if !send() {
		return
	}
	keepalive := time.NewTicker(25 * time.Second)
	defer keepalive.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.done:
			return
		case <-keepalive.C:
			// What changes with time alone (a job that became stuck, the
			// real clock) shows at least this often; then a comment keeps
			// proxies from closing an idle stream.
			if !send() {
				return
			}
			if _, err := fmt.Fprint(w, ": keepalive\n\n"); err != nil {
				return
			}
			fl.Flush()
		case <-merged:
			// Let the rest of a burst land, then send the state once.
			t := time.NewTimer(gap)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
			select {
			case <-merged:
			default:
			}
			if !send() {
				return
			}
		}
	}
}
