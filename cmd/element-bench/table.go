package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

const tableUsage = `usage: element-bench table [-rounds 5] [-round-time 2s] [-runs 10] [-only LIST] [-quick] [-bin PATH] [-v]

Prints docs/performance.md's performance table: each figure of the emulator
next to a peer measured in the same run from the same load generator. The
two alternate in rounds (emulator first in even rounds, peer first in odd
ones), so that outside load hits both; a ratio is the median of the
per-round ratios, and the emulator and peer columns are medians too.

  clusterinfo  GetClusterInfo req/s from 16 keep-alive clients: the emulator
               binary vs a bare net/http server (a child process) answering
               the bytes the emulator answered
  mutation     CreateKeyServerKmip+DeleteKeyServerKmip pairs/s from 4 clients:
               the emulator vs a bare net/http server (a child process)
               doing one SQLite WAL insert+commit and delete+commit per pair,
               with the emulator's SQLite settings
  volumes      CreateVolume+DeleteVolume+PurgeDeletedVolume lives/s over 4
               keep-alive clients vs the raw SQLite peer doing one INSERT,
               UPDATE and DELETE transaction for the same three requests
  rekey        one RekeySoftwareEncryptionAtRestMasterKey to the embedded key
               server (--rekey-duration 0) until GetAsyncResult says complete
               vs one KMIP Create+Activate on a new mutual-TLS connection to
               the same server (ovh's kmipclient); 25 of each per round
  kmip         Create+Get pairs/s of the embedded KMIP server vs pykmip-server,
               driven by the same PyKMIP client script (skipped without PyKMIP)
  coldstart    exec to the first GetAPI answer on a new data directory vs exec
               of a bare Go HTTP server to its first answer
  lab          lab --clusters 30 --measure: start-up and VmRSS vs --clusters 1
  labvolumes   lab --clusters 30 --volumes 1000 --measure: start-up and VmRSS
               vs the same lab without volumes

-quick runs one short round of each (a smoke test, not a measurement).
`

// tableFigures lists the figures in table order.
var tableFigures = []struct {
	name    string
	measure func(context.Context, *tableRun) ([]row, error)
}{
	{"clusterinfo", measureClusterInfo},
	{"mutation", measureMutation},
	{"volumes", measureVolumes},
	{"rekey", measureRekey},
	{"kmip", measureKMIP},
	{"coldstart", measureColdStart},
	{"lab", measureLab},
	{"labvolumes", measureLabVolumes},
}

type tableOptions struct {
	rounds    int
	roundTime time.Duration
	runs      int
	only      string
	quick     bool
	bin       string
	verbose   bool
}

func runTable(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("element-bench table", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, tableUsage) }
	var o tableOptions
	fs.IntVar(&o.rounds, "rounds", 5, "alternating rounds of each throughput and latency figure")
	fs.DurationVar(&o.roundTime, "round-time", 2*time.Second, "how long each side of a throughput figure runs in a round")
	fs.IntVar(&o.runs, "runs", 10, "alternating runs of each side for the cold start (half that for the lab)")
	fs.StringVar(&o.only, "only", "", "comma-separated figures to measure (default all): clusterinfo,mutation,volumes,rekey,kmip,coldstart,lab,labvolumes")
	fs.BoolVar(&o.quick, "quick", false, "one short round of each figure (smoke test; the figures mean nothing)")
	fs.StringVar(&o.bin, "bin", "", "emulator binary (default: go build ./cmd/element-emulator)")
	fs.BoolVar(&o.verbose, "v", false, "print every round to stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if o.quick {
		o.rounds, o.roundTime, o.runs = 1, 250*time.Millisecond, 1
	}
	if o.rounds < 1 || o.runs < 1 || o.roundTime <= 0 {
		return errors.New("-rounds, -runs and -round-time must be positive")
	}
	selected := map[string]bool{}
	if o.only != "" {
		known := map[string]bool{}
		for _, f := range tableFigures {
			known[f.name] = true
		}
		for _, n := range strings.Split(o.only, ",") {
			if !known[n] {
				return fmt.Errorf("-only: unknown figure %q", n)
			}
			selected[n] = true
		}
	}
	work, err := os.MkdirTemp("", "element-table-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	bin, err := buildEmulator(ctx, o.bin, work)
	if err != nil {
		return err
	}
	t := &tableRun{o: o, bin: bin, work: work, log: io.Discard}
	if o.verbose {
		t.log = stderr
	}
	fmt.Fprintln(stdout, machineLine(o))
	var rows []row
	for _, f := range tableFigures {
		if len(selected) > 0 && !selected[f.name] {
			continue
		}
		r, err := f.measure(ctx, t)
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		rows = append(rows, r...)
	}
	printTable(stdout, rows)
	return nil
}

