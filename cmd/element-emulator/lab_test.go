package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/emulator"
	"github.com/element-emulator/element-emulator/replay"
)

// syncBuffer is a bytes.Buffer safe for the lab's concurrent loggers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// rpcAs calls an Element method over plain HTTP with the given credentials
// and returns the HTTP status and the decoded envelope.
func rpcAs(t *testing.T, base, user, pass, method string, params map[string]any) (int, map[string]any) {
	t.Helper()
	b, err := json.Marshal(map[string]any{"method": method, "params": params, "id": 1})
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, base+"/json-rpc/12.7", bytes.NewReader(b))
	require.NoError(t, err)
	req.SetBasicAuth(user, pass)
	resp, err := (&http.Client{Timeout: time.Minute}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	out := map[string]any{}
	_ = json.Unmarshal(raw, &out)
	return resp.StatusCode, out
}

func resultAs(t *testing.T, base, user, pass, method string, params map[string]any) map[string]any {
	t.Helper()
	status, out := rpcAs(t, base, user, pass, method, params)
	require.Equal(t, http.StatusOK, status, "%s: %v", method, out)
	require.Nil(t, out["error"], "%s: %v", method, out["error"])
	return out["result"].(map[string]any)
}

func controlAs(t *testing.T, base, user, pass, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, base+"/_emulator/"+path, rd)
	require.NoError(t, err)
	req.SetBasicAuth(user, pass)
	resp, err := (&http.Client{Timeout: time.Minute}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	out := map[string]any{}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	return resp.StatusCode, out
}

func providers(t *testing.T, c *labCluster) []string {
	t.Helper()
	var names []string
	for _, p := range resultAs(t, "http://"+c.HTTP, c.User, c.Password, "ListKeyProvidersKmip", nil)["kmipKeyProviders"].([]any) {
		names = append(names, p.(map[string]any)["keyProviderName"].(string))
	}
	return names
}

// startLab runs "element-emulator lab" until the test ends and returns its
// clusters and output.
func startLab(t *testing.T, args ...string) ([]*labCluster, *syncBuffer, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan []*labCluster, 1)
	done := make(chan error, 1)
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	go func() {
		done <- runLabWith(ctx, args, func(string) string { return "" }, stdout, stderr, func(cs []*labCluster) { ready <- cs })
	}()
	var cs []*labCluster
	select {
	case cs = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("lab returned early: %v\n%s", err, stderr.String())
	}
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
	return cs, stdout, stderr
}

func TestLabServesIndependentClusters(t *testing.T) {
	dir := t.TempDir()
	cs, stdout, stderr := startLab(t, "--clusters", "3", "--base-port", "0", "--data", dir,
		"--credentials", "per-cluster", "--clock", "virtual")
	require.Len(t, cs, 3)

	uuids := map[string]bool{}
	for i, c := range cs {
		require.Equal(t, i+1, c.Index)
		require.Equal(t, "student"+string(rune('1'+i)), c.User)
		require.Len(t, c.Password, 12)
		info := resultAs(t, "http://"+c.HTTP, c.User, c.Password, "GetClusterInfo", nil)["clusterInfo"].(map[string]any)
		require.Equal(t, c.Name, info["name"])
		require.Equal(t, "emu-cluster-"+string(rune('1'+i)), info["name"])
		uuids[info["uuid"].(string)] = true
		require.FileExists(t, filepath.Join(dir, "cluster-"+string(rune('1'+i)), "emu.db"), "one SQLite file per cluster")
	}
	require.Len(t, uuids, 3, "every cluster has its own UUID")

	// State is independent.
	resultAs(t, "http://"+cs[0].HTTP, cs[0].User, cs[0].Password, "CreateKeyProviderKmip", map[string]any{"keyProviderName": "only-on-1"})
	require.Equal(t, []string{"only-on-1"}, providers(t, cs[0]))
	require.Empty(t, providers(t, cs[1]))
	require.Empty(t, providers(t, cs[2]))

	// Each cluster has its own key server and CA.
	require.NotEqual(t, cs[0].KMIP, cs[1].KMIP)
	require.NotEqual(t, cs[0].Emu.CA().CertPEM(), cs[1].Emu.CA().CertPEM())

	// Another cluster's credentials are rejected.
	status, _ := rpcAs(t, "http://"+cs[0].HTTP, cs[1].User, cs[1].Password, "GetClusterInfo", nil)
	require.Equal(t, http.StatusUnauthorized, status)
	status, _ = rpcAs(t, "http://"+cs[0].HTTP, cs[0].User, cs[1].Password, "GetClusterInfo", nil)
	require.Equal(t, http.StatusUnauthorized, status)

	// The table on stdout is the only place passwords appear.
	table := stdout.String()
	for _, c := range cs {
		require.Contains(t, table, c.User)
		require.Contains(t, table, c.Password)
		require.Contains(t, table, "https://"+c.HTTPS)
		require.NotContains(t, stderr.String(), c.Password)
	}
	require.Equal(t, 3, strings.Count(stderr.String(), `msg="lab cluster ready"`), stderr.String())
}

