package api

import (
	"context"
	"time"

	"github.com/element-emulator/element-emulator/cluster"
)

type clusterInfoWire struct {
	Attributes                    map[string]any `json:"attributes"`
	DefaultProtectionScheme       string         `json:"defaultProtectionScheme"`
	EnabledProtectionSchemes      []string       `json:"enabledProtectionSchemes"`
	EncryptionAtRestState         string         `json:"encryptionAtRestState"`
	Ensemble                      []string       `json:"ensemble"`
	MVIP                          string         `json:"mvip"`
	MVIPInterface                 string         `json:"mvipInterface"`
	MVIPNodeID                    int64          `json:"mvipNodeID"`
	MVIPVlanTag                   string         `json:"mvipVlanTag"`
	Name                          string         `json:"name"`
	RepCount                      int            `json:"repCount"`
	SoftwareEncryptionAtRestState string         `json:"softwareEncryptionAtRestState"`
	SupportedProtectionSchemes    []string       `json:"supportedProtectionSchemes"`
	SVIP                          string         `json:"svip"`
	SVIPInterface                 string         `json:"svipInterface"`
	SVIPNodeID                    int64          `json:"svipNodeID"`
	SVIPVlanTag                   string         `json:"svipVlanTag"`
	UniqueID                      string         `json:"uniqueID"`
	UUID                          string         `json:"uuid"`
}

func (s *Server) getClusterInfo(ctx context.Context, _ noParams) (map[string]clusterInfoWire, error) {
	info, err := s.cluster.ClusterInfo(ctx)
	if err != nil {
		return nil, err
	}
	st := info.State
	sear := "disabled"
	if st.SEAREnabled {
		sear = "enabled"
	}
	return map[string]clusterInfoWire{"clusterInfo": {
		Attributes: map[string]any{}, DefaultProtectionScheme: "doubleHelix", EnabledProtectionSchemes: []string{"doubleHelix"},
		EncryptionAtRestState: string(st.EAR), Ensemble: info.Ensemble, MVIP: st.MVIP, MVIPInterface: "Bond1G",
		MVIPNodeID: info.MVIPNode, MVIPVlanTag: "0", Name: st.Name, RepCount: st.RepCount,
		SoftwareEncryptionAtRestState: sear, SupportedProtectionSchemes: []string{"doubleHelix"}, SVIP: st.SVIP,
		SVIPInterface: "Bond10G", SVIPNodeID: info.MVIPNode, SVIPVlanTag: "0", UniqueID: st.UniqueID, UUID: st.UUID,
	}}, nil
}

type versionInfoWire struct {
	ClusterAPIVersion  string          `json:"clusterAPIVersion"`
	ClusterVersion     string          `json:"clusterVersion"`
	ClusterVersionInfo []nodeVersion   `json:"clusterVersionInfo"`
	SoftwareVersion    softwareVersion `json:"softwareVersionInfo"`
}

type nodeVersion struct {
	NodeID               int64  `json:"nodeID"`
	NodeVersion          string `json:"nodeVersion"`
	NodeInternalRevision string `json:"nodeInternalRevision"`
}

type softwareVersion struct {
	CurrentVersion string `json:"currentVersion"`
	NodeID         int64  `json:"nodeID"`
	PackageName    string `json:"packageName"`
	PendingVersion string `json:"pendingVersion"`
	StartTime      string `json:"startTime"`
}

func (s *Server) getClusterVersionInfo(ctx context.Context, _ noParams) (versionInfoWire, error) {
	nodes, err := s.cluster.Nodes(ctx, true)
	if err != nil {
		return versionInfoWire{}, err
	}
	v := s.cluster.Config().Version
	out := versionInfoWire{ClusterAPIVersion: s.current, ClusterVersion: v, ClusterVersionInfo: []nodeVersion{},
		SoftwareVersion: softwareVersion{CurrentVersion: v, PendingVersion: v}}
	for _, n := range nodes {
		out.ClusterVersionInfo = append(out.ClusterVersionInfo, nodeVersion{NodeID: n.ID, NodeVersion: v,
			NodeInternalRevision: "BuildType=Release Element=emulator Version=" + v})
	}
	return out, nil
}

type platformWire struct {
	NodeType              string `json:"nodeType"`
	ChassisType           string `json:"chassisType"`
	CPUModel              string `json:"cpuModel"`
	NodeMemoryGB          int    `json:"nodeMemoryGB"`
	PlatformConfigVersion string `json:"platformConfigVersion"`
}

