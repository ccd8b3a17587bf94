package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/kacls"
	"github.com/element-emulator/element-emulator/replay"
)

// kaclsPair is the seed 002 set-up in two processes: A serves the old
// KACLS (KACLS1), B the new one (KACLS2), each over HTTPS with its own
// CA, data directory and keys, each listing the other as its peer.
type kaclsPair struct {
	t            *testing.T
	a, b         *child
	uA, uB       string
	caA, caB     string // PEM files
	http         *http.Client
	baseA, baseB []string // their arguments before the KACLS peer-CA ones
	addrA, jwksA string
	addrB, jwksB string
}

func (p *kaclsPair) raw(c *child, path string) []byte {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.c.base+path, nil)
	require.NoError(p.t, err)
	req.SetBasicAuth("admin", "admin")
	resp, err := c.c.http.Do(req)
	require.NoError(p.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(p.t, err)
	require.Equal(p.t, http.StatusOK, resp.StatusCode, string(b))
	return b
}

func (p *kaclsPair) save(c *child, path, file string) string {
	f := filepath.Join(p.t.TempDir(), file)
	require.NoError(p.t, os.WriteFile(f, p.raw(c, path), 0o600))
	return f
}

// token mints a token at A (B trusts A's test key).
func (p *kaclsPair) token(typ string, claims map[string]any) string {
	p.t.Helper()
	b, _ := json.Marshal(map[string]any{"type": typ, "claims": claims})
	status, out := p.a.c.do(http.MethodPost, "/_emulator/kacls/token", string(b))
	require.Equal(p.t, http.StatusOK, status, out)
	return out["token"].(string)
}

func (p *kaclsPair) post(url, ep string, body map[string]any) (int, map[string]any) {
	p.t.Helper()
	b, err := json.Marshal(body)
	require.NoError(p.t, err)
	resp, err := p.http.Post(url+"/"+ep, "application/json", bytes.NewReader(b))
	require.NoError(p.t, err)
	defer resp.Body.Close()
	out := map[string]any{}
	require.NoError(p.t, json.NewDecoder(resp.Body).Decode(&out))
	if resp.StatusCode != http.StatusOK {
		require.EqualValues(p.t, resp.StatusCode, out["code"], "code = HTTP status: %v", out)
	}
	return resp.StatusCode, out
}

func (p *kaclsPair) ok(url, ep string, body map[string]any) map[string]any {
	p.t.Helper()
	status, out := p.post(url, ep, body)
	require.Equal(p.t, http.StatusOK, status, "%s/%s: %v", url, ep, out)
	return out
}

