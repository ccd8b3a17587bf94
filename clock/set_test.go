package clock_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/clock"
)

func TestSetGoesBackToAPersistedState(t *testing.T) {
	start := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	c := clock.New(clock.State{Mode: clock.Virtual, Base: start}, func() time.Time { return start })
	saved := c.State()
	_, err := c.Advance(time.Hour)
	require.NoError(t, err)
	now := c.Now // a bound method value, as the cluster holds it
	require.Equal(t, start.Add(time.Hour), now())

	c.Set(saved)
	require.Equal(t, start, now())
	require.Equal(t, saved, c.State())
}
