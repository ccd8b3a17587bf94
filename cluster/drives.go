package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/asyncjobs"
	"github.com/element-emulator/element-emulator/drives"
	"github.com/element-emulator/element-emulator/faults"
)

// Drive job result types (D25).
const (
	ResultTypeDriveAdd         = "DriveAdd"
	ResultTypeDriveRemoval     = "DriveRemoval"
	ResultTypeDriveSecureErase = "DriveSecureErase"
)

// driveJobData is a drive job's own state ({"driveIDs": [...]} on the wire).
type driveJobData struct {
	DriveIDs []int64 `json:"driveIDs"`
}

// NodeDrives pairs a node with its listed drives.
type NodeDrives struct {
	Node   Node
	Drives []drives.Drive
}

// ListDrives returns the drives of active nodes, without failed drives
// that were removed (D28).
func (c *Cluster) ListDrives(ctx context.Context) ([]drives.Drive, error) {
	out := []drives.Drive{}
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		nodes, err := tx.Nodes(ctx)
		if err != nil {
			return err
		}
		active := map[int64]bool{}
		for _, n := range nodes {
			active[n.ID] = n.Active
		}
		ds, err := tx.Drives(ctx)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if active[d.NodeID] && !d.Removed {
				out = append(out, d)
			}
		}
		return nil
	})
	return out, err
}

// DrivesByNode returns every active node with its drives (ListDriveHardware).
func (c *Cluster) DrivesByNode(ctx context.Context) ([]NodeDrives, error) {
	var out []NodeDrives
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		nodes, err := tx.Nodes(ctx)
		if err != nil {
			return err
		}
		ds, err := tx.Drives(ctx)
		if err != nil {
			return err
		}
		idx := map[int64]int{}
		for _, n := range nodes {
			if n.Active {
				idx[n.ID] = len(out)
				out = append(out, NodeDrives{Node: n, Drives: []drives.Drive{}})
			}
		}
		for _, d := range ds {
			if i, ok := idx[d.NodeID]; ok && !d.Removed {
				out[i].Drives = append(out[i].Drives, d)
			}
		}
		return nil
	})
	return out, err
}

// GetDrive returns one listed drive.
func (c *Cluster) GetDrive(ctx context.Context, id int64) (drives.Drive, error) {
	var out drives.Drive
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		d, err := tx.Drive(ctx, drives.ID(id))
		if errors.Is(err, ErrNotFound) || err == nil && d.Removed {
			return ErrDriveID(id)
		}
		out = d
		return err
	})
	return out, err
}

// Created returns when the cluster was created (drive ages count from it).
func (c *Cluster) Created(ctx context.Context) (time.Time, time.Time, error) {
	var created, now time.Time
	err := c.view(ctx, func(tx Tx, n time.Time) error {
		st, err := tx.State(ctx)
		created, now = st.Created, n
		return err
	})
	return created, now, err
}

// DriveAdd is one entry of AddDrives.
type DriveAdd struct {
	ID   int64
	Type *drives.Type // nil: the drive's previous role
}

