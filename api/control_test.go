package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

func TestClockControl(t *testing.T) {
	s := apitest.NewServer(t)
	status, body := s.Control(http.MethodGet, "clock", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "virtual", body["mode"])
	require.Equal(t, "2026-03-04T10:00:00Z", body["now"])
	s.Advance(90)
	_, body = s.Control(http.MethodGet, "clock", nil)
	require.Equal(t, "2026-03-04T10:01:30Z", body["now"])
	for _, bad := range []any{map[string]any{}, map[string]any{"seconds": -1}, map[string]any{"seconds": "ten"}} {
		status, body = s.Control(http.MethodPost, "clock/advance", bad)
		require.Equal(t, http.StatusBadRequest, status, "%v", bad)
		require.NotEmpty(t, body["error"])
	}
	_, body = s.Control(http.MethodGet, "clock", nil)
	require.Equal(t, "2026-03-04T10:01:30Z", body["now"], "a refused advance moves nothing")
}

func TestFaultRuleControl(t *testing.T) {
	s := apitest.NewServer(t)
	for _, bad := range []map[string]any{
		{"effect": "unreachable"},
		{"target": "kmip-client"},
		{"target": "disk", "effect": "unreachable"},
		{"target": "kmip-client", "effect": "explode"},
		{"target": "kmip-client", "effect": "unreachable", "times": -2},
		{"target": "element-method", "effect": "error"},
		{"target": "kmip-server", "kind": "tls", "mode": "sideways"},
	} {
		status, body := s.Control(http.MethodPost, "faults", bad)
		require.Equal(t, http.StatusBadRequest, status, "%v", bad)
		require.NotEmpty(t, body["error"])
	}
	_, body := s.Control(http.MethodGet, "faults", nil)
	require.Empty(t, body["rules"], "refused rules are not stored")

	id := s.AddRule(map[string]any{"target": "element-method", "match": map[string]any{"method": "GetClusterInfo"},
		"effect": "error", "name": "xDBVersionMismatch", "message": "retry me", "times": 1})
	_, body = s.Control(http.MethodGet, "faults", nil)
	rules := body["rules"].([]any)
	require.Len(t, rules, 1)
	require.Equal(t, int64(id), apitest.Int(t, rules[0].(map[string]any)["ruleID"]))

	require.Equal(t, "retry me", s.Fail("getclusterinfo", nil, "xDBVersionMismatch"))
	s.OK("GetClusterInfo", nil)
	_, body = s.Control(http.MethodGet, "faults", nil)
	require.Empty(t, body["rules"], "a rule with times 1 is gone after firing once")

	id = s.AddRule(map[string]any{"target": "element-method", "match": map[string]any{"method": "ListKeyProvidersKmip"},
		"effect": "error", "name": "xNotPrimary"})
	s.Fail("ListKeyProvidersKmip", nil, "xNotPrimary")
	s.Fail("ListKeyProvidersKmip", nil, "xNotPrimary")
	s.DeleteRule(id)
	s.OK("ListKeyProvidersKmip", nil)
	status, _ := s.Control(http.MethodDelete, "faults/999", nil)
	require.Equal(t, http.StatusNotFound, status)
	status, _ = s.Control(http.MethodDelete, "faults/abc", nil)
	require.Equal(t, http.StatusBadRequest, status)
}

func TestFaultRulesSurviveRestart(t *testing.T) {
	s := apitest.NewServer(t)
	s.AddRule(map[string]any{"target": "element-method", "match": map[string]any{"method": "GetAPI"}, "effect": "error", "name": "xDBClosing"})
	s = s.Restart()
	s.Fail("GetAPI", nil, "xDBClosing")
}

func TestKMIPCAAndSignControl(t *testing.T) {
	s := apitest.NewServer(t)
	status, body := s.Control(http.MethodGet, "kmip/ca", nil)
	require.Equal(t, http.StatusOK, status)
	ca := body["text"].(string)
	require.True(t, strings.HasPrefix(ca, "-----BEGIN CERTIFICATE-----"))
	for _, bad := range []map[string]any{{}, {"csr": "garbage"}, {"csr": ca}} {
		status, body = s.Control(http.MethodPost, "kmip/sign", bad)
		require.Equal(t, http.StatusBadRequest, status, "%v", bad)
		require.NotEmpty(t, body["error"])
	}
	caPEM, cert := s.Trust("lab")
	require.Equal(t, ca, caPEM)
	require.Contains(t, cert, "-----BEGIN CERTIFICATE-----")
	_, body = s.Control(http.MethodGet, "kmip/certs", nil)
	require.Len(t, body["certificates"], 1, "the signed certificate is recorded")
}

func TestControlNeedsCredentials(t *testing.T) {
	s := apitest.NewServer(t)
	resp, err := http.Post(s.URL+"/_emulator/reset", "application/json", nil)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
}

func TestResetRestoresInitialState(t *testing.T) {
	s := apitest.NewServer(t)
	p, _ := s.SetupEKM()
	s.AddRule(map[string]any{"target": "element-method", "match": map[string]any{"method": "GetAPI"}, "effect": "error", "name": "xDBClosing"})
	status, _ := s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status)
	require.Empty(t, s.OK("ListKeyProvidersKmip", nil)["kmipKeyProviders"])
	require.Empty(t, s.OK("ListKeyServersKmip", nil)["kmipKeyServers"])
	s.Fail("GetClientCertificateSignRequest", nil, "xKeyPairDoesNotExist")
	s.OK("GetAPI", nil)
	info := s.OK("GetSoftwareEncryptionAtRestInfo", nil)
	require.Equal(t, "internal", apitest.Obj(t, info, "masterKeyInfo")["keyManagementType"])
	np := apitest.Obj(t, s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "again"}), "kmipKeyProvider")
	require.Equal(t, p, apitest.Int(t, np["keyProviderID"]), "reset returns to the initial state, IDs included")
	ds := s.OK("ListDrives", nil)["drives"].([]any)
	require.Len(t, ds, 40)
	require.Equal(t, int64(1), apitest.Int(t, ds[0].(map[string]any)["driveID"]), "drive IDs start again at 1")
}
