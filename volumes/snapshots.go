package volumes

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"
)

// SnapshotSpec is CreateSnapshot's input.
type SnapshotSpec struct {
	VolumeID    int64
	SnapshotID  *int64 // make the snapshot from this one instead of the volume
	Name        *string
	Retention   *time.Duration
	Expires     *time.Time
	Remote      bool
	Attributes  Attributes
	MirrorLabel string
}

func getSnapshot(ctx context.Context, tx Tx, id int64) (Snapshot, error) {
	sn, err := tx.Snapshot(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return sn, errSnapshot(id)
	}
	return sn, err
}

func checksum(v Volume, id int64) string {
	h := sha256.Sum256([]byte(itoa(v.ID) + "/" + itoa(id) + "/" + itoa(v.TotalSize)))
	return "0x" + hex.EncodeToString(h[:4])
}

func (s *Service) takeSnapshot(ctx context.Context, tx Tx, v Volume, sp SnapshotSpec, now time.Time) (Snapshot, error) {
	existing, err := tx.Snapshots(ctx, v.ID)
	if err != nil {
		return Snapshot{}, err
	}
	if len(existing) >= MaxSnapshotsPerVol {
		return Snapshot{}, newErr(KindMaxSnapshots, "Volume %d already has the maximum of %d snapshots.", v.ID, MaxSnapshotsPerVol)
	}
	id, err := tx.NextID(ctx, "snapshot")
	if err != nil {
		return Snapshot{}, err
	}
	created := now.UTC().Truncate(time.Second)
	sn := Snapshot{ID: id, VolumeID: v.ID, VolumeName: v.Name, Name: created.Format(time.RFC3339), Created: created,
		TotalSize: v.TotalSize, ExpiryBy: "none", Remote: sp.Remote, Attributes: sp.Attributes, MirrorLabel: sp.MirrorLabel,
		Enable512e: v.Enable512e, Access: v.Access, Checksum: checksum(v, id)}
	if s.d.NewUUID != nil {
		sn.UUID = s.d.NewUUID()
	}
	if sp.Name != nil {
		sn.Name = *sp.Name
	}
	if sn.Attributes == nil {
		sn.Attributes = Attributes{}
	}
	switch {
	case sp.Expires != nil:
		sn.Expires, sn.ExpiryBy = sp.Expires.UTC(), "api"
	case sp.Retention != nil && *sp.Retention > 0:
		sn.Expires, sn.ExpiryBy = created.Add(*sp.Retention), "api"
	}
	return sn, tx.PutSnapshot(ctx, sn)
}

func checkSnapshotSpec(sp SnapshotSpec) error {
	if sp.Name != nil {
		if err := checkName("name", *sp.Name); err != nil {
			return err
		}
	}
	if sp.Retention != nil && sp.Expires != nil {
		return invalid("retention", "retention and expirationTime are mutually exclusive")
	}
	return checkAttributes("attributes", sp.Attributes)
}

// CreateSnapshot snapshots an active volume.
func (s *Service) CreateSnapshot(ctx context.Context, sp SnapshotSpec) (Snapshot, error) {
	if err := checkSnapshotSpec(sp); err != nil {
		return Snapshot{}, err
	}
	var out Snapshot
	err := s.update(ctx, func(tx Tx, now time.Time) error {
		v, err := getActive(ctx, tx, sp.VolumeID)
		if err != nil {
			return err
		}
		if sp.SnapshotID != nil {
			src, err := getSnapshot(ctx, tx, *sp.SnapshotID)
			if err != nil {
				return err
			}
			if src.VolumeID != v.ID {
				return invalid("snapshotID", "snapshot %d is not a snapshot of volume %d", src.ID, v.ID)
			}
			v.TotalSize = src.TotalSize
		}
		out, err = s.takeSnapshot(ctx, tx, v, sp, now)
		return err
	})
	return out, err
}

