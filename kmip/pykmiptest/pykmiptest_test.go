package pykmiptest_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"net"
	"strconv"
	"testing"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipclient"
	"github.com/ovh/kmip-go/payloads"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/kmip/pykmiptest"
)

// clientIdentity makes an RSA-2048 key and CSR (like the cluster's, D16) and
// has the PyKMIP CA sign it.
func clientIdentity(t *testing.T, kms *pykmiptest.Server, cn string) (tls.Certificate, *x509.Certificate) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	csrDER, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: cn, Organization: []string{"Lab"}}}, key)
	require.NoError(t, err)
	certPEM := kms.SignClientCSR(string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: csrDER})))
	blk, _ := pem.Decode([]byte(certPEM))
	require.NotNil(t, blk)
	cert, err := x509.ParseCertificate(blk.Bytes)
	require.NoError(t, err)
	return tls.Certificate{Certificate: [][]byte{blk.Bytes}, PrivateKey: key, Leaf: cert}, cert
}

// TestSignClientCSR: the signed certificate chains to CAPEM for client auth
// and carries only the CSR's CN.
func TestSignClientCSR(t *testing.T) {
	kms := pykmiptest.StartServer(t)
	_, cert := clientIdentity(t, kms, "emu-cluster")
	require.Equal(t, pkix.Name{CommonName: "emu-cluster"}.String(), cert.Subject.String())
	require.Equal(t, []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}, cert.ExtKeyUsage)
	require.False(t, cert.IsCA)
	pool := x509.NewCertPool()
	require.True(t, pool.AppendCertsFromPEM([]byte(kms.CAPEM)))
	_, err := cert.Verify(x509.VerifyOptions{Roots: pool, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}})
	require.NoError(t, err)
	require.Equal(t, net.JoinHostPort("127.0.0.1", strconv.Itoa(kms.Port)), kms.Addr)
}

// TestServerSpeaksKMIP: a Go KMIP client completes mutual TLS 1.2 with the
// ECDSA server certificate (hostname 127.0.0.1 verified), queries, creates a
// key, and Objects shows it.
func TestServerSpeaksKMIP(t *testing.T) {
	kms := pykmiptest.StartServer(t)
	id, _ := clientIdentity(t, kms, "pykmiptest-client")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := kmipclient.DialContext(ctx, kms.Addr, kmipclient.WithRootCAPem([]byte(kms.CAPEM)), kmipclient.WithClientCert(id),
		kmipclient.WithKmipVersions(okmip.V1_2), kmipclient.WithServerName("127.0.0.1"))
	require.NoError(t, err)
	defer c.Close()
	require.Equal(t, okmip.V1_2, c.Version())

	q, err := c.Query().Operations().ExecContext(ctx)
	require.NoError(t, err)
	require.Contains(t, q.Operations, okmip.OperationCreate)
	require.Empty(t, kms.Objects())

	resp, err := c.Request(ctx, &payloads.CreateRequestPayload{ObjectType: okmip.ObjectTypeSymmetricKey, TemplateAttribute: okmip.TemplateAttribute{
		Attribute: []okmip.Attribute{
			{AttributeName: okmip.AttributeNameCryptographicAlgorithm, AttributeValue: okmip.CryptographicAlgorithmAES},
			{AttributeName: okmip.AttributeNameCryptographicLength, AttributeValue: int32(256)},
			{AttributeName: okmip.AttributeNameCryptographicUsageMask, AttributeValue: okmip.CryptographicUsageEncrypt | okmip.CryptographicUsageDecrypt},
			{AttributeName: okmip.AttributeNameName, AttributeValue: okmip.Name{NameValue: "probe-key", NameType: okmip.NameTypeUninterpretedTextString}},
		}}})
	require.NoError(t, err)
	uid := resp.(*payloads.CreateResponsePayload).UniqueIdentifier
	require.NotEmpty(t, uid)
	require.Equal(t, []pykmiptest.Object{{UID: uid, Type: "SymmetricKey", State: "PreActive", Names: []string{"probe-key"}}}, kms.Objects())
	require.True(t, kms.LogContains("Create"), "PyKMIP logged the Create")
}
