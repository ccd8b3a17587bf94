package cluster

import (
	"context"
	"slices"
	"time"

	"github.com/element-emulator/element-emulator/drives"
)

// Info is what GetClusterInfo reports.
type Info struct {
	State    State
	Ensemble []string
	MVIPNode int64
}

// ClusterInfo returns the cluster row and its derived fields. They change
// only with the cluster row and the nodes, so the answer is cached until
// the next write of either (the topology generation): a GetClusterInfo
// poll then costs no SQLite transaction.
func (c *Cluster) ClusterInfo(ctx context.Context) (Info, error) {
	if err := c.settleUnlessBusy(ctx); err != nil {
		return Info{}, err
	}
	// The generation is read before the state: a write that commits
	// meanwhile bumps it after its commit, so the entry stored below is
	// never mistaken for the newer state.
	gen := c.gens.topology.Load()
	if ic := c.info.Load(); ic != nil && ic.gen == gen {
		return ic.info.clone(), nil
	}
	var out Info
	err := c.store.View(ctx, func(tx Tx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		nodes, err := tx.Nodes(ctx)
		if err != nil {
			return err
		}
		out = Info{State: st, Ensemble: []string{}}
		for _, n := range nodes {
			if !n.Active {
				continue
			}
			if out.MVIPNode == 0 {
				out.MVIPNode = n.ID
			}
			if len(out.Ensemble) < 3 {
				out.Ensemble = append(out.Ensemble, n.CIP)
			}
		}
		return nil
	})
	if err != nil {
		return Info{}, err
	}
	c.info.Store(&infoCache{gen: gen, info: out.clone()})
	return out, nil
}

// infoCache is ClusterInfo's answer at a topology generation.
type infoCache struct {
	gen  uint64
	info Info
}

// clone copies the one slice, so callers never share the cached entry's.
func (i Info) clone() Info {
	i.Ensemble = append([]string{}, i.Ensemble...)
	return i
}

// Nodes returns the cluster's nodes (activeOnly: only active ones).
func (c *Cluster) Nodes(ctx context.Context, activeOnly bool) ([]Node, error) {
	out := []Node{}
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		nodes, err := tx.Nodes(ctx)
		if err != nil {
			return err
		}
		for _, n := range nodes {
			if n.Active || !activeOnly {
				out = append(out, n)
			}
		}
		return nil
	})
	return out, err
}

// Capacity is GetClusterCapacity's DECIDED model (docs/element-api.md,
// GetClusterCapacity).
type Capacity struct {
	MaxUsedSpace, MaxUsedMetadataSpace, MaxProvisionedSpace, MaxOverProvisionableSpace, MaxIOPS int64
	Timestamp                                                                                   time.Time
}

// ClusterCapacity derives capacity from the active drives and nodes.
func (c *Cluster) ClusterCapacity(ctx context.Context) (Capacity, error) {
	var out Capacity
	err := c.view(ctx, func(tx Tx, now time.Time) error {
		ds, err := tx.Drives(ctx)
		if err != nil {
			return err
		}
		nodes, err := tx.Nodes(ctx)
		if err != nil {
			return err
		}
		active := map[int64]bool{}
		for _, n := range nodes {
			if n.Active {
				active[n.ID] = true
				out.MaxIOPS += 50000
			}
		}
		for _, d := range ds {
			if d.Status != drives.Active || !active[d.NodeID] {
				continue
			}
			switch d.Type {
			case drives.Block:
				out.MaxUsedSpace += d.Capacity
			case drives.Volume:
				out.MaxUsedMetadataSpace += d.Capacity
			}
		}
		out.MaxProvisionedSpace = out.MaxUsedSpace / 2
		out.MaxOverProvisionableSpace = 5 * out.MaxProvisionedSpace
		out.Timestamp = now
		return nil
	})
	return out, err
}

// EventFilter holds ListEvents' optional filters.
type EventFilter struct {
	MaxEvents                *int64
	StartEventID, EndEventID *int64
	EventType                *string
	ServiceID, NodeID        *int64
	DriveID                  *int64
	StartReport, EndReport   *time.Time
	StartPublish, EndPublish *time.Time
}

// ListEvents returns events oldest first, filtered (D46).
func (c *Cluster) ListEvents(ctx context.Context, f EventFilter) ([]Event, error) {
	var out []Event
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		out = nil
		var minID, maxID int64
		if f.StartEventID != nil {
			minID = max(*f.StartEventID, 1)
		}
		if f.EndEventID != nil {
			if maxID = *f.EndEventID; maxID < 1 {
				return nil
			}
		}
		// Newest first, so maxEvents stops the scan: the answer is the
		// newest maxEvents matches, oldest first.
		return tx.Events(ctx, minID, maxID, func(e Event) bool {
			if !f.match(e) {
				return true
			}
			out = append(out, e)
			return f.MaxEvents == nil || *f.MaxEvents < 0 || int64(len(out)) < *f.MaxEvents
		})
	})
	if f.MaxEvents != nil && *f.MaxEvents == 0 {
		out = nil
	}
	slices.Reverse(out)
	if out == nil {
		out = []Event{}
	}
	return out, err
}

func (f EventFilter) match(e Event) bool {
	if f.StartEventID != nil && e.ID < *f.StartEventID || f.EndEventID != nil && e.ID > *f.EndEventID {
		return false
	}
	if f.EventType != nil && e.Type != *f.EventType {
		return false
	}
	if f.ServiceID != nil && e.ServiceID != *f.ServiceID || f.NodeID != nil && e.NodeID != *f.NodeID {
		return false
	}
	if f.DriveID != nil {
		hit := e.DriveID == *f.DriveID
		for _, id := range e.DriveIDs {
			hit = hit || id == *f.DriveID
		}
		if !hit {
			return false
		}
	}
	for _, b := range []struct {
		t      *time.Time
		before bool
	}{{f.StartReport, false}, {f.StartPublish, false}, {f.EndReport, true}, {f.EndPublish, true}} {
		if b.t == nil {
			continue
		}
		if b.before && e.Time.After(*b.t) || !b.before && e.Time.Before(*b.t) {
			return false
		}
	}
	return true
}
