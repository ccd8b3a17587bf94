package api

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/volumes"
)

// The storage surface (docs/storage.md): accounts, volumes, access groups,
// initiators, QoS and snapshots. Handlers decode, call the volumes domain
// and shape the answer; cluster.StorageError names the failures.

func serr(err error) error { return cluster.StorageError(err) }

func attrs(m map[string]any) volumes.Attributes {
	if m == nil {
		return nil
	}
	return volumes.Attributes(m)
}

func secretPtr(s *string) *volumes.Secret {
	if s == nil {
		return nil
	}
	v := volumes.Secret(*s)
	return &v
}

func orEmptyAttrs(a volumes.Attributes) map[string]any {
	if a == nil {
		return map[string]any{}
	}
	return a
}

// ---------------------------------------------------------------------------
// Accounts

type accountWire struct {
	AccountID          int64          `json:"accountID"`
	Username           string         `json:"username"`
	Status             string         `json:"status"`
	Volumes            []int64        `json:"volumes"`
	InitiatorSecret    string         `json:"initiatorSecret"`
	TargetSecret       string         `json:"targetSecret"`
	StorageContainerID string         `json:"storageContainerID"`
	Attributes         map[string]any `json:"attributes"`
	EnableChap         bool           `json:"enableChap"`
}

func toAccountWire(a volumes.AccountView) accountWire {
	return accountWire{AccountID: a.ID, Username: a.Username, Status: a.Status, Volumes: a.Volumes,
		InitiatorSecret: string(a.InitiatorSecret), TargetSecret: string(a.TargetSecret), StorageContainerID: zeroUUID,
		Attributes: orEmptyAttrs(a.Attributes), EnableChap: a.EnableChap}
}

type addAccountParams struct {
	Username        string         `param:"username,required"`
	InitiatorSecret *string        `param:"initiatorSecret"`
	TargetSecret    *string        `param:"targetSecret"`
	Attributes      map[string]any `param:"attributes"`
	EnableChap      *bool          `param:"enableChap" since:"12.0"`
}

func (s *Server) addAccount(ctx context.Context, p addAccountParams) (map[string]any, error) {
	a, err := s.volumes.AddAccount(ctx, volumes.AccountSpec{Username: p.Username, InitiatorSecret: secretPtr(p.InitiatorSecret),
		TargetSecret: secretPtr(p.TargetSecret), Attributes: attrs(p.Attributes), EnableChap: p.EnableChap})
	if err != nil {
		return nil, serr(err)
	}
	return map[string]any{"accountID": a.ID, "account": toAccountWire(a)}, nil
}

type accountIDParams struct {
	AccountID int64 `param:"accountID,required"`
}

func (s *Server) getAccountByID(ctx context.Context, p accountIDParams) (map[string]accountWire, error) {
	a, err := s.volumes.Account(ctx, p.AccountID)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]accountWire{"account": toAccountWire(a)}, nil
}

type accountNameParams struct {
	Username string `param:"username,required"`
}

func (s *Server) getAccountByName(ctx context.Context, p accountNameParams) (map[string]accountWire, error) {
	a, err := s.volumes.AccountByName(ctx, p.Username)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]accountWire{"account": toAccountWire(a)}, nil
}

type listAccountsParams struct {
	StartAccountID           int64 `param:"startAccountID"`
	Limit                    int64 `param:"limit"`
	IncludeStorageContainers *bool `param:"includeStorageContainers"`
}

func (s *Server) listAccounts(ctx context.Context, p listAccountsParams) (map[string][]accountWire, error) {
	as, err := s.volumes.Accounts(ctx, p.StartAccountID, p.Limit)
	if err != nil {
		return nil, serr(err)
	}
	out := make([]accountWire, 0, len(as))
	for _, a := range as {
		out = append(out, toAccountWire(a))
	}
	return map[string][]accountWire{"accounts": out}, nil
}

type modifyAccountParams struct {
	AccountID       int64          `param:"accountID,required"`
	Username        *string        `param:"username"`
	Status          *string        `param:"status" enum:"active,locked"`
	InitiatorSecret *string        `param:"initiatorSecret"`
	TargetSecret    *string        `param:"targetSecret"`
	Attributes      map[string]any `param:"attributes"`
	EnableChap      *bool          `param:"enableChap" since:"12.0"`
}

func (s *Server) modifyAccount(ctx context.Context, p modifyAccountParams) (map[string]accountWire, error) {
	a, err := s.volumes.ModifyAccount(ctx, volumes.AccountChange{ID: p.AccountID, Username: p.Username, Status: p.Status,
		InitiatorSecret: secretPtr(p.InitiatorSecret), TargetSecret: secretPtr(p.TargetSecret), Attributes: attrs(p.Attributes),
		EnableChap: p.EnableChap})
	if err != nil {
		return nil, serr(err)
	}
	return map[string]accountWire{"account": toAccountWire(a)}, nil
}

func (s *Server) removeAccount(ctx context.Context, p accountIDParams) (empty, error) {
	return empty{}, serr(s.volumes.RemoveAccount(ctx, p.AccountID))
}

type efficiencyWire struct {
	Compression      float64 `json:"compression"`
	Deduplication    float64 `json:"deduplication"`
	ThinProvisioning float64 `json:"thinProvisioning"`
	MissingVolumes   []int64 `json:"missingVolumes"`
	Timestamp        string  `json:"timestamp"`
}

func (s *Server) efficiency() efficiencyWire {
	return efficiencyWire{Compression: 1, Deduplication: 1, ThinProvisioning: 1, MissingVolumes: []int64{}, Timestamp: fmtSeconds(s.now())}
}

func (s *Server) getAccountEfficiency(ctx context.Context, p accountIDParams) (efficiencyWire, error) {
	if _, err := s.volumes.Account(ctx, p.AccountID); err != nil {
		return efficiencyWire{}, serr(err)
	}
	return s.efficiency(), nil
}

// ---------------------------------------------------------------------------
// Volumes

type qosWire struct {
	MinIOPS   int64           `json:"minIOPS"`
	MaxIOPS   int64           `json:"maxIOPS"`
	BurstIOPS int64           `json:"burstIOPS"`
	BurstTime int64           `json:"burstTime"`
	Curve     json.RawMessage `json:"curve"`
}

// curveJSON is volumes.Curve encoded once (read-only): every volume in a
// listing carries the same curve, and encoding its map each time was a
// third of ListVolumes' allocations.
var curveJSON = func() json.RawMessage {
	b, err := json.Marshal(volumes.Curve)
	if err != nil {
		panic(err) // a fixed map of strings to integers always encodes
	}
	return b
}()

func toQoSWire(q volumes.QoS) qosWire {
	return qosWire{MinIOPS: q.MinIOPS, MaxIOPS: q.MaxIOPS, BurstIOPS: q.BurstIOPS, BurstTime: q.BurstTime, Curve: curveJSON}
}

