// Package networks owns Element's virtual networks (AddVirtualNetwork and
// friends) and the per-node network configuration (GetNetworkConfig,
// SetNetworkConfig): their model, validation and rules, and a Service on a
// Store it declares. It knows nothing about JSON-RPC, SQL or the cluster;
// the cluster package gives its error kinds their Element names.
package networks

import (
	"encoding/binary"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits of a virtual network (docs/nodes.md, Virtual networks).
const (
	MinTag        = 1
	MaxTag        = 4094 // a VLAN ID
	MaxNameLen    = 256
	MaxBlocks     = 64
	MaxBlockSize  = 65536
	MaxAttributes = 1000
)

// Kind classifies a domain failure; cluster.NetworkError names it.
type Kind int

const (
	KindNotFound     Kind = iota + 1 // no virtual network with that ID
	KindTagNotFound                  // no virtual network with that tag
	KindTagExists                    // tag already used by another virtual network
	KindNodeNotFound                 // no active node with that ID
)

// Error is a domain failure with an Element-facing message.
type Error struct {
	Kind    Kind
	Message string
}

func (e *Error) Error() string { return e.Message }

// InvalidParam is an out-of-range or inconsistent parameter.
type InvalidParam struct{ Param, Why string }

func (e *InvalidParam) Error() string { return e.Param + ": " + e.Why }

func invalid(param, format string, args ...any) error {
	return &InvalidParam{Param: param, Why: fmt.Sprintf(format, args...)}
}

func errNotFound(id int64) error {
	return &Error{Kind: KindNotFound, Message: fmt.Sprintf("VirtualNetworkID %d does not exist.", id)}
}

func errTagNotFound(tag int64) error {
	return &Error{Kind: KindTagNotFound, Message: fmt.Sprintf("VirtualNetworkTag %d does not exist.", tag)}
}

// AddressBlock is a range of storage addresses of a virtual network.
// Available is Element's bitmask, one character per address: '1' free,
// '0' assigned to a node.
type AddressBlock struct {
	Start     string `json:"start"`
	Size      int64  `json:"size"`
	Available string `json:"available"`
}

// VirtualNetwork is one virtual network (a tagged storage VLAN).
type VirtualNetwork struct {
	ID            int64          `json:"virtualNetworkID"`
	Tag           int64          `json:"virtualNetworkTag"`
	Name          string         `json:"name"`
	AddressBlocks []AddressBlock `json:"addressBlocks"`
	Netmask       string         `json:"netmask"`
	SVIP          string         `json:"svip"`
	Gateway       string         `json:"gateway"`
	Namespace     bool           `json:"namespace"`
	Attributes    map[string]any `json:"attributes"`
}

// Spec is AddVirtualNetwork's input.
type Spec struct {
	Tag           int64
	Name          string
	AddressBlocks []AddressBlock // Available is ignored
	Netmask       string
	SVIP          string
	Gateway       string
	Namespace     bool
	Attributes    map[string]any
}

// Change is ModifyVirtualNetwork's input; nil fields do not change.
type Change struct {
	Name          *string
	AddressBlocks []AddressBlock // nil: unchanged
	Netmask       *string
	SVIP          *string
	Gateway       *string
	Namespace     *bool
	Attributes    map[string]any // nil: unchanged
}

// Ref names a virtual network by ID or by tag: exactly one of them.
type Ref struct {
	ID  *int64
	Tag *int64
}

func (r Ref) check() error {
	switch {
	case r.ID == nil && r.Tag == nil:
		return invalid("virtualNetworkID", "either virtualNetworkID or virtualNetworkTag is required")
	case r.ID != nil && r.Tag != nil:
		return invalid("virtualNetworkID", "give virtualNetworkID or virtualNetworkTag, not both")
	}
	return nil
}

// Filter is ListVirtualNetworks' input; every given filter must match.
type Filter struct {
	ID   *int64
	Tag  *int64
	IDs  []int64 // nil: any
	Tags []int64 // nil: any
}

// Match reports whether v passes the filter.
func (f Filter) Match(v VirtualNetwork) bool {
	return (f.ID == nil || *f.ID == v.ID) && (f.Tag == nil || *f.Tag == v.Tag) &&
		(f.IDs == nil || slices.Contains(f.IDs, v.ID)) && (f.Tags == nil || slices.Contains(f.Tags, v.Tag))
}

// ParseIPv4 parses a dotted-quad IPv4 address.
func ParseIPv4(param, s string) (netip.Addr, error) {
	a, err := netip.ParseAddr(strings.TrimSpace(s))
	if err != nil || !a.Is4() {
		return netip.Addr{}, invalid(param, "%q is not an IPv4 address", s)
	}
	return a, nil
}

// ParseNetmask parses a dotted-quad netmask and returns its prefix length;
// the mask must be contiguous and between /1 and /31.
func ParseNetmask(param, s string) (int, error) {
	a, err := ParseIPv4(param, s)
	if err != nil {
		return 0, err
	}
	b := a.As4()
	m := binary.BigEndian.Uint32(b[:])
	ones := 0
	for ones < 32 && m&(1<<(31-ones)) != 0 {
		ones++
	}
	if ones == 32 || m<<ones != 0 || ones == 0 {
		return 0, invalid(param, "%q is not a netmask (contiguous, /1 to /31)", s)
	}
	return ones, nil
}

func u32(a netip.Addr) uint32 {
	b := a.As4()
	return binary.BigEndian.Uint32(b[:])
}

func addr(v uint32) netip.Addr {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], v)
	return netip.AddrFrom4(b)
}

