package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/rpc/v2"

	"github.com/element-emulator/element-emulator/admins"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/networks"
	"github.com/element-emulator/element-emulator/volumes"
)

// Deps is everything a Server uses; cmd builds it.
type Deps struct {
	Cluster *cluster.Cluster
	// Volumes is the storage domain (accounts, volumes, access groups,
	// initiators, QoS, snapshots; api/storage.go).
	Volumes *volumes.Service
	// Admins is the cluster-admin surface (api/admins.go): its admins'
	// Basic credentials are accepted besides the primary admin's.
	Admins *admins.Service
	// Networks is the node network configuration and virtual networks
	// (api/nodes.go, docs/nodes.md).
	Networks *networks.Service
	// Control is the emulator control surface behind /_emulator/ (api/control.go
	// gives it its type); the Server only stores it.
	Control any
	// Logger receives internal errors and panics; nil discards.
	Logger *slog.Logger
	// User and Password are the Basic credentials of the pre-created cluster.
	User, Password string
	// Authenticate, when set, replaces the User/Password check (for example
	// to accept the admin created by CreateCluster). It must compare in
	// constant time.
	Authenticate func(user, password string) bool
	// CurrentVersion is the cluster API version: "12.7" when empty; "12.3"
	// and "12.5" are the other versions offered at start-up (D2).
	CurrentVersion string
	// Intercept, when set, runs after method lookup and before the handler;
	// an error it returns is the call's answer (element-method fault rules).
	Intercept func(ctx context.Context, method string) error
	// Bootstrap reports bootstrap mode (D42); nil means never. While it
	// returns true the cluster listener accepts any credentials and serves
	// only GetAPI and the scopeBootstrap methods (CreateCluster).
	Bootstrap func() bool
	// MaxCalls bounds the JSON-RPC calls that run at once, on all
	// listeners together (0: no bound). Further calls wait their turn, in
	// arrival order, once their body is read.
	MaxCalls int
	// UI, when set, serves the dashboard under /_emulator/ui on the
	// cluster listener, behind the same credentials (docs/dashboard.md).
	UI http.Handler
}

// scope says on which listener a method is served (D8, D42).
type scope int

const (
	scopeCluster   scope = iota + 1 // cluster listener only
	scopeNode                       // node listener only
	scopeAll                        // both listeners
	scopeBootstrap                  // cluster listener in bootstrap mode only (CreateCluster)
)

// listener identifies the listener a request arrived on.
type listener int

const (
	listenerCluster listener = iota + 1 // MVIP role
	listenerNode                        // MIP role
)

func (l listener) String() string {
	switch l {
	case listenerCluster:
		return "cluster"
	case listenerNode:
		return "node"
	}
	return "unknown"
}

// method is one entry of the method table (api/methods.go).
type method struct {
	name  string // canonical CamelCase
	since string // API version it appeared in, compared numerically with the URL version (D7)
	scope scope
	call  func(ctx context.Context, raw json.RawMessage) (any, error)
}

// methodGetAPI is served everywhere, bootstrap mode included
// (docs/element-api.md, GetAPI).
const methodGetAPI = "GetAPI"

// maxBodyBytes is the largest accepted request body (D38); larger → 413.
const maxBodyBytes = 16 << 20

// Server serves the Element JSON-RPC API on the cluster and node listeners.
type Server struct {
	deps    Deps
	cluster *cluster.Cluster
	volumes *volumes.Service
	log     *slog.Logger
	control any

	current   string             // CurrentVersion
	versions  []string           // supportedVersions, cut at current
	supported map[string]bool    // the same, for the exact-string URL check
	index     map[string]*method // lower-case name → method
	names     []string           // GetAPI's method list: served at current, sorted

	rpc *rpc.Server
	// calls hands out the turns of running JSON-RPC calls (nil: unbounded).
	calls *turns
	// crossOrigin refuses cross-site browser requests that would change
	// state through /_emulator/ (UI1).
	crossOrigin *http.CrossOriginProtection
}

// NewServer builds the Server and its method index from s.methods().
func NewServer(d Deps) (*Server, error) {
	return newServer(d, (*Server).methods)
}

