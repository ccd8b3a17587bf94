package kacls

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// Config configures the KACLS service. Store and Now are required.
type Config struct {
	// Instances names the instances, each served at /<name>/v1; empty
	// means one instance, "default", at /v1.
	Instances []string
	Store     Store
	Now       func() time.Time // the emulator clock: token times, minted tokens
	Wall      func() time.Time // real time: JWKS cache, fault delays (time.Now when nil)
	Logger    *slog.Logger
	Faults    FaultSource // may be nil
	// Logged, when set, is called after each request is logged (the
	// dashboard's live updates); it must not block.
	Logged func()
	// RootCAs gives the pool that verifies the certificates of peers and
	// JWKS hosts: the system roots plus the emulator's CA and
	// --kacls-peer-ca files. It is called once, at the first outbound call
	// (reading the system roots takes tens of milliseconds, which a start
	// should not wait for); nil means the system roots alone.
	RootCAs func() *x509.CertPool
	// Peers are other processes' instance URLs (--kacls-peer): called by
	// rewrap, and trusted to send migration JWTs. The instances of this
	// service are always each other's peers.
	Peers []string
	// AuthnIssuers and AuthzIssuers are trusted issuers besides the test
	// issuers; AuthnAudiences the audiences an IdP token may carry
	// (default kacls-emulator).
	AuthnIssuers, AuthzIssuers []Issuer
	AuthnAudiences             []string
	// TestIssuers turns on emulator-cse-idp and emulator-cse-authz (and the
	// test key for Google's authorization issuers); TestJWKS adds other
	// processes' test keys to them (--kacls-test-jwks).
	TestIssuers bool
	TestJWKS    [][]byte
	// PrivilegedUsers, when set, are the only users of the privileged
	// endpoints with IdP tokens.
	PrivilegedUsers []string
	// TokenValidationOff skips signature, issuer, audience and time checks
	// (policy still applies).
	TokenValidationOff bool
	// AllowGuests accepts email_type google-visitor and customer-idp.
	AllowGuests bool
	// OwnerDomain, when set, must equal a kacls_owner_domain claim.
	OwnerDomain string
	// Version is reported by status.
	Version string
	// PeerTimeout bounds outbound calls (default 10 s, real time).
	PeerTimeout time.Duration
	// RequestLogSize is how many requests the log keeps (default 1000).
	RequestLogSize int
}

// instance is one KACLS: a name, a path on the listener and its URL.
type instance struct {
	name string
	path string // "/v1" or "/<name>/v1"
	url  string // normalized origin + path; set by SetOrigin
}

// Service is the KACLS: its instances and their HTTP handler.
type Service struct {
	cfg       Config
	log       *slog.Logger
	instances []*instance
	byName    map[string]*instance
	client    func() *http.Client // outbound: peers and JWKS (made at the first call)

	mu     sync.RWMutex
	origin string
	peers  map[string]bool
	// testOn: the test issuers are trusted (their key is made at its
	// first use, like every signing key).
	testOn bool
	// signers caches the parsed signing keys by owner (cleared by Init).
	signers map[string]*signer
	// genMu serialises making a missing signing key, so that concurrent
	// first uses make one RSA key, not several.
	genMu sync.Mutex

	authn, authz map[string]*issuerKeys
	jwks         jwksCache
	reqs         requestLog
}

// instanceNameRE is an instance name, at most 32 long (checked beside it:
// a bounded repetition compiles to one copy of the class per count).
var instanceNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// ErrConfig wraps every configuration error of New.
var ErrConfig = errors.New("kacls configuration")

