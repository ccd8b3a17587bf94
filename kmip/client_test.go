package kmip_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/element-emulator/element-emulator/kmip"
	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipserver"
	"github.com/ovh/kmip-go/kmiptest"
	"github.com/ovh/kmip-go/payloads"
	"github.com/stretchr/testify/require"
)

// rules is a scripted FaultSource: each rule fires once at its stage.
type rules struct {
	mu   sync.Mutex
	list []rule
}

type rule struct {
	stage string
	match func(kmip.FaultEvent) bool
	fault kmip.Fault
}

func (r *rules) add(stage string, match func(kmip.FaultEvent) bool, f kmip.Fault) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.list = append(r.list, rule{stage: stage, match: match, fault: f})
}

func (r *rules) Fire(_ context.Context, ev kmip.FaultEvent) (*kmip.Fault, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, ru := range r.list {
		if ru.stage == ev.Stage && (ru.match == nil || ru.match(ev)) {
			r.list = append(r.list[:i], r.list[i+1:]...)
			f := ru.fault
			return &f, nil
		}
	}
	return nil, nil
}

func (e *env) target(t *testing.T, cn string) kmip.Target {
	t.Helper()
	_, csr, keyPEM := newKeyAndCSR(t, cn)
	certPEM, err := e.ca.SignCSR(context.Background(), csr, 365, e.clock.Now())
	require.NoError(t, err)
	host, port, err := net.SplitHostPort(e.srv.Addr())
	require.NoError(t, err)
	p, err := strconv.Atoi(port)
	require.NoError(t, err)
	return kmip.Target{Hostnames: []string{host}, Port: p, CAPEM: e.ca.CertPEM(), ClientCertPEM: certPEM, ClientKeyPEM: keyPEM, Now: e.clock.Now()}
}

func newClient(t *testing.T, mut ...func(*kmip.ClientConfig)) *kmip.Client {
	cfg := kmip.ClientConfig{Logger: testLogger(t), ConnectTimeout: 2 * time.Second, HandshakeTimeout: 2 * time.Second, RequestTimeout: 3 * time.Second}
	for _, m := range mut {
		m(&cfg)
	}
	return kmip.NewClient(cfg)
}

func objectByUID(t *testing.T, srv *kmip.Server, uid string) kmip.ObjectInfo {
	t.Helper()
	objs, err := srv.Objects(context.Background())
	require.NoError(t, err)
	for _, o := range objs {
		if o.UID == uid {
			return o
		}
	}
	t.Fatalf("no object %s", uid)
	return kmip.ObjectInfo{}
}

func TestClientKeyLifeCycle(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	tgt := e.target(t, "cluster-a")
	c := newClient(t)

	require.NoError(t, c.Probe(ctx, tgt))
	st := e.srv.Stats()
	require.Equal(t, 1, st.HandshakesOK)
	require.Equal(t, 1, st.Operations["DiscoverVersions"])
	require.Equal(t, 1, st.Operations["Query"])

	const keyID = "0f8b3c9e-1d2a-4c5b-9e7f-123456789abc"
	uid, err := c.CreateKey(ctx, tgt, keyID, kmip.PurposeEarSedAuthenticationKey)
	require.NoError(t, err)
	require.Equal(t, "1", uid)
	o := objectByUID(t, e.srv, uid)
	require.Equal(t, "Active", o.State)
	require.Equal(t, []string{keyID}, o.KeyIDs)
	names := map[string]any{}
	for _, a := range o.Attributes {
		names[a.Name] = a.Value
	}
	require.Equal(t, "SolidFire-EarSedAuthenticationKey-"+keyID, names["Name"])
	require.Equal(t, keyID, names["x-SolidFire-KeyID-"+keyID])

	key, err := c.GetKey(ctx, tgt, uid, keyID)
	require.NoError(t, err)
	require.Len(t, key, 32)

	// A stale UID falls back to Locate by the custom attribute.
	again, err := c.GetKey(ctx, tgt, "999", keyID)
	require.NoError(t, err)
	require.Equal(t, key, again)

	require.NoError(t, c.DecommissionKey(ctx, tgt, uid))
	require.Equal(t, "Destroyed", objectByUID(t, e.srv, uid).State)

	_, err = c.GetKey(ctx, tgt, uid, keyID)
	var ce *kmip.ClientError
	require.ErrorAs(t, err, &ce)
	require.Equal(t, kmip.ClassServer, ce.FailureClass())
	require.Contains(t, ce.Error(), "key "+keyID+" unavailable")
}

