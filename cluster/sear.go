package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/element-emulator/element-emulator/asyncjobs"
	"github.com/element-emulator/element-emulator/faults"
)

// ResultTypeRekey is the rekey job's resultType (documented).
const ResultTypeRekey = "RekeySoftwareEncryptionAtRestMasterKey"

// Rekey phases and their SearRekeyMasterKeyInfo state names (D22).
var rekeyStates = []string{"CreateNewMasterKey", "RewrapDataEncryptionKeys", "DecommissionOldMasterKey", "Ready"}

// KeyInfo is Element's EncryptionKeyInfo.
type KeyInfo struct {
	KeyID      string
	Type       KeyType
	ProviderID int64 // external only
	Created    time.Time
}

// rekeyData is the rekey job's own state, stored in the job row.
type rekeyData struct {
	Old       KeyInfo `json:"old"`
	New       KeyInfo `json:"new"`
	Operation string  `json:"operation"`
}

// RekeyInfo is the SearRekeyMasterKeyInfo payload of a rekey job.
type RekeyInfo struct {
	KeyToDecommission KeyInfo
	NewKey            KeyInfo
	Operation         string
	State             string
}

// SEARInfo is GetSoftwareEncryptionAtRestInfo's answer.
type SEARInfo struct {
	Enabled   bool
	Version   int
	MasterKey *KeyInfo
	// RekeyHandle is 0 before the first rekey.
	RekeyHandle asyncjobs.Handle
}

// SoftwareEARInfo returns the SEAR state and current master key.
func (c *Cluster) SoftwareEARInfo(ctx context.Context) (SEARInfo, error) {
	var out SEARInfo
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		out = SEARInfo{Enabled: st.SEAREnabled, Version: st.SEARVersion, RekeyHandle: st.RekeyHandle}
		if !st.SEAREnabled {
			return nil
		}
		k, ok, err := currentKey(ctx, tx, PurposeMaster)
		if err != nil || !ok {
			return err
		}
		ki := keyInfo(k)
		out.MasterKey = &ki
		return nil
	})
	return out, err
}

func keyInfo(k Key) KeyInfo {
	return KeyInfo{KeyID: k.KeyID, Type: k.Type, ProviderID: k.ProviderID, Created: k.Created}
}

func currentKey(ctx context.Context, tx Tx, p KeyPurpose) (Key, bool, error) {
	keys, err := tx.Keys(ctx)
	if err != nil {
		return Key{}, false, err
	}
	for _, k := range keys {
		if k.Purpose == p && k.Status == KeyCurrent {
			return k, true, nil
		}
	}
	return Key{}, false, nil
}

func describe(k KeyInfo) string {
	if k.Type == External {
		return fmt.Sprintf("External Key Management with keyProviderID=%d", k.ProviderID)
	}
	return "Internal Key Management"
}

// rekeyOperation is the job's operation text (D22).
func rekeyOperation(old, new KeyInfo) string {
	if old.Type == new.Type && (old.Type == Internal || old.ProviderID == new.ProviderID) {
		return "Rekeying Master Key. Master Key management remains with " + describe(old)
	}
	return "Rekeying Master Key. Master Key management being transferred from " + describe(old) + " to " + describe(new)
}

// RekeyRequest holds RekeySoftwareEncryptionAtRestMasterKey's parameters
// (nil = not supplied).
type RekeyRequest struct {
	Type       *KeyType
	ProviderID *int64
}