type nodeWire struct {
	NodeID                      int64          `json:"nodeID"`
	Name                        string         `json:"name"`
	AssociatedMasterServiceID   int64          `json:"associatedMasterServiceID"`
	AssociatedFServiceID        int64          `json:"associatedFServiceID"`
	FibreChannelTargetPortGroup any            `json:"fibreChannelTargetPortGroup"`
	MIP                         string         `json:"mip"`
	MIPI                        string         `json:"mipi"`
	CIP                         string         `json:"cip"`
	CIPI                        string         `json:"cipi"`
	SIP                         string         `json:"sip"`
	SIPI                        string         `json:"sipi"`
	UUID                        string         `json:"uuid"`
	SoftwareVersion             string         `json:"softwareVersion"`
	PlatformInfo                platformWire   `json:"platformInfo"`
	VirtualNetworks             []any          `json:"virtualNetworks"`
	Attributes                  map[string]any `json:"attributes"`
	NodeSlot                    string         `json:"nodeSlot"`
	ChassisName                 string         `json:"chassisName"`
	CustomProtectionDomainName  string         `json:"customProtectionDomainName"`
	Role                        string         `json:"role"`
	MaintenanceMode             string         `json:"maintenanceMode"`
}

func (s *Server) nodesWire(ctx context.Context, activeOnly bool) ([]nodeWire, error) {
	nodes, err := s.cluster.Nodes(ctx, activeOnly)
	if err != nil {
		return nil, err
	}
	vns, err := s.virtualNetworksOfNodes(ctx)
	if err != nil {
		return nil, err
	}
	out := []nodeWire{}
	for i, n := range nodes {
		out = append(out, nodeWire{
			NodeID: n.ID, Name: n.Name, AssociatedMasterServiceID: n.ServiceID, MIP: n.MIP, MIPI: "Bond1G",
			CIP: n.CIP, CIPI: "Bond10G", SIP: n.SIP, SIPI: "Bond10G", UUID: n.UUID,
			SoftwareVersion: s.cluster.Config().Version,
			PlatformInfo: platformWire{NodeType: n.NodeType, ChassisType: n.ChassisType,
				CPUModel: "Intel(R) Xeon(R) CPU E5-2640 v4 @ 2.40GHz", NodeMemoryGB: 256, PlatformConfigVersion: "0.0.0.0"},
			VirtualNetworks: nodeVirtualNetworks(vns, i, n.Active), Attributes: map[string]any{}, CustomProtectionDomainName: "__default__",
			Role: "Storage", MaintenanceMode: "Disabled",
		})
	}
	return out, nil
}

func (s *Server) listActiveNodes(ctx context.Context, _ noParams) (map[string][]nodeWire, error) {
	nodes, err := s.nodesWire(ctx, true)
	if err != nil {
		return nil, err
	}
	return map[string][]nodeWire{"nodes": nodes}, nil
}

func (s *Server) getClusterCapacity(ctx context.Context, _ noParams) (map[string]map[string]any, error) {
	c, err := s.cluster.ClusterCapacity(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]any{"timestamp": fmtSeconds(c.Timestamp)}
	for _, k := range []string{"activeBlockSpace", "activeSessions", "averageIOPS", "clusterRecentIOSize", "currentIOPS",
		"nonZeroBlocks", "peakActiveSessions", "peakIOPS", "provisionedSpace", "snapshotNonZeroBlocks", "totalOps",
		"uniqueBlocks", "uniqueBlocksUsedSpace", "usedMetadataSpace", "usedMetadataSpaceInSnapshots", "usedSpace", "zeroBlocks"} {
		out[k] = int64(0)
	}
	if s.volumes != nil {
		u, err := s.volumes.Usage(ctx)
		if err != nil {
			return nil, cluster.StorageError(err)
		}
		out["provisionedSpace"] = u.Provisioned
		if c.MaxOverProvisionableSpace, err = s.overProvisionable(ctx, c); err != nil {
			return nil, err
		}
	}
	out["maxIOPS"] = c.MaxIOPS
	out["maxOverProvisionableSpace"] = c.MaxOverProvisionableSpace
	out["maxProvisionedSpace"] = c.MaxProvisionedSpace
	out["maxUsedMetadataSpace"] = c.MaxUsedMetadataSpace
	out["maxUsedSpace"] = c.MaxUsedSpace
	return map[string]map[string]any{"clusterCapacity": out}, nil
}

