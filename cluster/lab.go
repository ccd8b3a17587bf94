package cluster

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/element-emulator/element-emulator/drives"
)

// Lab controls: simulated hardware events that are not Element methods
// (the /_emulator/drives and /_emulator/cluster-faults routes).

// Drive failure details the lab controls use (D29).
const (
	DetailInaccessible = "DriveInaccessible"
	DetailMissing      = "DriveMissing"
)

func (c *Cluster) labDrive(ctx context.Context, tx Tx, id int64) (drives.Drive, error) {
	d, err := tx.Drive(ctx, drives.ID(id))
	if errors.Is(err, ErrNotFound) || err == nil && d.Removed {
		return d, ErrDriveID(id)
	}
	return d, err
}

// FailDrive fails a drive with a driveFailureDetail (default DriveInaccessible).
func (c *Cluster) FailDrive(ctx context.Context, id int64, detail string) (drives.Drive, error) {
	if detail == "" {
		detail = DetailInaccessible
	}
	switch detail {
	case DetailInaccessible, DetailMissing, "DriveLockedKeyUnavailable", "DriveUnlockFailed":
	default:
		return drives.Drive{}, ErrInvalidParam("detail", "must be DriveInaccessible, DriveMissing, DriveLockedKeyUnavailable or DriveUnlockFailed")
	}
	var out drives.Drive
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		d, err := c.labDrive(ctx, tx, id)
		if err != nil {
			return err
		}
		if d.Status == drives.Failed && d.FailureDetail == detail {
			out = d
			return nil
		}
		if d.Status == drives.Erasing {
			return errDriveState(d, drives.Active, drives.Available, drives.Removing, drives.Failed)
		}
		if err := c.setStatus(ctx, tx, &d, drives.Failed, now); err != nil {
			return err
		}
		d.FailureDetail, d.LockFailed = detail, false
		out = d
		return tx.PutDrive(ctx, d)
	})
	return out, err
}

// PullDrive physically removes a drive: it fails with DriveMissing and
// keeps its password, so a re-insertion comes back locked.
func (c *Cluster) PullDrive(ctx context.Context, id int64) (drives.Drive, error) {
	return c.FailDrive(ctx, id, DetailMissing)
}

// EjectMetadata marks a node's metadata drive failed and then shows it as
// available (step 1 of the sliceServiceUnhealthy recovery,
// docs/element-api.md): sliceServiceUnhealthy and driveAvailable follow from
// the evaluation.
func (c *Cluster) EjectMetadata(ctx context.Context, id int64) (drives.Drive, error) {
	var out drives.Drive
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		d, err := c.labDrive(ctx, tx, id)
		if err != nil {
			return err
		}
		if d.Type != drives.Volume {
			return ErrInvalidParam("driveID", fmt.Sprintf("drive %d is a %s drive, not a metadata (volume) drive", id, d.Type))
		}
		if d.Status == drives.Erasing || d.Status == drives.Removing {
			return errDriveState(d, drives.Active, drives.Failed, drives.Available)
		}
		if d.Status == drives.Active {
			if err := c.setStatus(ctx, tx, &d, drives.Failed, now); err != nil {
				return err
			}
		}
		if err := c.setStatus(ctx, tx, &d, drives.Available, now); err != nil {
			return err
		}
		out = d
		return tx.PutDrive(ctx, d)
	})
	return out, err
}

