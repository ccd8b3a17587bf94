package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/emulator"
)

// TestMain lets the durability test run this binary as the emulator itself.
func TestMain(m *testing.M) {
	if os.Getenv("ELEMENT_EMULATOR_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

type rpcClient struct {
	t    *testing.T
	base string
	http *http.Client
}

func newClient(t *testing.T, base string) *rpcClient {
	return &rpcClient{t: t, base: base, http: &http.Client{Timeout: time.Minute, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}}
}

func (c *rpcClient) do(method, path, body string) (int, map[string]any) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	require.NoError(c.t, err)
	req.SetBasicAuth("admin", "admin")
	resp, err := c.http.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	out := map[string]any{}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		require.NoError(c.t, d.Decode(&out), string(raw))
	}
	return resp.StatusCode, out
}

func (c *rpcClient) call(method string, params map[string]any) map[string]any {
	c.t.Helper()
	b, err := json.Marshal(map[string]any{"method": method, "params": params, "id": 1})
	require.NoError(c.t, err)
	status, out := c.do(http.MethodPost, "/json-rpc/12.7", string(b))
	require.Equal(c.t, http.StatusOK, status)
	require.Nil(c.t, out["error"], "%s: %v", method, out["error"])
	res, _ := out["result"].(map[string]any)
	require.NotNil(c.t, res, "%s: %v", method, out)
	return res
}

// runInProcess runs the emulator on dir through runWith (virtual clock, plain HTTP
// and KMIP on free ports) until stop, which checks that it shut down cleanly.
func runInProcess(t *testing.T, dir string) (e *emulator.Emulator, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan *emulator.Emulator, 1)
	done := make(chan error, 1)
	go func() {
		done <- runWith(ctx, []string{"--data", dir, "--https-addr", "", "--http-addr", "127.0.0.1:0", "--node-addr", "",
			"--kmip-addr", "127.0.0.1:0", "--kacls-addr", "off", "--alikms-addr", "off", "--clock", "virtual"}, func(string) string { return "" }, strings.NewReader(""),
			io.Discard, io.Discard, func(e *emulator.Emulator) { ready <- e })
	}()
	select {
	case e = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("run returned early: %v", err)
	}
	stopped := false
	stop = func() {
		if !stopped {
			stopped = true
			cancel()
			require.NoError(t, <-done)
		}
	}
	t.Cleanup(stop)
	return e, stop
}

// TestRunServesAndShutsDown runs the whole emulator through run, as main does.
func TestRunServesAndShutsDown(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan *emulator.Emulator, 1)
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() {
		done <- runWith(ctx, []string{"--data", dir, "--https-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0",
			"--node-addr", "127.0.0.1:0", "--kmip-addr", "127.0.0.1:0", "--kacls-addr", "off", "--alikms-addr", "off", "--clock", "virtual"},
			func(string) string { return "" }, strings.NewReader(""), io.Discard, &logs, func(e *emulator.Emulator) { ready <- e })
	}()
	var e *emulator.Emulator
	select {
	case e = <-ready:
	case err := <-done:
		t.Fatalf("run returned early: %v\n%s", err, logs.String())
	}
	c := newClient(t, "https://"+e.Addr("https"))
	api := c.call("GetAPI", nil)
	require.Equal(t, "12.7", api["currentVersion"])
	info := c.call("GetClusterInfo", nil)["clusterInfo"].(map[string]any)
	require.Equal(t, "emu-cluster", info["name"])
	_, err := os.Stat(filepath.Join(dir, "emu.db"))
	require.NoError(t, err, "state is in one SQLite file in --data")
	cancel()
	require.NoError(t, <-done)
	out := logs.String()
	require.Contains(t, out, "Element cluster API (MVIP)")
	require.Contains(t, out, "embedded KMIP server listening")
	require.NotContains(t, out, "password=admin", "secrets never reach logs")
}

// testCSR is a PEM certificate signing request for CN=emu-cluster.
func testCSR(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: "emu-cluster"}}, key)
	require.NoError(t, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}))
}