// newServer is NewServer with a replaceable method table (tests).
func newServer(d Deps, table func(*Server) []method) (*Server, error) {
	s := &Server{deps: d, cluster: d.Cluster, volumes: d.Volumes, log: d.Logger, control: d.Control, crossOrigin: http.NewCrossOriginProtection()}
	if d.MaxCalls > 0 {
		s.calls = newTurns(d.MaxCalls)
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.current = d.CurrentVersion
	if s.current == "" {
		s.current = "12.7"
	}
	s.versions = supportedVersions(s.current)
	if s.versions == nil {
		return nil, fmt.Errorf("api: unsupported current version %q", d.CurrentVersion)
	}
	s.supported = make(map[string]bool, len(s.versions))
	for _, v := range s.versions {
		s.supported[v] = true
	}
	idx, err := buildIndex(table(s))
	if err != nil {
		return nil, err
	}
	s.index = idx
	cur, _ := parseVersion(s.current)
	for _, m := range idx {
		if since, _ := parseVersion(m.since); !cur.less(since) {
			s.names = append(s.names, m.name)
		}
	}
	slices.Sort(s.names)

	s.rpc = rpc.NewServer()
	s.rpc.RegisterCodec(codec{s: s}, codecContentType)
	if err := s.rpc.RegisterService(dispatcher{s: s}, codecService); err != nil {
		return nil, fmt.Errorf("api: register dispatcher: %w", err)
	}
	return s, nil
}

// buildIndex checks a method table and indexes it by lower-case name (D3).
func buildIndex(ms []method) (map[string]*method, error) {
	idx := make(map[string]*method, len(ms))
	for i := range ms {
		m := &ms[i]
		switch {
		case m.name == "":
			return nil, fmt.Errorf("api: method %d has no name", i)
		case m.call == nil:
			return nil, fmt.Errorf("api: method %s has no handler", m.name)
		case m.scope < scopeCluster || m.scope > scopeBootstrap:
			return nil, fmt.Errorf("api: method %s has no valid scope", m.name)
		}
		if _, ok := parseVersion(m.since); !ok {
			return nil, fmt.Errorf("api: method %s: bad since version %q", m.name, m.since)
		}
		key := strings.ToLower(m.name)
		if prev, dup := idx[key]; dup {
			return nil, fmt.Errorf("api: duplicate method %s (also %s)", m.name, prev.name)
		}
		idx[key] = m
	}
	return idx, nil
}

// ClusterHandler serves the cluster listener (MVIP role): the Element API
// under /json-rpc/{version} and the emulator controls under /_emulator/.
func (s *Server) ClusterHandler() http.Handler { return s.router(listenerCluster) }

// NodeHandler serves the node listener (MIP role): node-scope methods and
// GetAPI (D8).
func (s *Server) NodeHandler() http.Handler { return s.router(listenerNode) }

func (s *Server) router(l listener) http.Handler {
	r := chi.NewRouter()
	r.NotFound(writeNotFound)
	r.Use(s.gate(l))
	h := s.rpcHandler(l)
	r.Handle("/json-rpc/{version}", h)
	r.Handle("/json-rpc/{version}/", h)
	r.Handle("/json-rpc", http.HandlerFunc(s.versionNotFound))
	r.Handle("/json-rpc/", http.HandlerFunc(s.versionNotFound))
	r.Handle("/json-rpc/{version}/*", http.HandlerFunc(s.versionNotFound))
	if l == listenerCluster {
		r.Route("/_emulator", s.controlRoutes)
	}
	return r
}

// isControlPath reports a path of the /_emulator/ surface, whose routes pick
// their own HTTP methods.
func isControlPath(p string) bool {
	return p == "/_emulator" || strings.HasPrefix(p, "/_emulator/")
}

// gate applies steps 1 and 2 of the validation order (D49): HTTP method
// (405), then Basic authentication (401), before any path is looked at (D38).
func (s *Server) gate(l listener) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !isControlPath(r.URL.Path) && r.Method != http.MethodGet && r.Method != http.MethodPost {
				w.Header().Set("Allow", "GET, POST")
				writePlain(w, http.StatusMethodNotAllowed, "405 Method Not Allowed")
				return
			}
			who, ok := s.authorized(l, r)
			if !ok {
				w.Header().Set("WWW-Authenticate", `Basic realm="SolidFire"`)
				if isControlPath(r.URL.Path) {
					// The lab controls answer JSON, failures included, so
					// scripts read every answer the same way ((d)).
					writeControlError(w, http.StatusUnauthorized,
						"401 Unauthorized. The lab controls take the cluster admin's Basic credentials: these are wrong or missing.")
					return
				}
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.WriteHeader(http.StatusUnauthorized)
				_, _ = io.WriteString(w, "<html><head><title>401 Unauthorized</title></head>"+
					"<body><h1>401 Unauthorized.</h1></body></html>\n")
				return
			}
			if isControlPath(r.URL.Path) && s.crossOrigin.Check(r) != nil {
				// A page of another site cannot drive the lab controls with
				// the browser's cached credentials (UI1); curl and the SDKs
				// send no Origin or Sec-Fetch-Site and pass.
				writeControlError(w, http.StatusForbidden,
					"403 Forbidden: cross-origin request to a lab control refused (use the dashboard on this origin, or a client that is not a browser)")
				return
			}
			next.ServeHTTP(w, r.WithContext(withCaller(r.Context(), who)))
		})
	}
}

