package api

import (
	"context"
	"errors"
	"net/http"

	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/networks"
	"github.com/element-emulator/element-emulator/nodes"
)

// Node membership, network configuration and virtual networks
// (docs/nodes.md). Rules live in nodes/ and networks/; cluster coordinates
// membership with drives and async handles.

func nerr(err error) error { return cluster.NetworkError(err) }

func platformOf(nodeType, chassisType string) platformWire {
	return platformWire{NodeType: nodeType, ChassisType: chassisType, CPUModel: "Intel(R) Xeon(R) CPU E5-2640 v4 @ 2.40GHz",
		NodeMemoryGB: 256, PlatformConfigVersion: "0.0.0.0"}
}

type pendingNodeWire struct {
	PendingNodeID              int64        `json:"pendingNodeID"`
	AssignedNodeID             int64        `json:"assignedNodeID"`
	Name                       string       `json:"name"`
	Compatible                 bool         `json:"compatible"`
	PlatformInfo               platformWire `json:"platformInfo"`
	Role                       string       `json:"role"`
	CIP                        string       `json:"cip"`
	CIPI                       string       `json:"cipi"`
	MIP                        string       `json:"mip"`
	MIPI                       string       `json:"mipi"`
	SIP                        string       `json:"sip"`
	SIPI                       string       `json:"sipi"`
	SoftwareVersion            string       `json:"softwareVersion"`
	UUID                       string       `json:"uuid"`
	NodeSlot                   string       `json:"nodeSlot"`
	ChassisName                string       `json:"chassisName"`
	CustomProtectionDomainName string       `json:"customProtectionDomainName"`
}

type pendingActiveNodeWire struct {
	ActiveNodeKey       string       `json:"activeNodeKey"`
	AssignedNodeID      int64        `json:"assignedNodeID"`
	AsyncHandle         int64        `json:"asyncHandle"`
	CIP                 string       `json:"cip"`
	MIP                 string       `json:"mip"`
	SIP                 string       `json:"sip"`
	NodeSlot            string       `json:"nodeSlot"`
	ChassisName         string       `json:"chassisName"`
	PendingActiveNodeID int64        `json:"pendingActiveNodeID"`
	PendingNodeID       int64        `json:"pendingNodeID"`
	PlatformInfo        platformWire `json:"platformInfo"`
	Role                string       `json:"role"`
	SoftwareVersion     string       `json:"softwareVersion"`
}

func (s *Server) pendingWire(n nodes.Node) pendingNodeWire {
	return pendingNodeWire{PendingNodeID: n.PendingNodeID, AssignedNodeID: n.AssignedNodeID, Name: n.Name, Compatible: true,
		PlatformInfo: platformOf(n.NodeType, n.ChassisType), Role: "Storage", CIP: n.CIP, CIPI: "Bond10G", MIP: n.MIP,
		MIPI: "Bond1G", SIP: n.SIP, SIPI: "Bond10G", SoftwareVersion: s.cluster.Config().Version, UUID: n.UUID,
		ChassisName: n.Name, CustomProtectionDomainName: "__default__"}
}

func (s *Server) pendingActiveWire(n nodes.Node) pendingActiveNodeWire {
	return pendingActiveNodeWire{ActiveNodeKey: n.ActiveNodeKey, AssignedNodeID: n.AssignedNodeID, AsyncHandle: n.AsyncHandle,
		CIP: n.CIP, MIP: n.MIP, SIP: n.SIP, ChassisName: n.Name, PendingActiveNodeID: n.PendingActiveNodeID,
		PendingNodeID: n.PendingNodeID, PlatformInfo: platformOf(n.NodeType, n.ChassisType), Role: "Storage",
		SoftwareVersion: s.cluster.Config().Version}
}