type volumeWire struct {
	VolumeID                    int64          `json:"volumeID"`
	Name                        string         `json:"name"`
	AccountID                   int64          `json:"accountID"`
	CreateTime                  string         `json:"createTime"`
	VolumeConsistencyGroupUUID  string         `json:"volumeConsistencyGroupUUID"`
	VolumeUUID                  string         `json:"volumeUUID"`
	EnableSnapMirrorReplication bool           `json:"enableSnapMirrorReplication"`
	Status                      string         `json:"status"`
	Access                      string         `json:"access"`
	Enable512e                  bool           `json:"enable512e"`
	IQN                         string         `json:"iqn"`
	ScsiEUIDeviceID             string         `json:"scsiEUIDeviceID"`
	ScsiNAADeviceID             string         `json:"scsiNAADeviceID"`
	QoS                         qosWire        `json:"qos"`
	QoSPolicyID                 *int64         `json:"qosPolicyID"`
	VolumeAccessGroups          []int64        `json:"volumeAccessGroups"`
	VolumePairs                 []any          `json:"volumePairs"`
	DeleteTime                  string         `json:"deleteTime"`
	PurgeTime                   string         `json:"purgeTime"`
	LastAccessTime              *string        `json:"lastAccessTime"`
	LastAccessTimeIO            *string        `json:"lastAccessTimeIO"`
	SliceCount                  int64          `json:"sliceCount"`
	TotalSize                   int64          `json:"totalSize"`
	BlockSize                   int64          `json:"blockSize"`
	VirtualVolumeID             *string        `json:"virtualVolumeID"`
	Attributes                  map[string]any `json:"attributes"`
	CurrentProtectionScheme     string         `json:"currentProtectionScheme"`
	PreviousProtectionScheme    *string        `json:"previousProtectionScheme"`
	FifoSize                    int64          `json:"fifoSize"`
	MinFifoSize                 int64          `json:"minFifoSize"`
}

func toVolumeWire(v volumes.VolumeView) volumeWire {
	w := volumeWire{VolumeID: v.ID, Name: v.Name, AccountID: v.AccountID, CreateTime: fmtSeconds(v.Created),
		VolumeConsistencyGroupUUID: v.UUID, VolumeUUID: v.UUID, EnableSnapMirrorReplication: v.SnapMirror, Status: string(v.Status),
		Access: string(v.Access), Enable512e: v.Enable512e, IQN: v.IQN, ScsiEUIDeviceID: v.EUI, ScsiNAADeviceID: v.NAA,
		QoS: toQoSWire(v.QoS), VolumeAccessGroups: v.AccessGroups, VolumePairs: []any{}, DeleteTime: fmtSeconds(v.DeleteTime),
		PurgeTime: fmtSeconds(v.PurgeTime), SliceCount: 1, TotalSize: v.TotalSize, BlockSize: 4096,
		Attributes: orEmptyAttrs(v.Attributes), CurrentProtectionScheme: "doubleHelix", FifoSize: 24, MinFifoSize: 0}
	if v.QoSPolicyID != 0 {
		id := v.QoSPolicyID
		w.QoSPolicyID = &id
	}
	return w
}

func volumeWires(vs []volumes.VolumeView) []volumeWire {
	out := make([]volumeWire, 0, len(vs))
	for _, v := range vs {
		out = append(out, toVolumeWire(v))
	}
	return out
}

type qosParams struct {
	MinIOPS   *int64 `param:"minIOPS"`
	MaxIOPS   *int64 `param:"maxIOPS"`
	BurstIOPS *int64 `param:"burstIOPS"`
}

func (q *qosParams) change() volumes.QoSChange {
	if q == nil {
		return volumes.QoSChange{}
	}
	return volumes.QoSChange{MinIOPS: q.MinIOPS, MaxIOPS: q.MaxIOPS, BurstIOPS: q.BurstIOPS}
}

type createVolumeParams struct {
	Name                        string         `param:"name,required"`
	AccountID                   int64          `param:"accountID,required"`
	TotalSize                   int64          `param:"totalSize,required"`
	Enable512e                  *bool          `param:"enable512e"`
	QoS                         *qosParams     `param:"qos"`
	Attributes                  map[string]any `param:"attributes"`
	Access                      *string        `param:"access" enum:"readWrite,readOnly,locked,replicationTarget,snapMirrorTarget"`
	QoSPolicyID                 *int64         `param:"qosPolicyID" since:"10.0"`
	AssociateWithQoSPolicy      *bool          `param:"associateWithQoSPolicy" since:"10.0"`
	EnableSnapMirrorReplication bool           `param:"enableSnapMirrorReplication" since:"10.0"`
	SliceCount                  *int64         `param:"sliceCount"`
}

func (s *Server) createVolume(ctx context.Context, p createVolumeParams) (map[string]any, error) {
	if p.SliceCount != nil && *p.SliceCount != 1 {
		return nil, cluster.ErrInvalidParam("sliceCount", "must be 1")
	}
	sp := volumes.VolumeSpec{Name: p.Name, AccountID: p.AccountID, TotalSize: p.TotalSize, Enable512e: p.Enable512e,
		QoS: p.QoS.change(), QoSPolicyID: p.QoSPolicyID, AssociateQoS: p.AssociateWithQoSPolicy, Attributes: attrs(p.Attributes),
		SnapMirror: p.EnableSnapMirrorReplication}
	if p.Access != nil {
		sp.Access = volumes.Access(*p.Access)
	}
	v, err := s.volumes.CreateVolume(ctx, sp)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]any{"volumeID": v.ID, "volume": toVolumeWire(v), "curve": curveJSON}, nil
}

type modifyVolumeParams struct {
	VolumeID                    int64          `param:"volumeID,required"`
	AccountID                   *int64         `param:"accountID"`
	Access                      *string        `param:"access" enum:"readWrite,readOnly,locked,replicationTarget,snapMirrorTarget"`
	QoS                         *qosParams     `param:"qos"`
	TotalSize                   *int64         `param:"totalSize"`
	SetCreateTime               bool           `param:"setCreateTime"`
	CreateTime                  *string        `param:"createTime"`
	Attributes                  map[string]any `param:"attributes"`
	QoSPolicyID                 *int64         `param:"qosPolicyID" since:"10.0"`
	AssociateWithQoSPolicy      *bool          `param:"associateWithQoSPolicy" since:"10.0"`
	EnableSnapMirrorReplication *bool          `param:"enableSnapMirrorReplication" since:"10.0"`
}

func parseTime(param, s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, cluster.ErrInvalidParam(param, "must be an ISO 8601 date and time")
}

func (s *Server) modifyVolume(ctx context.Context, p modifyVolumeParams) (map[string]any, error) {
	c := volumes.VolumeChange{ID: p.VolumeID, AccountID: p.AccountID, QoS: p.QoS.change(), TotalSize: p.TotalSize,
		Attributes: attrs(p.Attributes), QoSPolicyID: p.QoSPolicyID, AssociateQoS: p.AssociateWithQoSPolicy,
		SnapMirror: p.EnableSnapMirrorReplication}
	if p.Access != nil {
		a := volumes.Access(*p.Access)
		c.Access = &a
	}
	if p.SetCreateTime {
		if p.CreateTime == nil {
			return nil, cluster.ErrMissingParam("createTime")
		}
		t, err := parseTime("createTime", *p.CreateTime)
		if err != nil {
			return nil, err
		}
		c.CreateTime = &t
	}
	v, err := s.volumes.ModifyVolume(ctx, c)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]any{"volume": toVolumeWire(v), "curve": curveJSON}, nil
}

type volumeIDParams struct {
	VolumeID int64 `param:"volumeID,required"`
}

func (s *Server) deleteVolume(ctx context.Context, p volumeIDParams) (map[string]any, error) {
	vs, err := s.volumes.DeleteVolumes(ctx, []int64{p.VolumeID})
	if err != nil {
		return nil, serr(err)
	}
	return map[string]any{"volume": toVolumeWire(vs[0])}, nil
}

type volumeSetParams struct {
	VolumeIDs            []int64 `param:"volumeIDs"`
	AccountIDs           []int64 `param:"accountIDs"`
	VolumeAccessGroupIDs []int64 `param:"volumeAccessGroupIDs"`
}

