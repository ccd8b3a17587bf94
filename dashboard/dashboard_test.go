package dashboard_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/dashboard"
	"github.com/element-emulator/element-emulator/emulator"
)

// get fetches base+path with the admin's credentials (none when user is "").
func get(t *testing.T, s *apitest.Server, base, path, user, pass string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	require.NoError(t, err)
	if user != "" {
		req.SetBasicAuth(user, pass)
	}
	c := &http.Client{Timeout: time.Minute, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(b)
}

// TestUIServedBehindBasicAuth: the pages are on both cluster listeners,
// behind the admin's credentials; a browser without them gets the Basic
// challenge.
func TestUIServedBehindBasicAuth(t *testing.T) {
	s := apitest.NewServer(t)
	for _, base := range []string{s.URL, s.HTTPSURL} {
		resp, _ := get(t, s, base, "/_emulator/ui/", "", "")
		require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
		require.Equal(t, `Basic realm="SolidFire"`, resp.Header.Get("WWW-Authenticate"))
		resp, _ = get(t, s, base, "/_emulator/ui/", s.User, "wrong")
		require.Equal(t, http.StatusUnauthorized, resp.StatusCode)

		resp, body := get(t, s, base, "/_emulator/ui/", s.User, s.Pass)
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
		require.Contains(t, resp.Header.Get("Content-Security-Policy"), "default-src 'self'")
		require.Equal(t, "DENY", resp.Header.Get("X-Frame-Options"))
		require.Contains(t, body, `<script src="static/cluster.js"`)

		resp, body = get(t, s, base, "/_emulator/ui/static/common.js", s.User, s.Pass)
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.Contains(t, body, "new EventSource(")
		resp, _ = get(t, s, base, "/_emulator/ui", s.User, s.Pass)
		require.Equal(t, http.StatusFound, resp.StatusCode)
		require.Equal(t, "/_emulator/ui/", resp.Header.Get("Location"))
	}
	// Not on the node listener.
	resp, _ := get(t, s, s.NodeURL, "/_emulator/ui/", s.User, s.Pass)
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
}

// TestUIOff: --ui=false (Config.NoUI) serves no dashboard.
func TestUIOff(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) { c.NoUI = true }))
	resp, body := get(t, s, s.URL, "/_emulator/ui/", s.User, s.Pass)
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
	require.Contains(t, body, "no control GET /_emulator/ui/")
	require.Nil(t, s.Emu.Dashboard())
}

// TestCrossSiteControlRefused: a state-changing control sent by a browser
// from another site is refused with 403 and changes nothing; the same
// request from this origin, and from curl (no Origin, no Sec-Fetch-Site),
// passes (UI1).
func TestCrossSiteControlRefused(t *testing.T) {
	s := apitest.NewServer(t)
	advance := func(headers map[string]string) int {
		req, err := http.NewRequest(http.MethodPost, s.URL+"/_emulator/clock/advance", strings.NewReader(`{"seconds":10}`))
		require.NoError(t, err)
		req.SetBasicAuth(s.User, s.Pass)
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		resp, err := s.Client.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	start := s.Emu.Now()
	require.Equal(t, http.StatusForbidden, advance(map[string]string{"Sec-Fetch-Site": "cross-site"}))
	require.Equal(t, http.StatusForbidden, advance(map[string]string{"Sec-Fetch-Site": "same-site"}))
	require.Equal(t, http.StatusForbidden, advance(map[string]string{"Origin": "http://evil.example"}))
	require.Equal(t, start, s.Emu.Now(), "a refused control changes nothing")

	require.Equal(t, http.StatusOK, advance(nil), "curl and scripts send neither header")
	require.Equal(t, http.StatusOK, advance(map[string]string{"Sec-Fetch-Site": "same-origin"}))
	require.Equal(t, http.StatusOK, advance(map[string]string{"Origin": s.URL}))
	require.Equal(t, start.Add(30*time.Second), s.Emu.Now())

	// Reading stays allowed cross-site (nothing changes), and the JSON-RPC
	// API is left alone.
	req, err := http.NewRequest(http.MethodGet, s.URL+"/_emulator/clock", nil)
	require.NoError(t, err)
	req.SetBasicAuth(s.User, s.Pass)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := s.Client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
}

// stream reads server-sent events from the cluster page's stream.
type stream struct {
	t    *testing.T
	body io.ReadCloser
	sc   *bufio.Scanner
	raw  strings.Builder
}

func openStream(t *testing.T, s *apitest.Server, path string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.URL+path, nil)
	require.NoError(t, err)
	req.SetBasicAuth(s.User, s.Pass)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	t.Cleanup(func() { resp.Body.Close() })
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 8<<20)
	return &stream{t: t, body: resp.Body, sc: sc}
}

