package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/replay"
)

func noEnv(string) string { return "" }

// TestReplayShippedScenarios runs every shipped scenario against fresh
// in-process emulators, as CI would, and checks the JUnit report.
func TestReplayShippedScenarios(t *testing.T) {
	dir := t.TempDir()
	junit := filepath.Join(dir, "junit.xml")
	var out, errOut bytes.Buffer
	began := time.Now()
	err := runReplay(context.Background(), []string{"--junit", junit, "../../scenarios", "../../scenarios/fixtures"},
		noEnv, nil, &out, &errOut)
	require.NoError(t, err, "%s\n%s", out.String(), errOut.String())
	files, _ := filepath.Glob("../../scenarios/*.yaml")
	fixtures, _ := filepath.Glob("../../scenarios/fixtures/*.yaml")
	n := len(files) + len(fixtures)
	require.GreaterOrEqual(t, len(files), 8)
	require.Contains(t, out.String(), "\n"+itoa(n)+" passed, 0 failed\n")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, n+1, "one line per scenario, then the count:\n%s", out.String())
	for _, l := range lines[:n] {
		require.True(t, strings.HasPrefix(l, "--- PASS "), l)
	}
	require.Contains(t, out.String(), "--- PASS EKM setup for software EAR (../../scenarios/01-ekm-setup-software-ear.yaml, 19 steps)\n")
	require.Regexp(t, regexp.MustCompile(`(?m)^--- PASS SEAR master-key rekey internal to external and back \(\.\./\.\./scenarios/02-sear-rekey-external-and-back\.yaml, \d+ steps after 19 fixture steps\)$`), out.String())
	require.Less(t, time.Since(began), 30*time.Second, "the shipped scenarios must stay fast")

	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Cases []struct {
				Name    string    `xml:"name,attr"`
				Failure *struct{} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	b, err := os.ReadFile(junit)
	require.NoError(t, err)
	require.NoError(t, xml.Unmarshal(b, &doc))
	require.Equal(t, n, doc.Tests)
	require.Zero(t, doc.Failures)
	require.Len(t, doc.Suites[0].Cases, n)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestReplayVerbose: -v prints every step with the name the YAML gives it
// and its variables expanded; a fixture's steps are one line.
func TestReplayVerbose(t *testing.T) {
	var out, errOut bytes.Buffer
	err := runReplay(context.Background(), []string{"../../scenarios/02-sear-rekey-external-and-back.yaml", "-v"}, noEnv, nil, &out, &errOut)
	require.NoError(t, err, "%s\n%s", out.String(), errOut.String())
	o := out.String()
	require.True(t, strings.HasPrefix(o, "=== SEAR master-key rekey internal to external and back (../../scenarios/02-sear-rekey-external-and-back.yaml)\n"), o)
	require.Regexp(t, regexp.MustCompile(`(?m)^fixture \.\./\.\./scenarios/01-ekm-setup-software-ear\.yaml \(19 steps\) pass \d+(\.\d+)?m?s$`), o)
	require.NotRegexp(t, regexp.MustCompile(`(?m)^fixture step`), o, "the fixture's steps are summed up")
	require.Regexp(t, regexp.MustCompile(`(?m)^step 3 request rekeysoftwareencryptionatrestmasterkey "2: rekey as documented" pass \d+ms$`), o)
	require.Regexp(t, regexp.MustCompile(`(?m)^step 2 control GET clock pass \d+ms$`), o, "an unnamed step is its kind and value")
	require.Regexp(t, regexp.MustCompile(`(?m)^step \d+ wait 2 pass \d+ms$`), o, "wait ${H2} with H2 expanded")
	require.NotContains(t, o, "${", "no unexpanded variable in a label")
	require.Contains(t, o, "\n1 passed, 0 failed\n")
}

// TestReplayTranscriptDeterministic: with the virtual clock and a fixed
// seed, two transcripts of one scenario are byte-identical.
func TestReplayTranscriptDeterministic(t *testing.T) {
	dir := t.TempDir()
	var transcripts [2][]byte
	for i := range transcripts {
		f := filepath.Join(dir, "t"+itoa(i)+".txt")
		var out, errOut bytes.Buffer
		err := runReplay(context.Background(), []string{"--seed", "42", "--transcript", f,
			"../../scenarios/02-sear-rekey-external-and-back.yaml"}, noEnv, nil, &out, &errOut)
		require.NoError(t, err, "%s\n%s", out.String(), errOut.String())
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		transcripts[i] = b
	}
	require.NotEmpty(t, transcripts[0])
	require.Equal(t, string(transcripts[0]), string(transcripts[1]))
	require.True(t, bytes.Equal(transcripts[0], transcripts[1]))
	s := string(transcripts[0])
	require.NotContains(t, s, "-----BEGIN", "PEM blobs are replaced by placeholders")
	require.Contains(t, s, "<PEM CERTIFICATE REQUEST>")
	require.Contains(t, s, "<kmipPort>")
	require.Contains(t, s, `> POST /json-rpc/12.7`)
	require.Contains(t, s, `"method":"rekeysoftwareencryptionatrestmasterkey"`)
	require.Contains(t, s, `"createTime":"2026-01-01T00:00:00Z"`, "times come from the fixed start")
}

// TestReplayFailureReport: a failing scenario prints a diff, counts as
// failed, makes runReplay fail and lands in the JUnit report with the diff.
func TestReplayFailureReport(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(f, []byte(`name: wrong expectation
steps:
  - call: GetClusterInfo
    expect: {clusterInfo: {encryptionAtRestState: enabled, name: emu-cluster}}
  - advance: 1
`), 0o644))
	junit := filepath.Join(dir, "junit.xml")
	var out, errOut bytes.Buffer
	err := runReplay(context.Background(), []string{f, "--junit", junit}, noEnv, nil, &out, &errOut)
	require.Error(t, err)
	require.True(t, strings.HasPrefix(out.String(), "=== wrong expectation ("+f+")\nstep 1 GetClusterInfo FAIL"), out.String())
	require.Contains(t, out.String(), `clusterInfo.encryptionAtRestState: expected "enabled", got "disabled"`)
	require.Contains(t, out.String(), "0 passed, 1 failed\n")
	require.NotContains(t, out.String(), "step 2 ", "a scenario stops at its first failed step")
	b, err := os.ReadFile(junit)
	require.NoError(t, err)
	require.Contains(t, string(b), `<failure message=`)
	require.Contains(t, string(b), "encryptionAtRestState: expected")
}