// one checks that exactly one of the three lists is given.
func (p volumeSetParams) one() error {
	n := 0
	for _, l := range [][]int64{p.VolumeIDs, p.AccountIDs, p.VolumeAccessGroupIDs} {
		if l != nil {
			n++
		}
	}
	if n != 1 {
		return cluster.ErrInvalidParam("volumeIDs", "give exactly one of volumeIDs, accountIDs and volumeAccessGroupIDs")
	}
	return nil
}

func (s *Server) deleteVolumes(ctx context.Context, p volumeSetParams) (map[string]any, error) {
	if err := p.one(); err != nil {
		return nil, err
	}
	ids := p.VolumeIDs
	switch {
	case p.AccountIDs != nil:
		for _, a := range p.AccountIDs {
			if _, err := s.volumes.Account(ctx, a); err != nil {
				return nil, serr(err)
			}
		}
		vs, err := s.volumes.ListVolumes(ctx, volumes.Filter{Accounts: p.AccountIDs, Status: volumes.Active})
		if err != nil {
			return nil, serr(err)
		}
		ids = ids[:0]
		for _, v := range vs {
			ids = append(ids, v.ID)
		}
	case p.VolumeAccessGroupIDs != nil:
		gs, err := s.volumes.AccessGroups(ctx, 0, 0, p.VolumeAccessGroupIDs)
		if err != nil {
			return nil, serr(err)
		}
		for _, g := range gs {
			ids = append(ids, g.Active...)
		}
	}
	vs, err := s.volumes.DeleteVolumes(ctx, ids)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]any{"volumes": volumeWires(vs)}, nil
}

func (s *Server) restoreDeletedVolume(ctx context.Context, p volumeIDParams) (empty, error) {
	return empty{}, serr(s.volumes.RestoreVolume(ctx, p.VolumeID))
}

func (s *Server) purgeDeletedVolume(ctx context.Context, p volumeIDParams) (empty, error) {
	return empty{}, serr(s.volumes.PurgeVolumes(ctx, []int64{p.VolumeID}))
}

func (s *Server) purgeDeletedVolumes(ctx context.Context, p volumeSetParams) (empty, error) {
	if err := p.one(); err != nil {
		return empty{}, err
	}
	if p.VolumeIDs != nil {
		return empty{}, serr(s.volumes.PurgeVolumes(ctx, p.VolumeIDs))
	}
	for _, a := range p.AccountIDs {
		if _, err := s.volumes.Account(ctx, a); err != nil {
			return empty{}, serr(err)
		}
	}
	return empty{}, serr(s.volumes.PurgeDeleted(ctx, p.AccountIDs, p.VolumeAccessGroupIDs))
}

type listDeletedVolumesParams struct {
	IncludeVirtualVolumes *bool `param:"includeVirtualVolumes"`
}

func (s *Server) listDeletedVolumes(ctx context.Context, _ listDeletedVolumesParams) (map[string][]volumeWire, error) {
	vs, err := s.volumes.DeletedVolumes(ctx)
	if err != nil {
		return nil, serr(err)
	}
	return map[string][]volumeWire{"volumes": volumeWires(vs)}, nil
}

type listVolumesParams struct {
	StartVolumeID         int64    `param:"startVolumeID"`
	Limit                 int64    `param:"limit"`
	VolumeStatus          *string  `param:"volumeStatus" enum:"creating,snapshotting,active,deleted"`
	Accounts              []int64  `param:"accounts"`
	IsPaired              *bool    `param:"isPaired"`
	VolumeIDs             []int64  `param:"volumeIDs"`
	VolumeName            *string  `param:"volumeName"`
	IncludeVirtualVolumes *bool    `param:"includeVirtualVolumes"`
	ProtectionSchemes     []string `param:"protectionSchemes" enum:"singleHelix,doubleHelix,tripleHelix"`
}

func (s *Server) listVolumes(ctx context.Context, p listVolumesParams) (map[string][]volumeWire, error) {
	f := volumes.Filter{StartID: p.StartVolumeID, Limit: p.Limit, Accounts: p.Accounts, IDs: p.VolumeIDs}
	if p.VolumeName != nil {
		f.Name = *p.VolumeName
	}
	none := false
	if p.VolumeStatus != nil {
		switch *p.VolumeStatus {
		case "active", "deleted":
			f.Status = volumes.Status(*p.VolumeStatus)
		default:
			none = true // volumes are never creating or snapshotting here
		}
	}
	if p.IsPaired != nil && *p.IsPaired {
		none = true // no volume is paired
	}
	if p.ProtectionSchemes != nil {
		none = true
		for _, ps := range p.ProtectionSchemes {
			if ps == "doubleHelix" {
				none = false
			}
		}
	}
	vs, err := s.volumes.ListVolumes(ctx, f)
	if err != nil {
		return nil, serr(err)
	}
	if none {
		vs = nil
	}
	return map[string][]volumeWire{"volumes": volumeWires(vs)}, nil
}

type listActiveVolumesParams struct {
	StartVolumeID         int64 `param:"startVolumeID"`
	Limit                 int64 `param:"limit"`
	IncludeVirtualVolumes *bool `param:"includeVirtualVolumes"`
}

func (s *Server) listActiveVolumes(ctx context.Context, p listActiveVolumesParams) (map[string][]volumeWire, error) {
	vs, err := s.volumes.ListVolumes(ctx, volumes.Filter{StartID: p.StartVolumeID, Limit: p.Limit, Status: volumes.Active})
	if err != nil {
		return nil, serr(err)
	}
	return map[string][]volumeWire{"volumes": volumeWires(vs)}, nil
}

type listVolumesForAccountParams struct {
	AccountID             int64 `param:"accountID,required"`
	StartVolumeID         int64 `param:"startVolumeID"`
	Limit                 int64 `param:"limit"`
	IncludeVirtualVolumes *bool `param:"includeVirtualVolumes"`
}

func (s *Server) listVolumesForAccount(ctx context.Context, p listVolumesForAccountParams) (map[string][]volumeWire, error) {
	if _, err := s.volumes.Account(ctx, p.AccountID); err != nil {
		return nil, serr(err)
	}
	vs, err := s.volumes.ListVolumes(ctx, volumes.Filter{StartID: p.StartVolumeID, Limit: p.Limit, Accounts: []int64{p.AccountID},
		Status: volumes.Active})
	if err != nil {
		return nil, serr(err)
	}
	return map[string][]volumeWire{"volumes": volumeWires(vs)}, nil
}

// ---------------------------------------------------------------------------
// Volume statistics and efficiency (a volume with no I/O: zero counters)

type metadataHostsWire struct {
	DeadSecondaries []int64 `json:"deadSecondaries"`
	LiveSecondaries []int64 `json:"liveSecondaries"`
	Primary         int64   `json:"primary"`
}