func TestLabSameCredentialsAndSnapshotsPerCluster(t *testing.T) {
	cs, _, _ := startLab(t, "--clusters", "2", "--base-port", "0", "--ephemeral", "--clock", "virtual")
	for _, c := range cs {
		require.Equal(t, "admin", c.User)
		require.Equal(t, "admin", c.Password)
	}
	base1 := "http://" + cs[0].HTTP
	status, body := controlAs(t, base1, "admin", "admin", http.MethodPost, "snapshot", map[string]any{"name": "clean"})
	require.Equal(t, http.StatusOK, status, body)
	status, body = controlAs(t, "http://"+cs[1].HTTP, "admin", "admin", http.MethodPost, "restore", map[string]any{"name": "clean"})
	require.Equal(t, http.StatusNotFound, status, "snapshots belong to one cluster: %v", body)
}

const testFixture = `name: lab fixture
description: a key provider exists before students start
steps:
  - call: CreateKeyProviderKmip
    params: {keyProviderName: from-fixture}
  - advance: 60
`

func TestFixtureAppliesOnceAndResetRestoresIt(t *testing.T) {
	dir := t.TempDir()
	fixture := filepath.Join(dir, "fixture.yaml")
	require.NoError(t, os.WriteFile(fixture, []byte(testFixture), 0o600))
	data := filepath.Join(dir, "data")
	args := []string{"--data", data, "--https-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0",
		"--node-addr", "127.0.0.1:0", "--kmip-addr", "127.0.0.1:0", "--kacls-addr", "off", "--alikms-addr", "off", "--clock", "virtual", "--fixture", fixture}

	runOnce := func(check func(base string, e *emulator.Emulator)) {
		ctx, cancel := context.WithCancel(context.Background())
		ready := make(chan *emulator.Emulator, 1)
		done := make(chan error, 1)
		logs := &syncBuffer{}
		go func() {
			done <- runWith(ctx, args, func(string) string { return "" }, strings.NewReader(""), io.Discard, logs,
				func(e *emulator.Emulator) { ready <- e })
		}()
		select {
		case e := <-ready:
			check("http://"+e.Addr("http"), e)
		case err := <-done:
			cancel()
			t.Fatalf("run returned early: %v\n%s", err, logs.String())
		}
		cancel()
		require.NoError(t, <-done)
	}
	list := func(base string) []string {
		var names []string
		for _, p := range resultAs(t, base, "admin", "admin", "ListKeyProvidersKmip", nil)["kmipKeyProviders"].([]any) {
			names = append(names, p.(map[string]any)["keyProviderName"].(string))
		}
		return names
	}
	var fixtureTime string
	runOnce(func(base string, e *emulator.Emulator) {
		require.Equal(t, []string{"from-fixture"}, list(base))
		require.FileExists(t, filepath.Join(data, "snapshots", "initial.db"))
		_, clk := controlAs(t, base, "admin", "admin", http.MethodGet, "clock", nil)
		fixtureTime = clk["now"].(string)

		resultAs(t, base, "admin", "admin", "CreateKeyProviderKmip", map[string]any{"keyProviderName": "student"})
		controlAs(t, base, "admin", "admin", http.MethodPost, "clock/advance", map[string]any{"seconds": 3600})
		status, body := controlAs(t, base, "admin", "admin", http.MethodPost, "reset", nil)
		require.Equal(t, http.StatusOK, status, body)
		require.Equal(t, []string{"from-fixture"}, list(base), "reset restores the fixture's state")
		_, clk = controlAs(t, base, "admin", "admin", http.MethodGet, "clock", nil)
		require.Equal(t, fixtureTime, clk["now"])
		resultAs(t, base, "admin", "admin", "CreateKeyProviderKmip", map[string]any{"keyProviderName": "kept"})
	})
	// A restart on existing state does not apply the fixture again.
	runOnce(func(base string, e *emulator.Emulator) {
		require.Equal(t, []string{"from-fixture", "kept"}, list(base))
		status, body := controlAs(t, base, "admin", "admin", http.MethodPost, "reset", nil)
		require.Equal(t, http.StatusOK, status, body)
		require.Equal(t, []string{"from-fixture"}, list(base))
	})
}

