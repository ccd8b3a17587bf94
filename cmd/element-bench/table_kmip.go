package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	_ "embed"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipclient"
)

// ---------------------------------------------------------------------------
// Rekey

// rekeysPerRound is how many rekeys (and Create+Activate round trips) each
// side does per round.
const rekeysPerRound = 25

func measureRekey(ctx context.Context, t *tableRun) ([]row, error) {
	p, c, err := t.emulator(ctx, "rekey", "--rekey-duration", "0")
	if err != nil {
		return nil, err
	}
	defer p.kill()
	setup, err := loadEKMSetup(ctx, c, p.kmip)
	if err != nil {
		return nil, fmt.Errorf("EKM setup: %w", err)
	}
	certPEM, keyPEM, caPEM, err := signedClient(ctx, c, "element-bench")
	if err != nil {
		return nil, err
	}
	rekey := func(ctx context.Context, _ int) error {
		r, err := c.call(ctx, "RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "external", "keyProviderID": setup.provider})
		if err != nil {
			return err
		}
		h := num(r, "asyncHandle")
		for {
			res, err := c.call(ctx, "GetAsyncResult", map[string]any{"asyncHandle": h})
			if err != nil {
				return err
			}
			if str(res, "status") == "complete" {
				if res["error"] != nil {
					return fmt.Errorf("rekey job %d failed: %v", h, res["error"])
				}
				return nil
			}
		}
	}
	createActivate := func(ctx context.Context, _ int) error {
		kc, err := kmipclient.DialContext(ctx, p.kmip, kmipclient.WithRootCAPem([]byte(caPEM)), kmipclient.WithClientCertPEM(certPEM, keyPEM))
		if err != nil {
			return err
		}
		defer kc.Close()
		cr, err := kc.Create().AES(256, okmip.CryptographicUsageEncrypt|okmip.CryptographicUsageDecrypt).WithName("element-bench").ExecContext(ctx)
		if err != nil {
			return err
		}
		_, err = kc.Activate(cr.UniqueIdentifier).ExecContext(ctx)
		return err
	}
	// A fixed number of operations per round, not a fixed time: every
	// rekey leaves a decommissioned key behind, and the cluster reads all
	// of its keys a few times per rekey, so a time-bound run would measure
	// a cluster with a rekey history no lab reaches.
	n := rekeysPerRound
	if t.o.quick {
		n = 3
	}
	msPerOp := func(op func(context.Context, int) error) side {
		return func(ctx context.Context) (float64, error) {
			began := time.Now()
			for i := 0; i < n; i++ {
				if err := op(ctx, 0); err != nil {
					return 0, err
				}
			}
			return float64(time.Since(began)) / float64(time.Millisecond) / float64(n), nil
		}
	}
	// The first rekey moves the master key from internal to external; the
	// timed ones go from external to external.
	if err := rekey(ctx, 0); err != nil {
		return nil, err
	}
	if err := createActivate(ctx, 0); err != nil {
		return nil, err
	}
	e, pr, err := t.alternate(ctx, "rekey", msPerOp(rekey), msPerOp(createActivate))
	if err != nil {
		return nil, err
	}
	return []row{ratioRow("rekey to the embedded key server, end to end, vs one KMIP Create+Activate on a new connection", "ms", e, pr, "≤ 5×", atMost(5))}, nil
}

// signedClient makes an ECDSA key and has a CSR for cn signed by the
// emulator's KMIP CA (POST /_emulator/kmip/sign).
func signedClient(ctx context.Context, c *client, cn string) (certPEM, keyPEM []byte, caPEM string, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, "", err
	}
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: cn}}, key)
	if err != nil {
		return nil, nil, "", err
	}
	var signed struct {
		Certificate   string `json:"certificate"`
		CACertificate string `json:"caCertificate"`
	}
	csr := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der})
	if err := c.control(ctx, http.MethodPost, "kmip/sign", map[string]any{"csr": string(csr)}, &signed); err != nil {
		return nil, nil, "", err
	}
	if keyPEM, err = keyToPEM(key); err != nil {
		return nil, nil, "", err
	}
	return []byte(signed.Certificate), keyPEM, signed.CACertificate, nil
}

func keyToPEM(key *ecdsa.PrivateKey) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// ---------------------------------------------------------------------------
// KMIP server vs pykmip-server

//go:embed pykmip_pairs.py
var pykmipPairsScript []byte

