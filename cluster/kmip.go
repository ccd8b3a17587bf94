package cluster

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ---------------------------------------------------------------------------
// Trust relationship: key pair and CSR (docs/element-api.md, KMIP trust
// relationship)

// CreateKeyPair generates a new RSA-2048 client key pair with the given
// subject, replacing any earlier pair (D16). An empty CommonName defaults to
// the cluster name.
func (c *Cluster) CreateKeyPair(ctx context.Context, subj Subject) error {
	key, err := rsa.GenerateKey(c.rand, 2048)
	if err != nil {
		return err
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	pemKey := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	return c.update(ctx, func(tx Tx, now time.Time) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		if subj.CommonName == "" {
			subj.CommonName = st.Name
		}
		if err := tx.PutKeyPair(ctx, KeyPair{Subject: subj, PrivateKey: pemKey, Created: now}); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, "CreatePublicPrivateKeyPair")
	})
}

var (
	oidEmailAddress = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1}
	oidKeyUsage     = asn1.ObjectIdentifier{2, 5, 29, 15}
	oidExtKeyUsage  = asn1.ObjectIdentifier{2, 5, 29, 37}
	oidClientAuth   = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 2}
)

// ClientCSR returns the PEM PKCS#10 request for the current key pair:
// stored subject, SHA-256/RSA, critical keyUsage digitalSignature +
// keyEncipherment, extendedKeyUsage clientAuth.
func (c *Cluster) ClientCSR(ctx context.Context) (string, error) {
	var kp KeyPair
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		var err error
		kp, err = tx.KeyPair(ctx)
		if errors.Is(err, ErrNotFound) {
			return ErrNoKeyPair()
		}
		return err
	})
	if err != nil {
		return "", err
	}
	block, _ := pem.Decode(kp.PrivateKey)
	if block == nil {
		return "", errors.New("stored key pair is not PEM")
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return "", err
	}
	name := pkix.Name{CommonName: kp.Subject.CommonName}
	add := func(dst *[]string, v string) {
		if v != "" {
			*dst = []string{v}
		}
	}
	add(&name.Organization, kp.Subject.Organization)
	add(&name.OrganizationalUnit, kp.Subject.OrganizationalUnit)
	add(&name.Locality, kp.Subject.Locality)
	add(&name.Province, kp.Subject.State)
	add(&name.Country, kp.Subject.Country)
	if kp.Subject.EmailAddress != "" {
		name.ExtraNames = append(name.ExtraNames, pkix.AttributeTypeAndValue{Type: oidEmailAddress, Value: kp.Subject.EmailAddress})
	}
	// keyUsage: digitalSignature (bit 0) + keyEncipherment (bit 2).
	ku, err := asn1.Marshal(asn1.BitString{Bytes: []byte{0xa0}, BitLength: 3})
	if err != nil {
		return "", err
	}
	eku, err := asn1.Marshal([]asn1.ObjectIdentifier{oidClientAuth})
	if err != nil {
		return "", err
	}
	tmpl := &x509.CertificateRequest{
		Subject:            name,
		SignatureAlgorithm: x509.SHA256WithRSA,
		ExtraExtensions: []pkix.Extension{
			{Id: oidKeyUsage, Critical: true, Value: ku},
			{Id: oidExtKeyUsage, Value: eku},
		},
	}
	der, err := x509.CreateCertificateRequest(c.rand, tmpl, key)
	if err != nil {
		return "", err
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der})), nil
}

// ---------------------------------------------------------------------------
// Key servers (docs/element-api.md, KMIP key servers)

// KeyServerView is a key server with its provider's derived active flag.
type KeyServerView struct {
	KMIPServer
	// ProviderActive is nil when the server is unassigned.
	ProviderActive *bool
}

// KeyServerSpec holds the fields of CreateKeyServerKmip/ModifyKeyServerKmip;
// nil means "not supplied".
type KeyServerSpec struct {
	CAPEM         *string
	ClientCertPEM *string
	Hostnames     []string
	Name          *string
	Port          *int64

	// caExpires and certExpires are CertExpiry of CAPEM and ClientCertPEM,
	// noted by validate from the certificates it parsed, so apply does not
	// parse them again.
	caExpires, certExpires *time.Time
}

