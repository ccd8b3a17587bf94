package api

import (
	"context"

	"github.com/element-emulator/element-emulator/cluster"
)

type faultWire struct {
	BlocksUpgrade       bool    `json:"blocksUpgrade"`
	ClusterFaultID      int64   `json:"clusterFaultID"`
	Code                string  `json:"code"`
	Data                any     `json:"data"`
	Date                string  `json:"date"`
	Details             string  `json:"details"`
	DriveID             int64   `json:"driveID"`
	DriveIDs            []int64 `json:"driveIDs"`
	ExternalSource      string  `json:"externalSource"`
	NetworkInterface    string  `json:"networkInterface"`
	NodeHardwareFaultID int64   `json:"nodeHardwareFaultID"`
	NodeID              int64   `json:"nodeID"`
	Resolved            bool    `json:"resolved"`
	ResolvedDate        string  `json:"resolvedDate"`
	ServiceID           int64   `json:"serviceID"`
	Severity            string  `json:"severity"`
	Type                string  `json:"type"`
}

func toFaultWire(f cluster.Fault) faultWire {
	ids := f.DriveIDs
	if ids == nil {
		ids = []int64{}
	}
	w := faultWire{BlocksUpgrade: true, ClusterFaultID: f.ID, Code: f.Code, Date: fmtMicros(f.Date), Details: f.Details,
		DriveIDs: ids, NodeID: f.NodeID, Resolved: f.Resolved, ResolvedDate: fmtMicros(f.ResolvedDate),
		ServiceID: f.ServiceID, Severity: f.Severity, Type: f.Type}
	if len(ids) > 0 {
		w.DriveID = ids[0]
	}
	return w
}

type listClusterFaultsParams struct {
	BestPractices bool    `param:"bestPractices"`
	FaultTypes    *string `param:"faultTypes" enum:"current,resolved,all"`
}

func (s *Server) listClusterFaults(ctx context.Context, p listClusterFaultsParams) (map[string][]faultWire, error) {
	kind := cluster.FaultsAll
	if p.FaultTypes != nil {
		kind = cluster.FaultKind(*p.FaultTypes)
	}
	fs, err := s.cluster.ListFaults(ctx, kind, p.BestPractices)
	if err != nil {
		return nil, err
	}
	out := make([]faultWire, 0, len(fs))
	for _, f := range fs {
		out = append(out, toFaultWire(f))
	}
	return map[string][]faultWire{"faults": out}, nil
}

type clearClusterFaultsParams struct {
	FaultTypes *string `param:"faultTypes" enum:"current,resolved,all"`
}

func (s *Server) clearClusterFaults(ctx context.Context, p clearClusterFaultsParams) (empty, error) {
	kind := cluster.FaultsResolved
	if p.FaultTypes != nil {
		kind = cluster.FaultKind(*p.FaultTypes)
	}
	return empty{}, s.cluster.ClearFaults(ctx, kind)
}