func TestLabFixtureOnEveryCluster(t *testing.T) {
	dir := t.TempDir()
	fixture := filepath.Join(dir, "fixture.yaml")
	require.NoError(t, os.WriteFile(fixture, []byte(testFixture), 0o600))
	cs, _, _ := startLab(t, "--clusters", "2", "--base-port", "0", "--ephemeral", "--clock", "virtual",
		"--credentials", "per-cluster", "--fixture", fixture)
	for _, c := range cs {
		require.Equal(t, []string{"from-fixture"}, providers(t, c))
	}
}

func TestFixtureErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("name: x\nsteps:\n  - explode: now\n"), 0o600))
	failing := filepath.Join(dir, "failing.yaml")
	require.NoError(t, os.WriteFile(failing, []byte("name: y\nsteps:\n  - call: DeleteKeyProviderKmip\n    params: {keyProviderID: 99}\n"), 0o600))
	for _, tt := range []struct {
		name, fixture, want string
	}{
		{"ErrBadFile", bad, "bad.yaml"},
		{"ErrStepFails", failing, "did not apply"},
		{"ErrMissing", filepath.Join(dir, "nope.yaml"), "nope.yaml"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := runLabWith(context.Background(), []string{"--clusters", "1", "--base-port", "0", "--ephemeral", "--fixture", tt.fixture},
				func(string) string { return "" }, io.Discard, io.Discard, func([]*labCluster) { t.Fatal("the lab must not start") })
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestParseLabArgs(t *testing.T) {
	for _, tt := range []struct {
		name     string
		args     []string
		env      map[string]string
		want     labOptions
		wantRest []string
		wantErr  error
	}{
		{name: "Defaults", args: []string{"--clusters", "30"},
			want: labOptions{Clusters: 30, BasePort: 18000, Host: "127.0.0.1", Credentials: "same"}},
		{name: "MixedWithEmulatorFlags", args: []string{"--data", "d", "--clusters=2", "--base-port", "0", "--clock", "virtual", "--credentials", "per-cluster", "--measure"},
			want:     labOptions{Clusters: 2, Host: "127.0.0.1", Credentials: "per-cluster", Measure: true},
			wantRest: []string{"--data", "d", "--clock", "virtual"}},
		{name: "Env", env: map[string]string{"ELEMENT_EMULATOR_CLUSTERS": "4", "ELEMENT_EMULATOR_HOST": "0.0.0.0"},
			want: labOptions{Clusters: 4, BasePort: 18000, Host: "0.0.0.0", Credentials: "same"}},
		{name: "ErrNoClusters", wantErr: ErrLabClusters},
		{name: "ErrTooMany", args: []string{"--clusters", "501"}, wantErr: ErrLabClusters},
		{name: "ErrPortRange", args: []string{"--clusters", "30", "--base-port", "65300"}, wantErr: ErrLabBasePort},
		{name: "ErrCredentials", args: []string{"--clusters", "1", "--credentials", "random"}, wantErr: ErrLabCredentials},
		{name: "Volumes", args: []string{"--clusters", "2", "--volumes", "1000"},
			want: labOptions{Clusters: 2, BasePort: 18000, Host: "127.0.0.1", Credentials: "same", Volumes: 1000}},
		{name: "ErrVolumes", args: []string{"--clusters", "1", "--volumes", "-1"}, wantErr: ErrLabVolumes},
		{name: "ErrTooManyVolumes", args: []string{"--clusters", "1", "--volumes", "100001"}, wantErr: ErrLabVolumes},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o, rest, err := parseLabArgs(tt.args, func(k string) string { return tt.env[k] })
			require.ErrorIs(t, err, tt.wantErr)
			if tt.wantErr != nil {
				return
			}
			require.Equal(t, tt.want, o)
			require.Equal(t, tt.wantRest, rest)
		})
	}
}