// Snapshots lists the snapshots of a volume (0: all volumes), or one.
func (s *Service) Snapshots(ctx context.Context, volumeID, snapshotID int64) ([]Snapshot, error) {
	out := []Snapshot{}
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		if snapshotID != 0 {
			sn, err := getSnapshot(ctx, tx, snapshotID)
			if err != nil {
				return err
			}
			if volumeID == 0 || sn.VolumeID == volumeID {
				out = append(out, sn)
			}
			return nil
		}
		if volumeID != 0 {
			if _, err := getVolume(ctx, tx, volumeID); err != nil {
				return err
			}
		}
		all, err := tx.Snapshots(ctx, volumeID)
		out = append(out, all...)
		return err
	})
	return out, err
}

// SnapshotChange is ModifySnapshot's input.
type SnapshotChange struct {
	ID          int64
	Name        *string
	Expires     *time.Time
	Remote      *bool
	MirrorLabel *string
}

// apply sets the fields c gives on sn (its ID is not used).
func (c SnapshotChange) apply(sn *Snapshot) {
	if c.Name != nil {
		sn.Name = *c.Name
	}
	if c.Expires != nil {
		sn.Expires, sn.ExpiryBy = c.Expires.UTC(), "api"
	}
	if c.Remote != nil {
		sn.Remote = *c.Remote
	}
	if c.MirrorLabel != nil {
		sn.MirrorLabel = *c.MirrorLabel
	}
}

// ModifySnapshot changes a snapshot's name, expiry or replication flag.
func (s *Service) ModifySnapshot(ctx context.Context, c SnapshotChange) (Snapshot, error) {
	if c.Name != nil {
		if err := checkName("name", *c.Name); err != nil {
			return Snapshot{}, err
		}
	}
	var out Snapshot
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		sn, err := getSnapshot(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		c.apply(&sn)
		out = sn
		return tx.PutSnapshot(ctx, sn)
	})
	return out, err
}

// DeleteSnapshot deletes a snapshot.
func (s *Service) DeleteSnapshot(ctx context.Context, id int64) error {
	return s.update(ctx, func(tx Tx, _ time.Time) error {
		if _, err := getSnapshot(ctx, tx, id); err != nil {
			return err
		}
		return tx.DeleteSnapshot(ctx, id)
	})
}

// Rollback is RollbackToSnapshot's answer: the snapshot of the state
// before the rollback, when saved.
type Rollback struct {
	Saved    *Snapshot
	Checksum string
}

// RollbackToSnapshot makes a volume what it was at the snapshot,
// optionally saving its current state as a new snapshot first.
func (s *Service) RollbackToSnapshot(ctx context.Context, volumeID, snapshotID int64, save bool, name *string, attrs Attributes) (Rollback, error) {
	sp := SnapshotSpec{VolumeID: volumeID, Name: name, Attributes: attrs}
	if err := checkSnapshotSpec(sp); err != nil {
		return Rollback{}, err
	}
	var out Rollback
	err := s.update(ctx, func(tx Tx, now time.Time) error {
		v, err := getActive(ctx, tx, volumeID)
		if err != nil {
			return err
		}
		sn, err := getSnapshot(ctx, tx, snapshotID)
		if err != nil {
			return err
		}
		if sn.VolumeID != v.ID {
			return invalid("snapshotID", "snapshot %d is not a snapshot of volume %d", sn.ID, v.ID)
		}
		if save {
			saved, err := s.takeSnapshot(ctx, tx, v, sp, now)
			if err != nil {
				return err
			}
			out.Saved = &saved
		}
		v.TotalSize, v.Enable512e = sn.TotalSize, sn.Enable512e
		out.Checksum = sn.Checksum
		return tx.PutVolume(ctx, v)
	})
	return out, err
}

// ---------------------------------------------------------------------------
// QoS policies

// CreateQoSPolicy creates a named QoS policy.
func (s *Service) CreateQoSPolicy(ctx context.Context, name string, q QoSChange) (QoSPolicy, error) {
	if err := checkName("name", name); err != nil {
		return QoSPolicy{}, err
	}
	def, err := s.DefaultQoS(ctx)
	if err != nil {
		return QoSPolicy{}, err
	}
	qos, err := q.Apply("qos", def)
	if err != nil {
		return QoSPolicy{}, err
	}
	p := QoSPolicy{Name: name, QoS: qos}
	err = s.update(ctx, func(tx Tx, _ time.Time) error {
		if p.ID, err = tx.NextID(ctx, "qosPolicy"); err != nil {
			return err
		}
		return tx.PutQoSPolicy(ctx, p)
	})
	return p, err
}

