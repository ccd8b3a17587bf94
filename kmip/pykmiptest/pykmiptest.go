// Package pykmiptest runs a real PyKMIP 0.10 key server (the Debian
// python3-pykmip package's pykmip-server) for interoperability tests.
//
// StartServer gives it its own ECDSA P-256 CA and server certificate
// (docs/kmip.md, PyKMIP pitfalls 1–2: TLS 1.2 only, ECDSA to share a cipher
// suite with Go), a free loopback port, a SQLite database and a log file in
// t.TempDir(), and kills it at cleanup. SignClientCSR plays the key-server
// administrator of seed 001 who signs the cluster's CSR with that CA; Objects
// reads the server's database so tests can see which keys exist on it.
package pykmiptest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"database/sql"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // reads PyKMIP's database
	"github.com/stretchr/testify/require"
)

// RequireEnv, set to 1, turns a missing PyKMIP into a test failure instead
// of a skip (CI images that install python3-pykmip).
const RequireEnv = "ELEMENT_EMULATOR_REQUIRE_PYKMIP"

// Command is the console script installed by python3-pykmip. Its shebang
// names Debian's /usr/bin/python3 (3.11), which PyKMIP 0.10 needs (pitfall 12).
const Command = "pykmip-server"

// readyTimeout bounds the wait for the server's listener.
const readyTimeout = 15 * time.Second

var available = sync.OnceValue(func() bool {
	p, err := exec.LookPath(Command)
	if err != nil {
		return false
	}
	// --help imports the server module, so a broken install counts as missing.
	return exec.Command(p, "--help").Run() == nil
})

// Available reports whether pykmip-server is installed and starts.
func Available() bool { return available() }

// Require skips the test when PyKMIP is unavailable, or fails it when
// ELEMENT_EMULATOR_REQUIRE_PYKMIP=1.
func Require(t testing.TB) {
	t.Helper()
	if Available() {
		return
	}
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("%s=1 but %s is not usable (apt-get install -y python3-pykmip)", RequireEnv, Command)
	}
	t.Skip("python3-pykmip not installed")
}

// Server is a running pykmip-server.
type Server struct {
	// Host is always 127.0.0.1; Port its listener; Addr "host:port".
	Host string
	Port int
	Addr string
	// CAPEM is the server's CA certificate: what an operator puts in
	// kmipCaCertificate, and the CA that SignClientCSR uses.
	CAPEM string
	// Dir holds the configuration, certificates, database and logs.
	Dir     string
	LogPath string
	DBPath  string

	t      testing.TB
	caCert *x509.Certificate
	caKey  *ecdsa.PrivateKey
	cmd    *exec.Cmd
	done   chan struct{}
}

// StartServer starts pykmip-server (calling Require first) and waits until it
// accepts TCP connections; it is killed at test cleanup.
func StartServer(t testing.TB) *Server {
	t.Helper()
	Require(t)
	dir := t.TempDir()
	s := &Server{t: t, Host: "127.0.0.1", Dir: dir,
		LogPath: filepath.Join(dir, "server.log"), DBPath: filepath.Join(dir, "pykmip.db")}

	// CA and server certificate, both ECDSA P-256. Validity is wide so that
	// both the real clock (PyKMIP) and an emulator's virtual clock accept them.
	now := time.Now()
	caKey := newKey(t)
	caTmpl := &x509.Certificate{
		SerialNumber: serial(t), Subject: pkix.Name{CommonName: "pykmiptest CA", Organization: []string{"element-emulator tests"}},
		NotBefore: now.AddDate(-5, 0, 0), NotAfter: now.AddDate(5, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	require.NoError(t, err)
	s.caCert, err = x509.ParseCertificate(caDER)
	require.NoError(t, err)
	s.caKey = caKey
	s.CAPEM = string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}))

	srvKey := newKey(t)
	srvTmpl := &x509.Certificate{
		SerialNumber: serial(t), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: now.AddDate(-5, 0, 0), NotAfter: now.AddDate(5, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
	}
	srvDER, err := x509.CreateCertificate(rand.Reader, srvTmpl, s.caCert, &srvKey.PublicKey, caKey)
	require.NoError(t, err)
	keyDER, err := x509.MarshalPKCS8PrivateKey(srvKey)
	require.NoError(t, err)

	certPath, keyPath, caPath := filepath.Join(dir, "server.crt"), filepath.Join(dir, "server.key"), filepath.Join(dir, "ca.crt")
	writeFile(t, certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srvDER}))
	writeFile(t, keyPath, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
	writeFile(t, caPath, []byte(s.CAPEM))
	policyDir := filepath.Join(dir, "policies")
	require.NoError(t, os.Mkdir(policyDir, 0o700))

	s.Port = freePort(t)
	s.Addr = net.JoinHostPort(s.Host, strconv.Itoa(s.Port))
	conf := fmt.Sprintf(`[server]
hostname=%s
port=%d
certificate_path=%s
key_path=%s
ca_path=%s
auth_suite=TLS1.2
policy_path=%s
enable_tls_client_auth=True
logging_level=DEBUG
database_path=%s
`, s.Host, s.Port, certPath, keyPath, caPath, policyDir, s.DBPath)
	confPath := filepath.Join(dir, "server.conf")
	writeFile(t, confPath, []byte(conf))

	out, err := os.Create(filepath.Join(dir, "stdout.log"))
	require.NoError(t, err)
	p, err := exec.LookPath(Command)
	require.NoError(t, err)
	s.cmd = exec.Command(p, "-f", confPath, "-l", s.LogPath)
	s.cmd.Dir = dir
	s.cmd.Stdout, s.cmd.Stderr = out, out
	// pykmip-server forks worker processes: give it its own process group
	// so stop can kill all of them, not only the parent.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	require.NoError(t, s.cmd.Start())
	s.done = make(chan struct{})
	go func() {
		_ = s.cmd.Wait()
		_ = out.Close()
		close(s.done)
	}()
	t.Cleanup(s.stop)
	s.waitReady()
	return s
}