func TestLabPorts(t *testing.T) {
	o := labOptions{Clusters: 30, BasePort: 18000, Host: "127.0.0.1"}
	require.Equal(t, "127.0.0.1:18000", o.addr(1, labPortHTTP))
	require.Equal(t, "127.0.0.1:18001", o.addr(1, labPortHTTPS))
	require.Equal(t, "127.0.0.1:18293", o.addr(30, labPortKMIP))
	o.BasePort = 0
	require.Equal(t, "127.0.0.1:0", o.addr(7, labPortNode))
}

func TestLabPasswordIsDerivedFromTheSecret(t *testing.T) {
	seeded, err := labSecret(Config{Seed: "42"})
	require.NoError(t, err)
	require.Equal(t, labPassword(seeded, 1), labPassword(seeded, 1))
	require.NotEqual(t, labPassword(seeded, 1), labPassword(seeded, 2))
	require.Len(t, labPassword(seeded, 1), 12)

	dir := t.TempDir()
	a, err := labSecret(Config{Data: dir})
	require.NoError(t, err)
	b, err := labSecret(Config{Data: dir})
	require.NoError(t, err)
	require.Equal(t, a, b, "kept in DIR/lab.secret")
	e1, err := labSecret(Config{Ephemeral: true})
	require.NoError(t, err)
	e2, err := labSecret(Config{Ephemeral: true})
	require.NoError(t, err)
	require.NotEqual(t, labPassword(e1, 1), labPassword(e2, 1))
}

// TestLabRestartKeepsPasswordsAndResetToo restarts a per-cluster class on
// its data directory: the same passwords work, before and after a reset.
func TestLabRestartKeepsPasswordsAndResetToo(t *testing.T) {
	dir := t.TempDir()
	args := []string{"--clusters", "2", "--base-port", "0", "--data", dir, "--credentials", "per-cluster", "--clock", "virtual"}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan []*labCluster, 1)
	done := make(chan error, 1)
	go func() {
		done <- runLabWith(ctx, args, func(string) string { return "" }, io.Discard, io.Discard, func(cs []*labCluster) { ready <- cs })
	}()
	var first []*labCluster
	select {
	case first = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("lab returned early: %v", err)
	}
	pass := []string{first[0].Password, first[1].Password}
	cancel()
	require.NoError(t, <-done)

	cs, _, _ := startLab(t, args...)
	for i, c := range cs {
		require.Equal(t, pass[i], c.Password)
		status, body := controlAs(t, "http://"+c.HTTP, c.User, c.Password, http.MethodPost, "reset", nil)
		require.Equal(t, http.StatusOK, status, body)
		resultAs(t, "http://"+c.HTTP, c.User, pass[i], "GetClusterInfo", nil)
	}
}

// runScenario replays a shipped scenario against one lab cluster, as a
// student's client would drive it.
func runScenario(t *testing.T, c *labCluster, file string) {
	t.Helper()
	sc, err := replay.LoadFile(filepath.Join("..", "..", "scenarios", file))
	require.NoError(t, err)
	var out bytes.Buffer
	res, err := replay.Run(context.Background(), sc, replay.Target{URL: "http://" + c.HTTP, User: c.User, Password: c.Password},
		replay.Options{Out: &out, Vars: map[string]any{"kmipHost": "127.0.0.1", "kmipPort": c.Emu.KMIPPort()}})
	require.NoError(t, err, out.String())
	require.True(t, res.Passed, "%s on cluster %d: %v\n%s", file, c.Index, res.Failures, out.String())
}

