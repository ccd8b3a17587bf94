package volumes_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
	"github.com/element-emulator/element-emulator/volumes"
)

// The domain on a real SQLite store, with a hand-moved clock and no
// cluster: capacity, the unique ID and the job table are plain functions.

type fixture struct {
	svc  *volumes.Service
	now  time.Time
	jobs []map[string]any
}

func newFixture(t *testing.T, capacity int64) *fixture {
	f := &fixture{now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	f.svc = volumes.New(volumes.Deps{
		Store: sqlitetest.Open(t), Now: func() time.Time { return f.now },
		Rand:     bytes.NewReader(bytes.Repeat([]byte{7, 200, 13, 99}, 4096)),
		Capacity: func(context.Context) (int64, error) { return capacity, nil },
		UniqueID: func(context.Context) (string, error) { return "ABCD", nil },
		StartJob: func(_ context.Context, typ string, _ time.Duration, d map[string]any) (int64, error) {
			f.jobs = append(f.jobs, d)
			return int64(len(f.jobs)), nil
		},
	})
	return f
}

func kindOf(err error) volumes.Kind {
	var e *volumes.Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

func TestAccountSecretsAreGenerated(t *testing.T) {
	f := newFixture(t, 1<<60)
	ctx := context.Background()
	a, err := f.svc.AddAccount(ctx, volumes.AccountSpec{Username: "u"})
	require.NoError(t, err)
	require.Equal(t, int64(1), a.ID)
	require.GreaterOrEqual(t, len(a.InitiatorSecret), volumes.MinSecretLen)
	require.LessOrEqual(t, len(a.TargetSecret), volumes.MaxSecretLen)
	require.Equal(t, "REDACTED", a.InitiatorSecret.String())
	got, err := f.svc.AccountByName(ctx, "u")
	require.NoError(t, err)
	require.Equal(t, a.InitiatorSecret, got.InitiatorSecret, "secrets round-trip through the store")
	_, err = f.svc.AddAccount(ctx, volumes.AccountSpec{Username: "u"})
	require.Equal(t, volumes.KindDuplicateUsername, kindOf(err))
}

func TestVolumeIQNAndPurgeOnTheClock(t *testing.T) {
	f := newFixture(t, 1<<60)
	ctx := context.Background()
	a, err := f.svc.AddAccount(ctx, volumes.AccountSpec{Username: "u"})
	require.NoError(t, err)
	v, err := f.svc.CreateVolume(ctx, volumes.VolumeSpec{Name: "Data-1", AccountID: a.ID, TotalSize: 2e9})
	require.NoError(t, err)
	require.Equal(t, "iqn.2010-01.com.solidfire:abcd.data-1.1", v.IQN)
	require.Equal(t, volumes.DefaultQoS, v.QoS)
	_, err = f.svc.DeleteVolumes(ctx, []int64{v.ID})
	require.NoError(t, err)
	f.now = f.now.Add(volumes.PurgeAfter - time.Second)
	del, err := f.svc.DeletedVolumes(ctx)
	require.NoError(t, err)
	require.Len(t, del, 1)
	f.now = f.now.Add(time.Second)
	del, err = f.svc.DeletedVolumes(ctx)
	require.NoError(t, err)
	require.Empty(t, del)
	require.NoError(t, f.svc.RemoveAccount(ctx, a.ID), "a purged volume no longer holds its account")
}

func TestCapacityLimit(t *testing.T) {
	f := newFixture(t, 6e8) // × the default over-provisioning factor 5 = 3e9
	ctx := context.Background()
	a, _ := f.svc.AddAccount(ctx, volumes.AccountSpec{Username: "u"})
	v, err := f.svc.CreateVolume(ctx, volumes.VolumeSpec{Name: "a", AccountID: a.ID, TotalSize: 2e9})
	require.NoError(t, err)
	_, err = f.svc.CreateVolume(ctx, volumes.VolumeSpec{Name: "b", AccountID: a.ID, TotalSize: 1e9})
	require.Equal(t, volumes.KindNotEnoughSpace, kindOf(err))
	grow := int64(3e9)
	_, err = f.svc.ModifyVolume(ctx, volumes.VolumeChange{ID: v.ID, TotalSize: &grow})
	require.Equal(t, volumes.KindNotEnoughSpace, kindOf(err))
	u, err := f.svc.Usage(ctx)
	require.NoError(t, err)
	require.Equal(t, volumes.Usage{Provisioned: volumes.RoundSize(2e9), Volumes: 1}, u)
}

func TestCloneStartsAJob(t *testing.T) {
	f := newFixture(t, 1<<60)
	ctx := context.Background()
	a, _ := f.svc.AddAccount(ctx, volumes.AccountSpec{Username: "u"})
	v, _ := f.svc.CreateVolume(ctx, volumes.VolumeSpec{Name: "src", AccountID: a.ID, TotalSize: 1e9})
	c, err := f.svc.CloneVolume(ctx, volumes.CloneSpec{VolumeID: v.ID, Name: "dst"})
	require.NoError(t, err)
	require.Equal(t, int64(1), c.AsyncHandle)
	require.Equal(t, map[string]any{"cloneID": c.CloneID, "volumeID": c.Volume.ID, "message": "Clone complete."}, f.jobs[0])
	require.Equal(t, v.TotalSize, c.Volume.TotalSize)
}

func TestSnapshotLimitAndExpiry(t *testing.T) {
	f := newFixture(t, 1<<60)
	ctx := context.Background()
	a, _ := f.svc.AddAccount(ctx, volumes.AccountSpec{Username: "u"})
	v, _ := f.svc.CreateVolume(ctx, volumes.VolumeSpec{Name: "src", AccountID: a.ID, TotalSize: 1e9})
	hour := time.Hour
	for i := 0; i < volumes.MaxSnapshotsPerVol; i++ {
		sp := volumes.SnapshotSpec{VolumeID: v.ID}
		if i == 0 {
			sp.Retention = &hour
		}
		_, err := f.svc.CreateSnapshot(ctx, sp)
		require.NoError(t, err)
	}
	_, err := f.svc.CreateSnapshot(ctx, volumes.SnapshotSpec{VolumeID: v.ID})
	require.Equal(t, volumes.KindMaxSnapshots, kindOf(err))
	f.now = f.now.Add(time.Hour)
	_, err = f.svc.CreateSnapshot(ctx, volumes.SnapshotSpec{VolumeID: v.ID})
	require.NoError(t, err, "the expired snapshot made room")
}