// checkCerts parses the certificate fields (D15) and returns their
// earliest expiry (CertExpiry of text, when it passes).
func checkCerts(param, text string, min int) (time.Time, error) {
	rest := []byte(strings.TrimSpace(text))
	n := 0
	var earliest time.Time
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			return time.Time{}, ErrInvalidParam(param, fmt.Sprintf("PEM block %d is %q, expected CERTIFICATE", n+1, b.Type))
		}
		cert, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return time.Time{}, ErrInvalidParam(param, fmt.Sprintf("certificate %d does not parse: %v", n+1, err))
		}
		if earliest.IsZero() || cert.NotAfter.Before(earliest) {
			earliest = cert.NotAfter
		}
		n++
	}
	if n < min {
		return time.Time{}, ErrInvalidParam(param, "not a PEM-encoded X.509 certificate (expected -----BEGIN CERTIFICATE-----)")
	}
	if len(strings.TrimSpace(string(rest))) > 0 {
		return time.Time{}, ErrInvalidParam(param, "unexpected text after the last PEM certificate")
	}
	return earliest, nil
}

// validate checks every supplied field in table order.
func (s *KeyServerSpec) validate() error {
	if s.CAPEM != nil {
		exp, err := checkCerts("kmipCaCertificate", *s.CAPEM, 1)
		if err != nil {
			return err
		}
		s.caExpires = &exp
	}
	if s.ClientCertPEM != nil {
		exp, err := checkCerts("kmipClientCertificate", *s.ClientCertPEM, 1)
		if err != nil {
			return err
		}
		s.certExpires = &exp
	}
	if s.Hostnames != nil {
		if len(s.Hostnames) == 0 {
			return ErrInvalidParam("kmipKeyServerHostnames", "at least one hostname is required")
		}
		for i, h := range s.Hostnames {
			if strings.TrimSpace(h) == "" {
				return ErrInvalidParam("kmipKeyServerHostnames", fmt.Sprintf("hostname %d is empty", i+1))
			}
		}
	}
	if s.Name != nil && strings.TrimSpace(*s.Name) == "" {
		return ErrInvalidParam("kmipKeyServerName", "must not be empty")
	}
	if s.Port != nil && (*s.Port < 1 || *s.Port > 65535) {
		return ErrInvalidParam("kmipKeyServerPort", fmt.Sprintf("%d is outside 1-65535", *s.Port))
	}
	return nil
}

func (s KeyServerSpec) empty() bool {
	return s.CAPEM == nil && s.ClientCertPEM == nil && s.Hostnames == nil && s.Name == nil && s.Port == nil
}

func (s KeyServerSpec) apply(ks KMIPServer) KMIPServer {
	if s.CAPEM != nil {
		ks.CAPEM = *s.CAPEM
	}
	if s.ClientCertPEM != nil {
		ks.ClientCertPEM = *s.ClientCertPEM
	}
	if s.Hostnames != nil {
		ks.Hostnames = append([]string(nil), s.Hostnames...)
	}
	if s.Name != nil {
		ks.Name = *s.Name
	}
	if s.Port != nil {
		ks.Port = int(*s.Port)
	}
	switch {
	case s.CAPEM != nil && s.caExpires != nil:
		ks.CAExpires = *s.caExpires
	case s.CAPEM != nil || ks.CAExpires.IsZero():
		ks.CAExpires = CertExpiry(ks.CAPEM)
	}
	switch {
	case s.ClientCertPEM != nil && s.certExpires != nil:
		ks.CertExpires = *s.certExpires
	case s.ClientCertPEM != nil || ks.CertExpires.IsZero():
		ks.CertExpires = CertExpiry(ks.ClientCertPEM)
	}
	return ks
}

