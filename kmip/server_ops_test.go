package kmip_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/element-emulator/element-emulator/kmip"
	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipclient"
	"github.com/ovh/kmip-go/payloads"
	"github.com/ovh/kmip-go/ttlv"
	"github.com/stretchr/testify/require"
)

// call sends one payload and returns the batch item.
func call(t *testing.T, c *kmipclient.Client, pl okmip.OperationPayload) okmip.ResponseBatchItem {
	t.Helper()
	res, err := c.Batch(context.Background(), pl)
	require.NoError(t, err)
	require.Len(t, res, 1)
	return res[0]
}

func requireReason(t *testing.T, want okmip.ResultReason, bi okmip.ResponseBatchItem) {
	t.Helper()
	require.Equal(t, okmip.ResultStatusOperationFailed, bi.ResultStatus)
	require.Equal(t, ttlv.EnumStr(want), ttlv.EnumStr(bi.ResultReason), bi.ResultMessage)
}

func aesTemplate(length int32, extra ...okmip.Attribute) okmip.TemplateAttribute {
	return okmip.TemplateAttribute{Attribute: append([]okmip.Attribute{
		{AttributeName: okmip.AttributeNameCryptographicAlgorithm, AttributeValue: okmip.CryptographicAlgorithmAES},
		{AttributeName: okmip.AttributeNameCryptographicLength, AttributeValue: length},
	}, extra...)}
}

