package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// Storage lifecycle through the real HTTP server and SQLite store
// (docs/storage.md): account → volumes → access group → snapshot → clone →
// delete → purge, each step checked by what the listing methods show.

func ids(t *testing.T, v any) []int64 {
	t.Helper()
	list, ok := v.([]any)
	require.True(t, ok, "not a list: %v", v)
	out := make([]int64, 0, len(list))
	for _, x := range list {
		out = append(out, apitest.Int(t, x))
	}
	return out
}

func objs(t *testing.T, v any) []map[string]any {
	t.Helper()
	list, ok := v.([]any)
	require.True(t, ok, "not a list: %v", v)
	out := make([]map[string]any, 0, len(list))
	for _, x := range list {
		out = append(out, x.(map[string]any))
	}
	return out
}

func TestStorageAccounts(t *testing.T) {
	s := apitest.NewServer(t)
	r := s.OK("AddAccount", map[string]any{"username": "tenant-a"})
	id := apitest.Int(t, r["accountID"])
	acct := apitest.Obj(t, r, "account")
	for _, k := range []string{"initiatorSecret", "targetSecret"} {
		sec := acct[k].(string)
		require.GreaterOrEqual(t, len(sec), 12, k)
		require.LessOrEqual(t, len(sec), 16, k)
	}
	require.NotEqual(t, acct["initiatorSecret"], acct["targetSecret"])
	require.Equal(t, "active", acct["status"])
	require.Empty(t, ids(t, acct["volumes"]))

	s.Fail("AddAccount", map[string]any{"username": "tenant-a"}, "xDuplicateUsername")
	byName := apitest.Obj(t, s.OK("GetAccountByName", map[string]any{"username": "tenant-a"}), "account")
	require.Equal(t, id, apitest.Int(t, byName["accountID"]))
	s.Fail("GetAccountByName", map[string]any{"username": "nobody"}, "xUnknownAccount")
	s.Fail("GetAccountByID", map[string]any{"accountID": 999}, "xUnknownAccount")

	r = s.OK("AddAccount", map[string]any{"username": "tenant-b", "initiatorSecret": "abcdefghijkl", "targetSecret": "mnopqrstuvwx",
		"attributes": map[string]any{"team": "b"}})
	b := apitest.Obj(t, r, "account")
	require.Equal(t, "abcdefghijkl", b["initiatorSecret"])
	require.Equal(t, map[string]any{"team": "b"}, b["attributes"])

	m := apitest.Obj(t, s.OK("ModifyAccount", map[string]any{"accountID": id, "username": "tenant-a2", "status": "locked"}), "account")
	require.Equal(t, "tenant-a2", m["username"])
	require.Equal(t, "locked", m["status"])
	s.Fail("ModifyAccount", map[string]any{"accountID": id, "username": "tenant-b"}, "xDuplicateUsername")

	list := objs(t, s.OK("ListAccounts", nil)["accounts"])
	require.Len(t, list, 2)
	page := objs(t, s.OK("ListAccounts", map[string]any{"startAccountID": 2, "limit": 1})["accounts"])
	require.Len(t, page, 1)
	require.Equal(t, "tenant-b", page[0]["username"])

	eff := s.OK("GetAccountEfficiency", map[string]any{"accountID": id})
	require.Contains(t, eff, "thinProvisioning")

	// An account that owns a volume, deleted or not, cannot be removed.
	vol := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "v1", "accountID": id, "totalSize": 1e9})["volumeID"])
	s.Fail("RemoveAccount", map[string]any{"accountID": id}, "xAPINotPermitted")
	s.OK("DeleteVolume", map[string]any{"volumeID": vol})
	s.Fail("RemoveAccount", map[string]any{"accountID": id}, "xAPINotPermitted")
	s.OK("PurgeDeletedVolume", map[string]any{"volumeID": vol})
	s.OK("RemoveAccount", map[string]any{"accountID": id})
	s.Fail("GetAccountByID", map[string]any{"accountID": id}, "xUnknownAccount")
}

