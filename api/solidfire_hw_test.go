package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/scaleoutsean/solidfire-go/sdk"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// sfRaw calls method through the SDK's MakeSFCall and returns the raw
// result decoded with UseNumber, so tests can check the JSON type of every
// member (the SDK's typed decode silently zeroes a mismatched field).
func sfRaw(t *testing.T, c *sdk.SFClient, method string, params any) map[string]any {
	t.Helper()
	var raw json.RawMessage
	_, err := c.MakeSFCall(context.Background(), method, 1, params, &raw)
	sfNoErr(t, err)
	var out map[string]any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	require.NoError(t, d.Decode(&out), "%s: %s", method, raw)
	return out
}

// rawTypes requires each named member of m to be present with the JSON type
// given: "int" (integer number), "string", "bool", "object", "array", "null".
func rawTypes(t *testing.T, m map[string]any, types map[string]string) {
	t.Helper()
	for k, want := range types {
		v, ok := m[k]
		require.True(t, ok, "member %q missing from %v", k, m)
		switch want {
		case "int":
			n, ok := v.(json.Number)
			require.True(t, ok, "%s: want a JSON number, got %T %v", k, v, v)
			_, err := strconv.ParseInt(string(n), 10, 64)
			require.NoError(t, err, "%s: want an integer, got %s", k, n)
		case "string":
			_, ok := v.(string)
			require.True(t, ok, "%s: want a string, got %T %v", k, v, v)
		case "bool":
			_, ok := v.(bool)
			require.True(t, ok, "%s: want a bool, got %T %v", k, v, v)
		case "object":
			_, ok := v.(map[string]any)
			require.True(t, ok, "%s: want an object, got %T %v", k, v, v)
		case "array":
			_, ok := v.([]any)
			require.True(t, ok, "%s: want an array, got %T %v", k, v, v)
		case "null":
			require.Nil(t, v, "%s: want null", k)
		default:
			t.Fatalf("unknown type %q", want)
		}
	}
}

var (
	sfDriveTypes = map[string]string{"driveID": "int", "nodeID": "int", "slot": "int", "chassisSlot": "string",
		"status": "string", "type": "string", "capacity": "int", "usableCapacity": "int", "segmentFileSize": "int",
		"serial": "string", "driveFailureDetail": "string", "driveSecurityFaultReason": "string", "keyProviderID": "int",
		"keyID": "string", "attributes": "object"}
	sfFaultTypes = map[string]string{"clusterFaultID": "int", "code": "string", "severity": "string", "type": "string",
		"details": "string", "date": "string", "resolved": "bool", "resolvedDate": "string", "nodeID": "int",
		"serviceID": "int", "nodeHardwareFaultID": "int", "driveID": "int", "driveIDs": "array",
		"networkInterface": "string", "externalSource": "string", "data": "null", "blocksUpgrade": "bool"}
)

// sfListDrives lists drives through the typed SDK method and re-checks the
// same answer with an error-surfacing decode and per-member JSON types.
func sfListDrives(t *testing.T, c *sdk.SFClient) map[int64]sdk.DriveInfo {
	t.Helper()
	ld, err := c.ListDrives(context.Background())
	sfNoErr(t, err)
	require.Equal(t, *ld, sfDecodes[sdk.ListDrivesResult](t, c, "ListDrives", nil), "typed and strict decodes agree")
	raw := sfRaw(t, c, "ListDrives", nil)["drives"].([]any)
	require.Len(t, raw, len(ld.Drives))
	out := map[int64]sdk.DriveInfo{}
	for i, d := range ld.Drives {
		rawTypes(t, raw[i].(map[string]any), sfDriveTypes)
		require.NotZero(t, d.DriveID)
		require.NotZero(t, d.NodeID)
		require.NotEmpty(t, d.Status)
		require.NotEmpty(t, d.Serial)
		require.Regexp(t, uuidRE, d.KeyID, "drive %d keyID is a UUID (zero UUID when none)", d.DriveID)
		require.Equal(t, "None", d.DriveSecurityFaultReason, "drive %d", d.DriveID)
		_, dup := out[d.DriveID]
		require.False(t, dup, "drive %d listed twice", d.DriveID)
		out[d.DriveID] = d
	}
	return out
}

