package api_test

import (
	"encoding/json"
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
	for _, p := range []string{"reset", "nosuchcontrol"} {
		for _, password := range []string{"", "wrong"} {
			req, err := http.NewRequest(http.MethodPost, s.URL+"/_emulator/"+p, nil)
			require.NoError(t, err)
			if password != "" {
				req.SetBasicAuth(s.User, password)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			var body map[string]string
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&body), "a JSON body, not an HTML page")
			resp.Body.Close()
			require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "authentication comes before the path")
			require.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			require.Equal(t, `Basic realm="SolidFire"`, resp.Header.Get("WWW-Authenticate"), "the challenge stays")
			require.Contains(t, body["error"], "401 Unauthorized.")
			require.Contains(t, body["error"], "wrong or missing")
		}
	}
}

// TestControlErrorsInUserTerms: a control's refusal says what is wrong with
// the body in JSON terms, never in Go's ("cannot unmarshal", "Go struct").
func TestControlErrorsInUserTerms(t *testing.T) {
	s := apitest.NewServer(t)
	for _, c := range []struct{ method, path, body, want string }{
		{http.MethodPost, "clock/advance", `{"seconds":"10"}`, `"seconds" must be a number, not a string`},
		{http.MethodPost, "clock/advance", `{"seconds":[1]}`, `"seconds" must be a number, not an array`},
		{http.MethodPost, "clock/advance", `[10]`, `the body must be a JSON object, not an array`},
		{http.MethodPost, "clock/advance", `{"seconds":`, `the body is not valid JSON`},
		{http.MethodPost, "clock/advance", `seconds=10`, `the body is not valid JSON (at byte 1)`},
		{http.MethodPost, "restart", `{"nodeIDs":"1"}`, `"nodeIDs" must be an array of integers, not a string`},
		{http.MethodPost, "restart", `{"nodeIDs":["a"]}`, `"nodeIDs" must be an array of integers, not a string`},
		{http.MethodPost, "drives/insert", `{"nodeID":1,"slot":1.5}`, `"slot" must be an integer, not the number 1.5`},
		{http.MethodPost, "drives/1/fail", `{"detail":5}`, `"detail" must be a string, not a number`},
		{http.MethodPost, "cluster-faults", `{"code":"x","driveIDs":{}}`, `"driveIDs" must be an array of integers, not an object`},
		{http.MethodPost, "kmip/sign", `{"csr":"x","days":"30"}`, `"days" must be an integer, not a string`},
		{http.MethodPost, "faults", `[1]`, `the body must be a JSON object, not an array`},
		{http.MethodPost, "faults", `{"target":"kmip-client","effect":"error","reason":["a"]}`, `"reason" must be a string, number or boolean, not an array`},
		{http.MethodPost, "faults", `{"target":"kmip-client","effect":"unreachable","match":{"keyServerID":{}}}`, `"match.keyServerID" must be a string, number or boolean, not an object`},
		{http.MethodGet, "nosuchcontrol", ``, `no control GET /_emulator/nosuchcontrol (docs/labs.md lists the routes)`},
	} {
		req, err := http.NewRequest(c.method, s.URL+"/_emulator/"+c.path, strings.NewReader(c.body))
		require.NoError(t, err)
		req.SetBasicAuth(s.User, s.Pass)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		var body map[string]string
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&body), c.body)
		resp.Body.Close()
		require.Contains(t, []int{http.StatusBadRequest, http.StatusNotFound}, resp.StatusCode, c.body)
		require.Equal(t, "application/json", resp.Header.Get("Content-Type"), c.body)
		require.Contains(t, body["error"], c.want, c.body)
		for _, internal := range []string{"unmarshal", "Go struct", "float64", "int64", "interface", "json:"} {
			require.NotContains(t, body["error"], internal, c.body)
		}
	}
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
