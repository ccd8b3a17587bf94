package drives_test

import (
	"testing"

	"github.com/element-emulator/element-emulator/drives"
	"github.com/stretchr/testify/require"
)

func TestTransitions(t *testing.T) {
	for _, tt := range []struct {
		name    string
		from    drives.Status
		ev      drives.Event
		want    drives.Status
		wantErr error
	}{
		{"AddAvailable", drives.Available, drives.EventAdd, drives.Active, nil},
		{"AddActive", drives.Active, drives.EventAdd, "", drives.ErrBadTransition},
		{"RemoveActive", drives.Active, drives.EventRemove, drives.Removing, nil},
		{"RemovedDone", drives.Removing, drives.EventRemoved, drives.Available, nil},
		{"EraseAvailable", drives.Available, drives.EventErase, drives.Erasing, nil},
		{"EraseActive", drives.Active, drives.EventErase, "", drives.ErrBadTransition},
		{"RecoverFailed", drives.Failed, drives.EventRecover, drives.Active, nil},
		{"EjectFailed", drives.Failed, drives.EventEject, drives.Available, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.from.On(tt.ev)
			require.ErrorIs(t, err, tt.wantErr)
			require.Equal(t, tt.want, got)
		})
	}
}
