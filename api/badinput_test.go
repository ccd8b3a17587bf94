package api_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

// Bad-input tables for every method of api/methods.go (spec §1.6–§1.8,
// §2.2–§2.6, §2.8, §3.1). Every failing call is bracketed by a snapshot of
// all observable state, which must not move (§1.6: "A failure changes no
// state"); ID counters are checked by creating an object afterwards.

// ---------------------------------------------------------------------------
// Wire helpers. They take the subtest's t (never s.T) so a failure stops the
// right goroutine.

// rpcAnswer is a decoded Element envelope.
type rpcAnswer struct {
	Result map[string]any `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Name    string `json:"name"`
		Message string `json:"message"`
	} `json:"error"`
	raw string
}

// postRPC posts body to /json-rpc/<version> and decodes the envelope.
func postRPC(t *testing.T, s *apitest.Server, version, body string) rpcAnswer {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL+"/json-rpc/"+version, strings.NewReader(body))
	require.NoError(t, err)
	req.SetBasicAuth(s.User, s.Pass)
	resp, err := s.Client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s -> %s", body, b)
	var a rpcAnswer
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	require.NoError(t, d.Decode(&a), string(b))
	a.raw = string(b)
	require.True(t, (a.Error == nil) != (a.Result == nil), "exactly one of result/error: %s", b)
	return a
}

// call sends method with params given as raw JSON text ("" = no params member).
func call(t *testing.T, s *apitest.Server, method, params string) rpcAnswer {
	t.Helper()
	body := `{"method":` + js(t, method) + `,"id":1`
	if params != "" {
		body += `,"params":` + params
	}
	return postRPC(t, s, s.Version, body+"}")
}

// ok requires success and returns the result.
func ok(t *testing.T, s *apitest.Server, method, params string) map[string]any {
	t.Helper()
	a := call(t, s, method, params)
	require.Nil(t, a.Error, "%s %s: %s", method, params, a.raw)
	return a.Result
}

func control(t *testing.T, s *apitest.Server, method, path string, body any) map[string]any {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = strings.NewReader(js(t, body))
	}
	req, err := http.NewRequest(method, s.URL+"/_emulator/"+path, rd)
	require.NoError(t, err)
	req.SetBasicAuth(s.User, s.Pass)
	resp, err := s.Client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s %s: %s", method, path, b)
	return decode(t, b)
}

func js(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// obj builds a params object from members; json.RawMessage values go out verbatim.
func obj(t *testing.T, members map[string]any) string { return js(t, members) }

type raw = json.RawMessage

func num(t *testing.T, v any) int64 { t.Helper(); return apitest.Int(t, v) }

// snapshot is every observable piece of stored state (the brief's list plus
// events, the CSR of the current key pair and the KMIP statistics).
func snapshot(t *testing.T, s *apitest.Server) map[string]any {
	t.Helper()
	snap := map[string]any{}
	for _, m := range []string{"ListKeyServersKmip", "ListKeyProvidersKmip", "GetSoftwareEncryptionAtRestInfo",
		"ListAsyncResults", "ListClusterFaults", "GetClusterInfo", "ListEvents"} {
		snap[m] = ok(t, s, m, "")
	}
	// The CSR is deterministic for one key pair (PKCS#1 v1.5), so it pins the pair.
	if a := call(t, s, "GetClientCertificateSignRequest", ""); a.Error != nil {
		snap["csr"] = a.Error.Name
	} else {
		snap["csr"] = a.Result
	}
	for _, p := range []string{"kmip/objects", "faults", "kmip/stats"} {
		snap["/_emulator/"+p] = control(t, s, http.MethodGet, p, nil)
	}
	return snap
}

const statsKey = "/_emulator/kmip/stats"

func without(m map[string]any, key string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if k != key {
			out[k] = v
		}
	}
	return out
}

// requireSameState compares two snapshots part by part, so a failure shows
// only the part that moved.
func requireSameState(t *testing.T, before, after map[string]any, what string) {
	t.Helper()
	require.Len(t, after, len(before))
	var moved []string
	for k, v := range before {
		if !reflect.DeepEqual(v, after[k]) {
			moved = append(moved, k)
		}
	}
	if len(moved) == 0 {
		return
	}
	sort.Strings(moved)
	require.Equal(t, before[moved[0]], after[moved[0]], "%s changed %v", what, moved)
}

// ---------------------------------------------------------------------------
// Case tables.

type matchKind int

const (
	exact matchKind = iota
	prefix
	contains
)

type badCase struct {
	name   string // what is wrong, for the subtest name
	method string
	params string // raw JSON text; "" = no params member
	err    string
	msg    string
	match  matchKind
	query  string // when set, the request is this GET query string instead (§1.2, D39)
}

func missing(name, method, params, member string) badCase {
	return badCase{name, method, params, "xMissingParameter", "Missing member=[" + member + "]", exact, ""}
}

func wrongType(name, method, params, member string) badCase {
	return badCase{name, method, params, "xInvalidParameterType", "Invalid type for member=[" + member, prefix, ""}
}

func badEnum(name, method, params, value, member string) badCase {
	return badCase{name, method, params, "xUnrecognizedEnumString",
		"Unrecognized enum string=[" + value + "] for member=[" + member + "]", exact, ""}
}

func invalid(name, method, params, member string) badCase {
	return badCase{name, method, params, "xInvalidParameter", "Invalid value for member=[" + member + "]: ", prefix, ""}
}

func noServer(name, method, params string, providerID int64) badCase {
	return badCase{name, method, params, "xInvalidParameter",
		fmt.Sprintf("Key provider %d has no key servers assigned.", providerID), contains, ""}
}

func noKeyServer(name, method, params string, id int64) badCase {
	return badCase{name, method, params, "xKeyServerIDDoesNotExist", fmt.Sprintf("KMIP key server %d does not exist.", id), exact, ""}
}

func noProvider(name, method, params string, id int64) badCase {
	return badCase{name, method, params, "xKeyProviderIDDoesNotExist", fmt.Sprintf("KMIP key provider %d does not exist.", id), exact, ""}
}

func noHandle(name, params string, h int64) badCase {
	return badCase{name, "GetAsyncResult", params, "xAsyncHandleDoesNotExist", fmt.Sprintf("Async handle %d does not exist.", h), exact, ""}
}

func notPermitted(name, method, params, msg string) badCase {
	return badCase{name, method, params, "xAPINotPermitted", msg, exact, ""}
}

func notObject(method, params string) badCase {
	return badCase{"params " + params, method, params, "xInvalidRequest", "Invalid JSON-RPC request: ", prefix, ""}
}

// viaGET sends c in the GET form with query (method= is added).
func viaGET(c badCase, query string) badCase {
	c.name = "GET " + c.name
	c.query = "method=" + c.method + "&" + query
	return c
}

// getRPC sends the GET form of a request.
func getRPC(t *testing.T, s *apitest.Server, query string) rpcAnswer {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL+"/json-rpc/"+s.Version+"?"+query, nil)
	require.NoError(t, err)
	req.SetBasicAuth(s.User, s.Pass)
	resp, err := s.Client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s -> %s", query, b)
	var a rpcAnswer
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	require.NoError(t, d.Decode(&a), string(b))
	a.raw = string(b)
	return a
}

// runBad runs each case as a subtest named by outcome and requires the
// error and an unchanged snapshot. The snapshot after one case is the
// snapshot before the next (nothing else runs in between).
func runBad(t *testing.T, s *apitest.Server, cases []badCase) {
	t.Helper()
	var prev map[string]any
	for _, c := range cases {
		t.Run(c.err+"/"+c.method+"/"+c.name, func(t *testing.T) {
			before := prev
			prev = nil
			if before == nil {
				before = snapshot(t, s)
			}
			var a rpcAnswer
			if c.query != "" {
				a = getRPC(t, s, c.query)
			} else {
				a = call(t, s, c.method, c.params)
			}
			require.NotNil(t, a.Error, "%s %s should fail with %s: %s", c.method, c.params, c.err, a.raw)
			require.Equal(t, 500, a.Error.Code)
			require.Equal(t, c.err, a.Error.Name, a.raw)
			switch c.match {
			case exact:
				require.Equal(t, c.msg, a.Error.Message)
			case prefix:
				require.True(t, strings.HasPrefix(a.Error.Message, c.msg), "message %q should start with %q", a.Error.Message, c.msg)
			case contains:
				require.Contains(t, a.Error.Message, c.msg)
			}
			after := snapshot(t, s)
			prev = after
			if strings.HasPrefix(c.err, "xKmip") {
				// Step 9 failures did talk to the key server: only its
				// connection counters may move, nothing the cluster stores.
				before, after = without(before, statsKey), without(after, statsKey)
			}
			requireSameState(t, before, after, "a failing "+c.method)
		})
	}
}

// requireNextProvider creates a provider and requires the expected ID: no
// failing call consumed a provider ID.
func requireNextProvider(t *testing.T, s *apitest.Server, want int64) {
	t.Helper()
	t.Run("succeeds/counter/CreateKeyProviderKmip", func(t *testing.T) {
		p := ok(t, s, "CreateKeyProviderKmip", `{"keyProviderName":"after-failures"}`)
		require.Equal(t, want, num(t, apitest.Obj(t, p, "kmipKeyProvider")["keyProviderID"]))
	})
}

// junkPEMs returns PEM texts that are not certificates.
func junkPEMs(t *testing.T) (csrPEM, keyPEM, pubPEM, garbageCertPEM string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	csr, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: "emu-cluster"}}, key)
	require.NoError(t, err)
	der, err := x509.MarshalPKCS8PrivateKey(key)
	require.NoError(t, err)
	pub, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	require.NoError(t, err)
	enc := func(typ string, b []byte) string { return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: b})) }
	return enc("CERTIFICATE REQUEST", csr), enc("PRIVATE KEY", der), enc("PUBLIC KEY", pub),
		enc("CERTIFICATE", []byte("this is not DER at all"))
}

// foreignCA returns a self-signed CA certificate that parses but did not
// issue the embedded key server's certificate.
func foreignCA(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "Foreign KMS CA"},
		NotBefore: apitest.Start().Add(-time.Hour), NotAfter: apitest.Start().AddDate(5, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

// requireNoOp runs a call the spec calls a no-op (§3.1) and requires an
// unchanged snapshot.
func requireNoOp(t *testing.T, s *apitest.Server, name, method, params string) {
	t.Helper()
	t.Run("succeeds/no_op/"+method+"/"+name, func(t *testing.T) {
		before := snapshot(t, s)
		ok(t, s, method, params)
		requireSameState(t, before, snapshot(t, s), fmt.Sprintf("%s %s is a no-op (§2.3, §2.4, §3.1) but", method, params))
	})
}

// ---------------------------------------------------------------------------
// Fixture: a cluster with every KMIP situation the state rules need.

type kmipFixture struct {
	s                *apitest.Server
	ca, cert         string
	active, activeS  int64 // provider holding the SEAR master key, and its only server
	empty            int64 // provider without a server
	inactive, inactS int64 // inactive provider with a server
	free             int64 // unassigned, reachable server
	dead             int64 // unassigned server on a port nobody listens on
}

func newKMIPFixture(t *testing.T) *kmipFixture {
	t.Helper()
	s := apitest.NewServer(t)
	f := &kmipFixture{s: s}
	f.active, f.activeS = s.SetupEKM()
	ks := apitest.Obj(t, ok(t, s, "GetKeyServerKmip", obj(t, map[string]any{"keyServerID": f.activeS})), "kmipKeyServer")
	f.ca, f.cert = ks["kmipCaCertificate"].(string), ks["kmipClientCertificate"].(string)

	// Move the SEAR master key to the provider: it becomes active (D17).
	h := num(t, ok(t, s, "RekeySoftwareEncryptionAtRestMasterKey", obj(t, map[string]any{"keyManagementType": "External", "keyProviderID": f.active}))["asyncHandle"])
	s.Advance(6)
	r := ok(t, s, "GetAsyncResult", obj(t, map[string]any{"asyncHandle": h, "keepResult": true}))
	require.Equal(t, "complete", r["status"], "%v", r)
	require.Equal(t, true, apitest.Obj(t, ok(t, s, "GetKeyProviderKmip", obj(t, map[string]any{"keyProviderID": f.active})), "kmipKeyProvider")["keyProviderIsActive"])

	f.free = f.createServer(t, "free", s.Emu.KMIPPort())
	f.empty = f.createProvider(t, "empty")
	f.inactive = f.createProvider(t, "inactive")
	f.inactS = f.createServer(t, "inactive-kms", s.Emu.KMIPPort())
	ok(t, s, "AddKeyServerToProviderKmip", obj(t, map[string]any{"keyProviderID": f.inactive, "keyServerID": f.inactS}))
	f.dead = f.createServer(t, "dead", 1)
	require.Equal(t, []int64{1, 2, 3}, []int64{f.active, f.empty, f.inactive})
	require.Equal(t, []int64{1, 2, 3, 4}, []int64{f.activeS, f.free, f.inactS, f.dead})
	return f
}

func (f *kmipFixture) serverParams(t *testing.T, name string, port int) map[string]any {
	return map[string]any{"kmipCaCertificate": f.ca, "kmipClientCertificate": f.cert,
		"kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": name, "kmipKeyServerPort": port}
}

func (f *kmipFixture) createServer(t *testing.T, name string, port int) int64 {
	t.Helper()
	r := ok(t, f.s, "CreateKeyServerKmip", obj(t, f.serverParams(t, name, port)))
	return num(t, apitest.Obj(t, r, "kmipKeyServer")["keyServerID"])
}

func (f *kmipFixture) createProvider(t *testing.T, name string) int64 {
	t.Helper()
	r := ok(t, f.s, "CreateKeyProviderKmip", obj(t, map[string]any{"keyProviderName": name}))
	return num(t, apitest.Obj(t, r, "kmipKeyProvider")["keyProviderID"])
}

// ---------------------------------------------------------------------------
// Envelope-level and parameter-free methods.

// allMethods is api/methods.go's table.
var allMethods = []string{
	"GetAPI", "GetClusterInfo", "GetClusterVersionInfo", "ListActiveNodes", "ListAllNodes", "GetClusterCapacity", "ListEvents",
	"CreatePublicPrivateKeyPair", "GetClientCertificateSignRequest",
	"CreateKeyServerKmip", "ModifyKeyServerKmip", "DeleteKeyServerKmip", "GetKeyServerKmip", "ListKeyServersKmip", "TestKeyServerKmip",
	"CreateKeyProviderKmip", "DeleteKeyProviderKmip", "GetKeyProviderKmip", "ListKeyProvidersKmip", "TestKeyProviderKmip",
	"AddKeyServerToProviderKmip", "RemoveKeyServerFromProviderKmip",
	"RekeySoftwareEncryptionAtRestMasterKey", "GetSoftwareEncryptionAtRestInfo",
	"GetAsyncResult", "ListAsyncResults", "ListClusterFaults", "ClearClusterFaults",
}

func TestBadInputEnvelopeAndNoParamMethods(t *testing.T) {
	f := newKMIPFixture(t)
	s := f.s

	// params that is not an object → xInvalidRequest (§1.4, §1.8), for every method.
	var cases []badCase
	for _, m := range allMethods {
		for _, p := range []string{`[]`, `"keyServerID=1"`, `1`, `true`} {
			cases = append(cases, notObject(m, p))
		}
	}
	runBad(t, s, cases)

	// Methods newer than the URL version → xUnknownAPIMethod (D7), no state change.
	for _, tt := range []struct{ version, method, params string }{
		{"12.2", "RekeySoftwareEncryptionAtRestMasterKey", `{"keyManagementType":"Internal"}`},
		{"11.5", "CreateKeyProviderKmip", `{"keyProviderName":"too-early"}`},
		{"11.5", "DeleteKeyProviderKmip", `{"keyProviderID":2}`},
	} {
		t.Run("xUnknownAPIMethod/"+tt.method+"/at_"+tt.version, func(t *testing.T) {
			before := snapshot(t, s)
			a := postRPC(t, s, tt.version, `{"method":"`+tt.method+`","params":`+tt.params+`,"id":1}`)
			require.NotNil(t, a.Error, a.raw)
			require.Equal(t, "xUnknownAPIMethod", a.Error.Name)
			require.Contains(t, a.Error.Message, "method="+tt.method)
			requireSameState(t, before, snapshot(t, s), "a refused "+tt.method)
		})
	}

	// Unknown params are ignored (D6): same answer as without params.
	for _, m := range []string{"GetAPI", "GetClusterInfo", "GetClusterVersionInfo", "ListActiveNodes", "ListAllNodes",
		"GetClusterCapacity", "GetClientCertificateSignRequest", "GetSoftwareEncryptionAtRestInfo", "ListEvents",
		"ListKeyServersKmip", "ListKeyProvidersKmip", "ListAsyncResults", "ListClusterFaults"} {
		t.Run("succeeds/unknown_param_ignored/"+m, func(t *testing.T) {
			want := ok(t, s, m, "")
			require.Equal(t, want, ok(t, s, m, `{"bogus":1,"forceDuringBinSync":true,"keyServerID":"x"}`))
			require.Equal(t, want, ok(t, s, m, `null`))
			require.Equal(t, want, ok(t, s, m, `{}`))
		})
	}
	requireNextProvider(t, s, 4)
}

// ---------------------------------------------------------------------------
// Cluster basics with parameters: ListEvents.

func TestBadInputListEvents(t *testing.T) {
	s := apitest.NewServer(t)
	ok(t, s, "CreateKeyProviderKmip", `{"keyProviderName":"p"}`) // one apiEvent at least
	const m = "ListEvents"
	runBad(t, s, []badCase{
		wrongType("maxEvents string", m, `{"maxEvents":"abc"}`, "maxEvents"),
		wrongType("maxEvents fraction", m, `{"maxEvents":1.5}`, "maxEvents"),
		wrongType("maxEvents bool", m, `{"maxEvents":true}`, "maxEvents"),
		wrongType("maxEvents array", m, `{"maxEvents":[1]}`, "maxEvents"),
		wrongType("startEventID object", m, `{"startEventID":{}}`, "startEventID"),
		wrongType("endEventID empty string", m, `{"endEventID":""}`, "endEventID"),
		wrongType("eventType number", m, `{"eventType":7}`, "eventType"),
		wrongType("nodeID array", m, `{"nodeID":[1]}`, "nodeID"),
		wrongType("serviceID fraction", m, `{"serviceID":101.5}`, "serviceID"),
		wrongType("driveID bool", m, `{"driveID":false}`, "driveID"),
		wrongType("startReportTime number", m, `{"startReportTime":20260304}`, "startReportTime"),
		invalid("driveID beyond int64", m, `{"driveID":99999999999999999999}`, "driveID"),
		invalid("maxEvents negative", m, `{"maxEvents":-1}`, "maxEvents"),
		invalid("startReportTime garbage", m, `{"startReportTime":"yesterday"}`, "startReportTime"),
	})
	t.Run("succeeds/coercion/maxEvents_string_and_float", func(t *testing.T) {
		all := ok(t, s, m, "")["events"].([]any)
		require.NotEmpty(t, all)
		require.Len(t, ok(t, s, m, `{"maxEvents":"1"}`)["events"], 1)
		require.Len(t, ok(t, s, m, `{"maxEvents":1.0}`)["events"], 1)
		require.Len(t, ok(t, s, m, `{"maxEvents":null}`)["events"], len(all))
	})
	requireNextProvider(t, s, 2)
}

// ---------------------------------------------------------------------------
// KMIP trust relationship (§2.2).

func TestBadInputTrust(t *testing.T) {
	s := apitest.NewServer(t)
	const cp = "CreatePublicPrivateKeyPair"
	// Before any key pair (D16).
	runBad(t, s, []badCase{
		{"before CreatePublicPrivateKeyPair", "GetClientCertificateSignRequest", "", "xKeyPairDoesNotExist",
			"No public/private key pair exists; call CreatePublicPrivateKeyPair first.", exact, ""},
		{"before CreatePublicPrivateKeyPair with params", "GetClientCertificateSignRequest", `{"commonName":"x"}`, "xKeyPairDoesNotExist",
			"No public/private key pair exists; call CreatePublicPrivateKeyPair first.", exact, ""},
		wrongType("commonName number", cp, `{"commonName":1}`, "commonName"),
	})

	s.Trust("emu-cluster")
	// With a key pair: a failing call must not replace it (the CSR pins it).
	runBad(t, s, []badCase{
		wrongType("commonName number", cp, `{"commonName":1}`, "commonName"),
		wrongType("commonName array", cp, `{"commonName":["emu"]}`, "commonName"),
		wrongType("organization object", cp, `{"organization":{}}`, "organization"),
		wrongType("organizationalUnit bool", cp, `{"organizationalUnit":true}`, "organizationalUnit"),
		wrongType("locality number", cp, `{"locality":1.5}`, "locality"),
		wrongType("state array", cp, `{"state":[]}`, "state"),
		wrongType("country number", cp, `{"country":1}`, "country"),
		wrongType("emailAddress array", cp, `{"emailAddress":["ops@lab.example"]}`, "emailAddress"),
		wrongType("first bad member in table order", cp, `{"commonName":"ok","organization":1,"emailAddress":2}`, "organization"),
		invalid("country not two letters", cp, `{"commonName":"emu","country":"USA"}`, "country"),
	})
	t.Run("succeeds/null_optionals_are_not_supplied", func(t *testing.T) {
		before := ok(t, s, "GetClientCertificateSignRequest", "")
		require.Empty(t, ok(t, s, cp, `{"commonName":null,"organization":null,"bogus":[1]}`))
		after := ok(t, s, "GetClientCertificateSignRequest", "")
		require.NotEqual(t, before, after, "a new key pair replaces the old one (D16)")
		block, _ := pem.Decode([]byte(after["clientCertificateSignRequest"].(string)))
		require.NotNil(t, block)
		csr, err := x509.ParseCertificateRequest(block.Bytes)
		require.NoError(t, err)
		require.Equal(t, "emu-cluster", csr.Subject.CommonName, "commonName defaults to the cluster name")
	})
	requireNextProvider(t, s, 1)
}

// ---------------------------------------------------------------------------
// KMIP key servers (§2.3).

func TestBadInputKeyServers(t *testing.T) {
	f := newKMIPFixture(t)
	s := f.s
	csrPEM, keyPEM, pubPEM, garbageCert := junkPEMs(t)
	foreign := foreignCA(t)
	const truncatedDocExample = "-----BEGIN CERTIFICATE-----\nMIIC...\n-----END CERTIFICATE-----\n"

	// create builds CreateKeyServerKmip params from a valid base.
	create := func(over map[string]any, drop ...string) string {
		p := f.serverParams(t, "bad", s.Emu.KMIPPort())
		delete(p, "kmipKeyServerPort")
		for k, v := range over {
			p[k] = v
		}
		for _, k := range drop {
			delete(p, k)
		}
		return obj(t, p)
	}
	modify := func(id int64, over map[string]any) string {
		p := map[string]any{"keyServerID": id}
		for k, v := range over {
			p[k] = v
		}
		return obj(t, p)
	}
	id := func(v any) string { return obj(t, map[string]any{"keyServerID": v}) }
	const cr, mod = "CreateKeyServerKmip", "ModifyKeyServerKmip"
	lastOfActive := fmt.Sprintf("Key server %d is the last server of active key provider %d.", f.activeS, f.active)

	cases := []badCase{
		// CreateKeyServerKmip: missing / null required members, in table order.
		missing("no params", cr, "", "kmipCaCertificate"),
		missing("empty params", cr, `{}`, "kmipCaCertificate"),
		missing("params null", cr, `null`, "kmipCaCertificate"),
		missing("kmipCaCertificate absent", cr, create(nil, "kmipCaCertificate"), "kmipCaCertificate"),
		missing("kmipCaCertificate null", cr, create(map[string]any{"kmipCaCertificate": nil}), "kmipCaCertificate"),
		missing("kmipClientCertificate absent", cr, create(nil, "kmipClientCertificate"), "kmipClientCertificate"),
		missing("kmipClientCertificate null", cr, create(map[string]any{"kmipClientCertificate": nil}), "kmipClientCertificate"),
		missing("kmipKeyServerHostnames absent", cr, create(nil, "kmipKeyServerHostnames"), "kmipKeyServerHostnames"),
		missing("kmipKeyServerHostnames null", cr, create(map[string]any{"kmipKeyServerHostnames": nil}), "kmipKeyServerHostnames"),
		missing("kmipKeyServerName absent", cr, create(nil, "kmipKeyServerName"), "kmipKeyServerName"),
		missing("kmipKeyServerName null", cr, create(map[string]any{"kmipKeyServerName": nil}), "kmipKeyServerName"),
		missing("two absent, first in table order", cr, create(nil, "kmipKeyServerName", "kmipClientCertificate"), "kmipClientCertificate"),
		// Wrong JSON types.
		wrongType("kmipCaCertificate number", cr, create(map[string]any{"kmipCaCertificate": 5}), "kmipCaCertificate"),
		wrongType("kmipCaCertificate array of PEM", cr, create(map[string]any{"kmipCaCertificate": []string{f.ca}}), "kmipCaCertificate"),
		wrongType("kmipClientCertificate bool", cr, create(map[string]any{"kmipClientCertificate": true}), "kmipClientCertificate"),
		wrongType("kmipClientCertificate object", cr, create(map[string]any{"kmipClientCertificate": map[string]any{}}), "kmipClientCertificate"),
		wrongType("kmipKeyServerHostnames string", cr, create(map[string]any{"kmipKeyServerHostnames": "127.0.0.1"}), "kmipKeyServerHostnames"),
		wrongType("kmipKeyServerHostnames number element", cr, create(map[string]any{"kmipKeyServerHostnames": []any{1}}), "kmipKeyServerHostnames"),
		wrongType("kmipKeyServerHostnames null element", cr, create(map[string]any{"kmipKeyServerHostnames": []any{"127.0.0.1", nil}}), "kmipKeyServerHostnames"),
		wrongType("kmipKeyServerName number", cr, create(map[string]any{"kmipKeyServerName": 5}), "kmipKeyServerName"),
		wrongType("kmipKeyServerPort string", cr, create(map[string]any{"kmipKeyServerPort": "abc"}), "kmipKeyServerPort"),
		wrongType("kmipKeyServerPort fraction", cr, create(map[string]any{"kmipKeyServerPort": raw("5696.5")}), "kmipKeyServerPort"),
		wrongType("kmipKeyServerPort array", cr, create(map[string]any{"kmipKeyServerPort": []int{5696}}), "kmipKeyServerPort"),
		wrongType("kmipKeyServerPort bool", cr, create(map[string]any{"kmipKeyServerPort": true}), "kmipKeyServerPort"),
		wrongType("kmipKeyServerPort empty string", cr, create(map[string]any{"kmipKeyServerPort": ""}), "kmipKeyServerPort"),
		// Invalid values.
		invalid("kmipKeyServerHostnames empty", cr, create(map[string]any{"kmipKeyServerHostnames": []string{}}), "kmipKeyServerHostnames"),
		invalid("kmipKeyServerHostnames empty string", cr, create(map[string]any{"kmipKeyServerHostnames": []string{""}}), "kmipKeyServerHostnames"),
		invalid("kmipKeyServerHostnames second empty", cr, create(map[string]any{"kmipKeyServerHostnames": []string{"127.0.0.1", ""}}), "kmipKeyServerHostnames"),
		invalid("kmipKeyServerName empty", cr, create(map[string]any{"kmipKeyServerName": ""}), "kmipKeyServerName"),
		invalid("kmipKeyServerPort 0", cr, create(map[string]any{"kmipKeyServerPort": 0}), "kmipKeyServerPort"),
		invalid("kmipKeyServerPort 70000", cr, create(map[string]any{"kmipKeyServerPort": 70000}), "kmipKeyServerPort"),
		invalid("kmipKeyServerPort 65536", cr, create(map[string]any{"kmipKeyServerPort": 65536}), "kmipKeyServerPort"),
		invalid("kmipKeyServerPort negative", cr, create(map[string]any{"kmipKeyServerPort": -1}), "kmipKeyServerPort"),
		invalid("kmipKeyServerPort beyond int64", cr, create(map[string]any{"kmipKeyServerPort": raw("99999999999999999999")}), "kmipKeyServerPort"),
		invalid("kmipKeyServerPort 1e400", cr, create(map[string]any{"kmipKeyServerPort": raw("1e400")}), "kmipKeyServerPort"),
		invalid("kmipCaCertificate empty", cr, create(map[string]any{"kmipCaCertificate": ""}), "kmipCaCertificate"),
		invalid("kmipCaCertificate garbage", cr, create(map[string]any{"kmipCaCertificate": "not a certificate"}), "kmipCaCertificate"),
		invalid("kmipCaCertificate truncated documentation example", cr, create(map[string]any{"kmipCaCertificate": truncatedDocExample}), "kmipCaCertificate"),
		invalid("kmipCaCertificate PEM CERTIFICATE with junk DER", cr, create(map[string]any{"kmipCaCertificate": garbageCert}), "kmipCaCertificate"),
		invalid("kmipCaCertificate is a CSR", cr, create(map[string]any{"kmipCaCertificate": csrPEM}), "kmipCaCertificate"),
		invalid("kmipCaCertificate is a private key", cr, create(map[string]any{"kmipCaCertificate": keyPEM}), "kmipCaCertificate"),
		invalid("kmipCaCertificate is a public key", cr, create(map[string]any{"kmipCaCertificate": pubPEM}), "kmipCaCertificate"),
		invalid("kmipClientCertificate empty", cr, create(map[string]any{"kmipClientCertificate": ""}), "kmipClientCertificate"),
		invalid("kmipClientCertificate garbage", cr, create(map[string]any{"kmipClientCertificate": "-----BEGIN CERTIFICATE-----\nnope\n"}), "kmipClientCertificate"),
		invalid("kmipClientCertificate is a CSR", cr, create(map[string]any{"kmipClientCertificate": csrPEM}), "kmipClientCertificate"),
		invalid("kmipClientCertificate is a private key", cr, create(map[string]any{"kmipClientCertificate": keyPEM}), "kmipClientCertificate"),
		invalid("kmipClientCertificate PEM CERTIFICATE with junk DER", cr, create(map[string]any{"kmipClientCertificate": garbageCert}), "kmipClientCertificate"),
		invalid("two invalid, first in table order", cr, create(map[string]any{"kmipKeyServerPort": 0, "kmipCaCertificate": "junk"}), "kmipCaCertificate"),

		// ModifyKeyServerKmip.
		missing("no params", mod, "", "keyServerID"),
		missing("keyServerID null", mod, `{"keyServerID":null,"kmipKeyServerName":"x"}`, "keyServerID"),
		missing("only optional members", mod, `{"kmipKeyServerName":"x"}`, "keyServerID"),
		wrongType("keyServerID string", mod, `{"keyServerID":"two"}`, "keyServerID"),
		wrongType("keyServerID fraction", mod, `{"keyServerID":1.5}`, "keyServerID"),
		wrongType("keyServerID array", mod, `{"keyServerID":[2]}`, "keyServerID"),
		wrongType("keyServerID bool", mod, `{"keyServerID":true}`, "keyServerID"),
		wrongType("kmipKeyServerName number", mod, modify(f.free, map[string]any{"kmipKeyServerName": 1}), "kmipKeyServerName"),
		wrongType("kmipKeyServerHostnames string", mod, modify(f.free, map[string]any{"kmipKeyServerHostnames": "h"}), "kmipKeyServerHostnames"),
		wrongType("kmipKeyServerPort string", mod, modify(f.free, map[string]any{"kmipKeyServerPort": "port"}), "kmipKeyServerPort"),
		wrongType("kmipCaCertificate array", mod, modify(f.free, map[string]any{"kmipCaCertificate": []any{}}), "kmipCaCertificate"),
		invalid("keyServerID beyond int64", mod, `{"keyServerID":99999999999999999999}`, "keyServerID"),
		invalid("kmipKeyServerPort 0", mod, modify(f.free, map[string]any{"kmipKeyServerPort": 0}), "kmipKeyServerPort"),
		invalid("kmipKeyServerPort 70000", mod, modify(f.free, map[string]any{"kmipKeyServerPort": 70000}), "kmipKeyServerPort"),
		invalid("kmipKeyServerHostnames empty", mod, modify(f.free, map[string]any{"kmipKeyServerHostnames": []string{}}), "kmipKeyServerHostnames"),
		invalid("kmipKeyServerHostnames empty string", mod, modify(f.free, map[string]any{"kmipKeyServerHostnames": []string{""}}), "kmipKeyServerHostnames"),
		invalid("kmipKeyServerName empty", mod, modify(f.free, map[string]any{"kmipKeyServerName": ""}), "kmipKeyServerName"),
		invalid("kmipCaCertificate garbage", mod, modify(f.free, map[string]any{"kmipCaCertificate": "garbage"}), "kmipCaCertificate"),
		invalid("kmipCaCertificate is a private key", mod, modify(f.free, map[string]any{"kmipCaCertificate": keyPEM}), "kmipCaCertificate"),
		invalid("kmipClientCertificate is a CSR", mod, modify(f.free, map[string]any{"kmipClientCertificate": csrPEM}), "kmipClientCertificate"),
		invalid("kmipClientCertificate empty", mod, modify(f.free, map[string]any{"kmipClientCertificate": ""}), "kmipClientCertificate"),
		invalid("bad certificate of an active provider's server, before any contact", mod,
			modify(f.activeS, map[string]any{"kmipClientCertificate": garbageCert}), "kmipClientCertificate"),
		invalid("bad port of an unknown server: params before lookup", mod, modify(999, map[string]any{"kmipKeyServerPort": 0}), "kmipKeyServerPort"),
		noKeyServer("unknown ID", mod, modify(999, nil), 999),
		noKeyServer("unknown ID with valid changes", mod, modify(999, map[string]any{"kmipKeyServerName": "x"}), 999),
		noKeyServer("ID 0", mod, modify(0, nil), 0),
		noKeyServer("negative ID", mod, modify(-3, nil), -3),
		noKeyServer("ID as exponent 1e2", mod, `{"keyServerID":1e2}`, 100),
		noKeyServer("largest int64 ID", mod, `{"keyServerID":9223372036854775807}`, 9223372036854775807),
		invalid("ID string just beyond int64", mod, `{"keyServerID":"9223372036854775808"}`, "keyServerID"),
		{"active provider's server given a foreign CA", mod, modify(f.activeS, map[string]any{"kmipCaCertificate": foreign}),
			"xKmipAuthenticationFailure", "Authentication failure: ", prefix, ""},
		{"active provider's server moved to a dead port", mod, modify(f.activeS, map[string]any{"kmipKeyServerPort": 1}),
			"xKmipConnectionFailure", "Connection failure: ", prefix, ""},

		// DeleteKeyServerKmip.
		missing("no params", "DeleteKeyServerKmip", "", "keyServerID"),
		missing("keyServerID null", "DeleteKeyServerKmip", `{"keyServerID":null}`, "keyServerID"),
		wrongType("keyServerID string", "DeleteKeyServerKmip", id("x"), "keyServerID"),
		wrongType("keyServerID fraction", "DeleteKeyServerKmip", id(raw("2.5")), "keyServerID"),
		wrongType("keyServerID object", "DeleteKeyServerKmip", id(map[string]any{"id": 2}), "keyServerID"),
		noKeyServer("unknown ID", "DeleteKeyServerKmip", id(999), 999),
		noKeyServer("unknown ID as string", "DeleteKeyServerKmip", id("999"), 999),
		notPermitted("last server of active provider", "DeleteKeyServerKmip", id(f.activeS), lastOfActive),
		notPermitted("last server of active provider, ID as string", "DeleteKeyServerKmip", id(fmt.Sprint(f.activeS)), lastOfActive),

		// GetKeyServerKmip.
		missing("no params", "GetKeyServerKmip", "", "keyServerID"),
		missing("keyServerID null", "GetKeyServerKmip", `{"keyServerID":null}`, "keyServerID"),
		wrongType("keyServerID string", "GetKeyServerKmip", id("abc"), "keyServerID"),
		wrongType("keyServerID fraction", "GetKeyServerKmip", id(raw("1.5")), "keyServerID"),
		wrongType("keyServerID array", "GetKeyServerKmip", id([]int64{1}), "keyServerID"),
		wrongType("keyServerID empty string", "GetKeyServerKmip", id(""), "keyServerID"),
		noKeyServer("unknown ID", "GetKeyServerKmip", id(999), 999),

		// ListKeyServersKmip.
		wrongType("keyProviderID string", "ListKeyServersKmip", `{"keyProviderID":"abc"}`, "keyProviderID"),
		wrongType("keyProviderID fraction", "ListKeyServersKmip", `{"keyProviderID":1.5}`, "keyProviderID"),
		wrongType("kmipAssignedProviderIsActive yes", "ListKeyServersKmip", `{"kmipAssignedProviderIsActive":"yes"}`, "kmipAssignedProviderIsActive"),
		wrongType("kmipAssignedProviderIsActive 2", "ListKeyServersKmip", `{"kmipAssignedProviderIsActive":2}`, "kmipAssignedProviderIsActive"),
		wrongType("kmipHasProviderAssigned array", "ListKeyServersKmip", `{"kmipHasProviderAssigned":[true]}`, "kmipHasProviderAssigned"),
		wrongType("kmipHasProviderAssigned fraction", "ListKeyServersKmip", `{"kmipHasProviderAssigned":0.5}`, "kmipHasProviderAssigned"),

		// TestKeyServerKmip.
		missing("no params", "TestKeyServerKmip", "", "keyServerID"),
		missing("keyServerID null", "TestKeyServerKmip", `{"keyServerID":null}`, "keyServerID"),
		wrongType("keyServerID string", "TestKeyServerKmip", id("one"), "keyServerID"),
		wrongType("keyServerID bool", "TestKeyServerKmip", id(false), "keyServerID"),
		noKeyServer("unknown ID", "TestKeyServerKmip", id(999), 999),
		{"server on a dead port", "TestKeyServerKmip", id(f.dead), "xKmipConnectionFailure", "Connection failure: ", prefix, ""},
	}
	runBad(t, s, cases)

	t.Run("succeeds/coercion/key_server_IDs_and_filters", func(t *testing.T) {
		ks := apitest.Obj(t, ok(t, s, "GetKeyServerKmip", id(fmt.Sprint(f.free))), "kmipKeyServer")
		require.Equal(t, f.free, num(t, ks["keyServerID"]))
		ks = apitest.Obj(t, ok(t, s, "GetKeyServerKmip", id(raw("2.0"))), "kmipKeyServer")
		require.Equal(t, int64(2), num(t, ks["keyServerID"]))
		require.Empty(t, ok(t, s, "ListKeyServersKmip", `{"keyProviderID":999}`)["kmipKeyServers"], "unknown provider filter → empty list")
		require.Len(t, ok(t, s, "ListKeyServersKmip", `{"keyProviderID":"1"}`)["kmipKeyServers"], 1)
		require.Len(t, ok(t, s, "ListKeyServersKmip", `{"kmipHasProviderAssigned":"TRUE"}`)["kmipKeyServers"], 2)
		require.Len(t, ok(t, s, "ListKeyServersKmip", `{"kmipHasProviderAssigned":0}`)["kmipKeyServers"], 2)
		require.Len(t, ok(t, s, "ListKeyServersKmip", `{"kmipAssignedProviderIsActive":"1"}`)["kmipKeyServers"], 1)
		require.Len(t, ok(t, s, "ListKeyServersKmip", `{"kmipAssignedProviderIsActive":"false"}`)["kmipKeyServers"], 1)
		require.Empty(t, ok(t, s, "TestKeyServerKmip", id(fmt.Sprint(f.free))))
	})
	t.Run("succeeds/counter/CreateKeyServerKmip", func(t *testing.T) {
		// String and integral-float ports are coerced (D5); the ID is the next one.
		p := f.serverParams(t, "after-failures", 0)
		p["kmipKeyServerPort"] = fmt.Sprint(s.Emu.KMIPPort())
		ks := apitest.Obj(t, ok(t, s, cr, obj(t, p)), "kmipKeyServer")
		require.Equal(t, int64(5), num(t, ks["keyServerID"]))
		require.Equal(t, int64(s.Emu.KMIPPort()), num(t, ks["kmipKeyServerPort"]))
		require.Nil(t, ks["keyProviderID"])
		p["kmipKeyServerPort"] = raw("5.697e3")
		ks = apitest.Obj(t, ok(t, s, cr, obj(t, p)), "kmipKeyServer")
		require.Equal(t, int64(6), num(t, ks["keyServerID"]))
		require.Equal(t, int64(5697), num(t, ks["kmipKeyServerPort"]))
		delete(p, "kmipKeyServerPort")
		ks = apitest.Obj(t, ok(t, s, cr, obj(t, p)), "kmipKeyServer")
		require.Equal(t, int64(5696), num(t, ks["kmipKeyServerPort"]), "default port")
	})
	requireNoOp(t, s, "only the ID of an unassigned server", mod, modify(f.free, nil))
	requireNoOp(t, s, "only the ID, optional members null", mod, modify(f.free, map[string]any{"kmipKeyServerName": nil,
		"kmipKeyServerPort": nil, "kmipKeyServerHostnames": nil, "kmipCaCertificate": nil, "kmipClientCertificate": nil}))
	requireNoOp(t, s, "only the ID of the active provider's server", mod, modify(f.activeS, nil))
	requireNextProvider(t, s, 4)
}

// ---------------------------------------------------------------------------
// KMIP key providers (§2.4) and the state rules of §3.1.

func TestBadInputKeyProviders(t *testing.T) {
	f := newKMIPFixture(t)
	s := f.s
	pid := func(v any) string { return obj(t, map[string]any{"keyProviderID": v}) }
	both := func(p, sv any) string { return obj(t, map[string]any{"keyProviderID": p, "keyServerID": sv}) }
	sid := func(v any) string { return obj(t, map[string]any{"keyServerID": v}) }
	const add, rm = "AddKeyServerToProviderKmip", "RemoveKeyServerFromProviderKmip"
	fp := f.serverParams(t, "foreign-ca", s.Emu.KMIPPort())
	fp["kmipCaCertificate"] = foreignCA(t)
	foreignS := num(t, apitest.Obj(t, ok(t, s, "CreateKeyServerKmip", obj(t, fp)), "kmipKeyServer")["keyServerID"])

	cases := []badCase{
		// CreateKeyProviderKmip.
		missing("no params", "CreateKeyProviderKmip", "", "keyProviderName"),
		missing("empty params", "CreateKeyProviderKmip", `{}`, "keyProviderName"),
		missing("keyProviderName null", "CreateKeyProviderKmip", `{"keyProviderName":null}`, "keyProviderName"),
		missing("misspelled member", "CreateKeyProviderKmip", `{"keyprovidername":"lab"}`, "keyProviderName"),
		wrongType("keyProviderName number", "CreateKeyProviderKmip", `{"keyProviderName":5}`, "keyProviderName"),
		wrongType("keyProviderName array", "CreateKeyProviderKmip", `{"keyProviderName":["lab"]}`, "keyProviderName"),
		wrongType("keyProviderName bool", "CreateKeyProviderKmip", `{"keyProviderName":false}`, "keyProviderName"),
		invalid("keyProviderName empty", "CreateKeyProviderKmip", `{"keyProviderName":""}`, "keyProviderName"),

		// DeleteKeyProviderKmip.
		missing("no params", "DeleteKeyProviderKmip", "", "keyProviderID"),
		missing("keyProviderID null", "DeleteKeyProviderKmip", pid(nil), "keyProviderID"),
		wrongType("keyProviderID string", "DeleteKeyProviderKmip", pid("one"), "keyProviderID"),
		wrongType("keyProviderID fraction", "DeleteKeyProviderKmip", pid(raw("1.5")), "keyProviderID"),
		wrongType("keyProviderID array", "DeleteKeyProviderKmip", pid([]int{1}), "keyProviderID"),
		invalid("keyProviderID beyond int64", "DeleteKeyProviderKmip", pid(raw("-99999999999999999999")), "keyProviderID"),
		noProvider("unknown ID", "DeleteKeyProviderKmip", pid(999), 999),
		noProvider("ID 0", "DeleteKeyProviderKmip", pid(0), 0),
		notPermitted("active provider", "DeleteKeyProviderKmip", pid(f.active),
			fmt.Sprintf("Key provider %d is active and cannot be deleted.", f.active)),
		notPermitted("active provider, ID as string", "DeleteKeyProviderKmip", pid(fmt.Sprint(f.active)),
			fmt.Sprintf("Key provider %d is active and cannot be deleted.", f.active)),

		// GetKeyProviderKmip.
		missing("no params", "GetKeyProviderKmip", "", "keyProviderID"),
		missing("keyProviderID null", "GetKeyProviderKmip", pid(nil), "keyProviderID"),
		wrongType("keyProviderID string", "GetKeyProviderKmip", pid("first"), "keyProviderID"),
		wrongType("keyProviderID bool", "GetKeyProviderKmip", pid(true), "keyProviderID"),
		wrongType("keyProviderID object", "GetKeyProviderKmip", pid(map[string]any{}), "keyProviderID"),
		noProvider("unknown ID", "GetKeyProviderKmip", pid(999), 999),

		// ListKeyProvidersKmip.
		wrongType("keyProviderIsActive maybe", "ListKeyProvidersKmip", `{"keyProviderIsActive":"maybe"}`, "keyProviderIsActive"),
		wrongType("keyProviderIsActive 2", "ListKeyProvidersKmip", `{"keyProviderIsActive":2}`, "keyProviderIsActive"),
		wrongType("kmipKeyProviderHasServerAssigned array", "ListKeyProvidersKmip", `{"kmipKeyProviderHasServerAssigned":[]}`, "kmipKeyProviderHasServerAssigned"),
		wrongType("kmipKeyProviderHasServerAssigned object", "ListKeyProvidersKmip", `{"kmipKeyProviderHasServerAssigned":{}}`, "kmipKeyProviderHasServerAssigned"),

		// TestKeyProviderKmip.
		missing("no params", "TestKeyProviderKmip", "", "keyProviderID"),
		missing("keyProviderID null", "TestKeyProviderKmip", pid(nil), "keyProviderID"),
		wrongType("keyProviderID string", "TestKeyProviderKmip", pid("x"), "keyProviderID"),
		wrongType("keyProviderID fraction", "TestKeyProviderKmip", pid(raw("3.25")), "keyProviderID"),
		noProvider("unknown ID", "TestKeyProviderKmip", pid(999), 999),
		noServer("provider without a server", "TestKeyProviderKmip", pid(f.empty), f.empty),
		noServer("provider without a server, ID as string", "TestKeyProviderKmip", pid(fmt.Sprint(f.empty)), f.empty),

		// AddKeyServerToProviderKmip.
		missing("no params", add, "", "keyProviderID"),
		missing("empty params: first in table order", add, `{}`, "keyProviderID"),
		missing("keyProviderID absent", add, sid(f.free), "keyProviderID"),
		missing("keyServerID absent", add, pid(f.empty), "keyServerID"),
		missing("keyServerID null", add, both(f.empty, nil), "keyServerID"),
		missing("keyProviderID null", add, both(nil, f.free), "keyProviderID"),
		wrongType("keyProviderID string", add, both("p", f.free), "keyProviderID"),
		wrongType("keyServerID string", add, both(f.empty, "s"), "keyServerID"),
		wrongType("keyServerID array", add, both(f.empty, []int64{f.free}), "keyServerID"),
		wrongType("keyServerID fraction", add, both(f.empty, raw("2.5")), "keyServerID"),
		noProvider("unknown provider", add, both(999, f.free), 999),
		noKeyServer("unknown server", add, both(f.empty, 999), 999),
		noProvider("both unknown: provider first", add, both(998, 999), 998),
		notPermitted("server of another inactive provider", add, both(f.empty, f.inactS),
			fmt.Sprintf("Key server %d is already assigned to key provider %d.", f.inactS, f.inactive)),
		notPermitted("server of the active provider", add, both(f.empty, f.activeS),
			fmt.Sprintf("Key server %d is already assigned to key provider %d.", f.activeS, f.active)),
		notPermitted("second server to a provider", add, both(f.inactive, f.free),
			fmt.Sprintf("Key provider %d already has a key server; only one is supported.", f.inactive)),
		notPermitted("second server to the active provider", add, both(f.active, f.free),
			fmt.Sprintf("Key provider %d already has a key server; only one is supported.", f.active)),
		{"unreachable server", add, both(f.empty, f.dead), "xKmipConnectionFailure", "Connection failure: ", prefix, ""},
		{"server whose CA does not match the KMS", add, both(f.empty, foreignS), "xKmipAuthenticationFailure", "Authentication failure: ", prefix, ""},
		{"server whose CA does not match the KMS", "TestKeyServerKmip", sid(foreignS), "xKmipAuthenticationFailure", "Authentication failure: ", prefix, ""},

		// RemoveKeyServerFromProviderKmip.
		missing("no params", rm, "", "keyServerID"),
		missing("keyServerID null", rm, sid(nil), "keyServerID"),
		missing("keyProviderID is not its parameter", rm, pid(f.active), "keyServerID"),
		wrongType("keyServerID string", rm, sid("abc"), "keyServerID"),
		wrongType("keyServerID bool", rm, sid(true), "keyServerID"),
		noKeyServer("unknown server", rm, sid(999), 999),
		notPermitted("last server of active provider", rm, sid(f.activeS),
			fmt.Sprintf("Key server %d is the last server of active key provider %d.", f.activeS, f.active)),

		// The GET form decodes to the same params (§1.2, D39).
		viaGET(missing("no keyProviderID", "GetKeyProviderKmip", "", "keyProviderID"), "id=3"),
		viaGET(wrongType("keyProviderID word", "GetKeyProviderKmip", "", "keyProviderID"), "keyProviderID=one"),
		viaGET(wrongType("keyProviderID repeated", "GetKeyProviderKmip", "", "keyProviderID"), "keyProviderID=1&keyProviderID=2"),
		viaGET(wrongType("keyProviderID JSON array", "GetKeyProviderKmip", "", "keyProviderID"), "keyProviderID=%5B1%5D"),
		viaGET(noProvider("unknown ID", "DeleteKeyProviderKmip", "", 999), "keyProviderID=999"),
		viaGET(notPermitted("active provider", "DeleteKeyProviderKmip", "",
			fmt.Sprintf("Key provider %d is active and cannot be deleted.", f.active)), fmt.Sprintf("keyProviderID=%d", f.active)),
		viaGET(invalid("keyProviderName empty", "CreateKeyProviderKmip", "", "keyProviderName"), "keyProviderName="),
		viaGET(wrongType("keyProviderName JSON array", "CreateKeyProviderKmip", "", "keyProviderName"), "keyProviderName=%5B%22lab%22%5D"),
		viaGET(noServer("provider without a server", "TestKeyProviderKmip", "", f.empty), fmt.Sprintf("keyProviderID=%d", f.empty)),
		viaGET(notPermitted("second server", add, "", fmt.Sprintf("Key provider %d already has a key server; only one is supported.", f.inactive)),
			fmt.Sprintf("keyProviderID=%d&keyServerID=%d", f.inactive, f.free)),
	}
	runBad(t, s, cases)
	requireNoOp(t, s, "server already in this provider", add, both(f.inactive, f.inactS))
	requireNoOp(t, s, "server already in this provider, IDs as strings", add, both(fmt.Sprint(f.inactive), fmt.Sprint(f.inactS)))
	requireNoOp(t, s, "server already in the active provider", add, both(f.active, f.activeS))
	requireNoOp(t, s, "unassigned server", rm, sid(f.free))
	requireNoOp(t, s, "unassigned server, ID as string", rm, sid(fmt.Sprint(f.dead)))

	t.Run("succeeds/coercion/string_IDs_and_bool_filters", func(t *testing.T) {
		p := apitest.Obj(t, ok(t, s, "GetKeyProviderKmip", `{"keyProviderID":"1"}`), "kmipKeyProvider")
		require.Equal(t, f.active, num(t, p["keyProviderID"]))
		require.Equal(t, true, p["keyProviderIsActive"])
		require.Len(t, ok(t, s, "ListKeyProvidersKmip", `{"keyProviderIsActive":"true"}`)["kmipKeyProviders"], 1)
		require.Len(t, ok(t, s, "ListKeyProvidersKmip", `{"keyProviderIsActive":0}`)["kmipKeyProviders"], 2)
		require.Len(t, ok(t, s, "ListKeyProvidersKmip", `{"kmipKeyProviderHasServerAssigned":"False"}`)["kmipKeyProviders"], 1)
		require.Len(t, ok(t, s, "ListKeyProvidersKmip", `{"kmipKeyProviderHasServerAssigned":"1","keyProviderIsActive":"0"}`)["kmipKeyProviders"], 1)
		require.Empty(t, ok(t, s, "TestKeyProviderKmip", pid(fmt.Sprint(f.inactive))))
	})
	requireNextProvider(t, s, 4)
}

// ---------------------------------------------------------------------------
// Software EAR master-key rekey (§2.5.3, §2.5.4).

func TestBadInputRekey(t *testing.T) {
	s := apitest.NewServer(t)
	p1, s1 := s.SetupEKM()
	p2 := num(t, apitest.Obj(t, ok(t, s, "CreateKeyProviderKmip", `{"keyProviderName":"empty"}`), "kmipKeyProvider")["keyProviderID"])
	const m = "RekeySoftwareEncryptionAtRestMasterKey"
	rk := func(members map[string]any) string { return obj(t, members) }

	// The current master key is internal.
	runBad(t, s, []badCase{
		badEnum("keyManagementType Bogus", m, `{"keyManagementType":"Bogus"}`, "Bogus", "keyManagementType"),
		badEnum("keyManagementType empty", m, `{"keyManagementType":""}`, "", "keyManagementType"),
		badEnum("keyManagementType KMIP", m, rk(map[string]any{"keyManagementType": "KMIP", "keyProviderID": p1}), "KMIP", "keyManagementType"),
		wrongType("keyManagementType number", m, `{"keyManagementType":1}`, "keyManagementType"),
		wrongType("keyManagementType array", m, `{"keyManagementType":["External"]}`, "keyManagementType"),
		wrongType("keyProviderID string", m, `{"keyManagementType":"External","keyProviderID":"abc"}`, "keyProviderID"),
		wrongType("keyProviderID fraction", m, `{"keyManagementType":"External","keyProviderID":1.5}`, "keyProviderID"),
		wrongType("keyProviderID array", m, `{"keyProviderID":[1]}`, "keyProviderID"),
		wrongType("keyProviderID bool", m, `{"keyProviderID":true}`, "keyProviderID"),
		invalid("keyProviderID beyond int64", m, `{"keyManagementType":"External","keyProviderID":"99999999999999999999"}`, "keyProviderID"),
		missing("External without provider while the key is internal", m, `{"keyManagementType":"External"}`, "keyProviderID"),
		missing("external (lower case) with null provider", m, `{"keyManagementType":"external","keyProviderID":null}`, "keyProviderID"),
		invalid("Internal with keyProviderID", m, rk(map[string]any{"keyManagementType": "Internal", "keyProviderID": p1}), "keyProviderID"),
		invalid("internal (lower case) with keyProviderID as string", m, rk(map[string]any{"keyManagementType": "internal", "keyProviderID": "1"}), "keyProviderID"),
		noProvider("External with unknown provider", m, `{"keyManagementType":"External","keyProviderID":999}`, 999),
		noProvider("unknown provider, type inferred", m, `{"keyProviderID":"999"}`, 999),
		noServer("External with a provider without a server", m, rk(map[string]any{"keyManagementType": "External", "keyProviderID": p2}), p2),
		noServer("provider without a server, type inferred", m, rk(map[string]any{"keyProviderID": p2}), p2),
	})

	// A running rekey targeting p1: p1 is active while it runs (D17).
	var h int64
	t.Run("succeeds/coercion/documentation_form", func(t *testing.T) {
		a := postRPC(t, s, s.Version, `{"method":"rekeysoftwareencryptionatrestmasterkey","params":{"keyManagementType":"external","keyProviderID":"1"}}`)
		require.Nil(t, a.Error, a.raw)
		h = num(t, a.Result["asyncHandle"])
		require.Equal(t, int64(1), h, "first async handle")
	})
	require.NotZero(t, h)
	running := fmt.Sprintf("A master key rekey is already in progress (async handle %d).", h)
	runBad(t, s, []badCase{
		notPermitted("second rekey, same target", m, `{"keyManagementType":"External","keyProviderID":1}`, running),
		notPermitted("second rekey, internal", m, `{"keyManagementType":"Internal"}`, running),
		notPermitted("second rekey, no params", m, "", running),
		notPermitted("delete provider targeted by the running rekey", "DeleteKeyProviderKmip", rk(map[string]any{"keyProviderID": p1}),
			fmt.Sprintf("Key provider %d is active and cannot be deleted.", p1)),
		notPermitted("remove last server of provider targeted by the running rekey", "RemoveKeyServerFromProviderKmip", rk(map[string]any{"keyServerID": s1}),
			fmt.Sprintf("Key server %d is the last server of active key provider %d.", s1, p1)),
		notPermitted("delete last server of provider targeted by the running rekey", "DeleteKeyServerKmip", rk(map[string]any{"keyServerID": s1}),
			fmt.Sprintf("Key server %d is the last server of active key provider %d.", s1, p1)),
		// Parameter errors still come first (§1.6 step 6 before step 8).
		badEnum("enum checked before the running job", m, `{"keyManagementType":"Bogus"}`, "Bogus", "keyManagementType"),
		wrongType("type checked before the running job", m, `{"keyProviderID":"x"}`, "keyProviderID"),
	})

	s.Advance(6)
	t.Run("succeeds/external_defaults_to_current_provider", func(t *testing.T) {
		info := ok(t, s, "GetSoftwareEncryptionAtRestInfo", "")
		mk := apitest.Obj(t, info, "masterKeyInfo")
		require.Equal(t, "external", mk["keyManagementType"])
		require.Equal(t, p1, num(t, mk["keyProviderID"]))
		// Counter: no failing rekey consumed a handle.
		r := ok(t, s, m, `{"keyManagementType":"EXTERNAL"}`)
		require.Equal(t, h+1, num(t, r["asyncHandle"]))
		s.Advance(6)
		r = ok(t, s, "GetAsyncResult", obj(t, map[string]any{"asyncHandle": h + 1}))
		require.Equal(t, "complete", r["status"])
		nk := apitest.Obj(t, apitest.Obj(t, r, "result"), "newKey")
		require.Equal(t, p1, num(t, nk["keyProviderID"]))
	})
	runBad(t, s, []badCase{
		// Current key external now: Internal + provider is still refused.
		invalid("Internal with keyProviderID while external", m, rk(map[string]any{"keyManagementType": "Internal", "keyProviderID": p1}), "keyProviderID"),
		noServer("move to a provider without a server", m, rk(map[string]any{"keyProviderID": p2}), p2),
		notPermitted("delete provider holding the master key", "DeleteKeyProviderKmip", rk(map[string]any{"keyProviderID": p1}),
			fmt.Sprintf("Key provider %d is active and cannot be deleted.", p1)),
	})
	requireNextProvider(t, s, 3)
}

// TestBadInputRekeyWithoutSEAR: a cluster created without software EAR
// refuses every rekey (§2.5.3, §1.8).
func TestBadInputRekeyWithoutSEAR(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) { c.Cluster.SoftwareEAR = false }))
	p1, _ := s.SetupEKM()
	const m = "RekeySoftwareEncryptionAtRestMasterKey"
	const off = "Software encryption at rest is not enabled on this cluster."
	info := ok(t, s, "GetSoftwareEncryptionAtRestInfo", "")
	require.Equal(t, "disabled", info["state"])
	require.NotContains(t, info, "masterKeyInfo")
	runBad(t, s, []badCase{
		notPermitted("no params", m, "", off),
		notPermitted("Internal", m, `{"keyManagementType":"Internal"}`, off),
		notPermitted("internal lower case", m, `{"keyManagementType":"internal"}`, off),
		notPermitted("External to a provider with a server", m, obj(t, map[string]any{"keyManagementType": "External", "keyProviderID": p1}), off),
		notPermitted("provider as string, type inferred", m, obj(t, map[string]any{"keyProviderID": fmt.Sprint(p1)}), off),
		badEnum("enum before state", m, `{"keyManagementType":"Bogus"}`, "Bogus", "keyManagementType"),
		missing("External without provider", m, `{"keyManagementType":"External"}`, "keyProviderID"),
	})
	t.Run("succeeds/counter/async_handle_unused", func(t *testing.T) {
		require.Empty(t, ok(t, s, "ListAsyncResults", "")["asyncHandles"])
		a := call(t, s, "GetAsyncResult", `{"asyncHandle":1}`)
		require.NotNil(t, a.Error, a.raw)
		require.Equal(t, "xAsyncHandleDoesNotExist", a.Error.Name)
	})
	requireNextProvider(t, s, 2)
}

// ---------------------------------------------------------------------------
// Async results (§2.6) and cluster faults (§2.8).

func TestBadInputAsyncAndFaults(t *testing.T) {
	s := apitest.NewServer(t)
	p1, s1 := s.SetupEKM()
	unreachable := map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": s1}, "effect": "unreachable", "times": 1}
	rekeyTo := obj(t, map[string]any{"keyManagementType": "External", "keyProviderID": p1})

	// Handle 1: failed rekey (raises kmipServerFault); handle 2: completed
	// internal rekey; TestKeyServerKmip resolves the fault; handle 3: failed
	// again (a new open fault). A long-lived rule stays in /_emulator/faults.
	s.AddRule(unreachable)
	require.Equal(t, int64(1), num(t, ok(t, s, "RekeySoftwareEncryptionAtRestMasterKey", rekeyTo)["asyncHandle"]))
	s.Advance(2)
	require.Equal(t, int64(2), num(t, ok(t, s, "RekeySoftwareEncryptionAtRestMasterKey", `{"keyManagementType":"Internal"}`)["asyncHandle"]))
	s.Advance(6)
	ok(t, s, "TestKeyServerKmip", obj(t, map[string]any{"keyServerID": s1}))
	s.AddRule(unreachable)
	require.Equal(t, int64(3), num(t, ok(t, s, "RekeySoftwareEncryptionAtRestMasterKey", rekeyTo)["asyncHandle"]))
	s.Advance(2)
	s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": 999}, "effect": "unreachable"})
	jobs := ok(t, s, "ListAsyncResults", "")["asyncHandles"].([]any)
	require.Len(t, jobs, 3)
	for _, j := range jobs {
		require.Equal(t, true, j.(map[string]any)["completed"], "%v", j)
	}
	faults := ok(t, s, "ListClusterFaults", "")["faults"].([]any)
	require.Len(t, faults, 2, "%v", faults)
	require.Equal(t, true, faults[0].(map[string]any)["resolved"])
	require.Equal(t, false, faults[1].(map[string]any)["resolved"])

	const g = "GetAsyncResult"
	ah := func(members map[string]any) string { return obj(t, members) }
	runBad(t, s, []badCase{
		// GetAsyncResult: a failing call must not purge the completed result.
		missing("no params", g, "", "asyncHandle"),
		missing("asyncHandle null", g, `{"asyncHandle":null}`, "asyncHandle"),
		missing("only keepResult", g, `{"keepResult":false}`, "asyncHandle"),
		wrongType("asyncHandle string", g, `{"asyncHandle":"two"}`, "asyncHandle"),
		wrongType("asyncHandle fraction", g, `{"asyncHandle":2.5}`, "asyncHandle"),
		wrongType("asyncHandle array", g, `{"asyncHandle":[2]}`, "asyncHandle"),
		wrongType("asyncHandle bool", g, `{"asyncHandle":true}`, "asyncHandle"),
		wrongType("asyncHandle object", g, `{"asyncHandle":{"id":2}}`, "asyncHandle"),
		invalid("asyncHandle beyond int64", g, `{"asyncHandle":18446744073709551616}`, "asyncHandle"),
		wrongType("keepResult maybe on a completed job", g, `{"asyncHandle":2,"keepResult":"maybe"}`, "keepResult"),
		wrongType("keepResult 2 on a completed job", g, `{"asyncHandle":2,"keepResult":2}`, "keepResult"),
		wrongType("keepResult fraction on a completed job", g, `{"asyncHandle":2,"keepResult":0.5}`, "keepResult"),
		wrongType("keepResult array on a completed job", g, `{"asyncHandle":2,"keepResult":[false]}`, "keepResult"),
		wrongType("keepResult empty string on a completed job", g, `{"asyncHandle":2,"keepResult":""}`, "keepResult"),
		noHandle("unknown handle", ah(map[string]any{"asyncHandle": 999}), 999),
		noHandle("unknown handle as string", `{"asyncHandle":"999"}`, 999),
		noHandle("handle 0", `{"asyncHandle":0}`, 0),
		noHandle("negative handle", `{"asyncHandle":-4}`, -4),
		noHandle("unknown handle with keepResult", `{"asyncHandle":4,"keepResult":true}`, 4),

		// ListAsyncResults.
		wrongType("asyncResultTypes string", "ListAsyncResults", `{"asyncResultTypes":"DriveAdd"}`, "asyncResultTypes"),
		wrongType("asyncResultTypes number element", "ListAsyncResults", `{"asyncResultTypes":[1]}`, "asyncResultTypes"),
		wrongType("asyncResultTypes object", "ListAsyncResults", `{"asyncResultTypes":{}}`, "asyncResultTypes"),

		// ListClusterFaults.
		badEnum("faultTypes sometimes", "ListClusterFaults", `{"faultTypes":"sometimes"}`, "sometimes", "faultTypes"),
		badEnum("faultTypes empty", "ListClusterFaults", `{"faultTypes":""}`, "", "faultTypes"),
		wrongType("faultTypes number", "ListClusterFaults", `{"faultTypes":1}`, "faultTypes"),
		wrongType("faultTypes array", "ListClusterFaults", `{"faultTypes":["current"]}`, "faultTypes"),
		wrongType("bestPractices yes", "ListClusterFaults", `{"bestPractices":"yes"}`, "bestPractices"),
		wrongType("bestPractices 2", "ListClusterFaults", `{"bestPractices":2}`, "bestPractices"),

		// ClearClusterFaults: nothing may be cleared by a failing call.
		badEnum("faultTypes sometimes", "ClearClusterFaults", `{"faultTypes":"sometimes"}`, "sometimes", "faultTypes"),
		badEnum("faultTypes everything", "ClearClusterFaults", `{"faultTypes":"everything"}`, "everything", "faultTypes"),
		wrongType("faultTypes number", "ClearClusterFaults", `{"faultTypes":0}`, "faultTypes"),
		wrongType("faultTypes array", "ClearClusterFaults", `{"faultTypes":["all"]}`, "faultTypes"),
		wrongType("faultTypes bool", "ClearClusterFaults", `{"faultTypes":true}`, "faultTypes"),

		// GET form (§1.2, D39).
		viaGET(missing("only keepResult", g, "", "asyncHandle"), "keepResult=true"),
		viaGET(wrongType("asyncHandle null text", g, "", "asyncHandle"), "asyncHandle=null"),
		viaGET(wrongType("keepResult maybe on a completed job", g, "", "keepResult"), "asyncHandle=2&keepResult=maybe"),
		viaGET(noHandle("unknown handle", "", 999), "asyncHandle=999&keepResult=true"),
		viaGET(wrongType("asyncResultTypes JSON object", "ListAsyncResults", "", "asyncResultTypes"), "asyncResultTypes=%7B%7D"),
		viaGET(badEnum("faultTypes sometimes", "ListClusterFaults", "", "sometimes", "faultTypes"), "faultTypes=sometimes"),
		viaGET(badEnum("faultTypes sometimes", "ClearClusterFaults", "", "sometimes", "faultTypes"), "faultTypes=sometimes"),
		viaGET(wrongType("bestPractices yes", "ListClusterFaults", "", "bestPractices"), "bestPractices=yes"),
	})

	t.Run("succeeds/coercion/keepResult_and_string_handle", func(t *testing.T) {
		for _, p := range []string{`{"asyncHandle":"2","keepResult":"true"}`, `{"asyncHandle":2,"keepResult":1}`,
			`{"asyncHandle":2.0,"keepResult":"TRUE"}`, `{"asyncHandle":2,"keepResult":"1"}`} {
			r := ok(t, s, g, p)
			require.Equal(t, "complete", r["status"], p)
			require.Len(t, ok(t, s, "ListAsyncResults", "")["asyncHandles"], 3, "%s must not purge", p)
		}
		a := getRPC(t, s, "method=GetAsyncResult&asyncHandle=2&keepResult=true")
		require.Nil(t, a.Error, a.raw)
		require.Equal(t, "complete", a.Result["status"])
		require.Len(t, ok(t, s, "ListAsyncResults", "")["asyncHandles"], 3, "GET keepResult=true must not purge")
		r := ok(t, s, g, `{"asyncHandle":1,"keepResult":"True"}`)
		require.Equal(t, "xKmipConnectionFailure", apitest.Obj(t, r, "error")["name"])
		// keepResult "0" purges, the handle is then unknown.
		require.Equal(t, "complete", ok(t, s, g, `{"asyncHandle":2,"keepResult":"0"}`)["status"])
		a = call(t, s, g, `{"asyncHandle":2}`)
		require.NotNil(t, a.Error, a.raw)
		require.Equal(t, "xAsyncHandleDoesNotExist", a.Error.Name)
		require.Equal(t, "Async handle 2 does not exist.", a.Error.Message)
	})
	t.Run("succeeds/coercion/list_filters_and_enums", func(t *testing.T) {
		require.Empty(t, ok(t, s, "ListAsyncResults", `{"asyncResultTypes":["Bogus"]}`)["asyncHandles"])
		require.Len(t, ok(t, s, "ListAsyncResults", `{"asyncResultTypes":["RekeySoftwareEncryptionAtRestMasterKey"]}`)["asyncHandles"], 2)
		require.Len(t, ok(t, s, "ListClusterFaults", `{"faultTypes":"CURRENT"}`)["faults"], 1)
		require.Len(t, ok(t, s, "ListClusterFaults", `{"faultTypes":"Resolved","bestPractices":"1"}`)["faults"], 1)
		require.Len(t, ok(t, s, "ListClusterFaults", `{"faultTypes":null,"bestPractices":0}`)["faults"], 2)
		require.Empty(t, ok(t, s, "ClearClusterFaults", `{"faultTypes":"RESOLVED"}`))
		left := ok(t, s, "ListClusterFaults", "")["faults"].([]any)
		require.Len(t, left, 1)
		require.Equal(t, false, left[0].(map[string]any)["resolved"])
	})
	t.Run("succeeds/counter/async_handle_not_reused", func(t *testing.T) {
		r := ok(t, s, "RekeySoftwareEncryptionAtRestMasterKey", `{"keyManagementType":"internal"}`)
		require.Equal(t, int64(4), num(t, r["asyncHandle"]))
	})
	requireNextProvider(t, s, 2)
}
