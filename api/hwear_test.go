package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

func earState(t *testing.T, s *apitest.Server) string {
	t.Helper()
	return apitest.Obj(t, s.OK("GetClusterInfo", nil), "clusterInfo")["encryptionAtRestState"].(string)
}

func listDrives(t *testing.T, s *apitest.Server) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, d := range s.OK("ListDrives", nil)["drives"].([]any) {
		out = append(out, d.(map[string]any))
	}
	return out
}

func driveHardware(t *testing.T, s *apitest.Server) map[int64]map[string]any {
	t.Helper()
	out := map[int64]map[string]any{}
	ds := listDrives(t, s)
	bySerial := map[string]int64{}
	for _, d := range ds {
		bySerial[d["serial"].(string)] = apitest.Int(t, d["driveID"])
	}
	for _, n := range s.OK("ListDriveHardware", map[string]any{"force": true})["nodes"].([]any) {
		for _, h := range apitest.Obj(t, n.(map[string]any), "result")["driveHardware"].([]any) {
			hw := h.(map[string]any)
			out[bySerial[hw["serial"].(string)]] = hw
		}
	}
	return out
}

type faultView struct {
	Code, Severity, Type, Details string
	NodeID, ServiceID             int64
	DriveIDs                      []int64
	Resolved                      bool
	Date, ResolvedDate            string
}

func faultList(t *testing.T, s *apitest.Server, kind string) []faultView {
	t.Helper()
	var out []faultView
	for _, f := range s.OK("ListClusterFaults", map[string]any{"faultTypes": kind})["faults"].([]any) {
		m := f.(map[string]any)
		v := faultView{Code: m["code"].(string), Severity: m["severity"].(string), Type: m["type"].(string),
			Details: m["details"].(string), NodeID: apitest.Int(t, m["nodeID"]), ServiceID: apitest.Int(t, m["serviceID"]),
			Resolved: m["resolved"].(bool), Date: m["date"].(string), ResolvedDate: m["resolvedDate"].(string)}
		for _, id := range m["driveIDs"].([]any) {
			v.DriveIDs = append(v.DriveIDs, apitest.Int(t, id))
		}
		out = append(out, v)
	}
	return out
}

func countCodes(fs []faultView) map[string]int {
	out := map[string]int{}
	for _, f := range fs {
		out[f.Code]++
	}
	return out
}

