package api

import (
	"context"
	"strconv"
)

// nodeHardwareWire is the per-node part of GetClusterHardwareInfo: the
// identity and platform of a node, as far as clients read it.
type nodeHardwareWire struct {
	NodeID          int64  `json:"nodeID"`
	Name            string `json:"name"`
	UUID            string `json:"uuid"`
	Platform        string `json:"platform"`
	ChassisType     string `json:"chassisType"`
	ChassisSerial   string `json:"chassisSerial"`
	SystemSerial    string `json:"serial"`
	CPUModel        string `json:"cpuModel"`
	MemoryGB        int64  `json:"memoryGB"`
	NetworkAdapters []any  `json:"networkInterfaces"`
	DriveCount      int    `json:"driveCount"`
}

type getClusterHardwareInfoParams struct {
	Type *string `param:"type" enum:"all,drives,nodes"`
}

// getClusterHardwareInfo lists the hardware of every active node and its
// drives, keyed by node ID as a string (Element's shape).
func (s *Server) getClusterHardwareInfo(ctx context.Context, p getClusterHardwareInfoParams) (map[string]map[string]any, error) {
	created, now, err := s.cluster.Created(ctx)
	if err != nil {
		return nil, err
	}
	byNode, err := s.cluster.DrivesByNode(ctx)
	if err != nil {
		return nil, err
	}
	typ := "all"
	if p.Type != nil {
		typ = *p.Type
	}
	age := hwAge(created, now)
	drivesOut := map[string]any{}
	nodesOut := map[string]any{}
	for _, nd := range byNode {
		key := strconv.FormatInt(nd.Node.ID, 10)
		hw := make([]driveHardwareWire, 0, len(nd.Drives))
		for _, d := range nd.Drives {
			hw = append(hw, toDriveHardware(d, age))
		}
		drivesOut[key] = hw
		nodesOut[key] = nodeHardwareWire{NodeID: nd.Node.ID, Name: nd.Node.Name, UUID: nd.Node.UUID, Platform: nd.Node.NodeType,
			ChassisType: nd.Node.ChassisType, ChassisSerial: "EMU" + key, SystemSerial: "EMU-NODE-" + key,
			CPUModel: "Intel(R) Xeon(R) CPU E5-2640 v4 @ 2.40GHz", MemoryGB: 256, NetworkAdapters: []any{}, DriveCount: len(nd.Drives)}
	}
	out := map[string]any{}
	if typ != "nodes" {
		out["drives"] = drivesOut
	}
	if typ != "drives" {
		out["nodes"] = nodesOut
	}
	return map[string]map[string]any{"clusterHardwareInfo": out}, nil
}
