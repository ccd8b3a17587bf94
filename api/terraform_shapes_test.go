package api_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// TestStorageTerraformProviderShapes sends the requests of
// terraform-provider-netapp-elementsw exactly as it builds them (fatih/structs
// maps: null attributes and lists, zero-valued members it never meant to set,
// an unknown "id") and checks the members of the answers it reads. The
// provider itself runs against the emulator in interop/terraform; this keeps
// the same contract in the main module's tests (decision TF3).
func TestStorageTerraformProviderShapes(t *testing.T) {
	s := apitest.NewServer(t)

	// AddAccount: result.account.accountID.
	acct := apitest.Obj(t, s.OK("AddAccount", map[string]any{"username": "tf-owner"}), "account")
	accountID := apitest.Int(t, acct["accountID"])
	// ModifyAccount with username and both secrets; GetAccountByID reads them.
	s.OK("ModifyAccount", map[string]any{"accountID": accountID, "username": "tf-owner-2",
		"initiatorSecret": "SecretSecret1", "targetSecret": "ABC123456XYZ"})
	acct = apitest.Obj(t, s.OK("GetAccountByID", map[string]any{"accountID": accountID}), "account")
	require.Equal(t, "tf-owner-2", acct["username"])
	require.Equal(t, "SecretSecret1", acct["initiatorSecret"])
	require.Equal(t, "ABC123456XYZ", acct["targetSecret"])
	require.Equal(t, "active", acct["status"])
	// The account resource's Exists compares the error name.
	s.Fail("GetAccountByID", map[string]any{"accountID": 999}, "xUnknownAccount")

	// CreateVolume with "attributes": null; result.volumeID and result.volume.iqn.
	r := s.OK("CreateVolume", map[string]any{"name": "tf-vol", "accountID": accountID, "totalSize": 1000000000,
		"enable512e": true, "attributes": nil, "qos": map[string]any{"minIOPS": 500, "maxIOPS": 10000, "burstIOPS": 10000}})
	volumeID := apitest.Int(t, r["volumeID"])
	require.NotEmpty(t, apitest.Obj(t, r, "volume")["iqn"])
	// ModifyVolume sends accountID, null attributes, the whole qos and totalSize.
	s.OK("ModifyVolume", map[string]any{"volumeID": volumeID, "accountID": accountID, "attributes": nil,
		"qos": map[string]any{"minIOPS": 1000, "maxIOPS": 12000, "burstIOPS": 15000}, "totalSize": 2000000000})
	vols := objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{volumeID}, "includeVirtualVolumes": false})["volumes"])
	require.Len(t, vols, 1)
	require.Equal(t, "tf-vol", vols[0]["name"])
	// Listing by account, and by account and name.
	require.Len(t, objs(t, s.OK("ListVolumes", map[string]any{"accounts": []int64{accountID}})["volumes"]), 1)
	require.Len(t, objs(t, s.OK("ListVolumes", map[string]any{"accounts": []int64{accountID}, "volumeName": "tf-vol"})["volumes"]), 1)

	// CreateVolumeAccessGroup with null initiators and attributes and an
	// unknown "id": 0; result.volumeAccessGroupID at the top level.
	r = s.OK("CreateVolumeAccessGroup", map[string]any{"name": "tf-group", "initiators": nil, "volumes": []int64{volumeID},
		"attributes": nil, "id": 0})
	groupID := apitest.Int(t, r["volumeAccessGroupID"])

	// CreateInitiators into the group; result.initiators[0].initiatorID.
	const iqn = "iqn.2022-02.com.netapp:terraform-acceptance-test"
	ins := objs(t, s.OK("CreateInitiators", map[string]any{"initiators": []any{
		map[string]any{"name": iqn, "alias": "tf-alias", "volumeAccessGroupID": groupID}}})["initiators"])
	initiatorID := apitest.Int(t, ins[0]["initiatorID"])

	// ModifyVolumeAccessGroup as the provider sends it: "initiators": null
	// and "attributes": null leave them alone, volumes replaced.
	s.OK("ModifyVolumeAccessGroup", map[string]any{"volumeAccessGroupID": groupID, "name": "tf-group-2", "attributes": nil,
		"initiators": nil, "deleteOrphanInitiators": false, "volumes": []int64{volumeID}})
	g := objs(t, s.OK("ListVolumeAccessGroups", map[string]any{"volumeAccessGroups": []int64{groupID}})["volumeAccessGroups"])
	require.Len(t, g, 1)
	require.Equal(t, apitest.Int(t, g[0]["volumeAccessGroupID"]), groupID)
	require.Equal(t, "tf-group-2", g[0]["name"])
	require.Equal(t, []any{iqn}, g[0]["initiators"], "initiators are names")
	require.Equal(t, []int64{volumeID}, ids(t, g[0]["volumes"]))

	// ListInitiators by ID: initiatorName, alias, volumeAccessGroups.
	in := objs(t, s.OK("ListInitiators", map[string]any{"initiators": []int64{initiatorID}})["initiators"])
	require.Len(t, in, 1)
	require.Equal(t, iqn, in[0]["initiatorName"])
	require.Equal(t, "tf-alias", in[0]["alias"])
	require.Equal(t, []int64{groupID}, ids(t, in[0]["volumeAccessGroups"]))
	// ModifyInitiators without volumeAccessGroupID keeps the group.
	s.OK("ModifyInitiators", map[string]any{"initiators": []any{map[string]any{"initiatorID": initiatorID, "alias": "tf-alias-2"}}})

	// DeleteVolumeAccessGroup of a group holding the initiator keeps the
	// initiator (deleteOrphanInitiators false); the group is then reported
	// in volumeAccessGroupsNotFound, which the provider's CheckDestroy reads.
	s.OK("DeleteVolumeAccessGroup", map[string]any{"volumeAccessGroupID": groupID, "deleteOrphanInitiators": false, "force": false})
	r = s.OK("ListVolumeAccessGroups", map[string]any{"volumeAccessGroups": []int64{groupID}})
	require.Empty(t, objs(t, r["volumeAccessGroups"]))
	require.Equal(t, []int64{groupID}, ids(t, r["volumeAccessGroupsNotFound"]))
	in = objs(t, s.OK("ListInitiators", map[string]any{"initiators": []int64{initiatorID}})["initiators"])
	require.Len(t, in, 1)
	require.Equal(t, "tf-alias-2", in[0]["alias"])
	require.Empty(t, ids(t, in[0]["volumeAccessGroups"]))
	s.OK("DeleteInitiators", map[string]any{"initiators": []int64{initiatorID}})

	// DeleteVolume, PurgeDeletedVolume; ListVolumes by ID is then empty
	// (the volume resource's CheckDestroy); RemoveAccount.
	s.OK("DeleteVolume", map[string]any{"volumeID": volumeID})
	s.OK("PurgeDeletedVolume", map[string]any{"volumeID": volumeID})
	require.Empty(t, objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{volumeID}, "includeVirtualVolumes": false})["volumes"]))
	s.OK("RemoveAccount", map[string]any{"accountID": accountID})
	s.Fail("GetAccountByID", map[string]any{"accountID": accountID}, "xUnknownAccount")
}
