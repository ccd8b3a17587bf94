package volumes

import (
	"context"
	"errors"
	"slices"
	"time"
)

// InitiatorRef names an initiator by ID or by name.
type InitiatorRef struct {
	ID   int64
	Name string
}

// AccessGroupSpec is CreateVolumeAccessGroup's input.
type AccessGroupSpec struct {
	Name       string
	Initiators []InitiatorRef
	Volumes    []int64
	Attributes Attributes
}

func getGroup(ctx context.Context, tx Tx, id int64) (AccessGroup, error) {
	g, err := tx.AccessGroup(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return g, errAccessGroup(id)
	}
	return g, err
}

// resolveInitiators finds the initiators named; an unknown name is created
// (as Element does), an unknown ID is refused.
func (s *Service) resolveInitiators(ctx context.Context, tx Tx, refs []InitiatorRef) ([]Initiator, error) {
	out := make([]Initiator, 0, len(refs))
	for i, r := range refs {
		if r.Name == "" {
			in, err := tx.Initiator(ctx, r.ID)
			if errors.Is(err, ErrNotFound) {
				return nil, errInitiator(r.ID)
			}
			if err != nil {
				return nil, err
			}
			out = append(out, in)
			continue
		}
		name, err := CanonicalInitiator(paramIndex("initiators", i), r.Name)
		if err != nil {
			return nil, err
		}
		in, err := tx.InitiatorByName(ctx, name)
		if errors.Is(err, ErrNotFound) {
			id, err := tx.NextID(ctx, "initiator")
			if err != nil {
				return nil, err
			}
			in = Initiator{ID: id, Name: name, Attributes: Attributes{}}
			if err := tx.PutInitiator(ctx, in); err != nil {
				return nil, err
			}
		} else if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

func paramIndex(p string, i int) string { return p + "[" + itoa(int64(i)) + "]" }

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	var b [20]byte
	i := len(b)
	for n != 0 {
		d := n % 10
		if d < 0 {
			d = -d
		}
		i--
		b[i] = byte('0' + d)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func checkVolumesExist(ctx context.Context, tx Tx, ids []int64) error {
	for _, id := range ids {
		if _, err := getActive(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

func addUnique(list []int64, add []int64) []int64 {
	for _, v := range add {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// setMembership records in each initiator the groups it belongs to.
func syncInitiators(ctx context.Context, tx Tx, gid int64, before, after []int64) error {
	for _, id := range before {
		if slices.Contains(after, id) {
			continue
		}
		in, err := tx.Initiator(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		in.AccessGroups = slices.DeleteFunc(in.AccessGroups, func(g int64) bool { return g == gid })
		if err := tx.PutInitiator(ctx, in); err != nil {
			return err
		}
	}
	for _, id := range after {
		if slices.Contains(before, id) {
			continue
		}
		in, err := tx.Initiator(ctx, id)
		if err != nil {
			return err
		}
		if !slices.Contains(in.AccessGroups, gid) {
			in.AccessGroups = append(in.AccessGroups, gid)
			slices.Sort(in.AccessGroups)
		}
		if err := tx.PutInitiator(ctx, in); err != nil {
			return err
		}
	}
	return nil
}

func checkGroupLimits(g AccessGroup) error {
	if len(g.Volumes) > MaxVolumesPerGroup {
		return newErr(KindExceededLimit, "Exceeded the limit of %d volumes per volume access group.", MaxVolumesPerGroup)
	}
	if len(g.Initiators) > MaxInitiatorsPerGrp {
		return newErr(KindExceededLimit, "Exceeded the limit of %d initiators per volume access group.", MaxInitiatorsPerGrp)
	}
	return nil
}

// CreateAccessGroup creates a volume access group.
func (s *Service) CreateAccessGroup(ctx context.Context, sp AccessGroupSpec) (AccessGroup, error) {
	if err := checkName("name", sp.Name); err != nil {
		return AccessGroup{}, err
	}
	if err := checkAttributes("attributes", sp.Attributes); err != nil {
		return AccessGroup{}, err
	}
	g := AccessGroup{Name: sp.Name, Attributes: sp.Attributes}
	if g.Attributes == nil {
		g.Attributes = Attributes{}
	}
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		all, err := tx.AccessGroups(ctx)
		if err != nil {
			return err
		}
		if len(all) >= MaxAccessGroups {
			return newErr(KindExceededLimit, "Exceeded the limit of %d volume access groups.", MaxAccessGroups)
		}
		ins, err := s.resolveInitiators(ctx, tx, sp.Initiators)
		if err != nil {
			return err
		}
		if err := checkVolumesExist(ctx, tx, sp.Volumes); err != nil {
			return err
		}
		g.Volumes = addUnique([]int64{}, sp.Volumes)
		slices.Sort(g.Volumes)
		g.Initiators = []int64{}
		for _, in := range ins {
			g.Initiators = addUnique(g.Initiators, []int64{in.ID})
		}
		if err := checkGroupLimits(g); err != nil {
			return err
		}
		if g.ID, err = tx.NextID(ctx, "accessGroup"); err != nil {
			return err
		}
		if err := tx.PutAccessGroup(ctx, g); err != nil {
			return err
		}
		return syncInitiators(ctx, tx, g.ID, nil, g.Initiators)
	})
	return g, err
}

// AccessGroupView is a group with its initiators' names and which of its
// volumes are deleted.
type AccessGroupView struct {
	AccessGroup
	InitiatorNames []string
	Active         []int64
	DeletedVolumes []int64
}

func groupView(ctx context.Context, tx Tx, g AccessGroup, names map[int64]string) (AccessGroupView, error) {
	v := AccessGroupView{AccessGroup: g, InitiatorNames: []string{}, Active: []int64{}, DeletedVolumes: []int64{}}
	for _, id := range g.Initiators {
		v.InitiatorNames = append(v.InitiatorNames, names[id])
	}
	if len(g.Volumes) > 0 {
		vs, err := tx.Volumes(ctx, Filter{IDs: g.Volumes})
		if err != nil {
			return v, err
		}
		for _, vol := range vs {
			if vol.Status == Deleted {
				v.DeletedVolumes = append(v.DeletedVolumes, vol.ID)
			} else {
				v.Active = append(v.Active, vol.ID)
			}
		}
	}
	return v, nil
}

func initiatorNames(ctx context.Context, tx Tx) (map[int64]string, error) {
	ins, err := tx.Initiators(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[int64]string, len(ins))
	for _, in := range ins {
		m[in.ID] = in.Name
	}
	return m, nil
}

// AccessGroups lists groups from startID, at most limit (0: all), or the
// given IDs.
func (s *Service) AccessGroups(ctx context.Context, startID, limit int64, ids []int64) ([]AccessGroupView, error) {
	if limit < 0 {
		return nil, invalid("limit", "must not be negative")
	}
	out := []AccessGroupView{}
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		names, err := initiatorNames(ctx, tx)
		if err != nil {
			return err
		}
		var gs []AccessGroup
		if len(ids) > 0 {
			for _, id := range ids {
				g, err := getGroup(ctx, tx, id)
				if err != nil {
					return err
				}
				gs = append(gs, g)
			}
		} else if gs, err = tx.AccessGroups(ctx); err != nil {
			return err
		}
		for _, g := range gs {
			if g.ID < startID || (limit > 0 && int64(len(out)) >= limit) {
				continue
			}
			v, err := groupView(ctx, tx, g, names)
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		return nil
	})
	return out, err
}

// AccessGroupChange is ModifyVolumeAccessGroup's input, and the add and
// remove calls' (only the lists).
type AccessGroupChange struct {
	ID         int64
	Name       *string
	Initiators []InitiatorRef // nil: unchanged (Modify replaces the list)
	Volumes    []int64        // nil: unchanged
	Attributes Attributes
	// DeleteOrphanInitiators deletes initiators a change leaves in no group.
	DeleteOrphanInitiators bool
}

// ModifyAccessGroup replaces a group's name, initiators, volumes or attributes.
func (s *Service) ModifyAccessGroup(ctx context.Context, c AccessGroupChange) (AccessGroupView, error) {
	if c.Name != nil {
		if err := checkName("name", *c.Name); err != nil {
			return AccessGroupView{}, err
		}
	}
	if err := checkAttributes("attributes", c.Attributes); err != nil {
		return AccessGroupView{}, err
	}
	return s.changeGroup(ctx, c.ID, c.DeleteOrphanInitiators, func(ctx context.Context, tx Tx, g *AccessGroup) error {
		if c.Name != nil {
			g.Name = *c.Name
		}
		if c.Attributes != nil {
			g.Attributes = c.Attributes
		}
		if c.Volumes != nil {
			if err := checkVolumesExist(ctx, tx, c.Volumes); err != nil {
				return err
			}
			g.Volumes = addUnique([]int64{}, c.Volumes)
			slices.Sort(g.Volumes)
		}
		if c.Initiators != nil {
			ins, err := s.resolveInitiators(ctx, tx, c.Initiators)
			if err != nil {
				return err
			}
			g.Initiators = []int64{}
			for _, in := range ins {
				g.Initiators = addUnique(g.Initiators, []int64{in.ID})
			}
		}
		return nil
	})
}

func (s *Service) changeGroup(ctx context.Context, id int64, dropOrphans bool, fn func(context.Context, Tx, *AccessGroup) error) (AccessGroupView, error) {
	var out AccessGroupView
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		g, err := getGroup(ctx, tx, id)
		if err != nil {
			return err
		}
		before := slices.Clone(g.Initiators)
		if err := fn(ctx, tx, &g); err != nil {
			return err
		}
		if err := checkGroupLimits(g); err != nil {
			return err
		}
		if err := tx.PutAccessGroup(ctx, g); err != nil {
			return err
		}
		if err := syncInitiators(ctx, tx, g.ID, before, g.Initiators); err != nil {
			return err
		}
		if dropOrphans {
			for _, iid := range before {
				in, err := tx.Initiator(ctx, iid)
				if err == nil && len(in.AccessGroups) == 0 {
					if err := tx.DeleteInitiator(ctx, iid); err != nil {
						return err
					}
				}
			}
		}
		names, err := initiatorNames(ctx, tx)
		if err != nil {
			return err
		}
		out, err = groupView(ctx, tx, g, names)
		return err
	})
	return out, err
}

// AddVolumesToGroup adds volumes; one already in the group is refused.
func (s *Service) AddVolumesToGroup(ctx context.Context, id int64, vols []int64) (AccessGroupView, error) {
	return s.changeGroup(ctx, id, false, func(ctx context.Context, tx Tx, g *AccessGroup) error {
		if err := checkVolumesExist(ctx, tx, vols); err != nil {
			return err
		}
		for _, v := range vols {
			if slices.Contains(g.Volumes, v) {
				return newErr(KindAlreadyInAccessGroup, "Volume %d is already in volume access group %d.", v, g.ID)
			}
		}
		g.Volumes = addUnique(g.Volumes, vols)
		slices.Sort(g.Volumes)
		return nil
	})
}

// RemoveVolumesFromGroup removes volumes; one not in the group is refused.
func (s *Service) RemoveVolumesFromGroup(ctx context.Context, id int64, vols []int64) (AccessGroupView, error) {
	return s.changeGroup(ctx, id, false, func(ctx context.Context, tx Tx, g *AccessGroup) error {
		for _, v := range vols {
			if !slices.Contains(g.Volumes, v) {
				return newErr(KindNotInAccessGroup, "Volume %d is not in volume access group %d.", v, g.ID)
			}
		}
		g.Volumes = slices.DeleteFunc(g.Volumes, func(v int64) bool { return slices.Contains(vols, v) })
		return nil
	})
}

// AddInitiatorsToGroup adds initiators by name or ID; one already in the
// group is refused.
func (s *Service) AddInitiatorsToGroup(ctx context.Context, id int64, refs []InitiatorRef) (AccessGroupView, error) {
	return s.changeGroup(ctx, id, false, func(ctx context.Context, tx Tx, g *AccessGroup) error {
		ins, err := s.resolveInitiators(ctx, tx, refs)
		if err != nil {
			return err
		}
		for _, in := range ins {
			if slices.Contains(g.Initiators, in.ID) {
				return newErr(KindAlreadyInAccessGroup, "Initiator %s is already in volume access group %d.", in.Name, g.ID)
			}
			g.Initiators = append(g.Initiators, in.ID)
		}
		return nil
	})
}

// RemoveInitiatorsFromGroup removes initiators by name or ID.
func (s *Service) RemoveInitiatorsFromGroup(ctx context.Context, id int64, refs []InitiatorRef, dropOrphans bool) (AccessGroupView, error) {
	return s.changeGroup(ctx, id, dropOrphans, func(ctx context.Context, tx Tx, g *AccessGroup) error {
		for i, r := range refs {
			var in Initiator
			var err error
			if r.Name != "" {
				name, cerr := CanonicalInitiator(paramIndex("initiators", i), r.Name)
				if cerr != nil {
					return cerr
				}
				in, err = tx.InitiatorByName(ctx, name)
			} else {
				in, err = tx.Initiator(ctx, r.ID)
			}
			if errors.Is(err, ErrNotFound) || (err == nil && !slices.Contains(g.Initiators, in.ID)) {
				what := any(r.ID)
				if r.Name != "" {
					what = r.Name
				}
				return newErr(KindNotInAccessGroup, "Initiator %v is not in volume access group %d.", what, g.ID)
			}
			if err != nil {
				return err
			}
			g.Initiators = slices.DeleteFunc(g.Initiators, func(x int64) bool { return x == in.ID })
		}
		return nil
	})
}

// DeleteAccessGroup deletes a group, optionally deleting its volumes and
// the initiators it leaves in no group.
func (s *Service) DeleteAccessGroup(ctx context.Context, id int64, deleteVolumes, dropOrphans bool) error {
	return s.update(ctx, func(tx Tx, now time.Time) error {
		g, err := getGroup(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteAccessGroup(ctx, id); err != nil {
			return err
		}
		if err := syncInitiators(ctx, tx, id, g.Initiators, nil); err != nil {
			return err
		}
		if dropOrphans {
			for _, iid := range g.Initiators {
				in, err := tx.Initiator(ctx, iid)
				if err == nil && len(in.AccessGroups) == 0 {
					if err := tx.DeleteInitiator(ctx, iid); err != nil {
						return err
					}
				}
			}
		}
		if deleteVolumes {
			for _, vid := range g.Volumes {
				v, err := tx.Volume(ctx, vid)
				if err != nil || v.Status != Active {
					continue
				}
				v.Status = Deleted
				v.DeleteTime = now.UTC().Truncate(time.Second)
				v.PurgeTime = v.DeleteTime.Add(PurgeAfter)
				if err := tx.PutVolume(ctx, v); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// ---------------------------------------------------------------------------
// Initiators

// InitiatorSpec is one entry of CreateInitiators.
type InitiatorSpec struct {
	Name          string
	Alias         string
	AccessGroupID *int64
	Attributes    Attributes
	RequireChap   bool
	ChapUsername  string
	InitSecret    *Secret
	TargetSecret  *Secret
}

func (s *Service) fillChap(param string, in *Initiator, user string, isec, tsec *Secret) error {
	if user != "" {
		if err := checkName(param+".chapUsername", user); err != nil {
			return err
		}
		in.ChapUsername = user
	}
	for _, f := range []struct {
		p   string
		in  *Secret
		out *Secret
	}{{param + ".initiatorSecret", isec, &in.InitiatorSecret}, {param + ".targetSecret", tsec, &in.TargetSecret}} {
		if f.in != nil {
			if err := checkSecret(f.p, *f.in); err != nil {
				return err
			}
			*f.out = *f.in
		}
	}
	if in.RequireChap {
		if in.ChapUsername == "" {
			in.ChapUsername = in.Name
		}
		var err error
		if in.InitiatorSecret == "" {
			if in.InitiatorSecret, err = s.secret(); err != nil {
				return err
			}
		}
		if in.TargetSecret == "" {
			if in.TargetSecret, err = s.secret(); err != nil {
				return err
			}
		}
	}
	return nil
}

// CreateInitiators creates initiators, all or none.
func (s *Service) CreateInitiators(ctx context.Context, specs []InitiatorSpec) ([]Initiator, error) {
	ins := make([]Initiator, len(specs))
	seen := map[string]bool{}
	for i, sp := range specs {
		p := paramIndex("initiators", i)
		name, err := CanonicalInitiator(p+".name", sp.Name)
		if err != nil {
			return nil, err
		}
		if seen[name] {
			return nil, newErr(KindInitiatorExists, "Initiator %s is listed twice.", name)
		}
		seen[name] = true
		if len(sp.Alias) > MaxNameLen {
			return nil, invalid(p+".alias", "must be at most %d characters", MaxNameLen)
		}
		if err := checkAttributes(p+".attributes", sp.Attributes); err != nil {
			return nil, err
		}
		ins[i] = Initiator{Name: name, Alias: sp.Alias, Attributes: sp.Attributes, RequireChap: sp.RequireChap, AccessGroups: []int64{}}
		if ins[i].Attributes == nil {
			ins[i].Attributes = Attributes{}
		}
		if err := s.fillChap(p, &ins[i], sp.ChapUsername, sp.InitSecret, sp.TargetSecret); err != nil {
			return nil, err
		}
	}
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		for i := range ins {
			if _, err := tx.InitiatorByName(ctx, ins[i].Name); err == nil {
				return newErr(KindInitiatorExists, "Initiator %s already exists.", ins[i].Name)
			} else if !errors.Is(err, ErrNotFound) {
				return err
			}
			if g := specs[i].AccessGroupID; g != nil {
				if _, err := getGroup(ctx, tx, *g); err != nil {
					return err
				}
			}
		}
		for i := range ins {
			id, err := tx.NextID(ctx, "initiator")
			if err != nil {
				return err
			}
			ins[i].ID = id
			if err := tx.PutInitiator(ctx, ins[i]); err != nil {
				return err
			}
			if g := specs[i].AccessGroupID; g != nil {
				grp, err := getGroup(ctx, tx, *g)
				if err != nil {
					return err
				}
				grp.Initiators = append(grp.Initiators, id)
				if err := checkGroupLimits(grp); err != nil {
					return err
				}
				if err := tx.PutAccessGroup(ctx, grp); err != nil {
					return err
				}
				ins[i].AccessGroups = []int64{*g}
				if err := tx.PutInitiator(ctx, ins[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return ins, err
}

// Initiators lists initiators from startID, at most limit (0: all), or the
// given IDs.
func (s *Service) Initiators(ctx context.Context, startID, limit int64, ids []int64) ([]Initiator, error) {
	if limit < 0 {
		return nil, invalid("limit", "must not be negative")
	}
	out := []Initiator{}
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		if len(ids) > 0 {
			for _, id := range ids {
				in, err := tx.Initiator(ctx, id)
				if errors.Is(err, ErrNotFound) {
					return errInitiator(id)
				}
				if err != nil {
					return err
				}
				out = append(out, in)
			}
			return nil
		}
		all, err := tx.Initiators(ctx)
		for _, in := range all {
			if in.ID >= startID && (limit == 0 || int64(len(out)) < limit) {
				out = append(out, in)
			}
		}
		return err
	})
	return out, err
}

// InitiatorChange is one entry of ModifyInitiators.
type InitiatorChange struct {
	ID            int64
	Alias         *string
	AccessGroupID *int64
	Attributes    Attributes
	RequireChap   *bool
	ChapUsername  string
	InitSecret    *Secret
	TargetSecret  *Secret
}

// ModifyInitiators changes initiators, all or none.
func (s *Service) ModifyInitiators(ctx context.Context, cs []InitiatorChange) ([]Initiator, error) {
	out := make([]Initiator, 0, len(cs))
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		for i, c := range cs {
			p := paramIndex("initiators", i)
			in, err := tx.Initiator(ctx, c.ID)
			if errors.Is(err, ErrNotFound) {
				return errInitiator(c.ID)
			}
			if err != nil {
				return err
			}
			if c.Alias != nil {
				if len(*c.Alias) > MaxNameLen {
					return invalid(p+".alias", "must be at most %d characters", MaxNameLen)
				}
				in.Alias = *c.Alias
			}
			if c.Attributes != nil {
				if err := checkAttributes(p+".attributes", c.Attributes); err != nil {
					return err
				}
				in.Attributes = c.Attributes
			}
			if c.RequireChap != nil {
				in.RequireChap = *c.RequireChap
			}
			if err := s.fillChap(p, &in, c.ChapUsername, c.InitSecret, c.TargetSecret); err != nil {
				return err
			}
			if c.AccessGroupID != nil {
				g, err := getGroup(ctx, tx, *c.AccessGroupID)
				if err != nil {
					return err
				}
				if !slices.Contains(g.Initiators, in.ID) {
					g.Initiators = append(g.Initiators, in.ID)
					if err := checkGroupLimits(g); err != nil {
						return err
					}
					if err := tx.PutAccessGroup(ctx, g); err != nil {
						return err
					}
					in.AccessGroups = addUnique(in.AccessGroups, []int64{g.ID})
					slices.Sort(in.AccessGroups)
				}
			}
			if err := tx.PutInitiator(ctx, in); err != nil {
				return err
			}
			out = append(out, in)
		}
		return nil
	})
	return out, err
}

// DeleteInitiators deletes initiators and takes them out of their groups.
func (s *Service) DeleteInitiators(ctx context.Context, ids []int64) error {
	return s.update(ctx, func(tx Tx, _ time.Time) error {
		for _, id := range ids {
			if _, err := tx.Initiator(ctx, id); errors.Is(err, ErrNotFound) {
				return errInitiator(id)
			} else if err != nil {
				return err
			}
		}
		gs, err := tx.AccessGroups(ctx)
		if err != nil {
			return err
		}
		for _, g := range gs {
			n := len(g.Initiators)
			g.Initiators = slices.DeleteFunc(g.Initiators, func(x int64) bool { return slices.Contains(ids, x) })
			if len(g.Initiators) != n {
				if err := tx.PutAccessGroup(ctx, g); err != nil {
					return err
				}
			}
		}
		for _, id := range ids {
			if err := tx.DeleteInitiator(ctx, id); err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
		}
		return nil
	})
}