type volumeStatsWire struct {
	AccountID            int64              `json:"accountID"`
	ActualIOPS           int64              `json:"actualIOPS"`
	AsyncDelay           *string            `json:"asyncDelay"`
	AverageIOPSize       int64              `json:"averageIOPSize"`
	BurstIOPSCredit      int64              `json:"burstIOPSCredit"`
	ClientQueueDepth     int64              `json:"clientQueueDepth"`
	DesiredMetadataHosts *metadataHostsWire `json:"desiredMetadataHosts"`
	LatencyUSec          int64              `json:"latencyUSec"`
	MetadataHosts        metadataHostsWire  `json:"metadataHosts"`
	NonZeroBlocks        int64              `json:"nonZeroBlocks"`
	ReadBytes            int64              `json:"readBytes"`
	ReadBytesLastSample  int64              `json:"readBytesLastSample"`
	ReadLatencyUSec      int64              `json:"readLatencyUSec"`
	ReadOps              int64              `json:"readOps"`
	ReadOpsLastSample    int64              `json:"readOpsLastSample"`
	SamplePeriodMSec     int64              `json:"samplePeriodMSec"`
	Throttle             float64            `json:"throttle"`
	Timestamp            string             `json:"timestamp"`
	TotalLatencyUSec     int64              `json:"totalLatencyUSec"`
	UnalignedReads       int64              `json:"unalignedReads"`
	UnalignedWrites      int64              `json:"unalignedWrites"`
	VolumeAccessGroups   []int64            `json:"volumeAccessGroups"`
	VolumeID             int64              `json:"volumeID"`
	VolumeSize           int64              `json:"volumeSize"`
	VolumeUtilization    float64            `json:"volumeUtilization"`
	WriteBytes           int64              `json:"writeBytes"`
	WriteBytesLastSample int64              `json:"writeBytesLastSample"`
	WriteLatencyUSec     int64              `json:"writeLatencyUSec"`
	WriteOps             int64              `json:"writeOps"`
	WriteOpsLastSample   int64              `json:"writeOpsLastSample"`
	ZeroBlocks           int64              `json:"zeroBlocks"`
}

func (s *Server) now() time.Time {
	if s.cluster != nil {
		return s.cluster.Now()
	}
	return time.Time{}
}

func (s *Server) volumeStats(vs []volumes.VolumeView) []volumeStatsWire {
	ts := fmtMicros(s.now())
	out := make([]volumeStatsWire, 0, len(vs))
	for _, v := range vs {
		out = append(out, volumeStatsWire{AccountID: v.AccountID, MetadataHosts: metadataHostsWire{DeadSecondaries: []int64{},
			LiveSecondaries: []int64{}, Primary: 1 + (v.ID-1)%4}, SamplePeriodMSec: 500, Timestamp: ts,
			VolumeAccessGroups: v.AccessGroups, VolumeID: v.ID, VolumeSize: v.TotalSize, ZeroBlocks: v.TotalSize / 4096})
	}
	return out
}

func (s *Server) getVolumeStats(ctx context.Context, p volumeIDParams) (map[string]volumeStatsWire, error) {
	v, err := s.volumes.Volume(ctx, p.VolumeID)
	if err == nil && v.Status != volumes.Active {
		err = cluster.StorageError(&volumes.Error{Kind: volumes.KindVolumeNotFound, Message: "VolumeID " + strconv.FormatInt(p.VolumeID, 10) + " does not exist."})
	}
	if err != nil {
		return nil, serr(err)
	}
	return map[string]volumeStatsWire{"volumeStats": s.volumeStats([]volumes.VolumeView{v})[0]}, nil
}

type listVolumeStatsParams struct {
	VolumeIDs             []int64 `param:"volumeIDs"`
	IncludeVirtualVolumes *bool   `param:"includeVirtualVolumes"`
}

func (s *Server) listVolumeStats(ctx context.Context, p listVolumeStatsParams) (map[string][]volumeStatsWire, error) {
	f := volumes.Filter{Status: volumes.Active}
	if p.VolumeIDs != nil {
		for _, id := range p.VolumeIDs {
			if _, err := s.getVolumeStats(ctx, volumeIDParams{VolumeID: id}); err != nil {
				return nil, err
			}
		}
		f.IDs = p.VolumeIDs
		if len(f.IDs) == 0 {
			return map[string][]volumeStatsWire{"volumeStats": {}}, nil
		}
	}
	vs, err := s.volumes.ListVolumes(ctx, f)
	if err != nil {
		return nil, serr(err)
	}
	return map[string][]volumeStatsWire{"volumeStats": s.volumeStats(vs)}, nil
}

func (s *Server) listVolumeStatsByVolume(ctx context.Context, _ listDeletedVolumesParams) (map[string][]volumeStatsWire, error) {
	return s.listVolumeStats(ctx, listVolumeStatsParams{})
}

type listVolumeStatsByGroupParams struct {
	VolumeAccessGroups    []int64 `param:"volumeAccessGroups"`
	IncludeVirtualVolumes *bool   `param:"includeVirtualVolumes"`
}

func (s *Server) listVolumeStatsByVolumeAccessGroup(ctx context.Context, p listVolumeStatsByGroupParams) (map[string][]volumeStatsWire, error) {
	gs, err := s.volumes.AccessGroups(ctx, 0, 0, p.VolumeAccessGroups)
	if err != nil {
		return nil, serr(err)
	}
	var ids []int64
	for _, g := range gs {
		ids = append(ids, g.Active...)
	}
	if len(ids) == 0 {
		return map[string][]volumeStatsWire{"volumeStats": {}}, nil
	}
	vs, err := s.volumes.ListVolumes(ctx, volumes.Filter{IDs: ids, Status: volumes.Active})
	if err != nil {
		return nil, serr(err)
	}
	return map[string][]volumeStatsWire{"volumeStats": s.volumeStats(vs)}, nil
}

func (s *Server) getVolumeEfficiency(ctx context.Context, p volumeIDParams) (efficiencyWire, error) {
	if _, err := s.getVolumeStats(ctx, p); err != nil {
		return efficiencyWire{}, err
	}
	return s.efficiency(), nil
}

// ---------------------------------------------------------------------------
// Clones and QoS defaults

type cloneVolumeParams struct {
	VolumeID                    int64          `param:"volumeID,required"`
	Name                        string         `param:"name,required"`
	NewAccountID                *int64         `param:"newAccountID"`
	NewSize                     *int64         `param:"newSize"`
	Access                      *string        `param:"access" enum:"readWrite,readOnly,locked,replicationTarget,snapMirrorTarget"`
	SnapshotID                  *int64         `param:"snapshotID"`
	Attributes                  map[string]any `param:"attributes"`
	Enable512e                  *bool          `param:"enable512e"`
	EnableSnapMirrorReplication bool           `param:"enableSnapMirrorReplication" since:"10.0"`
}

// snapshotRef reads an optional snapshotID naming the snapshot a clone,
// copy or snapshot starts from: 0, which no snapshot has, means none (the
// volume's current state), as Trident sends "snapshotID": 0 with every
// CloneVolume and CreateSnapshot (TR3).
func snapshotRef(id *int64) *int64 {
	if id != nil && *id == 0 {
		return nil
	}
	return id
}

func (s *Server) cloneVolume(ctx context.Context, p cloneVolumeParams) (map[string]any, error) {
	sp := volumes.CloneSpec{VolumeID: p.VolumeID, Name: p.Name, NewAccountID: p.NewAccountID, NewSize: p.NewSize,
		SnapshotID: snapshotRef(p.SnapshotID), Attributes: attrs(p.Attributes), Enable512e: p.Enable512e, SnapMirror: p.EnableSnapMirrorReplication}
	if p.Access != nil {
		a := volumes.Access(*p.Access)
		sp.Access = &a
	}
	c, err := s.volumes.CloneVolume(ctx, sp)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]any{"cloneID": c.CloneID, "volumeID": c.Volume.ID, "asyncHandle": c.AsyncHandle,
		"volume": toVolumeWire(c.Volume), "curve": curveJSON}, nil
}

// ---------------------------------------------------------------------------
// Volume access groups

type accessGroupWire struct {
	VolumeAccessGroupID int64          `json:"volumeAccessGroupID"`
	Name                string         `json:"name"`
	InitiatorIDs        []int64        `json:"initiatorIDs"`
	Initiators          []string       `json:"initiators"`
	Volumes             []int64        `json:"volumes"`
	DeletedVolumes      []int64        `json:"deletedVolumes"`
	Attributes          map[string]any `json:"attributes"`
}