// machineLine says when and where the table was measured.
func machineLine(o tableOptions) string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	load := ""
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = ", load average " + strings.Join(strings.Fields(string(b))[:3], " ")
	}
	return fmt.Sprintf("element-bench table: %s; %s, %d CPUs%s; %s %s/%s; %d rounds of %s per side, %d runs",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), cpu, runtime.NumCPU(), load, runtime.Version(),
		runtime.GOOS, runtime.GOARCH, o.rounds, o.roundTime, o.runs)
}

// row is one line of the table.
type row struct {
	figure    string  // what is measured, and against which peer
	unit      string  // of emu and peer
	emu, peer float64 // medians of the per-round figures
	ratio     float64 // median of the per-round emu/peer ratios
	goal      string
	met       bool
	skipped   string // why the figure was not measured
	notes     []string
}

func printTable(w io.Writer, rows []row) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\temulator\tpeer\tratio\tgoal\t")
	for _, r := range rows {
		if r.skipped != "" {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t%s\tskipped: %s\n", r.figure, r.goal, r.skipped)
			continue
		}
		verdict := "missed"
		if r.met {
			verdict = "met"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f×\t%s\t%s\n", r.figure, figureText(r.emu, r.unit), figureText(r.peer, r.unit), r.ratio, r.goal, verdict)
	}
	_ = tw.Flush()
	for _, r := range rows {
		for _, n := range r.notes {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
}

func figureText(v float64, unit string) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f %s", v, unit)
	case v >= 10:
		return fmt.Sprintf("%.1f %s", v, unit)
	}
	return fmt.Sprintf("%.2f %s", v, unit)
}

// tableRun is what every figure shares.
type tableRun struct {
	o    tableOptions
	bin  string
	work string
	log  io.Writer
}

func (t *tableRun) logf(format string, args ...any) { fmt.Fprintf(t.log, format+"\n", args...) }

// dir returns a new directory under the run's work directory.
func (t *tableRun) dir(name string) (string, error) {
	return os.MkdirTemp(t.work, name+"-")
}

// emulator starts the emulator binary (plain HTTP and KMIP on loopback, the
// real clock, a new data directory) and returns it with an admin client.
func (t *tableRun) emulator(ctx context.Context, name string, extra ...string) (*proc, *client, error) {
	dir, err := t.dir(name)
	if err != nil {
		return nil, nil, err
	}
	p, err := newProc(t.bin, filepath.Join(dir, "data"), extra...)
	if err != nil {
		return nil, nil, err
	}
	if _, err := p.start(ctx); err != nil {
		return nil, nil, err
	}
	return p, newClient("http://" + p.httpAddr), nil
}

// side measures one side of a figure once (one round).
type side func(ctx context.Context) (value float64, err error)

// alternate runs emu and peer once per round, the emulator first in even
// rounds and the peer first in odd ones, and returns each side's figures.
func (t *tableRun) alternate(ctx context.Context, name string, emu, peer side) (e, p []float64, err error) {
	for i := 0; i < t.o.rounds; i++ {
		var a, b float64
		if i%2 == 0 {
			if a, err = emu(ctx); err == nil {
				b, err = peer(ctx)
			}
		} else {
			if b, err = peer(ctx); err == nil {
				a, err = emu(ctx)
			}
		}
		if err != nil {
			return nil, nil, err
		}
		e, p = append(e, a), append(p, b)
		t.logf("%s round %d: emulator %.4g, peer %.4g, ratio %.3f", name, i+1, a, b, a/b)
	}
	return e, p, nil
}

// ratioRow builds a row from per-round figures; met tells whether the goal
// is met from the median ratio and the median emulator figure.
func ratioRow(figure, unit string, e, p []float64, goal string, met func(ratio, emu float64) bool) row {
	ratios := make([]float64, len(e))
	for i := range e {
		ratios[i] = e[i] / p[i]
	}
	r := row{figure: figure, unit: unit, emu: median(e), peer: median(p), ratio: median(ratios), goal: goal}
	r.met = met(r.ratio, r.emu)
	return r
}

