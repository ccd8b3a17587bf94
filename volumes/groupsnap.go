package volumes

import (
	"context"
	"slices"
	"time"
)

// GroupSnapshot is a set of snapshots of several volumes taken at one
// instant; its members are ordinary snapshots that carry its ID and UUID.
type GroupSnapshot struct {
	ID      int64
	UUID    string
	Members []Snapshot
}

func groupSnapshots(ctx context.Context, tx Tx) (map[int64]*GroupSnapshot, []int64, error) {
	all, err := tx.Snapshots(ctx, 0)
	if err != nil {
		return nil, nil, err
	}
	out := map[int64]*GroupSnapshot{}
	var order []int64
	for _, sn := range all {
		if sn.GroupID == 0 {
			continue
		}
		g := out[sn.GroupID]
		if g == nil {
			g = &GroupSnapshot{ID: sn.GroupID, UUID: sn.GroupUUID}
			out[sn.GroupID] = g
			order = append(order, sn.GroupID)
		}
		g.Members = append(g.Members, sn)
	}
	slices.Sort(order)
	return out, order, nil
}

func getGroupSnapshot(ctx context.Context, tx Tx, id int64) (*GroupSnapshot, error) {
	gs, _, err := groupSnapshots(ctx, tx)
	if err != nil {
		return nil, err
	}
	g := gs[id]
	if g == nil {
		return nil, newErr(KindGroupSnapshotNotFound, "Group snapshot %d does not exist.", id)
	}
	return g, nil
}

// CreateGroupSnapshot snapshots several active volumes at once, all or none.
func (s *Service) CreateGroupSnapshot(ctx context.Context, vols []int64, sp SnapshotSpec) (GroupSnapshot, error) {
	if err := checkSnapshotSpec(sp); err != nil {
		return GroupSnapshot{}, err
	}
	var out GroupSnapshot
	err := s.update(ctx, func(tx Tx, now time.Time) error {
		seen := map[int64]bool{}
		var vs []Volume
		for _, id := range vols {
			if seen[id] {
				continue
			}
			seen[id] = true
			v, err := getActive(ctx, tx, id)
			if err != nil {
				return err
			}
			vs = append(vs, v)
		}
		gid, err := tx.NextID(ctx, "groupSnapshot")
		if err != nil {
			return err
		}
		out.ID = gid
		if s.d.NewUUID != nil {
			out.UUID = s.d.NewUUID()
		}
		for _, v := range vs {
			sn, err := s.takeSnapshot(ctx, tx, v, sp, now)
			if err != nil {
				return err
			}
			sn.GroupID, sn.GroupUUID = gid, out.UUID
			if err := tx.PutSnapshot(ctx, sn); err != nil {
				return err
			}
			out.Members = append(out.Members, sn)
		}
		return nil
	})
	return out, err
}

// GroupSnapshots lists group snapshots, all or those holding one of vols.
func (s *Service) GroupSnapshots(ctx context.Context, vols []int64, id int64) ([]GroupSnapshot, error) {
	out := []GroupSnapshot{}
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		if id != 0 {
			g, err := getGroupSnapshot(ctx, tx, id)
			if err == nil {
				out = append(out, *g)
			}
			return err
		}
		for _, v := range vols {
			if _, err := getVolume(ctx, tx, v); err != nil {
				return err
			}
		}
		gs, order, err := groupSnapshots(ctx, tx)
		for _, gid := range order {
			g := gs[gid]
			keep := len(vols) == 0
			for _, m := range g.Members {
				keep = keep || slices.Contains(vols, m.VolumeID)
			}
			if keep {
				out = append(out, *g)
			}
		}
		return err
	})
	return out, err
}

// ModifyGroupSnapshot changes every member's name, expiry or replication flag.
func (s *Service) ModifyGroupSnapshot(ctx context.Context, id int64, c SnapshotChange) (GroupSnapshot, error) {
	if c.Name != nil {
		if err := checkName("name", *c.Name); err != nil {
			return GroupSnapshot{}, err
		}
	}
	var out GroupSnapshot
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		g, err := getGroupSnapshot(ctx, tx, id)
		if err != nil {
			return err
		}
		for i := range g.Members {
			sn := &g.Members[i]
			c.apply(sn)
			if err := tx.PutSnapshot(ctx, *sn); err != nil {
				return err
			}
		}
		out = *g
		return nil
	})
	return out, err
}

// DeleteGroupSnapshot deletes a group snapshot; with saveMembers its
// members stay as ordinary snapshots.
func (s *Service) DeleteGroupSnapshot(ctx context.Context, id int64, saveMembers bool) error {
	return s.update(ctx, func(tx Tx, _ time.Time) error {
		g, err := getGroupSnapshot(ctx, tx, id)
		if err != nil {
			return err
		}
		for _, m := range g.Members {
			if saveMembers {
				m.GroupID, m.GroupUUID = 0, ""
				err = tx.PutSnapshot(ctx, m)
			} else {
				err = tx.DeleteSnapshot(ctx, m.ID)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// RollbackToGroupSnapshot rolls every member's volume back, optionally
// saving their current state as a new group snapshot first.
func (s *Service) RollbackToGroupSnapshot(ctx context.Context, id int64, save bool, name *string, attrs Attributes) (*GroupSnapshot, error) {
	sp := SnapshotSpec{Name: name, Attributes: attrs}
	if err := checkSnapshotSpec(sp); err != nil {
		return nil, err
	}
	var saved *GroupSnapshot
	err := s.update(ctx, func(tx Tx, now time.Time) error {
		g, err := getGroupSnapshot(ctx, tx, id)
		if err != nil {
			return err
		}
		vs := make([]Volume, 0, len(g.Members))
		for _, m := range g.Members {
			v, err := getActive(ctx, tx, m.VolumeID)
			if err != nil {
				return err
			}
			vs = append(vs, v)
		}
		if save {
			gid, err := tx.NextID(ctx, "groupSnapshot")
			if err != nil {
				return err
			}
			saved = &GroupSnapshot{ID: gid}
			if s.d.NewUUID != nil {
				saved.UUID = s.d.NewUUID()
			}
			for _, v := range vs {
				sn, err := s.takeSnapshot(ctx, tx, v, sp, now)
				if err != nil {
					return err
				}
				sn.GroupID, sn.GroupUUID = gid, saved.UUID
				if err := tx.PutSnapshot(ctx, sn); err != nil {
					return err
				}
				saved.Members = append(saved.Members, sn)
			}
		}
		for i, v := range vs {
			v.TotalSize, v.Enable512e = g.Members[i].TotalSize, g.Members[i].Enable512e
			if err := tx.PutVolume(ctx, v); err != nil {
				return err
			}
		}
		return nil
	})
	return saved, err
}
