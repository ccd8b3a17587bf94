package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/element-emulator/element-emulator/dashboard"
	"github.com/element-emulator/element-emulator/emulator"
	"github.com/element-emulator/element-emulator/replay"
	"github.com/element-emulator/element-emulator/volumes"
)

const labUsage = `usage: element-emulator lab --clusters N [lab flags] [emulator flags]

Serves N independent emulated clusters in one process, one per student:
each with its own ports, SQLite database (DIR/cluster-<i>/emu.db), embedded
KMIP server and CA, and (with --credentials per-cluster) its own admin.
Prints a table of URLs and credentials to stdout; Ctrl-C stops all.

Lab flags (env ELEMENT_EMULATOR_<NAME>):
  --clusters N            number of clusters, 1 to 500 (required)
  --base-port P           cluster i (1..N) listens on P+10(i-1): +0 HTTP, +1 HTTPS (MVIP),
                          +2 node (MIP), +3 KMIP, +4 KACLS, +5 Alibaba KMS, +6 Tencent KMS;
                          0 lets the OS choose every port (default 18000)
  --host H                address the listeners bind (default 127.0.0.1; 0.0.0.0 for a classroom)
  --credentials MODE      same (every cluster uses --user/--password) or per-cluster
                          (user student<i>, a generated password) (default same)
  --volumes N             give each new cluster an account "lab" with N volumes of 1 GB
                          (lab-1 … lab-N), 0 to 100000 (default 0)
  --measure               start, print start time and memory (VmRSS after a GC), stop

Emulator flags apply to every cluster: --data DIR, --ephemeral, --fixture FILE,
--clock virtual|real, --user, --password, --seed, --nodes, --software-ear, ...
(element-emulator --help lists them).
`

// Lab flag errors.
var (
	ErrLabClusters    = errors.New("--clusters must be from 1 to 500")
	ErrLabBasePort    = errors.New("--base-port must be 0 or leave room for 10 ports per cluster below 65536")
	ErrLabCredentials = errors.New("--credentials must be same or per-cluster")
	ErrLabVolumes     = errors.New("--volumes must be from 0 to 100000")
)

// labOptions are the lab's own flags; everything else is the emulator's.
type labOptions struct {
	Clusters    int
	BasePort    int
	Host        string
	Credentials string
	Measure     bool
	// Volumes is the number of volumes each new cluster starts with.
	Volumes int
}

// Port offsets of cluster i within its block of 10 (docs/labs/README.md).
const (
	labPortHTTP   = 0
	labPortHTTPS  = 1
	labPortNode   = 2
	labPortKMIP   = 3
	labPortKACLS  = 4
	labPortAlikms = 5
	labPortTCKMS  = 6
	labPortBlock  = 10
)

// parseLabArgs takes the lab's flags out of args (in any position) and
// returns the rest for parseConfig.
func parseLabArgs(args []string, getenv func(string) string) (labOptions, []string, error) {
	o := labOptions{BasePort: 18000, Host: "127.0.0.1", Credentials: "same"}
	env := func(name string, set func(string) error) error {
		if v := getenv(envName(name)); v != "" {
			if err := set(v); err != nil {
				return fmt.Errorf("%s: %w", envName(name), err)
			}
		}
		return nil
	}
	setters := map[string]func(string) error{
		"clusters":    func(v string) error { return atoi(v, &o.Clusters) },
		"base-port":   func(v string) error { return atoi(v, &o.BasePort) },
		"host":        func(v string) error { o.Host = v; return nil },
		"credentials": func(v string) error { o.Credentials = v; return nil },
		"volumes":     func(v string) error { return atoi(v, &o.Volumes) },
		"measure": func(v string) error {
			b, err := strconv.ParseBool(v)
			o.Measure = b
			return err
		},
	}
	for _, n := range []string{"clusters", "base-port", "host", "credentials", "volumes"} {
		if err := env(n, setters[n]); err != nil {
			return o, nil, err
		}
	}
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		set, ok := setters[name]
		if !strings.HasPrefix(a, "-") || !ok {
			rest = append(rest, a)
			continue
		}
		if !hasVal {
			if name == "measure" {
				val = "true"
			} else {
				if i+1 >= len(args) {
					return o, nil, fmt.Errorf("--%s needs a value", name)
				}
				i++
				val = args[i]
			}
		}
		if err := set(val); err != nil {
			return o, nil, fmt.Errorf("--%s: %w", name, err)
		}
	}
	return o, rest, o.validate()
}

