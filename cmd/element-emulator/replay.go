package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/clock"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/emulator"
	"github.com/element-emulator/element-emulator/kacls"
	"github.com/element-emulator/element-emulator/replay"
)

const replayUsage = `usage: element-emulator replay [flags] FILE|DIR...

Runs scenario files (docs/scenarios.md). Without --target each scenario runs
against a fresh in-process emulator (ephemeral state, virtual clock, fixed
start time); with --target it runs against that emulator or Element cluster.
A directory means its *.yaml, *.yml and *.json files, in name order.

  -v, --verbose       print every step as it runs (by default: one line per scenario, and the
                      steps of a scenario only when it fails)
  --target URL        run against a running emulator or cluster (env ELEMENT_EMULATOR_REPLAY_TARGET)
  --user U            Basic-auth user (env ELEMENT_EMULATOR_USER; default admin)
  --password P        Basic-auth password (env ELEMENT_EMULATOR_PASSWORD; default admin)
  --seed N            seed for generated identifiers (in-process; overrides the scenario's start.seed)
  --junit FILE        write a JUnit XML report
  --transcript FILE   write the normalised request/response transcript
  --var NAME=VALUE    predefine a variable (VALUE parsed as JSON when it is JSON); repeatable
  --api-version V     JSON-RPC version to call (default: the target's current version)
`

// replayStart is the fixed wall-clock instant in-process replays start at,
// so times in answers are the same on every run.
var replayStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// varFlags collects repeated --var NAME=VALUE.
type varFlags map[string]any

func (v varFlags) String() string { return "" }

func (v varFlags) Set(s string) error {
	name, val, ok := strings.Cut(s, "=")
	if !ok || name == "" {
		return errors.New("--var takes NAME=VALUE")
	}
	var x any
	d := json.NewDecoder(strings.NewReader(val))
	d.UseNumber()
	if err := d.Decode(&x); err != nil || d.More() {
		x = val
	}
	v[name] = x
	return nil
}

// parseInterleaved parses flags that may come before or after positional
// arguments; everything after "--" is positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// runReplay implements "element-emulator replay".
func runReplay(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("element-emulator replay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, replayUsage) }
	def := func(env, fallback string) string {
		if v := getenv(env); v != "" {
			return v
		}
		return fallback
	}
	target := fs.String("target", getenv("ELEMENT_EMULATOR_REPLAY_TARGET"), "")
	user := fs.String("user", def(envName("user"), "admin"), "")
	password := fs.String("password", def(envName("password"), "admin"), "")
	seedFlag := fs.String("seed", "", "")
	junit := fs.String("junit", "", "")
	transcript := fs.String("transcript", "", "")
	apiVersion := fs.String("api-version", "", "")
	vars := varFlags{}
	fs.Var(vars, "var", "")
	var verbose bool
	fs.BoolVar(&verbose, "v", false, "")
	fs.BoolVar(&verbose, "verbose", false, "")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	// ovh's kmipserver (the in-process key server) logs through the default
	// logger; keep it to errors so progress lines stay readable.
	slog.SetDefault(newLogger(stderr, "error"))
	if len(paths) == 0 {
		fs.Usage()
		return errors.New("replay needs at least one scenario file or directory")
	}
	var seed *uint64
	if *seedFlag != "" {
		s, err := strconv.ParseUint(*seedFlag, 10, 64)
		if err != nil {
			return fmt.Errorf("--seed must be a non-negative integer: %w", err)
		}
		seed = &s
	}
	files, err := scenarioFiles(paths)
	if err != nil {
		return err
	}
	// Every file is parsed and validated before anything runs.
	var scs []*replay.Scenario
	var loadErrs []string
	loader := replay.NewLoader() // a fixture shared by many scenarios is parsed once
	for _, f := range files {
		sc, err := loader.LoadFile(f)
		if err != nil {
			loadErrs = append(loadErrs, err.Error())
			continue
		}
		scs = append(scs, sc)
	}
	if len(loadErrs) > 0 {
		for _, e := range loadErrs {
			fmt.Fprintln(stderr, e)
		}
		return fmt.Errorf("%d scenario file(s) are invalid; nothing was run", len(loadErrs))
	}

	var tr bytes.Buffer
	var cases []replay.Case
	passed, failed := 0, 0
	for _, sc := range scs {
		began := time.Now()
		opt := replay.Options{Out: stdout, Verbose: verbose, Vars: map[string]any{}}
		if *transcript != "" {
			opt.Transcript = &tr
		}
		for k, v := range vars {
			opt.Vars[k] = v
		}
		res, runErr := replayOne(ctx, sc, *target, *user, *password, *apiVersion, seed, opt)
		c := replay.Case{Name: sc.Name, File: sc.File, Time: time.Since(began)}
		switch {
		case runErr != nil:
			c.Error = runErr.Error()
			fmt.Fprintf(stdout, "--- ERROR %s: %v\n", sc.Name, runErr)
			failed++
		case res.Passed:
			fmt.Fprintf(stdout, "--- PASS %s (%s, %s)\n", sc.Name, sc.File, stepCount(res))
			passed++
		default:
			c.Failures = res.Failures
			fmt.Fprintf(stdout, "--- FAIL %s (%s)\n", sc.Name, sc.File)
			failed++
		}
		cases = append(cases, c)
		if ctx.Err() != nil {
			break
		}
	}
	fmt.Fprintf(stdout, "%d passed, %d failed\n", passed, failed)
	if *junit != "" {
		var b bytes.Buffer
		if err := replay.WriteJUnit(&b, "element-emulator replay", cases); err != nil {
			return err
		}
		if err := os.WriteFile(*junit, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("--junit: %w", err)
		}
	}
	if *transcript != "" {
		if err := os.WriteFile(*transcript, tr.Bytes(), 0o644); err != nil {
			return fmt.Errorf("--transcript: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d scenario(s) failed", failed, passed+failed)
	}
	return ctx.Err()
}

// stepCount says how many steps a scenario ran: "12 steps", or
// "13 steps after 19 fixture steps".
func stepCount(res *replay.Result) string {
	own := res.Steps - res.FixtureSteps
	if res.FixtureSteps == 0 {
		return fmt.Sprintf("%d steps", own)
	}
	return fmt.Sprintf("%d steps after %d fixture steps", own, res.FixtureSteps)
}

// scenarioFiles expands directories into their scenario files.
func scenarioFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, e := range ents {
			switch strings.ToLower(filepath.Ext(e.Name())) {
			case ".yaml", ".yml", ".json":
				if !e.IsDir() {
					names = append(names, e.Name())
				}
			}
		}
		sort.Strings(names)
		if len(names) == 0 {
			return nil, fmt.Errorf("%s: no scenario files (*.yaml, *.yml, *.json)", p)
		}
		for _, n := range names {
			out = append(out, filepath.Join(p, n))
		}
	}
	return out, nil
}