// RekeyMasterKey starts a master-key rekey job and returns its handle. No
// key server is contacted before the answer (D12, D22).
func (c *Cluster) RekeyMasterKey(ctx context.Context, r RekeyRequest) (asyncjobs.Handle, error) {
	var h asyncjobs.Handle
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		cur, hasCur, err := currentKey(ctx, tx, PurposeMaster)
		if err != nil {
			return err
		}
		// Type inference (D22).
		typ := Internal
		switch {
		case r.Type != nil:
			typ = *r.Type
		case r.ProviderID != nil:
			typ = External
		case hasCur:
			typ = cur.Type
		}
		var pid int64
		switch typ {
		case Internal:
			if r.ProviderID != nil {
				return ErrInvalidParam("keyProviderID", "not allowed with keyManagementType Internal")
			}
		case External:
			switch {
			case r.ProviderID != nil:
				pid = *r.ProviderID
			case hasCur && cur.Type == External:
				pid = cur.ProviderID
			default:
				return ErrMissingParam("keyProviderID")
			}
		}
		if !st.SEAREnabled || !hasCur {
			return ErrNotPermitted("Software encryption at rest is not enabled on this cluster.")
		}
		jobs, err := tx.Jobs(ctx)
		if err != nil {
			return err
		}
		for _, j := range jobs {
			if j.ResultType == ResultTypeRekey && !j.Done() {
				return ErrNotPermitted("A master key rekey is already in progress (async handle %d).", j.Handle)
			}
		}
		if typ == External {
			if _, err := c.provider(ctx, tx, pid); err != nil {
				return err
			}
			if _, has, err := providerServer(ctx, tx, pid); err != nil {
				return err
			} else if !has {
				return ErrProviderHasNoServer(pid)
			}
		}
		id, err := tx.NextID(ctx, "asyncHandle")
		if err != nil {
			return err
		}
		h = asyncjobs.Handle(id)
		created := now.UTC().Truncate(time.Second)
		d := rekeyData{Old: keyInfo(cur), New: KeyInfo{KeyID: c.uuid(), Type: typ, ProviderID: pid, Created: created}}
		d.Operation = rekeyOperation(d.Old, d.New)
		data, err := json.Marshal(d)
		if err != nil {
			return err
		}
		j := asyncjobs.Job{Handle: h, ResultType: ResultTypeRekey, Status: asyncjobs.Running, Created: created,
			Updated: created, Phase: 0, Due: created.Add(c.phase()), Data: data}
		if err := tx.PutJob(ctx, j); err != nil {
			return err
		}
		if err := c.event(ctx, tx, now, "encryptionAtRestEvent", "Master key rekey started",
			map[string]any{"asyncHandle": id, "operation": d.Operation}); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, "RekeySoftwareEncryptionAtRestMasterKey")
	})
	return h, err
}

// phase is one third of the rekey duration.
func (c *Cluster) phase() time.Duration { return c.cfg.RekeyDuration / 3 }

// rekeyInfo builds the job's payload as clients see it.
func rekeyInfo(j asyncjobs.Job) (RekeyInfo, error) {
	var d rekeyData
	if err := json.Unmarshal(j.Data, &d); err != nil {
		return RekeyInfo{}, err
	}
	state := rekeyStates[len(rekeyStates)-1]
	if !j.Done() && j.Phase < len(rekeyStates) {
		state = rekeyStates[j.Phase]
	}
	return RekeyInfo{KeyToDecommission: d.Old, NewKey: d.New, Operation: d.Operation, State: state}, nil
}

// stepRekey ends the current phase of a running rekey job at time at. It
// runs under settleMu, outside any transaction while it talks KMIP.
func (c *Cluster) stepRekey(ctx context.Context, j asyncjobs.Job, at time.Time) error {
	var d rekeyData
	if err := json.Unmarshal(j.Data, &d); err != nil {
		return err
	}
	switch j.Phase {
	case 0:
		return c.rekeyCreate(ctx, j, d, at)
	case 1:
		return c.commit(ctx, at, func(tx Tx) error {
			j.Phase, j.Updated, j.Due = 2, at, j.Created.Add(3*c.phase())
			if err := tx.PutJob(ctx, j); err != nil {
				return err
			}
			return c.event(ctx, tx, at, "encryptionAtRestEvent", "Master key rekey DecommissionOldMasterKey",
				map[string]any{"asyncHandle": int64(j.Handle)})
		})
	default:
		return c.rekeyFinish(ctx, j, d, at)
	}
}

// rekeyCreate ends CreateNewMasterKey: the new key is made (on the target
// key server when external) and recorded as pending.
func (c *Cluster) rekeyCreate(ctx context.Context, j asyncjobs.Job, d rekeyData, at time.Time) error {
	if rule, fired, err := c.fireRule(ctx, faults.Event{Target: faults.Job, Attrs: map[string]string{"resultType": j.ResultType}}); err != nil {
		return err
	} else if fired {
		msg := rule.Params["message"]
		if msg == "" {
			msg = "Injected by fault rule " + itoa(rule.ID)
		}
		return c.failJob(ctx, j, at, &asyncjobs.Failure{Name: rule.Params["name"], Message: msg}, 0, nil)
	}
	k := Key{KeyID: d.New.KeyID, Purpose: PurposeMaster, Type: d.New.Type, ProviderID: d.New.ProviderID, Created: j.Created, Status: KeyPending}
	if d.New.Type == Internal {
		k.Material = make([]byte, 32)
		if _, err := io.ReadFull(c.rand, k.Material); err != nil {
			return err
		}
	} else {
		var t KeyServerTarget
		var has bool
		err := c.store.View(ctx, func(tx Tx) error {
			ks, ok, err := providerServer(ctx, tx, d.New.ProviderID)
			if err != nil || !ok {
				return err
			}
			has = true
			t, err = c.target(ctx, tx, ks, at)
			return err
		})
		if err != nil {
			return err
		}
		if !has {
			e := ErrProviderHasNoServer(d.New.ProviderID)
			return c.failJob(ctx, j, at, &asyncjobs.Failure{Name: e.Name, Message: e.Message}, 0, nil)
		}
		var uid string
		err = c.contactKey(ctx, t, func() error {
			var err error
			uid, err = c.keys.CreateKey(ctx, t, k.KeyID, string(PurposeMaster))
			return err
		})
		if err != nil {
			e := kmipError(err)
			c.log.Warn("rekey: creating the new master key failed", "asyncHandle", int64(j.Handle), "keyServerID", t.KeyServerID, "error", e.Message)
			return c.failJob(ctx, j, at, &asyncjobs.Failure{Name: e.Name, Message: e.Message}, t.KeyServerID, e)
		}
		k.UID, k.ServerID = uid, t.KeyServerID
	}
	return c.commit(ctx, at, func(tx Tx) error {
		if err := tx.PutKey(ctx, k); err != nil {
			return err
		}
		if k.ServerID != 0 {
			if err := c.resolveKMIPFault(ctx, tx, k.ServerID, at); err != nil {
				return err
			}
		}
		j.Phase, j.Updated, j.Due = 1, at, j.Created.Add(2*c.phase())
		if err := tx.PutJob(ctx, j); err != nil {
			return err
		}
		return c.event(ctx, tx, at, "encryptionAtRestEvent", "Master key rekey RewrapDataEncryptionKeys",
			map[string]any{"asyncHandle": int64(j.Handle), "keyID": k.KeyID})
	})
}