// stop kills the server and, if the test failed, logs its output.
func (s *Server) stop() {
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL) // the whole group
	_ = s.cmd.Process.Kill()
	<-s.done
	if s.t.Failed() {
		s.t.Logf("pykmip-server output:\n%s\npykmip-server log (tail):\n%s", s.readTail("stdout.log"), s.readTail(filepath.Base(s.LogPath)))
	}
}

// readTail returns the last 8 KiB of a file in Dir.
func (s *Server) readTail(name string) string {
	b, err := os.ReadFile(filepath.Join(s.Dir, name))
	if err != nil {
		return err.Error()
	}
	if len(b) > 8192 {
		b = b[len(b)-8192:]
	}
	return string(b)
}

// waitReady polls the listener with TCP dials for at most readyTimeout,
// failing early if the process exits.
func (s *Server) waitReady() {
	s.t.Helper()
	deadline := time.NewTimer(readyTimeout)
	defer deadline.Stop()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		c, err := net.DialTimeout("tcp", s.Addr, time.Second)
		if err == nil {
			_ = c.Close()
			return
		}
		select {
		case <-s.done:
			s.t.Fatalf("pykmip-server exited before listening on %s:\n%s\n%s", s.Addr, s.readTail("stdout.log"), s.readTail(filepath.Base(s.LogPath)))
		case <-deadline.C:
			s.t.Fatalf("pykmip-server not listening on %s after %s: %v\n%s", s.Addr, readyTimeout, err, s.readTail(filepath.Base(s.LogPath)))
		case <-tick.C:
		}
	}
}

// SignClientCSR signs a PEM CSR with the server's CA, as the key-server
// administrator does in seed 001: subject CN taken from the CSR, EKU
// clientAuth (PyKMIP refuses requests without it, pitfall 8), one year.
func (s *Server) SignClientCSR(csrPEM string) (certPEM string) {
	s.t.Helper()
	blk, _ := pem.Decode([]byte(csrPEM))
	require.NotNil(s.t, blk, "not a PEM CSR: %q", csrPEM)
	require.Equal(s.t, "CERTIFICATE REQUEST", blk.Type)
	csr, err := x509.ParseCertificateRequest(blk.Bytes)
	require.NoError(s.t, err)
	require.NoError(s.t, csr.CheckSignature())
	require.NotEmpty(s.t, csr.Subject.CommonName, "PyKMIP needs exactly one CN (pitfall 9)")
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: serial(s.t), Subject: pkix.Name{CommonName: csr.Subject.CommonName},
		NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(1, 0, 0),
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, s.caCert, csr.PublicKey, s.caKey)
	require.NoError(s.t, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

// Object is a managed object in PyKMIP's database.
type Object struct {
	UID   string
	Type  string // "SymmetricKey", ...
	State string // "PreActive", "Active", ... ("" for objects without a state)
	Names []string
}

// KMIP enumeration values PyKMIP stores as integers.
var (
	objectTypes = map[int64]string{1: "Certificate", 2: "SymmetricKey", 3: "PublicKey", 4: "PrivateKey", 5: "SplitKey",
		6: "Template", 7: "SecretData", 8: "OpaqueObject"}
	states = map[int64]string{1: "PreActive", 2: "Active", 3: "Deactivated", 4: "Compromised", 5: "Destroyed",
		6: "DestroyedCompromised"}
)

// Objects lists the objects PyKMIP holds, by UID (Destroy deletes the row,
// pitfall 10, so destroyed keys are absent).
func (s *Server) Objects() []Object {
	s.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+s.DBPath+"?mode=ro&_busy_timeout=5000")
	require.NoError(s.t, err)
	defer db.Close()
	rows, err := db.Query(`SELECT m.uid, m.object_type, c.state, n.name FROM managed_objects m
		LEFT JOIN crypto_objects c ON c.uid = m.uid
		LEFT JOIN managed_object_names n ON n.mo_uid = m.uid
		ORDER BY m.uid, n.name_index`)
	require.NoError(s.t, err)
	defer rows.Close()
	var out []Object
	for rows.Next() {
		var (
			uid, typ int64
			state    sql.NullInt64
			name     sql.NullString
		)
		require.NoError(s.t, rows.Scan(&uid, &typ, &state, &name))
		id := strconv.FormatInt(uid, 10)
		if len(out) == 0 || out[len(out)-1].UID != id {
			o := Object{UID: id, Type: objectTypes[typ]}
			if state.Valid {
				o.State = states[state.Int64]
			}
			out = append(out, o)
		}
		if name.Valid {
			out[len(out)-1].Names = append(out[len(out)-1].Names, name.String)
		}
	}
	require.NoError(s.t, rows.Err())
	return out
}

// LogContains reports whether PyKMIP's log contains substr, e.g.
// "Processing operation: Destroy" or "Session client identity: <CN>".
func (s *Server) LogContains(substr string) bool { return s.LogCount(substr) > 0 }

// LogCount counts the occurrences of substr in PyKMIP's log.
func (s *Server) LogCount(substr string) int {
	b, err := os.ReadFile(s.LogPath)
	if err != nil {
		return 0
	}
	return bytes.Count(b, []byte(substr))
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	return k
}

func serial(t testing.TB) *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	require.NoError(t, err)
	return n.Add(n, big.NewInt(1))
}

func writeFile(t testing.TB, path string, b []byte) {
	require.NoError(t, os.WriteFile(path, b, 0o600))
}

// freePort picks a loopback port by listening on port 0 and closing.
func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