func toAccessGroupWire(g volumes.AccessGroupView) accessGroupWire {
	return accessGroupWire{VolumeAccessGroupID: g.ID, Name: g.Name, InitiatorIDs: g.Initiators, Initiators: g.InitiatorNames,
		Volumes: g.Active, DeletedVolumes: g.DeletedVolumes, Attributes: orEmptyAttrs(g.Attributes)}
}

// initiatorRefs reads an initiators list of names (IQN/WWPN) or IDs.
func initiatorRefs(param string, list []any) ([]volumes.InitiatorRef, error) {
	out := make([]volumes.InitiatorRef, 0, len(list))
	for i, x := range list {
		p := param + "[" + strconv.Itoa(i) + "]"
		switch v := x.(type) {
		case string:
			out = append(out, volumes.InitiatorRef{Name: v})
		case interface{ Int64() (int64, error) }:
			n, err := v.Int64()
			if err != nil {
				return nil, cluster.ErrParamType(p, "string or integer")
			}
			out = append(out, volumes.InitiatorRef{ID: n})
		default:
			return nil, cluster.ErrParamType(p, "string or integer")
		}
	}
	return out, nil
}

type createVolumeAccessGroupParams struct {
	Name               string         `param:"name,required"`
	Initiators         []any          `param:"initiators"`
	Volumes            []int64        `param:"volumes"`
	VirtualNetworkID   []int64        `param:"virtualNetworkID"`
	VirtualNetworkTags []int64        `param:"virtualNetworkTags"`
	Attributes         map[string]any `param:"attributes"`
}

func (s *Server) createVolumeAccessGroup(ctx context.Context, p createVolumeAccessGroupParams) (map[string]any, error) {
	refs, err := initiatorRefs("initiators", p.Initiators)
	if err != nil {
		return nil, err
	}
	if s.deps.Networks != nil { // they must name virtual networks (docs/nodes.md, N7)
		if err := s.deps.Networks.Check(ctx, p.VirtualNetworkID, p.VirtualNetworkTags); err != nil {
			return nil, nerr(err)
		}
	}
	g, err := s.volumes.CreateAccessGroup(ctx, volumes.AccessGroupSpec{Name: p.Name, Initiators: refs, Volumes: p.Volumes,
		Attributes: attrs(p.Attributes)})
	if err != nil {
		return nil, serr(err)
	}
	gs, err := s.volumes.AccessGroups(ctx, 0, 0, []int64{g.ID})
	if err != nil {
		return nil, serr(err)
	}
	return map[string]any{"volumeAccessGroupID": g.ID, "volumeAccessGroup": toAccessGroupWire(gs[0])}, nil
}

type listVolumeAccessGroupsParams struct {
	StartVolumeAccessGroupID int64   `param:"startVolumeAccessGroupID"`
	Limit                    int64   `param:"limit"`
	VolumeAccessGroups       []int64 `param:"volumeAccessGroups"`
}

func (s *Server) listVolumeAccessGroups(ctx context.Context, p listVolumeAccessGroupsParams) (map[string]any, error) {
	gs, err := s.volumes.AccessGroups(ctx, p.StartVolumeAccessGroupID, p.Limit, nil)
	if err != nil {
		return nil, serr(err)
	}
	out := make([]accessGroupWire, 0, len(gs))
	notFound := []int64{}
	if p.VolumeAccessGroups != nil {
		byID := map[int64]volumes.AccessGroupView{}
		for _, g := range gs {
			byID[g.ID] = g
		}
		for _, id := range p.VolumeAccessGroups {
			if g, ok := byID[id]; ok {
				out = append(out, toAccessGroupWire(g))
			} else {
				notFound = append(notFound, id)
			}
		}
		return map[string]any{"volumeAccessGroups": out, "volumeAccessGroupsNotFound": notFound}, nil
	}
	for _, g := range gs {
		out = append(out, toAccessGroupWire(g))
	}
	return map[string]any{"volumeAccessGroups": out}, nil
}

type modifyVolumeAccessGroupParams struct {
	VolumeAccessGroupID    int64          `param:"volumeAccessGroupID,required"`
	Name                   *string        `param:"name"`
	Initiators             []any          `param:"initiators"`
	Volumes                []int64        `param:"volumes"`
	DeleteOrphanInitiators bool           `param:"deleteOrphanInitiators"`
	Attributes             map[string]any `param:"attributes"`
}

func (s *Server) modifyVolumeAccessGroup(ctx context.Context, p modifyVolumeAccessGroupParams) (map[string]accessGroupWire, error) {
	c := volumes.AccessGroupChange{ID: p.VolumeAccessGroupID, Name: p.Name, Volumes: p.Volumes, Attributes: attrs(p.Attributes),
		DeleteOrphanInitiators: p.DeleteOrphanInitiators}
	if p.Initiators != nil {
		refs, err := initiatorRefs("initiators", p.Initiators)
		if err != nil {
			return nil, err
		}
		c.Initiators = refs
	}
	g, err := s.volumes.ModifyAccessGroup(ctx, c)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]accessGroupWire{"volumeAccessGroup": toAccessGroupWire(g)}, nil
}

type deleteVolumeAccessGroupParams struct {
	VolumeAccessGroupID    int64 `param:"volumeAccessGroupID,required"`
	DeleteOrphanInitiators bool  `param:"deleteOrphanInitiators"`
	Force                  bool  `param:"force"`
}

func (s *Server) deleteVolumeAccessGroup(ctx context.Context, p deleteVolumeAccessGroupParams) (empty, error) {
	return empty{}, serr(s.volumes.DeleteAccessGroup(ctx, p.VolumeAccessGroupID, false, p.DeleteOrphanInitiators))
}

type groupVolumesParams struct {
	VolumeAccessGroupID int64   `param:"volumeAccessGroupID,required"`
	Volumes             []int64 `param:"volumes,required"`
}

// addVolumesParams is groupVolumesParams with volumes optional: an absent,
// null or empty list adds nothing and answers the group, as Trident's
// solidfire-san driver sends "volumes": null at start-up when every volume
// of its account is already in the group (TR1).
type addVolumesParams struct {
	VolumeAccessGroupID int64   `param:"volumeAccessGroupID,required"`
	Volumes             []int64 `param:"volumes"`
}

func (s *Server) addVolumesToVolumeAccessGroup(ctx context.Context, p addVolumesParams) (map[string]accessGroupWire, error) {
	g, err := s.volumes.AddVolumesToGroup(ctx, p.VolumeAccessGroupID, p.Volumes)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]accessGroupWire{"volumeAccessGroup": toAccessGroupWire(g)}, nil
}

func (s *Server) removeVolumesFromVolumeAccessGroup(ctx context.Context, p groupVolumesParams) (map[string]accessGroupWire, error) {
	g, err := s.volumes.RemoveVolumesFromGroup(ctx, p.VolumeAccessGroupID, p.Volumes)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]accessGroupWire{"volumeAccessGroup": toAccessGroupWire(g)}, nil
}

type groupInitiatorsParams struct {
	VolumeAccessGroupID    int64 `param:"volumeAccessGroupID,required"`
	Initiators             []any `param:"initiators,required"`
	DeleteOrphanInitiators bool  `param:"deleteOrphanInitiators"`
}

func (s *Server) addInitiatorsToVolumeAccessGroup(ctx context.Context, p groupInitiatorsParams) (map[string]accessGroupWire, error) {
	refs, err := initiatorRefs("initiators", p.Initiators)
	if err != nil {
		return nil, err
	}
	g, err := s.volumes.AddInitiatorsToGroup(ctx, p.VolumeAccessGroupID, refs)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]accessGroupWire{"volumeAccessGroup": toAccessGroupWire(g)}, nil
}

