package kmip

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strings"
	"time"
)

// CA is the embedded certificate authority (docs/kmip.md, the embedded CA). It
// signs the cluster's CSRs and the server leaf used by the KMIP and HTTPS
// listeners.
type CA struct {
	st   Store
	cert *x509.Certificate
	key  crypto.Signer
	pem  string
}

const (
	caValidity     = 10 * 365 * 24 * time.Hour
	leafValidity   = 2 * 365 * 24 * time.Hour
	backdate       = time.Hour
	defaultCertDay = 365
)

// LoadOrCreateCA loads the CA from st, creating it at the first start. now is
// the emulator clock; the CA is valid at both real and emulator time.
func LoadOrCreateCA(ctx context.Context, st Store, now time.Time) (*CA, error) {
	rec, err := st.KMIPCA(ctx)
	if errors.Is(err, ErrNotFound) {
		rec, err = newCARecord(now)
		if err != nil {
			return nil, err
		}
		err = st.CreateKMIPCA(ctx, rec)
		if errors.Is(err, ErrExists) {
			rec, err = st.KMIPCA(ctx)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("kmip ca: %w", err)
	}
	return caFromRecord(st, rec)
}

func newCARecord(now time.Time) (CARecord, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return CARecord{}, err
	}
	var tag [4]byte
	if _, err := rand.Read(tag[:]); err != nil {
		return CARecord{}, err
	}
	nb, na := validity(now, caValidity)
	tpl := &x509.Certificate{
		SerialNumber:          randomSerial(),
		Subject:               pkix.Name{CommonName: "Element Emulator KMIP CA " + hex.EncodeToString(tag[:])},
		NotBefore:             nb,
		NotAfter:              na,
		IsCA:                  true,
		BasicConstraintsValid: true,
		MaxPathLen:            0,
		MaxPathLenZero:        true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, key.Public(), key)
	if err != nil {
		return CARecord{}, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return CARecord{}, err
	}
	return CARecord{CertPEM: pemCert(der), KeyDER: keyDER, NotAfter: na}, nil
}

func caFromRecord(st Store, rec CARecord) (*CA, error) {
	block, _ := pem.Decode([]byte(rec.CertPEM))
	if block == nil {
		return nil, errors.New("kmip ca: stored certificate is not PEM")
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("kmip ca: %w", err)
	}
	k, err := x509.ParsePKCS8PrivateKey(rec.KeyDER)
	if err != nil {
		return nil, fmt.Errorf("kmip ca key: %w", err)
	}
	signer, ok := k.(crypto.Signer)
	if !ok {
		return nil, errors.New("kmip ca key: not a signer")
	}
	return &CA{st: st, cert: cert, key: signer, pem: rec.CertPEM}, nil
}

// validity covers both real now and the emulator's now: NotBefore is the
// earlier minus one hour, NotAfter the later plus d.
func validity(now time.Time, d time.Duration) (time.Time, time.Time) {
	wall := time.Now() // real time on purpose: external peers check with it
	early, late := now, now
	if wall.Before(early) {
		early = wall
	}
	if wall.After(late) {
		late = wall
	}
	return early.Add(-backdate).UTC().Truncate(time.Second), late.Add(d).UTC().Truncate(time.Second)
}

func randomSerial() *big.Int {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[0] &= 0x7f
	n := new(big.Int).SetBytes(b)
	if n.Sign() == 0 {
		n.SetInt64(1)
	}
	return n
}

func pemCert(der []byte) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

// CertPEM returns the CA certificate (the value for kmipCaCertificate).
func (ca *CA) CertPEM() string { return ca.pem }

// Certificate returns the parsed CA certificate.
func (ca *CA) Certificate() *x509.Certificate { return ca.cert }

