package api_test

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func isUUID(t *testing.T, v any) string {
	t.Helper()
	s, ok := v.(string)
	require.True(t, ok, "%v is not a string", v)
	require.Regexp(t, uuidRE, s)
	_, err := uuid.Parse(s)
	require.NoError(t, err)
	return s
}

// TestSeed001SetupAndRekey replays seed 001's "set up external key management"
// and "rekey the software encryption-at-rest master key" procedures (the EKM
// setup and the rekey of docs/element-api.md's acceptance procedures) over
// HTTP, with a restart in the middle.
func TestSeed001SetupAndRekey(t *testing.T) {
	dir := t.TempDir()
	s := apitest.NewServer(t, apitest.WithDataDir(dir))
	t0 := apitest.Start().Format("2006-01-02T15:04:05Z")

	// Precondition: SEAR enabled, internal master key, version 1.
	info := s.OK("GetSoftwareEncryptionAtRestInfo", nil)
	require.Equal(t, "enabled", info["state"])
	require.Equal(t, "enabled", info["status"])
	require.Equal(t, int64(1), apitest.Int(t, info["version"]))
	mk := apitest.Obj(t, info, "masterKeyInfo")
	require.Equal(t, "internal", mk["keyManagementType"])
	k0 := isUUID(t, mk["keyID"])
	require.NotContains(t, info, "rekeyMasterKeyAsyncResultID")
	require.Equal(t, "enabled", apitest.Obj(t, s.OK("GetClusterInfo", nil), "clusterInfo")["softwareEncryptionAtRestState"])

	// Setup steps 1–8, checking each documented field.
	require.Empty(t, s.OK("CreatePublicPrivateKeyPair", map[string]any{"commonName": "emu-cluster", "organization": "Lab",
		"country": "US", "emailAddress": "ops@lab.example"}))
	csr := s.OK("GetClientCertificateSignRequest", nil)["clientCertificateSignRequest"].(string)
	require.Contains(t, csr, "-----BEGIN CERTIFICATE REQUEST-----")
	status, signed := s.Control(http.MethodPost, "kmip/sign", map[string]any{"csr": csr})
	require.Equal(t, http.StatusOK, status)
	p := apitest.Obj(t, s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "lab-provider"}), "kmipKeyProvider")
	require.Equal(t, false, p["keyProviderIsActive"])
	require.Equal(t, []any{}, p["keyServerIDs"])
	require.Equal(t, "SSL", p["kmipCapabilities"])
	pid := apitest.Int(t, p["keyProviderID"])

	statsBefore := kmipStats(t, s)
	ks := apitest.Obj(t, s.OK("CreateKeyServerKmip", map[string]any{
		"kmipCaCertificate": signed["caCertificate"], "kmipClientCertificate": signed["certificate"],
		"kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": "lab-kms", "kmipKeyServerPort": s.Emu.KMIPPort(),
	}), "kmipKeyServer")
	require.Nil(t, ks["keyProviderID"])
	require.Nil(t, ks["kmipAssignedProviderIsActive"])
	require.Equal(t, int64(s.Emu.KMIPPort()), apitest.Int(t, ks["kmipKeyServerPort"]))
	sid := apitest.Int(t, ks["keyServerID"])
	require.Equal(t, statsBefore, kmipStats(t, s), "CreateKeyServerKmip must not contact the key server")

	// Step 6 with its variant: an unreachable rule fails once, then the test passes.
	s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "unreachable", "times": 1})
	msg := s.Fail("TestKeyServerKmip", map[string]any{"keyServerID": sid}, "xKmipConnectionFailure")
	require.Contains(t, msg, "Connection failure: 127.0.0.1:")
	require.Empty(t, s.OK("TestKeyServerKmip", map[string]any{"keyServerID": sid}))

	require.Empty(t, s.OK("AddKeyServerToProviderKmip", map[string]any{"keyProviderID": pid, "keyServerID": sid}))
	ks = apitest.Obj(t, s.OK("GetKeyServerKmip", map[string]any{"keyServerID": sid}), "kmipKeyServer")
	require.Equal(t, pid, apitest.Int(t, ks["keyProviderID"]))
	require.Equal(t, false, ks["kmipAssignedProviderIsActive"])
	p = apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": pid}), "kmipKeyProvider")
	require.Equal(t, []any{jsonNum(sid)}, p["keyServerIDs"])
	require.Empty(t, s.OK("AddKeyServerToProviderKmip", map[string]any{"keyProviderID": pid, "keyServerID": sid}), "repeat is a no-op")
	require.Empty(t, s.OK("TestKeyProviderKmip", map[string]any{"keyProviderID": pid}))

	// Restart in the middle: everything acknowledged survives.
	s = s.Restart()
	require.True(t, s.Emu.Restarted)

	// Rekey, step 1.
	status, body := s.Post(`{"method":"ListKeyProvidersKmip","params":{},"id":1}`)
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, string(body), `"keyProviderID":1`)

	// Step 2: exactly as the documentation sends it.
	status, body = s.Post(`{"method":"rekeysoftwareencryptionatrestmasterkey","params":{"keyManagementType":"external","keyProviderID":"1"}}`)
	require.Equal(t, http.StatusOK, status)
	require.JSONEq(t, `{"id":null,"result":{"asyncHandle":1}}`, string(body))
	h := int64(1)
	require.Equal(t, true, apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": pid}), "kmipKeyProvider")["keyProviderIsActive"])

	// Step 3: the phases follow the clock.
	for _, tt := range []struct {
		advance float64
		state   string
	}{{0, "CreateNewMasterKey"}, {2, "RewrapDataEncryptionKeys"}, {2, "DecommissionOldMasterKey"}} {
		s.Advance(tt.advance)
		r := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
		require.Equal(t, "running", r["status"], "%v", r)
		require.Equal(t, tt.state, apitest.Obj(t, r, "details")["state"])
		require.NotContains(t, r, "result")
	}
	// Step 4: a second rekey while running.
	s.Fail("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "External", "keyProviderID": pid}, "xAPINotPermitted")

	// Restart again while the job runs: it resumes.
	s = s.Restart()

	// Step 5.
	s.Advance(2)
	status, body = s.Post(`{"method":"GetAsyncResult","params":{"asyncHandle":1}}`)
	require.Equal(t, http.StatusOK, status)
	r := decode(t, body)
	require.Nil(t, r["id"])
	res := apitest.Obj(t, r, "result")
	require.Equal(t, t0, res["createTime"])
	require.Equal(t, apitest.Start().Add(6*time.Second).Format("2006-01-02T15:04:05Z"), res["lastUpdateTime"])
	require.Equal(t, "RekeySoftwareEncryptionAtRestMasterKey", res["resultType"])
	require.Equal(t, "complete", res["status"])
	inner := apitest.Obj(t, res, "result")
	require.Equal(t, "Ready", inner["state"])
	require.Equal(t, "Rekeying Master Key. Master Key management being transferred from Internal Key Management to External Key Management with keyProviderID=1", inner["operation"])
	old := apitest.Obj(t, inner, "keyToDecommission")
	require.Equal(t, map[string]any{"keyID": k0, "keyManagementType": "internal"}, old)
	nk := apitest.Obj(t, inner, "newKey")
	k1 := isUUID(t, nk["keyID"])
	require.NotEqual(t, k0, k1)
	require.Equal(t, "external", nk["keyManagementType"])
	require.Equal(t, pid, apitest.Int(t, nk["keyProviderID"]))

	// Step 6.
	status, body = s.Post(`{"method":"getsoftwareencryptionatrestinfo"}`)
	require.Equal(t, http.StatusOK, status)
	res = apitest.Obj(t, decode(t, body), "result")
	mk = apitest.Obj(t, res, "masterKeyInfo")
	require.Equal(t, map[string]any{"keyCreatedTime": t0, "keyID": k1, "keyManagementType": "external", "keyProviderID": jsonNum(pid)}, mk)
	require.Equal(t, h, apitest.Int(t, res["rekeyMasterKeyAsyncResultID"]))
	require.Equal(t, "enabled", res["state"])
	require.Equal(t, int64(1), apitest.Int(t, res["version"]))

	// Step 7: purged by step 5.
	require.Equal(t, "Async handle 1 does not exist.", s.Fail("GetAsyncResult", map[string]any{"asyncHandle": h}, "xAsyncHandleDoesNotExist"))

	// The key server holds one Active AES-256 key tagged with K1.
	objs := kmipObjects(t, s)
	require.Len(t, objs, 1)
	require.Equal(t, "Active", objs[0]["state"])
	require.Equal(t, []any{k1}, objs[0]["keyIDs"])

	// Follow-ups, in order.
	s.Fail("DeleteKeyProviderKmip", map[string]any{"keyProviderID": pid}, "xAPINotPermitted")
	h2 := apitest.Int(t, s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "Internal"})["asyncHandle"])
	require.Equal(t, int64(2), h2)
	s.Advance(6)
	r2 := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h2})
	require.Equal(t, "Rekeying Master Key. Master Key management being transferred from External Key Management with keyProviderID=1 to Internal Key Management",
		apitest.Obj(t, r2, "result")["operation"])
	require.Equal(t, false, apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": pid}), "kmipKeyProvider")["keyProviderIsActive"])
	objs = kmipObjects(t, s)
	require.Equal(t, "Destroyed", objs[0]["state"], "the old external key is decommissioned on its server")

	s.Fail("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "External"}, "xMissingParameter")

	before := s.OK("GetSoftwareEncryptionAtRestInfo", nil)
	s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "unreachable"})
	h3 := apitest.Int(t, s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "External", "keyProviderID": pid})["asyncHandle"])
	s.Advance(6)
	r3 := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h3})
	require.Equal(t, "complete", r3["status"])
	require.NotContains(t, r3, "result")
	e3 := apitest.Obj(t, r3, "error")
	require.Equal(t, "xKmipConnectionFailure", e3["name"])
	require.NotContains(t, e3, "code")
	after := s.OK("GetSoftwareEncryptionAtRestInfo", nil)
	require.Equal(t, before["masterKeyInfo"], after["masterKeyInfo"], "a failed rekey leaves the old key in force")
	faults := s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"].([]any)
	require.Len(t, faults, 1)
	f := faults[0].(map[string]any)
	require.Equal(t, "kmipServerFault", f["code"])
	require.Equal(t, "error", f["severity"])
	require.Equal(t, "cluster", f["type"])
	require.Regexp(t, `^Connection failure`, f["details"])
	require.Equal(t, false, apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": pid}), "kmipKeyProvider")["keyProviderIsActive"])
}

// TestRekeyWithoutSEAR: a cluster created without SEAR refuses the rekey.
func TestRekeyWithoutSEAR(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulatorConfig) { c.Cluster.SoftwareEAR = false }))
	info := s.OK("GetSoftwareEncryptionAtRestInfo", nil)
	require.Equal(t, "disabled", info["state"])
	require.Equal(t, int64(0), apitest.Int(t, info["version"]))
	require.NotContains(t, info, "masterKeyInfo")
	require.Equal(t, "Software encryption at rest is not enabled on this cluster.",
		s.Fail("RekeySoftwareEncryptionAtRestMasterKey", nil, "xAPINotPermitted"))
}
