package kmip_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"net"
	"testing"
	"time"

	"github.com/element-emulator/element-emulator/kmip"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
	"github.com/stretchr/testify/require"
)

func parsePEMCert(t *testing.T, s string) *x509.Certificate {
	t.Helper()
	b, _ := pem.Decode([]byte(s))
	require.NotNil(t, b)
	c, err := x509.ParseCertificate(b.Bytes)
	require.NoError(t, err)
	return c
}

// rsaCSR builds a CSR like Element's: RSA-2048, critical KeyUsage
// digitalSignature+keyEncipherment, EKU clientAuth.
func rsaCSR(t *testing.T, bits int) string {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, bits)
	require.NoError(t, err)
	ku, err := asn1.Marshal(asn1.BitString{Bytes: []byte{0xa0}, BitLength: 3})
	require.NoError(t, err)
	eku, err := asn1.Marshal([]asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 2}})
	require.NoError(t, err)
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject:            pkix.Name{CommonName: "cluster-a", Organization: []string{"Lab"}, Country: []string{"US"}},
		SignatureAlgorithm: x509.SHA256WithRSA,
		ExtraExtensions: []pkix.Extension{
			{Id: asn1.ObjectIdentifier{2, 5, 29, 15}, Critical: true, Value: ku},
			{Id: asn1.ObjectIdentifier{2, 5, 29, 37}, Value: eku},
		},
	}, key)
	require.NoError(t, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}))
}

func TestCALoadOrCreateIsStable(t *testing.T) {
	ctx := context.Background()
	st := sqlitetest.Open(t)
	ca1, err := kmip.LoadOrCreateCA(ctx, st, t0)
	require.NoError(t, err)
	ca2, err := kmip.LoadOrCreateCA(ctx, st, t0.Add(time.Hour))
	require.NoError(t, err)
	require.Equal(t, ca1.CertPEM(), ca2.CertPEM())

	c := parsePEMCert(t, ca1.CertPEM())
	require.True(t, c.IsCA)
	require.True(t, c.MaxPathLenZero)
	require.Regexp(t, `^Element Emulator KMIP CA [0-9a-f]{8}$`, c.Subject.CommonName)
	require.Equal(t, x509.KeyUsageCertSign|x509.KeyUsageCRLSign, c.KeyUsage)
	require.True(t, c.NotBefore.Before(t0) && c.NotBefore.Before(time.Now()))
	require.True(t, c.NotAfter.After(t0.AddDate(9, 0, 0)))
}

func TestCASignCSR(t *testing.T) {
	ctx := context.Background()
	st := sqlitetest.Open(t)
	ca, err := kmip.LoadOrCreateCA(ctx, st, t0)
	require.NoError(t, err)

	t.Run("RSA2048ClientAuth", func(t *testing.T) {
		certPEM, err := ca.SignCSR(ctx, rsaCSR(t, 2048), 0, t0)
		require.NoError(t, err)
		c := parsePEMCert(t, certPEM)
		roots := x509.NewCertPool()
		roots.AddCert(ca.Certificate())
		_, err = c.Verify(x509.VerifyOptions{Roots: roots, CurrentTime: t0, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}})
		require.NoError(t, err)
		require.Equal(t, []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}, c.ExtKeyUsage)
		require.Equal(t, x509.KeyUsageDigitalSignature|x509.KeyUsageKeyEncipherment, c.KeyUsage)
		require.Equal(t, "cluster-a", c.Subject.CommonName)
		require.Equal(t, t0.Add(-time.Hour), c.NotBefore)
		require.Equal(t, t0.AddDate(0, 0, 365), c.NotAfter)
		require.Greater(t, c.SerialNumber.BitLen(), 64, "random serial")
		require.LessOrEqual(t, c.SerialNumber.BitLen(), 127)

		issued, err := ca.IssuedCerts(ctx)
		require.NoError(t, err)
		require.Len(t, issued, 1)
		require.Equal(t, certPEM, issued[0].CertPEM)
		require.Equal(t, c.NotAfter, issued[0].NotAfter)
	})
	t.Run("Days", func(t *testing.T) {
		certPEM, err := ca.SignCSR(ctx, rsaCSR(t, 2048), 20, t0)
		require.NoError(t, err)
		require.Equal(t, t0.AddDate(0, 0, 20), parsePEMCert(t, certPEM).NotAfter)
	})
	for _, tt := range []struct {
		name, csr, want string
	}{
		{"ErrGarbage", "not a csr", "no PEM block"},
		{"ErrWrongBlock", ca.CertPEM(), "want CERTIFICATE REQUEST"},
		{"ErrBadDER", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: []byte{1, 2, 3}})), "cannot parse"},
		{"ErrSmallRSA", rsaCSR(t, 1024), "at least 2048"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ca.SignCSR(ctx, tt.csr, 365, t0)
			require.ErrorContains(t, err, tt.want)
		})
	}
	t.Run("ErrBadSignature", func(t *testing.T) {
		b, _ := pem.Decode([]byte(rsaCSR(t, 2048)))
		der := append([]byte(nil), b.Bytes...)
		der[len(der)-5] ^= 0xff // inside the signature
		_, err := ca.SignCSR(ctx, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der})), 365, t0)
		require.ErrorContains(t, err, "signature does not verify")
	})
}

