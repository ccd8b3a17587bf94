package networks

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Node-level network configuration (GetNetworkConfig, SetNetworkConfig):
// the storage node's two bonds. Values are Element's spellings; numbers
// are carried as strings on the wire, as Element does.

// Configurable are the interfaces SetNetworkConfig changes. Known are the
// other interfaces a client may send (the solidfire-go SDK sends every one
// of them, empty): accepted with read-only members only.
var (
	Configurable = []string{"Bond10G", "Bond1G"}
	Known        = []string{"eth0", "eth1", "eth2", "eth3", "eth4", "eth5", "lo", "net0", "net1"}
)

// BondModes, LACPRates and Methods are the accepted bond-mode,
// bond-lacp_rate and method values.
var (
	BondModes = []string{"ActivePassive", "ALB", "LACP"}
	LACPRates = []string{"Fast", "Slow"}
	Methods   = []string{"static", "dhcp", "manual"}
)

// MinMTU and MaxMTU bound an interface's mtu.
const (
	MinMTU = 1280
	MaxMTU = 9000
)

// Physical is an interface's physical view (read only).
type Physical struct {
	Address             string `json:"address"`
	MacAddress          string `json:"macAddress"`
	MacAddressPermanent string `json:"macAddressPermanent"`
	MTU                 string `json:"mtu"`
	Netmask             string `json:"netmask"`
	Network             string `json:"network"`
	UpAndRunning        bool   `json:"upAndRunning"`
}

// Interface is one interface's configuration as GetNetworkConfig returns it.
type Interface struct {
	Default             bool     `json:"#default"`
	Address             string   `json:"address"`
	Auto                bool     `json:"auto"`
	BondDowndelay       string   `json:"bond-downdelay,omitempty"`
	BondFailOverMac     string   `json:"bond-fail_over_mac,omitempty"`
	BondLACPRate        string   `json:"bond-lacp_rate,omitempty"`
	BondMiimon          string   `json:"bond-miimon,omitempty"`
	BondMode            string   `json:"bond-mode,omitempty"`
	BondPrimaryReselect string   `json:"bond-primary_reselect,omitempty"`
	BondSlaves          string   `json:"bond-slaves,omitempty"`
	BondUpdelay         string   `json:"bond-updelay,omitempty"`
	BondMaster          string   `json:"bond-master,omitempty"`
	DNSNameservers      string   `json:"dns-nameservers"`
	DNSSearch           string   `json:"dns-search"`
	Family              string   `json:"family"`
	Gateway             string   `json:"gateway"`
	MacAddress          string   `json:"macAddress"`
	MacAddressPermanent string   `json:"macAddressPermanent"`
	Method              string   `json:"method"`
	MTU                 string   `json:"mtu"`
	Netmask             string   `json:"netmask"`
	Network             string   `json:"network"`
	Physical            Physical `json:"physical"`
	Routes              []any    `json:"routes"`
	Status              string   `json:"status"`
	SymmetricRouteRules []string `json:"symmetricRouteRules"`
	UpAndRunning        bool     `json:"upAndRunning"`
	VirtualNetworkTag   string   `json:"virtualNetworkTag"`
}

// Config is a node's network configuration, by interface name.
type Config map[string]Interface

// Addrs are the addresses a node was built with: the defaults of its
// configuration until SetNetworkConfig changes them.
type Addrs struct {
	NodeID        int64
	MIP, CIP, SIP string
}

func mac(node int64, port int) string {
	return fmt.Sprintf("d4:ae:52:%02x:%02x:%02x", byte(node>>8), byte(node), byte(port))
}

