package kmip_test

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/element-emulator/element-emulator/kmip"
	"github.com/stretchr/testify/require"
)

// pykmipPython returns an interpreter that imports PyKMIP (Debian's
// python3-pykmip lives under /usr/bin/python3). Without one the test skips,
// unless ELEMENT_EMULATOR_REQUIRE_PYKMIP=1 makes it fail.
func pykmipPython(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		cmd := exec.Command(py, "-c", "import kmip.pie.client")
		cmd.Dir = t.TempDir() // not the package directory: ./kmip would shadow PyKMIP
		if cmd.Run() == nil {
			return py
		}
	}
	msg := "PyKMIP is not installed (apt-get install python3-pykmip)"
	if os.Getenv("ELEMENT_EMULATOR_REQUIRE_PYKMIP") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg + "; set ELEMENT_EMULATOR_REQUIRE_PYKMIP=1 to make this a failure")
	return ""
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
	return p
}

// TestPyKMIPClientAgainstEmbeddedServer runs the PyKMIP client life cycle
// (testdata/pykmip/client_lifecycle.py) at KMIP 1.2 (PyKMIP's default), 1.0
// and 1.4, with ECDSA and RSA client certificates.
func TestPyKMIPClientAgainstEmbeddedServer(t *testing.T) {
	py := pykmipPython(t)
	for _, tt := range []struct {
		version string
		rsa     bool
	}{{"KMIP_1_2", false}, {"KMIP_1_0", false}, {"KMIP_1_4", true}} {
		name := tt.version
		if tt.rsa {
			name += "_RSA"
		}
		t.Run(name, func(t *testing.T) {
			e := newEnv(t)
			e.clock.set(time.Now()) // PyKMIP checks our leaf with real time; both clocks agree here
			dir := t.TempDir()
			certPEM, keyPEM := e.clientCert(t, "pykmip-client")
			if tt.rsa {
				certPEM, keyPEM = e.rsaClientCert(t, "pykmip-client")
			}
			certPath := writeFile(t, dir, "client.pem", certPEM)
			keyPath := writeFile(t, dir, "client.key", string(keyPEM))
			caPath := writeFile(t, dir, "ca.pem", e.ca.CertPEM())
			host, port, err := net.SplitHostPort(e.srv.Addr())
			require.NoError(t, err)
			script, err := filepath.Abs("testdata/pykmip/client_lifecycle.py")
			require.NoError(t, err)

			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, py, script, host, port, certPath, keyPath, caPath, tt.version)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s", out)
			require.Contains(t, string(out), "create: 1\n")
			require.Contains(t, string(out), "get: 32\n")
			require.Contains(t, string(out), "state: PRE_ACTIVE\n")
			require.Contains(t, string(out), "get-after-destroy: ResultReason.ITEM_NOT_FOUND")
			require.Contains(t, string(out), "done\n")

			objs, err := e.srv.Objects(context.Background())
			require.NoError(t, err)
			require.Len(t, objs, 2)
			require.Equal(t, "Destroyed", objs[0].State)
			require.Equal(t, "pykmip-client", objs[0].Owner)
			require.Equal(t, "SecretData", objs[1].ObjectType)
			require.Equal(t, 1, e.srv.Stats().Results["ItemNotFound"])
		})
	}
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	require.NoError(t, ln.Close())
	return port
}

// startPyKMIPServer runs pykmip-server with an ECDSA leaf from ca (auth_suite
// TLS1.2; docs/kmip.md, PyKMIP pitfalls) and waits until it accepts
// connections.
func startPyKMIPServer(t *testing.T, py string, ca *kmip.CA) int {
	t.Helper()
	dir := t.TempDir()
	leaf, err := ca.IssueServerCert([]string{"127.0.0.1", "localhost"}, time.Now())
	require.NoError(t, err)
	keyDER, err := x509.MarshalPKCS8PrivateKey(leaf.PrivateKey)
	require.NoError(t, err)
	certPath := writeFile(t, dir, "server.pem", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: leaf.Certificate[0]})))
	keyPath := writeFile(t, dir, "server.key", string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER})))
	caPath := writeFile(t, dir, "ca.pem", ca.CertPEM())
	policyDir := filepath.Join(dir, "policies")
	require.NoError(t, os.Mkdir(policyDir, 0o700))
	port := freePort(t)
	conf := writeFile(t, dir, "server.conf", fmt.Sprintf(`[server]
hostname=127.0.0.1
port=%d
certificate_path=%s
key_path=%s
ca_path=%s
auth_suite=TLS1.2
policy_path=%s
enable_tls_client_auth=True
logging_level=DEBUG
database_path=%s
`, port, certPath, keyPath, caPath, policyDir, filepath.Join(dir, "pykmip.db")))
	logPath := filepath.Join(dir, "server.log")

	cmd := exec.Command(py, "/usr/bin/pykmip-server", "-f", conf, "-l", logPath)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // the server forks; stop the whole group
	cmd.WaitDelay = 2 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-exited
		if t.Failed() {
			log, _ := os.ReadFile(logPath)
			t.Logf("pykmip-server output:\n%s\nlog:\n%s", out.String(), log)
		}
	})

	// Readiness: a bounded loop of TCP connects (not a timing assertion).
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	for i := 0; ; i++ {
		select {
		case err := <-exited:
			t.Fatalf("pykmip-server exited: %v\n%s", err, out.String())
		default:
		}
		conn, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
		if err == nil {
			_ = conn.Close()
			return port
		}
		require.Less(t, i, 150, "pykmip-server did not listen on %s", addr)
		time.Sleep(50 * time.Millisecond)
	}
}

func TestClientAgainstPyKMIPServer(t *testing.T) {
	py := pykmipPython(t)
	ctx := context.Background()
	e := newEnv(t)
	e.clock.set(time.Now())
	port := startPyKMIPServer(t, py, e.ca)
	tgt := e.target(t, "cluster-a")
	tgt.Port = port

	var logs bytes.Buffer
	c := kmip.NewClient(kmip.ClientConfig{Logger: slogTo(&logs)}) // custom attribute "fallback"
	require.NoError(t, c.Probe(ctx, tgt))

	const keyID = "6a1f4e0c-2b3d-4e5f-8a9b-0c1d2e3f4a5b"
	uid, err := c.CreateKey(ctx, tgt, keyID, kmip.PurposeEarSedAuthenticationKey)
	require.NoError(t, err)
	require.NotEmpty(t, uid)
	require.Contains(t, logs.String(), "rejected the custom key attribute", "fallback kicked in")

	key, err := c.GetKey(ctx, tgt, uid, keyID)
	require.NoError(t, err)
	require.Len(t, key, 32)

	require.NoError(t, c.DecommissionKey(ctx, tgt, uid))
	_, err = c.GetKey(ctx, tgt, uid, keyID)
	var ce *kmip.ClientError
	require.ErrorAs(t, err, &ce)
	require.Equal(t, kmip.ClassServer, ce.Class)
	require.True(t, strings.HasPrefix(ce.Message, "Server error: "), ce.Message)

	strict := kmip.NewClient(kmip.ClientConfig{CustomAttribute: "required"})
	_, err = strict.CreateKey(ctx, tgt, keyID, kmip.PurposeEarSedAuthenticationKey)
	require.ErrorAs(t, err, &ce)
	require.Equal(t, kmip.ClassServer, ce.Class)
	require.Contains(t, ce.Message, "InvalidField")
}
