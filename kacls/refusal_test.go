package kacls_test

import (
	"context"
	"encoding/base64"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/kacls"
)

// TestTokenRefusals: with every check on, each bad token is a 401 and the
// two tolerated forms are accepted (docs/kacls.md, tokens).
func TestTokenRefusals(t *testing.T) {
	e := newEnv(t, kacls.Config{})
	dek := dek32(t)
	good := e.authz("", "writer", "u@example.com", "doc-1")
	authzWith := func(claims map[string]any, header map[string]any, ttl *int64) string {
		c := map[string]any{"role": "writer", "email": "u@example.com", "resource_name": "doc-1", "kacls_url": e.url("")}
		for k, v := range claims {
			c[k] = v
		}
		return e.mint(kacls.MintRequest{Type: "authz", Claims: c, Header: header, TTLSeconds: ttl})
	}
	minus := int64(-120)
	now := e.clock().Unix()
	for _, tt := range []struct {
		name   string
		authn  string
		authz  string
		status int
		detail string
	}{
		{"alg none", e.authn("u@example.com"), authzWith(nil, map[string]any{"alg": "none"}, nil), 401, "alg none"},
		{"HS256 keyed with the kid", e.authn("u@example.com"), authzWith(nil, map[string]any{"alg": "HS256"}, nil), 401, "HMAC"},
		{"unknown kid", e.authn("u@example.com"), authzWith(nil, map[string]any{"kid": "no-such-key"}, nil), 401, "unknown kid"},
		{"expired", e.authn("u@example.com"), authzWith(nil, nil, &minus), 401, "expired"},
		{"iat beyond the leeway", e.authn("u@example.com"), authzWith(map[string]any{"iat": now + 120}, nil, nil), 401, "in the future"},
		{"wrong aud", e.authn("u@example.com"), authzWith(map[string]any{"aud": "someone-else"}, nil, nil), 401, "aud"},
		{"untrusted iss", e.authn("u@example.com"), authzWith(map[string]any{"iss": "evil@example.com"}, nil, nil), 401, "not a trusted"},
		{"no exp", e.authn("u@example.com"), authzWith(map[string]any{"exp": nil}, nil, nil), 401, "exp and iat"},
		{"exp not a number", e.authn("u@example.com"), authzWith(map[string]any{"exp": "soon"}, nil, nil), 401, "number of seconds"},
		{"not a JWT", e.authn("u@example.com"), "not-a-token", 401, "compact JWS"},
		{"tampered signature", e.authn("u@example.com"), good[:len(good)-4] + "AAAA", 401, "signature"},
		{"missing authentication", "", good, 401, "missing"},
		{"IdP token with the authz audience", e.mint(kacls.MintRequest{Type: "authn", Claims: map[string]any{"email": "u@example.com", "aud": "cse-authorization"}}), good, 401, "aud"},
		{"authz token as authentication", good, good, 401, "not a trusted identity provider"},
		{"aud as a list", e.authn("u@example.com"), authzWith(map[string]any{"aud": []any{"other", "cse-authorization"}}, nil, nil), 200, ""},
		{"exp as a numeric string", e.authn("u@example.com"), authzWith(map[string]any{"exp": "9999999999"}, nil, nil), 200, ""},
		{"PS256", e.authn("u@example.com"), authzWith(nil, map[string]any{"alg": "PS256"}, nil), 200, ""},
		{"no kid, one key", e.authn("u@example.com"), authzWith(nil, map[string]any{"kid": nil}, nil), 200, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body := map[string]any{"authentication": tt.authn, "authorization": tt.authz, "key": b64(dek), "reason": "r"}
			if tt.status == 200 {
				e.ok("", "wrap", body)
				return
			}
			require.Contains(t, e.fail("", "wrap", body, tt.status), tt.detail)
		})
	}
}