func (p *kaclsPair) trust(pems ...string) {
	pool := x509.NewCertPool()
	for _, f := range pems {
		b, err := os.ReadFile(f)
		require.NoError(p.t, err)
		require.True(p.t, pool.AppendCertsFromPEM(b))
	}
	p.http = &http.Client{Timeout: time.Minute, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
}

// restartA stops A (SIGTERM) and starts it again with args.
func (p *kaclsPair) restartA(args ...string) {
	p.t.Helper()
	p.stopA()
	p.a.args = args
	p.a.start()
}

func (p *kaclsPair) stopA() {
	p.t.Helper()
	require.NoError(p.t, p.a.cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(p.t, p.a.cmd.Wait())
}

func (p *kaclsPair) advanceBoth(seconds int) {
	for _, c := range []*child{p.a, p.b} {
		status, out := c.c.do(http.MethodPost, "/_emulator/clock/advance", `{"seconds":`+itoa(seconds)+`}`)
		require.Equal(p.t, http.StatusOK, status, out)
	}
}

func newKACLSPair(t *testing.T) *kaclsPair {
	p := &kaclsPair{t: t, addrA: freeAddr(t), addrB: freeAddr(t)}
	p.uA, p.uB = "https://"+p.addrA+"/old/v1", "https://"+p.addrB+"/new/v1"
	// A first, so that B can trust A's CA and test key.
	p.a = newChild(t, "--kacls", "old", "--kacls-addr", p.addrA, "--kacls-peer", p.uB)
	p.baseA = p.a.args
	p.caA = p.save(p.a, "/_emulator/kmip/ca", "a-ca.pem")
	p.jwksA = p.save(p.a, "/_emulator/kacls/jwks", "a-jwks.json")
	p.b = newChild(t, "--kacls", "new", "--kacls-addr", p.addrB, "--kacls-peer", p.uA, "--kacls-peer-ca", p.caA, "--kacls-test-jwks", p.jwksA)
	p.caB = p.save(p.b, "/_emulator/kmip/ca", "b-ca.pem")
	p.trust(p.caA, p.caB)
	return p
}

// TestSeedMigrationTwoProcesses is the seed 002 migration between two
// emulator processes over HTTPS (docs/kacls.md, acceptance): the new KACLS's
// rewrap calls the old one's privilegedunwrap with a JWT of its own, which
// the old one verifies through the new one's /certs.
func TestSeedMigrationTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	p := newKACLSPair(t)
	dek := make([]byte, 32)
	_, err := rand.Read(dek)
	require.NoError(t, err)
	authn := func() string { return p.token("authn", map[string]any{"email": "u@example.com"}) }
	authz := func(url, role, rn string, extra map[string]any) string {
		c := map[string]any{"email": "U@example.com", "role": role, "resource_name": rn, "kacls_url": url}
		for k, v := range extra {
			c[k] = v
		}
		return p.token("authz", c)
	}
	migration := func(url, role string) string {
		return p.token("migration", map[string]any{"email": "m@system.gserviceaccount.com", "role": role, "resource_name": "doc-1", "kacls_url": url})
	}
	unwrap := func(url, w string) (int, map[string]any) {
		return p.post(url, "unwrap", map[string]any{"authentication": authn(), "authorization": authz(url, "reader", "doc-1", nil), "wrapped_key": w, "reason": "r"})
	}

	// 1. A wraps; A restarted (now also trusting B's CA) still unwraps.
	w1 := p.ok(p.uA, "wrap", map[string]any{"authentication": authn(), "authorization": authz(p.uA, "writer", "doc-1", map[string]any{"perimeter_id": "p1"}),
		"key": base64.StdEncoding.EncodeToString(dek), "reason": "{client:'drive' op:'update'}"})["wrapped_key"].(string)
	require.LessOrEqual(t, base64.StdEncoding.DecodedLen(len(w1)), 1024)
	withPeerCA := append(append([]string{}, p.baseA...), "--kacls-peer-ca", p.caB)
	p.restartA(withPeerCA...)
	status, out := unwrap(p.uA, w1)
	require.Equal(t, http.StatusOK, status, out)

	// 2. B rewraps with exactly the seed's four fields.
	tok2 := migration(p.uB, "migrator")
	rewrap := func(authz, orig, reason string) (int, map[string]any) {
		return p.post(p.uB, "rewrap", map[string]any{"authorization": authz, "original_kacls_url": orig, "reason": reason, "wrapped_key": w1})
	}
	status, out = rewrap(tok2, p.uA, "{client:'drive' op:'read'}")
	require.Equal(t, http.StatusOK, status, out)
	require.Len(t, out, 2)
	w2 := out["wrapped_key"].(string)
	require.NotEqual(t, w1, w2)
	require.Equal(t, kacls.ResourceKeyHash(dek, "doc-1", ""), out["resource_key_hash"])

	// 3. A logged one privilegedunwrap with B's migration JWT, whose kid is in B's certs.
	var log struct{ Requests []kacls.Record }
	require.NoError(t, json.Unmarshal(p.raw(p.a, "/_emulator/kacls/requests?instance=old"), &log))
	var pu []kacls.Record
	for _, r := range log.Requests {
		if r.Endpoint == "privilegedunwrap" {
			pu = append(pu, r)
		}
	}
	require.Len(t, pu, 1)
	require.Equal(t, []string{"kacls-migration"}, pu[0].Aud)
	require.Equal(t, p.uB, pu[0].Iss)
	require.Equal(t, p.uA, pu[0].KaclsURL)
	require.Equal(t, "doc-1", pu[0].ResourceName)
	resp, err := p.http.Get(p.uB + "/certs")
	require.NoError(t, err)
	var certs struct{ Keys []struct{ Kid string } }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&certs))
	resp.Body.Close()
	require.Equal(t, certs.Keys[0].Kid, pu[0].Kid)

	// 4. B unwraps W2, A cannot; the digests use the perimeters bound in each blob.
	status, out = unwrap(p.uB, w2)
	require.Equal(t, http.StatusOK, status, out)
	require.Equal(t, base64.StdEncoding.EncodeToString(dek), out["key"])
	status, _ = unwrap(p.uA, w2)
	require.Equal(t, http.StatusBadRequest, status)
	require.Equal(t, out2(p.ok(p.uB, "digest", map[string]any{"authorization": migration(p.uB, "verifier"), "wrapped_key": w2, "reason": "r"})),
		kacls.ResourceKeyHash(dek, "doc-1", ""))
	require.Equal(t, out2(p.ok(p.uA, "digest", map[string]any{"authorization": migration(p.uA, "verifier"), "wrapped_key": w1, "reason": "r"})),
		kacls.ResourceKeyHash(dek, "doc-1", "p1"))

	// 5. Refusals at B.
	for _, c := range []struct {
		name        string
		authz, orig string
		reason      string
		status      int
	}{
		{"role reader", authz(p.uB, "reader", "doc-1", nil), p.uA, "r", 403},
		{"token for A", migration(p.uA, "migrator"), p.uA, "r", 403},
		{"metadata address", migration(p.uB, "migrator"), "https://169.254.169.254/v1", "r", 403},
		{"1025-byte reason", migration(p.uB, "migrator"), p.uA, strings.Repeat("x", 1025), 400},
		{"no authorization", "", p.uA, "r", 401},
	} {
		status, out := rewrap(c.authz, c.orig, c.reason)
		require.Equal(t, c.status, status, "%s: %v", c.name, out)
	}
	p.advanceBoth(61 * 60)
	status, _ = rewrap(tok2, p.uA, "r")
	require.Equal(t, http.StatusUnauthorized, status, "the step-2 token expired")

	// 6. Upstream failures are 502.
	p.restartA(p.a.args[:len(p.baseA)-2]...) // without --kacls-peer uB
	status, out = rewrap(migration(p.uB, "migrator"), p.uA, "r")
	require.Equal(t, http.StatusBadGateway, status)
	require.Contains(t, out["details"], "HTTP 403")
	tok := migration(p.uB, "migrator") // tokens come from A
	p.stopA()
	status, _ = rewrap(tok, p.uA, "r")
	require.Equal(t, http.StatusBadGateway, status, "A stopped")
	p.a.args = withPeerCA
	p.a.start()
	status, out = p.a.c.do(http.MethodPost, "/_emulator/faults", `{"target":"kacls","effect":"drop","match":{"instance":"old"},"times":1}`)
	require.Equal(t, http.StatusOK, status, out)
	status, _ = rewrap(migration(p.uB, "migrator"), p.uA, "r")
	require.Equal(t, http.StatusBadGateway, status, "fault kacls drop on A")
	status, out = p.b.c.do(http.MethodPost, "/_emulator/faults", `{"target":"kacls-peer","effect":"unreachable","times":1}`)
	require.Equal(t, http.StatusOK, status, out)
	status, out = rewrap(migration(p.uB, "migrator"), p.uA, "r")
	require.Equal(t, http.StatusBadGateway, status, "fault kacls-peer unreachable on B")
	require.Contains(t, out["details"], "unreachable")
	status, out = rewrap(migration(p.uB, "migrator"), p.uA, "r")
	require.Equal(t, http.StatusOK, status, "the rules fired once: %v", out)

	// 7. A's privilegedunwrap with an IdP token.
	out = p.ok(p.uA, "privilegedunwrap", map[string]any{"authentication": authn(), "resource_name": "doc-1", "wrapped_key": w1, "reason": "export"})
	require.Equal(t, base64.StdEncoding.EncodeToString(dek), out["key"])
	status, _ = p.post(p.uA, "privilegedunwrap", map[string]any{"authentication": authn(), "resource_name": "doc-2", "wrapped_key": w1, "reason": "export"})
	require.Equal(t, http.StatusForbidden, status)

	// 8. status lists the eleven operations.
	resp, err = p.http.Get(p.uB + "/status")
	require.NoError(t, err)
	var st struct {
		ServerType string   `json:"server_type"`
		Ops        []string `json:"operations_supported"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&st))
	resp.Body.Close()
	require.Equal(t, "KACLS", st.ServerType)
	require.Len(t, st.Ops, 11)
}

func out2(m map[string]any) any { return m["resource_key_hash"] }

// TestRecordKACLSRoundTrip records a KACLS session through both proxies
// (the lab controls and the KACLS) and replays the recording against a
// fresh emulator, whose ports, keys and tokens all differ.
func TestRecordKACLSRoundTrip(t *testing.T) {
	seed := uint64(7)
	a, err := startReplayEmulator(context.Background(), replay.Start{KACLS: []string{"old", "new"}}, &seed)
	require.NoError(t, err)
	defer a.Close()

	out := filepath.Join(t.TempDir(), "recorded.yaml")
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr safeBuffer
	done := make(chan error, 1)
	go func() {
		done <- runRecord(ctx, []string{"--target", "http://" + a.Addr("http"), "--listen", "127.0.0.1:0", "--out", out,
			"--kacls-listen", "127.0.0.1:0", "--kacls-target", "https://" + a.Addr("kacls"), "--name", "recorded migration"},
			noEnv, nil, &stdout, &stderr)
	}()
	addrRe := regexp.MustCompile(`recording proxy listening on (\S+)`)
	kaclsRe := regexp.MustCompile(`recording KACLS proxy listening on (\S+)`)
	var proxy, kproxy string
	require.Eventually(t, func() bool {
		m, k := addrRe.FindStringSubmatch(stdout.String()), kaclsRe.FindStringSubmatch(stdout.String())
		if m != nil && k != nil {
			proxy, kproxy = m[1], k[1]
		}
		return m != nil && k != nil
	}, 10*time.Second, 5*time.Millisecond, "proxies did not start: %s", stderr.String())

	c := newClient(t, "http://"+proxy)
	status, inst := c.do(http.MethodGet, "/_emulator/kacls", "")
	require.Equal(t, http.StatusOK, status)
	uOld := inst["instances"].([]any)[0].(map[string]any)["url"].(string)
	uNew := inst["instances"].([]any)[1].(map[string]any)["url"].(string)
	mint := func(body string) string {
		status, out := c.do(http.MethodPost, "/_emulator/kacls/token", body)
		require.Equal(t, http.StatusOK, status, out)
		return out["token"].(string)
	}
	post := func(path string, body map[string]any) map[string]any {
		b, _ := json.Marshal(body)
		resp, err := http.Post("http://"+kproxy+path, "application/json", bytes.NewReader(b))
		require.NoError(t, err)
		defer resp.Body.Close()
		out := map[string]any{}
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		require.Equal(t, http.StatusOK, resp.StatusCode, out)
		return out
	}
	dek := base64.StdEncoding.EncodeToString([]byte("0123456789abcdef0123456789abcdef"))
	w1 := post("/old/v1/wrap", map[string]any{"authentication": mint(`{"type":"authn","claims":{"email":"u@example.com"}}`),
		"authorization": mint(`{"type":"authz","claims":{"email":"u@example.com","role":"writer","resource_name":"doc-1","kacls_url":"` + uOld + `"}}`),
		"key":           dek, "reason": "r"})["wrapped_key"]
	w2 := post("/new/v1/rewrap", map[string]any{"authorization": mint(`{"type":"migration","claims":{"email":"m@x","resource_name":"doc-1","kacls_url":"` + uNew + `"}}`),
		"original_kacls_url": uOld, "reason": "r", "wrapped_key": w1})["wrapped_key"]
	post("/new/v1/unwrap", map[string]any{"authentication": mint(`{"type":"authn","claims":{"email":"u@example.com"}}`),
		"authorization": mint(`{"type":"authz","claims":{"email":"u@example.com","role":"reader","resource_name":"doc-1","kacls_url":"` + uNew + `"}}`),
		"wrapped_key":   w2, "reason": "r"})

	cancel()
	require.NoError(t, <-done, stderr.String())
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	rec := string(b)
	require.Contains(t, rec, "kacls: POST old/wrap")
	require.Contains(t, rec, "kacls: POST new/rewrap")
	require.Contains(t, rec, "- old\n")
	require.NotContains(t, rec, w1, "blobs are captured, not written")

	var rout, rerr bytes.Buffer
	err = runReplay(context.Background(), []string{out}, noEnv, nil, &rout, &rerr)
	require.NoError(t, err, "%s\n%s\n--- recording:\n%s", rout.String(), rerr.String(), rec)
	require.Contains(t, rout.String(), "1 passed, 0 failed")
}
