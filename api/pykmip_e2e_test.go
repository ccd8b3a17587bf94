package api_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/kmip"
	"github.com/element-emulator/element-emulator/kmip/pykmiptest"
)

// pykmipCompletedRekey advances past a rekey job, reads it (purging it) and
// requires a successful completion, returning the job's result object.
func pykmipCompletedRekey(t *testing.T, s *apitest.Server, h int64) map[string]any {
	t.Helper()
	s.Advance(6)
	r := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})
	require.Equal(t, "complete", r["status"], "%v", r)
	require.Equal(t, "RekeySoftwareEncryptionAtRestMasterKey", r["resultType"])
	require.NotContains(t, r, "error", "rekey failed on PyKMIP: %v", r["error"])
	res := apitest.Obj(t, r, "result")
	require.Equal(t, "Ready", res["state"])
	return res
}

// pykmipKeyName is the Name the cluster gives a SEAR master key on a KMS
// that rejects the x-SolidFire-KeyID attribute (docs/kmip.md, Keys the
// cluster creates: fallback).
func pykmipKeyName(keyID string) string {
	return kmip.KeyName(kmip.PurposeSoftwareEarKeyEncryptionKey, keyID)
}

// requireNoCurrentFaults: no kmipServerFault (or anything else) is open.
func requireNoCurrentFaults(t *testing.T, s *apitest.Server) {
	t.Helper()
	faults, ok := s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"].([]any)
	require.True(t, ok)
	require.Empty(t, faults)
}

