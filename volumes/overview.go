package volumes

import (
	"context"
	"time"
)

// Overview is everything the storage domain holds, read in one
// transaction, for the dashboard. Accounts and Initiators carry their CHAP
// secrets like everywhere else in the domain: a caller that shows them
// must pick its fields.
type Overview struct {
	// Accounts with their active volumes.
	Accounts []AccountView
	// Volumes, active and deleted (not yet purged), by ID.
	Volumes []VolumeView
	// Snapshots counts each volume's snapshots.
	Snapshots    map[int64]int
	AccessGroups []AccessGroupView
	Initiators   []Initiator
}

// Overview reads the whole storage domain in one transaction, after
// settling what is due.
func (s *Service) Overview(ctx context.Context) (Overview, error) {
	out := Overview{Snapshots: map[int64]int{}}
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		as, err := tx.Accounts(ctx, 0, 0)
		if err != nil {
			return err
		}
		owned, err := tx.VolumeIDsByAccount(ctx, false)
		if err != nil {
			return err
		}
		out.Accounts = make([]AccountView, 0, len(as))
		for _, a := range as {
			v := owned[a.ID]
			if v == nil {
				v = []int64{}
			}
			out.Accounts = append(out.Accounts, AccountView{Account: a, Volumes: v})
		}
		vs, err := tx.Volumes(ctx, Filter{})
		if err != nil {
			return err
		}
		groups, err := groupsByVolume(ctx, tx)
		if err != nil {
			return err
		}
		out.Volumes = views(vs, groups)
		snaps, err := tx.Snapshots(ctx, 0)
		if err != nil {
			return err
		}
		for _, sn := range snaps {
			out.Snapshots[sn.VolumeID]++
		}
		names, err := initiatorNames(ctx, tx)
		if err != nil {
			return err
		}
		gs, err := tx.AccessGroups(ctx)
		if err != nil {
			return err
		}
		out.AccessGroups = make([]AccessGroupView, 0, len(gs))
		for _, g := range gs {
			v, err := groupView(ctx, tx, g, names)
			if err != nil {
				return err
			}
			out.AccessGroups = append(out.AccessGroups, v)
		}
		if out.Initiators, err = tx.Initiators(ctx); err != nil {
			return err
		}
		return nil
	})
	return out, err
}