// sfFaults lists faults through the typed SDK method, re-checked strictly.
func sfFaults(t *testing.T, c *sdk.SFClient, kind string) []sdk.ClusterFaultInfo {
	t.Helper()
	req := &sdk.ListClusterFaultsRequest{FaultTypes: kind}
	lf, err := c.ListClusterFaults(context.Background(), req)
	sfNoErr(t, err)
	require.Equal(t, *lf, sfDecodes[sdk.ListClusterFaultsResult](t, c, "ListClusterFaults", req), "typed and strict decodes agree")
	raw := sfRaw(t, c, "ListClusterFaults", req)["faults"].([]any)
	require.Len(t, raw, len(lf.Faults))
	for i, f := range lf.Faults {
		rm := raw[i].(map[string]any)
		rawTypes(t, rm, sfFaultTypes)
		require.Equal(t, true, rm["blocksUpgrade"], "D34")
		require.NotZero(t, f.ClusterFaultID)
		require.NotEmpty(t, f.Code)
		require.NotEmpty(t, f.Details)
		require.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$`, f.Date, "D47")
		if f.Resolved {
			require.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$`, f.ResolvedDate)
		} else {
			require.Empty(t, f.ResolvedDate)
		}
	}
	return lf.Faults
}

func sfFaultByCode(t *testing.T, fs []sdk.ClusterFaultInfo, code string) sdk.ClusterFaultInfo {
	t.Helper()
	var found []sdk.ClusterFaultInfo
	for _, f := range fs {
		if f.Code == code {
			found = append(found, f)
		}
	}
	require.Len(t, found, 1, "exactly one %s in %+v", code, fs)
	return found[0]
}

func sfEARState(t *testing.T, c *sdk.SFClient) string {
	t.Helper()
	ci, err := c.GetClusterInfo(context.Background())
	sfNoErr(t, err)
	return ci.ClusterInfo.EncryptionAtRestState
}

// sfWait lets the SDK's own poller (GetAsyncResult with keepResult every
// 500 ms) see a job the test has already advanced the clock past.
func sfWait(t *testing.T, c *sdk.SFClient, h int64) *sdk.GetAsyncResultResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r, err := c.WaitForAsyncResult(ctx, h)
	require.NoError(t, err)
	require.Equal(t, "complete", r.Status)
	return r
}

// sfDriveHW returns GetDriveHardwareInfo typed, re-checked strictly.
func sfDriveHW(t *testing.T, c *sdk.SFClient, id int64) sdk.DriveHardwareInfo {
	t.Helper()
	req := &sdk.GetDriveHardwareInfoRequest{DriveID: id}
	r, err := c.GetDriveHardwareInfo(context.Background(), req)
	sfNoErr(t, err)
	require.Equal(t, *r, sfDecodes[sdk.GetDriveHardwareInfoResult](t, c, "GetDriveHardwareInfo", req))
	raw := apitest.Obj(t, sfRaw(t, c, "GetDriveHardwareInfo", req), "driveHardwareInfo")
	rawTypes(t, raw, map[string]string{"size": "int", "dev": "string", "serial": "string", "uuid": "string",
		"driveSecurityLocked": "bool", "securityFeatureEnabled": "bool", "securityFeatureSupported": "bool",
		"driveSecurityAtMaximum": "bool", "driveSecurityFrozen": "bool"})
	return r.DriveHardwareInfo
}