func TestServerOperations(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	c := dialOVH(t, e, e.srv.Addr())

	t.Run("QueryVendorAndOperations", func(t *testing.T) {
		bi := call(t, c, &payloads.QueryRequestPayload{QueryFunction: []okmip.QueryFunction{
			okmip.QueryFunctionOperations, okmip.QueryFunctionObjects, okmip.QueryFunctionServerInformation}})
		require.Equal(t, okmip.ResultStatusSuccess, bi.ResultStatus)
		q := bi.ResponsePayload.(*payloads.QueryResponsePayload)
		require.Equal(t, kmip.VendorIdentification, q.VendorIdentification)
		require.Contains(t, q.Operations, okmip.OperationLocate)
		require.Contains(t, q.Operations, okmip.OperationDiscoverVersions)
		require.Equal(t, []okmip.ObjectType{okmip.ObjectTypeSymmetricKey, okmip.ObjectTypeSecretData}, q.ObjectType)
	})
	t.Run("ErrUnroutedOperation", func(t *testing.T) {
		requireReason(t, okmip.ResultReasonOperationNotSupported, call(t, c, &payloads.ArchiveRequestPayload{UniqueIdentifier: "1"}))
	})
	t.Run("CreateValidation", func(t *testing.T) {
		for _, tt := range []struct {
			name string
			pl   *payloads.CreateRequestPayload
			want okmip.ResultReason
		}{
			{"ErrSecretDataCreate", &payloads.CreateRequestPayload{ObjectType: okmip.ObjectTypeSecretData}, okmip.ResultReasonInvalidField},
			{"ErrNoAlgorithm", &payloads.CreateRequestPayload{ObjectType: okmip.ObjectTypeSymmetricKey}, okmip.ResultReasonMissingData},
			{"ErrBadLength", &payloads.CreateRequestPayload{ObjectType: okmip.ObjectTypeSymmetricKey, TemplateAttribute: aesTemplate(100)}, okmip.ResultReasonInvalidField},
			{"ErrServerManaged", &payloads.CreateRequestPayload{ObjectType: okmip.ObjectTypeSymmetricKey, TemplateAttribute: aesTemplate(256,
				okmip.Attribute{AttributeName: okmip.AttributeNameState, AttributeValue: okmip.StateActive})}, okmip.ResultReasonInvalidField},
		} {
			t.Run(tt.name, func(t *testing.T) { requireReason(t, tt.want, call(t, c, tt.pl)) })
		}
	})
	t.Run("StopIsTheDefaultBatchContinuation", func(t *testing.T) {
		res, err := c.Batch(ctx,
			&payloads.GetRequestPayload{UniqueIdentifier: "4242"},
			&payloads.QueryRequestPayload{QueryFunction: []okmip.QueryFunction{okmip.QueryFunctionOperations}})
		require.NoError(t, err)
		requireReason(t, okmip.ResultReasonItemNotFound, res[0])
		requireReason(t, okmip.ResultReasonOperationCanceledByRequester, res[1])
	})
	t.Run("BatchedCreateActivateUsesPlaceholder", func(t *testing.T) {
		res, err := c.Batch(ctx,
			&payloads.CreateRequestPayload{ObjectType: okmip.ObjectTypeSymmetricKey, TemplateAttribute: aesTemplate(128)},
			&payloads.ActivateRequestPayload{})
		require.NoError(t, err)
		require.Equal(t, okmip.ResultStatusSuccess, res[1].ResultStatus, res[1].ResultMessage)
		uid := res[0].ResponsePayload.(*payloads.CreateResponsePayload).UniqueIdentifier
		require.Equal(t, uid, res[1].ResponsePayload.(*payloads.ActivateResponsePayload).UniqueIdentifier)
		require.Equal(t, "Active", objectByUID(t, e.srv, uid).State)
	})
	t.Run("SecretDataOpaqueReadAsRaw", func(t *testing.T) {
		secret := []byte("0123456789abcdef0123456789abcdef")
		reg, err := c.Register().Object(&okmip.SecretData{SecretDataType: okmip.SecretDataTypePassword, KeyBlock: okmip.KeyBlock{
			KeyFormatType: okmip.KeyFormatTypeOpaque,
			KeyValue:      &okmip.KeyValue{Plain: &okmip.PlainKeyValue{KeyMaterial: okmip.KeyMaterial{Bytes: &secret}}},
		}}).ExecContext(ctx)
		require.NoError(t, err)
		g, err := c.Get(reg.UniqueIdentifier).WithKeyFormat(okmip.KeyFormatTypeRaw).ExecContext(ctx)
		require.NoError(t, err)
		got, err := g.Secret()
		require.NoError(t, err)
		require.Equal(t, secret, got)
		requireReason(t, okmip.ResultReasonKeyFormatTypeNotSupported, call(t, c, &payloads.GetRequestPayload{
			UniqueIdentifier: reg.UniqueIdentifier, KeyFormatType: okmip.KeyFormatTypePKCS_8}))
	})
	t.Run("CustomAttributesOfAnyTypeRoundTrip", func(t *testing.T) {
		when := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
		custom := []okmip.Attribute{
			{AttributeName: "x-Int", AttributeValue: ttlv.Value{Tag: okmip.TagAttributeValue, Value: int32(42)}},
			{AttributeName: "x-Date", AttributeValue: ttlv.Value{Tag: okmip.TagAttributeValue, Value: when}},
			{AttributeName: "y-Bytes", AttributeValue: ttlv.Value{Tag: okmip.TagAttributeValue, Value: []byte{1, 2, 3}}},
			{AttributeName: "x-Bool", AttributeValue: ttlv.Value{Tag: okmip.TagAttributeValue, Value: true}},
		}
		bi := call(t, c, &payloads.CreateRequestPayload{ObjectType: okmip.ObjectTypeSymmetricKey, TemplateAttribute: aesTemplate(256, custom...)})
		require.Equal(t, okmip.ResultStatusSuccess, bi.ResultStatus, bi.ResultMessage)
		uid := bi.ResponsePayload.(*payloads.CreateResponsePayload).UniqueIdentifier
		ga, err := c.GetAttributes(uid, "x-Int", "x-Date", "y-Bytes", "x-Bool", "x-Unknown").ExecContext(ctx)
		require.NoError(t, err)
		require.Len(t, ga.Attribute, 4)
		got := map[okmip.AttributeName]any{}
		for _, a := range ga.Attribute {
			got[a.AttributeName] = a.AttributeValue.(ttlv.Value).Value
		}
		require.Equal(t, int32(42), got["x-Int"])
		require.True(t, when.Equal(got["x-Date"].(time.Time)))
		require.Equal(t, []byte{1, 2, 3}, got["y-Bytes"])
		require.Equal(t, true, got["x-Bool"])

		loc, err := c.Locate().WithAttribute("x-Int", ttlv.Value{Tag: okmip.TagAttributeValue, Value: int32(42)}).ExecContext(ctx)
		require.NoError(t, err)
		require.Equal(t, []string{uid}, loc.UniqueIdentifier)
	})
	t.Run("AddModifyDeleteAttribute", func(t *testing.T) {
		cr, err := c.Create().AES(256, okmip.CryptographicUsageEncrypt).WithName("first").ExecContext(ctx)
		require.NoError(t, err)
		uid := cr.UniqueIdentifier
		add, err := c.AddAttribute(uid, okmip.AttributeNameName, okmip.Name{NameValue: "second", NameType: okmip.NameTypeUninterpretedTextString}).ExecContext(ctx)
		require.NoError(t, err)
		require.Equal(t, int32(1), *add.Attribute.AttributeIndex)
		_, err = c.AddAttribute(uid, "x-Note", "a").ExecContext(ctx)
		require.NoError(t, err)
		_, err = c.ModifyAttribute(uid, "x-Note", "b").ExecContext(ctx)
		require.NoError(t, err)
		loc, err := c.Locate().WithAttribute("x-Note", "b").ExecContext(ctx)
		require.NoError(t, err)
		require.Equal(t, []string{uid}, loc.UniqueIdentifier)

		requireReason(t, okmip.ResultReasonPermissionDenied, call(t, c, &payloads.AddAttributeRequestPayload{
			UniqueIdentifier: uid, Attribute: okmip.Attribute{AttributeName: okmip.AttributeNameState, AttributeValue: okmip.StateActive}}))
		_, err = c.AddAttribute(uid, okmip.AttributeNameContactInformation, "me").ExecContext(ctx)
		require.NoError(t, err)
		requireReason(t, okmip.ResultReasonIllegalOperation, call(t, c, &payloads.AddAttributeRequestPayload{
			UniqueIdentifier: uid, Attribute: okmip.Attribute{AttributeName: okmip.AttributeNameContactInformation, AttributeValue: "you"}}))
		requireReason(t, okmip.ResultReasonItemNotFound, call(t, c, &payloads.ModifyAttributeRequestPayload{
			UniqueIdentifier: uid, Attribute: okmip.Attribute{AttributeName: "x-Missing", AttributeValue: "z"}}))

		del, err := c.DeleteAttribute(uid, okmip.AttributeNameName).WithIndex(1).ExecContext(ctx)
		require.NoError(t, err)
		require.Equal(t, "second", del.Attribute.AttributeValue.(okmip.Name).NameValue)
		list, err := c.GetAttributeList(uid).ExecContext(ctx)
		require.NoError(t, err)
		require.Contains(t, list.AttributeName, okmip.AttributeName("x-Note"))
		require.Contains(t, list.AttributeName, okmip.AttributeNameState)
	})
	t.Run("LocatePagingAndDestroyedObjects", func(t *testing.T) {
		var uids []string
		for range 3 {
			cr, err := c.Create().AES(128, okmip.CryptographicUsageEncrypt).WithAttribute("x-Group", "paging").ExecContext(ctx)
			require.NoError(t, err)
			uids = append(uids, cr.UniqueIdentifier)
		}
		bi := call(t, c, &payloads.LocateRequestPayload{MaximumItems: 1, OffsetItems: 1,
			Attribute: []okmip.Attribute{{AttributeName: "x-Group", AttributeValue: "paging"}}})
		lr := bi.ResponsePayload.(*payloads.LocateResponsePayload)
		require.Equal(t, []string{uids[1]}, lr.UniqueIdentifier)
		require.Equal(t, int32(3), *lr.LocatedItems)

		_, err := c.Destroy(uids[0]).ExecContext(ctx)
		require.NoError(t, err)
		loc, err := c.Locate().WithAttribute("x-Group", "paging").ExecContext(ctx)
		require.NoError(t, err)
		require.Equal(t, uids[1:], loc.UniqueIdentifier, "destroyed objects are hidden")
		loc, err = c.Locate().WithAttribute("x-Group", "paging").WithAttribute(okmip.AttributeNameState, okmip.StateDestroyed).ExecContext(ctx)
		require.NoError(t, err)
		require.Equal(t, uids[:1], loc.UniqueIdentifier, "unless a State is asked for")
		requireReason(t, okmip.ResultReasonItemNotFound, call(t, c, &payloads.DestroyRequestPayload{UniqueIdentifier: uids[0]}))
	})
	t.Run("RevokeCompromise", func(t *testing.T) {
		cr, err := c.Create().AES(128, okmip.CryptographicUsageEncrypt).ExecContext(ctx)
		require.NoError(t, err)
		requireReason(t, okmip.ResultReasonMissingData, call(t, c, &payloads.RevokeRequestPayload{UniqueIdentifier: cr.UniqueIdentifier}))
		_, err = c.Revoke(cr.UniqueIdentifier).WithRevocationReasonCode(okmip.RevocationReasonCodeKeyCompromise).ExecContext(ctx)
		require.NoError(t, err)
		g, err := c.Get(cr.UniqueIdentifier).ExecContext(ctx)
		require.NoError(t, err, "compromised keys stay readable")
		require.Equal(t, cr.UniqueIdentifier, g.UniqueIdentifier)
		_, err = c.Destroy(cr.UniqueIdentifier).ExecContext(ctx)
		require.NoError(t, err)
		require.Equal(t, "DestroyedCompromised", objectByUID(t, e.srv, cr.UniqueIdentifier).State)
	})
	t.Run("ActivationDateAppliesOnTheEmulatorClock", func(t *testing.T) {
		at := e.clock.Now().Add(time.Hour)
		bi := call(t, c, &payloads.CreateRequestPayload{ObjectType: okmip.ObjectTypeSymmetricKey, TemplateAttribute: aesTemplate(256,
			okmip.Attribute{AttributeName: okmip.AttributeNameActivationDate, AttributeValue: at})})
		uid := bi.ResponsePayload.(*payloads.CreateResponsePayload).UniqueIdentifier
		require.Equal(t, "PreActive", objectByUID(t, e.srv, uid).State)
		e.clock.set(e.clock.Now().Add(2 * time.Hour))
		require.Equal(t, "Active", objectByUID(t, e.srv, uid).State)
	})
}

