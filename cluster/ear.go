package cluster

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/drives"
)

// authKey is the hardware-EAR authentication key drives are locked with.
type authKey struct {
	KeyID      string
	ProviderID int64 // 0 = internal
}

// currentAuthKey returns the key in force while hardware EAR is enabled.
func (c *Cluster) currentAuthKey(ctx context.Context, tx Tx) (*authKey, error) {
	st, err := tx.State(ctx)
	if err != nil {
		return nil, err
	}
	if st.EAR != EAREnabled || st.EARKeyID == "" {
		return nil, nil
	}
	return &authKey{KeyID: st.EARKeyID, ProviderID: st.EARProviderID}, nil
}

// needsSecurity says whether hardware EAR covers the drive (D30).
func needsSecurity(d drives.Drive) bool {
	return d.Status == drives.Active && d.Capability != drives.CapNone && !d.Security.Enabled && !d.Removed
}

// securityCandidates lists the drives among ids (all when nil) that
// hardware EAR would enable security on.
func securityCandidates(ctx context.Context, tx Tx, ids []int64) ([]drives.Drive, error) {
	ds, err := tx.Drives(ctx)
	if err != nil {
		return nil, err
	}
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []drives.Drive
	for _, d := range ds {
		if (ids == nil || want[int64(d.ID)]) && needsSecurity(d) {
			out = append(out, d)
		}
	}
	return out, nil
}

// enableSecurity sets a drive password from key on each drive, except the
// ones a drive-security rule fails (enableDriveSecurityFailed).
func (c *Cluster) enableSecurity(ctx context.Context, tx Tx, ds []drives.Drive, key authKey, failed map[drives.ID]bool, reason string, now time.Time) error {
	for _, d := range ds {
		if failed[d.ID] {
			d.SecurityFault = reason
		} else {
			d.Security = drives.Security{Enabled: true, KeyID: key.KeyID, ProviderID: key.ProviderID}
			d.SecurityFault = ""
		}
		if err := tx.PutDrive(ctx, d); err != nil {
			return err
		}
	}
	cond := "enableDriveSecurityFailed"
	if len(failed) > 0 {
		ids := sortedIDs(failed)
		return c.raise(ctx, tx, Fault{Code: CodeEnableSecurityFailed, Severity: "warning", Type: "drive", DriveIDs: ids,
			Details: fmt.Sprintf("Failed to enable drive security on drive(s) %s: %s", joinIDs(ids), reason), Cond: cond}, now)
	}
	return c.resolve(ctx, tx, cond, now)
}

// EARInfo is GetEncryptionAtRestInfo's answer.
type EARInfo struct {
	State      EARState
	Key        *KeyInfo // while enabling/enabled/disabling
	Generation int
	KeyCreated time.Time
}

// EncryptionAtRestInfo returns the hardware EAR state and key.
func (c *Cluster) EncryptionAtRestInfo(ctx context.Context) (EARInfo, error) {
	var out EARInfo
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		out = EARInfo{State: st.EAR, Generation: st.EARGeneration}
		if st.EAR == EARDisabled {
			return nil
		}
		ki := KeyInfo{KeyID: st.EARKeyID, Type: Internal, ProviderID: st.EARProviderID}
		if st.EARProviderID != 0 {
			ki.Type = External
		}
		if st.EARKeyID != "" {
			keys, err := tx.Keys(ctx)
			if err != nil {
				return err
			}
			for _, k := range keys {
				if k.KeyID == st.EARKeyID {
					ki.Created = k.Created
				}
			}
		}
		out.Key = &ki
		out.KeyCreated = ki.Created
		return nil
	})
	return out, err
}

// encryptable checks the hardware can do EAR (D50).
func encryptable(ctx context.Context, tx Tx) error {
	nodes, err := tx.Nodes(ctx)
	if err != nil {
		return err
	}
	for _, n := range nodes {
		if !n.Active {
			continue
		}
		if strings.HasSuffix(n.NodeType, "-NE") {
			return ErrNotPermitted("Encryption not allowed. Cluster detected non-encryptable node")
		}
		if strings.Contains(strings.ToLower(n.NodeType), "demo") {
			return ErrNotPermitted("Encryption is not supported on demo nodes.")
		}
	}
	ds, err := tx.Drives(ctx)
	if err != nil {
		return err
	}
	for _, d := range ds {
		if d.Status == drives.Active && !d.Removed && d.Capability == drives.CapNone {
			return ErrNotPermitted("Encryption not allowed. Cluster detected non-encryptable drive")
		}
	}
	return nil
}