// CreateKeyServer stores a new, unassigned key server. It never contacts
// the server (D12).
func (c *Cluster) CreateKeyServer(ctx context.Context, s KeyServerSpec) (KeyServerView, error) {
	if s.Port == nil {
		p := int64(5696)
		s.Port = &p
	}
	if err := s.validate(); err != nil {
		return KeyServerView{}, err
	}
	var out KeyServerView
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		id, err := tx.NextID(ctx, "keyServer")
		if err != nil {
			return err
		}
		ks := s.apply(KMIPServer{ID: id})
		if err := tx.PutKeyServer(ctx, ks); err != nil {
			return err
		}
		out = KeyServerView{KMIPServer: ks}
		return c.apiEvent(ctx, tx, now, "CreateKeyServerKmip")
	})
	return out, err
}

// ModifyKeyServer replaces the supplied fields. A server of an active
// provider is first contacted with the new values and every key the cluster
// holds there is read back (D12); a failure changes nothing.
func (c *Cluster) ModifyKeyServer(ctx context.Context, id int64, s KeyServerSpec) (KeyServerView, error) {
	if err := s.validate(); err != nil {
		return KeyServerView{}, err
	}
	if s.empty() {
		return c.GetKeyServer(ctx, id) // only keyServerID: a no-op (docs/element-api.md)
	}
	if err := c.trySettle(ctx); err != nil {
		return KeyServerView{}, err
	}
	// Read what is needed for the contact, then contact outside any transaction.
	var t KeyServerTarget
	var mustContact bool
	var uids [][2]string
	err := c.store.View(ctx, func(tx Tx) error {
		ks, err := tx.KeyServer(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return ErrKeyServerID(id)
		}
		if err != nil {
			return err
		}
		active, err := c.activeProviders(ctx, tx)
		if err != nil {
			return err
		}
		if ks.ProviderID == 0 || !active[ks.ProviderID] {
			return nil
		}
		mustContact = true
		if t, err = c.target(ctx, tx, s.apply(ks), c.now()); err != nil {
			return err
		}
		keys, err := tx.Keys(ctx)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if k.Type == External && k.ServerID == id && k.Status != KeyDecommissioned {
				uids = append(uids, [2]string{k.UID, k.KeyID})
			}
		}
		return nil
	})
	if err != nil {
		return KeyServerView{}, err
	}
	if mustContact {
		err := c.probe(ctx, t)
		for _, u := range uids {
			if err != nil {
				break
			}
			err = c.contact(ctx, t, "Get", func() error { _, err := c.keys.GetKey(ctx, t, u[0], u[1]); return err })
		}
		if err != nil {
			return KeyServerView{}, kmipError(err)
		}
	}
	var out KeyServerView
	err = c.commit(ctx, time.Time{}, func(tx Tx) error {
		now := c.now()
		ks, err := tx.KeyServer(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return ErrKeyServerID(id)
		}
		if err != nil {
			return err
		}
		ks = s.apply(ks)
		if err := tx.PutKeyServer(ctx, ks); err != nil {
			return err
		}
		if mustContact {
			if err := c.resolveKMIPFault(ctx, tx, id, now); err != nil {
				return err
			}
		}
		if out, err = c.serverView(ctx, tx, ks); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, "ModifyKeyServerKmip")
	})
	return out, err
}

// DeleteKeyServer deletes a key server unless it is the last server of an
// active provider.
func (c *Cluster) DeleteKeyServer(ctx context.Context, id int64) error {
	return c.update(ctx, func(tx Tx, now time.Time) error {
		pid, err := tx.KeyServerProvider(ctx, id) // the certificates are not needed
		if errors.Is(err, ErrNotFound) {
			return ErrKeyServerID(id)
		}
		if err != nil {
			return err
		}
		if err := c.checkNotLastOfActive(ctx, tx, id, pid); err != nil {
			return err
		}
		if err := tx.DeleteKeyServer(ctx, id); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, "DeleteKeyServerKmip")
	})
}

// checkNotLastOfActive refuses to take key server id out of provider
// providerID (0 for none) when that provider is active.
func (c *Cluster) checkNotLastOfActive(ctx context.Context, tx Tx, id, providerID int64) error {
	if providerID == 0 {
		return nil
	}
	active, err := c.activeProviders(ctx, tx)
	if err != nil {
		return err
	}
	if active[providerID] {
		return ErrNotPermitted("Key server %d is the last server of active key provider %d.", id, providerID)
	}
	return nil
}

