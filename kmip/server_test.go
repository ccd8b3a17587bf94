package kmip_test

import (
	"context"
	"testing"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipclient"
	"github.com/ovh/kmip-go/payloads"
	"github.com/stretchr/testify/require"
)

func dialOVH(t *testing.T, e *env, addr string) *kmipclient.Client {
	t.Helper()
	certPEM, keyPEM := e.clientCert(t, "ovh-client")
	c, err := kmipclient.Dial(addr,
		kmipclient.WithRootCAPem([]byte(e.ca.CertPEM())),
		kmipclient.WithClientCertPEM([]byte(certPEM), keyPEM),
		kmipclient.WithServerName("127.0.0.1"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func TestServerLifeCycleWithOVHClient(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	c := dialOVH(t, e, e.srv.Addr())
	require.Equal(t, okmip.V1_4, c.Version())

	const keyAttr = okmip.AttributeName("x-SolidFire-KeyID-3f1c")
	cr, err := c.Create().AES(256, okmip.CryptographicUsageEncrypt|okmip.CryptographicUsageDecrypt).
		WithName("SolidFire-Test-3f1c").WithAttribute(keyAttr, "3f1c").ExecContext(ctx)
	require.NoError(t, err)
	require.Equal(t, "1", cr.UniqueIdentifier)

	cr2, err := c.Create().AES(128, okmip.CryptographicUsageEncrypt).ExecContext(ctx)
	require.NoError(t, err)
	require.Equal(t, "2", cr2.UniqueIdentifier)

	_, err = c.Activate("1").ExecContext(ctx)
	require.NoError(t, err)

	g, err := c.Get("1").ExecContext(ctx)
	require.NoError(t, err)
	material, err := g.SymmetricKey()
	require.NoError(t, err)
	require.Len(t, material, 32)

	loc, err := c.Locate().WithAttribute(keyAttr, "3f1c").ExecContext(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"1"}, loc.UniqueIdentifier)

	ga, err := c.GetAttributes("1").ExecContext(ctx)
	require.NoError(t, err)
	got := map[okmip.AttributeName]any{}
	for _, a := range ga.Attribute {
		got[a.AttributeName] = a.AttributeValue
	}
	require.Equal(t, okmip.StateActive, got[okmip.AttributeNameState])
	require.Equal(t, int32(256), got[okmip.AttributeNameCryptographicLength])
	require.Contains(t, got, keyAttr)

	_, err = c.Destroy("1").ExecContext(ctx)
	require.ErrorContains(t, err, "PermissionDenied")

	_, err = c.Revoke("1").WithRevocationReasonCode(okmip.RevocationReasonCodeCessationOfOperation).ExecContext(ctx)
	require.NoError(t, err)
	_, err = c.Destroy("1").ExecContext(ctx)
	require.NoError(t, err)

	res, err := c.Batch(ctx, &payloads.GetRequestPayload{UniqueIdentifier: "1"})
	require.NoError(t, err)
	require.Equal(t, okmip.ResultReasonItemNotFound, res[0].ResultReason)

	objs, err := e.srv.Objects(ctx)
	require.NoError(t, err)
	require.Len(t, objs, 2)
	require.Equal(t, "Destroyed", objs[0].State)
	require.False(t, objs[0].HasMaterial)
	require.Equal(t, []string{"3f1c"}, objs[0].KeyIDs)

	st := e.srv.Stats()
	require.Equal(t, 1, st.Results["ItemNotFound"])
	require.Equal(t, 2, st.Operations["Create"])
	require.GreaterOrEqual(t, st.HandshakesOK, 1)

	// A restarted server on the same store keeps the objects and the UID sequence.
	require.NoError(t, e.srv.Close())
	srv2 := e.start(t)
	c2 := dialOVH(t, e, srv2.Addr())
	g2, err := c2.Get("2").ExecContext(ctx)
	require.NoError(t, err)
	require.Equal(t, "2", g2.UniqueIdentifier)
	cr3, err := c2.Create().AES(192, okmip.CryptographicUsageEncrypt).ExecContext(ctx)
	require.NoError(t, err)
	require.Equal(t, "3", cr3.UniqueIdentifier)
	objs, err = srv2.Objects(ctx)
	require.NoError(t, err)
	require.Len(t, objs, 3)
}