func TestStorageVolumeLifecycle(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "trident"})["accountID"])
	capBefore := apitest.Obj(t, s.OK("GetClusterCapacity", nil), "clusterCapacity")
	require.Equal(t, int64(0), apitest.Int(t, capBefore["provisionedSpace"]))

	r := s.OK("CreateVolume", map[string]any{"name": "pvc-1", "accountID": acct, "totalSize": 1000000000, "enable512e": true,
		"qos": map[string]any{"minIOPS": 100, "maxIOPS": 1000, "burstIOPS": 2000}, "attributes": map[string]any{"fstype": "ext4"}})
	v1 := apitest.Int(t, r["volumeID"])
	vol := apitest.Obj(t, r, "volume")
	require.Equal(t, int64(1000341504), apitest.Int(t, vol["totalSize"]), "sizes round up to whole MiB")
	require.Equal(t, "readWrite", vol["access"])
	require.Equal(t, true, vol["enable512e"])
	require.Equal(t, "active", vol["status"])
	require.Contains(t, vol["iqn"], "iqn.2010-01.com.solidfire:")
	require.Contains(t, vol["iqn"], ".pvc-1.")
	q := apitest.Obj(t, vol, "qos")
	require.Equal(t, int64(2000), apitest.Int(t, q["burstIOPS"]))
	require.Contains(t, apitest.Obj(t, q, "curve"), "4096")
	require.Nil(t, vol["qosPolicyID"])

	v2 := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "pvc-2", "accountID": acct, "totalSize": 2e9, "enable512e": false})["volumeID"])
	capAfter := apitest.Obj(t, s.OK("GetClusterCapacity", nil), "clusterCapacity")
	require.Equal(t, int64(1000341504+2000683008), apitest.Int(t, capAfter["provisionedSpace"]))

	// Paging and filters.
	require.Equal(t, []int64{v1, v2}, volIDs(t, s.OK("ListVolumes", nil)))
	require.Equal(t, []int64{v2}, volIDs(t, s.OK("ListVolumes", map[string]any{"startVolumeID": v2})))
	require.Equal(t, []int64{v1}, volIDs(t, s.OK("ListVolumes", map[string]any{"limit": 1})))
	require.Equal(t, []int64{v2}, volIDs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{v2}})))
	require.Equal(t, []int64{v1}, volIDs(t, s.OK("ListVolumes", map[string]any{"volumeName": "pvc-1"})))
	require.Equal(t, []int64{v1, v2}, volIDs(t, s.OK("ListVolumesForAccount", map[string]any{"accountID": acct})))
	require.Equal(t, []int64{v1, v2}, volIDs(t, s.OK("ListActiveVolumes", nil)))
	a := apitest.Obj(t, s.OK("GetAccountByID", map[string]any{"accountID": acct}), "account")
	require.Equal(t, []int64{v1, v2}, ids(t, a["volumes"]))

	// Modify: grow, access, QoS; shrinking is refused.
	m := apitest.Obj(t, s.OK("ModifyVolume", map[string]any{"volumeID": v1, "totalSize": 3e9, "access": "readOnly",
		"qos": map[string]any{"maxIOPS": 5000}}), "volume")
	require.Equal(t, "readOnly", m["access"])
	require.Equal(t, int64(5000), apitest.Int(t, apitest.Obj(t, m, "qos")["maxIOPS"]))
	require.Equal(t, int64(5000), apitest.Int(t, apitest.Obj(t, m, "qos")["burstIOPS"]), "burst follows a raised max")
	s.Fail("ModifyVolume", map[string]any{"volumeID": v1, "totalSize": 1e9}, "xInvalidParameter")

	// Stats and efficiency.
	st := apitest.Obj(t, s.OK("GetVolumeStats", map[string]any{"volumeID": v1}), "volumeStats")
	require.Equal(t, v1, apitest.Int(t, st["volumeID"]))
	require.Len(t, objs(t, s.OK("ListVolumeStatsByVolume", nil)["volumeStats"]), 2)
	require.Len(t, objs(t, s.OK("ListVolumeStats", map[string]any{"volumeIDs": []int64{v2}})["volumeStats"]), 1)
	require.Contains(t, s.OK("GetVolumeEfficiency", map[string]any{"volumeID": v1}), "compression")

	// Delete, list deleted, restore, delete again, purge on the clock.
	d := apitest.Obj(t, s.OK("DeleteVolume", map[string]any{"volumeID": v1}), "volume")
	require.Equal(t, "deleted", d["status"])
	require.NotEmpty(t, d["purgeTime"])
	require.Equal(t, []int64{v2}, volIDs(t, s.OK("ListVolumes", nil)))
	require.Equal(t, []int64{v1}, volIDs(t, s.OK("ListDeletedVolumes", nil)))
	require.Equal(t, []int64{v1}, volIDs(t, s.OK("ListVolumes", map[string]any{"volumeStatus": "deleted"})))
	s.Fail("GetVolumeStats", map[string]any{"volumeID": v1}, "xVolumeIDDoesNotExist")
	s.Fail("DeleteVolume", map[string]any{"volumeID": v1}, "xVolumeIDDoesNotExist")
	s.OK("RestoreDeletedVolume", map[string]any{"volumeID": v1})
	require.Equal(t, []int64{v1, v2}, volIDs(t, s.OK("ListVolumes", nil)))
	s.Fail("RestoreDeletedVolume", map[string]any{"volumeID": v1}, "xAPINotPermitted")
	s.Fail("PurgeDeletedVolume", map[string]any{"volumeID": v1}, "xAPINotPermitted")

	dv := objs(t, s.OK("DeleteVolumes", map[string]any{"volumeIDs": []int64{v1, v2}})["volumes"])
	require.Len(t, dv, 2)
	s.Advance(8*3600 - 1)
	require.Len(t, objs(t, s.OK("ListDeletedVolumes", nil)["volumes"]), 2)
	s.Advance(1)
	require.Empty(t, objs(t, s.OK("ListDeletedVolumes", nil)["volumes"]), "deleted volumes are purged after 8 hours")
	capEnd := apitest.Obj(t, s.OK("GetClusterCapacity", nil), "clusterCapacity")
	require.Equal(t, int64(0), apitest.Int(t, capEnd["provisionedSpace"]))
}

