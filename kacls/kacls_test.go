package kacls_test

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/kacls"
)

func TestResourceKeyHashVectors(t *testing.T) {
	seq := make([]byte, 32)
	for i := range seq {
		seq[i] = byte(i)
	}
	f00d, _ := hex.DecodeString("f00d")
	for _, tt := range []struct {
		name    string
		dek     []byte
		rn, pid string
		want    string
	}{
		{"google's vector", []byte("data-encryption-key"), "resource-name", "", "BzUyXkZ0424Ve8NtOB1CWgg5hVx60OAPf9SNbVPdtUo="},
		{"short key with perimeter", f00d, "my_resource", "my_perimeter", "EfRLb/AKdtsPSfX+vZ/Pi8h6bmKhBTu4egOABRnEdCg="},
		{"short key without perimeter", f00d, "my_resource", "", "6z59eJWO6NBfXSe5y83JAJULRRbuWLelUIhRY7Hs6g8="},
		{"32-byte key with perimeter", seq, "resource-42", "perimeter-A", "kjZeqUQZlyaJ2JY5dyhgSGDj4aACre0U9t9mcCqUvTQ="},
		{"utf-8 resource", seq, "résumé", "", "xec3/kxRWWHvbEUcCWi1mnBAVGLMEW2UPQRibqbqcEs="},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, kacls.ResourceKeyHash(tt.dek, tt.rn, tt.pid))
		})
	}
}

func dek32(t *testing.T) []byte {
	b := make([]byte, 32)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return b
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func unb64(t *testing.T, v any) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(v.(string))
	require.NoError(t, err)
	return b
}

// TestSeedMigrationInOneProcess runs the seed's migration between two
// instances of one service (the two-process form is in cmd/element-emulator).
func TestSeedMigrationInOneProcess(t *testing.T) {
	e := newEnv(t, kacls.Config{Instances: []string{"old", "new"}})
	dek := dek32(t)

	// 1. wrap at old, the authz email differing in case only.
	w1 := e.ok("old", "wrap", map[string]any{
		"authentication": e.authn("u@example.com"),
		"authorization":  e.authz("old", "writer", "U@example.com", "doc-1", map[string]any{"perimeter_id": "p1"}),
		"key":            b64(dek), "reason": "{client:'drive' op:'update'}",
	})["wrapped_key"].(string)
	require.LessOrEqual(t, len(unb64(t, w1)), 1024)

	// 2. rewrap at new with exactly the seed's four fields.
	out := e.ok("new", "rewrap", map[string]any{
		"authorization":      e.migration("new", "migrator", "doc-1"),
		"original_kacls_url": e.url("old"), "reason": "{client:'drive' op:'read'}", "wrapped_key": w1,
	})
	require.Len(t, out, 2)
	w2 := out["wrapped_key"].(string)
	require.NotEqual(t, w1, w2)
	require.Equal(t, kacls.ResourceKeyHash(dek, "doc-1", ""), out["resource_key_hash"])

	// 3. old's request log: one privilegedunwrap with new's migration JWT.
	reqs, err := e.svc.Requests("old", 0)
	require.NoError(t, err)
	var pu []kacls.Record
	for _, r := range reqs {
		if r.Endpoint == "privilegedunwrap" {
			pu = append(pu, r)
		}
	}
	require.Len(t, pu, 1)
	require.Equal(t, http.StatusOK, pu[0].Status)
	require.Equal(t, []string{"kacls-migration"}, pu[0].Aud)
	require.Equal(t, e.url("new"), pu[0].Iss)
	require.Equal(t, e.url("old"), pu[0].KaclsURL)
	require.Equal(t, "doc-1", pu[0].ResourceName)
	require.Equal(t, "{client:'drive' op:'read'}", pu[0].Reason)
	_, certs := e.do(http.MethodGet, "new", "certs", nil)
	require.Equal(t, pu[0].Kid, certs["keys"].([]any)[0].(map[string]any)["kid"])

	// 4. new unwraps W2; old cannot; digests use the bound perimeters.
	got := e.ok("new", "unwrap", map[string]any{"authentication": e.authn("u@example.com"),
		"authorization": e.authz("new", "reader", "u@example.com", "doc-1"), "wrapped_key": w2, "reason": "r"})["key"]
	require.Equal(t, dek, unb64(t, got))
	e.fail("old", "unwrap", map[string]any{"authentication": e.authn("u@example.com"),
		"authorization": e.authz("old", "reader", "u@example.com", "doc-1"), "wrapped_key": w2, "reason": "r"}, http.StatusBadRequest)
	require.Equal(t, out["resource_key_hash"], e.ok("new", "digest", map[string]any{
		"authorization": e.migration("new", "verifier", "doc-1"), "wrapped_key": w2, "reason": "r"})["resource_key_hash"])
	require.Equal(t, kacls.ResourceKeyHash(dek, "doc-1", "p1"), e.ok("old", "digest", map[string]any{
		"authorization": e.migration("old", "verifier", "doc-1"), "wrapped_key": w1, "reason": "r"})["resource_key_hash"])

	// 5. refusals at new.
	rewrap := func(authz, orig, reason string) map[string]any {
		return map[string]any{"authorization": authz, "original_kacls_url": orig, "reason": reason, "wrapped_key": w1}
	}
	e.fail("new", "rewrap", rewrap(e.migration("new", "reader", "doc-1"), e.url("old"), "r"), http.StatusForbidden)
	e.fail("new", "rewrap", rewrap(e.migration("old", "migrator", "doc-1"), e.url("old"), "r"), http.StatusForbidden)
	d := e.fail("new", "rewrap", rewrap(e.migration("new", "migrator", "doc-1"), "https://169.254.169.254/v1", "r"), http.StatusForbidden)
	require.Contains(t, d, "no request was sent")
	e.fail("new", "rewrap", rewrap(e.migration("new", "migrator", "doc-1"), e.url("old"), strings.Repeat("x", 1025)), http.StatusBadRequest)
	e.fail("new", "rewrap", map[string]any{"original_kacls_url": e.url("old"), "reason": "r", "wrapped_key": w1}, http.StatusUnauthorized)
	tok := e.migration("new", "migrator", "doc-1")
	e.advance(61 * time.Minute)
	e.fail("new", "rewrap", rewrap(tok, e.url("old"), "r"), http.StatusUnauthorized)

	// 7. old's privilegedunwrap with an IdP token.
	require.Equal(t, dek, unb64(t, e.ok("old", "privilegedunwrap", map[string]any{"authentication": e.authn("admin@example.com"),
		"resource_name": "doc-1", "wrapped_key": w1, "reason": "export"})["key"]))
	e.fail("old", "privilegedunwrap", map[string]any{"authentication": e.authn("admin@example.com"),
		"resource_name": "doc-2", "wrapped_key": w1, "reason": "export"}, http.StatusForbidden)
}