func TestCAIssueServerCertCoversBothClocks(t *testing.T) {
	st := sqlitetest.Open(t)
	future := time.Now().AddDate(3, 0, 0) // emulator clock far ahead of real time
	ca, err := kmip.LoadOrCreateCA(context.Background(), st, future)
	require.NoError(t, err)
	cert, err := ca.IssueServerCert([]string{"127.0.0.1", "localhost", "kmip.example"}, future)
	require.NoError(t, err)
	leaf := cert.Leaf
	require.Equal(t, []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, leaf.ExtKeyUsage)
	require.Equal(t, []string{"localhost", "kmip.example"}, leaf.DNSNames)
	require.True(t, leaf.IPAddresses[0].Equal(net.ParseIP("127.0.0.1")))
	roots := x509.NewCertPool()
	roots.AddCert(ca.Certificate())
	for _, at := range []time.Time{time.Now(), future} {
		_, err := leaf.Verify(x509.VerifyOptions{Roots: roots, CurrentTime: at, DNSName: "kmip.example"})
		require.NoError(t, err, "valid at %s", at)
	}
}

// TestCASignCSRVersion2 signs a PKCS#10 request whose version field is 2,
// as a real Element cluster writes it (docs/kmip.md, the embedded CA).
func TestCASignCSRVersion2(t *testing.T) {
	ctx := context.Background()
	ca, err := kmip.LoadOrCreateCA(ctx, sqlitetest.Open(t), t0)
	require.NoError(t, err)
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject: pkix.Name{CommonName: "cluster-v2"}, SignatureAlgorithm: x509.SHA256WithRSA}, key)
	require.NoError(t, err)
	csr, err := x509.ParseCertificateRequest(der)
	require.NoError(t, err)
	tbs := append([]byte(nil), csr.RawTBSCertificateRequest...)
	// The TBS starts with SEQUENCE header, then INTEGER version 0: 02 01 00.
	i := bytes.Index(tbs, []byte{0x02, 0x01, 0x00})
	require.True(t, i > 0 && i < 5)
	tbs[i+2] = 0x02
	sum := sha256.Sum256(tbs)
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	require.NoError(t, err)
	var outer struct {
		TBS asn1.RawValue
		Alg asn1.RawValue
		Sig asn1.BitString
	}
	_, err = asn1.Unmarshal(der, &outer)
	require.NoError(t, err)
	outer.TBS = asn1.RawValue{FullBytes: tbs}
	outer.Sig = asn1.BitString{Bytes: sig, BitLength: len(sig) * 8}
	v2, err := asn1.Marshal(outer)
	require.NoError(t, err)
	parsed, err := x509.ParseCertificateRequest(v2)
	require.NoError(t, err)
	require.Equal(t, 2, parsed.Version)

	certPEM, err := ca.SignCSR(ctx, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: v2})), 365, t0)
	require.NoError(t, err)
	require.Equal(t, "cluster-v2", parsePEMCert(t, certPEM).Subject.CommonName)
}