// GetKeyServer returns one key server.
func (c *Cluster) GetKeyServer(ctx context.Context, id int64) (KeyServerView, error) {
	var out KeyServerView
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		ks, err := tx.KeyServer(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return ErrKeyServerID(id)
		}
		if err != nil {
			return err
		}
		out, err = c.serverView(ctx, tx, ks)
		return err
	})
	return out, err
}

// KeyServerFilter holds ListKeyServersKmip's optional filters.
type KeyServerFilter struct {
	ProviderID     *int64
	ProviderActive *bool
	HasProvider    *bool
}

// ListKeyServers returns the key servers matching every supplied filter.
func (c *Cluster) ListKeyServers(ctx context.Context, f KeyServerFilter) ([]KeyServerView, error) {
	out := []KeyServerView{}
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		all, err := tx.KeyServers(ctx)
		if err != nil {
			return err
		}
		active, err := c.activeProviders(ctx, tx)
		if err != nil {
			return err
		}
		for _, ks := range all {
			if f.ProviderID != nil && ks.ProviderID != *f.ProviderID {
				continue
			}
			if f.HasProvider != nil && (ks.ProviderID != 0) != *f.HasProvider {
				continue
			}
			if f.ProviderActive != nil && (ks.ProviderID == 0 || active[ks.ProviderID] != *f.ProviderActive) {
				continue
			}
			out = append(out, viewOf(ks, active))
		}
		return nil
	})
	return out, err
}

func viewOf(ks KMIPServer, active map[int64]bool) KeyServerView {
	v := KeyServerView{KMIPServer: ks}
	if ks.ProviderID != 0 {
		a := active[ks.ProviderID]
		v.ProviderActive = &a
	}
	return v
}

func (c *Cluster) serverView(ctx context.Context, tx Tx, ks KMIPServer) (KeyServerView, error) {
	active, err := c.activeProviders(ctx, tx)
	if err != nil {
		return KeyServerView{}, err
	}
	return viewOf(ks, active), nil
}

// TestKeyServer probes a key server (D44: never raises a fault; success
// resolves the server's open kmipServerFault).
func (c *Cluster) TestKeyServer(ctx context.Context, id int64) error {
	if err := c.trySettle(ctx); err != nil {
		return err
	}
	var t KeyServerTarget
	err := c.store.View(ctx, func(tx Tx) error {
		ks, err := tx.KeyServer(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return ErrKeyServerID(id)
		}
		if err != nil {
			return err
		}
		t, err = c.target(ctx, tx, ks, c.now())
		return err
	})
	if err != nil {
		return err
	}
	if err := c.probe(ctx, t); err != nil {
		return kmipError(err)
	}
	return c.commit(ctx, time.Time{}, func(tx Tx) error { return c.resolveKMIPFault(ctx, tx, id, c.now()) })
}

// ---------------------------------------------------------------------------
// Key providers (docs/element-api.md, KMIP key providers)

// KeyProviderView is a provider with its derived fields.
type KeyProviderView struct {
	KMIPProvider
	Active    bool
	ServerIDs []int64
}

// activeProviders derives every provider's active flag (D17).
func (c *Cluster) activeProviders(ctx context.Context, tx Tx) (map[int64]bool, error) {
	active := map[int64]bool{}
	st, err := tx.State(ctx)
	if err != nil {
		return nil, err
	}
	if st.EAR != EARDisabled && st.EARProviderID != 0 {
		active[st.EARProviderID] = true
	}
	keys, err := tx.Keys(ctx)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if k.Purpose == PurposeMaster && k.Status == KeyCurrent && k.Type == External {
			active[k.ProviderID] = true
		}
	}
	jobs, err := tx.Jobs(ctx)
	if err != nil {
		return nil, err
	}
	for _, j := range jobs {
		if j.ResultType != ResultTypeRekey || j.Done() {
			continue
		}
		var d rekeyData
		if err := json.Unmarshal(j.Data, &d); err != nil {
			return nil, err
		}
		if d.New.Type == External {
			active[d.New.ProviderID] = true
		}
	}
	return active, nil
}