func atLeast(x float64) func(ratio, emu float64) bool {
	return func(ratio, _ float64) bool { return ratio >= x }
}

func atMost(x float64) func(ratio, emu float64) bool {
	return func(ratio, _ float64) bool { return ratio <= x }
}

func emuAtMost(x float64) func(ratio, emu float64) bool {
	return func(_, emu float64) bool { return emu <= x }
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

// throughput runs n workers, each calling op in a loop, for d and returns
// the completed operations per second; the first error stops the run.
func throughput(ctx context.Context, n int, d time.Duration, op func(ctx context.Context, worker int) error) (float64, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var done atomic.Int64
	var first error
	var once sync.Once
	var wg sync.WaitGroup
	began := time.Now()
	deadline := began.Add(d)
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) && ctx.Err() == nil {
				if err := op(ctx, w); err != nil {
					once.Do(func() { first = err; cancel() })
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return 0, first
	}
	return float64(done.Load()) / time.Since(began).Seconds(), nil
}

// cpuTime is the user+system CPU time a process has used so far (Linux).
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name may hold spaces; the fields after it are fixed.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ
}

// groupCPUTime sums cpuTime over the live processes of a process group.
func groupCPUTime(pgid int) time.Duration {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	var total time.Duration
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) > 2 && f[2] == strconv.Itoa(pgid) {
			total += cpuTime(pid)
		}
	}
	return total
}

// cpuMeter accumulates a server's CPU time and operations over the rounds.
type cpuMeter struct {
	cpu time.Duration
	ops float64
}

// measure runs f, which returns operations per second, and charges the CPU
// that cpu reports meanwhile to the operations done.
func (m *cpuMeter) measure(cpu func() time.Duration, f func() (float64, error)) (float64, error) {
	before, began := cpu(), time.Now()
	v, err := f()
	m.cpu += cpu() - before
	m.ops += v * time.Since(began).Seconds()
	return v, err
}

func (m *cpuMeter) perOp() time.Duration {
	if m.ops == 0 {
		return 0
	}
	return time.Duration(float64(m.cpu) / m.ops)
}

// ---------------------------------------------------------------------------
// HTTP load

// httpLoad posts one body to one URL from keep-alive clients and checks
// every answer.
type httpLoad struct {
	url   string
	hc    *http.Client
	check func(answer []byte) error
}

func newHTTPLoad(url string, clients int, check func([]byte) error) *httpLoad {
	return &httpLoad{url: url, check: check, hc: &http.Client{Timeout: time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients, DisableCompression: true}}}
}

func (l *httpLoad) post(ctx context.Context, body []byte, buf *bytes.Buffer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.SetBasicAuth("admin", "admin")
	req.Header.Set("Content-Type", "application/json")
	resp, err := l.hc.Do(req)
	if err != nil {
		return err
	}
	buf.Reset()
	_, err = buf.ReadFrom(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: HTTP %d: %.200s", l.url, resp.StatusCode, buf.Bytes())
	}
	if l.check != nil {
		return l.check(buf.Bytes())
	}
	return nil
}

// ---------------------------------------------------------------------------
// GetClusterInfo

const clusterInfoClients = 16