// EnableEncryptionAtRest starts enabling hardware EAR with the provider's
// key server (providerID) or an internal key (nil). It answers before the
// key is obtained (D18).
func (c *Cluster) EnableEncryptionAtRest(ctx context.Context, providerID *int64) error {
	return c.update(ctx, func(tx Tx, now time.Time) error {
		var pid int64
		if providerID != nil {
			pid = *providerID
			if _, err := c.provider(ctx, tx, pid); err != nil {
				return err
			}
			if _, has, err := providerServer(ctx, tx, pid); err != nil {
				return err
			} else if !has {
				return ErrProviderHasNoServer(pid)
			}
		}
		if err := encryptable(ctx, tx); err != nil {
			return err
		}
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		switch st.EAR {
		case EARDisabled:
		case EAREnabled:
			if st.EARProviderID == pid {
				return nil // same key source: a no-op (D18)
			}
			return ErrNotPermitted("Encryption at rest is %s.", st.EAR)
		default:
			return ErrNotPermitted("Encryption at rest is %s.", st.EAR)
		}
		st.EAR, st.EARDue, st.EARProviderID, st.EARKeyID = EAREnabling, now.Add(c.cfg.EARTransition), pid, ""
		st.EARPendingKeyID = c.uuid()
		if err := tx.PutState(ctx, st); err != nil {
			return err
		}
		if err := c.event(ctx, tx, now, "encryptionAtRestEvent", "Encryption at rest enabling", map[string]any{"keyProviderID": pid}); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, "EnableEncryptionAtRest")
	})
}

// DisableEncryptionAtRest starts disabling hardware EAR (D19).
func (c *Cluster) DisableEncryptionAtRest(ctx context.Context) error {
	return c.update(ctx, func(tx Tx, now time.Time) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		switch st.EAR {
		case EARDisabled:
			return nil
		case EAREnabled:
		default:
			return ErrNotPermitted("Encryption at rest is %s.", st.EAR)
		}
		st.EAR, st.EARDue = EARDisabling, now.Add(c.cfg.EARTransition)
		if err := tx.PutState(ctx, st); err != nil {
			return err
		}
		if err := c.event(ctx, tx, now, "encryptionAtRestEvent", "Encryption at rest disabling", nil); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, "DisableEncryptionAtRest")
	})
}

// stepEAR ends an enabling or disabling transition at time at.
func (c *Cluster) stepEAR(ctx context.Context, at time.Time) error {
	var st State
	if err := c.store.View(ctx, func(tx Tx) error {
		var err error
		st, err = tx.State(ctx)
		return err
	}); err != nil {
		return err
	}
	switch st.EAR {
	case EAREnabling:
		return c.finishEnable(ctx, st, at)
	case EARDisabling:
		return c.finishDisable(ctx, st, at)
	}
	return c.commit(ctx, at, func(tx Tx) error {
		st.EARDue = time.Time{}
		return tx.PutState(ctx, st)
	})
}

// finishEnable obtains the authentication key (internally, or created on
// the provider's key server) and locks every active drive with it; if the
// key server cannot be used EAR goes back to disabled and kmipServerFault
// is raised (D18).
func (c *Cluster) finishEnable(ctx context.Context, st State, at time.Time) error {
	keyID := st.EARPendingKeyID
	if keyID == "" {
		keyID = c.uuid() // enabling began before keyIDs were chosen up front
	}
	key := Key{KeyID: keyID, Purpose: PurposeAuth, Type: Internal, Created: at.UTC().Truncate(time.Second), Status: KeyCurrent}
	var kerr *Error
	var serverID int64
	var candidates []drives.Drive
	if st.EARProviderID == 0 {
		key.Material = make([]byte, 32)
		if _, err := io.ReadFull(c.rand, key.Material); err != nil {
			return err
		}
	} else {
		var t KeyServerTarget
		var has bool
		err := c.store.View(ctx, func(tx Tx) error {
			ks, ok, err := providerServer(ctx, tx, st.EARProviderID)
			if err != nil || !ok {
				return err
			}
			has, serverID = true, ks.ID
			t, err = c.target(ctx, tx, ks, at)
			return err
		})
		if err != nil {
			return err
		}
		if !has {
			kerr = &Error{Name: NameKmipServerError, Message: fmt.Sprintf("Server error: key provider %d has no key server", st.EARProviderID)}
		} else {
			err = c.contactKey(ctx, t, func() error {
				var err error
				key.UID, err = c.keys.CreateKey(ctx, t, key.KeyID, string(PurposeAuth))
				return err
			})
			if err != nil {
				kerr = kmipError(err)
			}
			key.Type, key.ProviderID, key.ServerID = External, st.EARProviderID, serverID
		}
	}
	var failed map[drives.ID]bool
	var reason string
	if kerr == nil {
		if err := c.store.View(ctx, func(tx Tx) error {
			var err error
			candidates, err = securityCandidates(ctx, tx, nil)
			return err
		}); err != nil {
			return err
		}
		var err error
		if failed, reason, err = c.securityRule(ctx, "enable", candidates); err != nil {
			return err
		}
	}
	return c.commit(ctx, at, func(tx Tx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		if st.EAR != EAREnabling {
			return nil
		}
		st.EARDue, st.EARPendingKeyID = time.Time{}, ""
		if kerr != nil {
			c.log.Warn("enabling encryption at rest failed", "keyProviderID", st.EARProviderID, "error", kerr.Message)
			st.EAR, st.EARProviderID = EARDisabled, 0
			if err := tx.PutState(ctx, st); err != nil {
				return err
			}
			if serverID != 0 {
				if err := c.raiseKMIPFault(ctx, tx, serverID, kerr.Message, at); err != nil {
					return err
				}
			}
			return c.event(ctx, tx, at, "encryptionAtRestEvent", "Encryption at rest disabled: "+kerr.Message, nil)
		}
		if err := tx.PutKey(ctx, key); err != nil {
			return err
		}
		st.EAR, st.EARKeyID = EAREnabled, key.KeyID
		st.EARGeneration++
		if err := tx.PutState(ctx, st); err != nil {
			return err
		}
		if serverID != 0 {
			if err := c.resolveKMIPFault(ctx, tx, serverID, at); err != nil {
				return err
			}
		}
		// Re-read the candidates inside the transaction: only still-eligible drives.
		now, err := securityCandidates(ctx, tx, nil)
		if err != nil {
			return err
		}
		if err := c.enableSecurity(ctx, tx, now, authKey{KeyID: key.KeyID, ProviderID: key.ProviderID}, failed, reason, at); err != nil {
			return err
		}
		return c.event(ctx, tx, at, "encryptionAtRestEvent", "Encryption at rest enabled", map[string]any{"keyID": key.KeyID})
	})
}

