package api

import (
	"context"

	"github.com/element-emulator/element-emulator/cluster"
)

type enableEARParams struct {
	KeyProviderID *int64 `param:"keyProviderID" since:"11.7"`
}

func (s *Server) enableEncryptionAtRest(ctx context.Context, p enableEARParams) (empty, error) {
	return empty{}, s.cluster.EnableEncryptionAtRest(ctx, p.KeyProviderID)
}

func (s *Server) disableEncryptionAtRest(ctx context.Context, _ noParams) (empty, error) {
	return empty{}, s.cluster.DisableEncryptionAtRest(ctx)
}

// earInfoWire is GetEncryptionAtRestInfo: the flat 12.x shape plus the
// older nested encryptionAtRestInfo object (D20).
type earInfoWire struct {
	AuthenticationKeyInfo *keyInfoWire  `json:"authenticationKeyInfo,omitempty"`
	EncryptionAtRestInfo  earNestedWire `json:"encryptionAtRestInfo"`
	State                 string        `json:"state"`
}

type earNestedWire struct {
	GenerationNumber         int    `json:"generationNumber"`
	NextGenerationToStore    int    `json:"nextGenerationToStore"`
	PasswordCreatedTimestamp int64  `json:"passwordCreatedTimestamp"`
	RedistributionCount      int    `json:"redistributionCount"`
	State                    string `json:"state"`
	SecureEnableRequired     bool   `json:"secureEnableRequired"`
}

func (s *Server) getEncryptionAtRestInfo(ctx context.Context, _ noParams) (earInfoWire, error) {
	info, err := s.cluster.EncryptionAtRestInfo(ctx)
	if err != nil {
		return earInfoWire{}, err
	}
	out := earInfoWire{State: string(info.State), EncryptionAtRestInfo: earNestedWire{
		GenerationNumber: info.Generation, NextGenerationToStore: info.Generation + 1, State: string(info.State),
		SecureEnableRequired: info.State == cluster.EAREnabling || info.State == cluster.EAREnabled,
	}}
	if info.Key != nil {
		k := toKeyInfoWire(*info.Key, !info.KeyCreated.IsZero())
		out.AuthenticationKeyInfo = &k
		if !info.KeyCreated.IsZero() {
			out.EncryptionAtRestInfo.PasswordCreatedTimestamp = info.KeyCreated.Unix()
		}
	}
	return out, nil
}
