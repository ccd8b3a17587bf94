package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/asyncjobs"
	"github.com/element-emulator/element-emulator/drives"
	"github.com/element-emulator/element-emulator/faults"
	"github.com/element-emulator/element-emulator/nodes"
)

// Node membership (docs/nodes.md): the nodes package holds the model and
// rules; this file applies them to nodes, drives and the async handle
// table in one transaction each.

// ResultTypeAddNodes is the async result type of an AddNodes handle.
const ResultTypeAddNodes = "AddNodes"

// Install durations of an AddNodes handle on the emulator clock (N3): with
// autoInstall the node is re-imaged to the cluster's version first.
const (
	AddNodeInstall    = 60 * time.Second
	AddNodeNoInstall  = 10 * time.Second
	pendingNodeIDBase = "pendingNode"
)

// nodeNames gives each membership refusal its Element x-name.
var nodeNames = map[nodes.Kind]string{
	nodes.KindNodeNotFound:      "xNodeIDDoesNotExist",
	nodes.KindHasActiveDrives:   "xNodeHasActiveDrives",
	nodes.KindEnsembleTolerance: "xEnsembleToleranceChange",
	nodes.KindLastNode:          "xEnsembleToleranceChange",
	nodes.KindAddressInUse:      NameInvalidParameter,
}

// NodeError turns a membership error into the Element error the client
// sees; any other error passes through unchanged.
func NodeError(err error) error {
	var ip *nodes.InvalidParam
	if errors.As(err, &ip) {
		return ErrInvalidParam(ip.Param, ip.Why)
	}
	var e *nodes.Error
	if errors.As(err, &e) {
		if name, ok := nodeNames[e.Kind]; ok {
			return &Error{Name: name, Message: e.Message}
		}
	}
	return err
}

// PendingNodes lists the pending and pendingActive nodes.
func (c *Cluster) PendingNodes(ctx context.Context) ([]nodes.Node, error) {
	out := []nodes.Node{}
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		p, err := tx.PendingNodes(ctx)
		out = append(out, p...)
		return err
	})
	return out, err
}

// AddPendingNode makes a new node appear as pending (the lab control).
func (c *Cluster) AddPendingNode(ctx context.Context, sp nodes.Spec) (nodes.Node, error) {
	var out nodes.Node
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		if _, err := tx.State(ctx); err != nil {
			return err
		}
		all, err := tx.Nodes(ctx)
		if err != nil {
			return err
		}
		pending, err := tx.PendingNodes(ctx)
		if err != nil {
			return err
		}
		var taken []string
		for _, n := range all {
			if n.Active {
				taken = append(taken, n.MIP, n.CIP)
			}
		}
		for _, n := range pending {
			taken = append(taken, n.MIP, n.CIP)
		}
		id, err := tx.NextID(ctx, pendingNodeIDBase)
		if err != nil {
			return err
		}
		if out, err = nodes.NewPending(id, c.uuid(), sp, taken); err != nil {
			return NodeError(err)
		}
		if err := tx.PutPendingNode(ctx, out); err != nil {
			return err
		}
		return c.event(ctx, tx, now, "nodeEvent", fmt.Sprintf("Pending node %d (%s) registered", id, out.CIP),
			map[string]any{"pendingNodeID": id})
	})
	return out, err
}

// addNodeData is an AddNodes handle's own state and result.
type addNodeData struct {
	PendingNodeID  int64 `json:"pendingNodeID"`
	AssignedNodeID int64 `json:"assignedNodeID"`
	NodeID         int64 `json:"nodeID,omitempty"`
}

// AddNodes starts adding pending nodes (AddNodes): each becomes
// pendingActive with its assigned node ID and an async handle that
// completes after the install; the node then joins with its drives
// available for AddDrives.
func (c *Cluster) AddNodes(ctx context.Context, ids []int64, autoInstall bool) ([]nodes.Node, error) {
	var out []nodes.Node
	d := AddNodeNoInstall
	if autoInstall {
		d = AddNodeInstall
	}
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		pending, err := tx.PendingNodes(ctx)
		if err != nil {
			return err
		}
		chosen, err := nodes.CheckAdd(ids, pending)
		if err != nil {
			return NodeError(err)
		}
		created := now.UTC().Truncate(time.Second)
		for _, n := range chosen {
			if n.State, err = n.State.On(nodes.EventAdd); err != nil {
				return err
			}
			if n.AssignedNodeID, err = tx.NextID(ctx, "node"); err != nil {
				return err
			}
			if n.AsyncHandle, err = tx.NextID(ctx, "asyncHandle"); err != nil {
				return err
			}
			n.PendingActiveNodeID = n.PendingNodeID
			n.ActiveNodeKey = strings.ReplaceAll(c.uuid(), "-", "")[:10]
			data, err := json.Marshal(addNodeData{PendingNodeID: n.PendingNodeID, AssignedNodeID: n.AssignedNodeID})
			if err != nil {
				return err
			}
			j := asyncjobs.Job{Handle: asyncjobs.Handle(n.AsyncHandle), ResultType: ResultTypeAddNodes, Status: asyncjobs.Running,
				Created: created, Updated: created, Due: now.Add(d), Data: data}
			if err := tx.PutJob(ctx, j); err != nil {
				return err
			}
			if err := tx.PutPendingNode(ctx, n); err != nil {
				return err
			}
			out = append(out, n)
		}
		return c.apiEvent(ctx, tx, now, "AddNodes")
	})
	return out, err
}