func providerView(p KMIPProvider, servers []KeyServerCerts, active map[int64]bool) KeyProviderView {
	v := KeyProviderView{KMIPProvider: p, Active: active[p.ID], ServerIDs: []int64{}}
	for _, ks := range servers {
		if ks.ProviderID == p.ID {
			v.ServerIDs = append(v.ServerIDs, ks.ID)
		}
	}
	return v
}

// CreateKeyProvider creates an empty, inactive provider.
func (c *Cluster) CreateKeyProvider(ctx context.Context, name string) (KeyProviderView, error) {
	if strings.TrimSpace(name) == "" {
		return KeyProviderView{}, ErrInvalidParam("keyProviderName", "must not be empty")
	}
	var out KeyProviderView
	err := c.update(ctx, func(tx Tx, now time.Time) error {
		id, err := tx.NextID(ctx, "keyProvider")
		if err != nil {
			return err
		}
		p := KMIPProvider{ID: id, Name: name}
		if err := tx.PutKeyProvider(ctx, p); err != nil {
			return err
		}
		out = KeyProviderView{KMIPProvider: p, ServerIDs: []int64{}}
		return c.apiEvent(ctx, tx, now, "CreateKeyProviderKmip")
	})
	return out, err
}

// DeleteKeyProvider deletes an inactive provider, unassigning its server (D14).
func (c *Cluster) DeleteKeyProvider(ctx context.Context, id int64) error {
	return c.update(ctx, func(tx Tx, now time.Time) error {
		if _, err := c.provider(ctx, tx, id); err != nil {
			return err
		}
		active, err := c.activeProviders(ctx, tx)
		if err != nil {
			return err
		}
		if active[id] {
			return ErrNotPermitted("Key provider %d is active and cannot be deleted.", id)
		}
		servers, err := tx.AssignedKeyServers(ctx)
		if err != nil {
			return err
		}
		for _, ks := range servers {
			if ks.ProviderID == id {
				ks.ProviderID = 0
				if err := tx.PutKeyServer(ctx, ks); err != nil {
					return err
				}
			}
		}
		if err := tx.DeleteKeyProvider(ctx, id); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, "DeleteKeyProviderKmip")
	})
}

func (c *Cluster) provider(ctx context.Context, tx Tx, id int64) (KMIPProvider, error) {
	p, err := tx.KeyProvider(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return p, ErrKeyProviderID(id)
	}
	return p, err
}

// GetKeyProvider returns one provider.
func (c *Cluster) GetKeyProvider(ctx context.Context, id int64) (KeyProviderView, error) {
	var out KeyProviderView
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		p, err := c.provider(ctx, tx, id)
		if err != nil {
			return err
		}
		active, err := c.activeProviders(ctx, tx)
		if err != nil {
			return err
		}
		servers, err := tx.AssignedKeyServerCerts(ctx)
		if err != nil {
			return err
		}
		out = providerView(p, servers, active)
		return nil
	})
	return out, err
}

// KeyProviderFilter holds ListKeyProvidersKmip's optional filters.
type KeyProviderFilter struct {
	Active    *bool
	HasServer *bool
}

// ListKeyProviders returns the providers matching every supplied filter.
func (c *Cluster) ListKeyProviders(ctx context.Context, f KeyProviderFilter) ([]KeyProviderView, error) {
	out := []KeyProviderView{}
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		all, err := tx.KeyProviders(ctx)
		if err != nil {
			return err
		}
		active, err := c.activeProviders(ctx, tx)
		if err != nil {
			return err
		}
		servers, err := tx.AssignedKeyServerCerts(ctx)
		if err != nil {
			return err
		}
		for _, p := range all {
			v := providerView(p, servers, active)
			if f.Active != nil && v.Active != *f.Active {
				continue
			}
			if f.HasServer != nil && (len(v.ServerIDs) > 0) != *f.HasServer {
				continue
			}
			out = append(out, v)
		}
		return nil
	})
	return out, err
}