// Default is the configuration of a node nobody has changed: Bond1G
// carries the management address, Bond10G the cluster/storage address.
func Default(a Addrs) Config {
	bond := func(address, netmask, gateway, slaves string, mtu string, port int) Interface {
		network := ""
		if bits, err := ParseNetmask("netmask", netmask); err == nil {
			if ip, err := netip.ParseAddr(address); err == nil && ip.Is4() {
				network = netip.PrefixFrom(ip, bits).Masked().Addr().String()
			}
		}
		return Interface{Address: address, Auto: true, BondDowndelay: "0", BondFailOverMac: "None", BondMiimon: "100",
			BondMode: "ActivePassive", BondPrimaryReselect: "Failure", BondSlaves: slaves, BondUpdelay: "200",
			DNSNameservers: "", DNSSearch: "", Family: "inet", Gateway: gateway, MacAddress: mac(a.NodeID, port),
			MacAddressPermanent: "00:00:00:00:00:00", Method: "static", MTU: mtu, Netmask: netmask, Network: network,
			Physical: Physical{Address: address, MacAddress: mac(a.NodeID, port), MacAddressPermanent: "00:00:00:00:00:00",
				MTU: mtu, Netmask: netmask, Network: network, UpAndRunning: true},
			Routes: []any{}, Status: "UpAndRunning", SymmetricRouteRules: []string{}, UpAndRunning: true, VirtualNetworkTag: "0"}
	}
	eth := func(master string, port int, mtu string) Interface {
		return Interface{Auto: true, BondMaster: master, DNSNameservers: "", DNSSearch: "", Family: "inet",
			MacAddress: mac(a.NodeID, port), MacAddressPermanent: mac(a.NodeID, port), Method: "manual", MTU: mtu,
			Physical: Physical{MacAddress: mac(a.NodeID, port), MacAddressPermanent: mac(a.NodeID, port), MTU: mtu, UpAndRunning: true},
			Routes:   []any{}, Status: "UpAndRunning", SymmetricRouteRules: []string{}, UpAndRunning: true, VirtualNetworkTag: "0"}
	}
	gw := func(ip string) string {
		if p, err := netip.ParseAddr(ip); err == nil && p.Is4() {
			b := p.As4()
			b[3] = 1
			return netip.AddrFrom4(b).String()
		}
		return ""
	}
	one := bond(a.MIP, "255.255.255.0", gw(a.MIP), "eth0 eth1", "1500", 1)
	one.Default = true
	return Config{
		"Bond1G":  one,
		"Bond10G": bond(a.SIP, "255.255.255.0", "", "eth2 eth3", "9000", 2),
		"eth0":    eth("Bond1G", 10, "1500"), "eth1": eth("Bond1G", 11, "1500"),
		"eth2": eth("Bond10G", 12, "9000"), "eth3": eth("Bond10G", 13, "9000"),
		"lo": {Address: "127.0.0.1", Auto: true, Family: "inet", Method: "loopback", MTU: "65536", Netmask: "255.0.0.0",
			Network: "127.0.0.0", Routes: []any{}, Status: "UpAndRunning", SymmetricRouteRules: []string{}, UpAndRunning: true,
			VirtualNetworkTag: "0"},
	}
}

// readOnly are members GetNetworkConfig reports that SetNetworkConfig
// accepts and ignores, so a script may send back what it read.
var readOnly = []string{"#default", "bond-master", "bond-slaves", "macAddress", "macAddressPermanent", "network",
	"physical", "status", "upAndRunning", "symmetricRouteRules", "family", "auto"}

// settable are the members SetNetworkConfig changes.
var settable = []string{"address", "netmask", "gateway", "mtu", "bond-mode", "bond-lacp_rate", "bond-miimon",
	"bond-downdelay", "bond-updelay", "bond-fail_over_mac", "bond-primary_reselect", "dns-nameservers", "dns-search",
	"method", "routes", "virtualNetworkTag"}

// text turns a member value into Element's string form: strings as they
// are (trimmed), integral numbers in decimal.
func text(param string, v any) (string, error) {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x), nil
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return strconv.FormatInt(i, 10), nil
		}
	case float64:
		if x == float64(int64(x)) {
			return strconv.FormatInt(int64(x), 10), nil
		}
	case int64:
		return strconv.FormatInt(x, 10), nil
	case int:
		return strconv.Itoa(x), nil
	}
	return "", invalid(param, "must be a string")
}

