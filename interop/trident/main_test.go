package trident_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
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
)

// emu is the emulator child process every test of this package talks to.
var emu *emulator

// emulator is an element-emulator child process: built from this checkout
// (two directories up), on loopback ports, a virtual clock and memory-only
// state.
type emulator struct {
	cmd     *exec.Cmd
	stderr  bytes.Buffer
	https   string // host:port of the cluster (MVIP) listener
	control *http.Client
}

// TestMain builds and starts the emulator, runs the tests, and stops it.
func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "trident-interop-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	e, err := startEmulator(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "trident interop:", err)
		return 1
	}
	emu = e
	code := m.Run()
	_ = e.cmd.Process.Kill()
	_ = e.cmd.Wait()
	if code != 0 {
		fmt.Fprintf(os.Stderr, "emulator log:\n%s\n", e.stderr.String())
	}
	return code
}

func startEmulator(dir string) (*emulator, error) {
	bin := filepath.Join(dir, "element-emulator")
	args := []string{"build", "-o", bin}
	if os.Getenv("ELEMENT_EMULATOR_INTEROP_RACE") == "1" {
		// Set by interop/interop_test.go under go test -race: the emulator's
		// packages are then already in the build cache with -race.
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, "./cmd/element-emulator")...)
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build ./cmd/element-emulator: %v\n%s", err, out)
	}
	httpsAddr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	e := &emulator{https: httpsAddr, control: &http.Client{Timeout: time.Minute, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}}
	e.cmd = exec.Command(bin, "--ephemeral", "--data", filepath.Join(dir, "data"), "--clock", "virtual",
		"--https-addr", httpsAddr, "--http-addr", "", "--node-addr", "", "--kmip-addr", "off",
		"--kacls-addr", "off", "--alikms-addr", "off", "--tckms-addr", "off", "--log-level", "warn")
	e.cmd.Stderr = &e.stderr
	if err := e.cmd.Start(); err != nil {
		return nil, err
	}
	// Bounded readiness poll of the child we started; no assertion depends on time.
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if status, _, err := e.do(http.MethodGet, "/_emulator/healthz", ""); err == nil && status == http.StatusOK {
			return e, nil
		}
	}
	_ = e.cmd.Process.Kill()
	_ = e.cmd.Wait()
	return nil, fmt.Errorf("emulator did not become healthy:\n%s", e.stderr.String())
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// endpoint is the URL a Trident backend config names as Endpoint: the
// credentials in the URL, as Trident's documentation shows.
func (e *emulator) endpoint() string {
	return "https://admin:admin@" + e.https + "/json-rpc/12.3"
}

// do calls an emulator control route (or any path) with the admin's basic
// credentials.
func (e *emulator) do(method, path, body string) (int, []byte, error) {
	req, err := http.NewRequest(method, "https://"+e.https+path, strings.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.SetBasicAuth("admin", "admin")
	resp, err := e.control.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// advance moves the emulator's virtual clock forward.
func advance(t *testing.T, d time.Duration) {
	t.Helper()
	status, body, err := emu.do(http.MethodPost, "/_emulator/clock/advance", fmt.Sprintf(`{"seconds": %g}`, d.Seconds()))
	if err != nil || status != http.StatusOK {
		t.Fatalf("advance clock: %d %s %v", status, body, err)
	}
}

// call sends one JSON-RPC request outside Trident's client, for checks
// Trident's client has no method for (GetAsyncResult, ListDeletedVolumes).
func call(t *testing.T, method string, params any) map[string]any {
	t.Helper()
	b, _ := json.Marshal(map[string]any{"method": method, "params": params, "id": 1})
	status, body, err := emu.do(http.MethodPost, "/json-rpc/12.3", string(b))
	if err != nil || status != http.StatusOK {
		t.Fatalf("%s: %d %s %v", method, status, body, err)
	}
	var out struct {
		Result map[string]any  `json:"result"`
		Error  json.RawMessage `json:"error"`
	}
	if err := json.Unmarshal(body, &out); err != nil || out.Error != nil {
		t.Fatalf("%s: %s %v", method, body, err)
	}
	return out.Result
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}
