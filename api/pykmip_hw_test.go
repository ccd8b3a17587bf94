package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/kmip"
	"github.com/element-emulator/element-emulator/kmip/pykmiptest"
)

// pykmipSetupEKM runs seed 001's EKM setup, steps 1–8 (docs/element-api.md,
// Acceptance procedures), against a real pykmip-server, the CSR signed by
// PyKMIP's own CA; it returns P and S.
func pykmipSetupEKM(t *testing.T, s *apitest.Server, kms *pykmiptest.Server) (pid, sid int64) {
	t.Helper()
	require.Empty(t, s.OK("CreatePublicPrivateKeyPair", map[string]any{"commonName": "emu-cluster", "organization": "Lab",
		"country": "US", "emailAddress": "ops@lab.example"}))
	csr, ok := s.OK("GetClientCertificateSignRequest", nil)["clientCertificateSignRequest"].(string)
	require.True(t, ok)
	cert := kms.SignClientCSR(csr)
	p := apitest.Obj(t, s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "pykmip-provider"}), "kmipKeyProvider")
	require.Equal(t, false, p["keyProviderIsActive"])
	require.Equal(t, []any{}, p["keyServerIDs"])
	pid = apitest.Int(t, p["keyProviderID"])
	ks := apitest.Obj(t, s.OK("CreateKeyServerKmip", map[string]any{"kmipCaCertificate": kms.CAPEM, "kmipClientCertificate": cert,
		"kmipKeyServerHostnames": []string{kms.Host}, "kmipKeyServerName": "pykmip", "kmipKeyServerPort": kms.Port}), "kmipKeyServer")
	require.Equal(t, int64(kms.Port), apitest.Int(t, ks["kmipKeyServerPort"]))
	require.Nil(t, ks["keyProviderID"])
	require.Nil(t, ks["kmipAssignedProviderIsActive"])
	sid = apitest.Int(t, ks["keyServerID"])
	require.Zero(t, kms.LogCount("Session client identity"), "CreateKeyServerKmip never contacts the KMS (D12)")
	require.Empty(t, s.OK("TestKeyServerKmip", map[string]any{"keyServerID": sid}))
	require.Empty(t, s.OK("AddKeyServerToProviderKmip", map[string]any{"keyProviderID": pid, "keyServerID": sid}))
	ks = apitest.Obj(t, s.OK("GetKeyServerKmip", map[string]any{"keyServerID": sid}), "kmipKeyServer")
	require.Equal(t, pid, apitest.Int(t, ks["keyProviderID"]))
	require.Equal(t, false, ks["kmipAssignedProviderIsActive"])
	require.Empty(t, s.OK("TestKeyProviderKmip", map[string]any{"keyProviderID": pid}))
	require.Empty(t, kms.Objects(), "probes create nothing")
	require.True(t, kms.LogContains("Session client identity: emu-cluster"), "PyKMIP saw the cluster's certificate")
	return pid, sid
}

func pykmipRestart(t *testing.T, s *apitest.Server) {
	t.Helper()
	status, body := s.Control(http.MethodPost, "restart", map[string]any{})
	require.Equal(t, http.StatusOK, status, "%v", body)
}