func volIDs(t *testing.T, r map[string]any) []int64 {
	t.Helper()
	out := []int64{}
	for _, v := range objs(t, r["volumes"]) {
		out = append(out, apitest.Int(t, v["volumeID"]))
	}
	return out
}

func TestStorageAccessGroupsAndInitiators(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "k8s"})["accountID"])
	v1 := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "a", "accountID": acct, "totalSize": 1e9})["volumeID"])
	v2 := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "b", "accountID": acct, "totalSize": 1e9})["volumeID"])

	iqn := "iqn.1993-08.org.debian:01:abcdef"
	r := s.OK("CreateVolumeAccessGroup", map[string]any{"name": "trident-vag", "initiators": []any{iqn}, "volumes": []int64{v1}})
	gid := apitest.Int(t, r["volumeAccessGroupID"])
	g := apitest.Obj(t, r, "volumeAccessGroup")
	require.Equal(t, []any{iqn}, g["initiators"])
	require.Equal(t, []int64{v1}, ids(t, g["volumes"]))

	g = apitest.Obj(t, s.OK("AddVolumesToVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid, "volumes": []int64{v2}}), "volumeAccessGroup")
	require.Equal(t, []int64{v1, v2}, ids(t, g["volumes"]))
	s.Fail("AddVolumesToVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid, "volumes": []int64{v2}}, "xAlreadyInVolumeAccessGroup")
	s.Fail("AddInitiatorsToVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid, "initiators": []any{iqn}}, "xAlreadyInVolumeAccessGroup")
	s.Fail("AddVolumesToVolumeAccessGroup", map[string]any{"volumeAccessGroupID": 99, "volumes": []int64{v2}}, "xVolumeAccessGroupIDDoesNotExist")
	vol := objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{v2}})["volumes"])[0]
	require.Equal(t, []int64{gid}, ids(t, vol["volumeAccessGroups"]))

	wwpn := "21:00:00:24:ff:48:ab:cd"
	g = apitest.Obj(t, s.OK("AddInitiatorsToVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid, "initiators": []any{wwpn}}), "volumeAccessGroup")
	require.Len(t, g["initiators"], 2)
	s.Fail("AddInitiatorsToVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid, "initiators": []any{"not-an-iqn"}}, "xInvalidParameter")

	// Initiator objects.
	ins := objs(t, s.OK("CreateInitiators", map[string]any{"initiators": []any{
		map[string]any{"name": "iqn.2010-01.com.example:host2", "alias": "host2", "volumeAccessGroupID": gid},
		map[string]any{"name": "iqn.2010-01.com.example:host3", "requireChap": true},
	}})["initiators"])
	require.Len(t, ins, 2)
	require.Equal(t, []int64{gid}, ids(t, ins[0]["volumeAccessGroups"]))
	require.Equal(t, "iqn.2010-01.com.example:host3", ins[1]["chapUsername"])
	require.NotEmpty(t, ins[1]["initiatorSecret"])
	s.Fail("CreateInitiators", map[string]any{"initiators": []any{map[string]any{"name": "iqn.2010-01.com.example:host2"}}}, "xInitiatorExists")
	all := objs(t, s.OK("ListInitiators", nil)["initiators"])
	require.Len(t, all, 4)
	i3 := apitest.Int(t, ins[1]["initiatorID"])
	mod := objs(t, s.OK("ModifyInitiators", map[string]any{"initiators": []any{map[string]any{"initiatorID": i3, "alias": "h3",
		"volumeAccessGroupID": gid}}})["initiators"])
	require.Equal(t, "h3", mod[0]["alias"])
	s.Fail("ModifyInitiators", map[string]any{"initiators": []any{map[string]any{"initiatorID": 999}}}, "xInitiatorDoesNotExist")

	g = apitest.Obj(t, s.OK("RemoveInitiatorsFromVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid, "initiators": []any{wwpn}}), "volumeAccessGroup")
	require.Len(t, g["initiators"], 3)
	s.Fail("RemoveVolumesFromVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid, "volumes": []int64{999}}, "xNotInVolumeAccessGroup")
	g = apitest.Obj(t, s.OK("RemoveVolumesFromVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid, "volumes": []int64{v1}}), "volumeAccessGroup")
	require.Equal(t, []int64{v2}, ids(t, g["volumes"]))

	g = apitest.Obj(t, s.OK("ModifyVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid, "name": "renamed", "volumes": []int64{v1, v2}}), "volumeAccessGroup")
	require.Equal(t, "renamed", g["name"])

	// A deleted volume shows in deletedVolumes until purged.
	s.OK("DeleteVolume", map[string]any{"volumeID": v1})
	g = objs(t, s.OK("ListVolumeAccessGroups", nil)["volumeAccessGroups"])[0]
	require.Equal(t, []int64{v2}, ids(t, g["volumes"]))
	require.Equal(t, []int64{v1}, ids(t, g["deletedVolumes"]))
	s.OK("PurgeDeletedVolume", map[string]any{"volumeID": v1})
	g = objs(t, s.OK("ListVolumeAccessGroups", nil)["volumeAccessGroups"])[0]
	require.Empty(t, ids(t, g["deletedVolumes"]))
	nf := s.OK("ListVolumeAccessGroups", map[string]any{"volumeAccessGroups": []int64{gid, 77}})
	require.Equal(t, []int64{77}, ids(t, nf["volumeAccessGroupsNotFound"]))

	s.OK("DeleteInitiators", map[string]any{"initiators": []int64{i3}})
	s.OK("DeleteVolumeAccessGroup", map[string]any{"volumeAccessGroupID": gid, "deleteOrphanInitiators": true})
	require.Empty(t, objs(t, s.OK("ListVolumeAccessGroups", nil)["volumeAccessGroups"]))
	require.Len(t, objs(t, s.OK("ListInitiators", nil)["initiators"]), 1, "only the initiator that was never in the group is left")
}

func TestStorageSnapshotsAndClones(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "snap"})["accountID"])
	v := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "src", "accountID": acct, "totalSize": 1e9})["volumeID"])

	r := s.OK("CreateSnapshot", map[string]any{"volumeID": v, "name": "before-grow", "retention": "01:00:00"})
	sn := apitest.Int(t, r["snapshotID"])
	snap := apitest.Obj(t, r, "snapshot")
	require.Equal(t, "api", snap["expirationReason"])
	require.Equal(t, r["checksum"], snap["checksum"])
	s.OK("ModifyVolume", map[string]any{"volumeID": v, "totalSize": 2e9})

	// Rollback restores the size and can save the current state first.
	rb := s.OK("RollbackToSnapshot", map[string]any{"volumeID": v, "snapshotID": sn, "saveCurrentState": true, "name": "saved"})
	saved := apitest.Int(t, rb["snapshotID"])
	vol := objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{v}})["volumes"])[0]
	require.Equal(t, int64(1000341504), apitest.Int(t, vol["totalSize"]))
	list := objs(t, s.OK("ListSnapshots", map[string]any{"volumeID": v})["snapshots"])
	require.Len(t, list, 2)
	require.Equal(t, int64(2000683008), apitest.Int(t, list[1]["totalSize"]))
	s.Fail("RollbackToSnapshot", map[string]any{"volumeID": v, "snapshotID": 999, "saveCurrentState": false}, "xSnapshotIDDoesNotExist")

	m := apitest.Obj(t, s.OK("ModifySnapshot", map[string]any{"snapshotID": saved, "name": "kept", "enableRemoteReplication": true}), "snapshot")
	require.Equal(t, "kept", m["name"])
	require.Equal(t, true, m["enableRemoteReplication"])

	// Clone from a snapshot: an async handle that completes on the clock.
	c := s.OK("CloneVolume", map[string]any{"volumeID": v, "name": "clone-1", "snapshotID": saved})
	h := apitest.Int(t, c["asyncHandle"])
	cv := apitest.Int(t, c["volumeID"])
	require.Equal(t, int64(2000683008), apitest.Int(t, apitest.Obj(t, c, "volume")["totalSize"]))
	ar := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
	require.Equal(t, "running", ar["status"])
	require.Equal(t, "Clone", ar["resultType"])
	s.Advance(2)
	ar = s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})
	require.Equal(t, "complete", ar["status"])
	res := apitest.Obj(t, ar, "result")
	require.Equal(t, cv, apitest.Int(t, res["volumeID"]))
	require.Equal(t, apitest.Int(t, c["cloneID"]), apitest.Int(t, res["cloneID"]))

	// The 1-hour retention expires on the clock.
	s.Advance(3600)
	left := objs(t, s.OK("ListSnapshots", map[string]any{"volumeID": v})["snapshots"])
	require.Len(t, left, 1)
	require.Equal(t, saved, apitest.Int(t, left[0]["snapshotID"]))
	s.OK("DeleteSnapshot", map[string]any{"snapshotID": saved})
	s.Fail("DeleteSnapshot", map[string]any{"snapshotID": saved}, "xSnapshotIDDoesNotExist")

	// QoS defaults and policies.
	dq := s.OK("GetDefaultQoS", nil)
	require.Equal(t, int64(50), apitest.Int(t, dq["minIOPS"]))
	require.Equal(t, int64(15000), apitest.Int(t, dq["maxIOPS"]))
	p := apitest.Obj(t, s.OK("CreateQoSPolicy", map[string]any{"name": "gold", "qos": map[string]any{"minIOPS": 1000, "maxIOPS": 10000, "burstIOPS": 20000}}), "qosPolicy")
	pid := apitest.Int(t, p["qosPolicyID"])
	pv := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "gold-vol", "accountID": acct, "totalSize": 1e9, "qosPolicyID": pid})["volumeID"])
	got := apitest.Obj(t, s.OK("GetQoSPolicy", map[string]any{"qosPolicyID": pid}), "qosPolicy")
	require.Equal(t, []int64{pv}, ids(t, got["volumeIDs"]))
	s.OK("ModifyQoSPolicy", map[string]any{"qosPolicyID": pid, "qos": map[string]any{"maxIOPS": 12000}})
	vol = objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{pv}})["volumes"])[0]
	require.Equal(t, int64(12000), apitest.Int(t, apitest.Obj(t, vol, "qos")["maxIOPS"]))
	require.Equal(t, pid, apitest.Int(t, vol["qosPolicyID"]))
	s.Fail("DeleteQoSPolicy", map[string]any{"qosPolicyID": pid}, "xAPINotPermitted")
	require.Len(t, objs(t, s.OK("ListQoSPolicies", nil)["qosPolicies"]), 1)
}