// next returns the next "state" event's data.
func (st *stream) next() map[string]any {
	st.t.Helper()
	event := ""
	for st.sc.Scan() {
		line := st.sc.Text()
		st.raw.WriteString(line + "\n")
		switch {
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: ") && event == "state":
			var v map[string]any
			require.NoError(st.t, json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &v))
			return v
		}
	}
	st.t.Fatalf("stream ended: %v", st.sc.Err())
	return nil
}

// until reads states until cond holds.
func (st *stream) until(cond func(map[string]any) bool) map[string]any {
	st.t.Helper()
	for {
		if v := st.next(); cond(v) {
			return v
		}
	}
}

func clockOf(v map[string]any) string { return v["cluster"].(map[string]any)["clock"].(string) }

// TestEventStreamFollowsChanges: the stream sends the state at once, then
// again after a change, and a burst of changes comes as few events.
func TestEventStreamFollowsChanges(t *testing.T) {
	s := apitest.NewServer(t)
	st := openStream(t, s, "/_emulator/ui/events")
	first := st.next()
	require.Equal(t, apitest.Start().Format(time.RFC3339), clockOf(first))
	require.Len(t, first["nodes"], 4)
	require.Equal(t, true, first["sear"].(map[string]any)["enabled"])

	s.Advance(5)
	v := st.until(func(v map[string]any) bool { return clockOf(v) != clockOf(first) })
	require.Equal(t, apitest.Start().Add(5*time.Second).Format(time.RFC3339), clockOf(v))

	// A fault rule shows; when it fires, its count shows, even once used up.
	sid := int64(0)
	_, sid = s.SetupEKM()
	s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "unreachable", "times": 1})
	s.Fail("TestKeyServerKmip", map[string]any{"keyServerID": sid}, "xKmipConnectionFailure")
	v = st.until(func(v map[string]any) bool {
		rules := v["rules"].([]any)
		return len(rules) == 1 && rules[0].(map[string]any)["fired"] == float64(1)
	})
	rule := v["rules"].([]any)[0].(map[string]any)
	require.Equal(t, true, rule["gone"])
	ks := v["keyServers"].([]any)[0].(map[string]any)
	lc := ks["lastContact"].(map[string]any)
	require.Equal(t, false, lc["ok"])
	require.Contains(t, lc["error"], "connection refused (fault rule")
}

// TestHubCoalesces: many notifications before a subscriber looks are one.
func TestHubCoalesces(t *testing.T) {
	h := dashboard.NewHub()
	c, cancel := h.Subscribe()
	for range 1000 {
		h.Notify()
	}
	<-c
	select {
	case <-c:
		t.Fatal("a burst gave more than one signal")
	default:
	}
	require.Equal(t, 1, h.Subscribers())
	cancel()
	require.Equal(t, 0, h.Subscribers())
	h.Notify() // no subscriber: no block
}

// secrets returns what must never reach a page: the admin password, the
// key encryption key, every internal key's material (hex and base64), the
// cluster's private key and a minted KACLS token.
func secrets(t *testing.T, s *apitest.Server, extra ...string) []string {
	t.Helper()
	out := append([]string{s.Pass, "PRIVATE KEY"}, extra...)
	require.NoError(t, s.Emu.Store().View(context.Background(), func(tx cluster.Tx) error {
		keys, err := tx.Keys(context.Background())
		if err != nil {
			return err
		}
		for _, k := range keys {
			if len(k.Material) > 0 {
				out = append(out, hex.EncodeToString(k.Material), base64.StdEncoding.EncodeToString(k.Material),
					base64.RawURLEncoding.EncodeToString(k.Material))
			}
		}
		kp, err := tx.KeyPair(context.Background())
		if err == nil {
			out = append(out, string(kp.PrivateKey))
		}
		return nil
	}))
	return out
}

