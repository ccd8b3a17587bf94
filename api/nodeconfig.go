package api

import (
	"context"

	"github.com/element-emulator/element-emulator/networks"
)

// GetConfig (node listener): the node's cluster membership and network
// configuration, as a node reports them on its management IP (AN1).

type nodeConfigWire struct {
	Cluster nodeClusterConfigWire `json:"cluster"`
	Network networks.Config       `json:"network"`
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
	// The node's network is what GetNetworkConfig answers for it, so a
	// SetNetworkConfig shows here too.
	network, err := s.deps.Networks.Config(ctx, addrsOf(node))
	if err != nil {
		return nil, nerr(err)
	}
	return map[string]nodeConfigWire{"config": {Cluster: cc, Network: network}}, nil
}