// selfSignedClient makes a throw-away CA and a client certificate it signs,
// with the given extended key usages.
func selfSignedClient(t *testing.T, eku []x509.ExtKeyUsage) (ca *x509.Certificate, certPEM, keyPEM []byte) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	caTpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Lab CA"},
		NotBefore: t0.Add(-time.Hour), NotAfter: t0.AddDate(1, 0, 0), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTpl, caTpl, caKey.Public(), caKey)
	require.NoError(t, err)
	ca, err = x509.ParseCertificate(caDER)
	require.NoError(t, err)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "lab-client"},
		NotBefore: t0.Add(-time.Hour), NotAfter: t0.AddDate(1, 0, 0), KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: eku}
	der, err := x509.CreateCertificate(rand.Reader, tpl, ca, key.Public(), caKey)
	require.NoError(t, err)
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	require.NoError(t, err)
	return ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder})
}

func TestServerClientCertificatePolicy(t *testing.T) {
	ctx := context.Background()
	labCA, withEKU, withEKUKey := selfSignedClient(t, []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth})
	noEKUCA, noEKU, noEKUKey := selfSignedClient(t, nil)
	serverEKUCA, serverEKU, serverEKUKey := selfSignedClient(t, []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth})
	e := newEnv(t, func(cfg *kmip.ServerConfig) {
		cfg.ExtraClientCAs = []*x509.Certificate{labCA, noEKUCA, serverEKUCA}
	})
	tgt := e.target(t, "cluster-a")
	c := newClient(t)

	tgt.ClientCertPEM, tgt.ClientKeyPEM = string(withEKU), withEKUKey
	require.NoError(t, c.Probe(ctx, tgt), "a client CA given by -kmip-client-ca is trusted")

	// Go alone accepts a certificate without any EKU extension; the server does not.
	tgt.ClientCertPEM, tgt.ClientKeyPEM = string(noEKU), noEKUKey
	requireClass(t, c.Probe(ctx, tgt), kmip.ClassAuthentication, "Authentication failure: ")

	tgt.ClientCertPEM, tgt.ClientKeyPEM = string(serverEKU), serverEKUKey
	requireClass(t, c.Probe(ctx, tgt), kmip.ClassAuthentication, "Authentication failure: ")

	st := e.srv.Stats()
	require.Equal(t, 1, st.HandshakesOK)
	require.Equal(t, 2, st.HandshakesFailed)
	require.Equal(t, 3, st.Connections)

	lenient := e.start(t, func(cfg *kmip.ServerConfig) {
		cfg.ExtraClientCAs = []*x509.Certificate{noEKUCA}
		cfg.ClientEKU = "lenient"
	})
	tgt.Port = portOf(t, lenient.Addr())
	tgt.ClientCertPEM, tgt.ClientKeyPEM = string(noEKU), noEKUKey
	require.NoError(t, c.Probe(ctx, tgt), "lenient mode follows Go's rules")
}

