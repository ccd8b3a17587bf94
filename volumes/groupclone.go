package volumes

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// CloneMultipleVolumes and CancelGroupClone (V22–V24).
//
// A group clone makes every new volume in one transaction, all or none,
// and tracks them with one async job; it is remembered under the setting
// "groupClone.<groupCloneID>" with that job's handle and the new volumes,
// so CancelGroupClone finds them while the job runs.

const keyGroupClone = "groupClone."

// MaxGroupCloneVolumes bounds the volumes of one CloneMultipleVolumes
// (inferred: the access-group volume limit).
const MaxGroupCloneVolumes = 2000

// GroupCloneMember is one entry of CloneMultipleVolumes' volumes array;
// nil fields inherit from the request, then from the source volume.
type GroupCloneMember struct {
	VolumeID     int64
	Name         *string
	NewAccountID *int64
	NewSize      *int64
	Access       *Access
	Attributes   Attributes
}

// GroupCloneSpec is CloneMultipleVolumes' input.
type GroupCloneSpec struct {
	Volumes         []GroupCloneMember
	Access          *Access
	GroupSnapshotID *int64
	NewAccountID    *int64
	SnapMirror      bool
}

// GroupCloneResultMember pairs a new volume with its source.
type GroupCloneResultMember struct {
	VolumeID    int64 `json:"volumeID"`
	SrcVolumeID int64 `json:"srcVolumeID"`
}

// GroupClone is CloneMultipleVolumes' answer.
type GroupClone struct {
	GroupCloneID int64
	AsyncHandle  int64
	Members      []GroupCloneResultMember
}

type groupCloneRecord struct {
	Handle  int64   `json:"asyncHandle"`
	Volumes []int64 `json:"volumeIDs"`
}

// checkGroupClone validates what needs no database.
func checkGroupClone(sp GroupCloneSpec) error {
	if len(sp.Volumes) == 0 {
		return invalid("volumes", "must name at least one volume")
	}
	if len(sp.Volumes) > MaxGroupCloneVolumes {
		return invalid("volumes", "must name at most %d volumes", MaxGroupCloneVolumes)
	}
	if sp.Access != nil {
		if err := checkAccess("access", *sp.Access); err != nil {
			return err
		}
	}
	seen := make(map[int64]bool, len(sp.Volumes))
	for i, m := range sp.Volumes {
		p := fmt.Sprintf("volumes[%d].", i)
		if seen[m.VolumeID] {
			return invalid(p+"volumeID", "volume %d is named twice", m.VolumeID)
		}
		seen[m.VolumeID] = true
		if m.Name != nil {
			if err := checkVolumeName(p+"name", *m.Name); err != nil {
				return err
			}
		}
		if m.NewSize != nil {
			if err := checkSize(p+"newSize", *m.NewSize); err != nil {
				return err
			}
		}
		if m.Access != nil {
			if err := checkAccess(p+"access", *m.Access); err != nil {
				return err
			}
		}
		if err := checkAttributes(p+"attributes", m.Attributes); err != nil {
			return err
		}
	}
	return nil
}