func (s *Server) removeInitiatorsFromVolumeAccessGroup(ctx context.Context, p groupInitiatorsParams) (map[string]accessGroupWire, error) {
	refs, err := initiatorRefs("initiators", p.Initiators)
	if err != nil {
		return nil, err
	}
	g, err := s.volumes.RemoveInitiatorsFromGroup(ctx, p.VolumeAccessGroupID, refs, p.DeleteOrphanInitiators)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]accessGroupWire{"volumeAccessGroup": toAccessGroupWire(g)}, nil
}

// ---------------------------------------------------------------------------
// Initiators

type initiatorWire struct {
	InitiatorID        int64          `json:"initiatorID"`
	InitiatorName      string         `json:"initiatorName"`
	Alias              string         `json:"alias"`
	Attributes         map[string]any `json:"attributes"`
	VolumeAccessGroups []int64        `json:"volumeAccessGroups"`
	RequireChap        bool           `json:"requireChap"`
	ChapUsername       string         `json:"chapUsername,omitempty"`
	// The secrets are always present, null without CHAP: NetApp's Python
	// SDK cannot read an initiator without them (AN3).
	InitiatorSecret *string `json:"initiatorSecret"`
	TargetSecret    *string `json:"targetSecret"`
}

// orNull is s, or nil (JSON null) when s is empty.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toInitiatorWires(ins []volumes.Initiator) []initiatorWire {
	out := make([]initiatorWire, 0, len(ins))
	for _, in := range ins {
		g := in.AccessGroups
		if g == nil {
			g = []int64{}
		}
		out = append(out, initiatorWire{InitiatorID: in.ID, InitiatorName: in.Name, Alias: in.Alias, Attributes: orEmptyAttrs(in.Attributes),
			VolumeAccessGroups: g, RequireChap: in.RequireChap, ChapUsername: in.ChapUsername,
			InitiatorSecret: orNull(string(in.InitiatorSecret)), TargetSecret: orNull(string(in.TargetSecret))})
	}
	return out
}

type createInitiatorParams struct {
	Name                string         `param:"name,required"`
	Alias               string         `param:"alias"`
	VolumeAccessGroupID *int64         `param:"volumeAccessGroupID"`
	Attributes          map[string]any `param:"attributes"`
	RequireChap         bool           `param:"requireChap" since:"12.0"`
	ChapUsername        string         `param:"chapUsername" since:"12.0"`
	InitiatorSecret     *string        `param:"initiatorSecret" since:"12.0"`
	TargetSecret        *string        `param:"targetSecret" since:"12.0"`
}

type createInitiatorsParams struct {
	Initiators []createInitiatorParams `param:"initiators,required"`
}

func (s *Server) createInitiators(ctx context.Context, p createInitiatorsParams) (map[string][]initiatorWire, error) {
	specs := make([]volumes.InitiatorSpec, 0, len(p.Initiators))
	for _, in := range p.Initiators {
		specs = append(specs, volumes.InitiatorSpec{Name: in.Name, Alias: in.Alias, AccessGroupID: in.VolumeAccessGroupID,
			Attributes: attrs(in.Attributes), RequireChap: in.RequireChap, ChapUsername: in.ChapUsername,
			InitSecret: secretPtr(in.InitiatorSecret), TargetSecret: secretPtr(in.TargetSecret)})
	}
	ins, err := s.volumes.CreateInitiators(ctx, specs)
	if err != nil {
		return nil, serr(err)
	}
	return map[string][]initiatorWire{"initiators": toInitiatorWires(ins)}, nil
}

type modifyInitiatorParams struct {
	InitiatorID         int64          `param:"initiatorID,required"`
	Alias               *string        `param:"alias"`
	VolumeAccessGroupID *int64         `param:"volumeAccessGroupID"`
	Attributes          map[string]any `param:"attributes"`
	RequireChap         *bool          `param:"requireChap" since:"12.0"`
	ChapUsername        string         `param:"chapUsername" since:"12.0"`
	InitiatorSecret     *string        `param:"initiatorSecret" since:"12.0"`
	TargetSecret        *string        `param:"targetSecret" since:"12.0"`
}

type modifyInitiatorsParams struct {
	Initiators []modifyInitiatorParams `param:"initiators,required"`
}

func (s *Server) modifyInitiators(ctx context.Context, p modifyInitiatorsParams) (map[string][]initiatorWire, error) {
	cs := make([]volumes.InitiatorChange, 0, len(p.Initiators))
	for _, in := range p.Initiators {
		cs = append(cs, volumes.InitiatorChange{ID: in.InitiatorID, Alias: in.Alias, AccessGroupID: in.VolumeAccessGroupID,
			Attributes: attrs(in.Attributes), RequireChap: in.RequireChap, ChapUsername: in.ChapUsername,
			InitSecret: secretPtr(in.InitiatorSecret), TargetSecret: secretPtr(in.TargetSecret)})
	}
	ins, err := s.volumes.ModifyInitiators(ctx, cs)
	if err != nil {
		return nil, serr(err)
	}
	return map[string][]initiatorWire{"initiators": toInitiatorWires(ins)}, nil
}

type deleteInitiatorsParams struct {
	Initiators []int64 `param:"initiators,required"`
}

func (s *Server) deleteInitiators(ctx context.Context, p deleteInitiatorsParams) (empty, error) {
	return empty{}, serr(s.volumes.DeleteInitiators(ctx, p.Initiators))
}

type listInitiatorsParams struct {
	StartInitiatorID int64   `param:"startInitiatorID"`
	Limit            int64   `param:"limit"`
	Initiators       []int64 `param:"initiators"`
}

func (s *Server) listInitiators(ctx context.Context, p listInitiatorsParams) (map[string][]initiatorWire, error) {
	ins, err := s.volumes.Initiators(ctx, p.StartInitiatorID, p.Limit, p.Initiators)
	if err != nil {
		return nil, serr(err)
	}
	return map[string][]initiatorWire{"initiators": toInitiatorWires(ins)}, nil
}

// ---------------------------------------------------------------------------
// Snapshots

type snapshotWire struct {
	SnapshotID              int64          `json:"snapshotID"`
	VolumeID                int64          `json:"volumeID"`
	Name                    string         `json:"name"`
	Checksum                string         `json:"checksum"`
	EnableRemoteReplication bool           `json:"enableRemoteReplication"`
	ExpirationReason        string         `json:"expirationReason"`
	ExpirationTime          *string        `json:"expirationTime"`
	RemoteStatuses          []any          `json:"remoteStatuses"`
	Status                  string         `json:"status"`
	SnapshotUUID            string         `json:"snapshotUUID"`
	TotalSize               int64          `json:"totalSize"`
	GroupID                 int64          `json:"groupID"`
	GroupSnapshotUUID       string         `json:"groupSnapshotUUID"`
	CreateTime              string         `json:"createTime"`
	InstanceCreateTime      string         `json:"instanceCreateTime"`
	VolumeName              string         `json:"volumeName"`
	InstanceSnapshotUUID    string         `json:"instanceSnapshotUUID"`
	VirtualVolumeID         *string        `json:"virtualVolumeID"`
	Attributes              map[string]any `json:"attributes"`
	// SnapMirrorLabel is null when none was set (AN4).
	SnapMirrorLabel *string `json:"snapMirrorLabel"`
}