type listEventsParams struct {
	MaxEvents        *int64  `param:"maxEvents"`
	StartEventID     *int64  `param:"startEventID"`
	EndEventID       *int64  `param:"endEventID"`
	EventType        *string `param:"eventType"`
	ServiceID        *int64  `param:"serviceID"`
	NodeID           *int64  `param:"nodeID"`
	DriveID          *int64  `param:"driveID"`
	StartReportTime  *string `param:"startReportTime"`
	EndReportTime    *string `param:"endReportTime"`
	StartPublishTime *string `param:"startPublishTime"`
	EndPublishTime   *string `param:"endPublishTime"`
}

type eventWire struct {
	EventID       int64          `json:"eventID"`
	EventInfoType string         `json:"eventInfoType"`
	Message       string         `json:"message"`
	Details       map[string]any `json:"details"`
	NodeID        int64          `json:"nodeID"`
	ServiceID     int64          `json:"serviceID"`
	DriveID       int64          `json:"driveID"`
	DriveIDs      []int64        `json:"driveIDs"`
	Severity      int            `json:"severity"`
	TimeOfReport  string         `json:"timeOfReport"`
	TimeOfPublish string         `json:"timeOfPublish"`
}

func parseEventTime(param string, v *string) (*time.Time, error) {
	if v == nil {
		return nil, nil
	}
	for _, layout := range []string{timeMicros, timeSeconds, time.RFC3339Nano} {
		if t, err := time.Parse(layout, *v); err == nil {
			return &t, nil
		}
	}
	return nil, cluster.ErrInvalidParam(param, "expected a time like 2026-01-02T15:04:05Z")
}

func (s *Server) listEvents(ctx context.Context, p listEventsParams) (map[string][]eventWire, error) {
	f := cluster.EventFilter{MaxEvents: p.MaxEvents, StartEventID: p.StartEventID, EndEventID: p.EndEventID,
		EventType: p.EventType, ServiceID: p.ServiceID, NodeID: p.NodeID, DriveID: p.DriveID}
	if p.MaxEvents != nil && *p.MaxEvents < 0 {
		return nil, cluster.ErrInvalidParam("maxEvents", "must not be negative")
	}
	var err error
	for _, tt := range []struct {
		name string
		in   *string
		out  **time.Time
	}{{"startReportTime", p.StartReportTime, &f.StartReport}, {"endReportTime", p.EndReportTime, &f.EndReport},
		{"startPublishTime", p.StartPublishTime, &f.StartPublish}, {"endPublishTime", p.EndPublishTime, &f.EndPublish}} {
		if *tt.out, err = parseEventTime(tt.name, tt.in); err != nil {
			return nil, err
		}
	}
	events, err := s.cluster.ListEvents(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]eventWire, 0, len(events))
	for _, e := range events {
		ids := e.DriveIDs
		if ids == nil {
			ids = []int64{}
		}
		out = append(out, eventWire{EventID: e.ID, EventInfoType: e.Type, Message: e.Message, Details: e.Details,
			NodeID: e.NodeID, ServiceID: e.ServiceID, DriveID: e.DriveID, DriveIDs: ids,
			TimeOfReport: fmtMicros(e.Time), TimeOfPublish: fmtMicros(e.Time)})
	}
	return map[string][]eventWire{"events": out}, nil
}

type createClusterParams struct {
	MVIP                           string         `param:"mvip,required"`
	SVIP                           string         `param:"svip,required"`
	Username                       string         `param:"username,required"`
	Password                       string         `param:"password,required"`
	Nodes                          []string       `param:"nodes,required"`
	AcceptEula                     bool           `param:"acceptEula,required"`
	Attributes                     map[string]any `param:"attributes"`
	EnableSoftwareEncryptionAtRest bool           `param:"enableSoftwareEncryptionAtRest" since:"12.2"`
	SerialNumber                   *string        `param:"serialNumber" since:"12.2"`
	OrderNumber                    *string        `param:"orderNumber" since:"12.2"`
	RepCount                       *int64         `param:"repCount"`
}

// createCluster serves CreateCluster on the cluster listener in bootstrap
// mode (D42).
func (s *Server) createCluster(ctx context.Context, p createClusterParams) (empty, error) {
	if !p.AcceptEula {
		return empty{}, cluster.ErrInvalidParam("acceptEula", "must be true")
	}
	if p.RepCount != nil && *p.RepCount != 2 {
		return empty{}, cluster.ErrInvalidParam("repCount", "must be 2")
	}
	return empty{}, s.cluster.CreateCluster(ctx, cluster.CreateClusterRequest{MVIP: p.MVIP, SVIP: p.SVIP,
		Username: p.Username, Password: p.Password, Nodes: p.Nodes, Attributes: p.Attributes,
		SoftwareEAR: p.EnableSoftwareEncryptionAtRest})
}