// loadDrives fetches the listed drives, checking existence and duplicates
// before anything changes (D27).
func loadDrives(ctx context.Context, tx Tx, ids []int64) ([]drives.Drive, error) {
	if len(ids) == 0 {
		return nil, ErrInvalidParam("drives", "must not be empty")
	}
	seen := map[int64]bool{}
	out := make([]drives.Drive, 0, len(ids))
	for _, id := range ids {
		if seen[id] {
			return nil, ErrInvalidParam("drives", fmt.Sprintf("drive %d is listed more than once", id))
		}
		seen[id] = true
		d, err := tx.Drive(ctx, drives.ID(id))
		if errors.Is(err, ErrNotFound) || err == nil && d.Removed {
			return nil, ErrDriveID(id)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func errDriveState(d drives.Drive, allowed ...drives.Status) *Error {
	names := make([]string, len(allowed))
	for i, s := range allowed {
		names[i] = string(s)
	}
	return ErrNotPermitted("Drive %d is %s; operation requires %s.", d.ID, d.Status, strings.Join(names, " or "))
}

// setStatus moves a drive to a new status, recording a driveEvent.
func (c *Cluster) setStatus(ctx context.Context, tx Tx, d *drives.Drive, to drives.Status, now time.Time) error {
	if d.Status == to {
		return nil
	}
	from := d.Status
	d.Status = to
	if to != drives.Failed {
		d.FailureDetail = ""
		d.LockFailed = false
		d.FailedAt = time.Time{}
	}
	return c.driveEvent(ctx, tx, *d, now, fmt.Sprintf("Drive %d status %s -> %s", d.ID, from, to))
}

func (c *Cluster) driveEvent(ctx context.Context, tx Tx, d drives.Drive, now time.Time, msg string) error {
	id, err := tx.NextID(ctx, "event")
	if err != nil {
		return err
	}
	return tx.AddEvent(ctx, Event{ID: id, Type: "driveEvent", Message: msg, Details: map[string]any{"driveID": int64(d.ID)},
		NodeID: d.NodeID, DriveID: int64(d.ID), DriveIDs: []int64{int64(d.ID)}, Time: now})
}

// startDriveJob records a drive job running until now+d.
func (c *Cluster) startDriveJob(ctx context.Context, tx Tx, typ string, ids []int64, now time.Time, d time.Duration) (asyncjobs.Handle, error) {
	id, err := tx.NextID(ctx, "asyncHandle")
	if err != nil {
		return 0, err
	}
	data, err := json.Marshal(driveJobData{DriveIDs: ids})
	if err != nil {
		return 0, err
	}
	created := now.UTC().Truncate(time.Second)
	j := asyncjobs.Job{Handle: asyncjobs.Handle(id), ResultType: typ, Status: asyncjobs.Running, Created: created,
		Updated: created, Due: now.Add(d), Data: data}
	return j.Handle, tx.PutJob(ctx, j)
}

// driveOp describes one of the async drive methods: which statuses it
// accepts, the per-drive change it makes at once, and its job.
type driveOp struct {
	method, resultType string
	duration           time.Duration
	allowed            []drives.Status
	// check is an extra per-drive refusal (nil: none).
	check func(drives.Drive) error
	// change edits drive i of the request and reports the status it moves to
	// ("" leaves the status).
	change func(d *drives.Drive, i int) drives.Status
}

// startDriveOp validates every listed drive before changing any (D27),
// applies op's immediate change and starts its job.
func (c *Cluster) startDriveOp(ctx context.Context, ids []int64, op driveOp) (asyncjobs.Handle, error) {
	var h asyncjobs.Handle
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		ds, err := loadDrives(ctx, tx, ids)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if !slices.Contains(op.allowed, d.Status) {
				return errDriveState(d, op.allowed...)
			}
			if op.check != nil {
				if err := op.check(d); err != nil {
					return err
				}
			}
		}
		for i, d := range ds {
			to := op.change(&d, i)
			if to == "" {
				continue
			}
			if err := c.setStatus(ctx, tx, &d, to, now); err != nil {
				return err
			}
			if err := tx.PutDrive(ctx, d); err != nil {
				return err
			}
		}
		if h, err = c.startDriveJob(ctx, tx, op.resultType, ids, now, op.duration); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, op.method)
	})
	return h, err
}

// AddDrives adds available, unlocked drives: they are active at once; the
// DriveAdd job completes after its duration and then, with hardware EAR
// on, enables their security (D27, D30).
func (c *Cluster) AddDrives(ctx context.Context, adds []DriveAdd) (asyncjobs.Handle, error) {
	ids := make([]int64, len(adds))
	for i, a := range adds {
		ids[i] = a.ID
	}
	return c.startDriveOp(ctx, ids, driveOp{
		method: "AddDrives", resultType: ResultTypeDriveAdd, duration: c.cfg.DriveAdd,
		allowed: []drives.Status{drives.Available},
		check: func(d drives.Drive) error {
			if d.Security.Locked {
				return ErrNotPermitted("Drive %d is locked.", d.ID)
			}
			return nil
		},
		change: func(d *drives.Drive, i int) drives.Status {
			if t := adds[i].Type; t != nil {
				d.Type = *t
			} else if d.Type == drives.Unknown {
				d.Type = drives.Block
				if d.Slot == 0 {
					d.Type = drives.Volume
				}
			}
			return drives.Active
		},
	})
}

// RemoveDrives starts removing active or failed drives (D28): active ones
// are removing at once; failed ones leave the list when the job ends.
func (c *Cluster) RemoveDrives(ctx context.Context, ids []int64) (asyncjobs.Handle, error) {
	return c.startDriveOp(ctx, ids, driveOp{
		method: "RemoveDrives", resultType: ResultTypeDriveRemoval, duration: c.cfg.DriveRemoval,
		allowed: []drives.Status{drives.Active, drives.Failed},
		change: func(d *drives.Drive, _ int) drives.Status {
			if d.Status == drives.Active {
				return drives.Removing
			}
			return ""
		},
	})
}