// TestSolidFireGoHardwareEAR drives the hardware EAR procedure, the drive
// listings, the sliceServiceUnhealthy recovery's faults and a secure erase of
// the ejected metadata drive (docs/element-api.md: Acceptance procedures,
// Drives, Cluster faults) through the unmodified solidfire-go v1.0.1 client
// over HTTPS, re-checking every listing with a strict decode.
func TestSolidFireGoHardwareEAR(t *testing.T) {
	s := apitest.NewServer(t)
	ctx := context.Background()
	p, _ := s.SetupEKM()
	c := sfConnect(t, s)
	at := func(sec int) string {
		return apitest.Start().Add(time.Duration(sec) * time.Second).Format("2006-01-02T15:04:05.000000Z")
	}

	// Hardware EAR, steps 9–11, through the SDK.
	require.Equal(t, "disabled", sfEARState(t, c))
	_, err := c.EnableEncryptionAtRest(ctx, &sdk.EnableEncryptionAtRestRequest{KeyProviderID: p})
	sfNoErr(t, err)
	require.Equal(t, "enabling", sfEARState(t, c))
	gp, err := c.GetKeyProviderKmip(ctx, &sdk.GetKeyProviderKmipRequest{KeyProviderID: p})
	sfNoErr(t, err)
	require.True(t, gp.KmipKeyProvider.KeyProviderIsActive, "the provider counts as active at once (docs/element-api.md, Hardware EAR)")
	require.Equal(t, "Encryption at rest is enabling.",
		sfFail(t, c, "EnableEncryptionAtRest", &sdk.EnableEncryptionAtRestRequest{KeyProviderID: p}, "xAPINotPermitted"), "D18")
	s.Advance(5)
	require.Equal(t, "enabled", sfEARState(t, c))

	// GetEncryptionAtRestInfo: the SDK reads the older nested shape (D20).
	ear, err := c.GetEncryptionAtRestInfo(ctx)
	sfNoErr(t, err)
	require.Equal(t, *ear, sfDecodes[sdk.GetEncryptionAtRestInfoResult](t, c, "GetEncryptionAtRestInfo", nil))
	require.Equal(t, "enabled", ear.EncryptionAtRestInfo.State)
	require.Equal(t, int64(1), ear.EncryptionAtRestInfo.GenerationNumber)
	require.Equal(t, int64(2), ear.EncryptionAtRestInfo.NextGenerationToStore)
	require.Equal(t, int64(0), ear.EncryptionAtRestInfo.RedistributionCount)
	require.True(t, ear.EncryptionAtRestInfo.SecureEnableRequired)
	rawEAR := sfRaw(t, c, "GetEncryptionAtRestInfo", nil)
	aki := apitest.Obj(t, rawEAR, "authenticationKeyInfo")
	k := isUUID(t, aki["keyID"])
	require.NotEqual(t, zeroUUID, k)
	require.Equal(t, "external", aki["keyManagementType"])
	require.Equal(t, p, apitest.Int(t, aki["keyProviderID"]))
	require.Equal(t, apitest.Start().Add(5*time.Second).Unix(), ear.EncryptionAtRestInfo.PasswordCreatedTimestamp,
		"Unix seconds of the key, obtained when enabling ended")
	rawTypes(t, apitest.Obj(t, rawEAR, "encryptionAtRestInfo"), map[string]string{"generationNumber": "int",
		"nextGenerationToStore": "int", "passwordCreatedTimestamp": "int", "redistributionCount": "int",
		"state": "string", "secureEnableRequired": "bool"})

	// Step 12: ListDrives, typed.
	drives := sfListDrives(t, c)
	require.Len(t, drives, 40)
	serials := map[string]int64{}
	for id := int64(1); id <= 40; id++ {
		d, ok := drives[id]
		require.True(t, ok, "drive %d listed", id)
		node, slot := (id-1)/10+1, (id-1)%10
		require.Equal(t, node, d.NodeID, "drive %d", id)
		require.Equal(t, slot, d.Slot, "drive %d", id)
		require.Equal(t, strconv.FormatInt(slot, 10), d.ChassisSlot)
		require.Equal(t, "active", d.Status)
		require.Equal(t, "None", d.DriveFailureDetail)
		require.Equal(t, k, d.KeyID, "drive %d carries the authentication key", id)
		require.Equal(t, p, d.KeyProviderID)
		if slot == 0 {
			require.Equal(t, "volume", d.Type)
		} else {
			require.Equal(t, "block", d.Type)
		}
		require.Equal(t, int64(960197124096), d.Capacity)
		require.Equal(t, int64(960197124096), d.UsableCapacity)
		require.Equal(t, int64(10485760), d.SegmentFileSize)
		require.Equal(t, map[string]any{}, d.Attributes)
		_, dup := serials[d.Serial]
		require.False(t, dup, "serial %s is unique", d.Serial)
		serials[d.Serial] = id
	}

	// Step 13: ListDriveHardware, typed (cluster listener: per node).
	ldh, err := c.ListDriveHardware(ctx, &sdk.ListDriveHardwareRequest{Force: true})
	sfNoErr(t, err)
	require.Equal(t, *ldh, sfDecodes[sdk.ListDriveHardwareResult](t, c, "ListDriveHardware", &sdk.ListDriveHardwareRequest{Force: true}))
	require.Len(t, ldh.Nodes, 4)
	seen := 0
	for _, n := range ldh.Nodes {
		require.Len(t, n.Result.DriveHardware, 10, "node %d", n.NodeID)
		for _, h := range n.Result.DriveHardware {
			id, ok := serials[h.Serial]
			require.True(t, ok, "hardware serial %s is a listed drive", h.Serial)
			require.Equal(t, drives[id].NodeID, n.NodeID)
			require.Equal(t, drives[id].Slot, h.Slot)
			require.Equal(t, sdk.DriveEncryptionCapabilityType("sed"), h.DriveEncryptionCapability)
			require.True(t, h.SecuritySupported)
			require.True(t, h.SecurityEnabled, "drive %d", id)
			require.False(t, h.SecurityLocked, "drive %d", id)
			require.Equal(t, int64(960197124096), h.Size)
			require.Regexp(t, uuidRE, h.Uuid)
			seen++
		}
	}
	require.Equal(t, 40, seen)
	hw1 := sfDriveHW(t, c, 1)
	require.Equal(t, drives[1].Serial, hw1.Serial)
	require.True(t, hw1.SecurityFeatureSupported)
	require.True(t, hw1.SecurityFeatureEnabled)
	require.False(t, hw1.DriveSecurityLocked)
	require.Equal(t, "8:0", hw1.Dev)
	require.Equal(t, int64(960197124096), hw1.Size)

	// sliceServiceUnhealthy recovery, step 1: eject node 1's metadata drive.
	require.Empty(t, sfFaults(t, c, "all"))
	status, body := s.Control(http.MethodPost, "drives/1/eject-metadata", nil)
	require.Equal(t, http.StatusOK, status, "%v", body)
	d1 := sfListDrives(t, c)[1]
	require.Equal(t, "available", d1.Status)
	require.Equal(t, "volume", d1.Type)
	fs := sfFaults(t, c, "current")
	require.Len(t, fs, 2, "%+v", fs)
	slice := sfFaultByCode(t, fs, "sliceServiceUnhealthy")
	require.Equal(t, "service", slice.Type)
	require.Equal(t, "warning", slice.Severity)
	require.Equal(t, "SolidFire Application cannot communicate with a metadata service.", slice.Details)
	require.Equal(t, int64(1), slice.NodeID)
	require.Equal(t, int64(101), slice.ServiceID)
	require.Equal(t, []int64{1}, slice.DriveIDs)
	require.Equal(t, int64(1), slice.DriveID, "first of driveIDs")
	require.False(t, slice.Resolved)
	require.Equal(t, at(5), slice.Date)
	avail := sfFaultByCode(t, fs, "driveAvailable")
	require.Equal(t, "drive", avail.Type)
	require.Equal(t, "warning", avail.Severity)
	require.Equal(t, "Node ID 1 has 1 available drive(s).", avail.Details)
	require.Equal(t, int64(1), avail.NodeID)
	require.Equal(t, int64(0), avail.ServiceID)
	require.Empty(t, avail.DriveIDs, "D35")
	require.Equal(t, int64(0), avail.DriveID)
	require.Equal(t, at(5), avail.Date)
	require.NotEqual(t, slice.ClusterFaultID, avail.ClusterFaultID)
	require.Equal(t, fs, sfFaults(t, c, "all"), "nothing resolved yet")
	require.Empty(t, sfFaults(t, c, "resolved"))
	// ClearClusterFaults {"faultTypes":"current"} deletes both open records;
	// their conditions persist, so both are re-raised with new IDs (D36).
	_, err = c.ClearClusterFaults(ctx, &sdk.ClearClusterFaultsRequest{FaultTypes: "current"})
	sfNoErr(t, err)
	fs2 := sfFaults(t, c, "all")
	require.Len(t, fs2, 2, "re-raised: %+v", fs2)
	for _, f := range fs2 {
		require.False(t, f.Resolved)
		require.Greater(t, f.ClusterFaultID, max(slice.ClusterFaultID, avail.ClusterFaultID), "D36: new clusterFaultID")
	}
	s2, a2 := sfFaultByCode(t, fs2, "sliceServiceUnhealthy"), sfFaultByCode(t, fs2, "driveAvailable")
	require.Equal(t, []any{slice.Details, slice.NodeID, slice.ServiceID, slice.DriveIDs, slice.Severity},
		[]any{s2.Details, s2.NodeID, s2.ServiceID, s2.DriveIDs, s2.Severity})
	require.Equal(t, []any{avail.Details, avail.NodeID, avail.Type}, []any{a2.Details, a2.NodeID, a2.Type})
	slice, avail = s2, a2

	// SecureEraseDrives refuses an active drive, then erases the available one.
	require.NotEmpty(t, sfFail(t, c, "SecureEraseDrives", &sdk.SecureEraseDrivesRequest{Drives: []int64{2}}, "xAPINotPermitted"))
	se, err := c.SecureEraseDrives(ctx, &sdk.SecureEraseDrivesRequest{Drives: []int64{1}})
	sfNoErr(t, err)
	require.NotZero(t, se.AsyncHandle)
	require.Equal(t, "erasing", sfListDrives(t, c)[1].Status)
	// An erasing drive is not available (docs/element-api.md, Faults):
	// driveAvailable resolves now and a new record is raised when the erase
	// ends.
	gone := sfFaultByCode(t, sfFaults(t, c, "resolved"), "driveAvailable")
	require.Equal(t, avail.ClusterFaultID, gone.ClusterFaultID)
	require.Equal(t, at(5), gone.ResolvedDate)
	run, err := c.GetAsyncResult(ctx, &sdk.GetAsyncResultRequest{AsyncHandle: se.AsyncHandle, KeepResult: true})
	sfNoErr(t, err)
	require.Equal(t, "running", run.Status)
	s.Advance(10)
	sfWait(t, c, se.AsyncHandle)
	again := sfFaultByCode(t, sfFaults(t, c, "current"), "driveAvailable")
	require.Greater(t, again.ClusterFaultID, avail.ClusterFaultID, "a returning condition gets a new record (docs/element-api.md, Faults)")
	require.Equal(t, at(15), again.Date)
	require.Equal(t, avail.Details, again.Details)
	job := sfRaw(t, c, "GetAsyncResult", &sdk.GetAsyncResultRequest{AsyncHandle: se.AsyncHandle, KeepResult: true})
	require.Equal(t, "DriveSecureErase", job["resultType"], "D25")
	require.Equal(t, map[string]any{}, job["result"])
	require.NotContains(t, job, "error")
	// Without keepResult the read purges it.
	last, err := c.GetAsyncResult(ctx, &sdk.GetAsyncResultRequest{AsyncHandle: se.AsyncHandle})
	sfNoErr(t, err)
	require.Equal(t, "complete", last.Status)
	_, err = c.GetAsyncResult(ctx, &sdk.GetAsyncResultRequest{AsyncHandle: se.AsyncHandle})
	require.NotNil(t, err)
	require.Equal(t, "500:Async handle "+strconv.FormatInt(se.AsyncHandle, 10)+" does not exist.", err.Detail)

	drives = sfListDrives(t, c)
	require.Equal(t, "available", drives[1].Status)
	require.Equal(t, zeroUUID, drives[1].KeyID, "secure erase clears the key (docs/element-api.md, SecureEraseDrives)")
	require.Equal(t, int64(0), drives[1].KeyProviderID)
	require.Equal(t, k, drives[2].KeyID, "other drives keep the key")
	hw1 = sfDriveHW(t, c, 1)
	require.False(t, hw1.SecurityFeatureEnabled)
	require.False(t, hw1.DriveSecurityLocked)

	// sliceServiceUnhealthy recovery, step 2: AddDrives re-adds it; DriveAdd
	// re-enables security (D30).
	ad, err := c.AddDrives(ctx, &sdk.AddDrivesRequest{Drives: []sdk.NewDrive{{DriveID: 1}}})
	sfNoErr(t, err)
	require.NotZero(t, ad.AsyncHandle)
	require.Equal(t, "active", sfListDrives(t, c)[1].Status, "active at once")
	fs = sfFaults(t, c, "current")
	require.Len(t, fs, 1, "only the slice fault is open: %+v", fs)
	require.Equal(t, slice, fs[0])
	resolvedAvail := 0
	for _, f := range sfFaults(t, c, "resolved") {
		if f.Code == "driveAvailable" && f.ClusterFaultID == again.ClusterFaultID {
			require.Equal(t, at(15), f.ResolvedDate)
			resolvedAvail++
		}
	}
	require.Equal(t, 1, resolvedAvail, "the second driveAvailable resolved by AddDrives")
	s.Advance(5)
	sfWait(t, c, ad.AsyncHandle)
	drives = sfListDrives(t, c)
	require.Equal(t, k, drives[1].KeyID)
	require.Equal(t, p, drives[1].KeyProviderID)
	require.True(t, sfDriveHW(t, c, 1).SecurityFeatureEnabled)

	// ClearClusterFaults {"faultTypes":"resolved"} deletes the resolved
	// driveAvailable records only (docs/element-api.md, ClearClusterFaults).
	_, err = c.ClearClusterFaults(ctx, &sdk.ClearClusterFaultsRequest{FaultTypes: "resolved"})
	sfNoErr(t, err)
	fs = sfFaults(t, c, "all")
	require.Len(t, fs, 1, "%+v", fs)
	require.Equal(t, slice, fs[0])

	// sliceServiceUnhealthy recovery, step 5: resolved 210 s after the drive
	// is active and unlocked.
	s.Advance(204)
	require.Len(t, sfFaults(t, c, "current"), 1, "still open 209 s after the drive became active")
	s.Advance(1)
	require.Empty(t, sfFaults(t, c, "current"))
	slice = sfFaultByCode(t, sfFaults(t, c, "resolved"), "sliceServiceUnhealthy")
	require.Equal(t, at(225), slice.ResolvedDate)
	// The SDK always sends faultTypes when set; the default of Clear is "resolved".
	_, err = c.ClearClusterFaults(ctx, &sdk.ClearClusterFaultsRequest{})
	sfNoErr(t, err)
	require.Empty(t, sfFaults(t, c, "all"))

	// Hardware EAR, step 16, through the SDK.
	_, err = c.DisableEncryptionAtRest(ctx, &sdk.DisableEncryptionAtRestRequest{})
	sfNoErr(t, err)
	require.Equal(t, "disabling", sfEARState(t, c))
	s.Advance(5)
	require.Equal(t, "disabled", sfEARState(t, c))
	for id, d := range sfListDrives(t, c) {
		require.Equal(t, "active", d.Status, "drive %d", id)
		require.Equal(t, zeroUUID, d.KeyID, "drive %d", id)
		require.Equal(t, int64(0), d.KeyProviderID, "drive %d", id)
	}
	gp, err = c.GetKeyProviderKmip(ctx, &sdk.GetKeyProviderKmipRequest{KeyProviderID: p})
	sfNoErr(t, err)
	require.False(t, gp.KmipKeyProvider.KeyProviderIsActive)
	require.Empty(t, sfFaults(t, c, "all"))

	// Checked last so that the rest runs: authenticationKeyInfo is an
	// EncryptionKeyInfo (docs/element-api.md, GetEncryptionAtRestInfo), whose
	// keyCreatedTime (D47) is listed under GetSoftwareEncryptionAtRestInfo
	// without a presence condition; it matches passwordCreatedTimestamp.
	kct, ok := aki["keyCreatedTime"].(string)
	require.True(t, ok, "authenticationKeyInfo.keyCreatedTime missing: %v", aki)
	kt, perr := time.Parse("2006-01-02T15:04:05Z", kct)
	require.NoError(t, perr, "keyCreatedTime is D47 second precision")
	require.Equal(t, ear.EncryptionAtRestInfo.PasswordCreatedTimestamp, kt.Unix())
}