// enableHardwareEAR runs steps 9–11 of the hardware EAR procedure
// (docs/element-api.md, Acceptance procedures) and returns the authentication
// keyID.
func enableHardwareEAR(t *testing.T, s *apitest.Server, p int64) string {
	t.Helper()
	r := s.OK("EnableEncryptionAtRest", map[string]any{"keyProviderID": p})
	require.Empty(t, r, "no asyncHandle")
	require.Equal(t, "enabling", earState(t, s))
	require.Equal(t, true, apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": p}), "kmipKeyProvider")["keyProviderIsActive"])
	s.Advance(5)
	require.Equal(t, "enabled", earState(t, s))
	return isUUID(t, listDrives(t, s)[0]["keyID"])
}

// TestHardwareEARSetup is the hardware EAR procedure (docs/element-api.md,
// Acceptance procedures; seed 001).
func TestHardwareEARSetup(t *testing.T) {
	s := apitest.NewServer(t)
	p, sid := s.SetupEKM()
	require.Equal(t, "disabled", earState(t, s))
	info := s.OK("GetEncryptionAtRestInfo", nil)
	require.Equal(t, "disabled", info["state"])
	require.NotContains(t, info, "authenticationKeyInfo")

	k := enableHardwareEAR(t, s, p)
	// Step 12: every active drive carries the provider and the same key.
	ds := listDrives(t, s)
	require.Len(t, ds, 40)
	for _, d := range ds {
		require.Equal(t, "active", d["status"])
		require.Equal(t, p, apitest.Int(t, d["keyProviderID"]))
		require.Equal(t, k, d["keyID"])
	}
	// Step 13.
	hw := driveHardware(t, s)
	require.Len(t, hw, 40)
	for id, h := range hw {
		require.Equal(t, true, h["securityEnabled"], "drive %d", id)
		require.Equal(t, false, h["securityLocked"], "drive %d", id)
		require.Equal(t, "sed", h["driveEncryptionCapability"])
	}
	// Step 14.
	info = s.OK("GetEncryptionAtRestInfo", nil)
	require.Equal(t, "enabled", info["state"])
	aki := apitest.Obj(t, info, "authenticationKeyInfo")
	require.Equal(t, k, aki["keyID"])
	require.Equal(t, "external", aki["keyManagementType"])
	require.Equal(t, p, apitest.Int(t, aki["keyProviderID"]))
	require.Equal(t, "enabled", apitest.Obj(t, info, "encryptionAtRestInfo")["state"])
	require.Equal(t, int64(1), apitest.Int(t, apitest.Obj(t, info, "encryptionAtRestInfo")["generationNumber"]))
	// The key server holds the authentication key, tagged with K.
	found := false
	for _, o := range kmipObjects(t, s) {
		if len(o["keyIDs"].([]any)) == 1 && o["keyIDs"].([]any)[0] == k {
			found = o["state"] == "Active"
		}
	}
	require.True(t, found, "the authentication key is an Active object on the key server")

	// Step 15: refusals, state unchanged.
	require.Equal(t, "Key provider 1 is active and cannot be deleted.", s.Fail("DeleteKeyProviderKmip", map[string]any{"keyProviderID": p}, "xAPINotPermitted"))
	s.Fail("RemoveKeyServerFromProviderKmip", map[string]any{"keyServerID": sid}, "xAPINotPermitted")
	s.Fail("DeleteKeyServerKmip", map[string]any{"keyServerID": sid}, "xAPINotPermitted")
	require.Equal(t, "Encryption at rest is enabled.", s.Fail("EnableEncryptionAtRest", nil, "xAPINotPermitted"))
	require.Empty(t, s.OK("EnableEncryptionAtRest", map[string]any{"keyProviderID": p}), "same source: a no-op")

	// Step 16.
	s.OK("DisableEncryptionAtRest", nil)
	require.Equal(t, "disabling", earState(t, s))
	require.Equal(t, "Encryption at rest is disabling.", s.Fail("EnableEncryptionAtRest", nil, "xAPINotPermitted"))
	s.Advance(5)
	require.Equal(t, "disabled", earState(t, s))
	for _, d := range listDrives(t, s) {
		require.Equal(t, zeroUUID, d["keyID"])
		require.Equal(t, int64(0), apitest.Int(t, d["keyProviderID"]))
	}
	for _, o := range kmipObjects(t, s) {
		if len(o["keyIDs"].([]any)) == 1 && o["keyIDs"].([]any)[0] == k {
			require.Equal(t, "Destroyed", o["state"], "disabling decommissions the authentication key")
		}
	}
	// SEAR still holds an internal key, so the provider is inactive and can go.
	require.Equal(t, false, apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": p}), "kmipKeyProvider")["keyProviderIsActive"])
	s.OK("DeleteKeyProviderKmip", map[string]any{"keyProviderID": p})
	require.Nil(t, apitest.Obj(t, s.OK("GetKeyServerKmip", map[string]any{"keyServerID": sid}), "kmipKeyServer")["keyProviderID"])
	require.Empty(t, faultList(t, s, "current"))
}

const zeroUUID = "00000000-0000-0000-0000-000000000000"

// TestHardwareEARVariants: the hardware EAR procedure's variants (i)
// unreachable server and (iii) internal key.
func TestHardwareEARVariants(t *testing.T) {
	t.Run("UnreachableServer", func(t *testing.T) {
		s := apitest.NewServer(t)
		p, sid := s.SetupEKM()
		s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "unreachable"})
		require.Empty(t, s.OK("EnableEncryptionAtRest", map[string]any{"keyProviderID": p}))
		require.Equal(t, "enabling", earState(t, s))
		s.Advance(5)
		require.Equal(t, "disabled", earState(t, s))
		require.Equal(t, false, apitest.Obj(t, s.OK("GetKeyProviderKmip", map[string]any{"keyProviderID": p}), "kmipKeyProvider")["keyProviderIsActive"])
		fs := faultList(t, s, "current")
		require.Len(t, fs, 1)
		require.Equal(t, "kmipServerFault", fs[0].Code)
		require.Regexp(t, "^Connection failure", fs[0].Details)
		for _, d := range listDrives(t, s) {
			require.Equal(t, zeroUUID, d["keyID"])
		}
	})
	t.Run("InternalKey", func(t *testing.T) {
		s := apitest.NewServer(t)
		s.OK("EnableEncryptionAtRest", nil)
		s.Advance(5)
		info := s.OK("GetEncryptionAtRestInfo", nil)
		aki := apitest.Obj(t, info, "authenticationKeyInfo")
		require.Equal(t, "internal", aki["keyManagementType"])
		require.NotContains(t, aki, "keyProviderID")
		for _, d := range listDrives(t, s) {
			require.Equal(t, int64(0), apitest.Int(t, d["keyProviderID"]))
			require.Equal(t, aki["keyID"], d["keyID"])
		}
		// A power cycle with an internal key unlocks at once.
		status, _ := s.Control(http.MethodPost, "restart", map[string]any{})
		require.Equal(t, http.StatusOK, status)
		for _, h := range driveHardware(t, s) {
			require.Equal(t, false, h["securityLocked"])
		}
		require.Empty(t, faultList(t, s, "current"))
	})
	t.Run("NoServer", func(t *testing.T) {
		s := apitest.NewServer(t)
		p := apitest.Int(t, apitest.Obj(t, s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "empty"}), "kmipKeyProvider")["keyProviderID"])
		require.Contains(t, s.Fail("EnableEncryptionAtRest", map[string]any{"keyProviderID": p}, "xInvalidParameter"), "has no key servers assigned")
		s.Fail("EnableEncryptionAtRest", map[string]any{"keyProviderID": 99}, "xKeyProviderIDDoesNotExist")
		require.Equal(t, "disabled", earState(t, s))
	})
}