// CloneMultipleVolumes clones several active volumes (or their members of
// one group snapshot) at one instant: every new volume or none.
func (s *Service) CloneMultipleVolumes(ctx context.Context, sp GroupCloneSpec) (GroupClone, error) {
	if err := checkGroupClone(sp); err != nil {
		return GroupClone{}, err
	}
	base, err := s.capacity(ctx)
	if err != nil {
		return GroupClone{}, err
	}
	uid, err := s.uniqueID(ctx)
	if err != nil {
		return GroupClone{}, err
	}
	var out GroupClone
	err = s.update(ctx, func(tx Tx, now time.Time) error {
		var snaps map[int64]Snapshot // source volume → its member of the group snapshot
		if sp.GroupSnapshotID != nil {
			g, err := getGroupSnapshot(ctx, tx, *sp.GroupSnapshotID)
			if err != nil {
				return err
			}
			snaps = make(map[int64]Snapshot, len(g.Members))
			for _, m := range g.Members {
				snaps[m.VolumeID] = m
			}
		}
		if sp.NewAccountID != nil {
			if _, err := getAccount(ctx, tx, *sp.NewAccountID); err != nil {
				return err
			}
		}
		used, limit, err := provisioned(ctx, tx, base)
		if err != nil {
			return err
		}
		news := make([]Volume, 0, len(sp.Volumes))
		for i, m := range sp.Volumes {
			src, err := getActive(ctx, tx, m.VolumeID)
			if err != nil {
				return err
			}
			v := Volume{Name: src.Name, AccountID: src.AccountID, Status: Active, Access: src.Access, Enable512e: src.Enable512e,
				TotalSize: src.TotalSize, QoS: src.QoS, Attributes: m.Attributes, SnapMirror: sp.SnapMirror}
			if snaps != nil {
				sn, ok := snaps[src.ID]
				if !ok {
					return invalid(fmt.Sprintf("volumes[%d].volumeID", i), "volume %d is not a member of group snapshot %d",
						src.ID, *sp.GroupSnapshotID)
				}
				v.TotalSize = sn.TotalSize
			}
			if m.Name != nil {
				v.Name = *m.Name
			}
			switch {
			case m.NewAccountID != nil:
				if _, err := getAccount(ctx, tx, *m.NewAccountID); err != nil {
					return err
				}
				v.AccountID = *m.NewAccountID
			case sp.NewAccountID != nil:
				v.AccountID = *sp.NewAccountID
			}
			if m.NewSize != nil {
				v.TotalSize = RoundSize(*m.NewSize)
			}
			switch {
			case m.Access != nil:
				v.Access = *m.Access
			case sp.Access != nil:
				v.Access = *sp.Access
			}
			if v.Attributes == nil {
				v.Attributes = Attributes{}
			}
			used += v.TotalSize
			news = append(news, v)
		}
		if used > limit {
			return newErr(KindNotEnoughSpace, "Not enough space: the clones would provision %d of %d provisionable bytes.", used, limit)
		}
		out.Members = make([]GroupCloneResultMember, 0, len(news))
		for i := range news {
			if err := s.insertVolume(ctx, tx, &news[i], uid, now); err != nil {
				return err
			}
			out.Members = append(out.Members, GroupCloneResultMember{VolumeID: news[i].ID, SrcVolumeID: sp.Volumes[i].VolumeID})
		}
		out.GroupCloneID, err = tx.NextID(ctx, "groupClone")
		return err
	})
	if err != nil {
		return GroupClone{}, err
	}
	// As for CloneVolume (V8), the job is written after the volumes'
	// transaction: a failure leaves clones without a handle, never a handle
	// without clones.
	out.AsyncHandle, err = s.startGroupCloneJob(ctx, out)
	return out, err
}

func (s *Service) startGroupCloneJob(ctx context.Context, g GroupClone) (int64, error) {
	if s.d.StartJob == nil {
		return 0, nil
	}
	h, err := s.d.StartJob(ctx, ResultTypeClone, s.d.CloneDuration, map[string]any{
		"groupCloneID": g.GroupCloneID, "members": g.Members, "message": "Clone complete.",
	})
	if err != nil {
		return 0, err
	}
	rec := groupCloneRecord{Handle: h}
	for _, m := range g.Members {
		rec.Volumes = append(rec.Volumes, m.VolumeID)
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return 0, err
	}
	return h, s.update(ctx, func(tx Tx, _ time.Time) error {
		return tx.PutSetting(ctx, keyGroupClone+strconv.FormatInt(g.GroupCloneID, 10), string(b))
	})
}

// CancelGroupClone stops a group clone whose job still runs: the job and
// its handle go and every new volume of the group is purged (V24).
func (s *Service) CancelGroupClone(ctx context.Context, groupCloneID int64, cancel func(ctx context.Context, handle int64) (bool, error)) error {
	key := keyGroupClone + strconv.FormatInt(groupCloneID, 10)
	rec, err := stopRecordedJob(ctx, s, key, "groupCloneID", "group clone", groupCloneID,
		func(r groupCloneRecord) int64 { return r.Handle }, cancel)
	if err != nil {
		return err
	}
	return s.update(ctx, func(tx Tx, _ time.Time) error {
		if err := tx.DeleteSetting(ctx, key); err != nil {
			return err
		}
		ids := make([]int64, 0, len(rec.Volumes))
		for _, id := range rec.Volumes {
			if _, err := tx.Volume(ctx, id); errors.Is(err, ErrNotFound) {
				continue
			} else if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return purge(ctx, tx, ids)
	})
}