// requireSignedBy checks that certPEM chains to caPEM and lasts days.
func requireSignedBy(t *testing.T, certPEM, caPEM string, days int) {
	t.Helper()
	cb, _ := pem.Decode([]byte(certPEM))
	require.NotNil(t, cb, certPEM)
	cert, err := x509.ParseCertificate(cb.Bytes)
	require.NoError(t, err)
	pool := x509.NewCertPool()
	require.True(t, pool.AppendCertsFromPEM([]byte(caPEM)))
	_, err = cert.Verify(x509.VerifyOptions{Roots: pool, CurrentTime: cert.NotBefore.Add(2 * time.Hour),
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}})
	require.NoError(t, err, "signed by the CA given")
	require.Equal(t, time.Duration(days)*24*time.Hour+time.Hour, cert.NotAfter.Sub(cert.NotBefore), "valid for --days (plus the hour of backdating)")
}

// TestKMIPSignSubcommand: "kmip sign" and "kmip ca" ask the running
// emulator by default, so the certificate comes from the CA its key server
// trusts; offline (--data) they refuse a directory that holds no emulator
// yet instead of making a CA that no emulator uses.
func TestKMIPSignSubcommand(t *testing.T) {
	kmip := func(env map[string]string, stdin string, args ...string) (string, string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), append([]string{"kmip"}, args...), func(k string) string { return env[k] },
			strings.NewReader(stdin), &out, &errOut)
		return out.String(), errOut.String(), err
	}
	csr := testCSR(t)

	// Offline on a fresh directory: refused, and nothing is created.
	fresh := filepath.Join(t.TempDir(), "fresh")
	for _, sub := range []string{"sign", "ca"} {
		out, _, err := kmip(nil, csr, sub, "--data", fresh)
		require.ErrorContains(t, err, "holds no emulator state", sub)
		require.Empty(t, out)
		require.NoDirExists(t, fresh, "no new data directory, hence no new CA")
	}

	// A running emulator.
	dir := t.TempDir()
	e, stop := runInProcess(t, dir)
	caPEM := e.CA().CertPEM()
	target := "http://" + e.Addr("http")

	// Online, by --target or ELEMENT_EMULATOR_TARGET; flags in any position.
	out, _, err := kmip(nil, "", "ca", "--target", target)
	require.NoError(t, err)
	require.Equal(t, caPEM, out)
	out, _, err = kmip(nil, csr, "sign", "--target", target, "--days", "30")
	require.NoError(t, err)
	requireSignedBy(t, out, caPEM, 30)
	out, _, err = kmip(map[string]string{"ELEMENT_EMULATOR_TARGET": target}, csr, "sign")
	require.NoError(t, err)
	requireSignedBy(t, out, caPEM, 365)
	_, _, err = kmip(nil, "not a csr", "sign", "--target", target)
	require.ErrorContains(t, err, "HTTP 400: cannot sign: csr: no PEM block found")
	_, _, err = kmip(nil, csr, "sign", "--target", target, "--password", "wrong")
	require.ErrorContains(t, err, "wrong or missing credentials")

	// Without --data and with nothing at the target: an error naming the
	// target, not a certificate from a new CA.
	out, _, err = kmip(map[string]string{"ELEMENT_EMULATOR_TARGET": "http://" + freeAddr(t)}, csr, "sign")
	require.ErrorContains(t, err, "cannot reach the emulator at http://")
	require.Empty(t, out)

	// Offline on the running emulator's directory: the same CA.
	out, _, err = kmip(nil, "", "ca", "--data", dir)
	require.NoError(t, err)
	require.Equal(t, caPEM, out)
	out, _, err = kmip(map[string]string{"ELEMENT_EMULATOR_DATA": dir}, csr, "sign", "--days", "7")
	require.NoError(t, err)
	requireSignedBy(t, out, caPEM, 7)
	_, _, err = kmip(nil, "not a csr", "sign", "--data", dir)
	require.ErrorContains(t, err, "cannot sign")
	_, _, err = kmip(nil, csr, "sign", "--data", dir, "--target", target)
	require.ErrorContains(t, err, "not both")
	_, _, err = kmip(nil, csr, "sign", "--data", dir, "--days", "0")
	require.ErrorContains(t, err, "--days must be from 1 to 36500")

	// Its own usage, which documents --days.
	for _, args := range [][]string{{"sign", "--help"}, {"ca", "-h"}, {}} {
		_, usage, err := kmip(nil, "", args...)
		require.ErrorIs(t, err, flag.ErrHelp, "%v", args)
		require.Contains(t, usage, "usage: element-emulator kmip sign [--days N]", "%v", args)
		require.Contains(t, usage, "--days N", "%v", args)
		require.Contains(t, usage, "--target URL", "%v", args)
		require.NotContains(t, usage, "Runs the Element 12.x", "not the emulator's usage")
	}
	_, usage, err := kmip(nil, "", "frob")
	require.ErrorContains(t, err, `unknown kmip command "frob"`)
	require.NotErrorIs(t, err, flag.ErrHelp)
	require.Contains(t, usage, "usage: element-emulator kmip")
	stop()
}

