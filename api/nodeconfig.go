package api

import (
	"context"
	"strings"
)

// GetConfig (node listener): the node's cluster membership and network
// configuration, as a node reports them on its management IP (AN1).

type nodeConfigWire struct {
	Cluster nodeClusterConfigWire        `json:"cluster"`
	Network map[string]nodeInterfaceWire `json:"network"`
}

type nodeClusterConfigWire struct {
	CIPI                   string   `json:"cipi"`
	Cluster                string   `json:"cluster"`
	EncryptionCapable      bool     `json:"encryptionCapable"`
	Ensemble               []string `json:"ensemble"`
	FipsDriveConfiguration bool     `json:"fipsDriveConfiguration"`
	HasLocalAdmin          bool     `json:"hasLocalAdmin"`
	MIPI                   string   `json:"mipi"`
	Name                   string   `json:"name"`
	NodeID                 int64    `json:"nodeID"`
	PendingNodeID          int64    `json:"pendingNodeID"`
	Role                   string   `json:"role"`
	SIPI                   string   `json:"sipi"`
	State                  string   `json:"state"`
	Version                string   `json:"version"`
}

type nodeInterfaceWire struct {
	Default             bool     `json:"#default"`
	Address             string   `json:"address"`
	Auto                bool     `json:"auto"`
	BondMiimon          string   `json:"bond-miimon"`
	BondMode            string   `json:"bond-mode"`
	BondSlaves          string   `json:"bond-slaves"`
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
	Routes              []any    `json:"routes"`
	Status              string   `json:"status"`
	SymmetricRouteRules []string `json:"symmetricRouteRules"`
	UpAndRunning        bool     `json:"upAndRunning"`
	VirtualNetworkTag   string   `json:"virtualNetworkTag"`
}

func (s *Server) getConfig(ctx context.Context, _ noParams) (map[string]nodeConfigWire, error) {
	node, err := s.nodeOf(ctx)
	if err != nil {
		return nil, err
	}
	cc := nodeClusterConfigWire{CIPI: "Bond10G", EncryptionCapable: true, Ensemble: []string{}, MIPI: "Bond1G",
		Name: node.Name, NodeID: node.ID, Role: "Storage", SIPI: "Bond10G", State: "Available",
		Version: s.cluster.Config().Version}
	if !s.bootstrapping() {
		info, err := s.cluster.ClusterInfo(ctx)
		if err != nil {
			return nil, err
		}
		cc.Cluster, cc.Ensemble = info.State.Name, info.Ensemble
		if node.Active {
			cc.State = "Active"
		} else {
			cc.State = "Pending"
		}
	}
	if !node.Active {
		cc.NodeID, cc.PendingNodeID = 0, node.ID
	}
	iface := func(addr, mtu, slaves, mac string, dflt bool) nodeInterfaceWire {
		return nodeInterfaceWire{Default: dflt, Address: addr, Auto: true, BondMiimon: "100", BondMode: "ActivePassive",
			BondSlaves: slaves, Family: "inet", Gateway: subnetHost(addr, "1"), MacAddress: mac, MacAddressPermanent: mac,
			Method: "static", MTU: mtu, Netmask: "255.255.255.0", Network: subnetHost(addr, "0"), Routes: []any{},
			Status: "UpAndRunning", SymmetricRouteRules: []string{}, UpAndRunning: true, VirtualNetworkTag: "0"}
	}
	return map[string]nodeConfigWire{"config": {Cluster: cc, Network: map[string]nodeInterfaceWire{
		"Bond1G":  iface(node.MIP, "1500", "eth0 eth1", macOf(node.ID, 1), true),
		"Bond10G": iface(node.SIP, "9000", "eth2 eth3", macOf(node.ID, 10), false),
	}}}, nil
}

// subnetHost is the address host of addr's /24 (empty for anything but
// IPv4): "0" is the network, "1" the gateway.
func subnetHost(addr, host string) string {
	i := strings.LastIndexByte(addr, '.')
	if i < 0 {
		return ""
	}
	return addr[:i+1] + host
}

// macOf is a stable, locally administered MAC address per node and bond.
func macOf(node int64, bond int) string {
	const hex = "0123456789abcdef"
	b := []byte{0x02, 0x00, 0x5e, byte(bond), byte(node >> 8), byte(node)}
	out := make([]byte, 0, 17)
	for i, x := range b {
		if i > 0 {
			out = append(out, ':')
		}
		out = append(out, hex[x>>4], hex[x&0xf])
	}
	return string(out)
}
