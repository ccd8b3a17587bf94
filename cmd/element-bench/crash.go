package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	_ "github.com/mattn/go-sqlite3" // integrity check of the state file
)

const crashUsage = `usage: element-bench crash [-kills N] [-seed S] [-bin PATH] [-v]

Runs seed 001's EKM setup, master-key rekeys (external and back) and hardware
EAR enable/disable against a real emulator process (real clock, embedded key
server), kills it with SIGKILL at a seeded random moment, starts it again on
the same data and checks, after it settles:
  - nothing acknowledged was lost, and the SQLite file passes integrity_check;
  - no rekey job, EAR transition or key-server contact failed because of the
    crash (every rekey complete without error, EAR in the state last asked
    for, no cluster fault open);
  - no key on the embedded key server is Active or Pre-Active unless the
    cluster uses it (no orphan from a Create the crash kept from being
    recorded, no old key left undecommissioned).
One kill in five also kills the restarted process during its recovery.
`

type crashOptions struct {
	kills   int
	seed    uint64
	bin     string
	verbose bool
	keep    bool
}

func runCrash(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("element-bench crash", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, crashUsage) }
	var o crashOptions
	fs.IntVar(&o.kills, "kills", 100, "number of runs, each with one SIGKILL (some with a second one during recovery)")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the kill moments and the durations")
	fs.StringVar(&o.bin, "bin", "", "emulator binary (default: go build ./cmd/element-emulator)")
	fs.BoolVar(&o.verbose, "v", false, "one line per run")
	fs.BoolVar(&o.keep, "keep", false, "keep the data directories of failed runs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "element-crash-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	bin, err := buildEmulator(ctx, o.bin, work)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(o.seed, 0x5eed))

	// Calibrate: how long the workload's setup and three cycles take uncut,
	// for each duration a run may use; kill moments fall within that span.
	durations := []string{"0s", "0s", "200ms"}
	span := map[string]time.Duration{}
	for _, d := range durations {
		if _, ok := span[d]; ok {
			continue
		}
		cal, err := crashRun(ctx, bin, filepath.Join(work, "calibrate-"+d), crashPlan{cycles: 3, duration: d})
		if err != nil {
			return fmt.Errorf("calibration run: %w", err)
		}
		if len(cal.failures) > 0 {
			return fmt.Errorf("calibration run (no kill) failed its checks: %s", strings.Join(cal.failures, "; "))
		}
		span[d] = cal.workload
		fmt.Fprintf(stdout, "crash: the uncut workload (EKM setup + 3 cycles) takes %s with durations %s\n", cal.workload.Round(time.Millisecond), d)
	}
	fmt.Fprintf(stdout, "crash: %d runs, seed %d\n", o.kills, o.seed)

	var res []crashResult
	failedRuns := 0
	began := time.Now()
	for i := 1; i <= o.kills; i++ {
		plan := crashPlan{cycles: 1000, duration: durations[rng.IntN(len(durations))]}
		plan.killAfter = 1 + time.Duration(rng.Int64N(int64(span[plan.duration])))
		if rng.IntN(5) == 0 {
			plan.secondKill = time.Duration(rng.Int64N(int64(300 * time.Millisecond)))
			plan.secondKillSet = true
		}
		dir := filepath.Join(work, fmt.Sprintf("run-%03d", i))
		r, err := crashRun(ctx, bin, dir, plan)
		if err != nil {
			return fmt.Errorf("run %d: %w", i, err)
		}
		res = append(res, r)
		if len(r.failures) > 0 {
			failedRuns++
			fmt.Fprintf(stdout, "run %3d FAIL killed after %s during %s (durations %s): %s\n", i, plan.killAfter.Round(time.Millisecond),
				r.inFlight, plan.duration, strings.Join(r.failures, "; "))
			if o.keep {
				keep := filepath.Join(os.TempDir(), fmt.Sprintf("element-crash-run-%03d", i))
				_ = os.RemoveAll(keep)
				_ = os.Rename(dir, keep)
				fmt.Fprintf(stdout, "         data kept in %s\n", keep)
			}
		} else if o.verbose {
			fmt.Fprintf(stdout, "run %3d ok   killed after %s during %s (durations %s, restart %s, settled %s)\n", i,
				plan.killAfter.Round(time.Millisecond), r.inFlight, plan.duration, r.restart.Round(time.Millisecond), r.settle.Round(time.Millisecond))
		}
		_ = os.RemoveAll(dir)
	}
	printCrashSummary(stdout, res, failedRuns, time.Since(began))
	if failedRuns > 0 {
		return fmt.Errorf("%d of %d runs failed their checks", failedRuns, o.kills)
	}
	return nil
}

