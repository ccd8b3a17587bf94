package kacls_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/kacls"
)

func TestDelegate(t *testing.T) {
	e := newEnv(t, kacls.Config{})
	dek := dek32(t)
	w := e.ok("", "wrap", map[string]any{"authentication": e.authn("u@example.com"),
		"authorization": e.authz("", "writer", "u@example.com", "doc-1"), "key": b64(dek), "reason": "r"})["wrapped_key"]
	svc := map[string]any{"delegated_to": "svc@example.com"}
	d := e.ok("", "delegate", map[string]any{"authentication": e.authn("u@example.com"),
		"authorization": e.authz("", "reader", "u@example.com", "doc-1", svc), "reason": "r"})["delegated_authentication"].(string)

	unwrap := func(authz string) map[string]any {
		return map[string]any{"authentication": d, "authorization": authz, "wrapped_key": w, "reason": "r"}
	}
	require.Equal(t, dek, unb64(t, e.ok("", "unwrap", unwrap(e.authz("", "reader", "u@example.com", "doc-1", svc)))["key"]))
	e.fail("", "unwrap", unwrap(e.authz("", "reader", "u@example.com", "doc-1", map[string]any{"delegated_to": "other@example.com"})), http.StatusForbidden)
	e.fail("", "unwrap", unwrap(e.authz("", "reader", "u@example.com", "doc-2", svc)), http.StatusForbidden)
	e.fail("", "unwrap", unwrap(e.authz("", "reader", "u@example.com", "doc-1")), http.StatusForbidden)
	// An authz token with delegated_to needs a delegated token.
	e.fail("", "unwrap", map[string]any{"authentication": e.authn("u@example.com"),
		"authorization": e.authz("", "reader", "u@example.com", "doc-1", svc), "wrapped_key": w, "reason": "r"}, http.StatusForbidden)
	// delegate needs delegated_to.
	e.fail("", "delegate", map[string]any{"authentication": e.authn("u@example.com"),
		"authorization": e.authz("", "reader", "u@example.com", "doc-1"), "reason": "r"}, http.StatusForbidden)
	// A delegated token is for wrap and unwrap only.
	e.fail("", "privilegedunwrap", map[string]any{"authentication": d, "resource_name": "doc-1", "wrapped_key": w, "reason": "r"}, http.StatusUnauthorized)
	// It lives 15 minutes.
	e.advance(16 * time.Minute)
	e.fail("", "unwrap", unwrap(e.authz("", "reader", "u@example.com", "doc-1", svc)), http.StatusUnauthorized)
}