func TestClientCustomAttributeOff(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	tgt := e.target(t, "cluster-a")
	c := newClient(t, func(cfg *kmip.ClientConfig) { cfg.CustomAttribute = "off"; cfg.Decommission = "revoke" })
	uid, err := c.CreateKey(ctx, tgt, "k1", kmip.PurposeSoftwareEarKeyEncryptionKey)
	require.NoError(t, err)
	require.Empty(t, objectByUID(t, e.srv, uid).KeyIDs)
	key, err := c.GetKey(ctx, tgt, "", "k1") // found by Name
	require.NoError(t, err)
	require.Len(t, key, 32)
	require.NoError(t, c.DecommissionKey(ctx, tgt, uid))
	require.Equal(t, "Deactivated", objectByUID(t, e.srv, uid).State)
	// revoke-destroy on an already revoked key still destroys it.
	require.NoError(t, newClient(t).DecommissionKey(ctx, tgt, uid))
	require.Equal(t, "Destroyed", objectByUID(t, e.srv, uid).State)
}

func requireClass(t *testing.T, err error, class, prefix string) *kmip.ClientError {
	t.Helper()
	var ce *kmip.ClientError
	require.ErrorAs(t, err, &ce)
	require.Equal(t, class, ce.Class, ce.Message)
	require.Regexp(t, "^"+prefix, ce.Message)
	return ce
}