func printCrashSummary(w io.Writer, res []crashResult, failed int, took time.Duration) {
	kills, second := 0, 0
	during := map[string]int{}
	var restarts, settles []time.Duration
	checks := map[string]int{}
	for _, r := range res {
		kills += r.kills
		if r.kills > 1 {
			second++
		}
		during[r.inFlight]++
		restarts = append(restarts, r.restart)
		settles = append(settles, r.settle)
		for _, f := range r.failures {
			checks[strings.SplitN(f, ":", 2)[0]]++
		}
	}
	fmt.Fprintf(w, "crash: %d runs, %d SIGKILLs (%d during recovery), %d runs failed, in %s\n", len(res), kills, second, failed, took.Round(time.Second))
	var names []string
	for k := range during {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Fprint(w, "killed during:")
	for _, k := range names {
		fmt.Fprintf(w, " %s %d;", k, during[k])
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "restart to first answer: p50 %s, max %s; restart to settled: p50 %s, max %s\n",
		pct(restarts, 50), pct(restarts, 100), pct(settles, 50), pct(settles, 100))
	for _, c := range []string{"lost", "integrity", "job failed", "ear", "fault", "orphan", "stuck"} {
		fmt.Fprintf(w, "  check %-10s failures: %d\n", c, checks[c])
	}
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (len(s) - 1) * p / 100
	return s[i].Round(time.Millisecond)
}

// crashPlan is one run: when to kill, and the emulator's durations.
type crashPlan struct {
	cycles        int
	killAfter     time.Duration // 0 with cycles set: no kill (calibration)
	duration      string        // --rekey-duration and --ear-transition
	secondKill    time.Duration
	secondKillSet bool
}

type crashResult struct {
	workload time.Duration // calibration only
	inFlight string        // what the workload was doing when killed
	kills    int
	restart  time.Duration
	settle   time.Duration
	failures []string
}

// journal is what the emulator acknowledged to the workload.
type journal struct {
	mu       sync.Mutex
	inFlight string
	keyPair  bool
	provider int64
	server   int64
	assigned bool
	rekeys   []int64
	earWant  string // last acknowledged EAR request: enabled or disabled
	earSent  string // an EAR request sent and not (yet) acknowledged
}

func (j *journal) set(f func(j *journal)) {
	j.mu.Lock()
	defer j.mu.Unlock()
	f(j)
}

func crashRun(ctx context.Context, bin, dir string, plan crashPlan) (crashResult, error) {
	var r crashResult
	p, err := newProc(bin, dir, "--clock", "real", "--rekey-duration", plan.duration, "--ear-transition", plan.duration)
	if err != nil {
		return r, err
	}
	if _, err := p.start(ctx); err != nil {
		return r, err
	}
	c := newClient("http://" + p.httpAddr)
	j := &journal{}
	wctx, stopWork := context.WithCancel(ctx)
	workDone := make(chan error, 1)
	began := time.Now()
	go func() { workDone <- crashWorkload(wctx, c, p, j, plan.cycles) }()
	if plan.killAfter == 0 {
		if err := <-workDone; err != nil {
			stopWork()
			p.kill()
			return r, fmt.Errorf("workload: %w", err)
		}
		r.workload = time.Since(began)
	} else {
		select {
		case <-time.After(plan.killAfter):
		case err := <-workDone:
			stopWork()
			p.kill()
			return r, fmt.Errorf("workload ended before the kill: %v", err)
		}
		p.kill()
		r.kills++
		stopWork()
		<-workDone // it fails on the dead connection; acknowledged is what it recorded
	}
	stopWork()
	j.mu.Lock()
	r.inFlight = j.inFlight
	j.mu.Unlock()

	if plan.killAfter != 0 {
		restartBegan := time.Now()
		if plan.secondKillSet {
			// Kill again during the restart and recovery, then start once more.
			if _, err := startAndKill(ctx, p, plan.secondKill); err != nil {
				return r, err
			}
			r.kills++
		}
		if _, err := p.start(ctx); err != nil {
			return r, fmt.Errorf("restart: %w", err)
		}
		r.restart = time.Since(restartBegan)
	}
	settleBegan := time.Now()
	r.failures = crashCheck(ctx, c, p, j)
	r.settle = time.Since(settleBegan)
	if err := p.stop(); err != nil {
		r.failures = append(r.failures, "integrity: shutdown: "+err.Error())
	}
	if err := integrityCheck(filepath.Join(dir, "emu.db")); err != nil {
		r.failures = append(r.failures, "integrity: "+err.Error())
	}
	return r, nil
}

// startAndKill starts p and kills it after d (whether or not it answers yet).
func startAndKill(ctx context.Context, p *proc, d time.Duration) (bool, error) {
	started := make(chan error, 1)
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { _, err := p.start(sctx); started <- err }()
	select {
	case <-time.After(d):
	case <-started:
		// Healthy before the deadline: the recovery runs on its own (the
		// real clock's ticker settles due work); kill it mid-way.
		time.Sleep(d / 2)
		p.kill()
		return true, nil
	}
	cancel() // start gives up and kills
	err := <-started
	if err != nil && !errors.Is(err, context.Canceled) {
		return false, err
	}
	p.kill()
	return false, nil
}

// crashWorkload runs the EKM setup and then cycles of rekey to the external
// provider, EAR enable, rekey back to internal and EAR disable, waiting for
// each to finish, recording every acknowledgement in j.
func crashWorkload(ctx context.Context, c *client, p *proc, j *journal, cycles int) error {
	step := func(name string) { j.set(func(j *journal) { j.inFlight = name }) }
	step("CreatePublicPrivateKeyPair")
	if _, err := c.call(ctx, "CreatePublicPrivateKeyPair", map[string]any{"commonName": "emu-cluster"}); err != nil {
		return err
	}
	j.set(func(j *journal) { j.keyPair = true })
	step("GetClientCertificateSignRequest")
	csr, err := c.call(ctx, "GetClientCertificateSignRequest", nil)
	if err != nil {
		return err
	}
	var signed struct{ Certificate, CACertificate string }
	step("kmip/sign")
	if err := c.control(ctx, http.MethodPost, "kmip/sign", map[string]any{"csr": str(csr, "clientCertificateSignRequest")}, &struct {
		Certificate   *string `json:"certificate"`
		CACertificate *string `json:"caCertificate"`
	}{&signed.Certificate, &signed.CACertificate}); err != nil {
		return err
	}
	step("CreateKeyProviderKmip")
	pr, err := c.call(ctx, "CreateKeyProviderKmip", map[string]any{"keyProviderName": "crash"})
	if err != nil {
		return err
	}
	pid := num(obj(pr, "kmipKeyProvider"), "keyProviderID")
	j.set(func(j *journal) { j.provider = pid })
	_, port, _ := net.SplitHostPort(p.kmip)
	step("CreateKeyServerKmip")
	sr, err := c.call(ctx, "CreateKeyServerKmip", map[string]any{"kmipCaCertificate": signed.CACertificate,
		"kmipClientCertificate": signed.Certificate, "kmipKeyServerHostnames": []string{"127.0.0.1"},
		"kmipKeyServerName": "embedded", "kmipKeyServerPort": port})
	if err != nil {
		return err
	}
	sid := num(obj(sr, "kmipKeyServer"), "keyServerID")
	j.set(func(j *journal) { j.server = sid })
	step("AddKeyServerToProviderKmip")
	if _, err := c.call(ctx, "AddKeyServerToProviderKmip", map[string]any{"keyProviderID": pid, "keyServerID": sid}); err != nil {
		return err
	}
	j.set(func(j *journal) { j.assigned = true })
	for i := 0; i < cycles; i++ {
		if err := crashRekey(ctx, c, j, map[string]any{"keyManagementType": "external", "keyProviderID": pid}); err != nil {
			return err
		}
		if err := crashEAR(ctx, c, j, "EnableEncryptionAtRest", map[string]any{"keyProviderID": pid}, "enabled"); err != nil {
			return err
		}
		if err := crashRekey(ctx, c, j, map[string]any{"keyManagementType": "internal"}); err != nil {
			return err
		}
		if err := crashEAR(ctx, c, j, "DisableEncryptionAtRest", nil, "disabled"); err != nil {
			return err
		}
	}
	step("idle")
	return nil
}

func crashRekey(ctx context.Context, c *client, j *journal, params map[string]any) error {
	j.set(func(j *journal) { j.inFlight = "Rekey " + params["keyManagementType"].(string) })
	r, err := c.call(ctx, "RekeySoftwareEncryptionAtRestMasterKey", params)
	if err != nil {
		return err
	}
	h := num(r, "asyncHandle")
	j.set(func(j *journal) {
		j.rekeys = append(j.rekeys, h)
		j.inFlight = "rekey job " + params["keyManagementType"].(string)
	})
	for {
		res, err := c.call(ctx, "GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
		if err != nil {
			return err
		}
		switch str(res, "status") {
		case "complete":
			if res["error"] != nil {
				return fmt.Errorf("rekey %d failed without a crash: %v", h, res["error"])
			}
			return nil
		}
		if err := pause(ctx, 5*time.Millisecond); err != nil {
			return err
		}
	}
}

func crashEAR(ctx context.Context, c *client, j *journal, method string, params map[string]any, want string) error {
	j.set(func(j *journal) { j.inFlight, j.earSent = method, want })
	if _, err := c.call(ctx, method, params); err != nil {
		return err
	}
	j.set(func(j *journal) { j.earWant, j.earSent, j.inFlight = want, "", method+" transition" })
	for {
		info, err := c.call(ctx, "GetEncryptionAtRestInfo", nil)
		if err != nil {
			return err
		}
		if s := str(info, "state"); s == want {
			return nil
		} else if s != "enabling" && s != "disabling" {
			return fmt.Errorf("%s ended %s without a crash", method, s)
		}
		if err := pause(ctx, 5*time.Millisecond); err != nil {
			return err
		}
	}
}

func pause(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

// crashCheck waits until the restarted emulator has nothing in progress,
// then checks the run's invariants. Each failure starts with its check name.
func crashCheck(ctx context.Context, c *client, p *proc, j *journal) []string {
	var fails []string
	fail := func(check, format string, args ...any) {
		fails = append(fails, check+": "+fmt.Sprintf(format, args...))
	}

	// Settle: every rekey job done and EAR not in transition (real clock).
	deadline := time.Now().Add(30 * time.Second)
	var jobs []map[string]any
	var ear map[string]any
	for {
		r, err := c.call(ctx, "ListAsyncResults", map[string]any{"asyncResultTypes": []string{"RekeySoftwareEncryptionAtRestMasterKey"}})
		if err != nil {
			fail("stuck", "ListAsyncResults: %v", err)
			return fails
		}
		jobs = list(r, "asyncHandles")
		running := 0
		for _, jb := range jobs {
			if done, _ := jb["completed"].(bool); !done {
				running++
			}
		}
		if ear, err = c.call(ctx, "GetEncryptionAtRestInfo", nil); err != nil {
			fail("stuck", "GetEncryptionAtRestInfo: %v", err)
			return fails
		}
		s := str(ear, "state")
		if running == 0 && s != "enabling" && s != "disabling" {
			break
		}
		if time.Now().After(deadline) {
			fail("stuck", "%d rekey job(s) running and EAR %s 30 s after the restart", running, s)
			return fails
		}
		_ = pause(ctx, 10*time.Millisecond)
	}

	j.mu.Lock()
	defer j.mu.Unlock()
	// Nothing acknowledged is lost.
	if j.keyPair {
		if _, err := c.call(ctx, "GetClientCertificateSignRequest", nil); err != nil {
			fail("lost", "the acknowledged key pair: %v", err)
		}
	}
	if j.provider != 0 {
		pr, err := c.call(ctx, "GetKeyProviderKmip", map[string]any{"keyProviderID": j.provider})
		if err != nil {
			fail("lost", "key provider %d: %v", j.provider, err)
		} else if j.assigned {
			ids, _ := obj(pr, "kmipKeyProvider")["keyServerIDs"].([]any)
			if len(ids) != 1 {
				fail("lost", "key server %d no longer assigned to provider %d: %v", j.server, j.provider, ids)
			}
		}
	}
	if j.server != 0 {
		if _, err := c.call(ctx, "GetKeyServerKmip", map[string]any{"keyServerID": j.server}); err != nil {
			fail("lost", "key server %d: %v", j.server, err)
		}
	}
	byHandle := map[int64]map[string]any{}
	for _, jb := range jobs {
		byHandle[num(jb, "asyncResultID")] = jb
	}
	for _, h := range j.rekeys {
		if _, ok := byHandle[h]; !ok {
			fail("lost", "acknowledged rekey job %d is gone", h)
		}
	}
	// No failure caused by the crash.
	for _, jb := range jobs {
		if ok, _ := jb["success"].(bool); !ok {
			fail("job failed", "rekey job %d: %v", num(jb, "asyncResultID"), jb["data"])
		}
	}
	state := str(ear, "state")
	switch {
	case j.earSent != "":
		if state != "enabled" && state != "disabled" {
			fail("ear", "EAR %s after an unacknowledged request for %s", state, j.earSent)
		}
		if j.earSent == "enabled" && state == "disabled" && j.earWant == "enabled" {
			fail("ear", "EAR disabled, but enabled was acknowledged")
		}
	case j.earWant != "" && state != j.earWant:
		fail("ear", "EAR %s, but %s was acknowledged", state, j.earWant)
	}
	faults, err := c.call(ctx, "ListClusterFaults", map[string]any{"faultTypes": "current"})
	if err != nil {
		fail("fault", "ListClusterFaults: %v", err)
	}
	for _, f := range list(faults, "faults") {
		fail("fault", "open cluster fault %s: %s", str(f, "code"), str(f, "details"))
	}
	// No orphan on the key server.
	used := map[string]bool{}
	if sear, err := c.call(ctx, "GetSoftwareEncryptionAtRestInfo", nil); err == nil {
		if mk := obj(sear, "masterKeyInfo"); str(mk, "keyManagementType") == "external" {
			used[str(mk, "keyID")] = true
		}
	} else {
		fail("lost", "GetSoftwareEncryptionAtRestInfo: %v", err)
	}
	if state == "enabled" {
		used[str(obj(ear, "authenticationKeyInfo"), "keyID")] = true
	}
	var objs struct {
		Objects []struct {
			UID    string   `json:"uid"`
			State  string   `json:"state"`
			KeyIDs []string `json:"keyIDs"`
		} `json:"objects"`
	}
	if err := c.control(ctx, http.MethodGet, "kmip/objects", nil, &objs); err != nil {
		fail("orphan", "kmip/objects: %v", err)
	}
	copies := map[string]int{}
	for _, o := range objs.Objects {
		if o.State != "Active" && o.State != "PreActive" {
			continue
		}
		ref := false
		for _, id := range o.KeyIDs {
			if used[id] {
				ref = true
				if copies[id]++; copies[id] == 2 {
					fail("orphan", "two usable keys on the embedded key server carry keyID %s, which the cluster uses once", id)
				}
			}
		}
		if !ref {
			fail("orphan", "%s key %s (keyID %v) on the embedded key server is used by nothing", o.State, o.UID, o.KeyIDs)
		}
	}
	return fails
}

// integrityCheck runs PRAGMA integrity_check on a stopped emulator's file.
func integrityCheck(path string) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return errors.New(res)
	}
	return nil
}