func measureClusterInfo(ctx context.Context, t *tableRun) ([]row, error) {
	p, c, err := t.emulator(ctx, "clusterinfo")
	if err != nil {
		return nil, err
	}
	defer p.kill()
	body := []byte(`{"method":"GetClusterInfo","id":1}`)
	var answer bytes.Buffer
	if err := newHTTPLoad(c.base+"/json-rpc/12.7", 1, nil).post(ctx, body, &answer); err != nil {
		return nil, err
	}
	want := append([]byte(nil), answer.Bytes()...)
	if !bytes.Contains(want, []byte(`"result":{"clusterInfo"`)) {
		return nil, fmt.Errorf("GetClusterInfo answered %.300s", want)
	}
	dir, err := t.dir("clusterinfo-peer")
	if err != nil {
		return nil, err
	}
	file, err := tempFile(dir, "answer.json", want)
	if err != nil {
		return nil, err
	}
	peer, err := startPeerReady(ctx, "static", file)
	if err != nil {
		return nil, err
	}
	defer peer.kill()

	same := func(got []byte) error {
		if !bytes.Equal(got, want) {
			return fmt.Errorf("answer changed: %.300s", got)
		}
		return nil
	}
	run := func(l *httpLoad) func(context.Context) (float64, error) {
		bufs := make([]bytes.Buffer, clusterInfoClients)
		return func(ctx context.Context) (float64, error) {
			return throughput(ctx, clusterInfoClients, t.o.roundTime, func(ctx context.Context, w int) error {
				return l.post(ctx, body, &bufs[w])
			})
		}
	}
	emuRun := run(newHTTPLoad(c.base+"/json-rpc/12.7", clusterInfoClients, same))
	peerRun := run(newHTTPLoad("http://"+peer.addr+"/json-rpc/12.7", clusterInfoClients, same))
	if err := warmUp(ctx, emuRun, peerRun); err != nil {
		return nil, err
	}
	var emuCPU, peerCPU cpuMeter
	e, pr, err := t.alternate(ctx, "clusterinfo", func(ctx context.Context) (float64, error) {
		return emuCPU.measure(func() time.Duration { return cpuTime(p.cmd.Process.Pid) }, func() (float64, error) { return emuRun(ctx) })
	}, func(ctx context.Context) (float64, error) {
		return peerCPU.measure(func() time.Duration { return cpuTime(peer.pid()) }, func() (float64, error) { return peerRun(ctx) })
	})
	if err != nil {
		return nil, err
	}
	r := ratioRow(fmt.Sprintf("GetClusterInfo, %d keep-alive clients, vs bare net/http (same bytes)", clusterInfoClients), "req/s", e, pr, "≥ 0.6×", atLeast(0.6))
	r.notes = append(r.notes, fmt.Sprintf("clusterinfo: server CPU per call: emulator %s, bare net/http %s; %d-byte answer",
		micros(emuCPU.perOp()), micros(peerCPU.perOp()), len(want)))
	return []row{r}, nil
}

// warmUp runs each side briefly, so that connections and caches exist
// before the first round.
func warmUp(ctx context.Context, sides ...func(context.Context) (float64, error)) error {
	for _, s := range sides {
		wctx, cancel := context.WithTimeout(ctx, 150*time.Millisecond)
		_, err := s(wctx)
		cancel()
		if err != nil && !errors.Is(err, context.DeadlineExceeded) && wctx.Err() == nil {
			return err
		}
	}
	return nil
}

func micros(d time.Duration) string {
	return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond))
}

// ---------------------------------------------------------------------------
// Mutation

const mutationClients = 4

// mutationAnswer is what both sides answer to CreateKeyServerKmip.
type mutationAnswer struct {
	Result struct {
		Server struct {
			ID int64 `json:"keyServerID"`
		} `json:"kmipKeyServer"`
	} `json:"result"`
	Error *rpcError `json:"error"`
}

