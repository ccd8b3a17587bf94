package api

import (
	"context"

	"github.com/element-emulator/element-emulator/cluster"
)

type createKeyPairParams struct {
	CommonName         *string `param:"commonName"`
	Organization       *string `param:"organization"`
	OrganizationalUnit *string `param:"organizationalUnit"`
	Locality           *string `param:"locality"`
	State              *string `param:"state"`
	Country            *string `param:"country"`
	EmailAddress       *string `param:"emailAddress"`
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func (s *Server) createPublicPrivateKeyPair(ctx context.Context, p createKeyPairParams) (empty, error) {
	if p.Country != nil && len(*p.Country) != 2 {
		return empty{}, cluster.ErrInvalidParam("country", "must be a two-letter country code")
	}
	return empty{}, s.cluster.CreateKeyPair(ctx, cluster.Subject{
		CommonName: deref(p.CommonName), Organization: deref(p.Organization), OrganizationalUnit: deref(p.OrganizationalUnit),
		Locality: deref(p.Locality), State: deref(p.State), Country: deref(p.Country), EmailAddress: deref(p.EmailAddress),
	})
}

func (s *Server) getClientCertificateSignRequest(ctx context.Context, _ noParams) (map[string]string, error) {
	csr, err := s.cluster.ClientCSR(ctx)
	if err != nil {
		return nil, err
	}
	return map[string]string{"clientCertificateSignRequest": csr}, nil
}

// keyServerWire is the KeyServerKmip object (docs/element-api.md, KMIP key
// servers).
type keyServerWire struct {
	KeyServerID                  int64    `json:"keyServerID"`
	KmipKeyServerName            string   `json:"kmipKeyServerName"`
	KmipKeyServerHostnames       []string `json:"kmipKeyServerHostnames"`
	KmipKeyServerPort            int      `json:"kmipKeyServerPort"`
	KmipCaCertificate            string   `json:"kmipCaCertificate"`
	KmipClientCertificate        string   `json:"kmipClientCertificate"`
	KeyProviderID                *int64   `json:"keyProviderID"`
	KmipAssignedProviderIsActive *bool    `json:"kmipAssignedProviderIsActive"`
}

func toKeyServerWire(v cluster.KeyServerView) keyServerWire {
	w := keyServerWire{KeyServerID: v.ID, KmipKeyServerName: v.Name, KmipKeyServerHostnames: v.Hostnames,
		KmipKeyServerPort: v.Port, KmipCaCertificate: v.CAPEM, KmipClientCertificate: v.ClientCertPEM,
		KmipAssignedProviderIsActive: v.ProviderActive}
	if w.KmipKeyServerHostnames == nil {
		w.KmipKeyServerHostnames = []string{}
	}
	if v.ProviderID != 0 {
		id := v.ProviderID
		w.KeyProviderID = &id
	}
	return w
}

type keyServerResult struct {
	KmipKeyServer keyServerWire `json:"kmipKeyServer"`
}

type createKeyServerParams struct {
	KmipCaCertificate      string   `param:"kmipCaCertificate,required"`
	KmipClientCertificate  string   `param:"kmipClientCertificate,required"`
	KmipKeyServerHostnames []string `param:"kmipKeyServerHostnames,required"`
	KmipKeyServerName      string   `param:"kmipKeyServerName,required"`
	KmipKeyServerPort      *int64   `param:"kmipKeyServerPort"`
}

func (s *Server) createKeyServerKmip(ctx context.Context, p createKeyServerParams) (keyServerResult, error) {
	hosts := p.KmipKeyServerHostnames
	if hosts == nil {
		hosts = []string{}
	}
	v, err := s.cluster.CreateKeyServer(ctx, cluster.KeyServerSpec{CAPEM: &p.KmipCaCertificate,
		ClientCertPEM: &p.KmipClientCertificate, Hostnames: hosts, Name: &p.KmipKeyServerName, Port: p.KmipKeyServerPort})
	if err != nil {
		return keyServerResult{}, err
	}
	return keyServerResult{toKeyServerWire(v)}, nil
}

type modifyKeyServerParams struct {
	KeyServerID            int64    `param:"keyServerID,required"`
	KmipCaCertificate      *string  `param:"kmipCaCertificate"`
	KmipClientCertificate  *string  `param:"kmipClientCertificate"`
	KmipKeyServerHostnames []string `param:"kmipKeyServerHostnames"`
	KmipKeyServerName      *string  `param:"kmipKeyServerName"`
	KmipKeyServerPort      *int64   `param:"kmipKeyServerPort"`
}

func (s *Server) modifyKeyServerKmip(ctx context.Context, p modifyKeyServerParams) (keyServerResult, error) {
	v, err := s.cluster.ModifyKeyServer(ctx, p.KeyServerID, cluster.KeyServerSpec{CAPEM: p.KmipCaCertificate,
		ClientCertPEM: p.KmipClientCertificate, Hostnames: p.KmipKeyServerHostnames, Name: p.KmipKeyServerName,
		Port: p.KmipKeyServerPort})
	if err != nil {
		return keyServerResult{}, err
	}
	return keyServerResult{toKeyServerWire(v)}, nil
}

type keyServerIDParams struct {
	KeyServerID int64 `param:"keyServerID,required"`
}

func (s *Server) deleteKeyServerKmip(ctx context.Context, p keyServerIDParams) (empty, error) {
	return empty{}, s.cluster.DeleteKeyServer(ctx, p.KeyServerID)
}

func (s *Server) getKeyServerKmip(ctx context.Context, p keyServerIDParams) (keyServerResult, error) {
	v, err := s.cluster.GetKeyServer(ctx, p.KeyServerID)
	if err != nil {
		return keyServerResult{}, err
	}
	return keyServerResult{toKeyServerWire(v)}, nil
}

type listKeyServersParams struct {
	KeyProviderID                *int64 `param:"keyProviderID"`
	KmipAssignedProviderIsActive *bool  `param:"kmipAssignedProviderIsActive"`
	KmipHasProviderAssigned      *bool  `param:"kmipHasProviderAssigned"`
}

func (s *Server) listKeyServersKmip(ctx context.Context, p listKeyServersParams) (map[string][]keyServerWire, error) {
	vs, err := s.cluster.ListKeyServers(ctx, cluster.KeyServerFilter{ProviderID: p.KeyProviderID,
		ProviderActive: p.KmipAssignedProviderIsActive, HasProvider: p.KmipHasProviderAssigned})
	if err != nil {
		return nil, err
	}
	out := make([]keyServerWire, 0, len(vs))
	for _, v := range vs {
		out = append(out, toKeyServerWire(v))
	}
	return map[string][]keyServerWire{"kmipKeyServers": out}, nil
}

func (s *Server) testKeyServerKmip(ctx context.Context, p keyServerIDParams) (empty, error) {
	return empty{}, s.cluster.TestKeyServer(ctx, p.KeyServerID)
}

// keyProviderWire is the KeyProviderKmip object (docs/element-api.md, KMIP
// key providers).
type keyProviderWire struct {
	KeyProviderID       int64   `json:"keyProviderID"`
	KeyProviderName     string  `json:"keyProviderName"`
	KeyProviderIsActive bool    `json:"keyProviderIsActive"`
	KeyServerIDs        []int64 `json:"keyServerIDs"`
	KmipCapabilities    string  `json:"kmipCapabilities"`
}

func toKeyProviderWire(v cluster.KeyProviderView) keyProviderWire {
	ids := v.ServerIDs
	if ids == nil {
		ids = []int64{}
	}
	return keyProviderWire{KeyProviderID: v.ID, KeyProviderName: v.Name, KeyProviderIsActive: v.Active,
		KeyServerIDs: ids, KmipCapabilities: "SSL"}
}

type keyProviderResult struct {
	KmipKeyProvider keyProviderWire `json:"kmipKeyProvider"`
}

type createKeyProviderParams struct {
	KeyProviderName string `param:"keyProviderName,required"`
}

func (s *Server) createKeyProviderKmip(ctx context.Context, p createKeyProviderParams) (keyProviderResult, error) {
	v, err := s.cluster.CreateKeyProvider(ctx, p.KeyProviderName)
	if err != nil {
		return keyProviderResult{}, err
	}
	return keyProviderResult{toKeyProviderWire(v)}, nil
}

type keyProviderIDParams struct {
	KeyProviderID int64 `param:"keyProviderID,required"`
}

func (s *Server) deleteKeyProviderKmip(ctx context.Context, p keyProviderIDParams) (empty, error) {
	return empty{}, s.cluster.DeleteKeyProvider(ctx, p.KeyProviderID)
}

func (s *Server) getKeyProviderKmip(ctx context.Context, p keyProviderIDParams) (keyProviderResult, error) {
	v, err := s.cluster.GetKeyProvider(ctx, p.KeyProviderID)
	if err != nil {
		return keyProviderResult{}, err
	}
	return keyProviderResult{toKeyProviderWire(v)}, nil
}

type listKeyProvidersParams struct {
	KeyProviderIsActive              *bool `param:"keyProviderIsActive"`
	KmipKeyProviderHasServerAssigned *bool `param:"kmipKeyProviderHasServerAssigned"`
}

func (s *Server) listKeyProvidersKmip(ctx context.Context, p listKeyProvidersParams) (map[string][]keyProviderWire, error) {
	vs, err := s.cluster.ListKeyProviders(ctx, cluster.KeyProviderFilter{Active: p.KeyProviderIsActive,
		HasServer: p.KmipKeyProviderHasServerAssigned})
	if err != nil {
		return nil, err
	}
	out := make([]keyProviderWire, 0, len(vs))
	for _, v := range vs {
		out = append(out, toKeyProviderWire(v))
	}
	return map[string][]keyProviderWire{"kmipKeyProviders": out}, nil
}

func (s *Server) testKeyProviderKmip(ctx context.Context, p keyProviderIDParams) (empty, error) {
	return empty{}, s.cluster.TestKeyProvider(ctx, p.KeyProviderID)
}

type providerServerParams struct {
	KeyProviderID int64 `param:"keyProviderID,required"`
	KeyServerID   int64 `param:"keyServerID,required"`
}

func (s *Server) addKeyServerToProviderKmip(ctx context.Context, p providerServerParams) (empty, error) {
	return empty{}, s.cluster.AddKeyServerToProvider(ctx, p.KeyProviderID, p.KeyServerID)
}

func (s *Server) removeKeyServerFromProviderKmip(ctx context.Context, p keyServerIDParams) (empty, error) {
	return empty{}, s.cluster.RemoveKeyServerFromProvider(ctx, p.KeyServerID)
}