func (s *Server) bootstrapping() bool {
	return s.deps.Bootstrap != nil && s.deps.Bootstrap()
}

// authorized checks Basic credentials and says who called; in bootstrap
// mode the cluster listener accepts any (D42, (b)). Credentials are never
// logged.
func (s *Server) authorized(l listener, r *http.Request) (caller, bool) {
	if l == listenerCluster && s.bootstrapping() {
		return caller{}, true
	}
	user, pass, ok := r.BasicAuth()
	if !ok {
		return caller{}, false
	}
	if s.deps.Authenticate != nil {
		if s.deps.Authenticate(user, pass) {
			return caller{}, true
		}
	} else if equalSecret(user, s.deps.User)&equalSecret(pass, s.deps.Password) == 1 {
		return caller{}, true
	}
	// Cluster admins added with AddClusterAdmin reach the Element API, not
	// the lab controls (docs/admins.md), and only the methods their access
	// list allows (api/access.go).
	if s.deps.Admins == nil || isControlPath(r.URL.Path) {
		return caller{}, false
	}
	access, ok := s.deps.Admins.Login(r.Context(), user, pass)
	return caller{added: true, access: access}, ok
}

// equalSecret compares in constant time, independent of the lengths.
func equalSecret(got, want string) int {
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:])
}

func writePlain(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, text+"\n")
}

func writeNotFound(w http.ResponseWriter, _ *http.Request) {
	writePlain(w, http.StatusNotFound, "404 Not Found")
}

// versionNotFound answers a /json-rpc path that names no supported version:
// still 404 with "404 Not Found" first (D38), then a line that says which
// versions are served ((d)).
func (s *Server) versionNotFound(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(strings.TrimPrefix(r.URL.Path, "/json-rpc"), "/")
	version, extra, _ := strings.Cut(rest, "/")
	var why string
	switch {
	case version == "":
		why = "no API version in the path"
	case s.supported[version]:
		why = fmt.Sprintf("nothing is served under /json-rpc/%s/%s", version, extra)
	default:
		why = fmt.Sprintf("unknown API version %q", version)
	}
	writePlain(w, http.StatusNotFound, fmt.Sprintf("404 Not Found\n%s; supported: %s … %s (GetAPI lists them); use /json-rpc/%s",
		why, s.versions[0], s.current, s.current))
}

// rpcHandler is the adapter in front of gorilla: it checks the version (404),
// reads the body (413), turns the GET form into a request body (D39), puts
// version and listener into the context and hands gorilla a POST with the one
// registered Content-Type, whatever the client sent (docs/element-api.md,
// HTTP methods, content types and the GET form).
func (s *Server) rpcHandler(l listener) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		version := chi.URLParam(r, "version")
		if !s.supported[version] {
			s.versionNotFound(w, r)
			return
		}
		body, err := readBody(w, r)
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				writePlain(w, http.StatusRequestEntityTooLarge, "413 Request Entity Too Large")
				return
			}
			writePlain(w, http.StatusBadRequest, "400 Bad Request")
			return
		}
		q := r.URL.Query()
		if r.Method == http.MethodGet || (len(bytes.TrimSpace(body)) == 0 && q.Has("method")) {
			body = queryEnvelope(q)
		}
		ctx := withRequestInfo(r.Context(), requestInfo{version: version, listener: l, host: r.Host})
		if s.calls != nil {
			t := &turn{turns: s.calls}
			if t.enter(ctx, false) != nil {
				return // the client went away while waiting
			}
			defer t.Leave()
			ctx = cluster.WithGate(ctx, t)
		}
		r2 := r.Clone(ctx)
		r2.Method = http.MethodPost
		r2.Header.Set("Content-Type", codecContentType)
		r2.Body = io.NopCloser(bytes.NewReader(body))
		r2.ContentLength = int64(len(body))
		s.rpc.ServeHTTP(w, r2)
	})
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength > maxBodyBytes {
		return nil, &http.MaxBytesError{Limit: maxBodyBytes}
	}
	if r.Body == nil {
		return nil, nil
	}
	return io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
}

