package api_test

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// Bad-input tables for hardware encryption at rest, the drive methods,
// cluster faults and the lab controls (docs/element-api.md: Encryption at
// rest, Drives, Cluster faults, and the state model's Hardware EAR, Drives
// and /_emulator/ controls). They reuse badinput_test.go's wire helpers and
// snapshot; dvSnapshot adds the drive and hardware-EAR views, so a failing
// call that moves a drive, a lock or the EAR state is caught (D49: "a failed
// call changes no state"; D27: drive lists are validated whole before
// anything changes).

// dvSnapshot is biSnapshot plus ListDrives, ListDriveHardware (force) and
// GetEncryptionAtRestInfo.
func dvSnapshot(t *testing.T, s *apitest.Server) map[string]any {
	t.Helper()
	snap := biSnapshot(t, s)
	snap["ListDrives"] = biOK(t, s, "ListDrives", "")
	snap["ListDriveHardware"] = biOK(t, s, "ListDriveHardware", `{"force":true}`)
	snap["GetEncryptionAtRestInfo"] = biOK(t, s, "GetEncryptionAtRestInfo", "")
	return snap
}

// dvVia sends one Element call over some listener.
type dvVia func(t *testing.T, s *apitest.Server, method, params string) biAnswer

// dvCluster is the cluster listener (badinput_test.go's biCall).
func dvCluster(t *testing.T, s *apitest.Server, method, params string) biAnswer {
	t.Helper()
	return biCall(t, s, method, params)
}

