package clock

// Set replaces the clock's state, for a restore of persisted state under a
// running emulator (a snapshot brings back an earlier instant, which
// Advance cannot reach). Everything holding the clock's Now sees the new
// time at once. A virtual state without a base keeps the current base.
func (c *Clock) Set(st State) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st.Mode == Virtual && st.Base.IsZero() {
		st.Base = c.state.Base
		if st.Base.IsZero() {
			st.Base = c.wall().UTC().Truncate(1e9)
		}
	}
	c.state = st
}