// SecureEraseDrives starts erasing available drives (locked ones too).
func (c *Cluster) SecureEraseDrives(ctx context.Context, ids []int64) (asyncjobs.Handle, error) {
	return c.startDriveOp(ctx, ids, driveOp{
		method: "SecureEraseDrives", resultType: ResultTypeDriveSecureErase, duration: c.cfg.DriveSecureErase,
		allowed: []drives.Status{drives.Available},
		change:  func(*drives.Drive, int) drives.Status { return drives.Erasing },
	})
}

// clearSecurity turns a drive's security off (erase, removal, disable).
func clearSecurity(d *drives.Drive) {
	d.Security = drives.Security{}
	d.SecurityFault = ""
}

// stepDriveJob completes a drive job at its deadline.
func (c *Cluster) stepDriveJob(ctx context.Context, j asyncjobs.Job, at time.Time) error {
	var data driveJobData
	if err := json.Unmarshal(j.Data, &data); err != nil {
		return err
	}
	if rule, fired, err := c.fireRule(ctx, faults.Event{Target: faults.Job, Attrs: map[string]string{"resultType": j.ResultType}}); err != nil {
		return err
	} else if fired {
		return c.failDriveJob(ctx, j, data, at, rule)
	}
	// With hardware EAR on, DriveAdd enables security on the added drives
	// (D30); a drive-security rule may fail some of them.
	var key *authKey
	var failed map[drives.ID]bool
	var reason string
	if j.ResultType == ResultTypeDriveAdd {
		var candidates []drives.Drive
		err := c.store.View(ctx, func(tx Tx) error {
			var err error
			if key, err = c.currentAuthKey(ctx, tx); err != nil || key == nil {
				return err
			}
			candidates, err = securityCandidates(ctx, tx, data.DriveIDs)
			return err
		})
		if err != nil {
			return err
		}
		if failed, reason, err = c.securityRule(ctx, "enable", candidates); err != nil {
			return err
		}
	}
	return c.commit(ctx, at, func(tx Tx) error {
		var enable []drives.Drive
		for _, id := range data.DriveIDs {
			d, err := tx.Drive(ctx, drives.ID(id))
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			switch j.ResultType {
			case ResultTypeDriveAdd:
				if key != nil && needsSecurity(d) {
					enable = append(enable, d)
				}
				continue
			case ResultTypeDriveRemoval:
				switch d.Status {
				case drives.Removing:
					if err := c.setStatus(ctx, tx, &d, drives.Available, at); err != nil {
						return err
					}
					clearSecurity(&d)
				case drives.Failed:
					d.Removed = true
				}
			case ResultTypeDriveSecureErase:
				if d.Status == drives.Erasing {
					if err := c.setStatus(ctx, tx, &d, drives.Available, at); err != nil {
						return err
					}
				}
				clearSecurity(&d)
			}
			if err := tx.PutDrive(ctx, d); err != nil {
				return err
			}
		}
		if len(enable) > 0 {
			if err := c.enableSecurity(ctx, tx, enable, *key, failed, reason, at); err != nil {
				return err
			}
		}
		j.Complete(at, nil)
		return tx.PutJob(ctx, j)
	})
}

// failDriveJob ends a drive job with the failure a job rule injects; its
// state effects are rolled back (docs/element-api.md, Async jobs; (al)).
func (c *Cluster) failDriveJob(ctx context.Context, j asyncjobs.Job, data driveJobData, at time.Time, rule faults.Rule) error {
	msg := rule.Params["message"]
	if msg == "" {
		msg = "Injected by fault rule " + itoa(rule.ID)
	}
	return c.commit(ctx, at, func(tx Tx) error {
		for _, id := range data.DriveIDs {
			d, err := tx.Drive(ctx, drives.ID(id))
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			var back drives.Status
			switch {
			case j.ResultType == ResultTypeDriveAdd && d.Status == drives.Active:
				back = drives.Available
			case j.ResultType == ResultTypeDriveRemoval && d.Status == drives.Removing:
				back = drives.Active
			case j.ResultType == ResultTypeDriveSecureErase && d.Status == drives.Erasing:
				back = drives.Available
			default:
				continue
			}
			if err := c.setStatus(ctx, tx, &d, back, at); err != nil {
				return err
			}
			if err := tx.PutDrive(ctx, d); err != nil {
				return err
			}
		}
		j.Complete(at, &asyncjobs.Failure{Name: rule.Params["name"], Message: msg})
		return tx.PutJob(ctx, j)
	})
}

