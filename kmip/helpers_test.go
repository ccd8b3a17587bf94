package kmip_test

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/element-emulator/element-emulator/kmip"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
	"github.com/stretchr/testify/require"
)

// t0 is the fixed emulator-clock start of the tests.
var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// testClock is a settable emulator clock, safe for the server's goroutines.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// env is an embedded server on 127.0.0.1:0 with its CA and store.
type env struct {
	store kmip.Store
	ca    *kmip.CA
	clock *testClock
	srv   *kmip.Server
}

func newEnv(t *testing.T, mut ...func(*kmip.ServerConfig)) *env {
	t.Helper()
	st := sqlitetest.Open(t)
	clock := &testClock{now: t0}
	ca, err := kmip.LoadOrCreateCA(context.Background(), st, clock.Now())
	require.NoError(t, err)
	e := &env{store: st, ca: ca, clock: clock}
	e.srv = e.start(t, mut...)
	return e
}

func (e *env) start(t *testing.T, mut ...func(*kmip.ServerConfig)) *kmip.Server {
	t.Helper()
	cfg := kmip.ServerConfig{Addr: "127.0.0.1:0", Store: e.store, CA: e.ca, Now: e.clock.Now, Logger: testLogger(t)}
	for _, m := range mut {
		m(&cfg)
	}
	srv, err := kmip.NewServer(cfg)
	require.NoError(t, err)
	require.NoError(t, srv.Start())
	t.Cleanup(func() { require.NoError(t, srv.Close()) })
	return srv
}

// newKeyAndCSR makes an ECDSA P-256 key and a CSR for cn.
func newKeyAndCSR(t testing.TB, cn string) (crypto.Signer, string, []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: cn}}, key)
	require.NoError(t, err)
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	require.NoError(t, err)
	return key, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der})),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder})
}

// clientCert returns a CA-signed client certificate and its key, both PEM.
func (e *env) clientCert(t testing.TB, cn string) (string, []byte) {
	t.Helper()
	_, csr, keyPEM := newKeyAndCSR(t, cn)
	certPEM, err := e.ca.SignCSR(context.Background(), csr, 365, e.clock.Now())
	require.NoError(t, err)
	return certPEM, keyPEM
}

func slogTo(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, nil))
}

// rsaClientCert returns a CA-signed RSA-2048 client certificate and its
// PKCS#1 key, both PEM.
func (e *env) rsaClientCert(t *testing.T, cn string) (string, []byte) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: cn}}, key)
	require.NoError(t, err)
	certPEM, err := e.ca.SignCSR(context.Background(), string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der})), 365, e.clock.Now())
	require.NoError(t, err)
	return certPEM, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
}