// InsertDrive puts a drive into a node's slot: a new driveID, available,
// with no role yet. A serial of a pulled drive re-inserts that drive: it
// keeps its password and comes back locked.
func (c *Cluster) InsertDrive(ctx context.Context, nodeID int64, slot int, capability drives.Capability, serial string) (drives.Drive, error) {
	if capability == "" {
		capability = drives.CapSED
	}
	switch capability {
	case drives.CapNone, drives.CapSED, drives.CapFIPS:
	default:
		return drives.Drive{}, ErrInvalidParam("capability", "must be none, sed or fips")
	}
	if slot < 0 || slot > 63 {
		return drives.Drive{}, ErrInvalidParam("slot", "must be from 0 to 63")
	}
	var out drives.Drive
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		nodes, err := tx.Nodes(ctx)
		if err != nil {
			return err
		}
		found := false
		for _, n := range nodes {
			found = found || n.ID == nodeID && n.Active
		}
		if !found {
			return ErrInvalidParam("nodeID", fmt.Sprintf("node %d does not exist", nodeID))
		}
		ds, err := tx.Drives(ctx)
		if err != nil {
			return err
		}
		var prior *drives.Drive
		for _, d := range ds {
			d := d
			if d.Removed {
				continue
			}
			if d.NodeID == nodeID && d.Slot == slot && !(d.Status == drives.Failed && d.FailureDetail == DetailMissing) {
				return ErrNotPermitted("Slot %d of node %d holds drive %d.", slot, nodeID, d.ID)
			}
			if serial != "" && d.Serial == serial {
				if d.Status != drives.Failed || d.FailureDetail != DetailMissing {
					return ErrNotPermitted("Drive %d with serial %s is still in node %d.", d.ID, serial, d.NodeID)
				}
				prior = &d
			}
		}
		id, err := tx.NextID(ctx, "drive")
		if err != nil {
			return err
		}
		nd := drives.Drive{ID: drives.ID(id), NodeID: nodeID, Slot: slot, Type: drives.Unknown, Status: drives.Available,
			Capacity: 960197124096, Serial: serial, Capability: capability}
		if nd.Serial == "" {
			nd.Serial = fmt.Sprintf("EMU960N%dS%02dI%d", nodeID, slot, id)
		}
		if prior != nil {
			nd.Type, nd.Capability, nd.Capacity = prior.Type, prior.Capability, prior.Capacity
			nd.Security = prior.Security
			if nd.Security.Enabled {
				nd.Security.Locked = true
			}
			prior.Removed = true
			if err := tx.PutDrive(ctx, *prior); err != nil {
				return err
			}
		}
		if err := tx.PutDrive(ctx, nd); err != nil {
			return err
		}
		out = nd
		return c.driveEvent(ctx, tx, nd, now, fmt.Sprintf("Drive %d inserted in node %d slot %d", id, nodeID, slot))
	})
	return out, err
}

// AddFaultRecord creates an arbitrary cluster fault record (lab control);
// it is resolved only by ResolveFaultRecord or cleared.
func (c *Cluster) AddFaultRecord(ctx context.Context, f Fault) (Fault, error) {
	if f.Code == "" {
		return f, ErrInvalidParam("code", "is required")
	}
	switch f.Severity {
	case "":
		f.Severity = "warning"
	case "warning", "error", "critical", "bestPractice":
	default:
		return f, ErrInvalidParam("severity", "must be warning, error, critical or bestPractice")
	}
	switch f.Type {
	case "":
		f.Type = "cluster"
	case "node", "drive", "cluster", "service", "volume":
	default:
		return f, ErrInvalidParam("type", "must be node, drive, cluster, service or volume")
	}
	if f.DriveIDs == nil {
		f.DriveIDs = []int64{}
	}
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		id, err := tx.NextID(ctx, "clusterFault")
		if err != nil {
			return err
		}
		f.ID, f.Date, f.Cond, f.Resolved, f.ResolvedDate = id, now, "", false, time.Time{}
		return tx.PutClusterFault(ctx, f)
	})
	return f, err
}

// ResolveFaultRecord resolves an open fault record by ID.
func (c *Cluster) ResolveFaultRecord(ctx context.Context, id int64) error {
	return c.update(ctx, func(tx Tx, now time.Time) error {
		all, err := tx.ClusterFaults(ctx)
		if err != nil {
			return err
		}
		for _, f := range all {
			if f.ID != id {
				continue
			}
			if f.Resolved {
				return nil
			}
			f.Resolved, f.ResolvedDate = true, now
			return tx.PutClusterFault(ctx, f)
		}
		return ErrInvalidParam("clusterFaultID", fmt.Sprintf("cluster fault %d does not exist", id))
	})
}