// TestReplayInvalidFileRunsNothing: a bad file among good ones stops the
// whole run before anything runs, naming file, line and step.
func TestReplayInvalidFileRunsNothing(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(f, []byte("name: bad\nsteps:\n  - call: GetClusterInfo\n  - frobnicate: 1\n"), 0o644))
	var out, errOut bytes.Buffer
	err := runReplay(context.Background(), []string{"../../scenarios/05-recovery-sliceserviceunhealthy.yaml", f},
		noEnv, nil, &out, &errOut)
	require.Error(t, err)
	require.Contains(t, errOut.String(), f+":4: step 2: unknown step kind")
	require.Empty(t, out.String(), "nothing ran")
}

// TestKnownMethodsMatchGetAPI keeps the parser's method list equal to what
// the emulator serves.
func TestKnownMethodsMatchGetAPI(t *testing.T) {
	e, err := startReplayEmulator(context.Background(), replay.Start{}, nil)
	require.NoError(t, err)
	defer e.Close()
	sc, err := replay.Parse("getapi.yaml", []byte(`name: getapi
steps:
  - call: GetAPI
    capture: {methods: "12.7"}
  - call: GetAPI
    expect: {"12.7": {len: `+itoa(len(replay.KnownMethods()))+`}}
`))
	require.NoError(t, err)
	var out bytes.Buffer
	res, err := replay.Run(context.Background(), sc, replay.Target{URL: "http://" + e.Addr("http"), User: "admin", Password: "admin"},
		replay.Options{Out: &out})
	require.NoError(t, err)
	require.True(t, res.Passed, out.String())

	// And exactly the same names.
	known := replay.KnownMethods()
	sort.Strings(known)
	got := getAPIMethods(t, "http://"+e.Addr("http"))
	require.Equal(t, known, got)
}

