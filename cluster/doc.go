// Package cluster holds Element's rules: the cluster and its nodes, the KMIP
// trust relationship, key servers and providers, software and hardware
// encryption at rest, master-key rekey, async jobs and cluster faults.
//
// It declares the interfaces it consumes (Store, KeyServer) and owns the one
// domain error type, Error. Time comes from an injected Now; simulated
// durations are stored as deadlines and applied by settle at the start of
// every operation, so advancing the clock takes effect exactly.
package cluster