func TestStorageHardwareInfo(t *testing.T) {
	s := apitest.NewServer(t)
	hw := apitest.Obj(t, s.OK("GetClusterHardwareInfo", nil), "clusterHardwareInfo")
	require.Len(t, apitest.Obj(t, hw, "nodes"), 4)
	drives := apitest.Obj(t, hw, "drives")
	require.Len(t, drives, 4)
	require.Len(t, drives["1"], 10)
	only := apitest.Obj(t, s.OK("GetClusterHardwareInfo", map[string]any{"type": "nodes"}), "clusterHardwareInfo")
	require.NotContains(t, only, "drives")
}

// TestStorageResetAndSnapshot: an emulator reset wipes the storage domain,
// and a saved emulator snapshot carries it.
func TestStorageResetAndSnapshot(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "keep"})["accountID"])
	s.OK("CreateVolume", map[string]any{"name": "kept", "accountID": acct, "totalSize": 1e9})
	status, body := s.Control(http.MethodPost, "snapshot", map[string]any{"name": "with-storage"})
	require.Equal(t, http.StatusOK, status, body)

	status, body = s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status, body)
	require.Empty(t, objs(t, s.OK("ListAccounts", nil)["accounts"]))
	require.Empty(t, objs(t, s.OK("ListVolumes", nil)["volumes"]))
	// IDs start over after a reset.
	require.Equal(t, int64(1), apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "fresh"})["accountID"]))

	status, body = s.Control(http.MethodPost, "restore", map[string]any{"name": "with-storage"})
	require.Equal(t, http.StatusOK, status, body)
	accts := objs(t, s.OK("ListAccounts", nil)["accounts"])
	require.Len(t, accts, 1)
	require.Equal(t, "keep", accts[0]["username"])
	require.Len(t, objs(t, s.OK("ListVolumes", nil)["volumes"]), 1)
}

