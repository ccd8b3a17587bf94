package cluster

import (
	"context"
	"errors"
	"time"
)

// BootRetryInterval is how often a failed boot key retrieval is retried
// (D31/D34: at most once per 60 s of emulator time).
const BootRetryInterval = 60 * time.Second

// PowerCycle simulates a power cycle of the cluster (spec §3.5): the keys
// the cluster depends on must be read back from their key servers. The
// retrieval runs at once (as the next settlement) and is retried every 60 s
// until it succeeds. A process start on a database with an external key
// counts as a power cycle.
func (c *Cluster) PowerCycle(ctx context.Context) error {
	return c.update(ctx, func(tx Tx, now time.Time) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		keys, err := tx.Keys(ctx)
		if err != nil {
			return err
		}
		external := false
		for _, k := range keys {
			external = external || (k.Status == KeyCurrent && k.Type == External)
		}
		if !external {
			return nil // internal keys are always available at power-on
		}
		st.BootDue = now
		if err := tx.PutState(ctx, st); err != nil {
			return err
		}
		return c.event(ctx, tx, now, "encryptionAtRestEvent", "Cluster power cycle: reading keys back", nil)
	})
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
	err := c.store.View(ctx, func(tx Tx) error {
		keys, err := tx.Keys(ctx)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if k.Status != KeyCurrent || k.Type != External {
				continue
			}
			bk := bootKey{key: k}
			ks, err := tx.KeyServer(ctx, k.ServerID)
			switch {
			case errors.Is(err, ErrNotFound):
			case err != nil:
				return err
			default:
				bk.ok = true
				if bk.t, err = c.target(ctx, tx, ks, at); err != nil {
					return err
				}
			}
			todo = append(todo, bk)
		}
		return nil
	})
	if err != nil {
		return err
	}
	failures := map[int64]string{}
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
			c.log.Warn("boot: reading a key back failed", "keyID", bk.key.KeyID, "keyServerID", bk.key.ServerID, "error", e.Message)
		} else {
			succeeded[bk.key.ServerID] = true
		}
	}
	return c.store.Update(ctx, func(tx Tx) error {
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
		if len(failures) > 0 {
			st.BootDue = at.Add(BootRetryInterval)
			if err := c.event(ctx, tx, at, "encryptionAtRestEvent", "Key retrieval at boot failed; retrying in 60 s", nil); err != nil {
				return err
			}
		} else {
			st.BootDue = time.Time{}
			if len(todo) > 0 {
				if err := c.event(ctx, tx, at, "encryptionAtRestEvent", "Keys read back from the key servers", nil); err != nil {
					return err
				}
			}
		}
		return tx.PutState(ctx, st)
	})
}