func atoi(v string, p *int) error {
	n, err := strconv.Atoi(v)
	if err != nil {
		return fmt.Errorf("%q is not an integer", v)
	}
	*p = n
	return nil
}

func (o labOptions) validate() error {
	if o.Clusters < 1 || o.Clusters > 500 {
		return ErrLabClusters
	}
	if o.BasePort < 0 || (o.BasePort > 0 && (o.BasePort < 1024 || o.BasePort+labPortBlock*o.Clusters > 65536)) {
		return ErrLabBasePort
	}
	if o.Credentials != "same" && o.Credentials != "per-cluster" {
		return ErrLabCredentials
	}
	if o.Volumes < 0 || o.Volumes > volumes.MaxPopulate {
		return ErrLabVolumes
	}
	return nil
}

// The account and volume size of --volumes.
const (
	labAccount    = "lab"
	labVolumeSize = 1_000_000_000
)

// labCluster is one started cluster of a lab.
type labCluster struct {
	Index                   int // 1-based
	Name                    string
	Emu                     *emulator.Emulator
	User, Password          string
	HTTP, HTTPS, Node, KMIP string // listen addresses
	KACLS                   string // the KACLS instances' URLs, or "off"
	Alikms                  string // the Alibaba KMS endpoint (http://host:port), or "off"
	TCKMS                   string // the Tencent KMS endpoint, or "off"
}

// addr is host:port of listener k of cluster i (port 0 when the OS chooses).
func (o labOptions) addr(i, k int) string {
	p := 0
	if o.BasePort > 0 {
		p = o.BasePort + labPortBlock*(i-1) + k
	}
	return net.JoinHostPort(o.Host, strconv.Itoa(p))
}

// labSecret is what per-cluster passwords are derived from: the seed when
// one is given (the same sheet on every run), else a random secret kept in
// DIR/lab.secret (0600), so a restart and a reset keep each cluster's
// password; in memory for --ephemeral.
func labSecret(cfg Config) ([]byte, error) {
	if cfg.Seed != "" {
		return []byte("seed:" + cfg.Seed), nil
	}
	fresh := func() ([]byte, error) {
		b := make([]byte, 32)
		_, err := rand.Read(b)
		return b, err
	}
	if cfg.Ephemeral {
		return fresh()
	}
	path := filepath.Join(cfg.Data, "lab.secret")
	if b, err := os.ReadFile(path); err == nil && len(b) >= 32 {
		return b, nil
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	b, err := fresh()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Data, 0o700); err != nil {
		return nil, err
	}
	return b, os.WriteFile(path, b, 0o600)
}

// labPassword is cluster i's password: 12 characters without look-alikes,
// derived from the lab secret.
func labPassword(secret []byte, i int) string {
	const alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679"
	var ib [8]byte
	binary.BigEndian.PutUint64(ib[:], uint64(i))
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("element-emulator lab password\x00"))
	mac.Write(ib[:])
	sum := mac.Sum(nil)
	out := make([]byte, 12)
	for j := range out {
		out[j] = alphabet[int(sum[j])%len(alphabet)]
	}
	return string(out)
}

// runLab implements "element-emulator lab".
func runLab(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	return runLabWith(ctx, args, getenv, stdout, stderr, nil)
}