func TestClientClassification(t *testing.T) {
	ctx := context.Background()
	faults := &rules{}
	e := newEnv(t, func(cfg *kmip.ServerConfig) { cfg.Faults = faults })
	c := newClient(t)
	good := e.target(t, "cluster-a")

	t.Run("DeadPortConnection", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		port := ln.Addr().(*net.TCPAddr).Port
		require.NoError(t, ln.Close())
		tgt := good
		tgt.Port = port
		ce := requireClass(t, c.Probe(ctx, tgt), kmip.ClassConnection, "Connection failure: 127.0.0.1:")
		require.Contains(t, ce.Message, strconv.Itoa(port))
	})
	t.Run("WrongCAAuthentication", func(t *testing.T) {
		other := newEnv(t)
		tgt := good
		tgt.CAPEM = other.ca.CertPEM()
		requireClass(t, c.Probe(ctx, tgt), kmip.ClassAuthentication, "Authentication failure: ")
	})
	t.Run("CertForAnotherKeyAuthentication", func(t *testing.T) {
		tgt := good
		_, _, otherKey := newKeyAndCSR(t, "x")
		tgt.ClientKeyPEM = otherKey
		before := e.srv.Stats().Connections
		requireClass(t, c.Probe(ctx, tgt), kmip.ClassAuthentication, "Authentication failure: ")
		require.Equal(t, before, e.srv.Stats().Connections, "no connection is made")
	})
	t.Run("ExpiredClientCertAuthentication", func(t *testing.T) {
		_, csr, keyPEM := newKeyAndCSR(t, "short")
		certPEM, err := e.ca.SignCSR(ctx, csr, 20, e.clock.Now())
		require.NoError(t, err)
		tgt := good
		tgt.ClientCertPEM, tgt.ClientKeyPEM = certPEM, keyPEM
		require.NoError(t, c.Probe(ctx, tgt))
		saved := e.clock.Now()
		e.clock.set(saved.Add(21 * 24 * time.Hour))
		defer func() { e.clock.set(saved) }()
		tgt.Now = e.clock.Now()
		requireClass(t, c.Probe(ctx, tgt), kmip.ClassAuthentication, "Authentication failure: ")
	})
	t.Run("ErrorRuleServer", func(t *testing.T) {
		faults.add(kmip.StageOperation, func(ev kmip.FaultEvent) bool { return ev.Operation == "Query" },
			kmip.Fault{Kind: kmip.FaultError, Operation: "Query", Reason: "GeneralFailure", Message: "injected"})
		ce := requireClass(t, c.Probe(ctx, good), kmip.ClassServer, "Server error: ")
		require.Contains(t, ce.Message, "injected")
		require.NoError(t, c.Probe(ctx, good), "the rule fired once")
	})
	t.Run("KeyUnavailableByKeyID", func(t *testing.T) {
		uid, err := c.CreateKey(ctx, good, "kid-5", kmip.PurposeEarSedAuthenticationKey)
		require.NoError(t, err)
		faults.add(kmip.StageOperation, func(ev kmip.FaultEvent) bool {
			return ev.Operation == "Get" && len(ev.KeyIDs) == 1 && ev.KeyIDs[0] == "kid-5"
		}, kmip.Fault{Kind: kmip.FaultError, Reason: "ItemNotFound"})
		faults.add(kmip.StageOperation, func(ev kmip.FaultEvent) bool {
			return ev.Operation == "Get" && len(ev.KeyIDs) == 1 && ev.KeyIDs[0] == "kid-5"
		}, kmip.Fault{Kind: kmip.FaultError, Reason: "ItemNotFound"})
		_, err = c.GetKey(ctx, good, uid, "kid-5")
		ce := requireClass(t, err, kmip.ClassServer, "Server error: ")
		require.Contains(t, ce.Message, "key kid-5 unavailable")
		key, err := c.GetKey(ctx, good, uid, "kid-5")
		require.NoError(t, err)
		require.Len(t, key, 32)
	})
	for _, mode := range []string{kmip.TLSRejectClient, kmip.TLSUnknownCA, kmip.TLSExpired, kmip.TLSWrongHost} {
		t.Run("TLS_"+mode+"_Authentication", func(t *testing.T) {
			faults.add(kmip.StageHandshake, nil, kmip.Fault{Kind: kmip.FaultTLS, Mode: mode})
			requireClass(t, c.Probe(ctx, good), kmip.ClassAuthentication, "Authentication failure: ")
		})
	}
	t.Run("TLSOldProtocolConnection", func(t *testing.T) {
		faults.add(kmip.StageHandshake, nil, kmip.Fault{Kind: kmip.FaultTLS, Mode: kmip.TLSOldProtocol})
		requireClass(t, c.Probe(ctx, good), kmip.ClassConnection, "Connection failure: ")
	})
	t.Run("RefuseConnection", func(t *testing.T) {
		require.NoError(t, e.srv.SetRefuse(true))
		requireClass(t, c.Probe(ctx, good), kmip.ClassConnection, "Connection failure: 127.0.0.1:")
		require.NoError(t, e.srv.SetRefuse(false))
		require.NoError(t, c.Probe(ctx, good))
	})
	t.Run("BlackholeConnection", func(t *testing.T) {
		faults.add(kmip.StageAccept, nil, kmip.Fault{Kind: kmip.FaultBlackhole})
		short := newClient(t, func(cfg *kmip.ClientConfig) { cfg.HandshakeTimeout = 200 * time.Millisecond })
		requireClass(t, short.Probe(ctx, good), kmip.ClassConnection, "Connection failure: ")
	})
	t.Run("DropAcceptConnection", func(t *testing.T) {
		faults.add(kmip.StageAccept, nil, kmip.Fault{Kind: kmip.FaultDrop, Phase: "accept"})
		requireClass(t, c.Probe(ctx, good), kmip.ClassConnection, "Connection failure: ")
	})
	t.Run("DropRequestServer", func(t *testing.T) {
		// ovh's client re-dials up to 3 times on EOF, so drop 4 requests in a row.
		for range 4 {
			faults.add(kmip.StageRequest, func(ev kmip.FaultEvent) bool { return ev.Operation == "Query" }, kmip.Fault{Kind: kmip.FaultDrop, Phase: "request"})
		}
		requireClass(t, c.Probe(ctx, good), kmip.ClassServer, "Server error: ")
	})
	t.Run("DropRequestOnceIsAbsorbed", func(t *testing.T) {
		// ovh's client silently re-dials on EOF (docs/kmip.md, Connecting).
		faults.add(kmip.StageRequest, func(ev kmip.FaultEvent) bool { return ev.Operation == "Query" }, kmip.Fault{Kind: kmip.FaultDrop, Phase: "request"})
		before := e.srv.Stats().Connections
		require.NoError(t, c.Probe(ctx, good))
		require.Equal(t, before+2, e.srv.Stats().Connections)
	})
	t.Run("FurthestClassWins", func(t *testing.T) {
		tgt := good
		tgt.Hostnames = []string{"localhost", "127.0.0.1"}
		faults.add(kmip.StageHandshake, nil, kmip.Fault{Kind: kmip.FaultTLS, Mode: kmip.TLSUnknownCA})
		faults.add(kmip.StageOperation, func(ev kmip.FaultEvent) bool { return ev.Operation == "Query" },
			kmip.Fault{Kind: kmip.FaultError, Reason: "GeneralFailure"})
		ce := requireClass(t, c.Probe(ctx, tgt), kmip.ClassServer, "Server error: ")
		require.NotContains(t, ce.Message, "localhost", "the first hostname failed at TLS, the second reached the server")
	})
}