func measureMutation(ctx context.Context, t *tableRun) ([]row, error) {
	p, c, err := t.emulator(ctx, "mutation")
	if err != nil {
		return nil, err
	}
	defer p.kill()
	caPEM, certPEM, err := clusterCertificate(ctx, c)
	if err != nil {
		return nil, err
	}
	dir, err := t.dir("mutation-peer")
	if err != nil {
		return nil, err
	}
	peer, err := startPeerReady(ctx, "sqlite", filepath.Join(dir, "raw.db"))
	if err != nil {
		return nil, err
	}
	defer peer.kill()

	var n atomic.Int64
	run := func(url string) func(context.Context) (float64, error) {
		l := newHTTPLoad(url, mutationClients, nil)
		bufs := make([]bytes.Buffer, mutationClients)
		return func(ctx context.Context) (float64, error) {
			return throughput(ctx, mutationClients, t.o.roundTime, func(ctx context.Context, w int) error {
				create, err := json.Marshal(map[string]any{"method": "CreateKeyServerKmip", "id": 1, "params": map[string]any{
					"kmipCaCertificate": caPEM, "kmipClientCertificate": certPEM, "kmipKeyServerHostnames": []string{"127.0.0.1"},
					"kmipKeyServerName": fmt.Sprintf("bench-%d", n.Add(1)), "kmipKeyServerPort": 5696}})
				if err != nil {
					return err
				}
				if err := l.post(ctx, create, &bufs[w]); err != nil {
					return err
				}
				var a mutationAnswer
				if err := json.Unmarshal(bufs[w].Bytes(), &a); err != nil {
					return err
				}
				if a.Error != nil || a.Result.Server.ID == 0 {
					return fmt.Errorf("CreateKeyServerKmip: %.300s", bufs[w].Bytes())
				}
				del, err := json.Marshal(map[string]any{"method": "DeleteKeyServerKmip", "id": 1, "params": map[string]any{"keyServerID": a.Result.Server.ID}})
				if err != nil {
					return err
				}
				if err := l.post(ctx, del, &bufs[w]); err != nil {
					return err
				}
				if bytes.Contains(bufs[w].Bytes(), []byte(`"error"`)) {
					return fmt.Errorf("DeleteKeyServerKmip: %.300s", bufs[w].Bytes())
				}
				return nil
			})
		}
	}
	emuRun, peerRun := run(c.base+"/json-rpc/12.7"), run("http://"+peer.addr+"/json-rpc/12.7")
	if err := warmUp(ctx, emuRun, peerRun); err != nil {
		return nil, err
	}
	var emuCPU, peerCPU cpuMeter
	e, pr, err := t.alternate(ctx, "mutation", func(ctx context.Context) (float64, error) {
		return emuCPU.measure(func() time.Duration { return cpuTime(p.cmd.Process.Pid) }, func() (float64, error) { return emuRun(ctx) })
	}, func(ctx context.Context) (float64, error) {
		return peerCPU.measure(func() time.Duration { return cpuTime(peer.pid()) }, func() (float64, error) { return peerRun(ctx) })
	})
	if err != nil {
		return nil, err
	}
	r := ratioRow(fmt.Sprintf("Create+DeleteKeyServerKmip, %d clients, vs raw SQLite WAL writes behind net/http", mutationClients), "pairs/s", e, pr, "≥ 0.5×", atLeast(0.5))
	r.notes = append(r.notes, fmt.Sprintf("mutation: server CPU per pair: emulator %s, raw SQLite peer %s",
		micros(emuCPU.perOp()), micros(peerCPU.perOp())))
	return []row{r}, nil
}

// clusterCertificate creates the cluster's key pair and has its CSR signed
// by the embedded CA: the certificates a key server object holds.
func clusterCertificate(ctx context.Context, c *client) (caPEM, certPEM string, err error) {
	if _, err := c.call(ctx, "CreatePublicPrivateKeyPair", map[string]any{"commonName": "emu-cluster"}); err != nil {
		return "", "", err
	}
	csr, err := c.call(ctx, "GetClientCertificateSignRequest", nil)
	if err != nil {
		return "", "", err
	}
	var signed struct {
		Certificate   string `json:"certificate"`
		CACertificate string `json:"caCertificate"`
	}
	if err := c.control(ctx, http.MethodPost, "kmip/sign", map[string]any{"csr": str(csr, "clientCertificateSignRequest")}, &signed); err != nil {
		return "", "", err
	}
	return signed.CACertificate, signed.Certificate, nil
}

// ---------------------------------------------------------------------------
// Cold start

func measureColdStart(ctx context.Context, t *tableRun) ([]row, error) {
	getAPI := []byte(`{"method":"GetAPI","id":1}`)
	hasResult := func(status int, b []byte) bool {
		return status == http.StatusOK && bytes.Contains(b, []byte(`"result":{`))
	}
	// One untimed start of each side first: the binaries in the page cache,
	// and the GetAPI answer the peer serves.
	answer, _, err := t.coldStartEmulator(ctx, getAPI, hasResult)
	if err != nil {
		return nil, err
	}
	dir, err := t.dir("coldstart-peer")
	if err != nil {
		return nil, err
	}
	file, err := tempFile(dir, "getapi.json", answer)
	if err != nil {
		return nil, err
	}
	peerStart := func(ctx context.Context) (float64, error) {
		began := time.Now()
		p, err := startPeer("static", file)
		if err != nil {
			return 0, err
		}
		defer p.kill()
		if err := waitHTTP(ctx, "http://"+p.addr+"/json-rpc/12.7", getAPI, p.done, 30*time.Second, hasResult); err != nil {
			return 0, fmt.Errorf("peer: %w: %s", err, p.stderr.String())
		}
		return float64(time.Since(began)) / float64(time.Millisecond), nil
	}
	if _, err := peerStart(ctx); err != nil {
		return nil, err
	}
	emuStart := func(ctx context.Context) (float64, error) {
		_, d, err := t.coldStartEmulator(ctx, getAPI, hasResult)
		return float64(d) / float64(time.Millisecond), err
	}
	saved := t.o.rounds
	t.o.rounds = t.o.runs
	e, p, err := t.alternate(ctx, "coldstart", emuStart, peerStart)
	t.o.rounds = saved
	if err != nil {
		return nil, err
	}
	return []row{ratioRow("cold start to the first GetAPI answer, new data dir, vs exec of a bare Go HTTP server", "ms", e, p, "≤ 50 ms", emuAtMost(50))}, nil
}

