// Package clock provides the emulator's notion of time: a real clock that
// runs with the wall clock plus an offset, and a virtual clock that stands
// still until it is advanced. Both can be moved forward by Advance, which is
// how labs and tests jump to a deadline without sleeping.
//
// Domain code never calls time.Now; it receives a Clock's Now method.
package clock

import (
	"errors"
	"sync"
	"time"
)

// Mode says whether the clock follows the wall clock.
type Mode string

const (
	// Real follows the wall clock plus the accumulated offset.
	Real Mode = "real"
	// Virtual stands still at its start instant plus the accumulated offset.
	Virtual Mode = "virtual"
)

// ErrBadMode is returned by ParseMode for anything but "real" or "virtual".
var ErrBadMode = errors.New("clock mode must be real or virtual")

// ErrBackwards is returned by Advance for a negative duration.
var ErrBackwards = errors.New("the clock only moves forward")

// ParseMode parses "real" or "virtual".
func ParseMode(s string) (Mode, error) {
	switch Mode(s) {
	case Real, Virtual:
		return Mode(s), nil
	}
	return "", ErrBadMode
}

// State is what must be persisted to restore a clock after a restart.
type State struct {
	Mode   Mode
	Base   time.Time     // Virtual: the frozen start instant (UTC)
	Offset time.Duration // added by Advance
}

// Clock is safe for concurrent use.
type Clock struct {
	mu    sync.Mutex
	state State
	wall  func() time.Time
}

// New builds a clock from a persisted (or fresh) state. wall is the wall
// clock (time.Now in production).
func New(st State, wall func() time.Time) *Clock {
	if st.Mode == Virtual && st.Base.IsZero() {
		st.Base = wall().UTC().Truncate(time.Second)
	}
	return &Clock{state: st, wall: wall}
}

// Now returns the emulator time in UTC.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nowLocked()
}

func (c *Clock) nowLocked() time.Time {
	if c.state.Mode == Virtual {
		return c.state.Base.Add(c.state.Offset).UTC()
	}
	return c.wall().Add(c.state.Offset).UTC()
}

// Advance moves the clock forward by d and returns the new state, which the
// caller persists.
func (c *Clock) Advance(d time.Duration) (State, error) {
	if d < 0 {
		return State{}, ErrBackwards
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.state.Offset += d
	return c.state, nil
}

// State returns the current persisted form.
func (c *Clock) State() State {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state
}

// Mode returns the clock's mode.
func (c *Clock) Mode() Mode {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state.Mode
}