// New checks cfg and builds the service; nothing listens yet and the
// instance URLs are known only after SetOrigin.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil || cfg.Now == nil {
		return nil, fmt.Errorf("%w: Store and Now are required", ErrConfig)
	}
	if cfg.Wall == nil {
		cfg.Wall = time.Now // real time on purpose: caches and delays (KA8)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.PeerTimeout <= 0 {
		cfg.PeerTimeout = 10 * time.Second
	}
	if cfg.RequestLogSize <= 0 {
		cfg.RequestLogSize = 1000
	}
	if len(cfg.AuthnAudiences) == 0 {
		cfg.AuthnAudiences = []string{DefaultAuthnAudience}
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	s := &Service{cfg: cfg, log: cfg.Logger, byName: map[string]*instance{}}
	s.reqs.max = cfg.RequestLogSize
	s.reqs.logged = cfg.Logged
	names := cfg.Instances
	if len(names) == 0 {
		s.instances = []*instance{{name: DefaultInstance, path: "/v1"}}
	} else {
		for _, n := range names {
			if len(n) > 32 || !instanceNameRE.MatchString(n) {
				return nil, fmt.Errorf("%w: instance name %q: use 1 to 32 of A-Z a-z 0-9 _ - (not starting with _ or -)", ErrConfig, n)
			}
			if s.byName[n] != nil {
				return nil, fmt.Errorf("%w: instance %q named twice", ErrConfig, n)
			}
			in := &instance{name: n, path: "/" + n + "/v1"}
			s.instances = append(s.instances, in)
			s.byName[n] = in
		}
	}
	for _, in := range s.instances {
		s.byName[in.name] = in
	}
	for _, p := range cfg.Peers {
		if err := checkPeerURL(p); err != nil {
			return nil, fmt.Errorf("%w: --kacls-peer %q: %v", ErrConfig, p, err)
		}
	}
	s.client = sync.OnceValue(func() *http.Client {
		var roots *x509.CertPool // nil: the system roots
		if cfg.RootCAs != nil {
			roots = cfg.RootCAs()
		}
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
		tr.Proxy = nil // peers are called directly, never through a proxy
		return &http.Client{Timeout: cfg.PeerTimeout, Transport: tr,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	})
	return s, nil
}

// DefaultInstance is the name of the one instance served at /v1.
const DefaultInstance = "default"

// Init loads (or creates at the first start) the wrapping keys of every
// instance and builds the issuer tables. Signing keys (RSA-2048, about
// 100 ms of CPU each) are made at their first use, not here, so that a
// start or a lab of 30 clusters does not wait for them (KA7).
func (s *Service) Init(ctx context.Context) error {
	s.mu.Lock()
	s.signers = map[string]*signer{}
	s.mu.Unlock()
	for _, in := range s.instances {
		if _, err := s.wrappingKeys(ctx, in); err != nil {
			return fmt.Errorf("kacls %s: %w", in.name, err)
		}
	}
	authn, authz := map[string]*issuerKeys{}, map[string]*issuerKeys{}
	add := func(m map[string]*issuerKeys, is Issuer) error {
		k := m[is.Name]
		if k == nil {
			k = &issuerKeys{}
			m[is.Name] = k
		}
		if is.JWKSURL != "" {
			k.url = is.JWKSURL
		}
		if len(is.JWKS) > 0 {
			keys, err := ParseJWKS(is.JWKS)
			if err != nil {
				return fmt.Errorf("%w: issuer %s: %v", ErrConfig, is.Name, err)
			}
			k.keys = append(k.keys, keys...)
		}
		return nil
	}
	for _, is := range s.cfg.AuthnIssuers {
		if err := add(authn, is); err != nil {
			return err
		}
	}
	for _, is := range s.cfg.AuthzIssuers {
		if err := add(authz, is); err != nil {
			return err
		}
	}
	if s.cfg.TestIssuers {
		var keys []jose.JSONWebKey
		for _, b := range s.cfg.TestJWKS {
			more, err := ParseJWKS(b)
			if err != nil {
				return fmt.Errorf("%w: --kacls-test-jwks: %v", ErrConfig, err)
			}
			keys = append(keys, more...)
		}
		for _, name := range []string{TestIdP} {
			authn[name] = &issuerKeys{keys: append(append([]jose.JSONWebKey{}, keys...), keysOf(authn[name])...), url: urlOf(authn[name]), test: true}
		}
		for _, name := range append([]string{TestAuthz}, GoogleAuthzIssuers...) {
			authz[name] = &issuerKeys{keys: append(append([]jose.JSONWebKey{}, keys...), keysOf(authz[name])...), url: urlOf(authz[name]), test: true}
		}
	}
	s.mu.Lock()
	s.authn, s.authz, s.testOn = authn, authz, s.cfg.TestIssuers
	s.mu.Unlock()
	return nil
}

func keysOf(k *issuerKeys) []jose.JSONWebKey {
	if k == nil {
		return nil
	}
	return k.keys
}

func urlOf(k *issuerKeys) string {
	if k == nil {
		return ""
	}
	return k.url
}

// SetOrigin sets the scheme, host and port the instances are reached at
// ("https://127.0.0.1:9440"): their URLs are origin + path. Every instance
// of the service is a peer of the others.
func (s *Service) SetOrigin(origin string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.origin = strings.TrimRight(origin, "/")
	s.peers = map[string]bool{}
	for _, in := range s.instances {
		in.url = NormalizeURL(s.origin + in.path)
		s.peers[in.url] = true
	}
	for _, p := range s.cfg.Peers {
		s.peers[NormalizeURL(p)] = true
	}
}

// isPeer reports whether the normalized URL u is an instance of this
// service or a configured peer.
func (s *Service) isPeer(u string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.peers[u]
}

// NormalizeURL makes KACLS URLs comparable: scheme and host lower-case, the
// default port dropped, trailing slashes removed (KA3). A string that is
// not an absolute URL is returned trimmed of trailing slashes only.
func NormalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return strings.TrimRight(raw, "/")
	}
	scheme := strings.ToLower(u.Scheme)
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if (scheme == "https" && port == "443") || (scheme == "http" && port == "80") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	return scheme + "://" + host + strings.TrimRight(u.EscapedPath(), "/")
}