var dvNodeClient = &http.Client{Timeout: time.Minute, Transport: &http.Transport{
	TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} //nolint:gosec // the emulator's own leaf

// dvNode is the node listener (MIP role; docs/element-api.md, Listeners and
// URLs), over HTTPS.
func dvNode(t *testing.T, s *apitest.Server, method, params string) biAnswer {
	t.Helper()
	body := `{"method":` + biJSON(t, method) + `,"id":1`
	if params != "" {
		body += `,"params":` + params
	}
	req, err := http.NewRequest(http.MethodPost, s.NodeURL+"/json-rpc/"+s.Version, strings.NewReader(body+"}"))
	require.NoError(t, err)
	a := biDo(t, s, dvNodeClient, req, body)
	require.True(t, (a.Error == nil) != (a.Result == nil), "exactly one of result/error: %s", a.raw)
	return a
}

// dvRunBad is biRunBad with dvSnapshot and a choice of listener.
func dvRunBad(t *testing.T, s *apitest.Server, via dvVia, cases []biBadCase) {
	t.Helper()
	var prev map[string]any
	for _, c := range cases {
		t.Run(c.err+"/"+c.method+"/"+c.name, func(t *testing.T) {
			before := prev
			prev = nil
			if before == nil {
				before = dvSnapshot(t, s)
			}
			a := via(t, s, c.method, c.params)
			biRequireError(t, a, c)
			after := dvSnapshot(t, s)
			prev = after
			biRequireSameState(t, before, after, "a failing "+c.method)
		})
	}
}

// dvRequireNoOp runs a call the contract (docs/element-api.md) calls a no-op
// and requires an unchanged snapshot.
func dvRequireNoOp(t *testing.T, s *apitest.Server, name, method, params string) {
	t.Helper()
	t.Run("succeeds/no_op/"+method+"/"+name, func(t *testing.T) {
		before := dvSnapshot(t, s)
		require.Empty(t, biOK(t, s, method, params))
		biRequireSameState(t, before, dvSnapshot(t, s), fmt.Sprintf("%s %s is a no-op (D18/D19) but", method, params))
	})
}

// Case builders for the drive methods.

func dvNoDrive(name, method, params string, id int64) biBadCase {
	return biBadCase{name, method, params, "xDriveIDDoesNotExist", fmt.Sprintf("Drive %d does not exist.", id), biExact, ""}
}

// dvNestedMissing: the contract fixes the template, not how a nested member is
// named (drives[0].driveID here), so only the member's own name is required.
func dvNestedMissing(name, method, params string) biBadCase {
	return biBadCase{name, method, params, "xMissingParameter", "driveID]", biContains, ""}
}

func dvNestedType(name, method, params, member string) biBadCase {
	return biBadCase{name, method, params, "xInvalidParameterType", member + "]", biContains, ""}
}

func dvDuplicate(name, method, params string) biBadCase {
	return biBadCase{name, method, params, "xInvalidParameter", "Invalid value for member=[drives]: ", biPrefix, ""}
}

// dvState is the drive-state refusal; the contract fixes "<status list>" only
// as a list, so the allowed statuses are checked by prefix and contents.
func dvState(name, method, params string, id int64, status string) biBadCase {
	return biBadCase{name, method, params, "xAPINotPermitted",
		fmt.Sprintf("Drive %d is %s; operation requires ", id, status), biPrefix, ""}
}

func dvUnknownMethod(method, params string) biBadCase {
	return biBadCase{"wrong listener", method, params, "xUnknownAPIMethod", "method=" + method, biContains, ""}
}

// ---------------------------------------------------------------------------
// Fixture: hardware EAR enabled on a KMIP provider, and a drive in every
// status: 1 active (metadata), 2 and 3 available, 4 erasing, 5 active,
// 6 removing, 7 failed, 8 pulled and re-inserted as 41 (available, locked),
// 42 inserted new (available, unlocked, no role).

type dvFixture struct {
	s             *apitest.Server
	p, sid        int64
	locked, fresh int64
}

func dvNewFixture(t *testing.T) *dvFixture {
	t.Helper()
	s := apitest.NewServer(t)
	f := &dvFixture{s: s}
	f.p, f.sid = s.SetupEKM()
	enableHardwareEAR(t, s, f.p)
	s.OK("RemoveDrives", map[string]any{"drives": []int64{2, 3, 4}})
	s.Advance(10)
	s.OK("SecureEraseDrives", map[string]any{"drives": []int64{4}})
	s.OK("RemoveDrives", map[string]any{"drives": []int64{6}})
	status, body := s.Control(http.MethodPost, "drives/7/fail", nil)
	require.Equal(t, http.StatusOK, status, "%v", body)
	serial8 := listDrives(t, s)[7]["serial"].(string)
	status, body = s.Control(http.MethodPost, "drives/8/pull", nil)
	require.Equal(t, http.StatusOK, status, "%v", body)
	status, body = s.Control(http.MethodPost, "drives/insert", map[string]any{"nodeID": 1, "slot": 7, "serial": serial8})
	require.Equal(t, http.StatusOK, status, "%v", body)
	f.locked = apitest.Int(t, apitest.Obj(t, body, "drive")["driveID"])
	status, body = s.Control(http.MethodPost, "drives/insert", map[string]any{"nodeID": 2, "slot": 10})
	require.Equal(t, http.StatusOK, status, "%v", body)
	f.fresh = apitest.Int(t, apitest.Obj(t, body, "drive")["driveID"])
	require.Equal(t, []int64{41, 42}, []int64{f.locked, f.fresh})

	want := map[int64]string{1: "active", 2: "available", 3: "available", 4: "erasing", 5: "active", 6: "removing",
		7: "failed", 41: "available", 42: "available"}
	got := map[int64]string{}
	for _, d := range listDrives(t, s) {
		if id := apitest.Int(t, d["driveID"]); want[id] != "" {
			got[id] = d["status"].(string)
		}
		require.NotEqual(t, int64(8), apitest.Int(t, d["driveID"]), "a re-inserted drive replaces its old ID")
	}
	require.Equal(t, want, got)
	hw := driveHardware(t, s)
	require.Equal(t, true, hw[f.locked]["securityLocked"], "a re-inserted pulled drive is locked (docs/element-api.md, Drives)")
	require.Equal(t, false, hw[f.fresh]["securityLocked"])
	require.Equal(t, true, hw[1]["securityEnabled"])
	return f
}

// nextHandle is the async handle the next job gets (none was purged).
func (f *dvFixture) nextHandle(t *testing.T) int64 {
	t.Helper()
	var max int64
	for _, j := range biOK(t, f.s, "ListAsyncResults", "")["asyncHandles"].([]any) {
		max = maxInt(max, biNum(t, j.(map[string]any)["asyncResultID"]))
	}
	return max + 1
}

func maxInt(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// ---------------------------------------------------------------------------
// Hardware encryption at rest (docs/element-api.md: EnableEncryptionAtRest,
// DisableEncryptionAtRest, GetEncryptionAtRestInfo, Hardware EAR; D18, D19).

func TestBadInputHardwareEAR(t *testing.T) {
	f := biNewKMIPFixture(t)
	s := f.s
	en := func(v any) string { return biObj(t, map[string]any{"keyProviderID": v}) }
	const e, d, g = "EnableEncryptionAtRest", "DisableEncryptionAtRest", "GetEncryptionAtRestInfo"

	var cases []biBadCase
	for _, m := range []string{e, d, g, "ListDrives", "ListDriveHardware", "GetDriveHardwareInfo", "GetDriveStats",
		"AddDrives", "RemoveDrives", "SecureEraseDrives"} {
		for _, p := range []string{`[]`, `"force"`, `1`, `true`} {
			cases = append(cases, biNotObject(m, p))
		}
	}
	cases = append(cases,
		biWrongType("keyProviderID string", e, en("abc"), "keyProviderID"),
		biWrongType("keyProviderID fraction", e, en(biRaw("1.5")), "keyProviderID"),
		biWrongType("keyProviderID array", e, en([]int64{f.inactive}), "keyProviderID"),
		biWrongType("keyProviderID bool", e, en(true), "keyProviderID"),
		biWrongType("keyProviderID object", e, en(map[string]any{"id": 1}), "keyProviderID"),
		biWrongType("keyProviderID empty string", e, en(""), "keyProviderID"),
		biInvalid("keyProviderID beyond int64", e, en(biRaw("99999999999999999999")), "keyProviderID"),
		biNoProvider("unknown provider", e, en(999), 999),
		biNoProvider("unknown provider as string", e, en("999"), 999),
		biNoProvider("provider 0", e, en(0), 0),
		biNoServer("provider without a server", e, en(f.empty), f.empty),
		biNoServer("provider without a server, ID as string", e, en(fmt.Sprint(f.empty)), f.empty),
	)
	dvRunBad(t, s, dvCluster, cases)

	t.Run("xInvalidParameter/EnableEncryptionAtRest/keyProviderID_newer_than_URL_version", func(t *testing.T) {
		before := dvSnapshot(t, s)
		a := biPost(t, s, "11.5", `{"method":"EnableEncryptionAtRest","params":{"keyProviderID":`+fmt.Sprint(f.inactive)+`},"id":1}`)
		require.NotNil(t, a.Error, a.raw)
		require.Equal(t, "xInvalidParameter", a.Error.Name, a.raw)
		require.True(t, strings.HasPrefix(a.Error.Message, "Invalid value for member=[keyProviderID]: "), a.Error.Message)
		biRequireSameState(t, before, dvSnapshot(t, s), "a refused EnableEncryptionAtRest")
	})
	t.Run("xUnknownAPIMethod/GetEncryptionAtRestInfo/at_11.5", func(t *testing.T) {
		before := dvSnapshot(t, s)
		a := biPost(t, s, "11.5", `{"method":"GetEncryptionAtRestInfo","id":1}`)
		require.NotNil(t, a.Error, a.raw)
		require.Equal(t, "xUnknownAPIMethod", a.Error.Name, a.raw)
		biRequireSameState(t, before, dvSnapshot(t, s), "a refused GetEncryptionAtRestInfo")
	})
	// Disabled: DisableEncryptionAtRest is a no-op (D19).
	dvRequireNoOp(t, s, "while disabled", d, "")
	dvRequireNoOp(t, s, "while disabled, unknown params", d, `{"forceDuringBinSync":true}`)
	t.Run("succeeds/unknown_param_ignored/GetEncryptionAtRestInfo", func(t *testing.T) {
		want := biOK(t, s, g, "")
		require.Equal(t, "disabled", want["state"])
		require.Equal(t, want, biOK(t, s, g, `{"bogus":1}`))
		require.Equal(t, want, biOK(t, s, g, `null`))
	})

	// Enabling with the inactive provider (it has a server).
	t.Run("succeeds/EnableEncryptionAtRest/provider_as_string", func(t *testing.T) {
		require.Empty(t, biOK(t, s, e, en(fmt.Sprint(f.inactive))))
		require.Equal(t, "enabling", biOK(t, s, g, "")["state"])
	})
	enabling := "Encryption at rest is enabling."
	dvRunBad(t, s, dvCluster, []biBadCase{
		biNotPermitted("while enabling, internal", e, "", enabling),
		biNotPermitted("while enabling, same provider", e, en(f.inactive), enabling),
		biNotPermitted("while enabling, other provider", e, en(f.active), enabling),
		biNotPermitted("while enabling", d, "", enabling),
		biNotPermitted("while enabling, unknown params", d, `{"bogus":true}`, enabling),
		// Earlier steps still win (D49: parameters and lookups before state rules).
		biWrongType("type before state", e, en("x"), "keyProviderID"),
		biNoProvider("lookup before state", e, en(999), 999),
		biNoServer("provider without server before state", e, en(f.empty), f.empty),
		// The provider EAR is enabling with counts as active (D17).
		biNotPermitted("delete provider hardware EAR is enabling with", "DeleteKeyProviderKmip", en(f.inactive),
			fmt.Sprintf("Key provider %d is active and cannot be deleted.", f.inactive)),
	})

	s.Advance(5)
	t.Run("succeeds/enabled_with_the_provider", func(t *testing.T) {
		info := biOK(t, s, g, "")
		require.Equal(t, "enabled", info["state"], "%v", info)
		require.Equal(t, f.inactive, biNum(t, apitest.Obj(t, info, "authenticationKeyInfo")["keyProviderID"]))
	})
	enabled := "Encryption at rest is enabled."
	dvRunBad(t, s, dvCluster, []biBadCase{
		biNotPermitted("enabled, internal requested", e, "", enabled),
		biNotPermitted("enabled, internal requested with null provider", e, `{"keyProviderID":null}`, enabled),
		biNotPermitted("enabled, other provider requested", e, en(f.active), enabled),
		biNoServer("enabled, provider without a server", e, en(f.empty), f.empty),
		biNoProvider("enabled, unknown provider", e, en(999), 999),
	})
	dvRequireNoOp(t, s, "enabled, same provider", e, en(f.inactive))
	dvRequireNoOp(t, s, "enabled, same provider as string", e, en(fmt.Sprint(f.inactive)))

	t.Run("succeeds/DisableEncryptionAtRest/from_enabled", func(t *testing.T) {
		require.Empty(t, biOK(t, s, d, ""))
		require.Equal(t, "disabling", biOK(t, s, g, "")["state"])
	})
	disabling := "Encryption at rest is disabling."
	dvRunBad(t, s, dvCluster, []biBadCase{
		biNotPermitted("while disabling, internal", e, "", disabling),
		biNotPermitted("while disabling, same provider", e, en(f.inactive), disabling),
		biNotPermitted("while disabling, other provider", e, en(f.active), disabling),
		biNotPermitted("while disabling", d, "", disabling),
	})
	s.Advance(5)
	t.Run("succeeds/disabled_again", func(t *testing.T) {
		require.Equal(t, "disabled", biOK(t, s, g, "")["state"])
	})
	dvRequireNoOp(t, s, "disabled again", d, "")
	biRequireNextProvider(t, s, 4)
}

// ---------------------------------------------------------------------------
// Drive queries: ListDrives, ListDriveHardware, GetDriveHardwareInfo,
// GetDriveStats (docs/element-api.md: ListDrives, ListDriveHardware,
// GetDriveHardwareInfo, GetDriveStats; D43).

func TestBadInputDriveQueries(t *testing.T) {
	f := dvNewFixture(t)
	s := f.s
	// Drive 5 failed and removed: gone from the lists (D28), so unknown.
	status, body := s.Control(http.MethodPost, "drives/5/fail", nil)
	require.Equal(t, http.StatusOK, status, "%v", body)
	s.OK("RemoveDrives", map[string]any{"drives": []int64{5}})
	s.Advance(10)
	const lh = "ListDriveHardware"
	id := func(v any) string { return biObj(t, map[string]any{"driveID": v}) }

	cases := []biBadCase{
		biMissing("force absent", lh, "", "force"),
		biMissing("force absent, empty params", lh, `{}`, "force"),
		biMissing("force null", lh, `{"force":null}`, "force"),
		biInvalid("force false", lh, `{"force":false}`, "force"),
		biInvalid("force \"false\"", lh, `{"force":"false"}`, "force"),
		biInvalid("force 0", lh, `{"force":0}`, "force"),
		biInvalid("force \"0\"", lh, `{"force":"0"}`, "force"),
		biWrongType("force yes", lh, `{"force":"yes"}`, "force"),
		biWrongType("force 2", lh, `{"force":2}`, "force"),
		biWrongType("force array", lh, `{"force":[true]}`, "force"),
		biWrongType("force object", lh, `{"force":{}}`, "force"),
		biWrongType("force fraction", lh, `{"force":0.5}`, "force"),
	}
	for _, m := range []string{"GetDriveHardwareInfo", "GetDriveStats"} {
		cases = append(cases,
			biMissing("no params", m, "", "driveID"),
			biMissing("empty params", m, `{}`, "driveID"),
			biMissing("driveID null", m, `{"driveID":null}`, "driveID"),
			biMissing("misspelled member", m, `{"driveId":1}`, "driveID"),
			biWrongType("driveID string", m, id("abc"), "driveID"),
			biWrongType("driveID empty string", m, id(""), "driveID"),
			biWrongType("driveID fraction", m, id(biRaw("1.5")), "driveID"),
			biWrongType("driveID array", m, id([]int64{1}), "driveID"),
			biWrongType("driveID bool", m, id(true), "driveID"),
			biWrongType("driveID object", m, id(map[string]any{"driveID": 1}), "driveID"),
			biInvalid("driveID beyond int64", m, id(biRaw("99999999999999999999")), "driveID"),
			dvNoDrive("unknown drive", m, id(999), 999),
			dvNoDrive("unknown drive as string", m, id("999"), 999),
			dvNoDrive("drive 0", m, id(0), 0),
			dvNoDrive("negative drive", m, id(-1), -1),
			dvNoDrive("failed drive removed (D28)", m, id(5), 5),
			dvNoDrive("pulled drive replaced on re-insertion", m, id(8), 8),
		)
	}
	dvRunBad(t, s, dvCluster, cases)

	t.Run("xUnknownAPIMethod/ListDriveHardware/at_6.0", func(t *testing.T) {
		before := dvSnapshot(t, s)
		a := biPost(t, s, "6.0", `{"method":"ListDriveHardware","params":{"force":true},"id":1}`)
		require.NotNil(t, a.Error, a.raw)
		require.Equal(t, "xUnknownAPIMethod", a.Error.Name, a.raw)
		biRequireSameState(t, before, dvSnapshot(t, s), "a refused ListDriveHardware")
	})
	t.Run("succeeds/coercion/force_and_driveID", func(t *testing.T) {
		want := biOK(t, s, lh, `{"force":true}`)
		for _, p := range []string{`{"force":"true"}`, `{"force":"TRUE"}`, `{"force":1}`, `{"force":"1"}`, `{"force":true,"bogus":[1]}`} {
			require.Equal(t, want, biOK(t, s, lh, p), p)
		}
		hw := biOK(t, s, "GetDriveHardwareInfo", id("41"))
		require.Equal(t, true, apitest.Obj(t, hw, "driveHardwareInfo")["driveSecurityLocked"])
		st := apitest.Obj(t, biOK(t, s, "GetDriveStats", id(biRaw("2.0"))), "driveStats")
		require.Equal(t, int64(2), biNum(t, st["driveID"]))
		ds := biOK(t, s, "ListDrives", `{"bogus":1,"driveID":"x"}`)["drives"].([]any)
		require.Len(t, ds, len(biOK(t, s, "ListDrives", "")["drives"].([]any)))
	})
	t.Run("succeeds/node_listener/ListDriveHardware_force_optional", func(t *testing.T) {
		for _, p := range []string{"", `{"force":false}`, `{"force":true}`} {
			a := dvNode(t, s, lh, p)
			require.Nil(t, a.Error, "%s: %s", p, a.raw)
			require.Len(t, a.Result["driveHardware"], 9, "node 1: drive 8 replaced by 41, drive 5 removed")
		}
		a := dvNode(t, s, lh, `{"force":"yes"}`)
		require.NotNil(t, a.Error, a.raw)
		require.Equal(t, "xInvalidParameterType", a.Error.Name)
	})
}

// ---------------------------------------------------------------------------
// Drive lists: AddDrives, RemoveDrives, SecureEraseDrives
// (docs/element-api.md, Drives; D27). Every mixed list names a drive whose
// state a success would change.

func TestBadInputDriveLists(t *testing.T) {
	f := dvNewFixture(t)
	s := f.s
	lk := f.locked
	add := func(entries ...any) string { return biObj(t, map[string]any{"drives": entries}) }
	ent := func(id any) map[string]any { return map[string]any{"driveID": id} }
	typed := func(id any, typ any) map[string]any { return map[string]any{"driveID": id, "type": typ} }
	const a = "AddDrives"
	notAvail := func(id int64, status string) biBadCase {
		c := dvState(fmt.Sprintf("drive %d %s", id, status), a, add(ent(id)), id, status)
		c.msg, c.match = fmt.Sprintf("Drive %d is %s; operation requires available.", id, status), biExact
		return c
	}
	cases := []biBadCase{
		biMissing("no params", a, "", "drives"),
		biMissing("empty params", a, `{}`, "drives"),
		biMissing("drives null", a, `{"drives":null}`, "drives"),
		biMissing("misspelled member", a, `{"drive":[{"driveID":2}]}`, "drives"),
		biWrongType("drives string", a, `{"drives":"2"}`, "drives"),
		biWrongType("drives number", a, `{"drives":2}`, "drives"),
		biWrongType("drives object", a, `{"drives":{"driveID":2}}`, "drives"),
		biWrongType("drives bool", a, `{"drives":true}`, "drives"),
		// A bare number is a driveID (AN2, TestAddDrivesBareIDs); any
		// other non-object entry is a type error.
		dvNestedType("drives of bools", a, `{"drives":[true]}`, "drives[0"),
		dvNestedType("drives of strings", a, `{"drives":["2"]}`, "drives[0"),
		dvNestedType("bare ID fraction", a, `{"drives":[2.5]}`, "drives[0"),
		dvNestedType("second entry not an object", a, add(ent(2), []int{3}), "drives[1"),
		biInvalid("drives empty", a, `{"drives":[]}`, "drives"),
		dvNestedMissing("entry without driveID", a, add(map[string]any{})),
		dvNestedMissing("entry with only type", a, add(map[string]any{"type": "block"})),
		dvNestedMissing("entry driveID null", a, add(ent(nil))),
		dvNestedMissing("second entry without driveID", a, add(ent(2), map[string]any{"type": "block"})),
		dvNestedType("driveID string", a, add(ent("abc")), "driveID"),
		dvNestedType("driveID fraction", a, add(ent(biRaw("2.5"))), "driveID"),
		dvNestedType("driveID bool", a, add(ent(true)), "driveID"),
		dvNestedType("driveID array", a, add(ent([]int64{2})), "driveID"),
		dvNestedType("type number", a, add(typed(2, 1)), "type"),
		dvNestedType("type array", a, add(typed(2, []string{"block"})), "type"),
		{"type bogus", a, add(typed(2, "bogus")), "xUnrecognizedEnumString", "Unrecognized enum string=[bogus] for member=[", biPrefix, ""},
		{"type empty", a, add(typed(2, "")), "xUnrecognizedEnumString", "Unrecognized enum string=[] for member=[", biPrefix, ""},
		{"type of second entry bogus", a, add(ent(3), typed(2, "metadata")), "xUnrecognizedEnumString", "Unrecognized enum string=[metadata] for member=[", biPrefix, ""},
		// Parameters before lookup (D49), in every entry.
		{"bad type of unknown drive", a, add(typed(999, "bogus")), "xUnrecognizedEnumString", "Unrecognized enum string=[bogus]", biPrefix, ""},
		dvNestedType("unknown drive, then a bad driveID", a, add(ent(999), ent("x")), "driveID"),
		dvNoDrive("unknown drive", a, add(ent(999)), 999),
		dvNoDrive("unknown drive as string", a, add(ent("999")), 999),
		dvNoDrive("drive 0", a, add(ent(0)), 0),
		dvNoDrive("available drive, then an unknown one", a, add(ent(2), ent(999)), 999),
		dvNoDrive("replaced drive ID", a, add(ent(8)), 8),
		dvDuplicate("same ID twice", a, add(ent(2), ent(2))),
		dvDuplicate("same ID as number and string", a, add(ent(2), ent("2"))),
		dvDuplicate("same ID with different types", a, add(typed(2, "block"), typed(2, "volume"))),
		// Lookup before state (step 7 before 8).
		dvNoDrive("active drive, then an unknown one", a, add(ent(1), ent(999)), 999),
		notAvail(1, "active"),
		notAvail(4, "erasing"),
		notAvail(6, "removing"),
		notAvail(7, "failed"),
		{"available drive, then an active one", a, add(ent(2), ent(1)), "xAPINotPermitted", "Drive 1 is active; operation requires available.", biExact, ""},
		{"available drives, then a failed one", a, add(ent(2), typed(f.fresh, "block"), ent(7)), "xAPINotPermitted", "Drive 7 is failed; operation requires available.", biExact, ""},
		biNotPermitted("locked available drive", a, add(ent(lk)), fmt.Sprintf("Drive %d is locked.", lk)),
		biNotPermitted("locked drive with a type", a, add(typed(lk, "volume")), fmt.Sprintf("Drive %d is locked.", lk)),
		biNotPermitted("available drive, then a locked one", a, add(ent(2), ent(lk)), fmt.Sprintf("Drive %d is locked.", lk)),
	}

	ids := func(v ...any) string { return biObj(t, map[string]any{"drives": v}) }
	for _, m := range []string{"RemoveDrives", "SecureEraseDrives"} {
		cases = append(cases,
			biMissing("no params", m, "", "drives"),
			biMissing("empty params", m, `{}`, "drives"),
			biMissing("drives null", m, `{"drives":null}`, "drives"),
			biWrongType("drives string", m, `{"drives":"2"}`, "drives"),
			biWrongType("drives comma list", m, `{"drives":"2,3"}`, "drives"),
			biWrongType("drives number", m, `{"drives":2}`, "drives"),
			biWrongType("drives object", m, `{"drives":{}}`, "drives"),
			biWrongType("drives of objects", m, ids(ent(2)), "drives"),
			biWrongType("drives element string", m, ids("abc"), "drives"),
			biWrongType("drives element fraction", m, ids(biRaw("2.5")), "drives"),
			biWrongType("drives element bool", m, ids(true), "drives"),
			biWrongType("drives element null", m, ids(2, nil), "drives"),
			biWrongType("drives nested array", m, ids([]int64{2}), "drives"),
			biInvalid("drives empty", m, `{"drives":[]}`, "drives"),
			biBadCase{"drives element beyond int64", m, ids(biRaw("99999999999999999999")), "xInvalidParameter", "Invalid value for member=[drives", biPrefix, ""},
			dvNoDrive("unknown drive", m, ids(999), 999),
			dvNoDrive("unknown drive as string", m, ids("999"), 999),
			dvNoDrive("replaced drive ID", m, ids(8), 8),
			dvDuplicate("same ID twice", m, ids(2, 2)),
			dvDuplicate("same ID as number and string", m, ids(3, "3")),
		)
	}
	const rm, se = "RemoveDrives", "SecureEraseDrives"
	cases = append(cases,
		dvNoDrive("active drive, then an unknown one", rm, ids(1, 999), 999),
		dvState("available drive", rm, ids(2), 2, "available"),
		dvState("erasing drive", rm, ids(4), 4, "erasing"),
		dvState("removing drive", rm, ids(6), 6, "removing"),
		dvState("locked available drive", rm, ids(lk), lk, "available"),
		dvState("active drive, then an available one", rm, ids(1, 2), 2, "available"),
		dvState("failed drive, then a removing one", rm, ids(7, 6), 6, "removing"),
		dvNoDrive("available drive, then an unknown one", se, ids(2, 999), 999),
		biBadCase{"active drive", se, ids(1), "xAPINotPermitted", "Drive 1 is active; operation requires available.", biExact, ""},
		biBadCase{"erasing drive", se, ids(4), "xAPINotPermitted", "Drive 4 is erasing; operation requires available.", biExact, ""},
		biBadCase{"removing drive", se, ids(6), "xAPINotPermitted", "Drive 6 is removing; operation requires available.", biExact, ""},
		biBadCase{"failed drive", se, ids(7), "xAPINotPermitted", "Drive 7 is failed; operation requires available.", biExact, ""},
		biBadCase{"available and locked drives, then an active one", se, ids(2, lk, 5), "xAPINotPermitted", "Drive 5 is active; operation requires available.", biExact, ""},
	)
	next := f.nextHandle(t)
	dvRunBad(t, s, dvCluster, cases)

	t.Run("succeeds/counter/AddDrives_enum_any_case", func(t *testing.T) {
		r := biOK(t, s, a, add(ent("2"), typed(f.fresh, "BLOCK"), typed(3, "Slice")))
		require.Equal(t, next, biNum(t, r["asyncHandle"]), "no failing call consumed a handle")
		st := map[int64]map[string]any{}
		for _, d := range listDrives(t, s) {
			st[apitest.Int(t, d["driveID"])] = d
		}
		require.Equal(t, "active", st[2]["status"])
		require.Equal(t, "block", st[f.fresh]["type"])
		require.Equal(t, "volume", st[3]["type"], "slice means metadata")
	})
	t.Run("succeeds/SecureEraseDrives/locked_drive_allowed", func(t *testing.T) {
		r := biOK(t, s, se, ids(lk))
		require.Equal(t, next+1, biNum(t, r["asyncHandle"]))
		s.Advance(10)
		hw := driveHardware(t, s)
		require.Equal(t, false, hw[lk]["securityLocked"])
		require.Equal(t, false, hw[lk]["securityEnabled"])
		require.Empty(t, biOK(t, s, "GetAsyncResult", biObj(t, map[string]any{"asyncHandle": next + 1}))["result"])
	})
}

// ---------------------------------------------------------------------------
// Node methods: ResetDrives, TestDrives (docs/element-api.md; D8, D43). The
// node listener serves node 1 (no node has the MIP 127.0.0.1).

func TestBadInputDriveNodeMethods(t *testing.T) {
	f := dvNewFixture(t)
	s := f.s
	const rd, td = "ResetDrives", "TestDrives"
	dvRunBad(t, s, dvCluster, []biBadCase{
		dvUnknownMethod(rd, `{"drives":"slot1","force":true}`),
		dvUnknownMethod(td, `{"force":true}`),
		dvUnknownMethod(rd, ""),
	})
	rp := func(drives any, force any) string { return biObj(t, map[string]any{"drives": drives, "force": force}) }
	slot7 := "slot7" // drive 41 on node 1: available and locked; a reset would unlock it
	cases := []biBadCase{
		dvUnknownMethod("ListDrives", ""),
		dvUnknownMethod("GetDriveStats", `{"driveID":1}`),
		biMissing("no params", rd, "", "drives"),
		biMissing("only force", rd, `{"force":true}`, "drives"),
		biMissing("force absent", rd, `{"drives":"slot7"}`, "force"),
		biMissing("force null", rd, rp(slot7, nil), "force"),
		biWrongType("drives array", rd, rp([]string{slot7}, true), "drives"),
		biWrongType("drives number", rd, rp(7, true), "drives"),
		biWrongType("force yes", rd, rp(slot7, "yes"), "force"),
		biWrongType("force 2", rd, rp(slot7, 2), "force"),
		biInvalid("force false", rd, rp(slot7, false), "force"),
		biInvalid("force \"false\"", rd, rp(slot7, "false"), "force"),
		biInvalid("force 0", rd, rp(slot7, 0), "force"),
		biInvalid("drives empty", rd, rp("", true), "drives"),
		biInvalid("drives only commas", rd, rp(" , ", true), "drives"),
		// D49: parameters in table order, drives before force.
		biInvalid("drives empty and force false", rd, rp("", false), "drives"),
		biInvalid("unknown name", rd, rp("slot99", true), "drives"),
		biInvalid("unknown device name", rd, rp("sdz", true), "drives"),
		biInvalid("locked drive, then an unknown name", rd, rp("slot7,slot99", true), "drives"),
		biInvalid("same name twice", rd, rp("slot7,slot7", true), "drives"),
		dvState("active drive", rd, rp("slot0", true), 1, "active"),
		dvState("locked drive, then an active one", rd, rp("slot7,slot0", true), 1, "active"),
		dvState("erasing drive", rd, rp("slot3", true), 4, "erasing"),
		dvState("removing drive", rd, rp("slot5", true), 6, "removing"),
		biMissing("no params", td, "", "force"),
		biMissing("force null", td, `{"force":null}`, "force"),
		biMissing("only minutes", td, `{"minutes":5}`, "force"),
		biWrongType("force yes", td, `{"force":"yes"}`, "force"),
		biWrongType("force array", td, `{"force":[true]}`, "force"),
		biWrongType("minutes string", td, `{"force":true,"minutes":"ten"}`, "minutes"),
		biWrongType("minutes fraction", td, `{"force":true,"minutes":1.5}`, "minutes"),
		biNotPermitted("cluster member", td, `{"force":true}`, "TestDrives is only allowed on a node that is not part of a cluster."),
		biNotPermitted("cluster member, minutes as string", td, `{"force":"true","minutes":"5"}`, "TestDrives is only allowed on a node that is not part of a cluster."),
	}
	for _, p := range []string{`[]`, `"slot7"`, `1`} {
		c := biNotObject(rd, p)
		cases = append(cases, c)
	}
	dvRunBad(t, s, dvNode, cases)

	// force false: the contract requires force but does not say false is
	// refused by itself (only ResetDrives says "must be true"); either refusal
	// is fine.
	t.Run("fails/TestDrives/force_false", func(t *testing.T) {
		before := dvSnapshot(t, s)
		r := dvNode(t, s, td, `{"force":false}`)
		require.NotNil(t, r.Error, r.raw)
		require.Contains(t, []string{"xInvalidParameter", "xAPINotPermitted"}, r.Error.Name, r.raw)
		biRequireSameState(t, before, dvSnapshot(t, s), "a refused TestDrives")
	})
	t.Run("succeeds/ResetDrives/locked_and_failed_drives", func(t *testing.T) {
		r := dvNode(t, s, rd, rp(" slot7 ,slot6", "TRUE"))
		require.Nil(t, r.Error, r.raw)
		require.Equal(t, "Passed", r.Result["result"])
		hw := driveHardware(t, s)
		require.Equal(t, false, hw[f.locked]["securityLocked"], "ResetDrives clears security (docs/element-api.md, Drives)")
		require.Equal(t, false, hw[f.locked]["securityEnabled"])
	})
}

// ---------------------------------------------------------------------------
// Cluster faults with drive faults present (docs/element-api.md: Cluster
// faults, Faults).

func TestBadInputDriveFaults(t *testing.T) {
	f := dvNewFixture(t)
	s := f.s
	codes := countCodes(faultList(t, s, "all"))
	require.Positive(t, codes["driveFailed"], "%v", codes)
	require.Positive(t, codes["driveAvailable"], "%v", codes)
	const l, c = "ListClusterFaults", "ClearClusterFaults"
	dvRunBad(t, s, dvCluster, []biBadCase{
		biBadEnum("faultTypes bogus", l, `{"faultTypes":"bogus"}`, "bogus", "faultTypes"),
		biBadEnum("faultTypes empty", l, `{"faultTypes":""}`, "", "faultTypes"),
		biBadEnum("faultTypes a fault code", l, `{"faultTypes":"driveFailed"}`, "driveFailed", "faultTypes"),
		biWrongType("faultTypes number", l, `{"faultTypes":1}`, "faultTypes"),
		biWrongType("faultTypes array", l, `{"faultTypes":["current"]}`, "faultTypes"),
		biWrongType("bestPractices yes", l, `{"bestPractices":"yes"}`, "bestPractices"),
		biWrongType("bestPractices 2", l, `{"bestPractices":2}`, "bestPractices"),
		biWrongType("bestPractices array", l, `{"bestPractices":[true]}`, "bestPractices"),
		biWrongType("bestPractices before a bad enum", l, `{"bestPractices":"maybe","faultTypes":"bogus"}`, "bestPractices"),
		biBadEnum("faultTypes everything", c, `{"faultTypes":"everything"}`, "everything", "faultTypes"),
		biBadEnum("faultTypes bogus", c, `{"faultTypes":"bogus"}`, "bogus", "faultTypes"),
		biWrongType("faultTypes number", c, `{"faultTypes":0}`, "faultTypes"),
		biWrongType("faultTypes bool", c, `{"faultTypes":true}`, "faultTypes"),
		biNotObject(c, `["all"]`),
	})
	t.Run("succeeds/ClearClusterFaults/all_reraises_drive_conditions", func(t *testing.T) {
		require.Empty(t, biOK(t, s, c, `{"faultTypes":"ALL"}`))
		require.Positive(t, countCodes(faultList(t, s, "current"))["driveFailed"], "D36: a condition that persists is re-raised")
	})
}

// ---------------------------------------------------------------------------
// Lab controls (docs/element-api.md, /_emulator/ controls; docs/labs.md):
// POST /_emulator/drives/…, /cluster-faults, /restart.

type dvCtlCase struct {
	name   string
	path   string
	body   string // raw body; "" = none
	status int    // 0: any 4xx
	errHas string // the error must contain it
}

// dvControlRaw posts body to /_emulator/<path>.
func dvControlRaw(t *testing.T, s *apitest.Server, path, body string) (int, map[string]any, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(http.MethodPost, s.URL+"/_emulator/"+path, rd)
	require.NoError(t, err)
	req.SetBasicAuth(s.User, s.Pass)
	resp, err := s.Client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	out := map[string]any{}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	_ = d.Decode(&out)
	return resp.StatusCode, out, string(b)
}

func dvRunControlBad(t *testing.T, s *apitest.Server, cases []dvCtlCase) {
	t.Helper()
	var prev map[string]any
	for _, c := range cases {
		code := "http_4xx"
		if c.status != 0 {
			code = fmt.Sprintf("http_%d", c.status)
		}
		t.Run(code+"/"+c.path+"/"+c.name, func(t *testing.T) {
			before := prev
			prev = nil
			if before == nil {
				before = dvSnapshot(t, s)
			}
			status, body, raw := dvControlRaw(t, s, c.path, c.body)
			if c.status == 0 {
				require.True(t, status >= 400 && status < 500, "POST %s %s: want 4xx, got %d %s", c.path, c.body, status, raw)
			} else {
				require.Equal(t, c.status, status, "POST %s %s: %s", c.path, c.body, raw)
			}
			msg, _ := body["error"].(string)
			require.NotEmpty(t, msg, "an error member: %s", raw)
			require.Contains(t, msg, c.errHas, raw)
			after := dvSnapshot(t, s)
			prev = after
			biRequireSameState(t, before, after, "a failing POST /_emulator/"+c.path)
		})
	}
}

func TestBadInputDriveLabControls(t *testing.T) {
	f := dvNewFixture(t)
	s := f.s
	// The key server is down: a power cycle would lock and fail drives, so
	// a refused restart that did anything shows in the snapshot.
	s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": f.sid}, "effect": "unreachable"})
	serial1 := listDrives(t, s)[0]["serial"].(string)
	fault := biControl(t, s, http.MethodPost, "cluster-faults", map[string]any{"code": "nodeOffline", "type": "node", "nodeID": 2})
	fid := biNum(t, fault["clusterFaultID"])

	dvRunControlBad(t, s, []dvCtlCase{
		{"driveID not a number", "drives/abc/fail", "", 400, ""},
		{"driveID fraction", "drives/1.5/fail", "", 400, ""},
		{"unknown drive", "drives/999/fail", "", 400, "999"},
		{"unknown drive, detail given", "drives/999/fail", `{"detail":"DriveMissing"}`, 400, "999"},
		{"replaced drive ID", "drives/8/fail", "", 400, "8"},
		{"unknown drive", "drives/999/pull", "", 400, "999"},
		{"unknown drive", "drives/999/eject-metadata", "", 400, "999"},
		{"unknown action", "drives/1/explode", "", 404, ""},
		{"unknown action on an unknown drive", "drives/999/explode", "", 0, ""},
		{"unknown detail", "drives/1/fail", `{"detail":"Exploded"}`, 400, "detail"},
		{"detail None", "drives/1/fail", `{"detail":"None"}`, 400, "detail"},
		{"detail a number", "drives/1/fail", `{"detail":5}`, 400, ""},
		{"body an array", "drives/1/fail", `[1]`, 400, ""},
		{"body not JSON", "drives/1/fail", `detail=DriveMissing`, 400, ""},
		{"block drive", "drives/2/eject-metadata", "", 400, "2"},
		{"block drive, active", "drives/5/eject-metadata", "", 400, "5"},
		{"body empty object", "drives/insert", `{}`, 400, "nodeID"},
		{"no body", "drives/insert", "", 400, "nodeID"},
		{"slot missing", "drives/insert", `{"nodeID":1}`, 400, "slot"},
		{"nodeID missing", "drives/insert", `{"slot":11}`, 400, "nodeID"},
		{"nodeID null", "drives/insert", `{"nodeID":null,"slot":11}`, 400, "nodeID"},
		{"nodeID string", "drives/insert", `{"nodeID":"one","slot":11}`, 400, ""},
		{"slot fraction", "drives/insert", `{"nodeID":1,"slot":1.5}`, 400, ""},
		{"unknown node", "drives/insert", `{"nodeID":99,"slot":11}`, 400, "99"},
		{"node 0", "drives/insert", `{"nodeID":0,"slot":11}`, 400, "node"},
		{"negative slot", "drives/insert", `{"nodeID":1,"slot":-1}`, 400, "slot"},
		{"occupied slot", "drives/insert", `{"nodeID":1,"slot":0}`, 400, "0"},
		{"slot of the failed drive", "drives/insert", `{"nodeID":1,"slot":6}`, 400, "6"},
		{"slot of the re-inserted drive", "drives/insert", `{"nodeID":1,"slot":7}`, 400, "7"},
		{"bad capability", "drives/insert", `{"nodeID":2,"slot":11,"capability":"quantum"}`, 400, "capability"},
		{"capability in capitals", "drives/insert", `{"nodeID":2,"slot":11,"capability":"SED"}`, 400, "capability"},
		{"serial of a drive still in a node", "drives/insert", fmt.Sprintf(`{"nodeID":2,"slot":11,"serial":%q}`, serial1), 400, serial1},
		{"code missing", "cluster-faults", `{"severity":"error","type":"node"}`, 400, "code"},
		{"empty body", "cluster-faults", "", 400, "code"},
		{"bad severity", "cluster-faults", `{"code":"nodeOffline","severity":"fatal"}`, 400, "severity"},
		{"severity in capitals", "cluster-faults", `{"code":"nodeOffline","severity":"ERROR"}`, 400, "severity"},
		{"bad type", "cluster-faults", `{"code":"nodeOffline","type":"galaxy"}`, 400, "type"},
		{"severity a number", "cluster-faults", `{"code":"nodeOffline","severity":3}`, 400, ""},
		{"driveIDs a string", "cluster-faults", `{"code":"driveFailed","driveIDs":"1"}`, 400, ""},
		{"body an array", "cluster-faults", `[]`, 400, ""},
		{"unknown fault", "cluster-faults/999/resolve", "", 0, "999"},
		{"fault ID not a number", "cluster-faults/abc/resolve", "", 400, ""},
		{"unknown node", "restart", `{"nodeIDs":[99]}`, 400, "99"},
		{"known node, then an unknown one", "restart", `{"nodeIDs":[1,99]}`, 400, "99"},
		{"node 0", "restart", `{"nodeIDs":[0]}`, 400, "0"},
		{"nodeIDs a string", "restart", `{"nodeIDs":"1"}`, 400, ""},
		{"nodeIDs of strings", "restart", `{"nodeIDs":["1"]}`, 400, ""},
		{"body an array", "restart", `[1]`, 400, ""},
	})

	t.Run("succeeds/controls_after_failures", func(t *testing.T) {
		require.Empty(t, biControl(t, s, http.MethodPost, fmt.Sprintf("cluster-faults/%d/resolve", fid), nil))
		st, body, raw := dvControlRaw(t, s, "drives/insert", `{"nodeID":2,"slot":11}`)
		require.Equal(t, http.StatusOK, st, raw)
		require.Equal(t, int64(43), biNum(t, apitest.Obj(t, body, "drive")["driveID"]), "no failing insert consumed a drive ID")
		next := biControl(t, s, http.MethodPost, "cluster-faults", map[string]any{"code": "nodeOffline"})
		require.Equal(t, fid+1, biNum(t, next["clusterFaultID"]), "no failing cluster-fault consumed an ID")
	})
}

// dvGET sends the GET form (D39); params is the query without method=.
func dvGET(t *testing.T, s *apitest.Server, method, params string) biAnswer {
	t.Helper()
	return biGet(t, s, "method="+method+"&"+params)
}

// TestBadInputDrivesGETForm: the same rules through the GET form, where
// every value arrives as text (D39: JSON-looking values decoded, repeated
// keys make an array).
func TestBadInputDrivesGETForm(t *testing.T) {
	f := dvNewFixture(t)
	s := f.s
	dvRunBad(t, s, dvGET, []biBadCase{
		biMissing("force absent", "ListDriveHardware", "bogus=1", "force"),
		biInvalid("force false", "ListDriveHardware", "force=false", "force"),
		biWrongType("force yes", "ListDriveHardware", "force=yes", "force"),
		biMissing("driveID absent", "GetDriveStats", "bogus=1", "driveID"),
		biWrongType("driveID abc", "GetDriveHardwareInfo", "driveID=abc", "driveID"),
		dvNoDrive("unknown drive", "GetDriveStats", "driveID=999", 999),
		biInvalid("drives empty JSON array", "RemoveDrives", "drives=%5B%5D", "drives"),
		biWrongType("drives abc", "SecureEraseDrives", "drives=abc", "drives"),
		dvNoDrive("repeated keys, one unknown", "SecureEraseDrives", "drives=2&drives=999", 999),
		dvDuplicate("repeated keys, same drive", "RemoveDrives", "drives=1&drives=1"),
		dvState("repeated keys, an available drive", "RemoveDrives", "drives=1&drives=2", 2, "available"),
		biNotPermitted("JSON text, a locked drive", "AddDrives", "drives="+strings.ReplaceAll(fmt.Sprintf(`[{"driveID":2},{"driveID":%d}]`, f.locked), `"`, "%22"),
			fmt.Sprintf("Drive %d is locked.", f.locked)),
		biBadEnum("faultTypes bogus", "ListClusterFaults", "faultTypes=bogus", "bogus", "faultTypes"),
		biNotPermitted("Enable internal while enabled externally", "EnableEncryptionAtRest", "bogus=1", "Encryption at rest is enabled."),
		biWrongType("keyProviderID abc", "EnableEncryptionAtRest", "keyProviderID=abc", "keyProviderID"),
	})
}

// TestBadInputNonEncryptableDrive: D50 with an active drive of capability
// none, and its place in EnableEncryptionAtRest's order of checks
// (docs/element-api.md: lookup, server, hardware, state).
func TestBadInputNonEncryptableDrive(t *testing.T) {
	s := apitest.NewServer(t)
	p, _ := s.SetupEKM()
	empty := apitest.Int(t, apitest.Obj(t, s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "empty"}), "kmipKeyProvider")["keyProviderID"])
	enableHardwareEAR(t, s, p)
	status, body := s.Control(http.MethodPost, "drives/insert", map[string]any{"nodeID": 3, "slot": 10, "capability": "none"})
	require.Equal(t, http.StatusOK, status, "%v", body)
	id := apitest.Int(t, apitest.Obj(t, body, "drive")["driveID"])
	s.OK("AddDrives", map[string]any{"drives": []any{map[string]any{"driveID": id}}})
	s.Advance(5)
	const e, ne = "EnableEncryptionAtRest", "Encryption not allowed. Cluster detected non-encryptable drive"
	en := func(v any) string { return biObj(t, map[string]any{"keyProviderID": v}) }
	dvRunBad(t, s, dvCluster, []biBadCase{
		biNoProvider("unknown provider first", e, en(999), 999),
		biNoServer("provider without a server before hardware", e, en(empty), empty),
		biNotPermitted("hardware before state: same source", e, en(p), ne),
		biNotPermitted("hardware before state: internal", e, "", ne),
	})
	t.Run("succeeds/drive_without_security", func(t *testing.T) {
		require.Equal(t, false, driveHardware(t, s)[id]["securitySupported"])
		require.Equal(t, false, driveHardware(t, s)[id]["securityEnabled"])
	})
}