// providerServer returns the (single, D13) server of provider id.
func providerServer(ctx context.Context, tx Tx, id int64) (KMIPServer, bool, error) {
	servers, err := tx.AssignedKeyServers(ctx)
	if err != nil {
		return KMIPServer{}, false, err
	}
	for _, ks := range servers {
		if ks.ProviderID == id {
			return ks, true, nil
		}
	}
	return KMIPServer{}, false, nil
}

// TestKeyProvider probes every server of the provider (D44).
func (c *Cluster) TestKeyProvider(ctx context.Context, id int64) error {
	if err := c.trySettle(ctx); err != nil {
		return err
	}
	var targets []KeyServerTarget
	err := c.store.View(ctx, func(tx Tx) error {
		if _, err := c.provider(ctx, tx, id); err != nil {
			return err
		}
		servers, err := tx.AssignedKeyServers(ctx)
		if err != nil {
			return err
		}
		for _, ks := range servers {
			if ks.ProviderID != id {
				continue
			}
			t, err := c.target(ctx, tx, ks, c.now())
			if err != nil {
				return err
			}
			targets = append(targets, t)
		}
		if len(targets) == 0 {
			return ErrProviderHasNoServer(id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range targets {
		if err := c.probe(ctx, t); err != nil {
			return kmipError(err)
		}
	}
	return c.commit(ctx, time.Time{}, func(tx Tx) error {
		for _, t := range targets {
			if err := c.resolveKMIPFault(ctx, tx, t.KeyServerID, c.now()); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddKeyServerToProvider assigns a server to a provider after a successful
// probe (D12, D13).
func (c *Cluster) AddKeyServerToProvider(ctx context.Context, providerID, serverID int64) error {
	if err := c.trySettle(ctx); err != nil {
		return err
	}
	check := func(tx Tx) (KMIPServer, bool, error) {
		if _, err := c.provider(ctx, tx, providerID); err != nil {
			return KMIPServer{}, false, err
		}
		ks, err := tx.KeyServer(ctx, serverID)
		if errors.Is(err, ErrNotFound) {
			return ks, false, ErrKeyServerID(serverID)
		}
		if err != nil {
			return ks, false, err
		}
		if ks.ProviderID == providerID {
			return ks, true, nil // already there: no-op, no contact
		}
		if ks.ProviderID != 0 {
			return ks, false, ErrNotPermitted("Key server %d is already assigned to key provider %d.", serverID, ks.ProviderID)
		}
		if _, has, err := providerServer(ctx, tx, providerID); err != nil {
			return ks, false, err
		} else if has {
			return ks, false, ErrNotPermitted("Key provider %d already has a key server; only one is supported.", providerID)
		}
		return ks, false, nil
	}
	var t KeyServerTarget
	var noop bool
	err := c.store.View(ctx, func(tx Tx) error {
		ks, n, err := check(tx)
		if err != nil || n {
			noop = n
			return err
		}
		t, err = c.target(ctx, tx, ks, c.now())
		return err
	})
	if err != nil || noop {
		return err
	}
	if err := c.probe(ctx, t); err != nil {
		return kmipError(err)
	}
	return c.commit(ctx, time.Time{}, func(tx Tx) error {
		now := c.now()
		ks, n, err := check(tx)
		if err != nil || n {
			return err
		}
		ks.ProviderID = providerID
		if err := tx.PutKeyServer(ctx, ks); err != nil {
			return err
		}
		if err := c.resolveKMIPFault(ctx, tx, serverID, now); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, "AddKeyServerToProviderKmip")
	})
}

// RemoveKeyServerFromProvider unassigns a server.
func (c *Cluster) RemoveKeyServerFromProvider(ctx context.Context, serverID int64) error {
	return c.update(ctx, func(tx Tx, now time.Time) error {
		ks, err := tx.KeyServer(ctx, serverID)
		if errors.Is(err, ErrNotFound) {
			return ErrKeyServerID(serverID)
		}
		if err != nil {
			return err
		}
		if ks.ProviderID == 0 {
			return nil
		}
		if err := c.checkNotLastOfActive(ctx, tx, ks.ID, ks.ProviderID); err != nil {
			return err
		}
		ks.ProviderID = 0
		if err := tx.PutKeyServer(ctx, ks); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, "RemoveKeyServerFromProviderKmip")
	})
}