// SignCSR signs a PEM CSR as a client certificate: subject and SANs from the
// CSR, EKU clientAuth only, validity from now-1h (emulator clock) for days
// (365 when days <= 0). The issued certificate is recorded in the store.
func (ca *CA) SignCSR(ctx context.Context, csrPEM string, days int, now time.Time) (string, error) {
	block, _ := pem.Decode([]byte(csrPEM))
	if block == nil {
		return "", errors.New("csr: no PEM block found")
	}
	if block.Type != "CERTIFICATE REQUEST" && block.Type != "NEW CERTIFICATE REQUEST" {
		return "", fmt.Errorf("csr: PEM block is %q, want CERTIFICATE REQUEST", block.Type)
	}
	csr, err := x509.ParseCertificateRequest(block.Bytes)
	if err != nil {
		return "", fmt.Errorf("csr: cannot parse: %v", err)
	}
	if err := csr.CheckSignature(); err != nil {
		return "", fmt.Errorf("csr: signature does not verify: %v", err)
	}
	ku := x509.KeyUsageDigitalSignature
	switch pub := csr.PublicKey.(type) {
	case *rsa.PublicKey:
		if pub.N.BitLen() < 2048 {
			return "", fmt.Errorf("csr: RSA key of %d bits, need at least 2048", pub.N.BitLen())
		}
		ku |= x509.KeyUsageKeyEncipherment
	case *ecdsa.PublicKey:
		if pub.Curve != elliptic.P256() && pub.Curve != elliptic.P384() {
			return "", fmt.Errorf("csr: ECDSA curve %s not accepted, use P-256 or P-384", pub.Curve.Params().Name)
		}
	default:
		return "", fmt.Errorf("csr: unsupported public key type %T", csr.PublicKey)
	}
	if days <= 0 {
		days = defaultCertDay
	}
	nb := now.Add(-backdate).UTC().Truncate(time.Second)
	na := now.Add(time.Duration(days) * 24 * time.Hour).UTC().Truncate(time.Second)
	tpl := &x509.Certificate{
		SerialNumber:   randomSerial(),
		Subject:        csr.Subject,
		NotBefore:      nb,
		NotAfter:       na,
		KeyUsage:       ku,
		ExtKeyUsage:    []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
		DNSNames:       csr.DNSNames,
		IPAddresses:    csr.IPAddresses,
		EmailAddresses: csr.EmailAddresses,
		URIs:           csr.URIs,
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, ca.cert, csr.PublicKey, ca.key)
	if err != nil {
		return "", fmt.Errorf("csr: signing failed: %v", err)
	}
	out := pemCert(der)
	err = ca.st.AddKMIPIssuedCert(ctx, IssuedCert{
		Serial:    hex.EncodeToString(tpl.SerialNumber.Bytes()),
		Subject:   csr.Subject.String(),
		NotBefore: nb,
		NotAfter:  na,
		CertPEM:   out,
		IssuedAt:  now.UTC(),
	})
	if err != nil {
		return "", err
	}
	return out, nil
}

// IssuedCerts lists the client certificates this CA signed, oldest first.
func (ca *CA) IssuedCerts(ctx context.Context) ([]IssuedCert, error) {
	return ca.st.KMIPIssuedCerts(ctx)
}

// IssueServerCert returns an ECDSA P-256 leaf with EKU serverAuth for sans
// (IP addresses and DNS names), valid at both real time and now (the
// emulator clock), from the earlier minus 1 h to the later plus 2 years.
func (ca *CA) IssueServerCert(sans []string, now time.Time) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	nb, na := validity(now, leafValidity)
	return ca.issueLeaf(key, sans, nb, na, x509.ExtKeyUsageServerAuth)
}

// IssueServerCertRSA is IssueServerCert with an RSA-2048 key
// (-kmip-server-key rsa).
func (ca *CA) IssueServerCertRSA(sans []string, now time.Time) (tls.Certificate, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return tls.Certificate{}, err
	}
	nb, na := validity(now, leafValidity)
	return signLeaf(ca.cert, ca.key, key, sans, nb, na, x509.ExtKeyUsageServerAuth)
}

func (ca *CA) issueLeaf(key crypto.Signer, sans []string, nb, na time.Time, eku x509.ExtKeyUsage) (tls.Certificate, error) {
	return signLeaf(ca.cert, ca.key, key, sans, nb, na, eku)
}

func signLeaf(parent *x509.Certificate, parentKey crypto.Signer, key crypto.Signer, sans []string, nb, na time.Time, eku x509.ExtKeyUsage) (tls.Certificate, error) {
	ku := x509.KeyUsageDigitalSignature
	if _, ok := key.(*rsa.PrivateKey); ok {
		ku |= x509.KeyUsageKeyEncipherment // static-RSA key exchange (legacy suites)
	}
	tpl := &x509.Certificate{
		SerialNumber: randomSerial(),
		Subject:      pkix.Name{CommonName: "Element Emulator KMIP server"},
		NotBefore:    nb,
		NotAfter:     na,
		KeyUsage:     ku,
		ExtKeyUsage:  []x509.ExtKeyUsage{eku},
	}
	for _, s := range sans {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if ip := net.ParseIP(s); ip != nil {
			tpl.IPAddresses = append(tpl.IPAddresses, ip)
		} else {
			tpl.DNSNames = append(tpl.DNSNames, s)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, parent, key.Public(), parentKey)
	if err != nil {
		return tls.Certificate{}, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der, parent.Raw}, PrivateKey: key, Leaf: leaf}, nil
}

// throwawayLeaf signs a server leaf with a fresh CA nobody trusts (the tls
// unknown-ca fault).
func throwawayLeaf(sans []string, nb, na time.Time) (tls.Certificate, error) {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	tpl := &x509.Certificate{
		SerialNumber:          randomSerial(),
		Subject:               pkix.Name{CommonName: "Untrusted throw-away CA"},
		NotBefore:             nb,
		NotAfter:              na,
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, caKey.Public(), caKey)
	if err != nil {
		return tls.Certificate{}, err
	}
	caCert, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	return signLeaf(caCert, caKey, key, sans, nb, na, x509.ExtKeyUsageServerAuth)
}