func TestClientProbeAgainstKmiptestServer(t *testing.T) {
	e := newEnv(t)
	srv, err := kmip.NewServer(kmip.ServerConfig{Store: e.store, CA: e.ca, Now: e.clock.Now})
	require.NoError(t, err)
	addr, caPEM := kmiptest.NewServer(t, srv.Handler())
	host, port, err := net.SplitHostPort(addr)
	require.NoError(t, err)
	p, err := strconv.Atoi(port)
	require.NoError(t, err)
	tgt := e.target(t, "cluster-a")
	tgt.Hostnames, tgt.Port, tgt.CAPEM = []string{host}, p, caPEM
	c := newClient(t)
	require.NoError(t, c.Probe(context.Background(), tgt))
	uid, err := c.CreateKey(context.Background(), tgt, "k", kmip.PurposeEarSedAuthenticationKey)
	require.NoError(t, err)
	o := objectByUID(t, srv, uid)
	require.Equal(t, "", o.Owner, "no peer certificate behind kmiptest")
	require.Equal(t, "Active", o.State)
}

// versionServer is a kmiptest server whose Discover Versions answer lists
// versions first, as a 2.x-first server ignoring the client's list would.
func versionServer(t *testing.T, e *env, versions ...okmip.ProtocolVersion) kmip.Target {
	t.Helper()
	ex := kmipserver.NewBatchExecutor()
	ex.Route(okmip.OperationDiscoverVersions, kmipserver.HandleFunc(func(context.Context, *payloads.DiscoverVersionsRequestPayload) (*payloads.DiscoverVersionsResponsePayload, error) {
		return &payloads.DiscoverVersionsResponsePayload{ProtocolVersion: versions}, nil
	}))
	ex.Route(okmip.OperationQuery, kmipserver.HandleFunc(func(ctx context.Context, _ *payloads.QueryRequestPayload) (*payloads.QueryResponsePayload, error) {
		v := kmipserver.GetProtocolVersion(ctx)
		return &payloads.QueryResponsePayload{VendorIdentification: fmt.Sprintf("%d.%d", v.ProtocolVersionMajor, v.ProtocolVersionMinor)}, nil
	}))
	addr, caPEM := kmiptest.NewServer(t, ex)
	tgt := e.target(t, "cluster-a")
	tgt.Port, tgt.CAPEM = portOf(t, addr), caPEM
	return tgt
}