// checkPeerURL accepts https URLs, and http ones on loopback only.
func checkPeerURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return errors.New("not an absolute http(s) URL without query, fragment or user")
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return errors.New("plain http is accepted for loopback peers only")
	}
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// InstanceInfo describes an instance for the lab controls.
type InstanceInfo struct {
	Name string `json:"name"`
	URL  string `json:"url"`
	KID  string `json:"kid"`
}

// URLs lists the instances' names and URLs without touching their keys
// (the start-up log: a signing key is made at its first use, KA7).
func (s *Service) URLs() []InstanceInfo {
	out := make([]InstanceInfo, 0, len(s.instances))
	for _, in := range s.instances {
		out = append(out, InstanceInfo{Name: in.name, URL: s.urlOf(in)})
	}
	return out
}

// Instances lists the instances with their URLs and signing-key ids.
func (s *Service) Instances(ctx context.Context) ([]InstanceInfo, error) {
	out := make([]InstanceInfo, 0, len(s.instances))
	for _, in := range s.instances {
		sg, err := s.signingKey(ctx, ownerOf(in.name))
		if err != nil {
			return nil, err
		}
		out = append(out, InstanceInfo{Name: in.name, URL: s.urlOf(in), KID: sg.jwk.KeyID})
	}
	return out, nil
}

func (s *Service) urlOf(in *instance) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return in.url
}

// instanceNamed finds an instance; "" is the only one when there is one.
func (s *Service) instanceNamed(name string) (*instance, error) {
	if name == "" && len(s.instances) == 1 {
		return s.instances[0], nil
	}
	if in := s.byName[name]; in != nil {
		return in, nil
	}
	names := make([]string, len(s.instances))
	for i, in := range s.instances {
		names[i] = in.name
	}
	return nil, fmt.Errorf("%w: %q (instances: %s)", ErrUnknownInstance, name, strings.Join(names, ", "))
}

// Reset forgets the request log and cached key sets after the store's
// KACLS tables were wiped, and makes new keys for every instance; the test
// issuers' key is kept (KA13).
func (s *Service) Reset(ctx context.Context) error {
	if err := s.cfg.Store.WipeKACLS(ctx, []string{ownerTestIssuer}); err != nil {
		return err
	}
	s.reqs.clear()
	return s.Reload(ctx)
}

// Reload re-reads the keys after the store changed under the service (a
// snapshot restored) and drops the cached peer key sets.
func (s *Service) Reload(ctx context.Context) error {
	s.jwks.forget()
	return s.Init(ctx)
}

// JWKS is the test issuers' public key set (GET /_emulator/kacls/jwks).
func (s *Service) JWKS(ctx context.Context) (jose.JSONWebKeySet, error) {
	s.mu.RLock()
	on := s.testOn
	s.mu.RUnlock()
	if !on {
		return jose.JSONWebKeySet{}, fmt.Errorf("%w: the test issuers are off (--kacls-test-issuers=false)", ErrBadMint)
	}
	sg, err := s.signingKey(ctx, ownerTestIssuer)
	if err != nil {
		return jose.JSONWebKeySet{}, err
	}
	return jose.JSONWebKeySet{Keys: []jose.JSONWebKey{sg.jwk}}, nil
}

// Handler serves every instance under its path.
func (s *Service) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// maxBody bounds a request body (413 beyond; KA3).
const maxBody = 64 << 10