// pendingLists splits the nodes outside the cluster by state.
func (s *Server) pendingLists(ctx context.Context) ([]pendingNodeWire, []pendingActiveNodeWire, error) {
	all, err := s.cluster.PendingNodes(ctx)
	if err != nil {
		return nil, nil, err
	}
	pending, active := []pendingNodeWire{}, []pendingActiveNodeWire{}
	for _, n := range all {
		if n.State == nodes.PendingActive {
			active = append(active, s.pendingActiveWire(n))
		} else {
			pending = append(pending, s.pendingWire(n))
		}
	}
	return pending, active, nil
}

func (s *Server) listAllNodes(ctx context.Context, _ noParams) (map[string]any, error) {
	active, err := s.nodesWire(ctx, true)
	if err != nil {
		return nil, err
	}
	pending, pendingActive, err := s.pendingLists(ctx)
	if err != nil {
		return nil, err
	}
	return map[string]any{"nodes": active, "pendingNodes": pending, "pendingActiveNodes": pendingActive}, nil
}

func (s *Server) listPendingNodes(ctx context.Context, _ noParams) (map[string][]pendingNodeWire, error) {
	pending, _, err := s.pendingLists(ctx)
	if err != nil {
		return nil, err
	}
	return map[string][]pendingNodeWire{"pendingNodes": pending}, nil
}

func (s *Server) listPendingActiveNodes(ctx context.Context, _ noParams) (map[string][]pendingActiveNodeWire, error) {
	_, active, err := s.pendingLists(ctx)
	if err != nil {
		return nil, err
	}
	return map[string][]pendingActiveNodeWire{"pendingActiveNodes": active}, nil
}

type addNodesParams struct {
	PendingNodes       []int64 `param:"pendingNodes,required"`
	AutoInstall        *bool   `param:"autoInstall"`
	ForceDuringUpgrade bool    `param:"forceDuringUpgrade"`
	ForceNonFips       bool    `param:"forceNonFips"`
	ForceNE            bool    `param:"forceNE"`
	SkipNodeTypeChecks bool    `param:"skipNodeTypeChecks"`
}

type addedNodeWire struct {
	ActiveNodeKey   string       `json:"activeNodeKey"`
	AssignedNodeID  int64        `json:"assignedNodeID"`
	AsyncHandle     int64        `json:"asyncHandle"`
	CIP             string       `json:"cip"`
	MIP             string       `json:"mip"`
	PendingNodeID   int64        `json:"pendingNodeID"`
	PlatformInfo    platformWire `json:"platformInfo"`
	SIP             string       `json:"sip"`
	SoftwareVersion string       `json:"softwareVersion"`
}

func (s *Server) addNodes(ctx context.Context, p addNodesParams) (map[string]any, error) {
	auto := p.AutoInstall == nil || *p.AutoInstall
	added, err := s.cluster.AddNodes(ctx, p.PendingNodes, auto)
	if err != nil {
		return nil, err
	}
	out := make([]addedNodeWire, 0, len(added))
	for _, n := range added {
		out = append(out, addedNodeWire{ActiveNodeKey: n.ActiveNodeKey, AssignedNodeID: n.AssignedNodeID, AsyncHandle: n.AsyncHandle,
			CIP: n.CIP, MIP: n.MIP, PendingNodeID: n.PendingNodeID, PlatformInfo: platformOf(n.NodeType, n.ChassisType),
			SIP: n.SIP, SoftwareVersion: s.cluster.Config().Version})
	}
	return map[string]any{"autoInstall": auto, "nodes": out}, nil
}

type removeNodesParams struct {
	Nodes                         []int64 `param:"nodes,required"`
	IgnoreEnsembleToleranceChange bool    `param:"ignoreEnsembleToleranceChange"`
}

func (s *Server) removeNodes(ctx context.Context, p removeNodesParams) (empty, error) {
	return empty{}, s.cluster.RemoveNodes(ctx, p.Nodes, p.IgnoreEnsembleToleranceChange)
}

// Network configuration.

func addrsOf(n cluster.Node) networks.Addrs {
	return networks.Addrs{NodeID: n.ID, MIP: n.MIP, CIP: n.CIP, SIP: n.SIP}
}

