package alikms_test

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/clock"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

// env is the KMS behind an httptest server (plain HTTP, loopback) with a
// hand-moved emulator clock.
type env struct {
	t   testing.TB
	svc *alikms.Service
	srv *httptest.Server
	clk *clock.Clock
}

func newEnv(t testing.TB) *env { return newEnvOn(t, sqlitetest.Open(t)) }

// newEnvOn is newEnv on a given store.
func newEnvOn(t testing.TB, store alikms.Store) *env {
	e := &env{t: t, clk: clock.New(clock.State{Mode: clock.Real}, time.Now)}
	svc, err := alikms.New(alikms.Config{Store: store, Now: e.now})
	require.NoError(t, err)
	e.svc = svc
	e.srv = httptest.NewServer(svc.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

func (e *env) now() time.Time { return e.clk.Now() }

func (e *env) advance(d time.Duration) {
	_, err := e.clk.Advance(d)
	require.NoError(e.t, err)
}

// A signer written apart from the package's own (the test vectors pin
// both): ACS3-HMAC-SHA256 over the query string, and RPC V1.

func pctEncode(s string) string {
	return strings.NewReplacer("+", "%20", "*", "%2A", "%7E", "~").Replace(url.QueryEscape(s))
}

func randomNonce() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// signACS3 returns a request for action with params in the query string.
func signACS3(target, host, id, secret, action string, p map[string]string) *http.Request {
	names := make([]string, 0, len(p))
	for k := range p {
		names = append(names, k)
	}
	sort.Strings(names)
	var cq []string
	vals := url.Values{}
	for _, k := range names {
		cq = append(cq, k+"="+pctEncode(p[k]))
		vals.Set(k, p[k])
	}
	empty := sha256.Sum256(nil)
	h := map[string]string{"host": host, "x-acs-action": action, "x-acs-content-sha256": hex.EncodeToString(empty[:]),
		"x-acs-date": time.Now().UTC().Format("2006-01-02T15:04:05Z"), "x-acs-signature-nonce": randomNonce(), "x-acs-version": "2016-01-20"}
	signed := []string{"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}
	var ch strings.Builder
	for _, n := range signed {
		ch.WriteString(n + ":" + h[n] + "\n")
	}
	creq := "POST\n/\n" + strings.Join(cq, "&") + "\n" + ch.String() + "\n" + strings.Join(signed, ";") + "\n" + h["x-acs-content-sha256"]
	sum := sha256.Sum256([]byte(creq))
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("ACS3-HMAC-SHA256\n" + hex.EncodeToString(sum[:])))
	req, _ := http.NewRequest(http.MethodPost, target+"/?"+strings.ReplaceAll(vals.Encode(), "+", "%20"), nil)
	for _, n := range signed[1:] {
		req.Header.Set(n, h[n])
	}
	req.Header.Set("Authorization", "ACS3-HMAC-SHA256 Credential="+id+",SignedHeaders="+strings.Join(signed, ";")+",Signature="+hex.EncodeToString(m.Sum(nil)))
	return req
}

// signV1 returns an RPC V1 request with its parameters in a form body.
func signV1(target, id, secret, action string, p map[string]string) *http.Request {
	all := map[string]string{"AccessKeyId": id, "Action": action, "Version": "2016-01-20", "Format": "JSON",
		"SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0", "SignatureNonce": randomNonce(),
		"Timestamp": time.Now().UTC().Format("2006-01-02T15:04:05Z")}
	for k, v := range p {
		all[k] = v
	}
	names := make([]string, 0, len(all))
	for k := range all {
		names = append(names, k)
	}
	sort.Strings(names)
	var parts []string
	vals := url.Values{}
	for _, k := range names {
		parts = append(parts, pctEncode(k)+"="+pctEncode(all[k]))
		vals.Set(k, all[k])
	}
	m := hmac.New(sha1.New, []byte(secret+"&"))
	m.Write([]byte("POST&%2F&" + pctEncode(strings.Join(parts, "&"))))
	vals.Set("Signature", base64.StdEncoding.EncodeToString(m.Sum(nil)))
	req, _ := http.NewRequest(http.MethodPost, target+"/", strings.NewReader(vals.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

// call signs with the default credentials (ACS3) and decodes the answer.
func (e *env) call(action string, p map[string]string) (int, map[string]any) {
	e.t.Helper()
	host := strings.TrimPrefix(e.srv.URL, "http://")
	return e.do(signACS3(e.srv.URL, host, alikms.DefaultAccessKeyID, alikms.DefaultAccessKeySecret, action, p))
}

func (e *env) do(req *http.Request) (int, map[string]any) {
	e.t.Helper()
	resp, err := http.DefaultClient.Do(req.WithContext(context.Background()))
	require.NoError(e.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(e.t, err)
	var out map[string]any
	require.NoError(e.t, json.Unmarshal(b, &out), string(b))
	return resp.StatusCode, out
}