// TestStorageCapacityExhaustion fills the provisionable space with 16 TiB
// volumes: the next one gets xSliceFull and changes nothing; deleting one
// does not free space until it is purged.
func TestStorageCapacityExhaustion(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "big"})["accountID"])
	limit := apitest.Int(t, apitest.Obj(t, s.OK("GetClusterCapacity", nil), "clusterCapacity")["maxOverProvisionableSpace"])
	const size = 17592186044416
	n := limit / size
	require.Greater(t, n, int64(0))
	var last int64
	for i := int64(0); i < n; i++ {
		last = apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "big", "accountID": acct, "totalSize": size})["volumeID"])
	}
	s.Fail("CreateVolume", map[string]any{"name": "big", "accountID": acct, "totalSize": size}, "xSliceFull")
	s.Fail("CloneVolume", map[string]any{"volumeID": last, "name": "copy"}, "xSliceFull")
	require.Len(t, objs(t, s.OK("ListVolumes", nil)["volumes"]), int(n))

	s.OK("DeleteVolume", map[string]any{"volumeID": last})
	s.Fail("CreateVolume", map[string]any{"name": "big", "accountID": acct, "totalSize": size}, "xSliceFull")
	s.OK("PurgeDeletedVolume", map[string]any{"volumeID": last})
	s.OK("CreateVolume", map[string]any{"name": "big", "accountID": acct, "totalSize": size})
}