// TestLabClassRunsTheGuidesAndResets is a class of two: each student walks a
// procedure of docs/labs/ on their own cluster, the trainer resets, and the
// next student walks it again from the same start.
func TestLabClassRunsTheGuidesAndResets(t *testing.T) {
	cs, _, _ := startLab(t, "--clusters", "2", "--base-port", "0", "--data", t.TempDir(), "--clock", "virtual",
		"--credentials", "per-cluster", "--rekey-duration", "6s")
	for round := 0; round < 2; round++ {
		runScenario(t, cs[0], "01-ekm-setup-software-ear.yaml")
		runScenario(t, cs[1], "05-recovery-sliceserviceunhealthy.yaml")
		for _, c := range cs {
			status, body := controlAs(t, "http://"+c.HTTP, c.User, c.Password, http.MethodPost, "reset", nil)
			require.Equal(t, http.StatusOK, status, body)
		}
	}
}

// TestLabFromTheHardwareEARFixture starts a class from the fixture the
// kmipServerFault guide uses: every cluster has hardware EAR on.
func TestLabFromTheHardwareEARFixture(t *testing.T) {
	cs, _, _ := startLab(t, "--clusters", "2", "--base-port", "0", "--ephemeral", "--clock", "virtual",
		"--fixture", filepath.Join("..", "..", "scenarios", "fixtures", "hardware-ear-enabled.yaml"))
	for _, c := range cs {
		info := resultAs(t, "http://"+c.HTTP, c.User, c.Password, "GetClusterInfo", nil)["clusterInfo"].(map[string]any)
		require.Equal(t, "enabled", info["encryptionAtRestState"])
		// A student breaks something; reset brings the fixture back.
		resultAs(t, "http://"+c.HTTP, c.User, c.Password, "DisableEncryptionAtRest", nil)
		status, body := controlAs(t, "http://"+c.HTTP, c.User, c.Password, http.MethodPost, "reset", nil)
		require.Equal(t, http.StatusOK, status, body)
		info = resultAs(t, "http://"+c.HTTP, c.User, c.Password, "GetClusterInfo", nil)["clusterInfo"].(map[string]any)
		require.Equal(t, "enabled", info["encryptionAtRestState"])
	}
}

// TestDocumentedLabFixturesApply starts a lab from every example fixture of
// docs/labs/fixtures/ and resets it once.
func TestDocumentedLabFixturesApply(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "docs", "labs", "fixtures", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".yaml"), func(t *testing.T) {
			cs, _, _ := startLab(t, "--clusters", "1", "--base-port", "0", "--ephemeral", "--clock", "virtual", "--fixture", f)
			c := cs[0]
			status, body := controlAs(t, "http://"+c.HTTP, c.User, c.Password, http.MethodGet, "snapshots", nil)
			require.Equal(t, http.StatusOK, status)
			require.Equal(t, "initial", body["snapshots"].([]any)[0].(map[string]any)["name"])
			status, body = controlAs(t, "http://"+c.HTTP, c.User, c.Password, http.MethodPost, "reset", nil)
			require.Equal(t, http.StatusOK, status, body)
		})
	}
}

// TestLabShutdownNamesEachCluster: stopping the lab logs one line per
// cluster naming it, and no anonymous line per cluster.
func TestLabShutdownNamesEachCluster(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- runLabWith(ctx, []string{"--clusters", "2", "--base-port", "0", "--ephemeral"}, func(string) string { return "" },
			io.Discard, stderr, func([]*labCluster) { cancel() })
	}()
	require.NoError(t, <-done)
	out := stderr.String()
	_, stop, ok := strings.Cut(out, `msg="shutting down the lab"`)
	require.True(t, ok, out)
	for _, line := range strings.Split(strings.TrimSpace(stop), "\n")[1:] {
		require.Contains(t, line, "cluster=", "every shutdown line names its cluster:\n%s", out)
	}
	require.Contains(t, stop, `msg="lab cluster stopped" cluster=1 name=emu-cluster-1`)
	require.Contains(t, stop, `msg="lab cluster stopped" cluster=2 name=emu-cluster-2`)
	require.NotContains(t, stop, "Shutting down")
}