// TestPyKMIPHardwareEAR runs the hardware EAR procedure (docs/element-api.md,
// Acceptance procedures) with pykmip-server as the key server, a power cycle
// that reads the key back from it (docs/element-api.md, Drives), the
// key-missing boot failure of the kmipServerFault recovery's variant (i) and
// its recovery, and DisableEncryptionAtRest destroying the key on PyKMIP.
func TestPyKMIPHardwareEAR(t *testing.T) {
	kms := pykmiptest.StartServer(t)
	s := apitest.NewServer(t)
	pid, sid := pykmipSetupEKM(t, s, kms)

	// Hardware EAR, steps 9–12.
	require.Equal(t, "disabled", earState(t, s))
	k := enableHardwareEAR(t, s, pid)
	require.NotEqual(t, zeroUUID, k)
	ds := listDrives(t, s)
	require.Len(t, ds, 40)
	for _, d := range ds {
		require.Equal(t, "active", d["status"])
		require.Equal(t, k, d["keyID"], "drive %v", d["driveID"])
		require.Equal(t, pid, apitest.Int(t, d["keyProviderID"]))
	}
	for id, h := range driveHardware(t, s) {
		require.Equal(t, true, h["securityEnabled"], "drive %d", id)
		require.Equal(t, false, h["securityLocked"], "drive %d", id)
	}
	aki := apitest.Obj(t, s.OK("GetEncryptionAtRestInfo", nil), "authenticationKeyInfo")
	require.Equal(t, k, aki["keyID"])
	require.Equal(t, "external", aki["keyManagementType"])
	require.Equal(t, pid, apitest.Int(t, aki["keyProviderID"]))
	require.Equal(t, true, apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": pid}), "kmipKeyProvider")["keyProviderIsActive"])

	// PyKMIP holds exactly one Active symmetric key named after K.
	objs := kms.Objects()
	require.Len(t, objs, 1, "%+v", objs)
	require.Equal(t, "SymmetricKey", objs[0].Type)
	require.Equal(t, "Active", objs[0].State)
	require.Equal(t, []string{"SolidFire-EarSedAuthenticationKey-" + k}, objs[0].Names)
	require.Equal(t, kmip.KeyName(kmip.PurposeEarSedAuthenticationKey, k), objs[0].Names[0])
	uid := objs[0].UID
	requireNoCurrentFaults(t, s)

	// Power cycle: the key is read back from PyKMIP; drives unlock at once.
	gets := kms.LogCount("Processing operation: Get")
	pykmipRestart(t, s)
	// The read-back runs at the next settlement (start of the next request;
	// docs/element-api.md, Clock, persistence and the /_emulator/ controls).
	for _, d := range listDrives(t, s) {
		require.Equal(t, "active", d["status"], "drive %v", d["driveID"])
		require.Equal(t, "None", d["driveFailureDetail"])
		require.Equal(t, k, d["keyID"])
	}
	require.Greater(t, kms.LogCount("Processing operation: Get"), gets, "the boot read-back reached PyKMIP")
	for id, h := range driveHardware(t, s) {
		require.Equal(t, false, h["securityLocked"], "drive %d unlocked after the read-back", id)
		require.Equal(t, true, h["securityEnabled"], "drive %d", id)
	}
	// "Success: drives unlocked at once; nothing else changes"
	// (docs/element-api.md, Drives): no fault may be raised. Required empty at
	// the end of the test, so that the remaining steps still run if this
	// fails.
	afterBoot := faultList(t, s, "all")
	require.Equal(t, "enabled", earState(t, s))
	require.Len(t, kms.Objects(), 1, "the read-back creates nothing")

	// The kmipServerFault recovery's variant (i): the key is missing on the
	// server at boot.
	rule := s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid},
		"effect": "error", "reason": "ItemNotFound"})
	require.Equal(t, afterBoot, faultList(t, s, "all"), "a rule alone changes nothing (kmipServerFault recovery, step 1)")
	gets = kms.LogCount("Processing operation: Get")
	pykmipRestart(t, s)
	for _, d := range listDrives(t, s) {
		require.Equal(t, "failed", d["status"], "drive %v", d["driveID"])
		require.Equal(t, "DriveLockedKeyUnavailable", d["driveFailureDetail"])
		require.Equal(t, pid, apitest.Int(t, d["keyProviderID"]))
		require.Equal(t, k, d["keyID"])
	}
	for id, h := range driveHardware(t, s) {
		require.Equal(t, true, h["securityLocked"], "drive %d", id)
	}
	require.Equal(t, gets, kms.LogCount("Processing operation: Get"), "the client-side rule answers before PyKMIP")
	fs := faultList(t, s, "current")
	require.Equal(t, map[string]int{"kmipServerFault": 1, "driveFailed": 4, "sliceServiceUnhealthy": 4}, countCodes(fs))
	for _, f := range fs {
		if f.Code == "kmipServerFault" {
			require.Equal(t, "cluster", f.Type)
			require.Equal(t, "error", f.Severity)
			require.Regexp(t, "^Server error", f.Details)
		}
	}
	require.Equal(t, "enabled", earState(t, s))

	// The rule goes; the next retry (≤ 60 s) reads the key from PyKMIP.
	s.DeleteRule(rule)
	s.Advance(60)
	require.Greater(t, kms.LogCount("Processing operation: Get"), gets, "the retry reached PyKMIP")
	for _, d := range listDrives(t, s) {
		require.Equal(t, "active", d["status"], "drive %v", d["driveID"])
		require.Equal(t, "None", d["driveFailureDetail"])
	}
	for id, h := range driveHardware(t, s) {
		require.Equal(t, false, h["securityLocked"], "drive %d", id)
	}
	resolved := faultList(t, s, "resolved")
	require.Equal(t, 1, countCodes(resolved)["kmipServerFault"])
	require.Equal(t, 4, countCodes(resolved)["driveFailed"])
	for _, f := range resolved {
		require.True(t, f.Resolved)
		require.NotEmpty(t, f.ResolvedDate)
	}
	require.Equal(t, map[string]int{"sliceServiceUnhealthy": 4}, countCodes(faultList(t, s, "current")))
	s.Advance(210)
	requireNoCurrentFaults(t, s)

	// Hardware EAR, step 16: disabling destroys the key on PyKMIP.
	s.OK("DisableEncryptionAtRest", nil)
	require.Equal(t, "disabling", earState(t, s))
	require.Len(t, kms.Objects(), 1, "nothing happens on the KMS before disabling ends")
	s.Advance(5)
	require.Equal(t, "disabled", earState(t, s))
	for _, d := range listDrives(t, s) {
		require.Equal(t, zeroUUID, d["keyID"])
		require.Equal(t, int64(0), apitest.Int(t, d["keyProviderID"]))
	}
	for id, h := range driveHardware(t, s) {
		require.Equal(t, false, h["securityEnabled"], "drive %d", id)
	}
	for _, o := range kms.Objects() {
		require.NotEqual(t, uid, o.UID, "the authentication key is gone from PyKMIP's database")
	}
	require.Empty(t, kms.Objects())
	require.Equal(t, 1, kms.LogCount("Processing operation: Destroy"))
	require.Equal(t, false, apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": pid}), "kmipKeyProvider")["keyProviderIsActive"])
	info := s.OK("GetEncryptionAtRestInfo", nil)
	require.Equal(t, "disabled", info["state"])
	require.NotContains(t, info, "authenticationKeyInfo")
	requireNoCurrentFaults(t, s)

	require.Empty(t, afterBoot, "a successful boot read-back raised faults (docs/element-api.md, Drives: nothing else changes)")
}