func uintText(param string, v any, lo, hi int64) (string, error) {
	s, err := text(param, v)
	if err != nil {
		return "", err
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < lo || n > hi {
		return "", invalid(param, "must be an integer from %d to %d", lo, hi)
	}
	return strconv.FormatInt(n, 10), nil
}

func oneOf(param string, v any, allowed []string) (string, error) {
	s, err := text(param, v)
	if err != nil {
		return "", err
	}
	for _, a := range allowed {
		if strings.EqualFold(a, s) {
			return a, nil
		}
	}
	return "", invalid(param, "must be one of %s", strings.Join(allowed, ", "))
}

// Apply validates SetNetworkConfig's network object against the current
// configuration and returns the new one. Only Bond1G and Bond10G may be
// given; unknown members are refused, read-only members ignored. After the
// change each bond's address must be inside its netmask's subnet (neither
// the network nor the broadcast address), its gateway inside the same
// subnet, and the two bonds' subnets must differ.
func Apply(cur Config, network map[string]any) (Config, error) {
	next := Config{}
	for k, v := range cur {
		next[k] = v
	}
	names := make([]string, 0, len(network))
	for k := range network {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		members, ok := network[name].(map[string]any)
		if !slices.Contains(Configurable, name) {
			if !ok || !slices.Contains(Known, name) || slices.ContainsFunc(keysOf(members), func(k string) bool { return !slices.Contains(readOnly, k) }) {
				return nil, invalid("network."+name, "is not a configurable interface (%s)", strings.Join(Configurable, ", "))
			}
			continue // nothing to change
		}
		if !ok {
			return nil, invalid("network."+name, "must be an object")
		}
		iface, err := applyInterface(name, next[name], members)
		if err != nil {
			return nil, err
		}
		next[name] = iface
	}
	if !slices.ContainsFunc(Configurable, func(n string) bool { _, ok := network[n]; return ok }) {
		return nil, invalid("network", "must configure Bond1G or Bond10G")
	}
	var subnets []netip.Prefix
	var subnetOf []string
	for _, name := range Configurable {
		i := next[name]
		if i.Method != "static" {
			continue
		}
		p := "network." + name
		a, err := ParseIPv4(p+".address", i.Address)
		if err != nil {
			return nil, err
		}
		bits, err := ParseNetmask(p+".netmask", i.Netmask)
		if err != nil {
			return nil, err
		}
		pfx := netip.PrefixFrom(a, bits).Masked()
		last := u32(pfx.Addr()) | (1<<(32-bits) - 1)
		if bits < 31 && (u32(a) == u32(pfx.Addr()) || u32(a) == last) {
			return nil, invalid(p+".address", "%s is the network or broadcast address of %s", a, pfx)
		}
		if i.Gateway != "" {
			gw, err := ParseIPv4(p+".gateway", i.Gateway)
			if err != nil {
				return nil, err
			}
			if !pfx.Contains(gw) || gw == a {
				return nil, invalid(p+".gateway", "%s must be another address inside %s", gw, pfx)
			}
		}
		for j, o := range subnets {
			if o.Overlaps(pfx) {
				at := name // name the bond the request changed
				if _, given := network[name]; !given {
					at = subnetOf[j]
				}
				return nil, invalid("network."+at+".address", "Bond1G and Bond10G must be on different subnets")
			}
		}
		subnets, subnetOf = append(subnets, pfx), append(subnetOf, name)
		i.Network = pfx.Addr().String()
		i.Physical.Address, i.Physical.Netmask, i.Physical.Network, i.Physical.MTU = i.Address, i.Netmask, i.Network, i.MTU
		next[name] = i
	}
	return next, nil
}

func applyInterface(name string, i Interface, members map[string]any) (Interface, error) {
	keys := make([]string, 0, len(members))
	for k := range members {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := members[k]
		p := "network." + name + "." + k
		if slices.Contains(readOnly, k) {
			continue
		}
		if !slices.Contains(settable, k) {
			return i, invalid(p, "is not a network configuration member")
		}
		var err error
		switch k {
		case "address":
			var a netip.Addr
			s, _ := text(p, v)
			if a, err = ParseIPv4(p, s); err == nil {
				i.Address = a.String()
			}
		case "netmask":
			var s string
			if s, err = text(p, v); err == nil {
				var bits int
				if bits, err = ParseNetmask(p, s); err == nil {
					i.Netmask = addr(^uint32(0) << (32 - bits)).String()
				}
			}
		case "gateway":
			var s string
			if s, err = text(p, v); err == nil && s != "" {
				var a netip.Addr
				if a, err = ParseIPv4(p, s); err == nil {
					s = a.String()
				}
			}
			if err == nil {
				i.Gateway = s
			}
		case "mtu":
			i.MTU, err = uintText(p, v, MinMTU, MaxMTU)
		case "bond-mode":
			i.BondMode, err = oneOf(p, v, BondModes)
		case "bond-lacp_rate":
			i.BondLACPRate, err = oneOf(p, v, LACPRates)
		case "bond-miimon":
			i.BondMiimon, err = uintText(p, v, 0, 60000)
		case "bond-downdelay":
			i.BondDowndelay, err = uintText(p, v, 0, 60000)
		case "bond-updelay":
			i.BondUpdelay, err = uintText(p, v, 0, 60000)
		case "bond-fail_over_mac":
			i.BondFailOverMac, err = oneOf(p, v, []string{"None", "Active", "Follow"})
		case "bond-primary_reselect":
			i.BondPrimaryReselect, err = oneOf(p, v, []string{"Always", "Better", "Failure"})
		case "dns-nameservers":
			var s string
			if s, err = text(p, v); err == nil {
				i.DNSNameservers, err = nameservers(p, s)
			}
		case "dns-search":
			i.DNSSearch, err = text(p, v)
		case "method":
			i.Method, err = oneOf(p, v, Methods)
		case "routes":
			r, ok := v.([]any)
			if !ok {
				err = invalid(p, "must be an array")
			} else {
				i.Routes = slices.Clone(r)
			}
		case "virtualNetworkTag":
			i.VirtualNetworkTag, err = uintText(p, v, 0, MaxTag)
		}
		if err != nil {
			return i, err
		}
	}
	if i.BondMode == "LACP" && i.BondLACPRate == "" {
		i.BondLACPRate = "Slow"
	}
	if i.BondMode != "LACP" {
		i.BondLACPRate = ""
	}
	return i, nil
}

// nameservers normalizes a comma- or space-separated list of IPv4
// addresses to Element's comma-separated form.
func nameservers(param, s string) (string, error) {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		a, err := ParseIPv4(param, f)
		if err != nil {
			return "", err
		}
		out = append(out, a.String())
	}
	return strings.Join(out, ","), nil
}

func keysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