// coldStartEmulator starts the emulator as a user does (every listener, a
// new data directory) and returns its first GetAPI answer and how long it
// took from exec; the process is then stopped, untimed.
func (t *tableRun) coldStartEmulator(ctx context.Context, getAPI []byte, ok func(int, []byte) bool) ([]byte, time.Duration, error) {
	dir, err := t.dir("coldstart")
	if err != nil {
		return nil, 0, err
	}
	var addrs [4]string
	for i := range addrs {
		if addrs[i], err = freeAddr(); err != nil {
			return nil, 0, err
		}
	}
	began := time.Now()
	cmd := exec.Command(t.bin, "--data", filepath.Join(dir, "data"), "--http-addr", addrs[0], "--https-addr", addrs[1],
		"--node-addr", addrs[2], "--kmip-addr", addrs[3], "--log-level", "warn")
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return nil, 0, err
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	defer func() { _ = cmd.Process.Kill(); <-done }()
	var answer []byte
	keep := func(status int, b []byte) bool {
		if ok(status, b) {
			answer = b
			return true
		}
		return false
	}
	if err := waitHTTP(ctx, "http://"+addrs[0]+"/json-rpc/12.7", getAPI, done, 30*time.Second, keep); err != nil {
		return nil, 0, fmt.Errorf("emulator: %w: %s", err, stderr.String())
	}
	return answer, time.Since(began), nil
}

// ---------------------------------------------------------------------------
// Lab

var labMeasure = regexp.MustCompile(`measure: (\d+) clusters started in (\S+); VmRSS ([0-9.]+) MiB`)

const labClusters = 30

// labSample runs lab --clusters N --measure once (with extra flags) and
// returns its start-up in ms and its VmRSS in MiB.
func labSample(ctx context.Context, t *tableRun, clusters int, extra ...string) (start, rss float64, err error) {
	dir, err := t.dir("lab")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(dir)
	args := append([]string{"lab", "--clusters", strconv.Itoa(clusters), "--base-port", "0",
		"--data", filepath.Join(dir, "data"), "--measure"}, extra...)
	cmd := exec.CommandContext(ctx, t.bin, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("lab --clusters %d: %w: %s", clusters, err, errOut.String())
	}
	m := labMeasure.FindStringSubmatch(out.String())
	if m == nil {
		return 0, 0, fmt.Errorf("lab --clusters %d printed no measure line: %s", clusters, out.String())
	}
	d, err := time.ParseDuration(m[2])
	if err != nil {
		return 0, 0, err
	}
	if rss, err = strconv.ParseFloat(m[3], 64); err != nil {
		return 0, 0, err
	}
	return float64(d) / float64(time.Millisecond), rss, nil
}

func measureLab(ctx context.Context, t *tableRun) ([]row, error) {
	type sample struct{ start, rss float64 }
	var got [2][]sample // [0] 30 clusters, [1] one
	lab := func(i, clusters int) side {
		return func(ctx context.Context) (float64, error) {
			start, rss, err := labSample(ctx, t, clusters)
			if err != nil {
				return 0, err
			}
			got[i] = append(got[i], sample{start: start, rss: rss})
			return start, nil
		}
	}
	saved := t.o.rounds
	t.o.rounds = max(1, t.o.runs/2)
	_, _, err := t.alternate(ctx, "lab", lab(0, labClusters), lab(1, 1))
	t.o.rounds = saved
	if err != nil {
		return nil, err
	}
	var start, rss [2][]float64
	for i := range got {
		for _, s := range got[i] {
			start[i] = append(start[i], s.start)
			rss[i] = append(rss[i], s.rss)
		}
	}
	return []row{
		ratioRow(fmt.Sprintf("lab --clusters %d start-up, vs --clusters 1", labClusters), "ms", start[0], start[1], "≤ 300 ms", emuAtMost(300)),
		ratioRow(fmt.Sprintf("lab --clusters %d VmRSS, vs --clusters 1", labClusters), "MiB", rss[0], rss[1], "≤ 40 MiB", emuAtMost(40)),
	}, nil
}