// TestSolidFireGoRemoveAndErase: RemoveDrives → available (D30),
// driveAvailable raised, SecureEraseDrives, all awaited with the SDK's
// WaitForAsyncResult after the virtual clock was advanced.
func TestSolidFireGoRemoveAndErase(t *testing.T) {
	s := apitest.NewServer(t)
	ctx := context.Background()
	c := sfConnect(t, s)

	rm, err := c.RemoveDrives(ctx, &sdk.RemoveDrivesRequest{Drives: []int64{12, 13}})
	sfNoErr(t, err)
	require.NotZero(t, rm.AsyncHandle)
	drives := sfListDrives(t, c)
	require.Equal(t, "removing", drives[12].Status)
	require.Equal(t, "removing", drives[13].Status)
	sfFail(t, c, "RemoveDrives", &sdk.RemoveDrivesRequest{Drives: []int64{12}}, "xAPINotPermitted")
	s.Advance(10)
	sfWait(t, c, rm.AsyncHandle)
	job := sfRaw(t, c, "GetAsyncResult", &sdk.GetAsyncResultRequest{AsyncHandle: rm.AsyncHandle, KeepResult: true})
	require.Equal(t, "DriveRemoval", job["resultType"])
	require.Equal(t, "complete", job["status"])
	drives = sfListDrives(t, c)
	require.Equal(t, "available", drives[12].Status)
	require.Equal(t, "available", drives[13].Status)
	require.Equal(t, "block", drives[12].Type)

	fs := sfFaults(t, c, "current")
	require.Len(t, fs, 1, "%+v", fs)
	require.Equal(t, "driveAvailable", fs[0].Code)
	require.Equal(t, int64(2), fs[0].NodeID)
	require.Equal(t, "Node ID 2 has 2 available drive(s).", fs[0].Details)

	se, err := c.SecureEraseDrives(ctx, &sdk.SecureEraseDrivesRequest{Drives: []int64{12, 13}})
	sfNoErr(t, err)
	require.Greater(t, se.AsyncHandle, rm.AsyncHandle)
	require.Equal(t, "erasing", sfListDrives(t, c)[13].Status)
	s.Advance(10)
	sfWait(t, c, se.AsyncHandle)
	drives = sfListDrives(t, c)
	require.Equal(t, "available", drives[12].Status)
	require.Equal(t, "available", drives[13].Status)
	la, err := c.ListAsyncResults(ctx, &sdk.ListAsyncResultsRequest{AsyncResultTypes: []string{"DriveSecureErase"}})
	sfNoErr(t, err)
	require.Len(t, la.AsyncHandles, 1)
	require.Equal(t, se.AsyncHandle, la.AsyncHandles[0].AsyncResultID)
	require.True(t, la.AsyncHandles[0].Completed)
	require.True(t, la.AsyncHandles[0].Success)

	// Re-add both; driveAvailable resolves; ClearClusterFaults "all" empties the list.
	ad, err := c.AddDrives(ctx, &sdk.AddDrivesRequest{Drives: []sdk.NewDrive{{DriveID: 12}, {DriveID: 13, Type: "block"}}})
	sfNoErr(t, err)
	s.Advance(5)
	sfWait(t, c, ad.AsyncHandle)
	for id, d := range sfListDrives(t, c) {
		require.Equal(t, "active", d.Status, "drive %d", id)
	}
	require.Empty(t, sfFaults(t, c, "current"))
	// driveAvailable resolved when the erase started and was raised again
	// when it ended (an erasing drive is not available; docs/element-api.md,
	// Faults).
	res := sfFaults(t, c, "resolved")
	require.Len(t, res, 2, "%+v", res)
	require.Equal(t, fs[0].ClusterFaultID, res[0].ClusterFaultID)
	require.Equal(t, "2026-03-04T10:00:10.000000Z", res[0].ResolvedDate)
	require.Equal(t, "2026-03-04T10:00:20.000000Z", res[1].Date)
	require.Equal(t, "2026-03-04T10:00:20.000000Z", res[1].ResolvedDate, "resolved by AddDrives")
	_, err = c.ClearClusterFaults(ctx, &sdk.ClearClusterFaultsRequest{FaultTypes: "all"})
	sfNoErr(t, err)
	require.Empty(t, sfFaults(t, c, "all"))
}
