package cluster

import (
	"context"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/drives"
)

// BootRetryInterval is how often a failed boot key retrieval is retried
// (D31/D34: at most once per 60 s of emulator time).
const BootRetryInterval = 60 * time.Second

// PowerCycle simulates a power cycle of the given nodes (all when empty;
// docs/element-api.md, Drives; (ab)): every security-enabled drive on them
// comes up locked, and the keys the cluster depends on are read back from
// their key servers. An internal authentication key is always available, so
// those drives unlock at once; external keys are read at the next settlement
// and retried every 60 s until they answer. A process start on existing state
// counts as a power cycle of every node.
func (c *Cluster) PowerCycle(ctx context.Context, nodeIDs []int64) error {
	if err := c.Settle(ctx); err != nil {
		return err
	}
	// No fault evaluation here: the locked window before the key is read
	// back is not observable on success ("drives unlocked at once"); the
	// retrieval runs at the next settlement, before any other request, and
	// evaluates then.
	return c.store.Update(ctx, func(tx Tx) error {
		now := c.now()
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		nodes, err := tx.Nodes(ctx)
		if err != nil {
			return err
		}
		known := map[int64]bool{}
		for _, n := range nodes {
			if n.Active { // a removed node is not there to restart
				known[n.ID] = true
			}
		}
		cycle := map[int64]bool{}
		for _, id := range nodeIDs {
			if !known[id] {
				return ErrInvalidParam("nodeIDs", "node "+itoa(id)+" does not exist")
			}
			cycle[id] = true
		}
		if len(nodeIDs) == 0 {
			cycle = known
		}
		keys, err := tx.Keys(ctx)
		if err != nil {
			return err
		}
		external := false
		for _, k := range keys {
			external = external || (k.Status == KeyCurrent && k.Type == External)
		}
		ds, err := tx.Drives(ctx)
		if err != nil {
			return err
		}
		locked := 0
		for _, d := range ds {
			if !cycle[d.NodeID] || !d.Security.Enabled || d.Removed {
				continue
			}
			if d.Security.ProviderID == 0 {
				// Internal key: always available, so the drive unlocks at
				// once (this also unlocks a re-inserted pulled drive).
				if d.Security.Locked {
					d.Security.Locked = false
					if err := tx.PutDrive(ctx, d); err != nil {
						return err
					}
				}
				continue
			}
			if !d.Security.Locked {
				d.Security.Locked = true
				locked++
				if err := tx.PutDrive(ctx, d); err != nil {
					return err
				}
			}
		}
		if err := c.event(ctx, tx, now, "encryptionAtRestEvent", "Power cycle of nodes "+joinIDs(sortedNodeIDs(cycle)), nil); err != nil {
			return err
		}
		if external || locked > 0 {
			st.BootDue = now
			return tx.PutState(ctx, st)
		}
		return nil
	})
}

func sortedNodeIDs(m map[int64]bool) []int64 {
	ids := make(map[drives.ID]bool, len(m))
	for id := range m {
		ids[drives.ID(id)] = true
	}
	return sortedIDs(ids)
}

// bootKey is one external key to read back at boot.
type bootKey struct {
	key Key
	t   KeyServerTarget
	ok  bool // the server still exists
}

