package volumes

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"
)

// Settings are the cluster-wide storage settings: the cluster full
// threshold's knobs and the optional features.
type Settings struct {
	// Stage2AwareThreshold and Stage3BlockThresholdPercent are the
	// percentages of ModifyClusterFullThreshold.
	Stage2AwareThreshold        int64
	Stage3BlockThresholdPercent int64
	// OverProvisionFactor is maxMetadataOverProvisionFactor: the
	// provisionable space is this many times maxProvisionedSpace.
	OverProvisionFactor int64
	// Enabled lists the features turned on with EnableFeature.
	Enabled []string
}

// Features are the optional features EnableFeature knows, in
// GetFeatureStatus order. None can be turned off again.
var Features = []string{"fips", "FipsDrives", "SnapMirror", "vvols"}

// DefaultSettings are a new cluster's settings.
var DefaultSettings = Settings{Stage2AwareThreshold: 3, Stage3BlockThresholdPercent: 3, OverProvisionFactor: 5}

const (
	keyStage2   = "stage2AwareThreshold"
	keyStage3   = "stage3BlockThresholdPercent"
	keyFactor   = "maxMetadataOverProvisionFactor"
	keyFeatures = "feature."
)

func settings(ctx context.Context, tx Tx) (Settings, error) {
	st := DefaultSettings
	for key, dst := range map[string]*int64{keyStage2: &st.Stage2AwareThreshold, keyStage3: &st.Stage3BlockThresholdPercent,
		keyFactor: &st.OverProvisionFactor} {
		v, err := tx.Setting(ctx, key)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return st, err
		}
		if *dst, err = strconv.ParseInt(v, 10, 64); err != nil {
			return st, err
		}
	}
	for _, f := range Features {
		if _, err := tx.Setting(ctx, keyFeatures+f); err == nil {
			st.Enabled = append(st.Enabled, f)
		} else if !errors.Is(err, ErrNotFound) {
			return st, err
		}
	}
	return st, nil
}

// Settings returns the current settings.
func (s *Service) Settings(ctx context.Context) (Settings, error) {
	var out Settings
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		var err error
		out, err = settings(ctx, tx)
		return err
	})
	return out, err
}

// ThresholdChange is ModifyClusterFullThreshold's input.
type ThresholdChange struct {
	Stage2AwareThreshold, Stage3BlockThresholdPercent, OverProvisionFactor *int64
}

// ModifyFullThreshold changes the cluster full threshold's knobs.
func (s *Service) ModifyFullThreshold(ctx context.Context, c ThresholdChange) (Settings, error) {
	for _, f := range []struct {
		param    string
		v        *int64
		min, max int64
	}{{keyStage2, c.Stage2AwareThreshold, 0, 100}, {keyStage3, c.Stage3BlockThresholdPercent, 0, 100},
		{keyFactor, c.OverProvisionFactor, 1, 20}} {
		if f.v != nil && (*f.v < f.min || *f.v > f.max) {
			return Settings{}, invalid(f.param, "must be between %d and %d", f.min, f.max)
		}
	}
	var out Settings
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		for key, v := range map[string]*int64{keyStage2: c.Stage2AwareThreshold, keyStage3: c.Stage3BlockThresholdPercent,
			keyFactor: c.OverProvisionFactor} {
			if v != nil {
				if err := tx.PutSetting(ctx, key, strconv.FormatInt(*v, 10)); err != nil {
					return err
				}
			}
		}
		var err error
		out, err = settings(ctx, tx)
		return err
	})
	return out, err
}

// EnableFeature turns an optional feature on; enabling one that is on
// already changes nothing.
func (s *Service) EnableFeature(ctx context.Context, name string) error {
	if !slices.Contains(Features, name) {
		return invalid("feature", "unknown feature %q", name)
	}
	return s.update(ctx, func(tx Tx, now time.Time) error {
		return tx.PutSetting(ctx, keyFeatures+name, now.UTC().Format(time.RFC3339))
	})
}
