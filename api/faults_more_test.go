package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// TestCertificateExpiryFault is the certificate-expiry acceptance scenario of
// docs/kmip.md: a client certificate with 20 days left raises
// kmipCertificateFault (warning), an expired one an error, and a valid
// replacement resolves it.
func TestCertificateExpiryFault(t *testing.T) {
	s := apitest.NewServer(t)
	s.OK("CreatePublicPrivateKeyPair", map[string]any{"commonName": "emu-cluster"})
	csr := s.OK("GetClientCertificateSignRequest", nil)["clientCertificateSignRequest"].(string)
	status, short := s.Control(http.MethodPost, "kmip/sign", map[string]any{"csr": csr, "days": 20})
	require.Equal(t, http.StatusOK, status)
	p := apitest.Int(t, apitest.Obj(t, s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "p"}), "kmipKeyProvider")["keyProviderID"])
	sid := apitest.Int(t, apitest.Obj(t, s.OK("CreateKeyServerKmip", map[string]any{"kmipCaCertificate": short["caCertificate"],
		"kmipClientCertificate": short["certificate"], "kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": "s",
		"kmipKeyServerPort": s.Emu.KMIPPort()}), "kmipKeyServer")["keyServerID"])
	require.Empty(t, faultList(t, s, "current"), "only servers in a provider are watched")
	s.OK("AddKeyServerToProviderKmip", map[string]any{"keyProviderID": p, "keyServerID": sid})
	fs := faultList(t, s, "current")
	require.Len(t, fs, 1)
	require.Equal(t, "kmipCertificateFault", fs[0].Code)
	require.Equal(t, "warning", fs[0].Severity)
	require.Equal(t, "cluster", fs[0].Type)
	require.Contains(t, fs[0].Details, "Client certificate for key server 1 expires")

	s.Advance(21 * 86400)
	fs = faultList(t, s, "current")
	require.Len(t, fs, 1)
	require.Equal(t, "error", fs[0].Severity, "escalated in place once expired")
	require.Contains(t, fs[0].Details, "expired")
	s.Fail("TestKeyServerKmip", map[string]any{"keyServerID": sid}, "xKmipAuthenticationFailure")

	status, long := s.Control(http.MethodPost, "kmip/sign", map[string]any{"csr": csr, "days": 365})
	require.Equal(t, http.StatusOK, status)
	s.OK("ModifyKeyServerKmip", map[string]any{"keyServerID": sid, "kmipClientCertificate": long["certificate"]})
	require.Empty(t, faultList(t, s, "current"))
	res := faultList(t, s, "resolved")
	require.Len(t, res, 1)
	require.Equal(t, "kmipCertificateFault", res[0].Code)
	s.OK("TestKeyServerKmip", map[string]any{"keyServerID": sid})
}

// TestDriveSecurityRules: drive-security rules fail enabling (and disabling)
// security on the matching drives, with the fault of docs/element-api.md
// (Faults).
func TestDriveSecurityRules(t *testing.T) {
	s := apitest.NewServer(t)
	s.AddRule(map[string]any{"target": "drive-security", "match": map[string]any{"driveIDs": "3,4", "operation": "enable"},
		"effect": "fail", "reason": "KeyUnavailable", "times": 1})
	s.OK("EnableEncryptionAtRest", nil)
	s.Advance(5)
	require.Equal(t, "enabled", earState(t, s))
	for _, d := range listDrives(t, s) {
		id := apitest.Int(t, d["driveID"])
		if id == 3 || id == 4 {
			require.Equal(t, "KeyUnavailable", d["driveSecurityFaultReason"])
			require.Equal(t, zeroUUID, d["keyID"])
		} else {
			require.Equal(t, "None", d["driveSecurityFaultReason"])
			require.NotEqual(t, zeroUUID, d["keyID"])
		}
	}
	fs := faultList(t, s, "current")
	require.Len(t, fs, 1)
	require.Equal(t, "enableDriveSecurityFailed", fs[0].Code)
	require.Equal(t, []int64{3, 4}, fs[0].DriveIDs)
	require.Equal(t, "Failed to enable drive security on drive(s) 3,4: KeyUnavailable", fs[0].Details)

	// Disabling with a rule on drive 7 leaves its security on.
	s.AddRule(map[string]any{"target": "drive-security", "match": map[string]any{"driveIDs": "7", "operation": "disable"}, "effect": "fail"})
	s.OK("DisableEncryptionAtRest", nil)
	s.Advance(5)
	require.Equal(t, "disabled", earState(t, s))
	codes := countCodes(faultList(t, s, "current"))
	require.Equal(t, 1, codes["disableDriveSecurityFailed"])
	hw := driveHardware(t, s)
	require.Equal(t, true, hw[7]["securityEnabled"])
	require.Equal(t, false, hw[8]["securityEnabled"])
}