// stepAddNode finishes an AddNodes handle at its deadline: the node joins
// as active with drives available, and the pending row goes.
func (c *Cluster) stepAddNode(ctx context.Context, j asyncjobs.Job, at time.Time) error {
	// A job fault rule fails the install: the node goes back to pending.
	rule, fired, err := c.fireRule(ctx, faults.Event{Target: faults.Job, Attrs: map[string]string{"resultType": j.ResultType}})
	if err != nil {
		return err
	}
	return c.commit(ctx, at, func(tx Tx) error {
		var data addNodeData
		if err := json.Unmarshal(j.Data, &data); err != nil {
			return err
		}
		pending, err := tx.PendingNodes(ctx)
		if err != nil {
			return err
		}
		var n *nodes.Node
		for i := range pending {
			if pending[i].AsyncHandle == int64(j.Handle) {
				n = &pending[i]
			}
		}
		if n == nil { // the pending row went (a reset races nothing: be lenient)
			j.Complete(at, &asyncjobs.Failure{Name: "xNodeIDDoesNotExist", Message: "The pending node is gone."})
			return tx.PutJob(ctx, j)
		}
		if fired {
			back, err := n.Back()
			if err != nil {
				return err
			}
			if err := tx.PutPendingNode(ctx, back); err != nil {
				return err
			}
			msg := rule.Params["message"]
			if msg == "" {
				msg = "Injected by fault rule " + itoa(rule.ID)
			}
			j.Complete(at, &asyncjobs.Failure{Name: rule.Params["name"], Message: msg})
			return tx.PutJob(ctx, j)
		}
		if _, err := n.State.On(nodes.EventInstalled); err != nil {
			return err
		}
		id := n.AssignedNodeID
		node := Node{ID: id, Name: n.Name, MIP: n.MIP, CIP: n.CIP, SIP: n.SIP, UUID: n.UUID, NodeType: n.NodeType,
			ChassisType: n.ChassisType, Active: true, ServiceID: id, SliceService: 100 + id}
		if err := tx.PutNode(ctx, node); err != nil {
			return err
		}
		for slot := 0; slot < n.Drives; slot++ {
			did, err := tx.NextID(ctx, "drive")
			if err != nil {
				return err
			}
			typ := drives.Block
			if slot == 0 {
				typ = drives.Volume
			}
			if err := tx.PutDrive(ctx, drives.Drive{ID: drives.ID(did), NodeID: id, Slot: slot, Type: typ,
				Status: drives.Available, Capacity: n.DriveSize, Serial: fmt.Sprintf("EMU%dN%dS%02d", n.DriveSize>>30, id, slot),
				Capability: drives.CapSED}); err != nil {
				return err
			}
		}
		if err := tx.DeletePendingNode(ctx, n.PendingNodeID); err != nil {
			return err
		}
		data.NodeID = id
		if j.Data, err = json.Marshal(data); err != nil {
			return err
		}
		j.Complete(at, nil)
		if err := tx.PutJob(ctx, j); err != nil {
			return err
		}
		return c.event(ctx, tx, at, "nodeEvent", fmt.Sprintf("Node %d added to the cluster", id),
			map[string]any{"nodeID": id, "pendingNodeID": n.PendingNodeID})
	})
}

// RemoveNodes removes active nodes (RemoveNodes): each goes back to
// pending with a new pending node ID, its drives leave with it.
func (c *Cluster) RemoveNodes(ctx context.Context, ids []int64, ignoreTolerance bool) error {
	return c.update(ctx, func(tx Tx, now time.Time) error {
		all, err := tx.Nodes(ctx)
		if err != nil {
			return err
		}
		ds, err := tx.Drives(ctx)
		if err != nil {
			return err
		}
		var members []nodes.Member
		byID := map[int64]Node{}
		for _, n := range all {
			if !n.Active {
				continue
			}
			m := nodes.Member{ID: n.ID}
			for _, d := range ds {
				if d.NodeID == n.ID && !d.Removed && d.Status != drives.Available {
					m.DrivesInUse++
				}
			}
			members = append(members, m)
			byID[n.ID] = n
		}
		if err := nodes.CheckRemove(ids, members, ignoreTolerance); err != nil {
			return NodeError(err)
		}
		done := map[int64]bool{}
		for _, id := range ids {
			if done[id] {
				continue
			}
			done[id] = true
			n := byID[id]
			count, size := 0, int64(0)
			for _, d := range ds {
				if d.NodeID == id {
					count++
					size = max(size, d.Capacity)
					if err := tx.DeleteDrive(ctx, d.ID); err != nil {
						return err
					}
				}
			}
			n.Active, n.SliceUnhealthySince, n.SliceRecoverAt = false, time.Time{}, time.Time{}
			if err := tx.PutNode(ctx, n); err != nil {
				return err
			}
			pid, err := tx.NextID(ctx, pendingNodeIDBase)
			if err != nil {
				return err
			}
			st, err := nodes.Active.On(nodes.EventRemove)
			if err != nil {
				return err
			}
			if count < 2 {
				count = nodes.DefaultDrives
			}
			if size == 0 {
				size = nodes.DefaultDriveSize
			}
			if err := tx.PutPendingNode(ctx, nodes.Node{PendingNodeID: pid, State: st, Name: n.Name, MIP: n.MIP, CIP: n.CIP,
				SIP: n.SIP, UUID: n.UUID, NodeType: n.NodeType, ChassisType: n.ChassisType, Drives: count, DriveSize: size}); err != nil {
				return err
			}
		}
		return c.apiEvent(ctx, tx, now, "RemoveNodes")
	})
}
