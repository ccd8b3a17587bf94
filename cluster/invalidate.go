package cluster

// Invalidate drops every in-memory cache derived from the store (the
// settlement wake-up time, the fault rules). Call it after the database was
// replaced underneath a running cluster, as a snapshot restore does.
func (c *Cluster) Invalidate() {
	c.gens.bump(allChanged)
}