// queryEnvelope builds the request object of the GET form (D39, (j)):
// method and id from their keys (id as a JSON string), every other key a
// member of params: a string, decoded JSON when the value starts with [ or {
// and parses, an array of strings when the key repeats.
func queryEnvelope(q url.Values) []byte {
	env := make(map[string]any, 3)
	if v, ok := q["method"]; ok {
		env["method"] = v[0]
	}
	if v, ok := q["id"]; ok {
		env["id"] = v[0]
	}
	params := make(map[string]any, len(q))
	for k, vs := range q {
		switch {
		case k == "method" || k == "id":
		case len(vs) > 1:
			params[k] = vs
		case looksJSON(vs[0]):
			params[k] = json.RawMessage(vs[0])
		default:
			params[k] = vs[0]
		}
	}
	env["params"] = params
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(env); err != nil {
		// Only strings and validated JSON go in; keep the envelope
		// well-formed anyway so the codec reports the problem.
		return []byte("null")
	}
	return buf.Bytes()
}

func looksJSON(v string) bool {
	t := strings.TrimSpace(v)
	return (strings.HasPrefix(t, "[") || strings.HasPrefix(t, "{")) && json.Valid([]byte(t))
}

// lookup is step 5 of the validation order (D49): the method exists (case-insensitively, D3), is
// not newer than the URL version (D7), is served on this listener (D8) and in
// this mode (D42). Every refusal is xUnknownAPIMethod naming the method as sent.
func (s *Server) lookup(ctx context.Context, name string) (*method, error) {
	m, ok := s.index[strings.ToLower(name)]
	if !ok {
		return nil, cluster.ErrUnknownMethod(name)
	}
	if v, ok := parseVersion(versionFrom(ctx)); ok {
		if since, _ := parseVersion(m.since); v.less(since) {
			return nil, cluster.ErrUnknownMethod(name)
		}
	}
	l := listenerFrom(ctx)
	if l == listenerCluster && s.bootstrapping() {
		if m.name == methodGetAPI || m.scope == scopeBootstrap {
			return m, nil
		}
		return nil, cluster.ErrUnknownMethod(name)
	}
	switch {
	case m.scope == scopeAll,
		m.scope == scopeCluster && l == listenerCluster,
		m.scope == scopeNode && l == listenerNode:
		return m, nil
	}
	return nil, cluster.ErrUnknownMethod(name)
}

// ---------------------------------------------------------------------------
// Request context

type ctxKey struct{}

// requestInfo is what the transport tells handlers about a request.
type requestInfo struct {
	version  string   // URL version, e.g. "12.7"
	listener listener // where the request arrived
	host     string   // Host header (D8: the node listener picks the node by MIP)
	method   string   // canonical method name, once looked up
}

func withRequestInfo(ctx context.Context, ri requestInfo) context.Context {
	return context.WithValue(ctx, ctxKey{}, ri)
}

func infoFrom(ctx context.Context) requestInfo {
	ri, _ := ctx.Value(ctxKey{}).(requestInfo)
	return ri
}

// versionFrom returns the URL API version of the request ("" outside a request).
func versionFrom(ctx context.Context) string { return infoFrom(ctx).version }

// listenerFrom returns the listener the request arrived on (0 outside a request).
func listenerFrom(ctx context.Context) listener { return infoFrom(ctx).listener }

// hostFrom returns the request's Host header, port included (D8).
func hostFrom(ctx context.Context) string { return infoFrom(ctx).host }

// methodFrom returns the canonical name of the method being served.
func methodFrom(ctx context.Context) string { return infoFrom(ctx).method }

// ---------------------------------------------------------------------------
// API versions

// allVersions is the 12.0 supportedVersions list plus the later 12.x
// endpoints (D2), oldest first.
func allVersions() []string {
	return []string{
		"1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0", "7.1", "7.2", "7.3", "7.4",
		"8.0", "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7",
		"9.0", "9.1", "9.2", "9.3", "9.4", "9.5", "9.6",
		"10.0", "10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7",
		"11.0", "11.1", "11.3", "11.5", "11.7", "11.8",
		"12.0", "12.2", "12.3", "12.5", "12.7",
	}
}

// supportedVersions cuts allVersions at current; nil when current is not in it.
func supportedVersions(current string) []string {
	all := allVersions()
	if i := slices.Index(all, current); i >= 0 {
		return all[:i+1]
	}
	return nil
}

// apiVersion is a parsed "major.minor".
type apiVersion struct{ major, minor int }

func parseVersion(s string) (apiVersion, bool) {
	maj, min, ok := strings.Cut(s, ".")
	if !ok {
		return apiVersion{}, false
	}
	a, err1 := strconv.Atoi(maj)
	b, err2 := strconv.Atoi(min)
	if err1 != nil || err2 != nil || a < 0 || b < 0 {
		return apiVersion{}, false
	}
	return apiVersion{a, b}, true
}

func (v apiVersion) less(w apiVersion) bool {
	return v.major < w.major || (v.major == w.major && v.minor < w.minor)
}