func runLabWith(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, ready func([]*labCluster)) error {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fmt.Fprint(stderr, labUsage)
			return flag.ErrHelp
		}
	}
	o, rest, err := parseLabArgs(args, getenv)
	if err != nil {
		fmt.Fprint(stderr, labUsage)
		return err
	}
	cfg, fs, err := parseConfig("element-emulator lab", rest, getenv, stderr)
	if err != nil {
		return err
	}
	if extra := fs.Args(); len(extra) > 0 {
		fmt.Fprint(stderr, labUsage)
		return fmt.Errorf("unexpected argument %q: the lab takes flags only (lab --help lists them)", extra[0])
	}
	var fixture *replay.Scenario
	if cfg.Fixture != "" {
		if fixture, err = replay.LoadFile(cfg.Fixture); err != nil {
			return fmt.Errorf("--fixture: %w", err)
		}
	}
	logger := newLogger(stderr, cfg.LogLevel)
	// The clusters' own start-up lines would be N × 4; the lab logs one line
	// per cluster instead and keeps theirs to warnings (debug shows all).
	emuLevel := slog.LevelWarn
	if cfg.LogLevel == "debug" {
		emuLevel = slog.LevelDebug
	}
	emuLogger := newLogger(stderr, emuLevel.String())
	// ovh's kmipserver logs through the default logger, which cannot say
	// which cluster a line is about (its "Shutting down" came once per
	// cluster, unnamed): as in run, it is kept to errors unless debug.
	ovhLevel := slog.LevelError
	if cfg.LogLevel == "debug" {
		ovhLevel = slog.LevelDebug
	}
	slog.SetDefault(newLogger(stderr, ovhLevel.String()))

	var secret []byte
	if o.Credentials == "per-cluster" {
		if secret, err = labSecret(cfg); err != nil {
			return fmt.Errorf("lab secret: %w", err)
		}
	}
	began := time.Now()
	clusters := make([]*labCluster, o.Clusters)
	errs := make([]error, o.Clusters)
	sem := make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i := 1; i <= o.Clusters; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			clusters[i-1], errs[i-1] = openLabCluster(ctx, o, cfg, secret, i, emuLogger.With("cluster", i))
		}()
	}
	wg.Wait()
	// Every cluster's listeners (its embedded key server above all) are up
	// before any cluster boots: a cluster may use another's key server, and
	// work that fell due while the lab was down must find it answering.
	if errors.Join(errs...) == nil {
		for i, c := range clusters {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				errs[i] = c.boot(ctx, fixture, o.Volumes, emuLogger.With("cluster", c.Index))
			}()
		}
		wg.Wait()
	}
	startup := time.Since(began)
	closeAll := func() error {
		var cerrs []error
		var mu sync.Mutex
		var wg sync.WaitGroup
		for _, c := range clusters {
			if c == nil {
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := c.Emu.Close(); err != nil {
					mu.Lock()
					cerrs = append(cerrs, fmt.Errorf("cluster %d: %w", c.Index, err))
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		for _, c := range clusters {
			if c != nil {
				logger.Info("lab cluster stopped", "cluster", c.Index, "name", c.Name)
			}
		}
		return errors.Join(cerrs...)
	}
	if err := errors.Join(errs...); err != nil {
		closeAll()
		return err
	}

	shareLabOverview(clusters)
	printLabTable(stdout, clusters)
	state := cfg.Data
	if cfg.Ephemeral {
		state = "memory (--ephemeral)"
	}
	for _, c := range clusters {
		logger.Info("lab cluster ready", "cluster", c.Index, "name", c.Name, "https", c.HTTPS, "http", c.HTTP,
			"node", c.Node, "kmip", c.KMIP, "kacls", c.KACLS, "alikms", c.Alikms, "tckms", c.TCKMS, "user", c.User, "restarted", c.Emu.Restarted)
	}
	logger.Info("lab ready", "clusters", o.Clusters, "state", state, "clock", cfg.Clock, "credentials", o.Credentials,
		"startup", startup.Round(time.Millisecond))
	if o.Measure {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		rss, rerr := vmRSS()
		rssText := "unknown (" + fmt.Sprint(rerr) + ")"
		if rerr == nil {
			rssText = fmt.Sprintf("%.1f MiB", float64(rss)/(1<<20))
		}
		fmt.Fprintf(stdout, "measure: %d clusters started in %s; VmRSS %s; Go heap in use %.1f MiB; goroutines %d\n",
			o.Clusters, startup.Round(time.Millisecond), rssText, float64(ms.HeapInuse)/(1<<20), runtime.NumGoroutine())
		return closeAll()
	}
	if ready != nil {
		ready(clusters)
	}
	<-ctx.Done()
	logger.Info("shutting down the lab", "clusters", o.Clusters)
	return closeAll()
}

// openLabCluster builds cluster i and binds its listeners (Emulator.Listen).
func openLabCluster(ctx context.Context, o labOptions, cfg Config, secret []byte, i int, logger *slog.Logger) (*labCluster, error) {
	ecfg, err := emulatorConfig(cfg, logger)
	if err != nil {
		return nil, err
	}
	ecfg.DataDir = filepath.Join(cfg.Data, fmt.Sprintf("cluster-%d", i))
	ecfg.Cluster.Name = fmt.Sprintf("emu-cluster-%d", i)
	ecfg.Cluster.UniqueID = fmt.Sprintf("e%03d", i%1000)
	ecfg.HTTPAddr, ecfg.HTTPSAddr = o.addr(i, labPortHTTP), o.addr(i, labPortHTTPS)
	ecfg.NodeAddr, ecfg.KMIPAddr = o.addr(i, labPortNode), o.addr(i, labPortKMIP)
	if a := ecfg.KACLSAddr; a != "" && a != "off" {
		// Each cluster has its own KACLS in its port block, like its key server.
		ecfg.KACLSAddr, ecfg.KACLSAddrDefault = o.addr(i, labPortKACLS), false
	}
	if a := ecfg.AlikmsAddr; a != "" && a != "off" {
		// And its own Alibaba KMS.
		ecfg.AlikmsAddr, ecfg.AlikmsAddrDefault = o.addr(i, labPortAlikms), false
	}
	if a := ecfg.TCKMSAddr; a != "" && a != "off" {
		ecfg.TCKMSAddr, ecfg.TCKMSAddrDefault = o.addr(i, labPortTCKMS), false
	}
	if ecfg.Seed != nil {
		s := *ecfg.Seed + uint64(i) // distinct UUIDs per cluster, still reproducible
		ecfg.Seed = &s
	}
	if o.Credentials == "per-cluster" {
		ecfg.Cluster.User = fmt.Sprintf("student%d", i)
		ecfg.Cluster.Password = labPassword(secret, i)
	}
	e, err := emulator.New(ctx, ecfg)
	if err != nil {
		return nil, fmt.Errorf("cluster %d: %w", i, err)
	}
	if err := e.Listen(ctx); err != nil {
		e.Close()
		return nil, fmt.Errorf("cluster %d: %w", i, err)
	}
	// An idle cluster need not keep its start-up's SQLite working set.
	if err := e.Store().ReleaseMemory(ctx); err != nil {
		e.Close()
		return nil, fmt.Errorf("cluster %d: %w", i, err)
	}
	kaclsURLs := "off"
	if k := e.KACLS(); k != nil && e.Addr("kacls") != "" {
		var urls []string
		for _, in := range k.URLs() {
			urls = append(urls, in.URL)
		}
		kaclsURLs = strings.Join(urls, ",")
	}
	alikmsAddr := "off"
	if u := e.AlikmsURL(); u != "" && e.Alikms() != nil {
		alikmsAddr = u
	}
	tckmsAddr := "off"
	if a := e.Addr("tckms"); a != "" {
		tckmsAddr = "http://" + a
		if ecfg.TCKMSTLS {
			tckmsAddr = "https://" + a
		}
	}
	return &labCluster{Index: i, Name: ecfg.Cluster.Name, Emu: e,
		HTTP: e.Addr("http"), HTTPS: e.Addr("https"), Node: e.Addr("node"), KMIP: e.KMIPAddr(), KACLS: kaclsURLs, Alikms: alikmsAddr, TCKMS: tckmsAddr}, nil
}

// boot boots a listening lab cluster, starts serving and, on a fresh state,
// runs the fixture.
func (c *labCluster) boot(ctx context.Context, fixture *replay.Scenario, vols int, logger *slog.Logger) error {
	e := c.Emu
	if err := e.Boot(ctx); err != nil {
		return fmt.Errorf("cluster %d: %w", c.Index, err)
	}
	e.Serve()
	if fixture != nil {
		if err := runFixture(ctx, fixture, e, logger); err != nil {
			return fmt.Errorf("cluster %d: %w", c.Index, err)
		}
	}
	if vols > 0 && !e.Restarted {
		// --volumes: one transaction, then the cache it filled goes back.
		if err := e.Volumes().Populate(ctx, labAccount, vols, labVolumeSize); err != nil {
			return fmt.Errorf("cluster %d: --volumes: %w", c.Index, err)
		}
		if err := e.Store().ReleaseMemory(ctx); err != nil {
			return fmt.Errorf("cluster %d: %w", c.Index, err)
		}
	}
	// The stored admin wins on a restart (the password may have been
	// generated by an earlier run).
	user, pass, err := e.Cluster().Credentials(ctx)
	if err != nil {
		return fmt.Errorf("cluster %d: %w", c.Index, err)
	}
	c.User, c.Password = user, pass
	return nil
}

// shareLabOverview gives every cluster's dashboard the lab overview
// (/_emulator/ui/lab): one row per cluster, linked to its own page.
func shareLabOverview(clusters []*labCluster) {
	lab := &dashboard.Lab{}
	for _, c := range clusters {
		if d := c.Emu.Dashboard(); d != nil {
			lab.Members = append(lab.Members, dashboard.LabMember{Index: c.Index, Name: c.Name, HTTP: c.HTTP, HTTPS: c.HTTPS, Dashboard: d})
		}
	}
	for _, m := range lab.Members {
		m.Dashboard.SetLab(lab)
	}
}

// printLabTable writes the class's table: the only place passwords appear.
func printLabTable(w io.Writer, clusters []*labCluster) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CLUSTER\tNAME\tMVIP (HTTPS)\tHTTP\tNODE (MIP)\tKMIP\tKACLS\tALIBABA KMS\tTENCENT KMS\tUSER\tPASSWORD")
	for _, c := range clusters {
		fmt.Fprintf(tw, "%d\t%s\thttps://%s\thttp://%s\thttps://%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Index, c.Name, c.HTTPS, c.HTTP, c.Node, c.KMIP, c.KACLS, c.Alikms, c.TCKMS, c.User, c.Password)
	}
	tw.Flush()
}

// vmRSS reads the resident set size from /proc/self/status (Linux).
func vmRSS() (int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, errors.New("no VmRSS in /proc/self/status")
}

// applyFixture is --fixture for the single emulator: load the scenario and
// run it on a fresh state (see runFixture).
func applyFixture(ctx context.Context, path string, e *emulator.Emulator, logger *slog.Logger) error {
	if path == "" {
		return nil
	}
	sc, err := replay.LoadFile(path)
	if err != nil {
		return fmt.Errorf("--fixture: %w", err)
	}
	return runFixture(ctx, sc, e, logger)
}

// runFixture applies a fixture to a freshly created state: every step must
// pass; then the state is saved as snapshot "initial", which reset restores
// from then on. On a restart of existing state nothing is applied.
func runFixture(ctx context.Context, sc *replay.Scenario, e *emulator.Emulator, logger *slog.Logger) error {
	if e.Restarted {
		name, err := e.ResetSnapshot(ctx)
		if err != nil {
			return err
		}
		if name == "" {
			logger.Warn("--fixture not applied: the data directory already holds a cluster that was not started from a fixture; start on an empty --data to apply it",
				"fixture", sc.File)
		} else {
			logger.Info("--fixture not applied again: the state exists; reset restores its snapshot", "fixture", sc.File, "snapshot", name)
		}
		return nil
	}
	base := "http://" + loopback(e.Addr("http"))
	if e.Addr("http") == "" {
		base = "https://" + loopback(e.Addr("https")) // the runner's default client accepts our self-signed cert
	}
	user, pass, err := e.Cluster().Credentials(ctx)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	res, err := replay.Run(ctx, sc, replay.Target{URL: base, User: user, Password: pass},
		replay.Options{Out: &out, Vars: map[string]any{"kmipHost": "127.0.0.1", "kmipPort": e.KMIPPort()}})
	if err != nil {
		return fmt.Errorf("fixture %s: %w\n%s", sc.File, err, out.String())
	}
	if !res.Passed {
		return fmt.Errorf("fixture %s did not apply: %s\n%s", sc.File, strings.Join(res.Failures, "; "), out.String())
	}
	if err := e.SetResetSnapshot(ctx, emulator.InitialSnapshot); err != nil {
		return err
	}
	info, err := e.Snapshot(ctx, emulator.InitialSnapshot)
	if err != nil {
		return err
	}
	logger.Info("fixture applied; reset restores it", "fixture", sc.File, "steps", res.Steps, "snapshot", info.Path)
	return nil
}

// loopback turns a wildcard listen address into one this process can dial.
func loopback(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}