// contactKey is contact() for a key operation, with a missing client key
// reported locally.
func (c *Cluster) contactKey(ctx context.Context, t KeyServerTarget, fn func() error) error {
	if len(t.ClientKeyPEM) == 0 {
		return ErrNoClientKey
	}
	return c.contact(ctx, t, "Create", fn)
}

// rekeyFinish ends DecommissionOldMasterKey: the old key is decommissioned
// (a failure only raises a fault), the new key comes into force, and the
// job completes.
func (c *Cluster) rekeyFinish(ctx context.Context, j asyncjobs.Job, d rekeyData, at time.Time) error {
	var old Key
	var t KeyServerTarget
	var oldServerExists bool
	err := c.store.View(ctx, func(tx Tx) error {
		keys, err := tx.Keys(ctx)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if k.KeyID == d.Old.KeyID {
				old = k
			}
		}
		if old.Type != External {
			return nil
		}
		t, oldServerExists, err = c.keyTarget(ctx, tx, old, at)
		return err
	})
	if err != nil {
		return err
	}
	var decomErr *Error
	if old.Type == External {
		decomErr = c.decommission(ctx, old, t, oldServerExists)
	}
	return c.commit(ctx, at, func(tx Tx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		keys, err := tx.Keys(ctx)
		if err != nil {
			return err
		}
		for _, k := range keys {
			switch {
			case k.KeyID == d.New.KeyID:
				k.Status = KeyCurrent
			case k.KeyID == d.Old.KeyID:
				k.Status = KeyDecommissioned
				k.Material = nil
			default:
				continue
			}
			if err := tx.PutKey(ctx, k); err != nil {
				return err
			}
		}
		if decomErr != nil {
			c.log.Warn("rekey: decommissioning the old master key failed", "keyID", old.KeyID, "keyServerID", old.ServerID, "error", decomErr.Message)
			msg := fmt.Sprintf("%s (decommissioning master key %s of key provider %d)", decomErr.Message, old.KeyID, old.ProviderID)
			if err := c.raiseKMIPFault(ctx, tx, old.ServerID, msg, at); err != nil {
				return err
			}
		} else if old.Type == External {
			if err := c.resolveKMIPFault(ctx, tx, old.ServerID, at); err != nil {
				return err
			}
		}
		st.RekeyHandle = j.Handle
		if err := tx.PutState(ctx, st); err != nil {
			return err
		}
		j.Complete(at, nil)
		if err := tx.PutJob(ctx, j); err != nil {
			return err
		}
		return c.event(ctx, tx, at, "encryptionAtRestEvent", "Master key rekey Ready",
			map[string]any{"asyncHandle": int64(j.Handle), "keyID": d.New.KeyID})
	})
}

// failJob completes a job with a failure; a KMIP failure also raises the
// server's kmipServerFault.
func (c *Cluster) failJob(ctx context.Context, j asyncjobs.Job, at time.Time, f *asyncjobs.Failure, serverID int64, kerr *Error) error {
	return c.commit(ctx, at, func(tx Tx) error {
		j.Complete(at, f)
		if err := tx.PutJob(ctx, j); err != nil {
			return err
		}
		if kerr != nil {
			if err := c.raiseKMIPFault(ctx, tx, serverID, kerr.Message, at); err != nil {
				return err
			}
		}
		return c.event(ctx, tx, at, "encryptionAtRestEvent", "Master key rekey failed: "+f.Name,
			map[string]any{"asyncHandle": int64(j.Handle), "error": f.Message})
	})
}