type nodeNetworkConfig struct {
	NodeID int64                      `json:"nodeID"`
	Result map[string]networks.Config `json:"result"`
}

// getNetworkConfig answers for the node the node listener serves, and on
// the cluster listener for every active node.
func (s *Server) getNetworkConfig(ctx context.Context, _ noParams) (map[string]any, error) {
	if listenerFrom(ctx) == listenerNode {
		node, err := s.nodeOf(ctx)
		if err != nil {
			return nil, err
		}
		c, err := s.deps.Networks.Config(ctx, addrsOf(node))
		if err != nil {
			return nil, nerr(err)
		}
		return map[string]any{"network": c}, nil
	}
	all, err := s.cluster.Nodes(ctx, true)
	if err != nil {
		return nil, err
	}
	out := make([]nodeNetworkConfig, 0, len(all))
	for _, n := range all {
		c, err := s.deps.Networks.Config(ctx, addrsOf(n))
		if err != nil {
			return nil, nerr(err)
		}
		out = append(out, nodeNetworkConfig{NodeID: n.ID, Result: map[string]networks.Config{"network": c}})
	}
	return map[string]any{"nodes": out}, nil
}

type setNetworkConfigParams struct {
	Network map[string]any `param:"network,required"`
}

func (s *Server) setNetworkConfig(ctx context.Context, p setNetworkConfigParams) (map[string]networks.Config, error) {
	node, err := s.nodeOf(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.deps.Networks.SetConfig(ctx, addrsOf(node), p.Network)
	if err != nil {
		return nil, nerr(err)
	}
	return map[string]networks.Config{"network": c}, nil
}

// Virtual networks.

type addressBlockParams struct {
	Start string `param:"start,required"`
	Size  int64  `param:"size,required"`
}

func blocksOf(in []addressBlockParams) []networks.AddressBlock {
	if in == nil {
		return nil
	}
	out := make([]networks.AddressBlock, 0, len(in))
	for _, b := range in {
		out = append(out, networks.AddressBlock{Start: b.Start, Size: b.Size})
	}
	return out
}

type addVirtualNetworkParams struct {
	VirtualNetworkTag int64                `param:"virtualNetworkTag,required"`
	Name              string               `param:"name,required"`
	AddressBlocks     []addressBlockParams `param:"addressBlocks,required"`
	Netmask           string               `param:"netmask,required"`
	SVIP              string               `param:"svip,required"`
	Gateway           string               `param:"gateway"`
	Namespace         bool                 `param:"namespace"`
	Attributes        map[string]any       `param:"attributes"`
}

func (s *Server) addVirtualNetwork(ctx context.Context, p addVirtualNetworkParams) (map[string]int64, error) {
	id, err := s.deps.Networks.Add(ctx, networks.Spec{Tag: p.VirtualNetworkTag, Name: p.Name, AddressBlocks: blocksOf(p.AddressBlocks),
		Netmask: p.Netmask, SVIP: p.SVIP, Gateway: p.Gateway, Namespace: p.Namespace, Attributes: p.Attributes})
	if err != nil {
		return nil, nerr(err)
	}
	return map[string]int64{"virtualNetworkID": id}, nil
}

type modifyVirtualNetworkParams struct {
	VirtualNetworkID  *int64               `param:"virtualNetworkID"`
	VirtualNetworkTag *int64               `param:"virtualNetworkTag"`
	Name              *string              `param:"name"`
	AddressBlocks     []addressBlockParams `param:"addressBlocks"`
	Netmask           *string              `param:"netmask"`
	SVIP              *string              `param:"svip"`
	Gateway           *string              `param:"gateway"`
	Namespace         *bool                `param:"namespace"`
	Attributes        map[string]any       `param:"attributes"`
}

func (s *Server) modifyVirtualNetwork(ctx context.Context, p modifyVirtualNetworkParams) (empty, error) {
	return empty{}, nerr(s.deps.Networks.Modify(ctx, networks.Ref{ID: p.VirtualNetworkID, Tag: p.VirtualNetworkTag},
		networks.Change{Name: p.Name, AddressBlocks: blocksOf(p.AddressBlocks), Netmask: p.Netmask, SVIP: p.SVIP,
			Gateway: p.Gateway, Namespace: p.Namespace, Attributes: p.Attributes}))
}

type listVirtualNetworksParams struct {
	VirtualNetworkID   *int64  `param:"virtualNetworkID"`
	VirtualNetworkTag  *int64  `param:"virtualNetworkTag"`
	VirtualNetworkIDs  []int64 `param:"virtualNetworkIDs"`
	VirtualNetworkTags []int64 `param:"virtualNetworkTags"`
}

func (s *Server) listVirtualNetworks(ctx context.Context, p listVirtualNetworksParams) (map[string][]networks.VirtualNetwork, error) {
	vs, err := s.deps.Networks.List(ctx, networks.Filter{ID: p.VirtualNetworkID, Tag: p.VirtualNetworkTag,
		IDs: p.VirtualNetworkIDs, Tags: p.VirtualNetworkTags})
	if err != nil {
		return nil, nerr(err)
	}
	return map[string][]networks.VirtualNetwork{"virtualNetworks": vs}, nil
}

type removeVirtualNetworkParams struct {
	VirtualNetworkID  *int64 `param:"virtualNetworkID"`
	VirtualNetworkTag *int64 `param:"virtualNetworkTag"`
}

func (s *Server) removeVirtualNetwork(ctx context.Context, p removeVirtualNetworkParams) (empty, error) {
	return empty{}, nerr(s.deps.Networks.Remove(ctx, networks.Ref{ID: p.VirtualNetworkID, Tag: p.VirtualNetworkTag}))
}

// addPendingNode is the lab control POST /_emulator/nodes: a new node
// appears as pending (docs/nodes.md).
func (s *Server) addPendingNode(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name        string `json:"name"`
		MIP         string `json:"mip"`
		CIP         string `json:"cip"`
		SIP         string `json:"sip"`
		NodeType    string `json:"nodeType"`
		ChassisType string `json:"chassisType"`
		Drives      int    `json:"drives"`
		DriveSize   int64  `json:"driveSize"`
	}
	if !decodeControl(w, r, &body) {
		return
	}
	n, err := s.cluster.AddPendingNode(r.Context(), nodes.Spec{Name: body.Name, MIP: body.MIP, CIP: body.CIP, SIP: body.SIP,
		NodeType: body.NodeType, ChassisType: body.ChassisType, Drives: body.Drives, DriveSize: body.DriveSize})
	if errors.Is(err, cluster.ErrNotFound) {
		err = &ControlError{Status: http.StatusConflict, Msg: "there is no cluster yet (bootstrap mode): CreateCluster first"}
	}
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"pendingNode": s.pendingWire(n)})
}

// virtualNetworksOfNodes lists the virtual networks for the node lists
// (none without the networks domain).
func (s *Server) virtualNetworksOfNodes(ctx context.Context) ([]networks.VirtualNetwork, error) {
	if s.deps.Networks == nil {
		return nil, nil
	}
	vs, err := s.deps.Networks.Raw(ctx)
	return vs, nerr(err)
}

type nodeVirtualNetworkWire struct {
	Address          string `json:"address"`
	VirtualNetworkID int64  `json:"virtualNetworkID"`
}

// nodeVirtualNetworks is the i-th active node's address on each virtual
// network (docs/nodes.md): as ListVirtualNetworks' available bitmask says.
func nodeVirtualNetworks(vs []networks.VirtualNetwork, i int, active bool) []any {
	out := []any{}
	for _, v := range vs {
		if a, ok := networks.Address(v, i); ok && active {
			out = append(out, nodeVirtualNetworkWire{Address: a, VirtualNetworkID: v.ID})
		}
	}
	return out
}
