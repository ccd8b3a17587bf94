package api_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// otherCA returns a self-signed CA certificate unrelated to the emulator.
func otherCA(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "someone else"},
		NotBefore: apitest.Start().Add(-time.Hour), NotAfter: apitest.Start().Add(24 * time.Hour), IsCA: true,
		BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

// TestProbeFailures covers the probe-failures acceptance scenario of
// docs/kmip.md through TestKeyServerKmip.
func TestProbeFailures(t *testing.T) {
	s := apitest.NewServer(t)
	_, sid := s.SetupEKM()
	test := map[string]any{"keyServerID": sid}
	for _, tt := range []struct {
		name   string
		rule   map[string]any
		want   string
		prefix string
	}{
		{"Refuse", map[string]any{"target": "kmip-server", "kind": "refuse"}, "xKmipConnectionFailure", "Connection failure: 127.0.0.1:"},
		{"UnknownCA", map[string]any{"target": "kmip-server", "kind": "tls", "mode": "unknown-ca"}, "xKmipAuthenticationFailure", "Authentication failure: "},
		{"RejectClient", map[string]any{"target": "kmip-server", "kind": "tls", "mode": "reject-client"}, "xKmipAuthenticationFailure", "Authentication failure: "},
		{"QueryError", map[string]any{"target": "kmip-server", "kind": "error", "operation": "Query", "reason": "GeneralFailure"}, "xKmipServerError", "Server error: "},
		{"ClientTLSFail", map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "tls-fail"}, "xKmipAuthenticationFailure", "Authentication failure: "},
		{"ClientError", map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "error", "reason": "ItemNotFound"}, "xKmipServerError", "Server error: "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			id := s.AddRule(tt.rule)
			msg := s.Fail("TestKeyServerKmip", test, tt.want)
			require.Contains(t, msg, tt.prefix)
			s.DeleteRule(id)
			s.OK("TestKeyServerKmip", test)
		})
	}
	// Test calls never raise faults (D44).
	require.Empty(t, s.OK("ListClusterFaults", nil)["faults"])
}

func TestProbeWithWrongTrust(t *testing.T) {
	s := apitest.NewServer(t)
	ca, cert := s.Trust("emu-cluster")
	ks := apitest.Obj(t, s.OK("CreateKeyServerKmip", map[string]any{"kmipCaCertificate": otherCA(t), "kmipClientCertificate": cert,
		"kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": "wrong-ca", "kmipKeyServerPort": s.Emu.KMIPPort()}), "kmipKeyServer")
	s.Fail("TestKeyServerKmip", map[string]any{"keyServerID": ks["keyServerID"]}, "xKmipAuthenticationFailure")

	good := apitest.Obj(t, s.OK("CreateKeyServerKmip", map[string]any{"kmipCaCertificate": ca, "kmipClientCertificate": cert,
		"kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": "good", "kmipKeyServerPort": s.Emu.KMIPPort()}), "kmipKeyServer")
	s.OK("TestKeyServerKmip", map[string]any{"keyServerID": good["keyServerID"]})

	// A dead port is a connection failure.
	dead := apitest.Obj(t, s.OK("CreateKeyServerKmip", map[string]any{"kmipCaCertificate": ca, "kmipClientCertificate": cert,
		"kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": "dead", "kmipKeyServerPort": 1}), "kmipKeyServer")
	s.Fail("TestKeyServerKmip", map[string]any{"keyServerID": dead["keyServerID"]}, "xKmipConnectionFailure")
	// A new key pair no longer matches the signed certificate.
	s.OK("CreatePublicPrivateKeyPair", map[string]any{"commonName": "emu-cluster"})
	msg := s.Fail("TestKeyServerKmip", map[string]any{"keyServerID": good["keyServerID"]}, "xKmipAuthenticationFailure")
	require.Contains(t, msg, "does not match")

}