func TestClientVersionNegotiation(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	var logs bytes.Buffer
	c := kmip.NewClient(kmip.ClientConfig{Logger: slogTo(&logs)})
	require.NoError(t, c.Probe(ctx, versionServer(t, e, okmip.V2_0, okmip.V1_4, okmip.V1_2)))
	require.Contains(t, logs.String(), "version=1.4", "re-dialled with the highest 1.x listed")

	err := c.Probe(ctx, versionServer(t, e, okmip.V2_0))
	ce := requireClass(t, err, kmip.ClassServer, "Server error: ")
	require.Contains(t, ce.Message, "no 1.x version")
}

func TestClientVerifyHostnameOff(t *testing.T) {
	ctx := context.Background()
	faults := &rules{}
	e := newEnv(t, func(cfg *kmip.ServerConfig) { cfg.Faults = faults })
	off := false
	c := newClient(t, func(cfg *kmip.ClientConfig) { cfg.VerifyHostname = &off })
	tgt := e.target(t, "cluster-a")
	faults.add(kmip.StageHandshake, nil, kmip.Fault{Kind: kmip.FaultTLS, Mode: kmip.TLSWrongHost})
	require.NoError(t, c.Probe(ctx, tgt), "no SAN check")
	faults.add(kmip.StageHandshake, nil, kmip.Fault{Kind: kmip.FaultTLS, Mode: kmip.TLSUnknownCA})
	requireClass(t, c.Probe(ctx, tgt), kmip.ClassAuthentication, "Authentication failure: ")
}

func TestClientHandshakeDelayWithinTimeout(t *testing.T) {
	ctx := context.Background()
	faults := &rules{}
	e := newEnv(t, func(cfg *kmip.ServerConfig) { cfg.Faults = faults })
	tgt := e.target(t, "cluster-a")
	faults.add(kmip.StageHandshake, nil, kmip.Fault{Kind: kmip.FaultDelay, Phase: "handshake", Ms: 5000})
	short := newClient(t, func(cfg *kmip.ClientConfig) { cfg.HandshakeTimeout = 100 * time.Millisecond })
	requireClass(t, short.Probe(ctx, tgt), kmip.ClassConnection, "Connection failure: ")
	faults.add(kmip.StageHandshake, nil, kmip.Fault{Kind: kmip.FaultDelay, Phase: "handshake", Ms: 10})
	require.NoError(t, newClient(t).Probe(ctx, tgt), "a short delay only slows the handshake")
}

func TestClientAgainstRSAServerWithLegacyCiphers(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, func(cfg *kmip.ServerConfig) { cfg.ServerKey = "rsa"; cfg.LegacyCiphers = true })
	tgt := e.target(t, "cluster-a")
	// TLS 1.2 only, offering nothing but a legacy suite: it must be accepted.
	legacy := newClient(t, func(cfg *kmip.ClientConfig) { cfg.LegacyCiphers = true })
	require.NoError(t, legacy.Probe(ctx, tgt))
	uid, err := legacy.CreateKey(ctx, tgt, "rsa-key", kmip.PurposeEarSedAuthenticationKey)
	require.NoError(t, err)
	require.Equal(t, "Active", objectByUID(t, e.srv, uid).State)

	certPEM, keyPEM := e.clientCert(t, "legacy")
	conf := &tls.Config{MinVersion: tls.VersionTLS12, MaxVersion: tls.VersionTLS12,
		CipherSuites: []uint16{tls.TLS_RSA_WITH_AES_128_CBC_SHA256}, ServerName: "127.0.0.1"}
	pool := x509.NewCertPool()
	require.True(t, pool.AppendCertsFromPEM([]byte(e.ca.CertPEM())))
	conf.RootCAs = pool
	cert, err := tls.X509KeyPair([]byte(certPEM), keyPEM)
	require.NoError(t, err)
	conf.Certificates = []tls.Certificate{cert}
	conn, err := tls.Dial("tcp", e.srv.Addr(), conf)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.Handshake())
	require.Equal(t, tls.TLS_RSA_WITH_AES_128_CBC_SHA256, conn.ConnectionState().CipherSuite)
	require.Equal(t, x509.RSA, conn.ConnectionState().PeerCertificates[0].PublicKeyAlgorithm)
}

