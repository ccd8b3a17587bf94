package volumes_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
	"github.com/element-emulator/element-emulator/volumes"
)

// TestChangedAfterCommitsOnly: Deps.Changed is called once per committed
// write (the lazy purge included) and never for a refused one or a read.
func TestChangedAfterCommitsOnly(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	changed := 0
	svc := volumes.New(volumes.Deps{Store: sqlitetest.Open(t), Now: func() time.Time { return now }, Changed: func() { changed++ }})

	a, err := svc.AddAccount(ctx, volumes.AccountSpec{Username: "tenant"})
	require.NoError(t, err)
	require.Equal(t, 1, changed)
	_, err = svc.AddAccount(ctx, volumes.AccountSpec{Username: "tenant"})
	require.Equal(t, volumes.KindDuplicateUsername, kindOf(err))
	_, err = svc.CreateVolume(ctx, volumes.VolumeSpec{Name: "bad name!", AccountID: a.ID, TotalSize: 2e9})
	require.Error(t, err)
	_, err = svc.Accounts(ctx, 0, 0)
	require.NoError(t, err)
	require.Equal(t, 1, changed, "refusals and reads commit nothing")

	v, err := svc.CreateVolume(ctx, volumes.VolumeSpec{Name: "data", AccountID: a.ID, TotalSize: 2e9})
	require.NoError(t, err)
	_, err = svc.DeleteVolumes(ctx, []int64{v.ID})
	require.NoError(t, err)
	require.Equal(t, 3, changed)
	now = now.Add(volumes.PurgeAfter)
	_, err = svc.Overview(ctx)
	require.NoError(t, err)
	require.Equal(t, 4, changed, "the purge a read settles is a write")
}

// TestOverview: one read of accounts, volumes (deleted ones too), snapshot
// counts, access groups and initiators.
func TestOverview(t *testing.T) {
	f := newFixture(t, 1<<60)
	ctx := context.Background()
	a, err := f.svc.AddAccount(ctx, volumes.AccountSpec{Username: "tenant"})
	require.NoError(t, err)
	v1, err := f.svc.CreateVolume(ctx, volumes.VolumeSpec{Name: "one", AccountID: a.ID, TotalSize: 2e9})
	require.NoError(t, err)
	v2, err := f.svc.CreateVolume(ctx, volumes.VolumeSpec{Name: "two", AccountID: a.ID, TotalSize: 2e9})
	require.NoError(t, err)
	for range 2 {
		_, err = f.svc.CreateSnapshot(ctx, volumes.SnapshotSpec{VolumeID: v1.ID})
		require.NoError(t, err)
	}
	g, err := f.svc.CreateAccessGroup(ctx, volumes.AccessGroupSpec{Name: "hosts", Volumes: []int64{v1.ID, v2.ID},
		Initiators: []volumes.InitiatorRef{{Name: "iqn.1998-01.com.vmware:host-1"}}})
	require.NoError(t, err)
	_, err = f.svc.DeleteVolumes(ctx, []int64{v2.ID})
	require.NoError(t, err)

	o, err := f.svc.Overview(ctx)
	require.NoError(t, err)
	require.Len(t, o.Accounts, 1)
	require.Equal(t, []int64{v1.ID}, o.Accounts[0].Volumes, "active volumes only")
	require.Len(t, o.Volumes, 2)
	require.Equal(t, volumes.Deleted, o.Volumes[1].Status)
	require.Equal(t, []int64{g.ID}, o.Volumes[0].AccessGroups)
	require.Equal(t, 2, o.Snapshots[v1.ID])
	require.Len(t, o.AccessGroups, 1)
	require.Equal(t, []string{"iqn.1998-01.com.vmware:host-1"}, o.AccessGroups[0].InitiatorNames)
	require.Equal(t, []int64{v2.ID}, o.AccessGroups[0].DeletedVolumes)
	require.Len(t, o.Initiators, 1)
}
