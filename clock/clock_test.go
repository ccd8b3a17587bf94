package clock_test

import (
	"testing"
	"time"

	"github.com/element-emulator/element-emulator/clock"
	"github.com/stretchr/testify/require"
)

func TestVirtualClockStandsStillUntilAdvanced(t *testing.T) {
	wall := time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC)
	c := clock.New(clock.State{Mode: clock.Virtual}, func() time.Time { return wall })
	start := c.Now()
	require.Equal(t, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), start)
	wall = wall.Add(time.Hour)
	require.Equal(t, start, c.Now())
	st, err := c.Advance(90 * time.Second)
	require.NoError(t, err)
	require.Equal(t, start.Add(90*time.Second), c.Now())
	// A restored clock continues where the persisted state left it.
	c2 := clock.New(st, func() time.Time { return wall })
	require.Equal(t, start.Add(90*time.Second), c2.Now())
}

func TestRealClockAddsOffset(t *testing.T) {
	wall := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	c := clock.New(clock.State{Mode: clock.Real}, func() time.Time { return wall })
	_, err := c.Advance(time.Minute)
	require.NoError(t, err)
	require.Equal(t, wall.Add(time.Minute), c.Now())
	wall = wall.Add(time.Second)
	require.Equal(t, wall.Add(time.Minute), c.Now())
	_, err = c.Advance(-time.Second)
	require.ErrorIs(t, err, clock.ErrBackwards)
}

func TestParseMode(t *testing.T) {
	m, err := clock.ParseMode("virtual")
	require.NoError(t, err)
	require.Equal(t, clock.Virtual, m)
	_, err = clock.ParseMode("fast")
	require.ErrorIs(t, err, clock.ErrBadMode)
}