// normalize validates a virtual network and returns it with canonical
// address spellings. The rules: tag 1–4094, a name of 1–256 characters,
// 1–64 address blocks of 1–65536 addresses that do not overlap, all inside
// the subnet of svip/netmask and avoiding its network and broadcast
// addresses; the svip in none of the blocks; a gateway only with namespace,
// inside the subnet and in none of the blocks.
func normalize(v VirtualNetwork) (VirtualNetwork, error) {
	if v.Tag < MinTag || v.Tag > MaxTag {
		return v, invalid("virtualNetworkTag", "must be %d to %d", MinTag, MaxTag)
	}
	if n := utf8.RuneCountInString(v.Name); strings.TrimSpace(v.Name) == "" || n > MaxNameLen {
		return v, invalid("name", "must be 1 to %d characters", MaxNameLen)
	}
	if len(v.Attributes) > MaxAttributes {
		return v, invalid("attributes", "at most %d attributes", MaxAttributes)
	}
	bits, err := ParseNetmask("netmask", v.Netmask)
	if err != nil {
		return v, err
	}
	svip, err := ParseIPv4("svip", v.SVIP)
	if err != nil {
		return v, err
	}
	pfx := netip.PrefixFrom(svip, bits).Masked()
	first, last := u32(pfx.Addr()), u32(pfx.Addr())|(1<<(32-bits)-1)
	inside := func(x uint32) bool { return x > first && x < last || bits == 31 && x >= first && x <= last }
	if !inside(u32(svip)) {
		return v, invalid("svip", "%s is the network or broadcast address of %s", svip, pfx)
	}
	if len(v.AddressBlocks) == 0 || len(v.AddressBlocks) > MaxBlocks {
		return v, invalid("addressBlocks", "must hold 1 to %d blocks", MaxBlocks)
	}
	type span struct{ lo, hi uint32 }
	var spans []span
	blocks := make([]AddressBlock, len(v.AddressBlocks))
	for i, b := range v.AddressBlocks {
		p := fmt.Sprintf("addressBlocks[%d]", i)
		start, err := ParseIPv4(p+".start", b.Start)
		if err != nil {
			return v, err
		}
		if b.Size < 1 || b.Size > MaxBlockSize {
			return v, invalid(p+".size", "must be 1 to %d", MaxBlockSize)
		}
		lo := u32(start)
		if uint64(lo)+uint64(b.Size)-1 > uint64(^uint32(0)) || !inside(lo) || !inside(lo+uint32(b.Size)-1) {
			return v, invalid(p, "%s + %d addresses is not inside %s (network and broadcast addresses excluded)", start, b.Size, pfx)
		}
		s := span{lo, lo + uint32(b.Size) - 1}
		for _, o := range spans {
			if s.lo <= o.hi && o.lo <= s.hi {
				return v, invalid(p, "overlaps another address block")
			}
		}
		spans = append(spans, s)
		blocks[i] = AddressBlock{Start: start.String(), Size: b.Size, Available: b.Available}
	}
	inBlocks := func(x uint32) bool {
		return slices.ContainsFunc(spans, func(s span) bool { return x >= s.lo && x <= s.hi })
	}
	if inBlocks(u32(svip)) {
		return v, invalid("svip", "%s is inside an address block", svip)
	}
	v.SVIP, v.Netmask, v.AddressBlocks = svip.String(), addr(^uint32(0)<<(32-bits)).String(), blocks
	if v.Gateway != "" {
		if !v.Namespace {
			return v, invalid("gateway", "is valid only when namespace is true")
		}
		gw, err := ParseIPv4("gateway", v.Gateway)
		if err != nil {
			return v, err
		}
		if !inside(u32(gw)) || inBlocks(u32(gw)) || gw == svip {
			return v, invalid("gateway", "%s must be inside %s, outside the address blocks and not the svip", gw, pfx)
		}
		v.Gateway = gw.String()
	}
	if v.Attributes == nil {
		v.Attributes = map[string]any{}
	}
	return v, nil
}

// growOnly checks ModifyVirtualNetwork's block rule: every existing block
// keeps its start and may only grow.
func growOnly(old, new []AddressBlock) error {
	for _, o := range old {
		i := slices.IndexFunc(new, func(n AddressBlock) bool {
			a, err := netip.ParseAddr(strings.TrimSpace(n.Start))
			return err == nil && a.String() == o.Start
		})
		if i < 0 {
			return invalid("addressBlocks", "the block starting at %s cannot be removed", o.Start)
		}
		if new[i].Size < o.Size {
			return invalid("addressBlocks", "the block starting at %s cannot shrink below %d addresses", o.Start, o.Size)
		}
	}
	return nil
}

// withAvailability fills each block's Available bitmask: the first used
// addresses (one per active node, in block order) are '0', the rest '1'.
func withAvailability(v VirtualNetwork, used int) VirtualNetwork {
	blocks := make([]AddressBlock, len(v.AddressBlocks))
	for i, b := range v.AddressBlocks {
		n := int(b.Size)
		taken := min(max(used, 0), n)
		used -= taken
		b.Available = strings.Repeat("0", taken) + strings.Repeat("1", n-taken)
		blocks[i] = b
	}
	v.AddressBlocks = blocks
	return v
}

// Address returns the i-th address (from 0) of v's blocks, in block
// order: the storage address of the i-th active node on v.
func Address(v VirtualNetwork, i int) (string, bool) {
	for _, b := range v.AddressBlocks {
		if int64(i) < b.Size {
			a, err := netip.ParseAddr(b.Start)
			if err != nil || !a.Is4() {
				return "", false
			}
			return addr(u32(a) + uint32(i)).String(), true
		}
		i -= int(b.Size)
	}
	return "", false
}