// TestAddServerProbesFirst: a failing probe assigns nothing (D12).
func TestAddServerProbesFirst(t *testing.T) {
	s := apitest.NewServer(t)
	ca, cert := s.Trust("emu-cluster")
	p := apitest.Int(t, apitest.Obj(t, s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "p"}), "kmipKeyProvider")["keyProviderID"])
	sid := apitest.Int(t, apitest.Obj(t, s.OK("CreateKeyServerKmip", map[string]any{"kmipCaCertificate": ca, "kmipClientCertificate": cert,
		"kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": "s", "kmipKeyServerPort": s.Emu.KMIPPort()}), "kmipKeyServer")["keyServerID"])
	rule := s.AddRule(map[string]any{"target": "kmip-server", "kind": "refuse"})
	s.Fail("AddKeyServerToProviderKmip", map[string]any{"keyProviderID": p, "keyServerID": sid}, "xKmipConnectionFailure")
	require.Nil(t, apitest.Obj(t, s.OK("GetKeyServerKmip", map[string]any{"keyServerID": sid}), "kmipKeyServer")["keyProviderID"])
	s.DeleteRule(rule)
	s.OK("AddKeyServerToProviderKmip", map[string]any{"keyProviderID": p, "keyServerID": sid})
	require.Equal(t, p, apitest.Int(t, apitest.Obj(t, s.OK("GetKeyServerKmip", map[string]any{"keyServerID": sid}), "kmipKeyServer")["keyProviderID"]))
}

// TestFaultResolvedByTest: a kmipServerFault raised by a failed rekey is
// resolved by the next successful contact (D44).
func TestFaultResolvedByTest(t *testing.T) {
	s := apitest.NewServer(t)
	p, sid := s.SetupEKM()
	rule := s.AddRule(map[string]any{"target": "kmip-server", "kind": "error", "operation": "Create", "reason": "GeneralFailure"})
	h := s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyProviderID": p})["asyncHandle"]
	s.Advance(6)
	r := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})
	require.Equal(t, "xKmipServerError", apitest.Obj(t, r, "error")["name"])
	current := s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"].([]any)
	require.Len(t, current, 1)
	require.Regexp(t, `^Server error`, current[0].(map[string]any)["details"])
	s.DeleteRule(rule)
	s.Advance(1)
	s.OK("TestKeyServerKmip", map[string]any{"keyServerID": sid})
	require.Empty(t, s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"])
	resolved := s.OK("ListClusterFaults", map[string]any{"faultTypes": "resolved"})["faults"].([]any)
	require.Len(t, resolved, 1)
	f := resolved[0].(map[string]any)
	require.Equal(t, true, f["resolved"])
	require.Equal(t, "2026-03-04T10:00:07.000000Z", f["resolvedDate"])
	require.Equal(t, "2026-03-04T10:00:02.000000Z", f["date"])
	s.OK("ClearClusterFaults", nil)
	require.Empty(t, s.OK("ListClusterFaults", nil)["faults"])
}

// TestBootReadsExternalMasterKeyBack: with an external SEAR master key, a
// restart reads the key back; an unreachable server raises kmipServerFault
// (the kmipServerFault recovery's variant (iii), docs/element-api.md), retried
// every 60 s until it answers.
func TestBootReadsExternalMasterKeyBack(t *testing.T) {
	s := apitest.NewServer(t)
	p, sid := s.SetupEKM()
	h := s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyProviderID": p})["asyncHandle"]
	s.Advance(6)
	require.Equal(t, "complete", s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})["status"])

	rule := s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "unreachable"})
	s = s.Restart()
	current := s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"].([]any)
	require.Len(t, current, 1)
	f := current[0].(map[string]any)
	require.Equal(t, "kmipServerFault", f["code"])
	require.Regexp(t, `^Connection failure`, f["details"])

	s.Advance(120)
	require.Len(t, s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"], 1, "retries at 60 s and 120 s fail")
	s.DeleteRule(rule)
	s.Advance(59)
	require.Len(t, s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"], 1, "no retry before 60 s have passed")
	s.Advance(1)
	require.Empty(t, s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"], "the retry at 180 s succeeds")
	resolved := s.OK("ListClusterFaults", map[string]any{"faultTypes": "resolved"})["faults"].([]any)
	require.Len(t, resolved, 1)
	require.Equal(t, "2026-03-04T10:03:06.000000Z", resolved[0].(map[string]any)["resolvedDate"])

	// The lab control power-cycles too; with the server reachable nothing is raised.
	status, _ := s.Control("POST", "restart", map[string]any{})
	require.Equal(t, 200, status)
	require.Empty(t, s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"])
}