// TestPolicyRefusals: valid tokens that fail the policy are 403, bad input
// 400, and the HTTP-level refusals carry the error object too.
func TestPolicyRefusals(t *testing.T) {
	dead, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	deadURL := "http://" + dead.Addr().String() + "/v1"
	require.NoError(t, dead.Close())
	e := newEnv(t, kacls.Config{Instances: []string{"old", "new"}, Peers: []string{deadURL}, PrivilegedUsers: []string{"admin@example.com"}})
	dek := dek32(t)
	an := e.authn("u@example.com")
	w := e.ok("old", "wrap", map[string]any{"authentication": an, "authorization": e.authz("old", "writer", "u@example.com", "doc-1"),
		"key": b64(dek), "reason": "r"})["wrapped_key"].(string)
	raw, _ := base64.StdEncoding.DecodeString(w)
	raw[len(raw)-1] ^= 1
	tampered := base64.StdEncoding.EncodeToString(raw)

	wrap := func(authz string, key string) map[string]any {
		return map[string]any{"authentication": an, "authorization": authz, "key": key, "reason": "r"}
	}
	unwrap := func(authz string, wk string) map[string]any {
		return map[string]any{"authentication": an, "authorization": authz, "wrapped_key": wk, "reason": "r"}
	}
	rewrap := func(authz, orig string) map[string]any {
		return map[string]any{"authorization": authz, "original_kacls_url": orig, "reason": "r", "wrapped_key": w}
	}
	for _, tt := range []struct {
		name   string
		inst   string
		ep     string
		body   map[string]any
		status int
		detail string
	}{
		{"wrong role", "old", "wrap", wrap(e.authz("old", "reader", "u@example.com", "doc-1"), b64(dek)), 403, "role"},
		{"other user", "old", "wrap", wrap(e.authz("old", "writer", "v@example.com", "doc-1"), b64(dek)), 403, "not the authenticated user"},
		{"google_email names the user", "old", "wrap", map[string]any{"authentication": e.authn("u@customer.example", map[string]any{"google_email": "v@example.com"}),
			"authorization": e.authz("old", "writer", "v@example.com", "doc-1"), "key": b64(dek), "reason": "r"}, 200, ""},
		{"other kacls_url", "old", "wrap", wrap(e.authz("new", "writer", "u@example.com", "doc-1"), b64(dek)), 403, "kacls_url"},
		{"no resource_name", "old", "wrap", wrap(e.authz("old", "writer", "u@example.com", ""), b64(dek)), 403, "resource_name"},
		{"guest", "old", "wrap", wrap(e.authz("old", "writer", "u@example.com", "doc-1", map[string]any{"email_type": "google-visitor"}), b64(dek)), 403, "email_type"},
		{"key too long", "old", "wrap", wrap(e.authz("old", "writer", "u@example.com", "doc-1"), b64(make([]byte, 129))), 400, "at most 128"},
		{"empty key", "old", "wrap", wrap(e.authz("old", "writer", "u@example.com", "doc-1"), ""), 400, "at least 1"},
		{"bad base64", "old", "wrap", wrap(e.authz("old", "writer", "u@example.com", "doc-1"), "!!!"), 400, "base64"},
		{"reason too long", "old", "wrap", map[string]any{"authentication": an, "authorization": e.authz("old", "writer", "u@example.com", "doc-1"),
			"key": b64(dek), "reason": strings.Repeat("é", 513)}, 400, "reason"},
		{"tampered key", "old", "unwrap", unwrap(e.authz("old", "reader", "u@example.com", "doc-1"), tampered), 400, "authentication failed"},
		{"key of another instance", "new", "unwrap", unwrap(e.authz("new", "reader", "u@example.com", "doc-1"), w), 400, "another KACLS"},
		{"other resource", "old", "unwrap", unwrap(e.authz("old", "reader", "u@example.com", "doc-2"), w), 403, "resource"},
		{"oversized wrapped key", "old", "unwrap", unwrap(e.authz("old", "reader", "u@example.com", "doc-1"), b64(make([]byte, 1025))), 400, "at most 1024"},
		{"rewrap from an unknown KACLS", "new", "rewrap", rewrap(e.migration("new", "migrator", "doc-1"), "https://kacls.example.com/v1"), 403, "not a configured peer"},
		{"rewrap from a bad URL", "new", "rewrap", rewrap(e.migration("new", "migrator", "doc-1"), "ftp://x"), 400, "original_kacls_url"},
		{"rewrap from an unreachable peer", "new", "rewrap", rewrap(e.migration("new", "migrator", "doc-1"), deadURL), 502, "privilegedunwrap"},
		{"rewrap with a user's token", "new", "rewrap", rewrap(e.authz("new", "writer", "u@example.com", "doc-1"), e.url("old")), 403, "role"},
		{"rewrap of another resource", "new", "rewrap", rewrap(e.migration("new", "migrator", "doc-2"), e.url("old")), 502, "HTTP 403"},
		{"digest by a migrator", "old", "digest", map[string]any{"authorization": e.migration("old", "migrator", "doc-1"), "wrapped_key": w, "reason": "r"}, 403, "role"},
		{"privileged user not listed", "old", "privilegedunwrap", map[string]any{"authentication": an, "resource_name": "doc-1", "wrapped_key": w, "reason": "r"}, 403, "privileged"},
		{"migration JWT of a non-peer", "old", "privilegedunwrap", map[string]any{"authentication": e.mint(kacls.MintRequest{Type: "peer", Instance: "old",
			Claims: map[string]any{"iss": "https://kacls.example.com/v1", "kacls_url": e.url("old"), "resource_name": "doc-1"}}),
			"resource_name": "doc-1", "wrapped_key": w, "reason": "r"}, 403, "not a configured peer"},
		{"migration JWT for another KACLS", "old", "privilegedunwrap", map[string]any{"authentication": e.mint(kacls.MintRequest{Type: "peer", Instance: "new",
			Claims: map[string]any{"kacls_url": e.url("new"), "resource_name": "doc-1"}}), "resource_name": "doc-1", "wrapped_key": w, "reason": "r"}, 403, "kacls_url"},
		{"missing field", "old", "privilegedwrap", map[string]any{"authentication": e.authn("admin@example.com"), "key": b64(dek)}, 400, "resource_name is required"},
		{"field of the wrong type", "old", "privilegedwrap", map[string]any{"authentication": e.authn("admin@example.com"), "key": 5, "resource_name": "x"}, 400, "must be a string"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.status == 200 {
				e.ok(tt.inst, tt.ep, tt.body)
				return
			}
			require.Contains(t, e.fail(tt.inst, tt.ep, tt.body, tt.status), tt.detail)
		})
	}

	t.Run("HTTP-level refusals", func(t *testing.T) {
		for _, c := range []struct {
			method, path, body string
			status             int
		}{
			{http.MethodPost, "/old/v1/nope", "{}", 404},
			{http.MethodPost, "/v1/wrap", "{}", 404},
			{http.MethodGet, "/old/v1/wrap", "", 405},
			{http.MethodPost, "/old/v1/wrap", "not json", 400},
			{http.MethodPost, "/old/v1/wrap", `{"key":"` + strings.Repeat("A", 70000) + `"}`, 413},
		} {
			req, err := http.NewRequest(c.method, e.srv.URL+c.path, strings.NewReader(c.body))
			require.NoError(t, err)
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			require.Equal(t, c.status, resp.StatusCode, "%s %s", c.method, c.path)
		}
	})
}