// TestPyKMIPSeed001 runs seed 001's EKM setup (steps 1–8 of
// docs/element-api.md's acceptance procedures, with an external EKS: the CSR
// is signed by the key server's own CA) and the software master-key rekeys
// of the rekey procedure against a real pykmip-server, with the emulator's
// default KMIP client settings (custom attribute "fallback", needed because
// PyKMIP rejects x- attributes: docs/kmip.md, PyKMIP pitfall 3).
func TestPyKMIPSeed001(t *testing.T) {
	kms := pykmiptest.StartServer(t)
	s := apitest.NewServer(t)
	t0 := apitest.Start().Format("2006-01-02T15:04:05Z")

	k0 := isUUID(t, apitest.Obj(t, s.OK("GetSoftwareEncryptionAtRestInfo", nil), "masterKeyInfo")["keyID"])

	// Steps 1–3: key pair, CSR, signed by PyKMIP's CA.
	require.Empty(t, s.OK("CreatePublicPrivateKeyPair", map[string]any{"commonName": "emu-cluster", "organization": "Lab",
		"country": "US", "emailAddress": "ops@lab.example"}))
	csr, ok := s.OK("GetClientCertificateSignRequest", nil)["clientCertificateSignRequest"].(string)
	require.True(t, ok)
	cert := kms.SignClientCSR(csr)

	// Steps 4–5.
	p := apitest.Obj(t, s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "pykmip-provider"}), "kmipKeyProvider")
	require.Equal(t, false, p["keyProviderIsActive"])
	pid := apitest.Int(t, p["keyProviderID"])
	ks := apitest.Obj(t, s.OK("CreateKeyServerKmip", map[string]any{"kmipCaCertificate": kms.CAPEM, "kmipClientCertificate": cert,
		"kmipKeyServerHostnames": []string{kms.Host}, "kmipKeyServerName": "pykmip", "kmipKeyServerPort": kms.Port}), "kmipKeyServer")
	require.Equal(t, int64(kms.Port), apitest.Int(t, ks["kmipKeyServerPort"]))
	require.Equal(t, []any{"127.0.0.1"}, ks["kmipKeyServerHostnames"])
	require.Nil(t, ks["keyProviderID"])
	sid := apitest.Int(t, ks["keyServerID"])

	// Steps 6–8: real probes over mutual TLS 1.2 (ECDSA server, RSA client).
	require.Empty(t, s.OK("TestKeyServerKmip", map[string]any{"keyServerID": sid}))
	require.Empty(t, s.OK("AddKeyServerToProviderKmip", map[string]any{"keyProviderID": pid, "keyServerID": sid}))
	ks = apitest.Obj(t, s.OK("GetKeyServerKmip", map[string]any{"keyServerID": sid}), "kmipKeyServer")
	require.Equal(t, pid, apitest.Int(t, ks["keyProviderID"]))
	require.Equal(t, false, ks["kmipAssignedProviderIsActive"])
	require.Empty(t, s.OK("TestKeyProviderKmip", map[string]any{"keyProviderID": pid}))
	require.Empty(t, kms.Objects(), "probes create nothing")
	require.True(t, kms.LogContains("Session client identity: emu-cluster"), "PyKMIP saw the cluster's certificate")

	// Internal → External on PyKMIP.
	h1 := apitest.Int(t, s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "external", "keyProviderID": pid})["asyncHandle"])
	res := pykmipCompletedRekey(t, s, h1)
	require.Equal(t, "Rekeying Master Key. Master Key management being transferred from Internal Key Management to External Key Management with keyProviderID=1", res["operation"])
	require.Equal(t, map[string]any{"keyID": k0, "keyManagementType": "internal"}, apitest.Obj(t, res, "keyToDecommission"))
	nk := apitest.Obj(t, res, "newKey")
	k1 := isUUID(t, nk["keyID"])
	require.NotEqual(t, k0, k1)
	require.Equal(t, map[string]any{"keyID": k1, "keyManagementType": "external", "keyProviderID": jsonNum(pid)}, nk)
	info := s.OK("GetSoftwareEncryptionAtRestInfo", nil)
	require.Equal(t, map[string]any{"keyCreatedTime": t0, "keyID": k1, "keyManagementType": "external", "keyProviderID": jsonNum(pid)},
		apitest.Obj(t, info, "masterKeyInfo"))
	require.Equal(t, h1, apitest.Int(t, info["rekeyMasterKeyAsyncResultID"]))
	require.Equal(t, true, apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": pid}), "kmipKeyProvider")["keyProviderIsActive"])
	objs := kms.Objects()
	require.Len(t, objs, 1, "%+v", objs)
	require.Equal(t, "SymmetricKey", objs[0].Type)
	require.Equal(t, "Active", objs[0].State)
	require.Equal(t, []string{pykmipKeyName(k1)}, objs[0].Names)
	uid1 := objs[0].UID
	requireNoCurrentFaults(t, s)
	// PyKMIP refused the tagged Create (x-SolidFire-KeyID-…); the fallback created it by Name only.
	require.Equal(t, 2, kms.LogCount("Processing operation: Create"), "tagged Create refused, untagged Create accepted")
	require.True(t, kms.LogContains("Processing operation: Activate"))

	// A power cycle reads the external master key back from PyKMIP.
	gets := kms.LogCount("Processing operation: Get")
	s = s.Restart()
	require.True(t, s.Emu.Restarted)
	requireNoCurrentFaults(t, s)
	require.Equal(t, k1, apitest.Obj(t, s.OK("GetSoftwareEncryptionAtRestInfo", nil), "masterKeyInfo")["keyID"])
	require.Greater(t, kms.LogCount("Processing operation: Get"), gets, "the boot read-back reached PyKMIP")

	// External → External, same provider (defaulted): new key, old one
	// revoked and destroyed on PyKMIP without a fault.
	t1 := apitest.Start().Add(6 * time.Second).Format("2006-01-02T15:04:05Z")
	h2 := apitest.Int(t, s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "External"})["asyncHandle"])
	res = pykmipCompletedRekey(t, s, h2)
	require.Equal(t, "Rekeying Master Key. Master Key management remains with External Key Management with keyProviderID=1", res["operation"])
	require.Equal(t, map[string]any{"keyID": k1, "keyManagementType": "external", "keyProviderID": jsonNum(pid)}, apitest.Obj(t, res, "keyToDecommission"))
	nk = apitest.Obj(t, res, "newKey")
	k2 := isUUID(t, nk["keyID"])
	require.NotEqual(t, k1, k2)
	require.Equal(t, map[string]any{"keyID": k2, "keyManagementType": "external", "keyProviderID": jsonNum(pid)}, nk)
	info = s.OK("GetSoftwareEncryptionAtRestInfo", nil)
	require.Equal(t, map[string]any{"keyCreatedTime": t1, "keyID": k2, "keyManagementType": "external", "keyProviderID": jsonNum(pid)},
		apitest.Obj(t, info, "masterKeyInfo"))
	require.Equal(t, h2, apitest.Int(t, info["rekeyMasterKeyAsyncResultID"]))
	objs = kms.Objects()
	require.Len(t, objs, 1, "the old key is destroyed (PyKMIP deletes the row): %+v", objs)
	require.NotEqual(t, uid1, objs[0].UID)
	require.Equal(t, "Active", objs[0].State)
	require.Equal(t, []string{pykmipKeyName(k2)}, objs[0].Names)
	requireNoCurrentFaults(t, s)
	require.Equal(t, 1, kms.LogCount("Processing operation: Revoke"))
	require.Equal(t, 1, kms.LogCount("Processing operation: Destroy"))

	// External → Internal: the PyKMIP key goes, the provider becomes inactive.
	h3 := apitest.Int(t, s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "Internal"})["asyncHandle"])
	res = pykmipCompletedRekey(t, s, h3)
	require.Equal(t, "Rekeying Master Key. Master Key management being transferred from External Key Management with keyProviderID=1 to Internal Key Management", res["operation"])
	require.Equal(t, map[string]any{"keyID": k2, "keyManagementType": "external", "keyProviderID": jsonNum(pid)}, apitest.Obj(t, res, "keyToDecommission"))
	nk = apitest.Obj(t, res, "newKey")
	k3 := isUUID(t, nk["keyID"])
	require.Equal(t, map[string]any{"keyID": k3, "keyManagementType": "internal"}, nk)
	mk := apitest.Obj(t, s.OK("GetSoftwareEncryptionAtRestInfo", nil), "masterKeyInfo")
	require.Equal(t, "internal", mk["keyManagementType"])
	require.Equal(t, k3, mk["keyID"])
	require.NotContains(t, mk, "keyProviderID")
	require.Equal(t, false, apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": pid}), "kmipKeyProvider")["keyProviderIsActive"])
	require.Empty(t, kms.Objects())
	require.Equal(t, 2, kms.LogCount("Processing operation: Destroy"))
	requireNoCurrentFaults(t, s)
}
