package api

import (
	"context"

	"github.com/element-emulator/element-emulator/volumes"
)

// CopyVolume, CancelClone, SetDefaultQoS and ListVolumeStatsByAccount
// (docs/storage.md, Clones and copies).

type copyVolumeParams struct {
	VolumeID    int64  `param:"volumeID,required"`
	DstVolumeID int64  `param:"dstVolumeID,required"`
	SnapshotID  *int64 `param:"snapshotID"`
}

func (s *Server) copyVolume(ctx context.Context, p copyVolumeParams) (map[string]int64, error) {
	c, err := s.volumes.CopyVolume(ctx, p.VolumeID, p.DstVolumeID, snapshotRef(p.SnapshotID))
	if err != nil {
		return nil, serr(err)
	}
	return map[string]int64{"cloneID": c.CloneID, "asyncHandle": c.AsyncHandle}, nil
}

type cancelCloneParams struct {
	CloneID int64 `param:"cloneID,required"`
}

func (s *Server) cancelClone(ctx context.Context, p cancelCloneParams) (empty, error) {
	return empty{}, serr(s.volumes.CancelClone(ctx, p.CloneID, s.cluster.CancelJob))
}

func (s *Server) getDefaultQoS(ctx context.Context, _ noParams) (qosWire, error) {
	q, err := s.volumes.DefaultQoS(ctx)
	if err != nil {
		return qosWire{}, serr(err)
	}
	return toQoSWire(q), nil
}

type setDefaultQoSParams struct {
	MinIOPS   *int64 `param:"minIOPS"`
	MaxIOPS   *int64 `param:"maxIOPS"`
	BurstIOPS *int64 `param:"burstIOPS"`
}

type defaultQoSWire struct {
	MinIOPS   int64 `json:"minIOPS"`
	MaxIOPS   int64 `json:"maxIOPS"`
	BurstIOPS int64 `json:"burstIOPS"`
}

func (s *Server) setDefaultQoS(ctx context.Context, p setDefaultQoSParams) (defaultQoSWire, error) {
	q, err := s.volumes.SetDefaultQoS(ctx, volumes.QoSChange{MinIOPS: p.MinIOPS, MaxIOPS: p.MaxIOPS, BurstIOPS: p.BurstIOPS})
	if err != nil {
		return defaultQoSWire{}, serr(err)
	}
	return defaultQoSWire{MinIOPS: q.MinIOPS, MaxIOPS: q.MaxIOPS, BurstIOPS: q.BurstIOPS}, nil
}

type listVolumeStatsByAccountParams struct {
	Accounts              []int64 `param:"accounts"`
	IncludeVirtualVolumes *bool   `param:"includeVirtualVolumes"`
}

// listVolumeStatsByAccount sums the statistics of each account's active
// volumes into one entry whose volumeID is 0 (V18): every account asked
// for, or every account, in ID order.
func (s *Server) listVolumeStatsByAccount(ctx context.Context, p listVolumeStatsByAccountParams) (map[string][]volumeStatsWire, error) {
	var as []volumes.AccountView
	if p.Accounts != nil {
		for _, id := range p.Accounts {
			a, err := s.volumes.Account(ctx, id)
			if err != nil {
				return nil, serr(err)
			}
			as = append(as, a)
		}
	} else {
		var err error
		if as, err = s.volumes.Accounts(ctx, 0, 0); err != nil {
			return nil, serr(err)
		}
	}
	out := []volumeStatsWire{}
	for _, a := range as {
		w := volumeStatsWire{AccountID: a.ID, MetadataHosts: metadataHostsWire{DeadSecondaries: []int64{}, LiveSecondaries: []int64{}},
			SamplePeriodMSec: 500, Timestamp: fmtMicros(s.now()), VolumeAccessGroups: []int64{}}
		if len(a.Volumes) > 0 {
			vs, err := s.volumes.ListVolumes(ctx, volumes.Filter{IDs: a.Volumes, Status: volumes.Active})
			if err != nil {
				return nil, serr(err)
			}
			for _, st := range s.volumeStats(vs) {
				w.VolumeSize += st.VolumeSize
				w.ZeroBlocks += st.ZeroBlocks
			}
		}
		out = append(out, w)
	}
	return map[string][]volumeStatsWire{"volumeStats": out}, nil
}

// CloneMultipleVolumes and CancelGroupClone (docs/storage.md, Group clones).

type cloneMultipleVolumeParams struct {
	VolumeID     int64          `param:"volumeID,required"`
	Access       *string        `param:"access" enum:"readWrite,readOnly,locked,replicationTarget,snapMirrorTarget"`
	Name         *string        `param:"name"`
	NewAccountID *int64         `param:"newAccountID"`
	NewSize      *int64         `param:"newSize"`
	Attributes   map[string]any `param:"attributes"`
}

type cloneMultipleVolumesParams struct {
	Volumes                     []cloneMultipleVolumeParams `param:"volumes,required"`
	Access                      *string                     `param:"access" enum:"readWrite,readOnly,locked,replicationTarget,snapMirrorTarget"`
	GroupSnapshotID             *int64                      `param:"groupSnapshotID"`
	NewAccountID                *int64                      `param:"newAccountID"`
	EnableSnapMirrorReplication bool                        `param:"enableSnapMirrorReplication" since:"10.0"`
}

func accessPtr(a *string) *volumes.Access {
	if a == nil {
		return nil
	}
	v := volumes.Access(*a)
	return &v
}

type groupCloneWire struct {
	AsyncHandle  int64                            `json:"asyncHandle"`
	GroupCloneID int64                            `json:"groupCloneID"`
	Members      []volumes.GroupCloneResultMember `json:"members"`
}

func (s *Server) cloneMultipleVolumes(ctx context.Context, p cloneMultipleVolumesParams) (groupCloneWire, error) {
	sp := volumes.GroupCloneSpec{Access: accessPtr(p.Access), GroupSnapshotID: p.GroupSnapshotID, NewAccountID: p.NewAccountID,
		SnapMirror: p.EnableSnapMirrorReplication}
	for _, v := range p.Volumes {
		sp.Volumes = append(sp.Volumes, volumes.GroupCloneMember{VolumeID: v.VolumeID, Name: v.Name, NewAccountID: v.NewAccountID,
			NewSize: v.NewSize, Access: accessPtr(v.Access), Attributes: attrs(v.Attributes)})
	}
	g, err := s.volumes.CloneMultipleVolumes(ctx, sp)
	if err != nil {
		return groupCloneWire{}, serr(err)
	}
	return groupCloneWire{AsyncHandle: g.AsyncHandle, GroupCloneID: g.GroupCloneID, Members: g.Members}, nil
}

type cancelGroupCloneParams struct {
	GroupCloneID int64 `param:"groupCloneID,required"`
}

func (s *Server) cancelGroupClone(ctx context.Context, p cancelGroupCloneParams) (empty, error) {
	return empty{}, serr(s.volumes.CancelGroupClone(ctx, p.GroupCloneID, s.cluster.CancelJob))
}
