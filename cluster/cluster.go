package cluster

// Cluster is the emulated Element cluster. Build it with New.
type Cluster struct{}