// QoSPolicyView is a policy with the volumes bound to it.
type QoSPolicyView struct {
	QoSPolicy
	Volumes []int64
}

func policyVolumes(ctx context.Context, tx Tx) (map[int64][]int64, error) {
	vs, err := tx.Volumes(ctx, Filter{Status: Active})
	if err != nil {
		return nil, err
	}
	out := map[int64][]int64{}
	for _, v := range vs {
		if v.QoSPolicyID != 0 {
			out[v.QoSPolicyID] = append(out[v.QoSPolicyID], v.ID)
		}
	}
	return out, nil
}

func getPolicy(ctx context.Context, tx Tx, id int64) (QoSPolicy, error) {
	p, err := tx.QoSPolicy(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return p, newErr(KindQoSPolicyNotFound, "QoS policy %d does not exist.", id)
	}
	return p, err
}

// QoSPolicy returns one policy.
func (s *Service) QoSPolicy(ctx context.Context, id int64) (QoSPolicyView, error) {
	if id == 0 {
		return QoSPolicyView{}, newErr(KindQoSPolicyNotFound, "QoS policy %d does not exist.", id)
	}
	ps, err := s.QoSPolicies(ctx, id)
	if err != nil {
		return QoSPolicyView{}, err
	}
	return ps[0], nil
}

// QoSPolicies lists every policy, or the one with id (non-zero).
func (s *Service) QoSPolicies(ctx context.Context, id int64) ([]QoSPolicyView, error) {
	out := []QoSPolicyView{}
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		var ps []QoSPolicy
		if id != 0 {
			p, err := getPolicy(ctx, tx, id)
			if err != nil {
				return err
			}
			ps = []QoSPolicy{p}
		} else {
			var err error
			if ps, err = tx.QoSPolicies(ctx); err != nil {
				return err
			}
		}
		bound, err := policyVolumes(ctx, tx)
		if err != nil {
			return err
		}
		for _, p := range ps {
			v := bound[p.ID]
			if v == nil {
				v = []int64{}
			}
			out = append(out, QoSPolicyView{QoSPolicy: p, Volumes: v})
		}
		return nil
	})
	return out, err
}

// ModifyQoSPolicy renames a policy or changes its QoS, and with it the QoS
// of every volume bound to it.
func (s *Service) ModifyQoSPolicy(ctx context.Context, id int64, name *string, q QoSChange) (QoSPolicyView, error) {
	if name != nil {
		if err := checkName("name", *name); err != nil {
			return QoSPolicyView{}, err
		}
	}
	var out QoSPolicyView
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		p, err := getPolicy(ctx, tx, id)
		if err != nil {
			return err
		}
		if name != nil {
			p.Name = *name
		}
		if p.QoS, err = q.Apply("qos", p.QoS); err != nil {
			return err
		}
		if err := tx.PutQoSPolicy(ctx, p); err != nil {
			return err
		}
		bound, err := policyVolumes(ctx, tx)
		if err != nil {
			return err
		}
		for _, vid := range bound[id] {
			v, err := tx.Volume(ctx, vid)
			if err != nil {
				return err
			}
			v.QoS = p.QoS
			if err := tx.PutVolume(ctx, v); err != nil {
				return err
			}
		}
		out = QoSPolicyView{QoSPolicy: p, Volumes: bound[id]}
		if out.Volumes == nil {
			out.Volumes = []int64{}
		}
		return nil
	})
	return out, err
}

// DeleteQoSPolicy deletes a policy no volume is bound to.
func (s *Service) DeleteQoSPolicy(ctx context.Context, id int64) error {
	return s.update(ctx, func(tx Tx, _ time.Time) error {
		if _, err := getPolicy(ctx, tx, id); err != nil {
			return err
		}
		bound, err := policyVolumes(ctx, tx)
		if err != nil {
			return err
		}
		if len(bound[id]) > 0 {
			return newErr(KindNotPermitted, "QoS policy %d is in use by %d volumes.", id, len(bound[id]))
		}
		return tx.DeleteQoSPolicy(ctx, id)
	})
}