func toSnapshotWire(sn volumes.Snapshot) snapshotWire {
	w := snapshotWire{SnapshotID: sn.ID, VolumeID: sn.VolumeID, Name: sn.Name, Checksum: sn.Checksum, EnableRemoteReplication: sn.Remote,
		ExpirationReason: sn.ExpiryBy, RemoteStatuses: []any{}, Status: "done", SnapshotUUID: sn.UUID, TotalSize: sn.TotalSize,
		GroupID: sn.GroupID, GroupSnapshotUUID: zeroUUID, CreateTime: fmtSeconds(sn.Created), InstanceCreateTime: fmtSeconds(sn.Created),
		VolumeName: sn.VolumeName, InstanceSnapshotUUID: sn.UUID, Attributes: orEmptyAttrs(sn.Attributes), SnapMirrorLabel: orNull(sn.MirrorLabel)}
	if sn.GroupUUID != "" {
		w.GroupSnapshotUUID = sn.GroupUUID
	}
	if !sn.Expires.IsZero() {
		t := fmtSeconds(sn.Expires)
		w.ExpirationTime = &t
	}
	return w
}

type createSnapshotParams struct {
	VolumeID                int64          `param:"volumeID,required"`
	SnapshotID              *int64         `param:"snapshotID"`
	Name                    *string        `param:"name"`
	EnableRemoteReplication bool           `param:"enableRemoteReplication"`
	Retention               *string        `param:"retention"`
	ExpirationTime          *string        `param:"expirationTime" since:"12.0"`
	Attributes              map[string]any `param:"attributes"`
	SnapMirrorLabel         string         `param:"snapMirrorLabel" since:"10.0"`
}

func (s *Server) createSnapshot(ctx context.Context, p createSnapshotParams) (map[string]any, error) {
	sp := volumes.SnapshotSpec{VolumeID: p.VolumeID, SnapshotID: snapshotRef(p.SnapshotID), Name: p.Name, Remote: p.EnableRemoteReplication,
		Attributes: attrs(p.Attributes), MirrorLabel: p.SnapMirrorLabel}
	if p.Retention != nil && *p.Retention != "" { // "" is no retention, as Trident sends it (TR2)
		d, err := volumes.ParseRetention("retention", *p.Retention)
		if err != nil {
			return nil, serr(err)
		}
		sp.Retention = &d
	}
	if p.ExpirationTime != nil {
		t, err := parseTime("expirationTime", *p.ExpirationTime)
		if err != nil {
			return nil, err
		}
		sp.Expires = &t
	}
	sn, err := s.volumes.CreateSnapshot(ctx, sp)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]any{"snapshotID": sn.ID, "checksum": sn.Checksum, "snapshot": toSnapshotWire(sn)}, nil
}

type snapshotIDParams struct {
	SnapshotID int64 `param:"snapshotID,required"`
}

func (s *Server) deleteSnapshot(ctx context.Context, p snapshotIDParams) (empty, error) {
	return empty{}, serr(s.volumes.DeleteSnapshot(ctx, p.SnapshotID))
}

type modifySnapshotParams struct {
	SnapshotID              int64   `param:"snapshotID,required"`
	ExpirationTime          *string `param:"expirationTime"`
	EnableRemoteReplication *bool   `param:"enableRemoteReplication"`
	SnapMirrorLabel         *string `param:"snapMirrorLabel" since:"10.0"`
	Name                    *string `param:"name"`
}

func (s *Server) modifySnapshot(ctx context.Context, p modifySnapshotParams) (map[string]snapshotWire, error) {
	c := volumes.SnapshotChange{ID: p.SnapshotID, Name: p.Name, Remote: p.EnableRemoteReplication, MirrorLabel: p.SnapMirrorLabel}
	if p.ExpirationTime != nil {
		t, err := parseTime("expirationTime", *p.ExpirationTime)
		if err != nil {
			return nil, err
		}
		c.Expires = &t
	}
	sn, err := s.volumes.ModifySnapshot(ctx, c)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]snapshotWire{"snapshot": toSnapshotWire(sn)}, nil
}

type listSnapshotsParams struct {
	VolumeID   int64 `param:"volumeID"`
	SnapshotID int64 `param:"snapshotID"`
}

func (s *Server) listVolumeSnapshots(ctx context.Context, p listSnapshotsParams) (map[string][]snapshotWire, error) {
	sns, err := s.volumes.Snapshots(ctx, p.VolumeID, p.SnapshotID)
	if err != nil {
		return nil, serr(err)
	}
	out := make([]snapshotWire, 0, len(sns))
	for _, sn := range sns {
		out = append(out, toSnapshotWire(sn))
	}
	return map[string][]snapshotWire{"snapshots": out}, nil
}

type rollbackParams struct {
	VolumeID         int64          `param:"volumeID,required"`
	SnapshotID       int64          `param:"snapshotID,required"`
	SaveCurrentState *bool          `param:"saveCurrentState,required"`
	Name             *string        `param:"name"`
	Attributes       map[string]any `param:"attributes"`
}

func (s *Server) rollbackToSnapshot(ctx context.Context, p rollbackParams) (map[string]any, error) {
	if p.Name != nil && *p.Name == "" {
		p.Name = nil // "" is no name, as Trident sends it with every rollback (TR4)
	}
	r, err := s.volumes.RollbackToSnapshot(ctx, p.VolumeID, p.SnapshotID, *p.SaveCurrentState, p.Name, attrs(p.Attributes))
	if err != nil {
		return nil, serr(err)
	}
	out := map[string]any{"checksum": r.Checksum}
	if r.Saved != nil {
		out["snapshotID"] = r.Saved.ID
		out["snapshot"] = toSnapshotWire(*r.Saved)
		out["checksum"] = r.Saved.Checksum
	}
	return out, nil
}

// ---------------------------------------------------------------------------
// QoS policies

type qosPolicyWire struct {
	QoSPolicyID int64   `json:"qosPolicyID"`
	Name        string  `json:"name"`
	VolumeIDs   []int64 `json:"volumeIDs"`
	QoS         qosWire `json:"qos"`
}

func toQoSPolicyWire(p volumes.QoSPolicyView) qosPolicyWire {
	return qosPolicyWire{QoSPolicyID: p.ID, Name: p.Name, VolumeIDs: p.Volumes, QoS: toQoSWire(p.QoS)}
}

type createQoSPolicyParams struct {
	Name string     `param:"name,required"`
	QoS  *qosParams `param:"qos,required"`
}

func (s *Server) createQoSPolicy(ctx context.Context, p createQoSPolicyParams) (map[string]qosPolicyWire, error) {
	pol, err := s.volumes.CreateQoSPolicy(ctx, p.Name, p.QoS.change())
	if err != nil {
		return nil, serr(err)
	}
	return map[string]qosPolicyWire{"qosPolicy": toQoSPolicyWire(volumes.QoSPolicyView{QoSPolicy: pol, Volumes: []int64{}})}, nil
}

type qosPolicyIDParams struct {
	QoSPolicyID int64 `param:"qosPolicyID,required"`
}

func (s *Server) getQoSPolicy(ctx context.Context, p qosPolicyIDParams) (map[string]qosPolicyWire, error) {
	pol, err := s.volumes.QoSPolicy(ctx, p.QoSPolicyID)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]qosPolicyWire{"qosPolicy": toQoSPolicyWire(pol)}, nil
}

func (s *Server) listQoSPolicies(ctx context.Context, _ noParams) (map[string][]qosPolicyWire, error) {
	ps, err := s.volumes.QoSPolicies(ctx, 0)
	if err != nil {
		return nil, serr(err)
	}
	out := make([]qosPolicyWire, 0, len(ps))
	for _, p := range ps {
		out = append(out, toQoSPolicyWire(p))
	}
	return map[string][]qosPolicyWire{"qosPolicies": out}, nil
}

