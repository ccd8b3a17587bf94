package api_test

import (
	"bytes"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// kaclsClient calls the emulator's KACLS instances over HTTPS, trusting
// only the emulator's CA, with tokens from /_emulator/kacls/token.
type kaclsClient struct {
	s    *apitest.Server
	http *http.Client
	urls map[string]string
}

func newKACLSClient(s *apitest.Server) *kaclsClient {
	status, ca := s.Control(http.MethodGet, "kmip/ca", nil)
	require.Equal(s.T, http.StatusOK, status)
	pool := x509.NewCertPool()
	require.True(s.T, pool.AppendCertsFromPEM([]byte(ca["text"].(string))))
	c := &kaclsClient{s: s, urls: map[string]string{},
		http: &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}}
	status, body := s.Control(http.MethodGet, "kacls", nil)
	require.Equal(s.T, http.StatusOK, status, body)
	for _, x := range body["instances"].([]any) {
		in := x.(map[string]any)
		c.urls[in["name"].(string)] = in["url"].(string)
	}
	return c
}

func (c *kaclsClient) token(typ string, claims map[string]any) string {
	status, body := c.s.Control(http.MethodPost, "kacls/token", map[string]any{"type": typ, "claims": claims})
	require.Equal(c.s.T, http.StatusOK, status, body)
	return body["token"].(string)
}

func (c *kaclsClient) post(inst, ep string, body map[string]any) (int, map[string]any) {
	c.s.T.Helper()
	b, err := json.Marshal(body)
	require.NoError(c.s.T, err)
	resp, err := c.http.Post(c.urls[inst]+"/"+ep, "application/json", bytes.NewReader(b))
	require.NoError(c.s.T, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(c.s.T, err)
	out := map[string]any{}
	require.NoError(c.s.T, json.Unmarshal(raw, &out), string(raw))
	return resp.StatusCode, out
}

func TestKACLSThroughTheEmulator(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithKACLS("old", "new"))
	c := newKACLSClient(s)
	dek := make([]byte, 32)
	_, _ = rand.Read(dek)
	wrap := func() string {
		status, out := c.post("old", "wrap", map[string]any{
			"authentication": c.token("authn", map[string]any{"email": "u@example.com"}),
			"authorization":  c.token("authz", map[string]any{"email": "u@example.com", "role": "writer", "resource_name": "doc-1", "kacls_url": c.urls["old"]}),
			"key":            base64.StdEncoding.EncodeToString(dek), "reason": "r"})
		require.Equal(t, http.StatusOK, status, out)
		return out["wrapped_key"].(string)
	}
	w1 := wrap()
	rewrap := func(w string) (int, map[string]any) {
		return c.post("new", "rewrap", map[string]any{
			"authorization":      c.token("migration", map[string]any{"email": "m@system.gserviceaccount.com", "resource_name": "doc-1", "kacls_url": c.urls["new"]}),
			"original_kacls_url": c.urls["old"], "reason": "r", "wrapped_key": w})
	}

	t.Run("rewrap over HTTPS between the instances", func(t *testing.T) {
		status, out := rewrap(w1)
		require.Equal(t, http.StatusOK, status, out)
		status, log := s.Control(http.MethodGet, "kacls/requests?instance=old", nil)
		require.Equal(t, http.StatusOK, status)
		reqs := log["requests"].([]any)
		last := reqs[len(reqs)-1].(map[string]any)
		require.Equal(t, "privilegedunwrap", last["endpoint"])
		require.Equal(t, c.urls["new"], last["iss"])
		for _, r := range reqs {
			for k := range r.(map[string]any) {
				require.NotContains(t, []string{"token", "key", "wrapped_key", "authentication", "authorization"}, k)
			}
		}
	})

	t.Run("fault rules make the old instance unreachable", func(t *testing.T) {
		id := s.AddRule(map[string]any{"target": "kacls", "effect": "drop", "match": map[string]any{"instance": "old", "endpoint": "privilegedunwrap"}})
		status, out := rewrap(w1)
		require.Equal(t, http.StatusBadGateway, status, out)
		s.DeleteRule(id)
		s.AddRule(map[string]any{"target": "kacls-peer", "effect": "unreachable", "match": map[string]any{"instance": "new"}, "times": 1})
		status, out = rewrap(w1)
		require.Equal(t, http.StatusBadGateway, status, out)
		require.Contains(t, out["details"], "unreachable")
		status, _ = rewrap(w1)
		require.Equal(t, http.StatusOK, status, "the rule fired once")
		status, body := s.Control(http.MethodPost, "faults", map[string]any{"target": "kacls", "effect": "unreachable"})
		require.Equal(t, http.StatusBadRequest, status, body)
	})

	t.Run("the clock drives token expiry", func(t *testing.T) {
		tok := c.token("migration", map[string]any{"email": "m@x", "resource_name": "doc-1", "kacls_url": c.urls["new"]})
		s.Advance(3661)
		status, out := c.post("new", "rewrap", map[string]any{"authorization": tok, "original_kacls_url": c.urls["old"], "reason": "r", "wrapped_key": w1})
		require.Equal(t, http.StatusUnauthorized, status, out)
	})

	t.Run("lab controls", func(t *testing.T) {
		status, jwks := s.Control(http.MethodGet, "kacls/jwks", nil)
		require.Equal(t, http.StatusOK, status)
		require.Len(t, jwks["keys"], 1)
		status, body := s.Control(http.MethodPost, "kacls/rotate?instance=old", nil)
		require.Equal(t, http.StatusOK, status, body)
		require.Equal(t, json.Number("2"), body["keys"])
		status, body = s.Control(http.MethodPost, "kacls/rotate?instance=nope", nil)
		require.Equal(t, http.StatusNotFound, status, body)
		status, body = s.Control(http.MethodPost, "kacls/token", map[string]any{"type": "bogus"})
		require.Equal(t, http.StatusBadRequest, status, body)
		status, body = s.Control(http.MethodGet, "kacls/requests?instance=old&since=x", nil)
		require.Equal(t, http.StatusBadRequest, status, body)
	})

	t.Run("snapshots keep the keys, reset replaces them", func(t *testing.T) {
		status, body := s.Control(http.MethodPost, "snapshot", map[string]any{"name": "with-kacls"})
		require.Equal(t, http.StatusOK, status, body)
		status, body = s.Control(http.MethodPost, "reset", nil)
		require.Equal(t, http.StatusOK, status, body)
		status, out := rewrap(w1)
		require.Equal(t, http.StatusBadGateway, status, "old's keys are new: %v", out)
		status, log := s.Control(http.MethodGet, "kacls/requests", nil)
		require.Equal(t, http.StatusOK, status)
		var eps []string
		for _, r := range log["requests"].([]any) {
			eps = append(eps, r.(map[string]any)["endpoint"].(string))
		}
		require.Equal(t, []string{"certs", "privilegedunwrap", "rewrap"}, eps, "only the requests since the reset")
		status, body = s.Control(http.MethodPost, "restore", map[string]any{"name": "with-kacls"})
		require.Equal(t, http.StatusOK, status, body)
		status, out = rewrap(w1)
		require.Equal(t, http.StatusOK, status, "the snapshot's keys are back: %v", out)
	})
}

func TestKACLSControlsWhenOff(t *testing.T) {
	s := apitest.NewServer(t)
	status, body := s.Control(http.MethodPost, "kacls/token", map[string]any{"type": "authn"})
	require.Equal(t, http.StatusNotFound, status, body)
	require.Contains(t, body["error"], "KACLS is off")
}
