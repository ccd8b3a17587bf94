package api_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// The mismatches the Ansible netapp.elementsw modules revealed
// (interop/ansible, decisions AN1–AN4), each through the real HTTP server.

// TestGetConfigNode: na_elementsw_info's node_config subset calls GetConfig
// on the node listener (AN1); NetApp's Python SDK reads symmetricRouteRules
// as a list.
func TestGetConfigNode(t *testing.T) {
	s := apitest.NewServer(t)
	a := dvNode(t, s, "GetConfig", "")
	require.Nil(t, a.Error, a.raw)
	cfg := apitest.Obj(t, a.Result, "config")
	cl := apitest.Obj(t, cfg, "cluster")
	require.Equal(t, "emu-cluster", cl["cluster"])
	require.Equal(t, "emu-node-1", cl["name"])
	require.Equal(t, int64(1), apitest.Int(t, cl["nodeID"]))
	require.Equal(t, int64(0), apitest.Int(t, cl["pendingNodeID"]))
	require.Equal(t, "Active", cl["state"])
	require.Equal(t, "Storage", cl["role"])
	require.Equal(t, "12.7.0.0", cl["version"])
	require.Len(t, cl["ensemble"], 3)
	net := apitest.Obj(t, cfg, "network")
	b1 := apitest.Obj(t, net, "Bond1G")
	b10 := apitest.Obj(t, net, "Bond10G")
	first := s.OK("ListActiveNodes", nil)["nodes"].([]any)[0].(map[string]any)
	require.Equal(t, first["mip"], b1["address"])
	require.Equal(t, first["sip"], b10["address"])
	require.Equal(t, []any{}, b1["symmetricRouteRules"])
	require.Equal(t, "UpAndRunning", b10["status"])
	require.Equal(t, true, b1["#default"])

	// GetConfig on the cluster listener stays unknown (D8).
	s.Fail("GetConfig", nil, "xUnknownAPIMethod")
}

// TestAddDrivesBareIDs: the Ansible drive module sends AddDrives
// {"drives": [40]}; a bare number is {"driveID": 40} (AN2), objects and
// numbers mix, and a bad bare ID changes nothing.
func TestAddDrivesBareIDs(t *testing.T) {
	s := apitest.NewServer(t)
	r := s.OK("RemoveDrives", map[string]any{"drives": []int64{39, 40}})
	require.NotZero(t, apitest.Int(t, r["asyncHandle"]))
	s.Advance(60)
	status := func(id int64) string {
		for _, d := range s.OK("ListDrives", nil)["drives"].([]any) {
			if m := d.(map[string]any); apitest.Int(t, m["driveID"]) == id {
				return m["status"].(string)
			}
		}
		t.Fatalf("no drive %d", id)
		return ""
	}
	require.Equal(t, "available", status(40))
	msg := s.Fail("AddDrives", map[string]any{"drives": []any{40, 999}}, "xDriveIDDoesNotExist")
	require.Contains(t, msg, "999")
	require.Equal(t, "available", status(40), "a refused call changes nothing")
	s.OK("AddDrives", map[string]any{"drives": []any{40, map[string]any{"driveID": 39, "type": "block"}}})
	require.Equal(t, "active", status(40))
	require.Equal(t, "active", status(39))
}

// TestInitiatorCHAPSecretsAlwaysPresent: NetApp's Python SDK cannot read an
// initiator without initiatorSecret and targetSecret; they are null without
// CHAP (AN3).
func TestInitiatorCHAPSecretsAlwaysPresent(t *testing.T) {
	s := apitest.NewServer(t)
	s.OK("CreateInitiators", map[string]any{"initiators": []any{
		map[string]any{"name": "iqn.1998-01.com.example:plain"},
		map[string]any{"name": "iqn.1998-01.com.example:chap", "requireChap": true,
			"initiatorSecret": "initsecret123", "targetSecret": "targsecret123"},
	}})
	ins := s.OK("ListInitiators", nil)["initiators"].([]any)
	require.Len(t, ins, 2)
	plain, chap := ins[0].(map[string]any), ins[1].(map[string]any)
	for _, k := range []string{"initiatorSecret", "targetSecret"} {
		v, ok := plain[k]
		require.True(t, ok, "%s missing: %v", k, plain)
		require.Nil(t, v)
	}
	require.Equal(t, "initsecret123", chap["initiatorSecret"])
	require.Equal(t, "targsecret123", chap["targetSecret"])
}

// TestSnapshotMirrorLabelNull: a snapshot without a SnapMirror label
// answers snapMirrorLabel null, so the Ansible snapshot module (which
// compares it with its unset option) is idempotent (AN4).
func TestSnapshotMirrorLabelNull(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, apitest.Obj(t, s.OK("AddAccount", map[string]any{"username": "t"}), "account")["accountID"])
	vol := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "v", "accountID": acct, "totalSize": 1 << 30, "enable512e": false})["volumeID"])
	s.OK("CreateSnapshot", map[string]any{"volumeID": vol, "name": "plain"})
	s.OK("CreateSnapshot", map[string]any{"volumeID": vol, "name": "labelled", "snapMirrorLabel": "weekly"})
	snaps := s.OK("ListSnapshots", map[string]any{"volumeID": vol})["snapshots"].([]any)
	require.Len(t, snaps, 2)
	v, ok := snaps[0].(map[string]any)["snapMirrorLabel"]
	require.True(t, ok)
	require.Nil(t, v)
	require.Equal(t, "weekly", snaps[1].(map[string]any)["snapMirrorLabel"])
}