// TestRecoveryKMIPServerFault is the kmipServerFault recovery
// (docs/element-api.md, Acceptance procedures; seed 001 recovery case 1).
func TestRecoveryKMIPServerFault(t *testing.T) {
	s := apitest.NewServer(t)
	p, sid := s.SetupEKM()
	enableHardwareEAR(t, s, p)

	// Step 1: a rule changes nothing by itself.
	rule := s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "unreachable"})
	require.Empty(t, faultList(t, s, "current"))

	// Step 2: power cycle.
	status, _ := s.Control(http.MethodPost, "restart", map[string]any{})
	require.Equal(t, http.StatusOK, status)
	for id, h := range driveHardware(t, s) {
		require.Equal(t, true, h["securityLocked"], "drive %d", id)
	}
	for _, d := range listDrives(t, s) {
		require.Equal(t, "failed", d["status"])
		require.Equal(t, "DriveLockedKeyUnavailable", d["driveFailureDetail"])
		require.Equal(t, p, apitest.Int(t, d["keyProviderID"]))
	}
	fs := faultList(t, s, "current")
	codes := countCodes(fs)
	require.Equal(t, map[string]int{"kmipServerFault": 1, "driveFailed": 4, "sliceServiceUnhealthy": 4}, codes)
	for _, f := range fs {
		switch f.Code {
		case "kmipServerFault":
			require.Equal(t, "cluster", f.Type)
			require.Equal(t, "error", f.Severity)
			require.Regexp(t, "^Connection failure", f.Details)
		case "driveFailed":
			require.Equal(t, "warning", f.Severity)
			require.Len(t, f.DriveIDs, 10)
		case "sliceServiceUnhealthy":
			require.Equal(t, "service", f.Type)
			require.Equal(t, "warning", f.Severity)
			require.Equal(t, 100+f.NodeID, f.ServiceID)
			require.Equal(t, []int64{(f.NodeID-1)*10 + 1}, f.DriveIDs)
		}
	}
	require.Equal(t, "enabled", earState(t, s))

	// Step 3: Test calls fail but change no fault (D44).
	s.Fail("TestKeyProviderKmip", map[string]any{"keyProviderID": p}, "xKmipConnectionFailure")
	require.Equal(t, fs, faultList(t, s, "current"))

	// Step 4: retries at 60 s and 120 s fail.
	s.Advance(120)
	for _, d := range listDrives(t, s) {
		require.Equal(t, "failed", d["status"])
	}

	// Step 5: the server comes back; the next retry unlocks.
	s.DeleteRule(rule)
	s.Advance(60)
	for _, d := range listDrives(t, s) {
		require.Equal(t, "active", d["status"])
		require.Equal(t, "None", d["driveFailureDetail"])
	}
	for _, h := range driveHardware(t, s) {
		require.Equal(t, false, h["securityLocked"])
	}
	resolved := countCodes(faultList(t, s, "resolved"))
	require.Equal(t, 1, resolved["kmipServerFault"])
	require.Equal(t, 4, resolved["driveFailed"])
	require.Equal(t, map[string]int{"sliceServiceUnhealthy": 4}, countCodes(faultList(t, s, "current")))

	// Step 6: the slice services recover 210 s later.
	s.Advance(209)
	require.Len(t, faultList(t, s, "current"), 4)
	s.Advance(1)
	require.Empty(t, faultList(t, s, "current"))
	for _, f := range faultList(t, s, "resolved") {
		require.True(t, f.Resolved)
		require.NotEmpty(t, f.ResolvedDate)
	}
	events := s.OK("ListEvents", map[string]any{"eventType": "encryptionAtRestEvent"})["events"].([]any)
	msgs := []string{}
	for _, e := range events {
		msgs = append(msgs, e.(map[string]any)["message"].(string))
	}
	require.Contains(t, msgs, "Drives unlocked")
}

