package api

import (
	"context"

	"github.com/element-emulator/element-emulator/cluster"
)

// keyInfoWire is Element's EncryptionKeyInfo.
type keyInfoWire struct {
	KeyCreatedTime    string `json:"keyCreatedTime,omitempty"`
	KeyID             string `json:"keyID"`
	KeyManagementType string `json:"keyManagementType"`
	KeyProviderID     *int64 `json:"keyProviderID,omitempty"`
}

func toKeyInfoWire(k cluster.KeyInfo, withTime bool) keyInfoWire {
	w := keyInfoWire{KeyID: k.KeyID, KeyManagementType: string(k.Type)}
	if w.KeyID == "" {
		w.KeyID = zeroUUID
	}
	if withTime {
		w.KeyCreatedTime = fmtSeconds(k.Created)
	}
	if k.Type == cluster.External {
		id := k.ProviderID
		w.KeyProviderID = &id
	}
	return w
}

type rekeyParams struct {
	KeyManagementType *string `param:"keyManagementType" enum:"Internal,External"`
	KeyProviderID     *int64  `param:"keyProviderID"`
}

func (s *Server) rekeySoftwareEncryptionAtRestMasterKey(ctx context.Context, p rekeyParams) (map[string]int64, error) {
	r := cluster.RekeyRequest{ProviderID: p.KeyProviderID}
	if p.KeyManagementType != nil {
		t := cluster.Internal
		if *p.KeyManagementType == "External" {
			t = cluster.External
		}
		r.Type = &t
	}
	h, err := s.cluster.RekeyMasterKey(ctx, r)
	if err != nil {
		return nil, err
	}
	return map[string]int64{"asyncHandle": int64(h)}, nil
}

type searInfoWire struct {
	MasterKeyInfo               *keyInfoWire `json:"masterKeyInfo,omitempty"`
	RekeyMasterKeyAsyncResultID *int64       `json:"rekeyMasterKeyAsyncResultID,omitempty"`
	State                       string       `json:"state"`
	// Status repeats State: seed 001's procedure shows "status" (D21).
	Status  string `json:"status"`
	Version int    `json:"version"`
}

func (s *Server) getSoftwareEncryptionAtRestInfo(ctx context.Context, _ noParams) (searInfoWire, error) {
	info, err := s.cluster.SoftwareEARInfo(ctx)
	if err != nil {
		return searInfoWire{}, err
	}
	out := searInfoWire{State: "disabled", Version: info.Version}
	if info.Enabled {
		out.State = "enabled"
	}
	out.Status = out.State
	if info.MasterKey != nil {
		k := toKeyInfoWire(*info.MasterKey, true)
		out.MasterKeyInfo = &k
	}
	if info.RekeyHandle != 0 {
		h := int64(info.RekeyHandle)
		out.RekeyMasterKeyAsyncResultID = &h
	}
	return out, nil
}
