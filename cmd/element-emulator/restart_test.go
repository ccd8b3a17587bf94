package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// child is an emulator child process on a virtual clock, plain HTTP and the
// embedded key server, which a test stops and starts again on the same data.
type child struct {
	t        *testing.T
	args     []string
	kmipPort string
	c        *rpcClient
	cmd      *exec.Cmd
}

func newChild(t *testing.T, extra ...string) *child {
	dir := t.TempDir()
	httpAddr, kmipAddr := freeAddr(t), freeAddr(t)
	_, port, _ := net.SplitHostPort(kmipAddr)
	o := &child{t: t, kmipPort: port, c: newClient(t, "http://"+httpAddr),
		args: append([]string{"--data", dir, "--http-addr", httpAddr, "--https-addr", "", "--node-addr", "", "--kmip-addr", kmipAddr, "--kacls-addr", "off", "--alikms-addr", "off",
			"--clock", "virtual"}, extra...)}
	o.start()
	return o
}

// newOverdueChild is a child whose timers fall due at once (zero rekey and
// EAR-transition durations on a virtual clock that nothing advances), so work
// started before a stop is overdue when it starts again.
func newOverdueChild(t *testing.T) *child {
	return newChild(t, "--rekey-duration", "0", "--ear-transition", "0")
}

func (o *child) start() {
	o.cmd = startChild(o.t, o.args...)
	waitHealthy(o.t, o.c)
}

// restart stops the child with SIGTERM (its graceful shutdown runs) and
// starts it again on the same data.
func (o *child) restart() {
	o.t.Helper()
	require.NoError(o.t, o.cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(o.t, o.cmd.Wait(), "graceful shutdown exits 0")
	o.start()
}

// ekmSetup runs seed 001's EKM setup against the embedded key server:
// key pair, signed client certificate, provider 1 with server 1.
func (o *child) ekmSetup() {
	c := o.c
	c.call("CreatePublicPrivateKeyPair", map[string]any{"commonName": "emu-cluster"})
	csr := c.call("GetClientCertificateSignRequest", nil)["clientCertificateSignRequest"].(string)
	b, _ := json.Marshal(map[string]string{"csr": csr})
	status, signed := c.do(http.MethodPost, "/_emulator/kmip/sign", string(b))
	require.Equal(o.t, http.StatusOK, status)
	c.call("CreateKeyProviderKmip", map[string]any{"keyProviderName": "p"})
	c.call("CreateKeyServerKmip", map[string]any{"kmipCaCertificate": signed["caCertificate"], "kmipClientCertificate": signed["certificate"],
		"kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": "s", "kmipKeyServerPort": o.kmipPort})
	c.call("AddKeyServerToProviderKmip", map[string]any{"keyProviderID": 1, "keyServerID": 1})
}

// faultCodes lists the codes of the current cluster faults.
func (o *child) faultCodes() []string {
	codes := []string{}
	for _, f := range o.c.call("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"].([]any) {
		codes = append(codes, f.(map[string]any)["code"].(string))
	}
	return codes
}

// keyState is the embedded key server's state of the object tagged keyID.
func (o *child) keyState(keyID string) string {
	status, out := o.c.do(http.MethodGet, "/_emulator/kmip/objects", "")
	require.Equal(o.t, http.StatusOK, status)
	for _, obj := range out["objects"].([]any) {
		m := obj.(map[string]any)
		ids, _ := m["keyIDs"].([]any)
		for _, id := range ids {
			if id == keyID {
				return m["state"].(string)
			}
		}
	}
	return ""
}

// Work that falls due while the emulator is down runs at the next start
// against the embedded key server, which must already be listening: a rekey
// to an external provider completes instead of failing with a connection
// failure, and no kmipServerFault is raised.
func TestRestartOverdueRekeyReachesEmbeddedKeyServer(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	o := newOverdueChild(t)
	o.ekmSetup()
	h := o.c.call("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyProviderID": 1})["asyncHandle"]

	o.restart()
	r := o.c.call("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
	require.Equal(t, "complete", r["status"], fmt.Sprint(r))
	require.Nil(t, r["error"], "the rekey did not fail because of the restart")
	newKey := r["result"].(map[string]any)["newKey"].(map[string]any)["keyID"].(string)
	mk := o.c.call("GetSoftwareEncryptionAtRestInfo", nil)["masterKeyInfo"].(map[string]any)
	require.Equal(t, "external", mk["keyManagementType"])
	require.Equal(t, newKey, mk["keyID"])
	require.Equal(t, "Active", o.keyState(newKey), "the new master key exists on the embedded key server")
	require.NotContains(t, o.faultCodes(), "kmipServerFault")
}

// Hardware EAR enabled just before a stop ends enabled, with its
// authentication key created on the embedded key server.
func TestRestartOverdueEnableEncryptionAtRest(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	o := newOverdueChild(t)
	o.ekmSetup()
	o.c.call("EnableEncryptionAtRest", map[string]any{"keyProviderID": 1})

	o.restart()
	info := o.c.call("GetEncryptionAtRestInfo", nil)
	require.Equal(t, "enabled", info["state"], fmt.Sprint(info))
	keyID := info["authenticationKeyInfo"].(map[string]any)["keyID"].(string)
	require.Equal(t, "Active", o.keyState(keyID))
	require.NotContains(t, o.faultCodes(), "kmipServerFault")
}

// Hardware EAR disabled just before a stop ends disabled, and its external
// authentication key is decommissioned on the embedded key server instead of
// being left Active.
func TestRestartOverdueDisableEncryptionAtRest(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	o := newOverdueChild(t)
	o.ekmSetup()
	o.c.call("EnableEncryptionAtRest", map[string]any{"keyProviderID": 1})
	info := o.c.call("GetEncryptionAtRestInfo", nil)
	require.Equal(t, "enabled", info["state"])
	keyID := info["authenticationKeyInfo"].(map[string]any)["keyID"].(string)
	require.Equal(t, "Active", o.keyState(keyID))
	o.c.call("DisableEncryptionAtRest", nil)

	o.restart()
	info = o.c.call("GetEncryptionAtRestInfo", nil)
	require.Equal(t, "disabled", info["state"], fmt.Sprint(info))
	require.NotEqual(t, "Active", o.keyState(keyID), "the old authentication key was decommissioned")
	require.NotContains(t, o.faultCodes(), "kmipServerFault")
}

// freePortBlock finds n consecutive free loopback ports and returns the
// first; a lab restart needs the same ports again.
func freePortBlock(t *testing.T, n int) int {
	t.Helper()
	for base := 20000 + os.Getpid()%20000; base < 60000; base += n {
		var held []net.Listener
		ok := true
		for p := base; p < base+n; p++ {
			ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(p)))
			if err != nil {
				ok = false
				break
			}
			held = append(held, ln)
		}
		for _, ln := range held {
			ln.Close()
		}
		if ok {
			return base
		}
	}
	t.Fatal("no free block of ports")
	return 0
}

