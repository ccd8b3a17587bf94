package cluster

import (
	"context"
	"errors"

	"github.com/element-emulator/element-emulator/asyncjobs"
	"github.com/element-emulator/element-emulator/drives"
	"github.com/element-emulator/element-emulator/faults"
)

// changes says which inputs of the condition faults a transaction wrote
// (evaluate looks only at the conditions they feed).
type changes struct {
	topology bool // the cluster row, nodes, drives
	servers  bool // key servers in a provider, before or after the write
	faults   bool // cluster fault records
	jobs     bool // async jobs
	rules    bool // fault-injection rules
}

// allChanged makes evaluate look at every condition and invalidates every
// cache.
var allChanged = changes{topology: true, servers: true, faults: true, jobs: true, rules: true}

func (c changes) or(d changes) changes {
	return changes{topology: c.topology || d.topology, servers: c.servers || d.servers, faults: c.faults || d.faults,
		jobs: c.jobs || d.jobs, rules: c.rules || d.rules}
}

// timerInputs says whether a timer's deadline may have moved: every timer
// derives from the cluster row, nodes, drives, key servers, condition
// records or jobs (settle.go nextDue).
func (c changes) timerInputs() bool { return c.topology || c.servers || c.faults || c.jobs }

// changesOf returns what tx has written so far; a Tx that does not track
// counts as having changed everything.
func changesOf(tx Tx) changes {
	if t, ok := tx.(*trackedTx); ok {
		return t.changed
	}
	return allChanged
}

// trackedTx is a Tx that records which condition inputs were written.
type trackedTx struct {
	Tx
	changed changes
}

func (t *trackedTx) PutState(ctx context.Context, s State) error {
	t.changed.topology = true
	return t.Tx.PutState(ctx, s)
}

func (t *trackedTx) PutNode(ctx context.Context, n Node) error {
	t.changed.topology = true
	return t.Tx.PutNode(ctx, n)
}

func (t *trackedTx) PutDrive(ctx context.Context, d drives.Drive) error {
	t.changed.topology = true
	return t.Tx.PutDrive(ctx, d)
}

func (t *trackedTx) DeleteDrive(ctx context.Context, id drives.ID) error {
	t.changed.topology = true
	return t.Tx.DeleteDrive(ctx, id)
}

// PutKeyServer counts as a change of the certificate condition's inputs
// only when the server is in a provider before or after: the condition and
// its timers ignore unassigned servers, which most churn is.
func (t *trackedTx) PutKeyServer(ctx context.Context, ks KMIPServer) error {
	if err := t.assignedBefore(ctx, ks.ID); err != nil {
		return err
	}
	t.changed.servers = t.changed.servers || ks.ProviderID != 0
	return t.Tx.PutKeyServer(ctx, ks)
}

func (t *trackedTx) DeleteKeyServer(ctx context.Context, id int64) error {
	if err := t.assignedBefore(ctx, id); err != nil {
		return err
	}
	return t.Tx.DeleteKeyServer(ctx, id)
}

// assignedBefore marks the servers as changed if server id is now in a
// provider.
func (t *trackedTx) assignedBefore(ctx context.Context, id int64) error {
	if t.changed.servers {
		return nil
	}
	pid, err := t.Tx.KeyServerProvider(ctx, id)
	switch {
	case errors.Is(err, ErrNotFound):
		return nil
	case err != nil:
		return err
	}
	t.changed.servers = pid != 0
	return nil
}

func (t *trackedTx) PutClusterFault(ctx context.Context, f Fault) error {
	t.changed.faults = true
	return t.Tx.PutClusterFault(ctx, f)
}

func (t *trackedTx) DeleteClusterFault(ctx context.Context, id int64) error {
	t.changed.faults = true
	return t.Tx.DeleteClusterFault(ctx, id)
}

func (t *trackedTx) Wipe(ctx context.Context) error {
	t.changed = allChanged
	return t.Tx.Wipe(ctx)
}

func (t *trackedTx) PutJob(ctx context.Context, j asyncjobs.Job) error {
	t.changed.jobs = true
	return t.Tx.PutJob(ctx, j)
}

func (t *trackedTx) DeleteJob(ctx context.Context, h asyncjobs.Handle) error {
	t.changed.jobs = true
	return t.Tx.DeleteJob(ctx, h)
}

func (t *trackedTx) PutFaultRule(ctx context.Context, r faults.Rule) error {
	t.changed.rules = true
	return t.Tx.PutFaultRule(ctx, r)
}

func (t *trackedTx) DeleteFaultRule(ctx context.Context, id int64) error {
	t.changed.rules = true
	return t.Tx.DeleteFaultRule(ctx, id)
}
