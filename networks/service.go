package networks

import (
	"context"
	"fmt"
	"maps"
	"slices"
)

// Store is the networks domain's persistence: every mutation runs inside
// UpdateNetworks as one transaction, reads inside ViewNetworks.
type Store interface {
	UpdateNetworks(ctx context.Context, fn func(Tx) error) error
	ViewNetworks(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the domain reads and writes inside a transaction. Lists are
// sorted by ID.
type Tx interface {
	// NextVirtualNetworkID allocates a virtual network ID (from 1, never
	// reused until a reset).
	NextVirtualNetworkID(ctx context.Context) (int64, error)
	VirtualNetworks(ctx context.Context) ([]VirtualNetwork, error)
	PutVirtualNetwork(ctx context.Context, v VirtualNetwork) error
	DeleteVirtualNetwork(ctx context.Context, id int64) error
	// NetworkConfig returns a node's stored configuration; ok is false
	// while the node still has its default one.
	NetworkConfig(ctx context.Context, nodeID int64) (c Config, ok bool, err error)
	PutNetworkConfig(ctx context.Context, nodeID int64, c Config) error
}

// Deps are the domain's collaborators; cmd (through emulator) builds them.
type Deps struct {
	Store Store
	// ActiveNodes counts the cluster's active nodes: each holds one address
	// of every virtual network (nil: none).
	ActiveNodes func(ctx context.Context) (int, error)
	// Changed, when set, is called after every committed write.
	Changed func()
}

// Service serves virtual networks and node network configuration.
type Service struct{ d Deps }

// New builds a Service.
func New(d Deps) *Service { return &Service{d: d} }

func (s *Service) update(ctx context.Context, fn func(Tx) error) error {
	if err := s.d.Store.UpdateNetworks(ctx, fn); err != nil {
		return err
	}
	if s.d.Changed != nil {
		s.d.Changed()
	}
	return nil
}

func find(all []VirtualNetwork, r Ref) (VirtualNetwork, error) {
	for _, v := range all {
		if r.ID != nil && v.ID == *r.ID || r.Tag != nil && v.Tag == *r.Tag {
			return v, nil
		}
	}
	if r.ID != nil {
		return VirtualNetwork{}, errNotFound(*r.ID)
	}
	return VirtualNetwork{}, errTagNotFound(*r.Tag)
}

func checkTagFree(all []VirtualNetwork, v VirtualNetwork) error {
	for _, o := range all {
		if o.Tag == v.Tag && o.ID != v.ID {
			return &Error{Kind: KindTagExists, Message: fmt.Sprintf("VirtualNetworkTag %d is already used by virtual network %d.", v.Tag, o.ID)}
		}
	}
	return nil
}

// Add creates a virtual network (AddVirtualNetwork) and returns its ID.
func (s *Service) Add(ctx context.Context, sp Spec) (int64, error) {
	v, err := normalize(VirtualNetwork{Tag: sp.Tag, Name: sp.Name, AddressBlocks: sp.AddressBlocks, Netmask: sp.Netmask,
		SVIP: sp.SVIP, Gateway: sp.Gateway, Namespace: sp.Namespace, Attributes: maps.Clone(sp.Attributes)})
	if err != nil {
		return 0, err
	}
	err = s.update(ctx, func(tx Tx) error {
		all, err := tx.VirtualNetworks(ctx)
		if err != nil {
			return err
		}
		if err := checkTagFree(all, v); err != nil {
			return err
		}
		if v.ID, err = tx.NextVirtualNetworkID(ctx); err != nil {
			return err
		}
		return tx.PutVirtualNetwork(ctx, v)
	})
	return v.ID, err
}

// Modify changes a virtual network (ModifyVirtualNetwork).
func (s *Service) Modify(ctx context.Context, r Ref, c Change) error {
	if err := r.check(); err != nil {
		return err
	}
	return s.update(ctx, func(tx Tx) error {
		all, err := tx.VirtualNetworks(ctx)
		if err != nil {
			return err
		}
		v, err := find(all, r)
		if err != nil {
			return err
		}
		if c.Name != nil {
			v.Name = *c.Name
		}
		if c.AddressBlocks != nil {
			if err := growOnly(v.AddressBlocks, c.AddressBlocks); err != nil {
				return err
			}
			v.AddressBlocks = c.AddressBlocks
		}
		if c.Netmask != nil {
			v.Netmask = *c.Netmask
		}
		if c.SVIP != nil {
			v.SVIP = *c.SVIP
		}
		if c.Namespace != nil {
			v.Namespace = *c.Namespace
			if !v.Namespace && c.Gateway == nil {
				v.Gateway = "" // a gateway lives only with a namespace
			}
		}
		if c.Gateway != nil {
			v.Gateway = *c.Gateway
		}
		if c.Attributes != nil {
			v.Attributes = maps.Clone(c.Attributes)
		}
		if v, err = normalize(v); err != nil {
			return err
		}
		return tx.PutVirtualNetwork(ctx, v)
	})
}

// Remove deletes a virtual network (RemoveVirtualNetwork).
func (s *Service) Remove(ctx context.Context, r Ref) error {
	if err := r.check(); err != nil {
		return err
	}
	return s.update(ctx, func(tx Tx) error {
		all, err := tx.VirtualNetworks(ctx)
		if err != nil {
			return err
		}
		v, err := find(all, r)
		if err != nil {
			return err
		}
		return tx.DeleteVirtualNetwork(ctx, v.ID)
	})
}

// List returns the virtual networks that pass f (ListVirtualNetworks),
// with each block's availability.
func (s *Service) List(ctx context.Context, f Filter) ([]VirtualNetwork, error) {
	used := 0
	if s.d.ActiveNodes != nil {
		n, err := s.d.ActiveNodes(ctx)
		if err != nil {
			return nil, err
		}
		used = n
	}
	out := []VirtualNetwork{}
	err := s.d.Store.ViewNetworks(ctx, func(tx Tx) error {
		all, err := tx.VirtualNetworks(ctx)
		for _, v := range all {
			if f.Match(v) {
				out = append(out, withAvailability(v, used))
			}
		}
		return err
	})
	return out, err
}

// Raw returns every virtual network without block availability (the
// node lists compute each node's address themselves).
func (s *Service) Raw(ctx context.Context) ([]VirtualNetwork, error) {
	var out []VirtualNetwork
	err := s.d.Store.ViewNetworks(ctx, func(tx Tx) error {
		var err error
		out, err = tx.VirtualNetworks(ctx)
		return err
	})
	return out, err
}

// Check returns the not-found error of the first ID or tag that names no
// virtual network (CreateVolumeAccessGroup's virtualNetworkID and
// virtualNetworkTags).
func (s *Service) Check(ctx context.Context, ids, tags []int64) error {
	if len(ids) == 0 && len(tags) == 0 {
		return nil
	}
	return s.d.Store.ViewNetworks(ctx, func(tx Tx) error {
		all, err := tx.VirtualNetworks(ctx)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if !slices.ContainsFunc(all, func(v VirtualNetwork) bool { return v.ID == id }) {
				return errNotFound(id)
			}
		}
		for _, tag := range tags {
			if !slices.ContainsFunc(all, func(v VirtualNetwork) bool { return v.Tag == tag }) {
				return errTagNotFound(tag)
			}
		}
		return nil
	})
}

// Config returns a node's network configuration (GetNetworkConfig).
func (s *Service) Config(ctx context.Context, a Addrs) (Config, error) {
	var c Config
	err := s.d.Store.ViewNetworks(ctx, func(tx Tx) error {
		var err error
		c, err = configOf(ctx, tx, a)
		return err
	})
	return c, err
}

func configOf(ctx context.Context, tx Tx, a Addrs) (Config, error) {
	c, ok, err := tx.NetworkConfig(ctx, a.NodeID)
	if err != nil || ok {
		return c, err
	}
	return Default(a), nil
}

// SetConfig changes a node's network configuration (SetNetworkConfig) and
// returns the new one.
func (s *Service) SetConfig(ctx context.Context, a Addrs, network map[string]any) (Config, error) {
	var next Config
	err := s.update(ctx, func(tx Tx) error {
		cur, err := configOf(ctx, tx, a)
		if err != nil {
			return err
		}
		if next, err = Apply(cur, network); err != nil {
			return err
		}
		return tx.PutNetworkConfig(ctx, a.NodeID, next)
	})
	return next, err
}