func portOf(t *testing.T, addr string) int {
	t.Helper()
	_, p, err := net.SplitHostPort(addr)
	require.NoError(t, err)
	n, err := strconv.Atoi(p)
	require.NoError(t, err)
	return n
}

func TestServerDestroyDeleteMode(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, func(cfg *kmip.ServerConfig) { cfg.DestroyMode = "delete" })
	c := dialOVH(t, e, e.srv.Addr())
	cr, err := c.Create().AES(256, okmip.CryptographicUsageEncrypt).ExecContext(ctx)
	require.NoError(t, err)
	_, err = c.Destroy(cr.UniqueIdentifier).ExecContext(ctx)
	require.NoError(t, err)
	objs, err := e.srv.Objects(ctx)
	require.NoError(t, err)
	require.Empty(t, objs)
	requireReason(t, okmip.ResultReasonItemNotFound, call(t, c, &payloads.GetRequestPayload{UniqueIdentifier: cr.UniqueIdentifier}))
	cr2, err := c.Create().AES(256, okmip.CryptographicUsageEncrypt).ExecContext(ctx)
	require.NoError(t, err)
	require.Equal(t, "2", cr2.UniqueIdentifier, "UIDs are never reused")
}

func TestServerReissuesLeafAfterClockJump(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	c := newClient(t)
	tgt := e.target(t, "cluster-a")
	require.NoError(t, c.Probe(ctx, tgt))
	e.clock.set(e.clock.Now().AddDate(3, 0, 0)) // beyond the first leaf's two years
	tgt2 := e.target(t, "cluster-a")            // a client certificate valid at the new time
	require.NoError(t, c.Probe(ctx, tgt2), "the server leaf is re-issued to cover the emulator clock")
}