// replayOne runs a scenario against target, or against a fresh in-process
// emulator when target is empty.
func replayOne(ctx context.Context, sc *replay.Scenario, target, user, password, version string, seed *uint64, opt replay.Options) (*replay.Result, error) {
	t := replay.Target{URL: target, User: user, Password: password, Version: version}
	if target == "" {
		e, err := startReplayEmulator(ctx, sc.Start, seed)
		if err != nil {
			return nil, fmt.Errorf("starting the in-process emulator: %w", err)
		}
		defer e.Close()
		cc := e.Cluster().Config()
		t.URL, t.User, t.Password = "http://"+e.Addr("http"), cc.User, cc.Password
		if _, ok := opt.Vars["kmipPort"]; !ok {
			opt.Vars["kmipPort"] = e.KMIPPort()
		}
		if _, ok := opt.Vars["kmipHost"]; !ok {
			if h, _, err := net.SplitHostPort(e.KMIPAddr()); err == nil {
				opt.Vars["kmipHost"] = h
			}
		}
	}
	if target != "" {
		discoverKMIP(ctx, t, opt.Vars)
	}
	return replay.Run(ctx, sc, t, opt)
}

// discoverKMIP asks a running emulator where its embedded key server
// listens (GET /_emulator/kmip/server) unless --var set kmipHost/kmipPort;
// a real cluster has no such route and keeps the defaults.
func discoverKMIP(ctx context.Context, t replay.Target, vars map[string]any) {
	_, hostSet := vars["kmipHost"]
	_, portSet := vars["kmipPort"]
	if hostSet && portSet {
		return
	}
	client := t.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(t.URL, "/")+"/_emulator/kmip/server", nil)
	if err != nil {
		return
	}
	req.SetBasicAuth(t.User, t.Password)
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	var body struct {
		Host string `json:"host"`
		Port int    `json:"port"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&body) != nil || body.Port == 0 {
		return
	}
	if !hostSet {
		vars["kmipHost"] = body.Host
	}
	if !portSet {
		vars["kmipPort"] = body.Port
	}
}

// replayEmulatorConfig is the in-process emulator a scenario asks for.
func replayEmulatorConfig(st replay.Start, seed *uint64) emulator.Config {
	cc := cluster.DefaultConfig()
	if st.SoftwareEAR != nil {
		cc.SoftwareEAR = *st.SoftwareEAR
	}
	if st.Nodes > 0 {
		cc.Nodes = st.Nodes
	}
	if st.DrivesPerNode > 0 {
		cc.DrivesPerNode = st.DrivesPerNode
	}
	if st.RekeyDuration != nil {
		cc.RekeyDuration = time.Duration(*st.RekeyDuration * float64(time.Second))
	}
	mode := clock.Virtual
	if st.Clock == "real" {
		mode = clock.Real
	}
	if seed == nil {
		seed = st.Seed
	}
	cfg := emulator.Config{
		Ephemeral: true, HTTPAddr: "127.0.0.1:0", HTTPSAddr: "off", NodeAddr: "off", KMIPAddr: "127.0.0.1:0",
		Clock: mode, Cluster: cc, Seed: seed, ClientCertDays: 365,
		Wall:   func() time.Time { return replayStart },
		Logger: slog.New(slog.DiscardHandler),
	}
	if st.KACLS != nil {
		cfg.KACLSAddr = "127.0.0.1:0"
		cfg.KACLS = kacls.Config{Instances: st.KACLS, TestIssuers: true, Version: version}
	}
	if st.Alikms {
		cfg.AlikmsAddr = "127.0.0.1:0" // the Alibaba KMS (signatures on real time)
	}
	if st.TCKMS {
		// Tencent signatures carry real time, whatever the clock (TK3).
		cfg.TCKMSAddr, cfg.TCKMS.Wall = "127.0.0.1:0", time.Now
	}
	return cfg
}

func startReplayEmulator(ctx context.Context, st replay.Start, seed *uint64) (*emulator.Emulator, error) {
	cfg := replayEmulatorConfig(st, seed)
	if cfg.Clock == clock.Real {
		cfg.Wall = nil
	}
	e, err := emulator.New(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := e.Start(ctx); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

// runRecord implements "element-emulator record": a recording proxy.
func runRecord(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("element-emulator record", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: element-emulator record --target URL --listen ADDR --out FILE [--user U --password P] [--kmip-port N] [--name NAME]
                               [--kacls-listen ADDR --kacls-target URL]

Forwards every Element call (and /_emulator/ control) sent to ADDR to the
target and, when stopped (Ctrl-C), writes what it saw as a scenario file
whose expectations are the answers received. With --kacls-listen, requests
to that address are forwarded to the target's KACLS listener (--kacls-target,
e.g. https://127.0.0.1:9440) and written as kacls steps.
`)
	}
	target := fs.String("target", getenv("ELEMENT_EMULATOR_RECORD_TARGET"), "")
	listen := fs.String("listen", "127.0.0.1:8081", "")
	out := fs.String("out", "", "")
	name := fs.String("name", "", "")
	kmipPort := fs.Int("kmip-port", 5696, "")
	// Credentials are those the client sends; the flags are accepted for
	// symmetry with replay and used only when the client sends none.
	kaclsListen := fs.String("kacls-listen", "", "")
	kaclsTarget := fs.String("kacls-target", "https://127.0.0.1:9440", "")
	user := fs.String("user", getenv(envName("user")), "")
	password := fs.String("password", getenv(envName("password")), "")
	if _, err := parseInterleaved(fs, args); err != nil {
		return err
	}
	if *target == "" || *out == "" {
		fs.Usage()
		return errors.New("record needs --target and --out")
	}
	rec, err := replay.NewRecorder(replay.RecordOptions{Target: *target, Name: *name, KMIPPort: *kmipPort,
		User: *user, Password: *password})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("--listen: %w", err)
	}
	srv := &http.Server{Handler: rec, ReadHeaderTimeout: 30 * time.Second}
	fmt.Fprintf(stdout, "recording proxy listening on %s → %s; stop with Ctrl-C to write %s\n", ln.Addr(), *target, *out)
	done := make(chan error, 2)
	go func() { done <- srv.Serve(ln) }()
	if *kaclsListen != "" {
		h, err := rec.KACLSHandler(*kaclsTarget)
		if err != nil {
			_ = srv.Close()
			return err
		}
		kln, err := net.Listen("tcp", *kaclsListen)
		if err != nil {
			_ = srv.Close()
			return fmt.Errorf("--kacls-listen: %w", err)
		}
		ksrv := &http.Server{Handler: h, ReadHeaderTimeout: 30 * time.Second}
		defer ksrv.Close()
		fmt.Fprintf(stdout, "recording KACLS proxy listening on %s → %s\n", kln.Addr(), *kaclsTarget)
		go func() { done <- ksrv.Serve(kln) }()
	}
	select {
	case <-ctx.Done():
	case err := <-done:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
	if err := rec.WriteFile(*out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d steps)\n", *out, rec.Len())
	return nil
}