var pykmipPairs = regexp.MustCompile(`pairs (\d+) seconds ([0-9.]+) cpu ([0-9.]+)`)

// pykmipPython returns an interpreter that imports PyKMIP's client, or why
// there is none. Debian's python3-pykmip lives under /usr/bin/python3.
func pykmipPython(dir string) (string, error) {
	if _, err := exec.LookPath("pykmip-server"); err != nil {
		return "", errors.New("pykmip-server not found (apt-get install python3-pykmip)")
	}
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		cmd := exec.Command(py, "-c", "import kmip.pie.client")
		cmd.Dir = dir // not a directory holding a kmip/ package, which would shadow PyKMIP's
		if cmd.Run() == nil {
			return py, nil
		}
	}
	return "", errors.New("python3 cannot import kmip.pie.client (apt-get install python3-pykmip)")
}

const kmipFigure = "KMIP Create+Get pairs/s, embedded server vs pykmip-server, one PyKMIP client"

func measureKMIP(ctx context.Context, t *tableRun) ([]row, error) {
	dir, err := t.dir("kmip")
	if err != nil {
		return nil, err
	}
	py, err := pykmipPython(dir)
	if err != nil {
		return []row{{figure: kmipFigure, goal: "≥ 20×", skipped: err.Error()}}, nil
	}
	script, err := tempFile(dir, "pykmip_pairs.py", pykmipPairsScript)
	if err != nil {
		return nil, err
	}
	p, c, err := t.emulator(ctx, "kmip-emulator")
	if err != nil {
		return nil, err
	}
	defer p.kill()
	certPEM, keyPEM, caPEM, err := signedClient(ctx, c, "element-bench")
	if err != nil {
		return nil, err
	}
	emuFiles, err := writePEMs(filepath.Join(dir, "emulator"), certPEM, keyPEM, []byte(caPEM))
	if err != nil {
		return nil, err
	}
	py3, err := startPyKMIPServer(ctx, filepath.Join(dir, "pykmip"))
	if err != nil {
		return nil, err
	}
	defer py3.kill()

	type client struct {
		files  [3]string
		addr   string
		cpu    func() time.Duration
		server cpuMeter
		client cpuMeter
	}
	run := func(cl *client) side {
		return func(ctx context.Context) (float64, error) {
			host, port, _ := net.SplitHostPort(cl.addr)
			cmd := exec.CommandContext(ctx, py, script, host, port, cl.files[0], cl.files[1], cl.files[2],
				strconv.FormatFloat(t.o.roundTime.Seconds(), 'f', 3, 64))
			cmd.Dir = dir
			before := cl.cpu()
			out, err := cmd.CombinedOutput()
			if err != nil {
				return 0, fmt.Errorf("PyKMIP client against %s: %w: %s", cl.addr, err, out)
			}
			m := pykmipPairs.FindStringSubmatch(string(out))
			if m == nil {
				return 0, fmt.Errorf("PyKMIP client against %s printed %q", cl.addr, out)
			}
			n, _ := strconv.ParseFloat(m[1], 64)
			secs, _ := strconv.ParseFloat(m[2], 64)
			cpu, _ := strconv.ParseFloat(m[3], 64)
			// The server's CPU includes the client's untimed connect and
			// first pair: a slight overestimate, the same for both servers.
			cl.server.cpu += cl.cpu() - before
			cl.server.ops += n
			cl.client.cpu += time.Duration(cpu * float64(time.Second))
			cl.client.ops += n
			return n / secs, nil
		}
	}
	emu := &client{files: emuFiles, addr: p.kmip, cpu: func() time.Duration { return cpuTime(p.cmd.Process.Pid) }}
	peer := &client{files: py3.files, addr: py3.addr, cpu: func() time.Duration { return groupCPUTime(py3.cmd.Process.Pid) }}
	e, pr, err := t.alternate(ctx, "kmip", run(emu), run(peer))
	if err != nil {
		return nil, err
	}
	r := ratioRow(kmipFigure, "pairs/s", e, pr, "≥ 20×", atLeast(20))
	r.notes = append(r.notes, fmt.Sprintf("kmip: CPU per Create+Get pair: embedded server %s, pykmip-server %s; the PyKMIP client %s (embedded) and %s (pykmip-server)",
		micros(emu.server.perOp()), micros(peer.server.perOp()), micros(emu.client.perOp()), micros(peer.client.perOp())))
	return []row{r}, nil
}