func TestServerOperationFaults(t *testing.T) {
	ctx := context.Background()
	faults := &rules{}
	e := newEnv(t, func(cfg *kmip.ServerConfig) { cfg.Faults = faults })
	c := newClient(t, func(cfg *kmip.ClientConfig) { cfg.RequestTimeout = 100 * time.Millisecond })
	tgt := e.target(t, "cluster-a")
	faults.add(kmip.StageOperation, func(ev kmip.FaultEvent) bool { return ev.Operation == "Query" },
		kmip.Fault{Kind: kmip.FaultDelay, Phase: "operation", Ms: 5000})
	ce := requireClass(t, c.Probe(ctx, tgt), kmip.ClassServer, "Server error: ")
	require.Contains(t, ce.Message, "Query")
	require.NoError(t, c.Probe(ctx, tgt), "the rule fired once")
}

func TestServerOwnership(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, func(cfg *kmip.ServerConfig) { cfg.Ownership = "owner" })
	alice := dialOVHAs(t, e, "alice")
	bob := dialOVHAs(t, e, "bob")
	cr, err := alice.Create().AES(256, okmip.CryptographicUsageEncrypt).WithAttribute("x-K", "v").ExecContext(ctx)
	require.NoError(t, err)
	requireReason(t, okmip.ResultReasonPermissionDenied, call(t, bob, &payloads.GetRequestPayload{UniqueIdentifier: cr.UniqueIdentifier}))
	loc, err := bob.Locate().WithAttribute("x-K", "v").ExecContext(ctx)
	require.NoError(t, err)
	require.Empty(t, loc.UniqueIdentifier, "Locate hides foreign objects")
	_, err = alice.Get(cr.UniqueIdentifier).ExecContext(ctx)
	require.NoError(t, err)
	require.Equal(t, "alice", objectByUID(t, e.srv, cr.UniqueIdentifier).Owner)
}