// TestRecoveryKeyMissing is the kmipServerFault recovery's variant (i): the
// key is missing on the server.
func TestRecoveryKeyMissing(t *testing.T) {
	s := apitest.NewServer(t)
	p, sid := s.SetupEKM()
	enableHardwareEAR(t, s, p)
	s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "error", "reason": "ItemNotFound"})
	status, _ := s.Control(http.MethodPost, "restart", map[string]any{})
	require.Equal(t, http.StatusOK, status)
	var kmipFault faultView
	for _, f := range faultList(t, s, "current") {
		if f.Code == "kmipServerFault" {
			kmipFault = f
		}
	}
	require.Regexp(t, "^Server error", kmipFault.Details)
	for _, d := range listDrives(t, s) {
		require.Equal(t, "failed", d["status"])
		require.Equal(t, "DriveLockedKeyUnavailable", d["driveFailureDetail"])
	}
}

// TestRecoveryLongOutage is the kmipServerFault recovery's variant (ii)
// followed by the sliceServiceUnhealthy recovery for the ejected metadata
// drives.
func TestRecoveryLongOutage(t *testing.T) {
	s := apitest.NewServer(t)
	p, sid := s.SetupEKM()
	enableHardwareEAR(t, s, p)
	rule := s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "unreachable"})
	status, _ := s.Control(http.MethodPost, "restart", map[string]any{})
	require.Equal(t, http.StatusOK, status)
	s.Advance(360)
	for _, f := range faultList(t, s, "current") {
		if f.Code == "sliceServiceUnhealthy" {
			require.Equal(t, "error", f.Severity, "escalated 360 s after it was raised")
		}
	}
	hw := driveHardware(t, s)
	for _, d := range listDrives(t, s) {
		id := apitest.Int(t, d["driveID"])
		if d["type"] == "volume" {
			require.Equal(t, "available", d["status"], "metadata drive %d ejected", id)
			require.Equal(t, true, hw[id]["securityLocked"])
		} else {
			require.Equal(t, "failed", d["status"])
		}
	}
	require.Equal(t, 4, countCodes(faultList(t, s, "current"))["driveAvailable"])
	// Adding a locked drive is refused.
	require.Equal(t, "Drive 1 is locked.", s.Fail("AddDrives", map[string]any{"drives": []any{map[string]any{"driveID": 1}}}, "xAPINotPermitted"))

	s.DeleteRule(rule)
	s.Advance(60)
	hw = driveHardware(t, s)
	for _, d := range listDrives(t, s) {
		id := apitest.Int(t, d["driveID"])
		require.Equal(t, false, hw[id]["securityLocked"])
		if d["type"] == "volume" {
			require.Equal(t, "available", d["status"])
		} else {
			require.Equal(t, "active", d["status"])
		}
	}
	// The sliceServiceUnhealthy recovery from step 2 for each metadata drive.
	for n := int64(1); n <= 4; n++ {
		id := (n-1)*10 + 1
		h := s.OK("AddDrives", map[string]any{"drives": []any{map[string]any{"driveID": id}}})["asyncHandle"]
		s.Advance(5)
		r := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})
		require.Equal(t, "complete", r["status"])
	}
	// DriveAdd re-enables security with the current key.
	k := apitest.Obj(t, s.OK("GetEncryptionAtRestInfo", nil), "authenticationKeyInfo")["keyID"]
	for _, d := range listDrives(t, s) {
		require.Equal(t, "active", d["status"])
		require.Equal(t, k, d["keyID"])
	}
	s.Advance(210)
	require.Empty(t, faultList(t, s, "current"))
}