// TestJobRuleRollsBackDriveJob: a job rule fails a DriveRemoval and its
// drives return to their previous status (docs/element-api.md, Async jobs;
// (al)).
func TestJobRuleRollsBackDriveJob(t *testing.T) {
	s := apitest.NewServer(t)
	s.AddRule(map[string]any{"target": "job", "match": map[string]any{"resultType": "DriveRemoval"}, "effect": "error",
		"name": "xDriveRemovalFailed", "message": "lab says no", "times": 1})
	h := s.OK("RemoveDrives", map[string]any{"drives": []int64{2}})["asyncHandle"]
	s.Advance(10)
	r := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})
	require.Equal(t, "complete", r["status"])
	require.Equal(t, map[string]any{"name": "xDriveRemovalFailed", "message": "lab says no"}, r["error"])
	require.Equal(t, "active", listDrives(t, s)[1]["status"])
}

// TestClearedConditionIsReRaised: clearing a current fault whose condition
// persists re-raises it with a new ID (D36).
func TestClearedConditionIsReRaised(t *testing.T) {
	s := apitest.NewServer(t)
	status, _ := s.Control(http.MethodPost, "drives/12/fail", map[string]any{})
	require.Equal(t, http.StatusOK, status)
	before := s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"].([]any)
	require.Len(t, before, 1)
	id := apitest.Int(t, before[0].(map[string]any)["clusterFaultID"])
	s.OK("ClearClusterFaults", map[string]any{"faultTypes": "current"})
	after := s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"].([]any)
	require.Len(t, after, 1)
	require.Equal(t, "driveFailed", after[0].(map[string]any)["code"])
	require.Greater(t, apitest.Int(t, after[0].(map[string]any)["clusterFaultID"]), id)

	// Lab records: raised and resolved only by hand.
	status, body := s.Control(http.MethodPost, "cluster-faults", map[string]any{"code": "nodeOffline", "severity": "error", "type": "node", "nodeID": 2})
	require.Equal(t, http.StatusOK, status, "%v", body)
	fid := apitest.Int(t, body["clusterFaultID"])
	s.Advance(3600)
	require.Equal(t, 1, countCodes(faultList(t, s, "current"))["nodeOffline"])
	status, _ = s.Control(http.MethodPost, "cluster-faults/"+jsonNum(fid).String()+"/resolve", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, 0, countCodes(faultList(t, s, "current"))["nodeOffline"])
}

// TestReinsertedDriveUnlocksWithInternalKey: a pulled drive keeps its
// password and comes back locked; with an internal key a power cycle
// unlocks it (docs/element-api.md, Drives: internal keys are always
// available; (ab)).
func TestReinsertedDriveUnlocksWithInternalKey(t *testing.T) {
	s := apitest.NewServer(t)
	s.OK("EnableEncryptionAtRest", nil)
	s.Advance(5)
	status, _ := s.Control(http.MethodPost, "drives/8/pull", nil)
	require.Equal(t, http.StatusOK, status)
	status, body := s.Control(http.MethodPost, "drives/insert", map[string]any{"nodeID": 1, "slot": 7, "serial": "EMU960N1S07"})
	require.Equal(t, http.StatusOK, status, "%v", body)
	id := apitest.Int(t, apitest.Obj(t, body, "drive")["driveID"])
	require.Equal(t, true, driveHardware(t, s)[id]["securityLocked"])
	require.Equal(t, "Drive 41 is locked.", s.Fail("AddDrives", map[string]any{"drives": []any{map[string]any{"driveID": id}}}, "xAPINotPermitted"))
	status, _ = s.Control(http.MethodPost, "restart", map[string]any{"nodeIDs": []int64{1}})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, false, driveHardware(t, s)[id]["securityLocked"])
	s.OK("AddDrives", map[string]any{"drives": []any{map[string]any{"driveID": id}}})
}
