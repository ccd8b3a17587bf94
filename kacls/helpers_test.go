package kacls_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/clock"
	"github.com/element-emulator/element-emulator/kacls"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

// env is a KACLS service on an httptest server (plain HTTP on loopback)
// with a hand-moved clock and every check on.
type env struct {
	t   *testing.T
	svc *kacls.Service
	srv *httptest.Server
	clk *clock.Clock
}

func newEnv(t *testing.T, cfg kacls.Config) *env {
	t.Helper()
	e := &env{t: t, clk: clock.New(clock.State{Mode: clock.Virtual, Base: time.Date(2026, 11, 26, 5, 54, 19, 0, time.UTC)}, time.Now)}
	cfg.Store = sqlitetest.Open(t)
	cfg.Now = e.clock
	cfg.TestIssuers = true
	svc, err := kacls.New(cfg)
	require.NoError(t, err)
	e.svc = svc
	e.srv = httptest.NewServer(svc.Handler())
	t.Cleanup(e.srv.Close)
	svc.SetOrigin(e.srv.URL)
	require.NoError(t, svc.Init(context.Background()))
	return e
}

func (e *env) clock() time.Time { return e.clk.Now() }

func (e *env) advance(d time.Duration) {
	_, err := e.clk.Advance(d)
	require.NoError(e.t, err)
}

// url is an instance's URL ("" = the default instance at /v1).
func (e *env) url(inst string) string {
	if inst == "" {
		return e.srv.URL + "/v1"
	}
	return e.srv.URL + "/" + inst + "/v1"
}

func (e *env) do(method, inst, ep string, body any) (int, map[string]any) {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewReader([]byte(b))
	default:
		raw, err := json.Marshal(b)
		require.NoError(e.t, err)
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, e.url(inst)+"/"+ep, rd)
	require.NoError(e.t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(e.t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(e.t, err)
	out := map[string]any{}
	if len(raw) > 0 {
		require.NoError(e.t, json.Unmarshal(raw, &out), string(raw))
	}
	return resp.StatusCode, out
}

func (e *env) post(inst, ep string, body map[string]any) (int, map[string]any) {
	e.t.Helper()
	return e.do(http.MethodPost, inst, ep, body)
}

// ok posts and requires a 200.
func (e *env) ok(inst, ep string, body map[string]any) map[string]any {
	e.t.Helper()
	status, out := e.post(inst, ep, body)
	require.Equal(e.t, http.StatusOK, status, "%s %s: %v", inst, ep, out)
	return out
}

// fail posts and requires the status, and Google's error object with
// code = status.
func (e *env) fail(inst, ep string, body map[string]any, status int) string {
	e.t.Helper()
	got, out := e.post(inst, ep, body)
	require.Equal(e.t, status, got, "%s %s: %v", inst, ep, out)
	require.EqualValues(e.t, status, out["code"], "code = HTTP status: %v", out)
	require.NotEmpty(e.t, out["message"])
	return out["details"].(string)
}

func (e *env) mint(req kacls.MintRequest) string {
	e.t.Helper()
	tok, err := e.svc.Mint(context.Background(), req)
	require.NoError(e.t, err)
	return tok
}

func (e *env) authn(email string, extra ...map[string]any) string {
	c := map[string]any{"email": email}
	for _, x := range extra {
		maps.Copy(c, x)
	}
	return e.mint(kacls.MintRequest{Type: "authn", Claims: c})
}

// authz is a Drive authorization token for inst.
func (e *env) authz(inst, role, email, resource string, extra ...map[string]any) string {
	c := map[string]any{"role": role, "email": email, "resource_name": resource, "kacls_url": e.url(inst)}
	for _, x := range extra {
		maps.Copy(c, x)
	}
	return e.mint(kacls.MintRequest{Type: "authz", Claims: c})
}

// migration is a KACLS migration service token for inst.
func (e *env) migration(inst, role, resource string, extra ...map[string]any) string {
	c := map[string]any{"role": role, "email": "migration@system.gserviceaccount.com", "resource_name": resource, "kacls_url": e.url(inst)}
	for _, x := range extra {
		maps.Copy(c, x)
	}
	return e.mint(kacls.MintRequest{Type: "migration", Claims: c})
}