// TestNoSecretsOnPages: after the seed 001 rekey and a KACLS request, no
// secret appears in the pages, the state or the event stream.
func TestNoSecretsOnPages(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithKACLS())
	st := openStream(t, s, "/_emulator/ui/events")
	st.next()
	p, _ := s.SetupEKM()
	h := apitest.Int(t, s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "external", "keyProviderID": p})["asyncHandle"])
	s.Advance(6)
	require.Equal(t, "complete", s.OK("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})["status"])
	url := kaclsURL(t, s)
	mint := func(typ string, claims map[string]any) string {
		status, body := s.Control(http.MethodPost, "kacls/token", map[string]any{"type": typ, "claims": claims})
		require.Equal(t, http.StatusOK, status, body)
		return body["token"].(string)
	}
	authn := mint("authn", map[string]any{"email": "alice@example.com"})
	authz := mint("authz", map[string]any{"email": "alice@example.com", "role": "writer", "resource_name": "doc-1", "kacls_url": url})
	dek := make([]byte, 32)
	_, _ = rand.Read(dek)
	body, err := json.Marshal(map[string]any{"authentication": authn, "authorization": authz, "key": base64.StdEncoding.EncodeToString(dek), "reason": "r"})
	require.NoError(t, err)
	resp, err := (&http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}).Post(url+"/wrap", "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	var wrapped map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&wrapped))
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, wrapped)
	v := st.until(func(v map[string]any) bool {
		for _, sec := range v["sections"].([]any) {
			for _, tb := range sec.(map[string]any)["tables"].([]any) {
				if tb.(map[string]any)["caption"] != "Instances" && len(tb.(map[string]any)["rows"].([]any)) > 0 {
					return true
				}
			}
		}
		return false
	})
	require.NotNil(t, v)

	_, state := get(t, s, s.URL, "/_emulator/ui/state", s.User, s.Pass)
	_, lab := get(t, s, s.URL, "/_emulator/ui/lab/state", s.User, s.Pass)
	var pages strings.Builder
	for _, p := range []string{"/_emulator/ui/", "/_emulator/ui/lab", "/_emulator/ui/static/cluster.js", "/_emulator/ui/static/lab.js", "/_emulator/ui/static/common.js"} {
		_, b := get(t, s, s.URL, p, s.User, s.Pass)
		pages.WriteString(b)
	}
	require.Contains(t, state, `"keyID"`, "the state is the real one")
	require.Contains(t, state, "alice@example.com")
	for _, sec := range secrets(t, s, authn, authz, authn[:40], authz[:40], base64.StdEncoding.EncodeToString(dek), wrapped["wrapped_key"].(string)) {
		require.NotContains(t, state, sec)
		require.NotContains(t, st.raw.String(), sec)
		require.NotContains(t, lab, sec)
		require.NotContains(t, pages.String(), sec)
	}
}

func kaclsURL(t *testing.T, s *apitest.Server) string {
	t.Helper()
	status, body := s.Control(http.MethodGet, "kacls", nil)
	require.Equal(t, http.StatusOK, status)
	return body["instances"].([]any)[0].(map[string]any)["url"].(string)
}

// TestBootstrapState: before CreateCluster the page says so and lists no
// nodes (the cluster listener accepts any credentials then, D42).
func TestBootstrapState(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) { c.Cluster.Bootstrap = true }))
	resp, body := get(t, s, s.URL, "/_emulator/ui/state", "anyone", "anything")
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	var st struct {
		Bootstrap bool  `json:"bootstrap"`
		Nodes     []any `json:"nodes"`
		Health    struct {
			OK bool `json:"ok"`
		} `json:"health"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &st))
	require.True(t, st.Bootstrap)
	require.Empty(t, st.Nodes)
	require.True(t, st.Health.OK)
}

// TestCloseEndsStreams: closing the emulator ends the open event streams,
// so its HTTP servers shut down at once instead of waiting for them.
func TestCloseEndsStreams(t *testing.T) {
	s := apitest.NewServer(t)
	st := openStream(t, s, "/_emulator/ui/events")
	st.next()
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		for st.sc.Scan() {
		}
	}()
	s.Close()
	select {
	case <-ended:
	case <-time.After(time.Minute):
		t.Fatal("the event stream outlived the emulator")
	}
}

// BenchmarkState measures what every push costs: GET /_emulator/ui/state
// on a 4-node cluster with external keys on every drive.
func BenchmarkState(b *testing.B) {
	s := apitest.NewServer(b)
	p, _ := s.SetupEKM()
	s.OK("EnableEncryptionAtRest", map[string]any{"keyProviderID": p})
	s.Advance(5)
	req, err := http.NewRequest(http.MethodGet, s.URL+"/_emulator/ui/state", nil)
	require.NoError(b, err)
	req.SetBasicAuth(s.User, s.Pass)
	var n int64
	for b.Loop() {
		resp, err := s.Client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	b.ReportMetric(float64(n), "bytes/state")
}