// TestStorageClusterSettings: features turn on for good, and the full
// threshold's over-provisioning factor moves the provisionable space that
// GetClusterCapacity reports and CreateVolume enforces.
func TestStorageClusterSettings(t *testing.T) {
	s := apitest.NewServer(t)
	fs := objs(t, s.OK("GetFeatureStatus", nil)["features"])
	require.Len(t, fs, 4)
	for _, f := range fs {
		require.Equal(t, false, f["enabled"], f["feature"])
	}
	s.OK("EnableFeature", map[string]any{"feature": "vvols"})
	s.OK("EnableFeature", map[string]any{"feature": "vvols"})
	vv := objs(t, s.OK("GetFeatureStatus", map[string]any{"feature": "vvols"})["features"])
	require.Equal(t, []map[string]any{{"enabled": true, "feature": "vvols"}}, vv)
	s.Fail("EnableFeature", map[string]any{"feature": "dedupe"}, "xUnrecognizedEnumString")

	th := s.OK("GetClusterFullThreshold", nil)
	require.Equal(t, int64(5), apitest.Int(t, th["maxMetadataOverProvisionFactor"]))
	require.Equal(t, "stage1Happy", th["fullness"])
	capBefore := apitest.Obj(t, s.OK("GetClusterCapacity", nil), "clusterCapacity")
	maxProv := apitest.Int(t, capBefore["maxProvisionedSpace"])
	require.Equal(t, 5*maxProv, apitest.Int(t, capBefore["maxOverProvisionableSpace"]))

	th = s.OK("ModifyClusterFullThreshold", map[string]any{"maxMetadataOverProvisionFactor": 1, "stage3BlockThresholdPercent": 10})
	require.Equal(t, int64(1), apitest.Int(t, th["maxMetadataOverProvisionFactor"]))
	require.Equal(t, int64(10), apitest.Int(t, th["stage3BlockThresholdPercent"]))
	capAfter := apitest.Obj(t, s.OK("GetClusterCapacity", nil), "clusterCapacity")
	require.Equal(t, maxProv, apitest.Int(t, capAfter["maxOverProvisionableSpace"]))

	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "x"})["accountID"])
	n := maxProv / 17592186044416
	for i := int64(0); i < n; i++ {
		s.OK("CreateVolume", map[string]any{"name": "big", "accountID": acct, "totalSize": 17592186044416})
	}
	s.Fail("CreateVolume", map[string]any{"name": "big", "accountID": acct, "totalSize": 17592186044416}, "xSliceFull")
	s.OK("ModifyClusterFullThreshold", map[string]any{"maxMetadataOverProvisionFactor": 5})
	s.OK("CreateVolume", map[string]any{"name": "big", "accountID": acct, "totalSize": 17592186044416})
}