// startChild runs this test binary as the emulator in a child process.
func startChild(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "ELEMENT_EMULATOR_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
		if t.Failed() {
			t.Logf("child %v:\n%s", args, stderr.String())
		}
	})
	return cmd
}

func waitHealthy(t *testing.T, c *rpcClient) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		req, _ := http.NewRequest(http.MethodGet, c.base+"/_emulator/healthz", nil)
		req.SetBasicAuth("admin", "admin")
		if resp, err := c.http.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		// Bounded readiness poll of a child process we started; no assertion depends on time.
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("emulator did not become healthy")
}

// TestKill9DuringRekey: everything acknowledged survives kill -9, and a
// rekey that was running resumes to completion after the restart.
func TestKill9DuringRekey(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	o := newChild(t)
	o.ekmSetup()
	c := o.c
	h := c.call("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyProviderID": 1})["asyncHandle"]
	status, _ := c.do(http.MethodPost, "/_emulator/clock/advance", `{"seconds":3}`)
	require.Equal(t, http.StatusOK, status)
	r := c.call("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
	require.Equal(t, "running", r["status"])
	require.Equal(t, "RewrapDataEncryptionKeys", r["details"].(map[string]any)["state"])

	require.NoError(t, o.cmd.Process.Kill()) // SIGKILL: no shutdown code runs
	_ = o.cmd.Wait()
	o.start()
	r = c.call("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
	require.Equal(t, "running", r["status"], "the clock and the job survived: still in its second phase")
	status, _ = c.do(http.MethodPost, "/_emulator/clock/advance", `{"seconds":3}`)
	require.Equal(t, http.StatusOK, status)
	r = c.call("GetAsyncResult", map[string]any{"asyncHandle": h})
	require.Equal(t, "complete", r["status"], fmt.Sprint(r))
	require.Equal(t, "Ready", r["result"].(map[string]any)["state"])
	info := c.call("GetSoftwareEncryptionAtRestInfo", nil)
	mk := info["masterKeyInfo"].(map[string]any)
	require.Equal(t, "external", mk["keyManagementType"])
	require.Equal(t, r["result"].(map[string]any)["newKey"].(map[string]any)["keyID"], mk["keyID"])
	providers := c.call("ListKeyProvidersKmip", nil)["kmipKeyProviders"].([]any)
	require.Len(t, providers, 1)
	require.Equal(t, true, providers[0].(map[string]any)["keyProviderIsActive"])
}

// TestControlSubcommands drives a running emulator's lab controls through the CLI.
func TestControlSubcommands(t *testing.T) {
	dir := t.TempDir()
	e, stop := runInProcess(t, dir)
	target := "http://" + e.Addr("http")
	// The flags come after the command here; before it works too.
	lab := func(stdin string, args ...string) (string, error) {
		var out bytes.Buffer
		err := run(context.Background(), append(append([]string{"control"}, args...), "--target", target), func(string) string { return "" },
			strings.NewReader(stdin), &out, io.Discard)
		return out.String(), err
	}
	before := e.Now()
	out, err := lab("", "advance", "90")
	require.NoError(t, err)
	require.Contains(t, out, `"mode":"virtual"`)
	require.Equal(t, before.Add(90*time.Second), e.Now())
	var buf bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"control", "--target", target, "advance", "10"}, func(string) string { return "" },
		strings.NewReader(""), &buf, io.Discard))
	require.Equal(t, before.Add(100*time.Second), e.Now())

	// Refusals are one line: the control's "error", no HTML, no JSON braces.
	_, err = lab("", "clock", "--password", "wrong")
	require.Error(t, err)
	require.NotContains(t, err.Error(), "\n")
	require.NotContains(t, err.Error(), "<html>")
	require.Contains(t, err.Error(), "HTTP 401")
	require.Contains(t, err.Error(), "wrong or missing credentials")
	err = run(context.Background(), []string{"control", "clock", "--target", "http://" + freeAddr(t)}, func(string) string { return "" },
		strings.NewReader(""), io.Discard, io.Discard)
	require.ErrorContains(t, err, "cannot reach the emulator at http://")

	out, err = lab("", "fault-add", `{"target":"element-method","match":{"method":"GetAPI"},"effect":"error","name":"xDBClosing","times":1}`)
	require.NoError(t, err)
	require.Contains(t, out, `"ruleID":1`)
	out, err = lab("", "faults")
	require.NoError(t, err)
	require.Contains(t, out, "xDBClosing")
	_, err = lab("", "fault-delete", "1")
	require.NoError(t, err)

	out, err = lab("", "drive", "1", "eject-metadata")
	require.NoError(t, err)
	require.Contains(t, out, `"status":"available"`)
	c := newClient(t, target)
	faults := c.call("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"].([]any)
	require.Len(t, faults, 2, "sliceServiceUnhealthy and driveAvailable")

	_, err = lab("", "drive", "1", "explode")
	require.EqualError(t, err, "POST /_emulator/drives/1/explode: HTTP 404: unknown drive action; use fail, pull or eject-metadata")
	_, err = lab("", "advance", "-5")
	require.Error(t, err)

	ca, err := lab("", "kmip-ca")
	require.NoError(t, err)
	require.Contains(t, ca, "BEGIN CERTIFICATE")
	out, err = lab("", "snapshot", "before-reset")
	require.NoError(t, err)
	require.Contains(t, out, "before-reset")
	_, err = lab("", "reset")
	require.NoError(t, err)
	require.Empty(t, c.call("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"])
	_, err = lab("", "restore", "before-reset")
	require.NoError(t, err)
	require.Len(t, c.call("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"], 2, "the snapshot brings the ejected drive back")
	out, err = lab("", "snapshots")
	require.NoError(t, err)
	require.Contains(t, out, "before-reset")
	_, err = lab("", "reset")
	require.NoError(t, err)
	require.Empty(t, c.call("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"])
	stop()
}

