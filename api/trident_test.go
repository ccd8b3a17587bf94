package api_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// Requests exactly as NetApp Trident's solidfire-san API client sends them
// (interop/trident runs that client itself; these tests keep the emulator's
// side of each fix in the main module).

// TestTridentAddVolumesWithNoVolumes: at start-up the driver adds the
// account's volumes missing from its access group and sends "volumes": null
// when none is missing; absent, null and [] add nothing and answer the group,
// while an unknown group is still refused (TR1).
func TestTridentAddVolumesWithNoVolumes(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "trident"})["accountID"])
	v := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "a", "accountID": acct, "totalSize": 1e9})["volumeID"])
	gid := apitest.Int(t, s.OK("CreateVolumeAccessGroup", map[string]any{"name": "trident", "volumes": []int64{v}})["volumeAccessGroupID"])

	for _, params := range []map[string]any{
		{"volumeAccessGroupID": gid, "volumes": nil},
		{"volumeAccessGroupID": gid},
		{"volumeAccessGroupID": gid, "volumes": []int64{}},
	} {
		g := apitest.Obj(t, s.OK("AddVolumesToVolumeAccessGroup", params), "volumeAccessGroup")
		require.Equal(t, []int64{v}, ids(t, g["volumes"]), "%v", params)
	}
	s.Fail("AddVolumesToVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid + 99, "volumes": nil}, "xVolumeAccessGroupIDDoesNotExist")
	s.Fail("AddVolumesToVolumeAccessGroup", map[string]any{"volumes": nil}, "xMissingParameter")
}

// TestTridentSnapshotEmptyRetention: Trident's CreateSnapshot sends
// "retention": "" (and "snapshotID": 0, "enableRemoteReplication": false,
// "attributes": null); an empty retention is no retention (TR2), while a
// malformed one is still refused.
func TestTridentSnapshotEmptyRetention(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "trident"})["accountID"])
	v := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "a", "accountID": acct, "totalSize": 1e9})["volumeID"])

	r := s.OK("CreateSnapshot", map[string]any{"volumeID": v, "snapshotID": 0, "name": "snapshot-1",
		"enableRemoteReplication": false, "retention": "", "attributes": nil})
	snap := apitest.Obj(t, r, "snapshot")
	require.Equal(t, "none", snap["expirationReason"])
	require.Nil(t, snap["expirationTime"])
	require.Equal(t, "snapshot-1", snap["name"])

	gr := s.OK("CreateGroupSnapshot", map[string]any{"volumes": []int64{v}, "retention": ""})
	require.Equal(t, "none", apitest.Obj(t, gr, "groupSnapshot")["members"].([]any)[0].(map[string]any)["expirationReason"])

	s.Fail("CreateSnapshot", map[string]any{"volumeID": v, "retention": "1h"}, "xInvalidParameter")
}

// TestTridentCloneSnapshotIDZero: Trident's CloneVolume sends
// "snapshotID": 0 to clone the volume's current state; 0 names no snapshot
// (TR3), so the clone is of the volume. CreateSnapshot is covered above.
func TestTridentCloneSnapshotIDZero(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "trident"})["accountID"])
	v := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "src", "accountID": acct, "totalSize": 1e9})["volumeID"])

	r := s.OK("CloneVolume", map[string]any{"volumeID": v, "name": "pvc-clone", "snapshotID": 0, "attributes": nil})
	require.Positive(t, apitest.Int(t, r["volumeID"]))
	require.Equal(t, "pvc-clone", apitest.Obj(t, r, "volume")["name"])
	s.Fail("CloneVolume", map[string]any{"volumeID": v, "name": "other", "snapshotID": 99}, "xSnapshotIDDoesNotExist")
}

// TestTridentRollbackEmptyName: Trident's RestoreSnapshot sends
// "saveCurrentState": false, "name": "", "attributes": null; an empty name is
// no name (TR4), with or without saving the current state, while a name
// too long is still refused.
func TestTridentRollbackEmptyName(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "trident"})["accountID"])
	v := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "a", "accountID": acct, "totalSize": 1e9})["volumeID"])
	sn := apitest.Int(t, s.OK("CreateSnapshot", map[string]any{"volumeID": v, "name": "snapshot-1"})["snapshotID"])
	s.OK("ModifyVolume", map[string]any{"volumeID": v, "totalSize": 2e9})

	r := s.OK("RollbackToSnapshot", map[string]any{"volumeID": v, "snapshotID": sn, "saveCurrentState": false, "name": "", "attributes": nil})
	require.Nil(t, r["snapshotID"], "no snapshot of the current state")
	require.NotEmpty(t, r["checksum"])
	vol := objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{v}})["volumes"])[0]
	require.Equal(t, int64(1000341504), apitest.Int(t, vol["totalSize"]), "rolled back to the snapshot's size")

	r = s.OK("RollbackToSnapshot", map[string]any{"volumeID": v, "snapshotID": sn, "saveCurrentState": true, "name": ""})
	require.Positive(t, apitest.Int(t, r["snapshotID"]))
	require.NotEmpty(t, apitest.Obj(t, r, "snapshot")["name"], "the saved state gets the default name")

	long := string(make([]byte, 300))
	s.Fail("RollbackToSnapshot", map[string]any{"volumeID": v, "snapshotID": sn, "saveCurrentState": true, "name": long}, "xInvalidParameter")
}