func TestStorageGroupSnapshots(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "g"})["accountID"])
	v1 := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "a", "accountID": acct, "totalSize": 1e9})["volumeID"])
	v2 := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "b", "accountID": acct, "totalSize": 1e9})["volumeID"])
	r := s.OK("CreateGroupSnapshot", map[string]any{"volumes": []int64{v1, v2}, "name": "consistent"})
	gid := apitest.Int(t, r["groupSnapshotID"])
	require.Len(t, objs(t, r["members"]), 2)
	g := apitest.Obj(t, r, "groupSnapshot")
	require.Equal(t, "consistent", g["name"])
	require.Len(t, objs(t, g["members"]), 2)
	require.Len(t, objs(t, s.OK("ListSnapshots", map[string]any{"volumeID": v1})["snapshots"]), 1)
	require.Len(t, objs(t, s.OK("ListGroupSnapshots", map[string]any{"volumes": []int64{v2}})["groupSnapshots"]), 1)

	s.OK("ModifyVolume", map[string]any{"volumeID": v1, "totalSize": 3e9})
	saved := s.OK("RollbackToGroupSnapshot", map[string]any{"groupSnapshotID": gid, "saveCurrentState": true, "name": "before-rollback"})
	require.NotEqual(t, gid, apitest.Int(t, saved["groupSnapshotID"]))
	vol := objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{v1}})["volumes"])[0]
	require.Equal(t, int64(1000341504), apitest.Int(t, vol["totalSize"]))
	require.Len(t, objs(t, s.OK("ListGroupSnapshots", nil)["groupSnapshots"]), 2)

	m := apitest.Obj(t, s.OK("ModifyGroupSnapshot", map[string]any{"groupSnapshotID": gid, "name": "renamed"}), "groupSnapshot")
	require.Equal(t, "renamed", m["name"])
	s.OK("DeleteGroupSnapshot", map[string]any{"groupSnapshotID": gid, "saveMembers": true})
	left := objs(t, s.OK("ListSnapshots", map[string]any{"volumeID": v1})["snapshots"])
	require.Len(t, left, 2, "the saved members stay as ordinary snapshots")
	s.Fail("ListGroupSnapshots", map[string]any{"groupSnapshotID": gid}, "xGroupSnapshotIDDoesNotExist")
	s.OK("DeleteGroupSnapshot", map[string]any{"groupSnapshotID": apitest.Int(t, saved["groupSnapshotID"]), "saveMembers": false})
	require.Len(t, objs(t, s.OK("ListSnapshots", nil)["snapshots"]), 2)
}

