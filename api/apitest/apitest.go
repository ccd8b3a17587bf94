// Package apitest starts a real in-process emulator (SQLite store in a
// temporary directory, embedded KMIP server on a free loopback port,
// virtual clock) and offers a small JSON-RPC client for tests.
package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/clock"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/emulator"
)

// Start returns the virtual clock's fixed start instant in tests.
func Start() time.Time { return time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC) }

// Option changes the emulator configuration before it starts.
type Option func(*emulator.Config)

// WithDataDir keeps state in dir (to restart on the same state).
func WithDataDir(dir string) Option { return func(c *emulator.Config) { c.DataDir = dir } }

// WithKMIPAddr fixes the embedded key server's address (to restart on the
// same port, so stored key servers still point at it).
func WithKMIPAddr(addr string) Option { return func(c *emulator.Config) { c.KMIPAddr = addr } }

// WithKACLS serves KACLS instances of those names (none: one instance at
// /v1) over HTTPS on a free port, with the test issuers on.
func WithKACLS(names ...string) Option {
	return func(c *emulator.Config) {
		c.KACLSAddr = "127.0.0.1:0"
		c.KACLS.Instances = names
		c.KACLS.TestIssuers = true
	}
}

// WithConfig edits the configuration freely.
func WithConfig(f func(*emulator.Config)) Option { return f }

// Server is a running in-process emulator.
type Server struct {
	T   testing.TB
	Emu *emulator.Emulator
	// URL is the plain-HTTP base ("http://127.0.0.1:port").
	URL string
	// HTTPSURL is the cluster listener base ("https://127.0.0.1:port").
	HTTPSURL string
	// NodeURL is the node listener base.
	NodeURL string
	Version string
	User    string
	Pass    string
	Client  *http.Client
	DataDir string
}

// Config returns the default test configuration: everything on free
// loopback ports, virtual clock starting at Start, a temporary data dir.
func Config(dir string) emulator.Config {
	cc := cluster.DefaultConfig()
	return emulator.Config{
		DataDir: dir, HTTPSAddr: "127.0.0.1:0", HTTPAddr: "127.0.0.1:0", NodeAddr: "127.0.0.1:0", KMIPAddr: "127.0.0.1:0",
		Clock: clock.Virtual, Cluster: cc, ClientCertDays: 365,
		Wall: Start,
	}
}

// NewServer starts an emulator and stops it at cleanup.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	cfg := Config(filepath.Join(t.TempDir(), "data"))
	lw := &logWriter{t: t}
	t.Cleanup(lw.stop) // registered first, so it runs after the emulator is closed
	cfg.Logger = slog.New(slog.NewTextHandler(lw, &slog.HandlerOptions{Level: slog.LevelError}))
	for _, o := range opts {
		o(&cfg)
	}
	e, err := emulator.New(context.Background(), cfg)
	require.NoError(t, err)
	require.NoError(t, e.Start(context.Background()))
	s := &Server{T: t, Emu: e, URL: "http://" + e.Addr("http"), HTTPSURL: "https://" + e.Addr("https"),
		NodeURL: "https://" + e.Addr("node"), Version: cfg.Cluster.APIVersion, User: cfg.Cluster.User,
		Pass: cfg.Cluster.Password, Client: &http.Client{Timeout: 2 * time.Minute}, DataDir: cfg.DataDir}
	t.Cleanup(func() { s.Close() })
	return s
}

// logWriter sends the emulator's error log lines to the test log while the
// test runs.
type logWriter struct {
	mu      sync.Mutex
	t       testing.TB
	stopped bool
}

func (w *logWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.stopped {
		w.t.Log(strings.TrimSpace(string(p)))
	}
	return len(p), nil
}

func (w *logWriter) stop() {
	w.mu.Lock()
	w.stopped = true
	w.mu.Unlock()
}

// Close stops the emulator (idempotent), as a clean shutdown.
func (s *Server) Close() { _ = s.Emu.Close() }

// Restart stops the emulator and starts a new one on the same data
// directory and KMIP port, returning it.
func (s *Server) Restart(opts ...Option) *Server {
	s.T.Helper()
	kmipAddr := s.Emu.KMIPAddr()
	s.Close()
	return NewServer(s.T, append([]Option{WithDataDir(s.DataDir), WithKMIPAddr(kmipAddr)}, opts...)...)
}