func TestStatusListsTheOperations(t *testing.T) {
	e := newEnv(t, kacls.Config{Version: "test"})
	status, out := e.do(http.MethodGet, "", "status", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, map[string]any{"name": "Element emulator KACLS", "vendor_id": "element-emulator", "version": "test",
		"server_type": "KACLS", "operations_supported": []any{"delegate", "digest", "privatekeydecrypt", "privatekeysign",
			"privilegedprivatekeydecrypt", "privilegedunwrap", "privilegedwrap", "rewrap", "unwrap", "wrap", "wrapprivatekey"}}, out)
	status, certs := e.do(http.MethodGet, "", "certs", nil)
	require.Equal(t, http.StatusOK, status)
	k := certs["keys"].([]any)[0].(map[string]any)
	require.Equal(t, "RSA", k["kty"])
	require.Equal(t, "AQAB", k["e"])
	require.Equal(t, "sig", k["use"])
	require.Equal(t, "RS256", k["alg"])
	require.NotEmpty(t, k["kid"])
	_, hasD := k["d"]
	require.False(t, hasD, "the JWKS is public")
}

func TestGoogleVectorEndToEnd(t *testing.T) {
	e := newEnv(t, kacls.Config{})
	w := e.ok("", "privilegedwrap", map[string]any{"authentication": e.authn("admin@example.com"),
		"key": b64([]byte("data-encryption-key")), "resource_name": "resource-name", "reason": "import"})["wrapped_key"]
	require.Equal(t, "BzUyXkZ0424Ve8NtOB1CWgg5hVx60OAPf9SNbVPdtUo=", e.ok("", "digest", map[string]any{
		"authorization": e.migration("", "verifier", "resource-name"), "wrapped_key": w, "reason": "check"})["resource_key_hash"])
	// The alias role check (one vendor's spelling of verifier).
	require.Equal(t, "BzUyXkZ0424Ve8NtOB1CWgg5hVx60OAPf9SNbVPdtUo=", e.ok("", "digest", map[string]any{
		"authorization": e.migration("", "check", "resource-name"), "wrapped_key": w, "reason": "check"})["resource_key_hash"])
}
