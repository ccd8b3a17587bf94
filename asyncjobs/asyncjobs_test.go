package asyncjobs_test

import (
	"testing"
	"time"

	"github.com/element-emulator/element-emulator/asyncjobs"
	"github.com/stretchr/testify/require"
)

func TestPurgeAfterRead(t *testing.T) {
	running := asyncjobs.Job{Status: asyncjobs.Running}
	done := asyncjobs.Job{Status: asyncjobs.Complete}
	for _, tt := range []struct {
		name string
		job  asyncjobs.Job
		keep bool
		want bool
	}{
		{"RunningNeverPurged", running, false, false},
		{"RunningKept", running, true, false},
		{"CompletePurged", done, false, true},
		{"CompleteKept", done, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, asyncjobs.PurgeAfterRead(tt.job, tt.keep))
		})
	}
}

func TestFilterAndComplete(t *testing.T) {
	jobs := []asyncjobs.Job{{Handle: 1, ResultType: "DriveAdd"}, {Handle: 2, ResultType: "RekeySoftwareEncryptionAtRestMasterKey"}}
	require.Len(t, asyncjobs.Filter(jobs, nil), 2)
	got := asyncjobs.Filter(jobs, []string{"DriveAdd", "Nope"})
	require.Len(t, got, 1)
	require.Equal(t, asyncjobs.Handle(1), got[0].Handle)
	require.Empty(t, asyncjobs.Filter(jobs, []string{"Nope"}))

	j := jobs[0]
	at := time.Date(2026, 1, 1, 0, 0, 6, 0, time.UTC)
	j.Due = at
	j.Complete(at, &asyncjobs.Failure{Name: "xKmipConnectionFailure"})
	require.True(t, j.Done())
	require.False(t, j.Succeeded())
	require.True(t, j.Due.IsZero())
	require.Equal(t, at, j.Updated)
}