// stepBoot runs the boot-time key retrieval due at time at.
func (c *Cluster) stepBoot(ctx context.Context, at time.Time) error {
	var todo []bootKey
	var authKeyID string
	err := c.store.View(ctx, func(tx Tx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		if st.EAR == EAREnabled || st.EAR == EARDisabling {
			authKeyID = st.EARKeyID
		}
		keys, err := tx.Keys(ctx)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if k.Type != External || !(k.Status == KeyCurrent || k.KeyID == authKeyID) {
				continue
			}
			bk := bootKey{key: k}
			if bk.t, bk.ok, err = c.keyTarget(ctx, tx, k, at); err != nil {
				return err
			}
			todo = append(todo, bk)
		}
		return nil
	})
	if err != nil {
		return err
	}
	failures := map[int64]string{}   // server → details
	keyFailed := map[string]*Error{} // keyID → error
	succeeded := map[int64]bool{}
	for _, bk := range todo {
		var err error
		switch {
		case !bk.ok:
			err = &kmipFailure{ClassServer, "key server " + itoa(bk.key.ServerID) + " of key " + bk.key.KeyID + " no longer exists"}
		case len(bk.t.ClientKeyPEM) == 0:
			err = ErrNoClientKey
		default:
			err = c.contact(ctx, bk.t, "Get", func() error {
				_, err := c.keys.GetKey(ctx, bk.t, bk.key.UID, bk.key.KeyID)
				return err
			})
		}
		if err != nil {
			e := kmipError(err)
			failures[bk.key.ServerID] = e.Message
			keyFailed[bk.key.KeyID] = e
			c.log.Warn("boot: reading a key back failed", "keyID", bk.key.KeyID, "keyServerID", bk.key.ServerID, "error", e.Message)
		} else {
			succeeded[bk.key.ServerID] = true
		}
	}
	return c.commit(ctx, at, func(tx Tx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		for id := range succeeded {
			if _, failed := failures[id]; !failed {
				if err := c.resolveKMIPFault(ctx, tx, id, at); err != nil {
					return err
				}
			}
		}
		for id, msg := range failures {
			if err := c.raiseKMIPFault(ctx, tx, id, msg, at); err != nil {
				return err
			}
		}
		if err := c.applyUnlock(ctx, tx, keyFailed, at); err != nil {
			return err
		}
		if len(failures) > 0 {
			st.BootDue = at.Add(BootRetryInterval)
			if err := c.event(ctx, tx, at, "encryptionAtRestEvent", "Drive unlock failed: "+firstMessage(keyFailed)+"; retrying in 60 s", nil); err != nil {
				return err
			}
		} else {
			st.BootDue = time.Time{}
			if len(todo) > 0 {
				if err := c.event(ctx, tx, at, "encryptionAtRestEvent", "Drives unlocked", nil); err != nil {
					return err
				}
			}
		}
		return tx.PutState(ctx, st)
	})
}

func firstMessage(m map[string]*Error) string {
	for _, e := range m {
		return e.Message
	}
	return ""
}

// failureDetail maps a key-retrieval failure to driveFailureDetail ((ad)):
// a connection failure or a missing key is DriveLockedKeyUnavailable,
// anything else DriveUnlockFailed.
func failureDetail(e *Error) string {
	if e.Name == NameKmipConnectionFailure || strings.Contains(e.Message, "ItemNotFound") || strings.Contains(e.Message, "unavailable") {
		return "DriveLockedKeyUnavailable"
	}
	return "DriveUnlockFailed"
}

// applyUnlock unlocks every locked drive whose key was read back (drives
// failed by the lock return to active; an ejected metadata drive stays
// available), and fails the locked drives whose key was not.
func (c *Cluster) applyUnlock(ctx context.Context, tx Tx, keyFailed map[string]*Error, at time.Time) error {
	ds, err := tx.Drives(ctx)
	if err != nil {
		return err
	}
	for _, d := range ds {
		if !d.Security.Locked || d.Removed {
			continue
		}
		if e, failed := keyFailed[d.Security.KeyID]; failed {
			if d.Status == drives.Active || d.Status == drives.Removing {
				if err := c.setStatus(ctx, tx, &d, drives.Failed, at); err != nil {
					return err
				}
				d.LockFailed, d.FailedAt = true, at
			}
			if d.Status == drives.Failed && d.LockFailed {
				d.FailureDetail = failureDetail(e)
			}
		} else {
			d.Security.Locked = false
			if d.Status == drives.Failed && d.LockFailed {
				if err := c.setStatus(ctx, tx, &d, drives.Active, at); err != nil {
					return err
				}
			}
		}
		if err := tx.PutDrive(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// stepHealth runs the health timers due at time at: metadata drives failed
// by the lock for 360 s are ejected to available (D31), then every
// condition is re-evaluated (slice escalation and recovery, certificates).
func (c *Cluster) stepHealth(ctx context.Context, at time.Time) error {
	return c.commitEvaluating(ctx, at, allChanged, func(tx Tx) error {
		ds, err := tx.Drives(ctx)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if d.Status == drives.Failed && d.LockFailed && d.Type == drives.Volume && !d.Removed &&
				!at.Before(d.FailedAt.Add(metadataEjectAfter)) {
				if err := c.setStatus(ctx, tx, &d, drives.Available, at); err != nil {
					return err
				}
				if err := tx.PutDrive(ctx, d); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