// usableCopies counts the Pre-Active or Active objects tagged keyID.
func usableCopies(t *testing.T, srv *kmip.Server, keyID string) int {
	t.Helper()
	objs, err := srv.Objects(context.Background())
	require.NoError(t, err)
	n := 0
	for _, o := range objs {
		if (o.State == "Active" || o.State == "PreActive") && len(o.KeyIDs) == 1 && o.KeyIDs[0] == keyID {
			n++
		}
	}
	return n
}

// A retry after an interruption (the cluster stopped between the key
// server's answer and the commit recording it) adopts the key the first
// attempt made, and decommissions idempotently: no orphan, no failure.
func TestClientRetryAfterInterruptionAdoptsAndDecommissionsOnce(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	tgt := e.target(t, "cluster-a")
	c := newClient(t)

	const keyID = "5a1d0c3e-0000-4000-8000-00000000c0de"
	uid, err := c.CreateKey(ctx, tgt, keyID, kmip.PurposeSoftwareEarKeyEncryptionKey)
	require.NoError(t, err)
	again, err := c.CreateKey(ctx, tgt, keyID, kmip.PurposeSoftwareEarKeyEncryptionKey)
	require.NoError(t, err)
	require.Equal(t, uid, again, "the retry adopts the key the first attempt created")
	require.Equal(t, 1, usableCopies(t, e.srv, keyID))

	// Stopped between Create and Activate: the retry activates it.
	const preID = "5a1d0c3e-0000-4000-8000-0000000pre0"
	raw := dialOVHAs(t, e, "cluster-a")
	cr, err := raw.Create().AES(256, okmip.CryptographicUsageEncrypt|okmip.CryptographicUsageDecrypt).
		WithName(kmip.KeyName(kmip.PurposeEarSedAuthenticationKey, preID)).
		WithAttribute(okmip.AttributeName(kmip.KeyIDAttributePrefix+preID), preID).ExecContext(ctx)
	require.NoError(t, err)
	require.Equal(t, "PreActive", objectByUID(t, e.srv, cr.UniqueIdentifier).State)
	adopted, err := c.CreateKey(ctx, tgt, preID, kmip.PurposeEarSedAuthenticationKey)
	require.NoError(t, err)
	require.Equal(t, cr.UniqueIdentifier, adopted)
	require.Equal(t, "Active", objectByUID(t, e.srv, adopted).State)
	require.Equal(t, 1, usableCopies(t, e.srv, preID))

	// Decommissioned, then decommissioned again by the retry: done, not failed.
	require.NoError(t, c.DecommissionKey(ctx, tgt, uid))
	require.NoError(t, c.DecommissionKey(ctx, tgt, uid))
	require.Equal(t, "Destroyed", objectByUID(t, e.srv, uid).State)
	require.Zero(t, usableCopies(t, e.srv, keyID))
	// A destroyed key is not adopted: a new one is made.
	fresh, err := c.CreateKey(ctx, tgt, keyID, kmip.PurposeSoftwareEarKeyEncryptionKey)
	require.NoError(t, err)
	require.NotEqual(t, uid, fresh)
}