type modifyQoSPolicyParams struct {
	QoSPolicyID int64      `param:"qosPolicyID,required"`
	Name        *string    `param:"name"`
	QoS         *qosParams `param:"qos"`
}

func (s *Server) modifyQoSPolicy(ctx context.Context, p modifyQoSPolicyParams) (map[string]qosPolicyWire, error) {
	pol, err := s.volumes.ModifyQoSPolicy(ctx, p.QoSPolicyID, p.Name, p.QoS.change())
	if err != nil {
		return nil, serr(err)
	}
	return map[string]qosPolicyWire{"qosPolicy": toQoSPolicyWire(pol)}, nil
}

func (s *Server) deleteQoSPolicy(ctx context.Context, p qosPolicyIDParams) (empty, error) {
	return empty{}, serr(s.volumes.DeleteQoSPolicy(ctx, p.QoSPolicyID))
}

// ---------------------------------------------------------------------------
// Group snapshots

type groupSnapshotMemberWire struct {
	VolumeID     int64  `json:"volumeID"`
	SnapshotID   int64  `json:"snapshotID"`
	SnapshotUUID string `json:"snapshotUUID"`
	Checksum     string `json:"checksum"`
}

type groupSnapshotWire struct {
	GroupSnapshotID         int64          `json:"groupSnapshotID"`
	GroupSnapshotUUID       string         `json:"groupSnapshotUUID"`
	Members                 []snapshotWire `json:"members"`
	Name                    string         `json:"name"`
	CreateTime              string         `json:"createTime"`
	Status                  string         `json:"status"`
	EnableRemoteReplication bool           `json:"enableRemoteReplication"`
	RemoteStatuses          []any          `json:"remoteStatuses"`
	Attributes              map[string]any `json:"attributes"`
}

func toGroupSnapshotWire(g volumes.GroupSnapshot) groupSnapshotWire {
	w := groupSnapshotWire{GroupSnapshotID: g.ID, GroupSnapshotUUID: g.UUID, Members: []snapshotWire{}, Status: "done",
		RemoteStatuses: []any{}, Attributes: map[string]any{}}
	for i, m := range g.Members {
		w.Members = append(w.Members, toSnapshotWire(m))
		if i == 0 {
			w.Name, w.CreateTime, w.EnableRemoteReplication = m.Name, fmtSeconds(m.Created), m.Remote
			w.Attributes = orEmptyAttrs(m.Attributes)
		}
	}
	return w
}

func groupSnapshotAnswer(g volumes.GroupSnapshot) map[string]any {
	members := make([]groupSnapshotMemberWire, 0, len(g.Members))
	for _, m := range g.Members {
		members = append(members, groupSnapshotMemberWire{VolumeID: m.VolumeID, SnapshotID: m.ID, SnapshotUUID: m.UUID, Checksum: m.Checksum})
	}
	return map[string]any{"groupSnapshotID": g.ID, "groupSnapshotUUID": g.UUID, "members": members,
		"groupSnapshot": toGroupSnapshotWire(g)}
}

type createGroupSnapshotParams struct {
	Volumes                 []int64        `param:"volumes,required"`
	Name                    *string        `param:"name"`
	EnableRemoteReplication bool           `param:"enableRemoteReplication"`
	Retention               *string        `param:"retention"`
	ExpirationTime          *string        `param:"expirationTime" since:"12.0"`
	Attributes              map[string]any `param:"attributes"`
	SnapMirrorLabel         string         `param:"snapMirrorLabel" since:"10.0"`
}

func (s *Server) createGroupSnapshot(ctx context.Context, p createGroupSnapshotParams) (map[string]any, error) {
	sp := volumes.SnapshotSpec{Name: p.Name, Remote: p.EnableRemoteReplication, Attributes: attrs(p.Attributes), MirrorLabel: p.SnapMirrorLabel}
	if p.Retention != nil && *p.Retention != "" { // "" is no retention, as Trident sends it (TR2)
		d, err := volumes.ParseRetention("retention", *p.Retention)
		if err != nil {
			return nil, serr(err)
		}
		sp.Retention = &d
	}
	if p.ExpirationTime != nil {
		t, err := parseTime("expirationTime", *p.ExpirationTime)
		if err != nil {
			return nil, err
		}
		sp.Expires = &t
	}
	g, err := s.volumes.CreateGroupSnapshot(ctx, p.Volumes, sp)
	if err != nil {
		return nil, serr(err)
	}
	return groupSnapshotAnswer(g), nil
}

type listGroupSnapshotsParams struct {
	Volumes         []int64 `param:"volumes"`
	GroupSnapshotID int64   `param:"groupSnapshotID"`
}

func (s *Server) listGroupSnapshots(ctx context.Context, p listGroupSnapshotsParams) (map[string][]groupSnapshotWire, error) {
	gs, err := s.volumes.GroupSnapshots(ctx, p.Volumes, p.GroupSnapshotID)
	if err != nil {
		return nil, serr(err)
	}
	out := make([]groupSnapshotWire, 0, len(gs))
	for _, g := range gs {
		out = append(out, toGroupSnapshotWire(g))
	}
	return map[string][]groupSnapshotWire{"groupSnapshots": out}, nil
}

type modifyGroupSnapshotParams struct {
	GroupSnapshotID         int64   `param:"groupSnapshotID,required"`
	ExpirationTime          *string `param:"expirationTime"`
	EnableRemoteReplication *bool   `param:"enableRemoteReplication"`
	SnapMirrorLabel         *string `param:"snapMirrorLabel" since:"10.0"`
	Name                    *string `param:"name"`
}

func (s *Server) modifyGroupSnapshot(ctx context.Context, p modifyGroupSnapshotParams) (map[string]groupSnapshotWire, error) {
	c := volumes.SnapshotChange{Name: p.Name, Remote: p.EnableRemoteReplication, MirrorLabel: p.SnapMirrorLabel}
	if p.ExpirationTime != nil {
		t, err := parseTime("expirationTime", *p.ExpirationTime)
		if err != nil {
			return nil, err
		}
		c.Expires = &t
	}
	g, err := s.volumes.ModifyGroupSnapshot(ctx, p.GroupSnapshotID, c)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]groupSnapshotWire{"groupSnapshot": toGroupSnapshotWire(g)}, nil
}

type deleteGroupSnapshotParams struct {
	GroupSnapshotID int64 `param:"groupSnapshotID,required"`
	SaveMembers     *bool `param:"saveMembers,required"`
}

func (s *Server) deleteGroupSnapshot(ctx context.Context, p deleteGroupSnapshotParams) (empty, error) {
	return empty{}, serr(s.volumes.DeleteGroupSnapshot(ctx, p.GroupSnapshotID, *p.SaveMembers))
}

type rollbackGroupParams struct {
	GroupSnapshotID  int64          `param:"groupSnapshotID,required"`
	SaveCurrentState *bool          `param:"saveCurrentState,required"`
	Name             *string        `param:"name"`
	Attributes       map[string]any `param:"attributes"`
}

func (s *Server) rollbackToGroupSnapshot(ctx context.Context, p rollbackGroupParams) (map[string]any, error) {
	saved, err := s.volumes.RollbackToGroupSnapshot(ctx, p.GroupSnapshotID, *p.SaveCurrentState, p.Name, attrs(p.Attributes))
	if err != nil {
		return nil, serr(err)
	}
	if saved == nil {
		return map[string]any{}, nil
	}
	return groupSnapshotAnswer(*saved), nil
}