func getAPIMethods(t *testing.T, base string) []string {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/json-rpc/12.7", strings.NewReader(`{"method":"GetAPI","id":1}`))
	require.NoError(t, err)
	req.SetBasicAuth("admin", "admin")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var env struct {
		Result map[string]json.RawMessage `json:"result"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&env))
	var names []string
	require.NoError(t, json.Unmarshal(env.Result["12.7"], &names))
	sort.Strings(names)
	return names
}

// safeBuffer is a bytes.Buffer for a goroutine's output.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestRecordRoundTrip records a session (the EKM setup scenario, sent
// through the proxy) against one in-process emulator, then replays the
// recording against a fresh one.
func TestRecordRoundTrip(t *testing.T) {
	seed := uint64(5)
	a, err := startReplayEmulator(context.Background(), replay.Start{}, &seed)
	require.NoError(t, err)
	defer a.Close()

	out := filepath.Join(t.TempDir(), "recorded.yaml")
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr safeBuffer
	done := make(chan error, 1)
	go func() {
		done <- runRecord(ctx, []string{"--target", "http://" + a.Addr("http"), "--listen", "127.0.0.1:0", "--out", out,
			"--kmip-port", itoa(a.KMIPPort()), "--name", "recorded EKM setup"}, noEnv, nil, &stdout, &stderr)
	}()
	addrRe := regexp.MustCompile(`listening on (\S+)`)
	var proxy string
	require.Eventually(t, func() bool {
		m := addrRe.FindStringSubmatch(stdout.String())
		if m != nil {
			proxy = m[1]
		}
		return m != nil
	}, 10*time.Second, 5*time.Millisecond, "proxy did not start: %s", stderr.String())

	// The session: the shipped EKM setup, as a client would drive it.
	sc, err := replay.LoadFile("../../scenarios/01-ekm-setup-software-ear.yaml")
	require.NoError(t, err)
	var progress bytes.Buffer
	res, err := replay.Run(context.Background(), sc, replay.Target{URL: "http://" + proxy, User: "admin", Password: "admin"},
		replay.Options{Out: &progress, Vars: map[string]any{"kmipPort": a.KMIPPort()}})
	require.NoError(t, err)
	require.True(t, res.Passed, progress.String())

	cancel()
	require.NoError(t, <-done, stderr.String())
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	rec := string(b)
	if os.Getenv("REPLAY_DUMP_RECORDING") != "" {
		t.Log(rec)
	}
	require.Contains(t, rec, "name: recorded EKM setup")
	require.Contains(t, rec, "call: CreateKeyServerKmip")
	require.Contains(t, rec, "${kmipPort}")
	require.Contains(t, rec, "control: POST kmip/sign")
	require.NotContains(t, rec, "BEGIN CERTIFICATE", "PEMs are captured, not written")
	require.Contains(t, rec, "keyServerID: ${keyServerID}", "IDs from answers become variables")
	require.Contains(t, rec, "$eq: {}", "an empty result is matched exactly")

	// Replay the recording against a fresh emulator (another KMIP port).
	var rout, rerr bytes.Buffer
	err = runReplay(context.Background(), []string{out}, noEnv, nil, &rout, &rerr)
	require.NoError(t, err, "%s\n%s\n--- recording:\n%s", rout.String(), rerr.String(), rec)
	require.Contains(t, rout.String(), "1 passed, 0 failed")
}

// TestReplayAgainstTarget runs a shipped scenario against a running
// emulator through --target, and an unreachable target is an error.
func TestReplayAgainstTarget(t *testing.T) {
	e, err := startReplayEmulator(context.Background(), replay.Start{}, nil)
	require.NoError(t, err)
	defer e.Close()
	var out, errOut bytes.Buffer
	err = runReplay(context.Background(), []string{"--target", "http://" + e.Addr("http"), "--user", "admin", "--password", "admin",
		"../../scenarios/05-recovery-sliceserviceunhealthy.yaml"}, noEnv, nil, &out, &errOut)
	require.NoError(t, err, "%s\n%s", out.String(), errOut.String())
	require.Contains(t, out.String(), "1 passed, 0 failed\n")

	// The embedded key server listens on a random port: replay finds it
	// through GET /_emulator/kmip/server, so the EKM setup works unchanged.
	out.Reset()
	err = runReplay(context.Background(), []string{"--target", "http://" + e.Addr("http"),
		"../../scenarios/01-ekm-setup-software-ear.yaml"}, noEnv, nil, &out, &errOut)
	require.NoError(t, err, "%s\n%s", out.String(), errOut.String())
	require.Contains(t, out.String(), "1 passed, 0 failed\n")

	// Wrong credentials: GetAPI before the first step fails, nothing runs.
	out.Reset()
	err = runReplay(context.Background(), []string{"--target", "http://" + e.Addr("http"), "--password", "wrong",
		"../../scenarios/05-recovery-sliceserviceunhealthy.yaml"}, noEnv, nil, &out, &errOut)
	require.Error(t, err)
	require.Contains(t, out.String(), "0 passed, 1 failed\n")
	require.NotContains(t, out.String(), "step 1 ")

	// Nobody listening: an infrastructure error, reported as a JUnit error.
	ln := e.Addr("http")
	e.Close()
	junit := filepath.Join(t.TempDir(), "j.xml")
	out.Reset()
	err = runReplay(context.Background(), []string{"--target", "http://" + ln, "--junit", junit,
		"../../scenarios/05-recovery-sliceserviceunhealthy.yaml"}, noEnv, nil, &out, &errOut)
	require.Error(t, err)
	b, rerr := os.ReadFile(junit)
	require.NoError(t, rerr)
	require.Contains(t, string(b), "<error message=")
}

// TestReplayTargetChangesNothingUnasked: a scenario of reads and
// assertions, replayed against a running emulator, leaves its state as it
// was — no purge of completed async results, no events, no clock move.
func TestReplayTargetChangesNothingUnasked(t *testing.T) {
	e, err := startReplayEmulator(context.Background(), replay.Start{}, nil)
	require.NoError(t, err)
	defer e.Close()
	base := "http://" + e.Addr("http")
	c := newClient(t, base)
	h := c.call("RemoveDrives", map[string]any{"drives": []int64{2}})["asyncHandle"]
	status, _ := c.do(http.MethodPost, "/_emulator/clock/advance", `{"seconds":10}`)
	require.Equal(t, http.StatusOK, status)
	c.call("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})

	snapshot := func() string {
		var b strings.Builder
		for _, m := range []string{"ListAsyncResults", "ListEvents", "ListClusterFaults", "ListDrives", "GetClusterInfo",
			"GetSoftwareEncryptionAtRestInfo", "ListKeyProvidersKmip", "ListKeyServersKmip"} {
			out, _ := json.Marshal(c.call(m, nil))
			b.Write(out)
		}
		_, clk := c.do(http.MethodGet, "/_emulator/clock", "")
		out, _ := json.Marshal(clk)
		b.Write(out)
		return b.String()
	}
	before := snapshot()

	f := filepath.Join(t.TempDir(), "reads.yaml")
	require.NoError(t, os.WriteFile(f, []byte(`name: reads only
steps:
  - call: GetClusterInfo
    expect: {clusterInfo: {name: emu-cluster}}
  - call: ListAsyncResults
    expect: {asyncHandles: {len: 1}}
  - expectFaults: {current: {driveAvailable: 1}}
  - expectDrives: {where: {status: available}, count: 1}
  - expectDrives: {hardware: true, count: 40}
  - expectEvents: {params: {eventType: driveEvent}, contains: [{message: "Drive 2 status active -> removing"}]}
`), 0o600))
	var out, errOut bytes.Buffer
	err = runReplay(context.Background(), []string{"--target", base, f}, noEnv, nil, &out, &errOut)
	require.NoError(t, err, "%s\n%s", out.String(), errOut.String())
	require.Contains(t, out.String(), "1 passed, 0 failed\n")
	require.Equal(t, before, snapshot(), "replay --target changed state the scenario did not ask to change")
}

// TestParseInterleaved: flags anywhere; after "--" everything is positional.
func TestParseInterleaved(t *testing.T) {
	for _, c := range []struct {
		args []string
		pos  []string
		v    bool
	}{
		{[]string{"a", "-v", "b"}, []string{"a", "b"}, true},
		{[]string{"-v", "a"}, []string{"a"}, true},
		{[]string{"a", "b"}, []string{"a", "b"}, false},
		{[]string{"a", "--", "-v", "b"}, []string{"a", "-v", "b"}, false},
	} {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		v := fs.Bool("v", false, "")
		pos, err := parseInterleaved(fs, c.args)
		require.NoError(t, err, "%v", c.args)
		require.Equal(t, c.pos, pos, "%v", c.args)
		require.Equal(t, c.v, *v, "%v", c.args)
	}
}

// TestReplayFailingFixtureShowsItsSteps: when a fixture step fails, its
// steps are printed one by one, so the failure has its context.
func TestReplayFailingFixtureShowsItsSteps(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "fx.yaml"), []byte(`name: fixture
steps:
  - call: GetClusterInfo
  - name: wrong on purpose
    call: GetClusterInfo
    expect: {clusterInfo: {name: not-this-cluster}}
`), 0o644))
	f := filepath.Join(dir, "uses.yaml")
	require.NoError(t, os.WriteFile(f, []byte("name: uses it\nstart: {fixture: fx.yaml}\nsteps:\n  - advance: 1\n"), 0o644))
	var out bytes.Buffer
	err := runReplay(context.Background(), []string{f}, noEnv, nil, &out, io.Discard)
	require.Error(t, err)
	require.Regexp(t, regexp.MustCompile(`(?m)^fixture step 1 GetClusterInfo pass \d+ms\nfixture step 2 GetClusterInfo "wrong on purpose" FAIL \d+ms$`), out.String())
	require.NotContains(t, out.String(), "step 1 advance", "a scenario stops at its first failed step")
	require.Contains(t, out.String(), "--- FAIL uses it ("+f+")\n0 passed, 1 failed\n")
}