// faultRules is a scripted FaultSource: each rule fires once.
type faultRules struct {
	mu   sync.Mutex
	list []faultRule
}

type faultRule struct {
	match func(kacls.FaultEvent) bool
	f     kacls.Fault
}

func (r *faultRules) add(match func(kacls.FaultEvent) bool, f kacls.Fault) {
	r.mu.Lock()
	r.list = append(r.list, faultRule{match, f})
	r.mu.Unlock()
}

func (r *faultRules) Fire(_ context.Context, ev kacls.FaultEvent) (*kacls.Fault, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, x := range r.list {
		if x.match(ev) {
			r.list = append(r.list[:i], r.list[i+1:]...)
			f := x.f
			return &f, nil
		}
	}
	return nil, nil
}

func TestFaults(t *testing.T) {
	rules := &faultRules{}
	e := newEnv(t, kacls.Config{Instances: []string{"old", "new"}, Faults: rules})
	dek := dek32(t)
	w := e.ok("old", "wrap", map[string]any{"authentication": e.authn("u@example.com"), "authorization": e.authz("old", "writer", "u@example.com", "doc-1"),
		"key": b64(dek), "reason": "r"})["wrapped_key"].(string)
	rewrap := func() map[string]any {
		return map[string]any{"authorization": e.migration("new", "migrator", "doc-1"), "original_kacls_url": e.url("old"), "reason": "r", "wrapped_key": w}
	}
	at := func(target, inst, ep string) func(kacls.FaultEvent) bool {
		return func(ev kacls.FaultEvent) bool { return ev.Target == target && ev.Instance == inst && ev.Endpoint == ep }
	}

	rules.add(at(kacls.TargetKACLS, "old", "privilegedunwrap"), kacls.Fault{Effect: kacls.EffectDrop})
	require.Contains(t, e.fail("new", "rewrap", rewrap(), http.StatusBadGateway), "privilegedunwrap")

	rules.add(at(kacls.TargetPeer, "new", "privilegedunwrap"), kacls.Fault{Effect: kacls.EffectUnreachable})
	require.Contains(t, e.fail("new", "rewrap", rewrap(), http.StatusBadGateway), "unreachable")

	rules.add(at(kacls.TargetKACLS, "old", "privilegedunwrap"), kacls.Fault{Effect: kacls.EffectError})
	require.Contains(t, e.fail("new", "rewrap", rewrap(), http.StatusBadGateway), "HTTP 503")

	rules.add(at(kacls.TargetKACLS, "new", "rewrap"), kacls.Fault{Effect: kacls.EffectError, Status: 429, Message: "slow down"})
	require.Equal(t, "slow down", e.fail("new", "rewrap", rewrap(), 429))

	rules.add(at(kacls.TargetKACLS, "new", "status"), kacls.Fault{Effect: kacls.EffectHTTPStatus, Status: 500})
	status, body := e.do(http.MethodGet, "new", "status", nil)
	require.Equal(t, 500, status)
	require.Empty(t, body)

	// Every rule fired once; the next rewrap works.
	e.ok("new", "rewrap", rewrap())
}