func dialOVHAs(t *testing.T, e *env, cn string) *kmipclient.Client {
	t.Helper()
	certPEM, keyPEM := e.clientCert(t, cn)
	c, err := kmipclient.Dial(e.srv.Addr(),
		kmipclient.WithRootCAPem([]byte(e.ca.CertPEM())),
		kmipclient.WithClientCertPEM([]byte(certPEM), keyPEM))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func TestServerIdentityFromOU(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, func(cfg *kmip.ServerConfig) { cfg.Identity = "ou" })
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject: pkix.Name{CommonName: "cluster-a", OrganizationalUnit: []string{"element-cluster-7"}}}, key)
	require.NoError(t, err)
	certPEM, err := e.ca.SignCSR(ctx, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der})), 365, e.clock.Now())
	require.NoError(t, err)
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	require.NoError(t, err)
	c, err := kmipclient.Dial(e.srv.Addr(), kmipclient.WithRootCAPem([]byte(e.ca.CertPEM())),
		kmipclient.WithClientCertPEM([]byte(certPEM), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder})))
	require.NoError(t, err)
	defer c.Close()
	cr, err := c.Create().AES(256, okmip.CryptographicUsageEncrypt).ExecContext(ctx)
	require.NoError(t, err)
	require.Equal(t, "element-cluster-7", objectByUID(t, e.srv, cr.UniqueIdentifier).Owner)
}

func TestServerTimestampWindow(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, func(cfg *kmip.ServerConfig) { cfg.TimestampWindow = time.Minute })
	c := dialOVH(t, e, e.srv.Addr())
	stale := time.Now().Add(-2 * time.Minute)
	msg := okmip.NewRequestMessage(okmip.V1_4, &payloads.QueryRequestPayload{})
	msg.Header.TimeStamp = &stale
	resp, err := c.Roundtrip(ctx, &msg)
	require.NoError(t, err)
	requireReason(t, okmip.ResultReasonInvalidMessage, resp.BatchItem[0])
	msg = okmip.NewRequestMessage(okmip.V1_4, &payloads.QueryRequestPayload{})
	resp, err = c.Roundtrip(ctx, &msg)
	require.NoError(t, err)
	require.Equal(t, okmip.ResultStatusSuccess, resp.BatchItem[0].ResultStatus)
}

func TestServerConfigAndLifecycleErrors(t *testing.T) {
	e := newEnv(t)
	base := kmip.ServerConfig{Store: e.store, CA: e.ca, Now: e.clock.Now}
	for _, tt := range []struct {
		name string
		mut  func(*kmip.ServerConfig)
	}{
		{"ErrNoStore", func(c *kmip.ServerConfig) { c.Store = nil }},
		{"ErrDestroyMode", func(c *kmip.ServerConfig) { c.DestroyMode = "shred" }},
		{"ErrEKUMode", func(c *kmip.ServerConfig) { c.ClientEKU = "maybe" }},
		{"ErrIdentity", func(c *kmip.ServerConfig) { c.Identity = "email" }},
		{"ErrOwnership", func(c *kmip.ServerConfig) { c.Ownership = "strict" }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := base
			tt.mut(&cfg)
			_, err := kmip.NewServer(cfg)
			require.Error(t, err)
		})
	}
	t.Run("ErrBusyPort", func(t *testing.T) {
		cfg := base
		cfg.Addr = e.srv.Addr()
		srv, err := kmip.NewServer(cfg)
		require.NoError(t, err)
		require.ErrorContains(t, srv.Start(), "address already in use")
		require.Error(t, srv.SetRefuse(true), "not started")
		require.Equal(t, "", srv.Addr())
		require.NoError(t, srv.Close())
	})
	t.Run("StatsAndObjectsAreJSON", func(t *testing.T) {
		c := dialOVH(t, e, e.srv.Addr())
		_, err := c.Create().AES(256, okmip.CryptographicUsageEncrypt).WithName("n").ExecContext(context.Background())
		require.NoError(t, err)
		objs, err := e.srv.Objects(context.Background())
		require.NoError(t, err)
		b, err := json.Marshal(map[string]any{"stats": e.srv.Stats(), "objects": objs})
		require.NoError(t, err)
		require.Contains(t, string(b), `"handshakesOK":1`)
		require.Contains(t, string(b), `"name":"Name","index":0,"value":"n"`)
		require.NotContains(t, string(b), "material\":")
	})
}
