package networks_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/networks"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

// The domain on a real SQLite store with no cluster: the active-node count
// is a plain function.

func newService(t *testing.T, active int) *networks.Service {
	return networks.New(networks.Deps{Store: sqlitetest.Open(t),
		ActiveNodes: func(context.Context) (int, error) { return active, nil }})
}

func spec() networks.Spec {
	return networks.Spec{Tag: 2010, Name: "tenant-a", AddressBlocks: []networks.AddressBlock{{Start: "10.20.0.10", Size: 4}},
		Netmask: "255.255.255.0", SVIP: "10.20.0.5"}
}

func invalidParam(t *testing.T, err error) string {
	t.Helper()
	var ip *networks.InvalidParam
	require.True(t, errors.As(err, &ip), "want InvalidParam, got %v", err)
	return ip.Param
}

func kind(err error) networks.Kind {
	var e *networks.Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

func TestVirtualNetworkRules(t *testing.T) {
	ctx := context.Background()
	s := newService(t, 0)
	for _, c := range []struct {
		param string
		edit  func(*networks.Spec)
	}{
		{"virtualNetworkTag", func(p *networks.Spec) { p.Tag = 0 }},
		{"virtualNetworkTag", func(p *networks.Spec) { p.Tag = 4095 }},
		{"name", func(p *networks.Spec) { p.Name = " " }},
		{"name", func(p *networks.Spec) { p.Name = strings.Repeat("n", 257) }},
		{"netmask", func(p *networks.Spec) { p.Netmask = "255.0.255.0" }},
		{"netmask", func(p *networks.Spec) { p.Netmask = "255.255.255.255" }},
		{"netmask", func(p *networks.Spec) { p.Netmask = "x" }},
		{"svip", func(p *networks.Spec) { p.SVIP = "10.20.0" }},
		{"svip", func(p *networks.Spec) { p.SVIP = "10.20.0.255" }},
		{"svip", func(p *networks.Spec) { p.SVIP = "10.20.0.11" }},
		{"addressBlocks", func(p *networks.Spec) { p.AddressBlocks = nil }},
		{"addressBlocks[0].start", func(p *networks.Spec) { p.AddressBlocks[0].Start = "nope" }},
		{"addressBlocks[0].size", func(p *networks.Spec) { p.AddressBlocks[0].Size = 0 }},
		{"addressBlocks[0].size", func(p *networks.Spec) { p.AddressBlocks[0].Size = 65537 }},
		{"addressBlocks[0]", func(p *networks.Spec) { p.AddressBlocks[0].Size = 250 }},
		{"addressBlocks[0]", func(p *networks.Spec) { p.AddressBlocks[0].Start = "10.21.0.10" }},
		{"addressBlocks[1]", func(p *networks.Spec) {
			p.AddressBlocks = append(p.AddressBlocks, networks.AddressBlock{Start: "10.20.0.12", Size: 2})
		}},
		{"gateway", func(p *networks.Spec) { p.Gateway = "10.20.0.1" }},
		{"gateway", func(p *networks.Spec) { p.Gateway, p.Namespace = "10.20.0.11", true }},
		{"gateway", func(p *networks.Spec) { p.Gateway, p.Namespace = "10.30.0.1", true }},
		{"gateway", func(p *networks.Spec) { p.Gateway, p.Namespace = "bad", true }},
	} {
		sp := spec()
		sp.AddressBlocks = append([]networks.AddressBlock{}, sp.AddressBlocks...)
		c.edit(&sp)
		_, err := s.Add(ctx, sp)
		require.Equal(t, c.param, invalidParam(t, err), "%+v", sp)
	}
	list, err := s.List(ctx, networks.Filter{})
	require.NoError(t, err)
	require.Empty(t, list, "bad input stored nothing")

	sp := spec()
	sp.SVIP, sp.Gateway, sp.Namespace = " 10.20.0.5", "10.20.0.1", true
	id, err := s.Add(ctx, sp)
	require.NoError(t, err)
	require.Equal(t, int64(1), id)
	_, err = s.Add(ctx, spec())
	require.Equal(t, networks.KindTagExists, kind(err))
	list, err = s.List(ctx, networks.Filter{})
	require.NoError(t, err)
	require.Equal(t, []networks.VirtualNetwork{{ID: 1, Tag: 2010, Name: "tenant-a", Netmask: "255.255.255.0", SVIP: "10.20.0.5",
		Gateway: "10.20.0.1", Namespace: true, Attributes: map[string]any{},
		AddressBlocks: []networks.AddressBlock{{Start: "10.20.0.10", Size: 4, Available: "1111"}}}}, list)
}

func TestVirtualNetworkLifecycle(t *testing.T) {
	ctx := context.Background()
	s := newService(t, 3)
	id, err := s.Add(ctx, spec())
	require.NoError(t, err)
	sp := spec()
	sp.Tag, sp.Name = 2020, "tenant-b"
	id2, err := s.Add(ctx, sp)
	require.NoError(t, err)
	require.Equal(t, id+1, id2)

	tag := int64(2020)
	one := func(f networks.Filter) []int64 {
		vs, err := s.List(ctx, f)
		require.NoError(t, err)
		var ids []int64
		for _, v := range vs {
			ids = append(ids, v.ID)
		}
		return ids
	}
	require.Equal(t, []int64{1, 2}, one(networks.Filter{}))
	require.Equal(t, []int64{2}, one(networks.Filter{Tag: &tag}))
	require.Equal(t, []int64{1}, one(networks.Filter{IDs: []int64{1, 9}}))
	require.Nil(t, one(networks.Filter{ID: &id, Tags: []int64{2020}}))

	vs, err := s.List(ctx, networks.Filter{ID: &id})
	require.NoError(t, err)
	require.Equal(t, "0001", vs[0].AddressBlocks[0].Available, "three active nodes hold three addresses")

	// Modify: by exactly one of ID and tag; blocks only grow.
	name := "renamed"
	require.Equal(t, "virtualNetworkID", invalidParam(t, s.Modify(ctx, networks.Ref{}, networks.Change{Name: &name})))
	require.Equal(t, "virtualNetworkID", invalidParam(t, s.Modify(ctx, networks.Ref{ID: &id, Tag: &tag}, networks.Change{Name: &name})))
	missing := int64(99)
	require.Equal(t, networks.KindNotFound, kind(s.Modify(ctx, networks.Ref{ID: &missing}, networks.Change{Name: &name})))
	require.Equal(t, networks.KindTagNotFound, kind(s.Modify(ctx, networks.Ref{Tag: &missing}, networks.Change{Name: &name})))
	require.Equal(t, "addressBlocks", invalidParam(t, s.Modify(ctx, networks.Ref{ID: &id},
		networks.Change{AddressBlocks: []networks.AddressBlock{{Start: "10.20.0.10", Size: 2}}})))
	require.Equal(t, "addressBlocks", invalidParam(t, s.Modify(ctx, networks.Ref{ID: &id},
		networks.Change{AddressBlocks: []networks.AddressBlock{{Start: "10.20.0.100", Size: 8}}})))
	require.NoError(t, s.Modify(ctx, networks.Ref{Tag: &tag}, networks.Change{Name: &name,
		AddressBlocks: []networks.AddressBlock{{Start: "10.20.0.10", Size: 8}, {Start: "10.20.0.100", Size: 2}},
		Attributes:    map[string]any{"k": "v"}}))
	vs, err = s.List(ctx, networks.Filter{Tag: &tag})
	require.NoError(t, err)
	require.Equal(t, "renamed", vs[0].Name)
	require.Equal(t, []networks.AddressBlock{{Start: "10.20.0.10", Size: 8, Available: "00011111"},
		{Start: "10.20.0.100", Size: 2, Available: "11"}}, vs[0].AddressBlocks)
	mask := "255.255.0.0"
	require.Equal(t, "svip", invalidParam(t, s.Modify(ctx, networks.Ref{ID: &id}, networks.Change{Netmask: &mask,
		SVIP: func() *string { v := "10.20.0.0"; return &v }()})))

	// Check (CreateVolumeAccessGroup's references) and Remove.
	require.NoError(t, s.Check(ctx, []int64{1, 2}, []int64{2010}))
	require.Equal(t, networks.KindNotFound, kind(s.Check(ctx, []int64{3}, nil)))
	require.Equal(t, networks.KindTagNotFound, kind(s.Check(ctx, nil, []int64{7})))
	require.Equal(t, "virtualNetworkID", invalidParam(t, s.Remove(ctx, networks.Ref{})))
	require.NoError(t, s.Remove(ctx, networks.Ref{Tag: &tag}))
	require.Equal(t, networks.KindTagNotFound, kind(s.Remove(ctx, networks.Ref{Tag: &tag})))
	require.Equal(t, []int64{1}, one(networks.Filter{}))
	id3, err := s.Add(ctx, sp)
	require.NoError(t, err)
	require.Equal(t, int64(3), id3, "IDs are not reused")
}

func TestNetworkConfig(t *testing.T) {
	ctx := context.Background()
	s := newService(t, 1)
	a := networks.Addrs{NodeID: 1, MIP: "10.117.60.11", CIP: "10.117.61.11", SIP: "10.117.61.11"}
	c, err := s.Config(ctx, a)
	require.NoError(t, err)
	require.Equal(t, networks.Default(a), c)
	require.Equal(t, "10.117.60.11", c["Bond1G"].Address)
	require.Equal(t, "10.117.60.1", c["Bond1G"].Gateway)
	require.True(t, c["Bond1G"].Default)
	require.Equal(t, "9000", c["Bond10G"].MTU)

	bad := []struct {
		param string
		net   string
	}{
		{"network", `{}`},
		{"network.eth0", `{"eth0":{"mtu":1500}}`},
		{"network", `{"eth0":{},"lo":{"physical":{}}}`},
		{"network.eth9", `{"eth9":{},"Bond1G":{}}`},
		{"network.net0", `{"net0":7,"Bond1G":{}}`},
		{"network.Bond1G", `{"Bond1G":"x"}`},
		{"network.Bond1G.color", `{"Bond1G":{"color":"red"}}`},
		{"network.Bond1G.address", `{"Bond1G":{"address":"10.117.60"}}`},
		{"network.Bond1G.address", `{"Bond1G":{"address":"10.117.60.0"}}`},
		{"network.Bond1G.netmask", `{"Bond1G":{"netmask":"255.0.255.0"}}`},
		{"network.Bond1G.gateway", `{"Bond1G":{"gateway":"10.9.9.9"}}`},
		{"network.Bond1G.gateway", `{"Bond1G":{"gateway":"nope"}}`},
		{"network.Bond1G.mtu", `{"Bond1G":{"mtu":9001}}`},
		{"network.Bond1G.mtu", `{"Bond1G":{"mtu":"big"}}`},
		{"network.Bond1G.mtu", `{"Bond1G":{"mtu":true}}`},
		{"network.Bond10G.bond-mode", `{"Bond10G":{"bond-mode":"RoundRobin"}}`},
		{"network.Bond10G.bond-lacp_rate", `{"Bond10G":{"bond-lacp_rate":"Medium"}}`},
		{"network.Bond10G.bond-miimon", `{"Bond10G":{"bond-miimon":-1}}`},
		{"network.Bond10G.dns-nameservers", `{"Bond10G":{"dns-nameservers":"8.8.8.8, dns"}}`},
		{"network.Bond10G.method", `{"Bond10G":{"method":"loopback"}}`},
		{"network.Bond10G.routes", `{"Bond10G":{"routes":"x"}}`},
		{"network.Bond10G.virtualNetworkTag", `{"Bond10G":{"virtualNetworkTag":5000}}`},
		{"network.Bond10G.address", `{"Bond10G":{"address":"10.117.60.12"}}`},
	}
	for _, b := range bad {
		var m map[string]any
		d := json.NewDecoder(strings.NewReader(b.net))
		d.UseNumber()
		require.NoError(t, d.Decode(&m))
		_, err := s.SetConfig(ctx, a, m)
		require.Equal(t, b.param, invalidParam(t, err), b.net)
	}
	got, err := s.Config(ctx, a)
	require.NoError(t, err)
	require.Equal(t, c, got, "bad input stored nothing")

	// A read configuration sent back is accepted unchanged.
	raw, err := json.Marshal(map[string]any{"Bond1G": c["Bond1G"], "Bond10G": c["Bond10G"]})
	require.NoError(t, err)
	var back map[string]any
	d := json.NewDecoder(strings.NewReader(string(raw)))
	d.UseNumber()
	require.NoError(t, d.Decode(&back))
	same, err := s.SetConfig(ctx, a, back)
	require.NoError(t, err)
	require.Equal(t, c, same)

	// Other interfaces with read-only members only (as the SDK sends them) are ignored.
	same, err = s.SetConfig(ctx, a, map[string]any{"Bond1G": map[string]any{}, "eth0": map[string]any{"physical": map[string]any{}},
		"net1": map[string]any{}})
	require.NoError(t, err)
	require.Equal(t, c, same)

	next, err := s.SetConfig(ctx, a, map[string]any{"Bond10G": map[string]any{"mtu": json.Number("1500"), "bond-mode": "lacp",
		"address": "192.168.5.20", "netmask": "255.255.255.128", "gateway": "192.168.5.1", "dns-nameservers": "8.8.8.8 1.1.1.1"}})
	require.NoError(t, err)
	b := next["Bond10G"]
	require.Equal(t, "1500", b.MTU)
	require.Equal(t, "LACP", b.BondMode)
	require.Equal(t, "Slow", b.BondLACPRate)
	require.Equal(t, "192.168.5.0", b.Network)
	require.Equal(t, "8.8.8.8,1.1.1.1", b.DNSNameservers)
	got, err = s.Config(ctx, a)
	require.NoError(t, err)
	require.Equal(t, next, got)
	other, err := s.Config(ctx, networks.Addrs{NodeID: 2, MIP: "10.117.60.12", SIP: "10.117.61.12"})
	require.NoError(t, err)
	require.Equal(t, "9000", other["Bond10G"].MTU, "other nodes keep their configuration")
}

func TestAddress(t *testing.T) {
	v := networks.VirtualNetwork{AddressBlocks: []networks.AddressBlock{{Start: "10.0.0.254", Size: 3}, {Start: "10.0.2.1", Size: 1}}}
	for i, want := range []string{"10.0.0.254", "10.0.0.255", "10.0.1.0", "10.0.2.1"} {
		got, ok := networks.Address(v, i)
		require.True(t, ok)
		require.Equal(t, want, got)
	}
	_, ok := networks.Address(v, 4)
	require.False(t, ok)
}

// FuzzApply: no network object makes SetNetworkConfig's validation panic,
// and whatever it accepts is accepted again unchanged when sent back.
func FuzzApply(f *testing.F) {
	for _, s := range []string{`{"Bond1G":{"mtu":1500}}`, `{"Bond10G":{"address":"10.1.1.1","netmask":"255.255.255.0","gateway":"10.1.1.254"}}`,
		`{"Bond10G":{"bond-mode":"lacp","dns-nameservers":"1.1.1.1,8.8.8.8","routes":[1]}}`, `{"eth0":{}}`, `{"Bond1G":[]}`} {
		f.Add([]byte(s))
	}
	base := networks.Default(networks.Addrs{NodeID: 1, MIP: "10.117.60.11", SIP: "10.117.61.11"})
	f.Fuzz(func(t *testing.T, raw []byte) {
		var m map[string]any
		d := json.NewDecoder(strings.NewReader(string(raw)))
		d.UseNumber()
		if d.Decode(&m) != nil {
			return
		}
		next, err := networks.Apply(base, m)
		if err != nil {
			return
		}
		b, err := json.Marshal(map[string]any{"Bond1G": next["Bond1G"], "Bond10G": next["Bond10G"]})
		require.NoError(t, err)
		var back map[string]any
		d = json.NewDecoder(strings.NewReader(string(b)))
		d.UseNumber()
		require.NoError(t, d.Decode(&back))
		again, err := networks.Apply(next, back)
		require.NoError(t, err)
		require.Equal(t, next, again)
	})
}