func TestRotateAndReset(t *testing.T) {
	e := newEnv(t, kacls.Config{})
	ctx := context.Background()
	dek := dek32(t)
	wrap := func() string {
		return e.ok("", "wrap", map[string]any{"authentication": e.authn("u@example.com"), "authorization": e.authz("", "writer", "u@example.com", "doc-1"),
			"key": b64(dek), "reason": "r"})["wrapped_key"].(string)
	}
	unwrap := func(w string) map[string]any {
		return map[string]any{"authentication": e.authn("u@example.com"), "authorization": e.authz("", "reader", "u@example.com", "doc-1"), "wrapped_key": w, "reason": "r"}
	}
	w1 := wrap()
	res, err := e.svc.Rotate(ctx, "")
	require.NoError(t, err)
	require.Equal(t, 2, res.Keys)
	w2 := wrap()
	raw1, _ := base64.StdEncoding.DecodeString(w1)
	raw2, _ := base64.StdEncoding.DecodeString(w2)
	require.NotEqual(t, raw1[1:9], raw2[1:9], "a new primary key wraps")
	e.ok("", "unwrap", unwrap(w1))
	e.ok("", "unwrap", unwrap(w2))

	_, certs := e.do(http.MethodGet, "", "certs", nil)
	jwks, err := e.svc.JWKS(ctx)
	require.NoError(t, err)
	require.NoError(t, e.svc.Reset(ctx))
	e.fail("", "unwrap", unwrap(w2), http.StatusBadRequest)
	reqs, err := e.svc.Requests("", 0)
	require.NoError(t, err)
	require.Len(t, reqs, 1, "the log restarts at the reset")
	_, certs2 := e.do(http.MethodGet, "", "certs", nil)
	require.NotEqual(t, certs, certs2, "a reset makes a new signing key")
	jwks2, err := e.svc.JWKS(ctx)
	require.NoError(t, err)
	require.Equal(t, jwks.Keys[0].KeyID, jwks2.Keys[0].KeyID, "the test issuers keep their key")
}
