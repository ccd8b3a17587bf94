package api_test

import (
	"context"
	"strings"
	"testing"

	"github.com/scaleoutsean/solidfire-go/sdk"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// TestSolidFireGoStorage drives the storage surface through the unmodified
// solidfire-go SDK's typed client, in the order Trident's solidfire-san
// driver calls it: account, QoS defaults, capacity, hardware, volume,
// access group and initiators, snapshot, clone, rollback, delete, purge.
func TestSolidFireGoStorage(t *testing.T) {
	s := apitest.NewServer(t)
	c := sfConnect(t, s)
	ctx := context.Background()

	// Trident looks its tenant up by name and creates it on xUnknownAccount.
	_, err := c.GetAccountByName(ctx, &sdk.GetAccountByNameRequest{Username: "trident"})
	require.NotNil(t, err)
	require.Equal(t, "500:xUnknownAccount", err.Detail)
	acct, err := c.AddAccount(ctx, &sdk.AddAccountRequest{Username: "trident"})
	sfNoErr(t, err)
	require.Equal(t, acct.AccountID, acct.Account.AccountID)
	require.GreaterOrEqual(t, len(acct.Account.InitiatorSecret), 12)
	got, err := c.GetAccountByID(ctx, &sdk.GetAccountByIDRequest{AccountID: acct.AccountID})
	sfNoErr(t, err)
	require.Equal(t, "trident", got.Account.Username)

	qos, err := c.GetDefaultQoS(ctx)
	sfNoErr(t, err)
	require.Equal(t, int64(15000), qos.MaxIOPS)
	capBefore, err := c.GetClusterCapacity(ctx)
	sfNoErr(t, err)
	require.Positive(t, capBefore.ClusterCapacity.MaxProvisionedSpace)
	hw, err := c.GetClusterHardwareInfo(ctx, &sdk.GetClusterHardwareInfoRequest{})
	sfNoErr(t, err)
	require.NotNil(t, hw.ClusterHardwareInfo.Nodes)

	vol, err := c.CreateVolume(ctx, &sdk.CreateVolumeRequest{Name: "pvc-0001", AccountID: acct.AccountID, TotalSize: 1 << 30,
		Enable512e: true, Qos: &sdk.QoS{MinIOPS: 100, MaxIOPS: 2000, BurstIOPS: 4000},
		Attributes: map[string]any{"trident": `{"version":"25.06"}`}})
	sfNoErr(t, err)
	require.Equal(t, vol.VolumeID, vol.Volume.VolumeID)
	require.Equal(t, int64(1<<30), vol.Volume.TotalSize)
	require.Equal(t, int64(4000), vol.Volume.Qos.BurstIOPS)
	require.True(t, strings.HasPrefix(vol.Volume.Iqn, "iqn.2010-01.com.solidfire:"), vol.Volume.Iqn)
	require.Equal(t, "active", vol.Volume.Status)

	mod, err := c.ModifyVolume(ctx, &sdk.ModifyVolumeRequest{VolumeID: vol.VolumeID, TotalSize: 2 << 30, Qos: &sdk.QoS{MaxIOPS: 3000}})
	sfNoErr(t, err)
	require.Equal(t, int64(2<<30), mod.Volume.TotalSize)
	list, err := c.ListVolumesForAccount(ctx, &sdk.ListVolumesForAccountRequest{AccountID: acct.AccountID})
	sfNoErr(t, err)
	require.Len(t, list.Volumes, 1)

	vag, err := c.CreateVolumeAccessGroup(ctx, &sdk.CreateVolumeAccessGroupRequest{Name: "trident-vag"})
	sfNoErr(t, err)
	_, err = c.AddVolumesToVolumeAccessGroup(ctx, &sdk.AddVolumesToVolumeAccessGroupRequest{VolumeAccessGroupID: vag.VolumeAccessGroupID,
		Volumes: []int64{vol.VolumeID}})
	sfNoErr(t, err)
	_, err = c.AddVolumesToVolumeAccessGroup(ctx, &sdk.AddVolumesToVolumeAccessGroupRequest{VolumeAccessGroupID: vag.VolumeAccessGroupID,
		Volumes: []int64{vol.VolumeID}})
	require.NotNil(t, err)
	require.Contains(t, err.Detail, "is already in volume access group", "the SDK shows the message, not the name")
	_, err = c.AddInitiatorsToVolumeAccessGroup(ctx, &sdk.AddInitiatorsToVolumeAccessGroupRequest{VolumeAccessGroupID: vag.VolumeAccessGroupID,
		Initiators: []string{"iqn.1993-08.org.debian:01:node1"}})
	sfNoErr(t, err)
	groups, err := c.ListVolumeAccessGroups(ctx, &sdk.ListVolumeAccessGroupsRequest{})
	sfNoErr(t, err)
	require.Len(t, groups.VolumeAccessGroups, 1)
	require.Equal(t, []int64{vol.VolumeID}, groups.VolumeAccessGroups[0].Volumes)
	require.Equal(t, []string{"iqn.1993-08.org.debian:01:node1"}, groups.VolumeAccessGroups[0].Initiators)
	ins, err := c.ListInitiators(ctx, &sdk.ListInitiatorsRequest{})
	sfNoErr(t, err)
	require.Len(t, ins.Initiators, 1)

	snap, err := c.CreateSnapshot(ctx, &sdk.CreateSnapshotRequest{VolumeID: vol.VolumeID, Name: "snap-1"})
	sfNoErr(t, err)
	require.Equal(t, snap.SnapshotID, snap.Snapshot.SnapshotID)
	snaps, err := c.ListSnapshots(ctx, &sdk.ListSnapshotsRequest{VolumeID: vol.VolumeID})
	sfNoErr(t, err)
	require.Len(t, snaps.Snapshots, 1)
	require.Equal(t, "snap-1", snaps.Snapshots[0].Name)

	clone, err := c.CloneVolume(ctx, &sdk.CloneVolumeRequest{VolumeID: vol.VolumeID, Name: "pvc-0002", SnapshotID: snap.SnapshotID})
	sfNoErr(t, err)
	require.Positive(t, clone.AsyncHandle)
	require.Equal(t, clone.VolumeID, clone.Volume.VolumeID)
	s.Advance(2)
	ar, err := c.GetAsyncResult(ctx, &sdk.GetAsyncResultRequest{AsyncHandle: clone.AsyncHandle})
	sfNoErr(t, err)
	require.Equal(t, "complete", ar.Status)

	rb, err := c.RollbackToSnapshot(ctx, &sdk.RollbackToSnapshotRequest{VolumeID: vol.VolumeID, SnapshotID: snap.SnapshotID})
	sfNoErr(t, err)
	require.NotEmpty(t, rb.Checksum)
	_, err = c.DeleteSnapshot(ctx, &sdk.DeleteSnapshotRequest{SnapshotID: snap.SnapshotID})
	sfNoErr(t, err)

	for _, id := range []int64{clone.VolumeID, vol.VolumeID} {
		_, err = c.DeleteVolume(ctx, &sdk.DeleteVolumeRequest{VolumeID: id})
		sfNoErr(t, err)
	}
	del, err := c.ListDeletedVolumes(ctx, &sdk.ListDeletedVolumesRequest{})
	sfNoErr(t, err)
	require.Len(t, del.Volumes, 2)
	_, err = c.RemoveAccount(ctx, &sdk.RemoveAccountRequest{AccountID: acct.AccountID})
	require.NotNil(t, err, "deleted volumes still hold the account")
	for _, id := range []int64{clone.VolumeID, vol.VolumeID} {
		_, err = c.PurgeDeletedVolume(ctx, &sdk.PurgeDeletedVolumeRequest{VolumeID: id})
		sfNoErr(t, err)
	}
	all, err := c.ListVolumes(ctx, &sdk.ListVolumesRequest{})
	sfNoErr(t, err)
	require.Empty(t, all.Volumes)
	_, err = c.RemoveAccount(ctx, &sdk.RemoveAccountRequest{AccountID: acct.AccountID})
	sfNoErr(t, err)
}