// TestLabRefusesStrayArguments: a word the lab does not take is an error,
// not a lab started without the flags that followed it.
func TestLabRefusesStrayArguments(t *testing.T) {
	var errOut bytes.Buffer
	err := runLabWith(context.Background(), []string{"--clusters", "1", "--base-port", "0", "--ephemeral", "frobnicate", "--clock", "virtual"},
		func(string) string { return "" }, io.Discard, &errOut, func([]*labCluster) { t.Fatal("a lab started") })
	require.ErrorContains(t, err, `unexpected argument "frobnicate"`)
	require.Contains(t, errOut.String(), "usage: element-emulator lab")
}

// TestLabOverview: every lab cluster's dashboard serves the class's
// overview, one row per cluster with its health and a link to its page on
// its own port, and no credentials (UI5).
func TestLabOverview(t *testing.T) {
	cs, _, _ := startLab(t, "--clusters", "3", "--base-port", "0", "--ephemeral", "--credentials", "per-cluster", "--clock", "virtual")
	c2 := cs[1]
	req, err := http.NewRequest(http.MethodPost, "http://"+c2.HTTP+"/_emulator/drives/2/fail", nil)
	require.NoError(t, err)
	req.SetBasicAuth(c2.User, c2.Password)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	for _, c := range cs {
		req, err := http.NewRequest(http.MethodGet, "http://"+c.HTTP+"/_emulator/ui/lab/state", nil)
		require.NoError(t, err)
		req.SetBasicAuth(c.User, c.Password)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		var st struct {
			Lab      bool `json:"lab"`
			Healthy  int  `json:"healthy"`
			Clusters []struct {
				Index  int    `json:"index"`
				Name   string `json:"name"`
				URL    string `json:"url"`
				Health struct {
					OK         bool     `json:"ok"`
					FaultCodes []string `json:"faultCodes"`
				} `json:"health"`
			} `json:"clusters"`
		}
		require.NoError(t, json.Unmarshal(body, &st))
		require.True(t, st.Lab)
		require.Equal(t, 2, st.Healthy)
		require.Len(t, st.Clusters, 3)
		for i, row := range st.Clusters {
			require.Equal(t, i+1, row.Index)
			require.Equal(t, cs[i].Name, row.Name)
			require.Equal(t, "http://"+cs[i].HTTP+"/_emulator/ui/", row.URL)
			require.Equal(t, i != 1, row.Health.OK)
		}
		require.Equal(t, []string{"driveFailed"}, st.Clusters[1].Health.FaultCodes)
		for _, other := range cs {
			require.NotContains(t, string(body), other.Password)
		}
	}
}

// TestLabVolumes: --volumes gives every new cluster an account "lab" with
// that many active volumes; a restart on the same data adds none.
func TestLabVolumes(t *testing.T) {
	dir := t.TempDir()
	for range 2 {
		cs, _, _ := startLab(t, "--clusters", "2", "--base-port", "0", "--data", dir, "--clock", "virtual", "--volumes", "25")
		for _, c := range cs {
			base := "http://" + c.HTTP
			acct := resultAs(t, base, c.User, c.Password, "GetAccountByName", map[string]any{"username": "lab"})["account"].(map[string]any)
			require.Len(t, acct["volumes"], 25)
			vs := resultAs(t, base, c.User, c.Password, "ListVolumes", map[string]any{"startVolumeID": 25, "limit": 1})["volumes"].([]any)
			require.Equal(t, "lab-25", vs[0].(map[string]any)["name"])
			require.Equal(t, "active", vs[0].(map[string]any)["status"])
		}
		for _, c := range cs {
			require.NoError(t, c.Emu.Close())
		}
	}
}
