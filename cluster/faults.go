package cluster

import (
	"context"
	"strconv"
	"time"

	"github.com/element-emulator/element-emulator/faults"
)

// Fault codes raised by the simulation (docs/element-api.md, Faults).
const (
	CodeKMIPServerFault = "kmipServerFault"
)

func kmipCond(serverID int64) string { return "kmipServerFault/" + strconv.FormatInt(serverID, 10) }

// raiseKMIPFault opens (or updates in place) the key server's
// kmipServerFault (D32: one open record per server).
func (c *Cluster) raiseKMIPFault(ctx context.Context, tx Tx, serverID int64, details string, now time.Time) error {
	return c.raise(ctx, tx, Fault{Code: CodeKMIPServerFault, Severity: "error", Type: "cluster", Details: details,
		Cond: kmipCond(serverID)}, now)
}

// resolveKMIPFault resolves the server's open kmipServerFault, if any.
func (c *Cluster) resolveKMIPFault(ctx context.Context, tx Tx, serverID int64, now time.Time) error {
	return c.resolve(ctx, tx, kmipCond(serverID), now)
}

// raise opens a fault for f.Cond, or refreshes the open one's details.
func (c *Cluster) raise(ctx context.Context, tx Tx, f Fault, now time.Time) error {
	all, err := tx.OpenClusterFaults(ctx)
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.Cond == f.Cond && !o.Resolved {
			if o.Details == f.Details && o.Severity == f.Severity {
				return nil
			}
			o.Details, o.Severity = f.Details, f.Severity
			return tx.PutClusterFault(ctx, o)
		}
	}
	id, err := tx.NextID(ctx, "clusterFault")
	if err != nil {
		return err
	}
	f.ID, f.Date = id, now
	if err := tx.PutClusterFault(ctx, f); err != nil {
		return err
	}
	return c.event(ctx, tx, now, "clusterFaultEvent", "Cluster fault raised: "+f.Code,
		map[string]any{"clusterFaultID": id, "code": f.Code, "details": f.Details})
}

// resolve marks the open fault of cond resolved.
func (c *Cluster) resolve(ctx context.Context, tx Tx, cond string, now time.Time) error {
	all, err := tx.OpenClusterFaults(ctx)
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.Cond == cond && !o.Resolved {
			o.Resolved, o.ResolvedDate = true, now
			if err := tx.PutClusterFault(ctx, o); err != nil {
				return err
			}
			if err := c.event(ctx, tx, now, "clusterFaultEvent", "Cluster fault resolved: "+o.Code,
				map[string]any{"clusterFaultID": o.ID, "code": o.Code}); err != nil {
				return err
			}
		}
	}
	return nil
}

// FaultKind selects ListClusterFaults/ClearClusterFaults records.
type FaultKind string

const (
	FaultsCurrent  FaultKind = "current"
	FaultsResolved FaultKind = "resolved"
	FaultsAll      FaultKind = "all"
)

func (k FaultKind) matches(f Fault) bool {
	switch k {
	case FaultsCurrent:
		return !f.Resolved
	case FaultsResolved:
		return f.Resolved
	}
	return true
}

// ListFaults returns the cluster faults of kind k.
func (c *Cluster) ListFaults(ctx context.Context, k FaultKind, bestPractices bool) ([]Fault, error) {
	out := []Fault{}
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		all, err := tx.ClusterFaults(ctx)
		if err != nil {
			return err
		}
		for _, f := range all {
			if k.matches(f) && (bestPractices || f.Severity != "bestPractice") {
				out = append(out, f)
			}
		}
		return nil
	})
	return out, err
}

// ClearFaults deletes the fault records of kind k.
func (c *Cluster) ClearFaults(ctx context.Context, k FaultKind) error {
	return c.update(ctx, func(tx Tx, now time.Time) error {
		all, err := tx.ClusterFaults(ctx)
		if err != nil {
			return err
		}
		for _, f := range all {
			if k.matches(f) {
				if err := tx.DeleteClusterFault(ctx, f.ID); err != nil {
					return err
				}
			}
		}
		return c.apiEvent(ctx, tx, now, "ClearClusterFaults")
	})
}

// ---------------------------------------------------------------------------
// Fault-injection rules (the /_emulator/faults control)

// AddFaultRule validates and stores a rule, returning its ID.
func (c *Cluster) AddFaultRule(ctx context.Context, r faults.Rule) (int64, error) {
	if err := r.Validate(); err != nil {
		return 0, err
	}
	err := c.store.Update(ctx, func(tx Tx) error {
		id, err := tx.NextID(ctx, "faultRule")
		if err != nil {
			return err
		}
		r.ID = id
		return tx.PutFaultRule(ctx, r)
	})
	return r.ID, err
}

// FaultRules lists the rules.
func (c *Cluster) FaultRules(ctx context.Context) ([]faults.Rule, error) {
	var out []faults.Rule
	err := c.store.View(ctx, func(tx Tx) error {
		var err error
		out, err = tx.FaultRules(ctx)
		return err
	})
	return out, err
}

// DeleteFaultRule deletes a rule; ErrNotFound if there is none. Its firing
// count goes with it (only a rule whose uses ran out stays in RuleFirings).
func (c *Cluster) DeleteFaultRule(ctx context.Context, id int64) error {
	c.watch.forget(id)
	return c.store.Update(ctx, func(tx Tx) error { return tx.DeleteFaultRule(ctx, id) })
}

// MethodFault returns the Element error an element-method rule injects
// for method, or nil.
func (c *Cluster) MethodFault(ctx context.Context, method string) error {
	r, fired, err := c.fireRule(ctx, faults.Event{Target: faults.ElementMethod, Attrs: map[string]string{"method": method}})
	if err != nil || !fired {
		return err
	}
	msg := r.Params["message"]
	if msg == "" {
		msg = "Injected by fault rule " + strconv.FormatInt(r.ID, 10)
	}
	return &Error{Name: r.Params["name"], Message: msg}
}