// TestUnknownCommandFails: a word that is not a command, or an argument the
// emulator does not take, prints the usage on stderr and fails; it never
// starts an emulator on the default ports.
func TestUnknownCommandFails(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"frobnicate", "--ephemeral"},
		{"--ephemeral", "--clock", "virtual", "frobnicate"},
	} {
		// Should a regression start the emulator, it binds free ports and
		// writes nothing.
		env := map[string]string{"ELEMENT_EMULATOR_EPHEMERAL": "true", "ELEMENT_EMULATOR_HTTP_ADDR": "127.0.0.1:0",
			"ELEMENT_EMULATOR_HTTPS_ADDR": "127.0.0.1:0", "ELEMENT_EMULATOR_NODE_ADDR": "127.0.0.1:0", "ELEMENT_EMULATOR_KMIP_ADDR": "127.0.0.1:0"}
		var out, errOut bytes.Buffer
		ctx, cancel := context.WithCancel(context.Background())
		started := false
		err := runWith(ctx, args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errOut,
			func(*emulator.Emulator) { started = true; cancel() })
		cancel()
		require.Error(t, err, "%v", args)
		require.False(t, started, "%v started an emulator", args)
		require.NotErrorIs(t, err, flag.ErrHelp, "the exit status must not be 0")
		require.Contains(t, err.Error(), `"frobnicate"`)
		require.Contains(t, errOut.String(), "Usage: element-emulator", "usage goes to stderr")
		require.Empty(t, out.String())
	}
	var errOut bytes.Buffer
	err := run(context.Background(), []string{"help"}, func(string) string { return "" }, strings.NewReader(""), io.Discard, &errOut)
	require.ErrorIs(t, err, flag.ErrHelp)
	require.Contains(t, errOut.String(), "element-emulator lab --clusters N")
}
