package api

import (
	"context"
	"slices"

	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/volumes"
)

// Cluster settings kept by the storage domain (docs/storage.md, Cluster
// settings): optional features and the cluster full threshold.

type featureWire struct {
	Enabled bool   `json:"enabled"`
	Feature string `json:"feature"`
}

type getFeatureStatusParams struct {
	Feature *string `param:"feature" enum:"fips,FipsDrives,SnapMirror,vvols"`
}

func (s *Server) getFeatureStatus(ctx context.Context, p getFeatureStatusParams) (map[string][]featureWire, error) {
	st, err := s.volumes.Settings(ctx)
	if err != nil {
		return nil, serr(err)
	}
	out := []featureWire{}
	for _, f := range volumes.Features {
		if p.Feature == nil || *p.Feature == f {
			out = append(out, featureWire{Enabled: slices.Contains(st.Enabled, f), Feature: f})
		}
	}
	return map[string][]featureWire{"features": out}, nil
}

type enableFeatureParams struct {
	Feature string `param:"feature,required" enum:"fips,FipsDrives,SnapMirror,vvols"`
}

func (s *Server) enableFeature(ctx context.Context, p enableFeatureParams) (empty, error) {
	return empty{}, serr(s.volumes.EnableFeature(ctx, p.Feature))
}

type fullThresholdWire struct {
	BlockFullness                  string `json:"blockFullness"`
	Fullness                       string `json:"fullness"`
	MaxMetadataOverProvisionFactor int64  `json:"maxMetadataOverProvisionFactor"`
	MetadataFullness               string `json:"metadataFullness"`
	SliceReserveUsedThresholdPct   int64  `json:"sliceReserveUsedThresholdPct"`
	Stage2AwareThreshold           int64  `json:"stage2AwareThreshold"`
	Stage2BlockThresholdBytes      int64  `json:"stage2BlockThresholdBytes"`
	Stage3BlockThresholdBytes      int64  `json:"stage3BlockThresholdBytes"`
	Stage3BlockThresholdPercent    int64  `json:"stage3BlockThresholdPercent"`
	Stage3LowThreshold             int64  `json:"stage3LowThreshold"`
	Stage4BlockThresholdBytes      int64  `json:"stage4BlockThresholdBytes"`
	Stage4CriticalThreshold        int64  `json:"stage4CriticalThreshold"`
	Stage5BlockThresholdBytes      int64  `json:"stage5BlockThresholdBytes"`
	SumTotalClusterBytes           int64  `json:"sumTotalClusterBytes"`
	SumTotalMetadataClusterBytes   int64  `json:"sumTotalMetadataClusterBytes"`
	SumUsedClusterBytes            int64  `json:"sumUsedClusterBytes"`
	SumUsedMetadataClusterBytes    int64  `json:"sumUsedMetadataClusterBytes"`
}

// fullThreshold derives the stages from the raw block space (V13): stage 4
// is what is left after losing one node's share, stage 3 and stage 2 sit
// the configured percentages of the total below it. No data is ever
// written, so every fullness is stage1Happy.
func (s *Server) fullThreshold(ctx context.Context, st volumes.Settings) (fullThresholdWire, error) {
	c, err := s.cluster.ClusterCapacity(ctx)
	if err != nil {
		return fullThresholdWire{}, err
	}
	total := c.MaxUsedSpace
	stage4 := total * 3 / 4
	stage3 := stage4 - total*st.Stage3BlockThresholdPercent/100
	stage2 := stage3 - total*st.Stage2AwareThreshold/100
	return fullThresholdWire{BlockFullness: "stage1Happy", Fullness: "stage1Happy", MaxMetadataOverProvisionFactor: st.OverProvisionFactor,
		MetadataFullness: "stage1Happy", SliceReserveUsedThresholdPct: 5, Stage2AwareThreshold: st.Stage2AwareThreshold,
		Stage2BlockThresholdBytes: stage2, Stage3BlockThresholdBytes: stage3, Stage3BlockThresholdPercent: st.Stage3BlockThresholdPercent,
		Stage3LowThreshold: 2, Stage4BlockThresholdBytes: stage4, Stage4CriticalThreshold: 1, Stage5BlockThresholdBytes: total,
		SumTotalClusterBytes: total, SumTotalMetadataClusterBytes: c.MaxUsedMetadataSpace}, nil
}

func (s *Server) getClusterFullThreshold(ctx context.Context, _ noParams) (fullThresholdWire, error) {
	st, err := s.volumes.Settings(ctx)
	if err != nil {
		return fullThresholdWire{}, serr(err)
	}
	return s.fullThreshold(ctx, st)
}

type modifyClusterFullThresholdParams struct {
	Stage2AwareThreshold           *int64 `param:"stage2AwareThreshold"`
	Stage3BlockThresholdPercent    *int64 `param:"stage3BlockThresholdPercent"`
	MaxMetadataOverProvisionFactor *int64 `param:"maxMetadataOverProvisionFactor"`
}

func (s *Server) modifyClusterFullThreshold(ctx context.Context, p modifyClusterFullThresholdParams) (fullThresholdWire, error) {
	st, err := s.volumes.ModifyFullThreshold(ctx, volumes.ThresholdChange{Stage2AwareThreshold: p.Stage2AwareThreshold,
		Stage3BlockThresholdPercent: p.Stage3BlockThresholdPercent, OverProvisionFactor: p.MaxMetadataOverProvisionFactor})
	if err != nil {
		return fullThresholdWire{}, serr(err)
	}
	return s.fullThreshold(ctx, st)
}

// overProvisionable is maxOverProvisionableSpace with the configured factor.
func (s *Server) overProvisionable(ctx context.Context, c cluster.Capacity) (int64, error) {
	st, err := s.volumes.Settings(ctx)
	if err != nil {
		return 0, serr(err)
	}
	return c.MaxProvisionedSpace * st.OverProvisionFactor, nil
}