// finishDisable turns drive security off, then decommissions an external
// authentication key on its server; a failure there only raises
// kmipServerFault (D19).
func (c *Cluster) finishDisable(ctx context.Context, st State, at time.Time) error {
	var key Key
	var t KeyServerTarget
	var haveServer bool
	var secured []drives.Drive
	err := c.store.View(ctx, func(tx Tx) error {
		keys, err := tx.Keys(ctx)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if k.KeyID == st.EARKeyID {
				key = k
			}
		}
		ds, err := tx.Drives(ctx)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if d.Security.Enabled && d.Security.KeyID == st.EARKeyID {
				secured = append(secured, d)
			}
		}
		if key.Type != External {
			return nil
		}
		t, haveServer, err = c.keyTarget(ctx, tx, key, at)
		return err
	})
	if err != nil {
		return err
	}
	failed, reason, err := c.securityRule(ctx, "disable", secured)
	if err != nil {
		return err
	}
	var kerr *Error
	if key.Type == External && len(failed) == 0 {
		kerr = c.decommission(ctx, key, t, haveServer)
	}
	return c.commit(ctx, at, func(tx Tx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		if st.EAR != EARDisabling {
			return nil
		}
		for _, d := range secured {
			d, err := tx.Drive(ctx, d.ID)
			if err != nil {
				return err
			}
			if failed[d.ID] {
				d.SecurityFault = reason
			} else {
				clearSecurity(&d)
			}
			if err := tx.PutDrive(ctx, d); err != nil {
				return err
			}
		}
		cond := "disableDriveSecurityFailed"
		if len(failed) > 0 {
			ids := sortedIDs(failed)
			if err := c.raise(ctx, tx, Fault{Code: CodeDisableSecurityFailed, Severity: "warning", Type: "drive", DriveIDs: ids,
				Details: fmt.Sprintf("Drive security still enabled on drive(s) %s: %s", joinIDs(ids), reason), Cond: cond}, at); err != nil {
				return err
			}
		}
		if key.KeyID != "" && len(failed) == 0 {
			key.Status, key.Material = KeyDecommissioned, nil
			if err := tx.PutKey(ctx, key); err != nil {
				return err
			}
		}
		if kerr != nil {
			msg := fmt.Sprintf("%s (decommissioning authentication key %s of key provider %d)", kerr.Message, key.KeyID, key.ProviderID)
			if err := c.raiseKMIPFault(ctx, tx, key.ServerID, msg, at); err != nil {
				return err
			}
		} else if key.Type == External && haveServer && len(failed) == 0 {
			if err := c.resolveKMIPFault(ctx, tx, key.ServerID, at); err != nil {
				return err
			}
		}
		st.EAR, st.EARDue, st.EARProviderID = EARDisabled, time.Time{}, 0
		if len(failed) == 0 {
			st.EARKeyID = ""
		}
		if err := tx.PutState(ctx, st); err != nil {
			return err
		}
		return c.event(ctx, tx, at, "encryptionAtRestEvent", "Encryption at rest disabled", nil)
	})
}