// TestRecoveryMetadataDrive is the sliceServiceUnhealthy recovery
// (docs/element-api.md, Acceptance procedures; seed 001 recovery case 2).
func TestRecoveryMetadataDrive(t *testing.T) {
	s := apitest.NewServer(t)
	// Step 1.
	status, body := s.Control(http.MethodPost, "drives/1/eject-metadata", nil)
	require.Equal(t, http.StatusOK, status, "%v", body)
	d1 := listDrives(t, s)[0]
	require.Equal(t, "available", d1["status"])
	require.Equal(t, "volume", d1["type"])
	fs := faultList(t, s, "current")
	require.Equal(t, map[string]int{"sliceServiceUnhealthy": 1, "driveAvailable": 1}, countCodes(fs))
	for _, f := range fs {
		require.Equal(t, int64(1), f.NodeID)
		require.Equal(t, "warning", f.Severity)
		if f.Code == "sliceServiceUnhealthy" {
			require.Equal(t, int64(101), f.ServiceID)
			require.Equal(t, []int64{1}, f.DriveIDs)
		} else {
			require.Empty(t, f.DriveIDs, "driveAvailable.driveIDs is [] (D35)")
		}
	}
	// Step 2.
	h := s.OK("AddDrives", map[string]any{"drives": []any{map[string]any{"driveID": 1}}})["asyncHandle"]
	require.Equal(t, "active", listDrives(t, s)[0]["status"])
	require.Equal(t, map[string]int{"sliceServiceUnhealthy": 1}, countCodes(faultList(t, s, "current")))
	// Step 3.
	s.Advance(5)
	r := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})
	require.Equal(t, "complete", r["status"])
	require.Equal(t, "DriveAdd", r["resultType"])
	require.Equal(t, map[string]any{}, r["result"])
	// Step 4: 180 s after step 2.
	s.Advance(175)
	require.Equal(t, map[string]int{"sliceServiceUnhealthy": 1}, countCodes(faultList(t, s, "current")))
	// Step 5: 240 s after step 2.
	s.Advance(60)
	require.Empty(t, faultList(t, s, "current"))
	res := faultList(t, s, "resolved")
	require.Equal(t, map[string]int{"sliceServiceUnhealthy": 1, "driveAvailable": 1}, countCodes(res))
	for _, f := range res {
		require.NotEmpty(t, f.ResolvedDate)
	}
	// Step 6.
	s.OK("ClearClusterFaults", nil)
	require.Empty(t, faultList(t, s, "all"))
}

// TestDriveOperations covers RemoveDrives, SecureEraseDrives, the lab
// drive controls and the events they record.
func TestDriveOperations(t *testing.T) {
	s := apitest.NewServer(t)
	h := s.OK("RemoveDrives", map[string]any{"drives": []int64{2, 3}})["asyncHandle"]
	require.Equal(t, "removing", listDrives(t, s)[1]["status"])
	s.Fail("RemoveDrives", map[string]any{"drives": []int64{2}}, "xAPINotPermitted")
	s.Advance(10)
	r := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})
	require.Equal(t, "DriveRemoval", r["resultType"])
	require.Equal(t, "available", listDrives(t, s)[1]["status"])

	h = s.OK("SecureEraseDrives", map[string]any{"drives": []int64{2}})["asyncHandle"]
	require.Equal(t, "erasing", listDrives(t, s)[1]["status"])
	list := s.OK("ListAsyncResults", map[string]any{"asyncResultTypes": []string{"DriveSecureErase"}})["asyncHandles"].([]any)
	require.Len(t, list, 1)
	require.Equal(t, map[string]any{"driveIDs": []any{jsonNum(2)}}, list[0].(map[string]any)["data"])
	s.Advance(10)
	require.Equal(t, "DriveSecureErase", s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})["resultType"])
	require.Equal(t, "available", listDrives(t, s)[1]["status"])

	// A failed drive removed leaves the list (D28).
	status, _ := s.Control(http.MethodPost, "drives/5/fail", map[string]any{})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "DriveInaccessible", listDrives(t, s)[4]["driveFailureDetail"])
	require.Equal(t, 1, countCodes(faultList(t, s, "current"))["driveFailed"])
	s.OK("RemoveDrives", map[string]any{"drives": []int64{5}})
	s.Advance(10)
	for _, d := range listDrives(t, s) {
		require.NotEqual(t, int64(5), apitest.Int(t, d["driveID"]))
	}
	require.Equal(t, 0, countCodes(faultList(t, s, "current"))["driveFailed"])

	// Insert a new drive: available, no role yet.
	status, body := s.Control(http.MethodPost, "drives/insert", map[string]any{"nodeID": 1, "slot": 4})
	require.Equal(t, http.StatusOK, status, "%v", body)
	nd := apitest.Obj(t, body, "drive")
	require.Equal(t, int64(41), apitest.Int(t, nd["driveID"]))
	require.Equal(t, "unknown", nd["type"])
	require.Equal(t, "available", nd["status"])

	ev := s.OK("ListEvents", map[string]any{"driveID": 2, "eventType": "driveEvent"})["events"].([]any)
	var msgs []string
	for _, e := range ev {
		msgs = append(msgs, e.(map[string]any)["message"].(string))
	}
	require.Equal(t, []string{"Drive 2 status active -> removing", "Drive 2 status removing -> available",
		"Drive 2 status available -> erasing", "Drive 2 status erasing -> available"}, msgs)
}