// writePEMs writes a client certificate, its key and a CA into dir and
// returns the three paths in that order.
func writePEMs(dir string, cert, key, ca []byte) ([3]string, error) {
	var out [3]string
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return out, err
	}
	for i, f := range []struct {
		name string
		b    []byte
	}{{"client.pem", cert}, {"client.key", key}, {"ca.pem", ca}} {
		p, err := tempFile(dir, f.name, f.b)
		if err != nil {
			return out, err
		}
		out[i] = p
	}
	return out, nil
}

// pykmipServer is a running pykmip-server with its own CA and the client
// files (certificate, key, CA) for the PyKMIP client.
type pykmipServer struct {
	addr  string
	files [3]string
	cmd   *exec.Cmd
	done  chan struct{}
	out   *lockedBuffer
}

// startPyKMIPServer runs pykmip-server as kmip/pykmiptest does (ECDSA P-256
// certificates from a throwaway CA, TLS 1.2 suite, client certificates
// required, its SQLite database in dir), logging warnings only as the
// emulator does with --log-level warn, and waits until it listens.
func startPyKMIPServer(ctx context.Context, dir string) (*pykmipServer, error) {
	if err := os.MkdirAll(filepath.Join(dir, "policies"), 0o700); err != nil {
		return nil, err
	}
	ca, err := newBenchCA()
	if err != nil {
		return nil, err
	}
	srvCert, srvKey, err := ca.issue("127.0.0.1", true)
	if err != nil {
		return nil, err
	}
	cliCert, cliKey, err := ca.issue("element-bench", false)
	if err != nil {
		return nil, err
	}
	s := &pykmipServer{done: make(chan struct{}), out: &lockedBuffer{}}
	if s.files, err = writePEMs(filepath.Join(dir, "client"), cliCert, cliKey, ca.pem); err != nil {
		return nil, err
	}
	srv, err := writePEMs(filepath.Join(dir, "server"), srvCert, srvKey, ca.pem)
	if err != nil {
		return nil, err
	}
	if s.addr, err = freeAddr(); err != nil {
		return nil, err
	}
	_, port, _ := net.SplitHostPort(s.addr)
	conf := fmt.Sprintf(`[server]
hostname=127.0.0.1
port=%s
certificate_path=%s
key_path=%s
ca_path=%s
auth_suite=TLS1.2
policy_path=%s
enable_tls_client_auth=True
logging_level=WARNING
database_path=%s
`, port, srv[0], srv[1], srv[2], filepath.Join(dir, "policies"), filepath.Join(dir, "pykmip.db"))
	confPath, err := tempFile(dir, "server.conf", []byte(conf))
	if err != nil {
		return nil, err
	}
	s.cmd = exec.Command("pykmip-server", "-f", confPath, "-l", filepath.Join(dir, "server.log"))
	s.cmd.Dir = dir
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // it may fork: stop the whole group
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { _ = s.cmd.Wait(); close(s.done) }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", s.addr, time.Second)
		if err == nil {
			_ = conn.Close()
			return s, nil
		}
		select {
		case <-s.done:
			return nil, fmt.Errorf("pykmip-server exited: %s", s.out.String())
		case <-ctx.Done():
			s.kill()
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.kill()
			return nil, fmt.Errorf("pykmip-server not listening on %s after 30 s: %s", s.addr, s.out.String())
		}
	}
}

func (s *pykmipServer) kill() {
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	<-s.done
}

// benchCA is a throwaway ECDSA P-256 CA for pykmip-server's certificates.
type benchCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
}

func newBenchCA() (*benchCA, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "element-bench CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.AddDate(1, 0, 0), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return &benchCA{cert: cert, key: key, pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}, nil
}

var benchSerial int64 = 1

// issue makes a key and a certificate for cn: a server certificate for
// 127.0.0.1, or a client one (PyKMIP requires the clientAuth EKU).
func (c *benchCA) issue(cn string, server bool) (certPEM, keyPEM []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	benchSerial++
	now := time.Now()
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(benchSerial), Subject: pkix.Name{CommonName: cn},
		NotBefore: now.Add(-time.Hour), NotAfter: now.AddDate(1, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
	if server {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		tmpl.IPAddresses = []net.IP{net.IPv4(127, 0, 0, 1)}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, c.cert, &key.PublicKey, c.key)
	if err != nil {
		return nil, nil, err
	}
	if keyPEM, err = keyToPEM(key); err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), keyPEM, nil
}