// Response is a decoded Element envelope.
type Response struct {
	ID     json.RawMessage `json:"id"`
	Result map[string]any  `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Name    string `json:"name"`
		Message string `json:"message"`
	} `json:"error"`
	Raw []byte `json:"-"`
}

// Post sends a raw body to /json-rpc/<version> and returns the HTTP status and body.
func (s *Server) Post(body string) (int, []byte) {
	s.T.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL+"/json-rpc/"+s.Version, strings.NewReader(body))
	require.NoError(s.T, err)
	req.SetBasicAuth(s.User, s.Pass)
	resp, err := s.Client.Do(req)
	require.NoError(s.T, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(s.T, err)
	return resp.StatusCode, b
}

// Call calls method with params (nil = none) and returns the envelope.
func (s *Server) Call(method string, params any) Response {
	s.T.Helper()
	env := map[string]any{"method": method, "id": 1}
	if params != nil {
		env["params"] = params
	}
	b, err := json.Marshal(env)
	require.NoError(s.T, err)
	status, body := s.Post(string(b))
	require.Equal(s.T, http.StatusOK, status, string(body))
	var r Response
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	require.NoError(s.T, d.Decode(&r), string(body))
	r.Raw = body
	return r
}

// OK calls method and requires success, returning the result.
func (s *Server) OK(method string, params any) map[string]any {
	s.T.Helper()
	r := s.Call(method, params)
	require.Nil(s.T, r.Error, "%s: %s", method, string(r.Raw))
	require.NotNil(s.T, r.Result, string(r.Raw))
	return r.Result
}

// Fail calls method and requires the Element error name; it returns the message.
func (s *Server) Fail(method string, params any, name string) string {
	s.T.Helper()
	r := s.Call(method, params)
	require.NotNil(s.T, r.Error, "%s should fail with %s: %s", method, name, string(r.Raw))
	require.Equal(s.T, name, r.Error.Name, string(r.Raw))
	require.Equal(s.T, 500, r.Error.Code)
	return r.Error.Message
}

// Control sends a request to /_emulator/<path> and decodes the JSON answer.
func (s *Server) Control(method, path string, body any) (int, map[string]any) {
	s.T.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(s.T, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+"/_emulator/"+path, rd)
	require.NoError(s.T, err)
	req.SetBasicAuth(s.User, s.Pass)
	resp, err := s.Client.Do(req)
	require.NoError(s.T, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(s.T, err)
	out := map[string]any{}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		require.NoError(s.T, d.Decode(&out), string(raw))
	} else {
		out["text"] = string(raw)
	}
	return resp.StatusCode, out
}

// Advance moves the virtual clock forward.
func (s *Server) Advance(seconds float64) {
	s.T.Helper()
	status, body := s.Control(http.MethodPost, "clock/advance", map[string]any{"seconds": seconds})
	require.Equal(s.T, http.StatusOK, status, fmt.Sprint(body))
}

// AddRule adds a fault rule and returns its ID.
func (s *Server) AddRule(rule map[string]any) int64 {
	s.T.Helper()
	status, body := s.Control(http.MethodPost, "faults", rule)
	require.Equal(s.T, http.StatusOK, status, fmt.Sprint(body))
	id, err := body["ruleID"].(json.Number).Int64()
	require.NoError(s.T, err)
	return id
}

// DeleteRule deletes a fault rule.
func (s *Server) DeleteRule(id int64) {
	s.T.Helper()
	status, body := s.Control(http.MethodDelete, fmt.Sprintf("faults/%d", id), nil)
	require.Equal(s.T, http.StatusOK, status, fmt.Sprint(body))
}

// Trust runs the trust relationship of seed 001 (key pair, CSR, signing)
// and returns the CA and client certificate PEMs.
func (s *Server) Trust(commonName string) (caPEM, certPEM string) {
	s.T.Helper()
	s.OK("CreatePublicPrivateKeyPair", map[string]any{"commonName": commonName, "organization": "Lab", "country": "US"})
	csr := s.OK("GetClientCertificateSignRequest", nil)["clientCertificateSignRequest"].(string)
	status, body := s.Control(http.MethodPost, "kmip/sign", map[string]any{"csr": csr})
	require.Equal(s.T, http.StatusOK, status, fmt.Sprint(body))
	return body["caCertificate"].(string), body["certificate"].(string)
}

// SetupEKM runs seed 001's setup steps 1–8 against the embedded key server
// and returns the provider and server IDs.
func (s *Server) SetupEKM() (providerID, serverID int64) {
	s.T.Helper()
	ca, cert := s.Trust("emu-cluster")
	p := s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "lab-provider"})["kmipKeyProvider"].(map[string]any)
	ks := s.OK("CreateKeyServerKmip", map[string]any{"kmipCaCertificate": ca, "kmipClientCertificate": cert,
		"kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": "lab-kms",
		"kmipKeyServerPort": s.Emu.KMIPPort()})["kmipKeyServer"].(map[string]any)
	providerID = Int(s.T, p["keyProviderID"])
	serverID = Int(s.T, ks["keyServerID"])
	s.OK("TestKeyServerKmip", map[string]any{"keyServerID": serverID})
	s.OK("AddKeyServerToProviderKmip", map[string]any{"keyProviderID": providerID, "keyServerID": serverID})
	s.OK("TestKeyProviderKmip", map[string]any{"keyProviderID": providerID})
	return providerID, serverID
}

// Int converts a decoded JSON number to int64.
func Int(t testing.TB, v any) int64 {
	t.Helper()
	n, ok := v.(json.Number)
	require.True(t, ok, "expected a JSON number, got %T %v", v, v)
	i, err := n.Int64()
	require.NoError(t, err)
	return i
}

// Obj returns m[key] as an object.
func Obj(t testing.TB, m map[string]any, key string) map[string]any {
	t.Helper()
	o, ok := m[key].(map[string]any)
	require.True(t, ok, "%s is not an object: %v", key, m[key])
	return o
}