// securityRule fires a drive-security rule for the drives of an operation
// ("enable" or "disable") and returns the drives it fails, with the reason.
// It runs outside any transaction.
func (c *Cluster) securityRule(ctx context.Context, op string, ds []drives.Drive) (map[drives.ID]bool, string, error) {
	if len(ds) == 0 {
		return nil, "", nil
	}
	present := map[string]bool{}
	for _, d := range ds {
		present[strconv.FormatInt(int64(d.ID), 10)] = true
	}
	rule, fired, err := c.FireRuleWhere(ctx, func(r faults.Rule) bool {
		if r.Target != faults.DriveSecurity {
			return false
		}
		if o := firstNonEmpty(r.Match["operation"], r.Params["operation"]); o != "" && !strings.EqualFold(o, op) {
			return false
		}
		want := r.Match["driveIDs"]
		if want == "" {
			return true
		}
		for _, id := range strings.Split(want, ",") {
			if present[strings.TrimSpace(id)] {
				return true
			}
		}
		return false
	})
	if err != nil || !fired {
		return nil, "", err
	}
	want := map[string]bool{}
	for _, id := range strings.Split(rule.Match["driveIDs"], ",") {
		if id = strings.TrimSpace(id); id != "" {
			want[id] = true
		}
	}
	failed := map[drives.ID]bool{}
	for _, d := range ds {
		if len(want) == 0 || want[strconv.FormatInt(int64(d.ID), 10)] {
			failed[d.ID] = true
		}
	}
	reason := rule.Params["reason"]
	if reason == "" {
		reason = "SecurityOperationFailed"
	}
	return failed, reason, nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// sortedIDs lists drive IDs ascending.
func sortedIDs(m map[drives.ID]bool) []int64 {
	out := make([]int64, 0, len(m))
	for id := range m {
		out = append(out, int64(id))
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func joinIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ",")
}

// ResetResult is one drive's outcome in ResetDrives.
type ResetResult struct {
	Name string
}

// ResetDrives resets drives of node nodeID by device name ("slot3"): each
// must exist and not be active, removing or erasing; the effect is a secure
// erase, done at once (docs/element-api.md, ResetDrives).
func (c *Cluster) ResetDrives(ctx context.Context, nodeID int64, names []string) ([]ResetResult, error) {
	var out []ResetResult
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		ds, err := tx.Drives(ctx)
		if err != nil {
			return err
		}
		bySlot := map[string]drives.Drive{}
		for _, d := range ds {
			if d.NodeID == nodeID && !d.Removed {
				bySlot["slot"+strconv.Itoa(d.Slot)] = d
			}
		}
		var todo []drives.Drive
		seen := map[string]bool{}
		for _, name := range names {
			d, ok := bySlot[name]
			if !ok {
				return ErrInvalidParam("drives", fmt.Sprintf("no drive named %q on node %d", name, nodeID))
			}
			if seen[name] {
				return ErrInvalidParam("drives", fmt.Sprintf("drive %q is listed more than once", name))
			}
			seen[name] = true
			switch d.Status {
			case drives.Active, drives.Removing, drives.Erasing:
				return errDriveState(d, drives.Available, drives.Failed)
			}
			todo = append(todo, d)
		}
		for i, d := range todo {
			clearSecurity(&d)
			if err := tx.PutDrive(ctx, d); err != nil {
				return err
			}
			out = append(out, ResetResult{Name: names[i]})
		}
		return c.apiEvent(ctx, tx, now, "ResetDrives")
	})
	return out, err
}

// NodeForHost picks the node the node listener serves (D8): the one whose
// MIP is host, else the lowest node ID.
func (c *Cluster) NodeForHost(ctx context.Context, host string) (Node, error) {
	var out Node
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		nodes, err := tx.Nodes(ctx)
		if err != nil {
			return err
		}
		first := true
		for _, n := range nodes {
			if !n.Active { // removed (docs/nodes.md)
				continue
			}
			if first || n.MIP == host {
				out, first = n, false
			}
			if n.MIP == host {
				return nil
			}
		}
		return nil
	})
	return out, err
}