func (s *Service) serveHTTP(w http.ResponseWriter, r *http.Request) {
	// Browsers call a KACLS directly: answer CORS for any origin.
	if r.Header.Get("Origin") != "" {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}
	in, ep := s.route(r.URL.Path)
	if in == nil || ep == nil {
		writeError(w, newError(http.StatusNotFound, "not found", "no KACLS endpoint at %s (endpoints are under %s)", r.URL.Path, s.paths()))
		return
	}
	if r.Method == http.MethodOptions {
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
		w.Header().Set("Access-Control-Allow-Headers", "Content-Type")
		w.Header().Set("Access-Control-Max-Age", "3600")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if f := s.fault(r.Context(), FaultEvent{Target: TargetKACLS, Instance: in.name, Endpoint: ep.name}); f != nil {
		if done := s.applyFault(w, r, f); done {
			s.reqs.add(s.cfg.Now(), record{Instance: in.name, Endpoint: ep.name, Status: f.Status, Result: "fault " + f.Effect})
			return
		}
	}
	if r.Method != ep.method {
		w.Header().Set("Allow", ep.method)
		writeError(w, newError(http.StatusMethodNotAllowed, "method not allowed", "%s takes %s, not %s", ep.name, ep.method, r.Method))
		return
	}
	var body []byte
	if r.Method == http.MethodPost {
		var err error
		body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			writeError(w, newError(http.StatusRequestEntityTooLarge, "request too large", "the body is larger than %d bytes", maxBody))
			return
		}
	}
	rec := &record{Instance: in.name, Endpoint: ep.name}
	res, err := ep.call(s, r.Context(), in, body, rec)
	if err != nil {
		e := asError(err)
		if e == errInternal {
			s.log.ErrorContext(r.Context(), "KACLS request failed", "instance", in.name, "endpoint", ep.name, "error", err)
		}
		rec.Status, rec.Result = e.Code, e.Message+": "+e.Details
		writeError(w, e)
	} else {
		rec.Status, rec.Result = http.StatusOK, "ok"
		writeJSON(w, http.StatusOK, res)
	}
	id := s.reqs.add(s.cfg.Now(), *rec)
	s.log.InfoContext(r.Context(), "kacls request", "id", id, "instance", in.name, "endpoint", ep.name, "status", rec.Status,
		"iss", rec.Iss, "email", rec.Email, "role", rec.Role, "resource", rec.ResourceName)
}

// route finds the instance and endpoint of a path.
func (s *Service) route(p string) (*instance, *endpoint) {
	for _, in := range s.instances {
		rest, ok := strings.CutPrefix(p, in.path+"/")
		if !ok {
			continue
		}
		if ep := endpoints[strings.TrimSuffix(rest, "/")]; ep != nil {
			return in, ep
		}
		return in, nil
	}
	return nil, nil
}

func (s *Service) paths() string {
	ps := make([]string, len(s.instances))
	for i, in := range s.instances {
		ps[i] = in.path + "/"
	}
	return strings.Join(ps, ", ")
}

// fault asks the fault source whether a rule fires for ev.
func (s *Service) fault(ctx context.Context, ev FaultEvent) *Fault {
	if s.cfg.Faults == nil {
		return nil
	}
	f, err := s.cfg.Faults.Fire(ctx, ev)
	if err != nil {
		s.log.ErrorContext(ctx, "KACLS fault rules", "error", err)
		return nil
	}
	return f
}

// applyFault renders a kacls fault; it reports whether the request is
// answered (every effect but delay).
func (s *Service) applyFault(w http.ResponseWriter, r *http.Request, f *Fault) bool {
	switch f.Effect {
	case EffectDelay:
		s.sleep(r.Context(), f.Ms)
		f.Status = 0
		return false
	case EffectDrop:
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				_ = c.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler)
	case EffectHTTPStatus:
		if f.Status == 0 {
			f.Status = http.StatusServiceUnavailable
		}
		w.WriteHeader(f.Status)
		return true
	default: // error
		e := errUnavailable("%s", firstNonEmpty(f.Message, "fault rule: the KACLS is unavailable"))
		if f.Status != 0 {
			e.Code, e.Message = f.Status, strings.ToLower(http.StatusText(f.Status))
		}
		f.Status = e.Code
		writeError(w, e)
		return true
	}
}

// sleep waits ms milliseconds of real time, or until ctx ends.
func (s *Service) sleep(ctx context.Context, ms int) {
	t := time.NewTimer(time.Duration(ms) * time.Millisecond)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

func firstNonEmpty(a ...string) string {
	for _, x := range a {
		if x != "" {
			return x
		}
	}
	return ""
}

// Addr helpers for the wiring: the origin of a listener address.
func Origin(tlsOn bool, addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return ""
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	scheme := "https"
	if !tlsOn {
		scheme = "http"
	}
	if _, err := strconv.Atoi(port); err != nil {
		return ""
	}
	return scheme + "://" + net.JoinHostPort(host, port)
}