// A lab cluster whose key server is another lab cluster's embedded server
// finds it answering when work that fell due while the lab was down runs:
// every cluster listens before any boots.
func TestLabRestartOverdueRekeyOnAnotherClustersKeyServer(t *testing.T) {
	dir := t.TempDir()
	base := freePortBlock(t, 20)
	args := []string{"--clusters", "2", "--base-port", strconv.Itoa(base), "--data", dir, "--clock", "virtual",
		"--rekey-duration", "0", "--ear-transition", "0"}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan []*labCluster, 1)
	done := make(chan error, 1)
	go func() {
		done <- runLabWith(ctx, args, func(string) string { return "" }, io.Discard, io.Discard, func(cs []*labCluster) { ready <- cs })
	}()
	var cs []*labCluster
	select {
	case cs = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("lab returned early: %v", err)
	}
	one, two := cs[0], cs[1]
	u1 := "http://" + one.HTTP
	resultAs(t, u1, one.User, one.Password, "CreatePublicPrivateKeyPair", map[string]any{"commonName": "emu-cluster-1"})
	csr := resultAs(t, u1, one.User, one.Password, "GetClientCertificateSignRequest", nil)["clientCertificateSignRequest"]
	status, signed := controlAs(t, "http://"+two.HTTP, two.User, two.Password, http.MethodPost, "kmip/sign", map[string]any{"csr": csr})
	require.Equal(t, http.StatusOK, status, signed)
	_, port, _ := net.SplitHostPort(two.KMIP)
	resultAs(t, u1, one.User, one.Password, "CreateKeyProviderKmip", map[string]any{"keyProviderName": "p"})
	resultAs(t, u1, one.User, one.Password, "CreateKeyServerKmip", map[string]any{"kmipCaCertificate": signed["caCertificate"],
		"kmipClientCertificate": signed["certificate"], "kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": "two",
		"kmipKeyServerPort": port})
	resultAs(t, u1, one.User, one.Password, "AddKeyServerToProviderKmip", map[string]any{"keyProviderID": 1, "keyServerID": 1})
	h := resultAs(t, u1, one.User, one.Password, "RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyProviderID": 1})["asyncHandle"]
	cancel()
	require.NoError(t, <-done)

	cs, _, _ = startLab(t, args...)
	one = cs[0]
	r := resultAs(t, "http://"+one.HTTP, one.User, one.Password, "GetAsyncResult", map[string]any{"asyncHandle": h})
	require.Equal(t, "complete", r["status"], fmt.Sprint(r))
	require.Nil(t, r["error"], "the rekey did not fail because of the restart")
	mk := resultAs(t, "http://"+one.HTTP, one.User, one.Password, "GetSoftwareEncryptionAtRestInfo", nil)["masterKeyInfo"].(map[string]any)
	require.Equal(t, "external", mk["keyManagementType"])
}