// TestStorageSchedules: schedules take snapshots on the emulator clock,
// with retention; a paused one stops; a missing volume marks the run failed.
func TestStorageSchedules(t *testing.T) {
	s := apitest.NewServer(t) // the clock starts at 10:00 UTC on a Wednesday
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "sched"})["accountID"])
	v1 := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "a", "accountID": acct, "totalSize": 1e9})["volumeID"])
	v2 := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "b", "accountID": acct, "totalSize": 1e9})["volumeID"])

	hourly := apitest.Int(t, s.OK("CreateSchedule", map[string]any{"scheduleName": "hourly", "scheduleType": "Snapshot",
		"attributes": map[string]any{"frequency": "Time Interval"}, "hours": 1, "minutes": 0,
		"scheduleInfo": map[string]any{"volumeID": v1, "name": "hourly", "retention": "02:00:00"}})["scheduleID"])
	daily := apitest.Int(t, s.OK("CreateSchedule", map[string]any{"scheduleName": "nightly", "attributes": map[string]any{"frequency": "Days Of Week"},
		"weekdays": []any{map[string]any{"day": 3, "offset": 1}, map[string]any{"day": 4, "offset": 1}}, "hours": 23, "minutes": 30,
		"scheduleInfo": map[string]any{"volumes": []int64{v1, v2}}})["scheduleID"])
	sc := apitest.Obj(t, s.OK("GetSchedule", map[string]any{"scheduleID": hourly}), "schedule")
	require.Equal(t, "Time Interval", apitest.Obj(t, sc, "attributes")["frequency"])
	require.Nil(t, sc["lastRunTimeStarted"])

	s.Advance(3600)
	require.Len(t, objs(t, s.OK("ListSnapshots", map[string]any{"volumeID": v1})["snapshots"]), 1)
	s.Advance(3600)
	require.Len(t, objs(t, s.OK("ListSnapshots", map[string]any{"volumeID": v1})["snapshots"]), 2)
	s.Advance(3600) // the first one expires as the third is taken
	snaps := objs(t, s.OK("ListSnapshots", map[string]any{"volumeID": v1})["snapshots"])
	require.Len(t, snaps, 2)
	require.Equal(t, "hourly", snaps[0]["name"])
	sc = apitest.Obj(t, s.OK("GetSchedule", map[string]any{"scheduleID": hourly}), "schedule")
	require.Equal(t, "Success", sc["lastRunStatus"])
	require.Equal(t, "2026-03-04T13:00:00Z", sc["lastRunTimeStarted"])

	s.OK("ModifySchedule", map[string]any{"scheduleID": hourly, "paused": true})
	s.Advance(11 * 3600) // midnight: the nightly group snapshot ran at 23:30
	gs := objs(t, s.OK("ListGroupSnapshots", nil)["groupSnapshots"])
	require.Len(t, gs, 1)
	require.Len(t, objs(t, gs[0]["members"]), 2)
	left := objs(t, s.OK("ListSnapshots", map[string]any{"volumeID": v1})["snapshots"])
	require.Len(t, left, 1, "the hourly ones expired and the paused schedule took nothing")
	require.Equal(t, "2026-03-04T23:30:00Z", left[0]["createTime"])

	s.OK("DeleteVolume", map[string]any{"volumeID": v2})
	s.Advance(24 * 3600)
	sc = apitest.Obj(t, s.OK("GetSchedule", map[string]any{"scheduleID": daily}), "schedule")
	require.Equal(t, "Failed", sc["lastRunStatus"])
	require.Equal(t, true, sc["hasError"])

	s.OK("ModifySchedule", map[string]any{"scheduleID": daily, "toBeDeleted": true})
	require.Len(t, objs(t, s.OK("ListSchedules", nil)["schedules"]), 1)
	s.Fail("GetSchedule", map[string]any{"scheduleID": daily}, "xScheduleIDDoesNotExist")
}

// TestStorageSurvivesRestart: the storage domain lives in the emulator's
// SQLite file, so a restart on the same data directory keeps it, and the
// clock-driven purge still applies afterwards.
func TestStorageSurvivesRestart(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "durable", "initiatorSecret": "abcdefghijkl"})["accountID"])
	v := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "d", "accountID": acct, "totalSize": 1e9})["volumeID"])
	s.OK("DeleteVolume", map[string]any{"volumeID": v})
	s = s.Restart()
	a := apitest.Obj(t, s.OK("GetAccountByID", map[string]any{"accountID": acct}), "account")
	require.Equal(t, "abcdefghijkl", a["initiatorSecret"])
	require.Equal(t, []int64{v}, volIDs(t, s.OK("ListDeletedVolumes", nil)))
	s.Advance(8 * 3600)
	require.Empty(t, volIDs(t, s.OK("ListDeletedVolumes", nil)))
	require.Equal(t, v+1, apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "e", "accountID": acct, "totalSize": 1e9})["volumeID"]))
}
