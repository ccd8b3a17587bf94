package main

import (
	"context"
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
)

const loadUsage = `usage: element-bench load [-clients 64] [-duration 60s] [-rekey-duration 2s] [-seed 1] [-bin PATH]

Starts a real emulator (real clock, embedded key server), runs the EKM setup,
then drives it with concurrent clients for the duration:
  read      GetClusterInfo, ListDrives, ListKeyServersKmip, ListKeyProvidersKmip,
            GetSoftwareEncryptionAtRestInfo, ListClusterFaults, ListEvents
  mutation  writes that contact no key server: Create/Modify/DeleteKeyServerKmip,
            Create/DeleteKeyProviderKmip, RemoveKeyServerFromProviderKmip
  probe     writes and tests that contact the key server: TestKeyServerKmip,
            TestKeyProviderKmip, AddKeyServerToProviderKmip
  rekey     one client rekeys the master key to the external provider and back,
            waiting for each job (its GetAsyncResult polls count as reads)
It prints latency percentiles per class and every unexpected error, then
checks consistency (each client's acknowledged creates and deletes against
the lists, every rekey successful, no "database is locked" in the log) and
the SQLite file's integrity after a clean shutdown.
`

type loadOptions struct {
	clients  int
	duration time.Duration
	rekey    time.Duration
	seed     uint64
	bin      string
	quiet    bool
}

func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("element-bench load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, loadUsage) }
	var o loadOptions
	fs.IntVar(&o.clients, "clients", 64, "concurrent clients")
	fs.DurationVar(&o.duration, "duration", 60*time.Second, "how long the load runs")
	fs.DurationVar(&o.rekey, "rekey-duration", 2*time.Second, "the emulator's --rekey-duration")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of each client's choice of operations")
	fs.StringVar(&o.bin, "bin", "", "emulator binary (default: go build ./cmd/element-emulator)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.clients < 2 {
		return errors.New("-clients must be at least 2 (one of them rekeys)")
	}
	res, err := load(ctx, o)
	if err != nil {
		return err
	}
	res.print(stdout)
	if n := len(res.problems); n > 0 {
		return fmt.Errorf("%d problem(s)", n)
	}
	return nil
}

// loadResult is what a load run measured and found.
type loadResult struct {
	opts     loadOptions
	took     time.Duration
	lat      map[string][]time.Duration
	errs     map[string]int // unexpected errors by "class method: name"
	problems []string       // consistency and integrity failures
	rekeys   int
}

func (r *loadResult) print(w io.Writer) {
	total := 0
	for _, l := range r.lat {
		total += len(l)
	}
	fmt.Fprintf(w, "load: %d clients for %s (real clock, --rekey-duration %s): %d calls, %.0f calls/s, %d rekeys\n",
		r.opts.clients, r.took.Round(time.Millisecond), r.opts.rekey, total, float64(total)/r.took.Seconds(), r.rekeys)
	fmt.Fprintf(w, "%-9s %8s %9s %9s %9s %9s\n", "class", "calls", "p50", "p90", "p99", "max")
	for _, c := range []string{"read", "mutation", "probe", "rekey"} {
		l := r.lat[c]
		fmt.Fprintf(w, "%-9s %8d %9s %9s %9s %9s\n", c, len(l), pctMicro(l, 50), pctMicro(l, 90), pctMicro(l, 99), pctMicro(l, 100))
	}
	unexpected := 0
	var keys []string
	for k, n := range r.errs {
		unexpected += n
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "unexpected errors: %d\n", unexpected)
	for _, k := range keys {
		fmt.Fprintf(w, "  %6d  %s\n", r.errs[k], k)
	}
	fmt.Fprintf(w, "consistency and integrity problems: %d\n", len(r.problems))
	for _, p := range r.problems {
		fmt.Fprintf(w, "  %s\n", p)
	}
}

func pctMicro(ds []time.Duration, p int) string {
	if len(ds) == 0 {
		return "-"
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	d := s[(len(s)-1)*p/100]
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%.2fs", d.Seconds())
}

// recorder collects latencies and unexpected errors from every client.
type recorder struct {
	mu   sync.Mutex
	lat  map[string][]time.Duration
	errs map[string]int
}

func (r *recorder) call(ctx context.Context, c *client, class, method string, params any) (map[string]any, error) {
	began := time.Now()
	res, err := c.call(ctx, method, params)
	d := time.Since(began)
	if ctx.Err() != nil && err != nil {
		return nil, err // the run ended mid-call: neither a sample nor an error
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lat[class] = append(r.lat[class], d)
	if err != nil {
		name := err.Error()
		var re *rpcError
		if errors.As(err, &re) {
			name = re.Name + " " + re.Message
		}
		if len(name) > 160 {
			name = name[:160] + "…"
		}
		r.errs[class+" "+method+": "+name]++
	}
	return res, err
}

// loadSetup is what every client shares: the signed client certificate and
// the embedded key server's port, provider 1 with server 1.
type loadSetup struct {
	caPEM, certPEM, port string
	provider, server     int64
}

func load(ctx context.Context, o loadOptions) (*loadResult, error) {
	work, err := os.MkdirTemp("", "element-load-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	bin, err := buildEmulator(ctx, o.bin, work)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(work, "data")
	p, err := newProc(bin, dir, "--clock", "real", "--rekey-duration", o.rekey.String())
	if err != nil {
		return nil, err
	}
	if _, err := p.start(ctx); err != nil {
		return nil, err
	}
	defer p.kill()
	res, err := drive(ctx, o, "http://"+p.httpAddr, p.kmip)
	if err != nil {
		return nil, err
	}
	if err := p.stop(); err != nil {
		res.problems = append(res.problems, "shutdown: "+err.Error())
	}
	if err := integrityCheck(filepath.Join(dir, "emu.db")); err != nil {
		res.problems = append(res.problems, "integrity: "+err.Error())
	}
	if log := p.stderr.String(); strings.Contains(log, "database is locked") || strings.Contains(log, "SQLITE_BUSY") {
		res.problems = append(res.problems, "the emulator's log reports SQLITE_BUSY (database is locked)")
	}
	return res, nil
}

// drive runs the load against the emulator at base (plain HTTP) whose
// embedded key server listens on kmipAddr, and checks its consistency.
func drive(ctx context.Context, o loadOptions, base, kmipAddr string) (*loadResult, error) {
	admin := newClient(base)
	setup, err := loadEKMSetup(ctx, admin, kmipAddr)
	if err != nil {
		return nil, fmt.Errorf("EKM setup: %w", err)
	}
	rec := &recorder{lat: map[string][]time.Duration{}, errs: map[string]int{}}
	res := &loadResult{opts: o, lat: rec.lat, errs: rec.errs}
	runCtx, stop := context.WithTimeout(ctx, o.duration)
	defer stop()
	states := make([]*loadClient, o.clients-1)
	var wg sync.WaitGroup
	began := time.Now()
	var rekeyErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		res.rekeys, rekeyErr = loadRekeys(runCtx, ctx, newClient(base), rec, setup)
	}()
	for i := range states {
		states[i] = &loadClient{id: i, c: newClient(base), rec: rec, setup: setup,
			rng: rand.New(rand.NewPCG(o.seed, uint64(i))), servers: map[int64]bool{}, providers: map[int64]bool{}}
		wg.Add(1)
		go func() {
			defer wg.Done()
			states[i].run(runCtx, ctx)
		}()
	}
	wg.Wait()
	res.took = time.Since(began)
	if rekeyErr != nil {
		res.problems = append(res.problems, "rekey: "+rekeyErr.Error())
	}
	res.problems = append(res.problems, loadCheck(ctx, admin, setup, states)...)
	return res, nil
}

func loadEKMSetup(ctx context.Context, c *client, kmipAddr string) (loadSetup, error) {
	var s loadSetup
	if _, err := c.call(ctx, "CreatePublicPrivateKeyPair", map[string]any{"commonName": "emu-cluster"}); err != nil {
		return s, err
	}
	csr, err := c.call(ctx, "GetClientCertificateSignRequest", nil)
	if err != nil {
		return s, err
	}
	var signed struct {
		Certificate   string `json:"certificate"`
		CACertificate string `json:"caCertificate"`
	}
	if err := c.control(ctx, http.MethodPost, "kmip/sign", map[string]any{"csr": str(csr, "clientCertificateSignRequest")}, &signed); err != nil {
		return s, err
	}
	_, s.port, _ = net.SplitHostPort(kmipAddr)
	s.caPEM, s.certPEM = signed.CACertificate, signed.Certificate
	pr, err := c.call(ctx, "CreateKeyProviderKmip", map[string]any{"keyProviderName": "load"})
	if err != nil {
		return s, err
	}
	s.provider = num(obj(pr, "kmipKeyProvider"), "keyProviderID")
	sr, err := c.call(ctx, "CreateKeyServerKmip", s.serverParams("embedded"))
	if err != nil {
		return s, err
	}
	s.server = num(obj(sr, "kmipKeyServer"), "keyServerID")
	_, err = c.call(ctx, "AddKeyServerToProviderKmip", map[string]any{"keyProviderID": s.provider, "keyServerID": s.server})
	return s, err
}

func (s loadSetup) serverParams(name string) map[string]any {
	return map[string]any{"kmipCaCertificate": s.caPEM, "kmipClientCertificate": s.certPEM,
		"kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": name, "kmipKeyServerPort": s.port}
}

// loadRekeys rekeys the master key to the external provider and back until
// ctx ends, waiting for each job; it returns how many completed.
func loadRekeys(run, ctx context.Context, c *client, rec *recorder, s loadSetup) (int, error) {
	done := 0
	for i := 0; run.Err() == nil; i++ {
		params := map[string]any{"keyManagementType": "internal"}
		if i%2 == 0 {
			params = map[string]any{"keyManagementType": "external", "keyProviderID": s.provider}
		}
		r, err := rec.call(ctx, c, "rekey", "RekeySoftwareEncryptionAtRestMasterKey", params)
		if err != nil {
			continue // recorded as unexpected
		}
		h := num(r, "asyncHandle")
		for run.Err() == nil {
			res, err := rec.call(ctx, c, "read", "GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
			if err == nil && str(res, "status") == "complete" {
				if res["error"] != nil {
					return done, fmt.Errorf("rekey job %d failed: %v", h, res["error"])
				}
				done++
				break
			}
			_ = pause(run, 50*time.Millisecond)
		}
	}
	return done, nil
}

// loadClient is one client's state: the servers and providers it created
// and has not deleted (acknowledged), so the end state can be checked.
type loadClient struct {
	id        int
	c         *client
	rec       *recorder
	setup     loadSetup
	rng       *rand.Rand
	servers   map[int64]bool // created by this client, still there
	providers map[int64]bool
	assigned  map[int64]int64 // server → provider, assigned by this client
	n         int
}

var loadReads = []struct {
	method string
	params map[string]any
}{
	{"GetClusterInfo", nil},
	{"ListDrives", nil},
	{"ListKeyServersKmip", nil},
	{"ListKeyProvidersKmip", nil},
	{"GetSoftwareEncryptionAtRestInfo", nil},
	{"ListClusterFaults", map[string]any{"faultTypes": "current"}},
	{"ListEvents", map[string]any{"maxEvents": 20}},
}

// run issues operations until run ends; each call runs to its answer under
// ctx, so every write the emulator acknowledged is recorded.
func (l *loadClient) run(run, ctx context.Context) {
	l.assigned = map[int64]int64{}
	for run.Err() == nil {
		switch x := l.rng.IntN(100); {
		case x < 55:
			r := loadReads[l.rng.IntN(len(loadReads))]
			_, _ = l.rec.call(ctx, l.c, "read", r.method, r.params)
		case x < 85:
			l.mutate(ctx)
		default:
			l.probe(ctx)
		}
	}
}

func (l *loadClient) name(kind string) string {
	l.n++
	return fmt.Sprintf("c%d-%s-%d", l.id, kind, l.n)
}

func pick(rng *rand.Rand, m map[int64]bool) (int64, bool) {
	if len(m) == 0 {
		return 0, false
	}
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids[rng.IntN(len(ids))], true
}

// mutate creates, modifies or deletes one of its own servers or providers,
// or unassigns one of its servers: writes that contact no key server.
func (l *loadClient) mutate(ctx context.Context) {
	// Each client keeps at most maxOwn servers and providers, so the state
	// stays the size of a real cluster's while it churns.
	const maxOwn = 2
	x := l.rng.IntN(10)
	switch {
	case x < 3 && len(l.servers) >= maxOwn:
		x = 3 // delete one instead
	case x >= 6 && x < 8 && len(l.providers) >= maxOwn:
		x = 8
	}
	switch {
	case x < 3 || len(l.servers) == 0:
		r, err := l.rec.call(ctx, l.c, "mutation", "CreateKeyServerKmip", l.setup.serverParams(l.name("server")))
		if err == nil {
			l.servers[num(obj(r, "kmipKeyServer"), "keyServerID")] = true
		}
	case x < 5:
		id, _ := pick(l.rng, l.servers)
		if _, err := l.rec.call(ctx, l.c, "mutation", "DeleteKeyServerKmip", map[string]any{"keyServerID": id}); err == nil {
			delete(l.servers, id)
			delete(l.assigned, id)
		}
	case x < 6:
		id, _ := pick(l.rng, l.servers)
		_, _ = l.rec.call(ctx, l.c, "mutation", "ModifyKeyServerKmip", map[string]any{"keyServerID": id, "kmipKeyServerName": l.name("renamed")})
	case (x >= 6 && x < 8) || len(l.providers) == 0:
		r, err := l.rec.call(ctx, l.c, "mutation", "CreateKeyProviderKmip", map[string]any{"keyProviderName": l.name("provider")})
		if err == nil {
			l.providers[num(obj(r, "kmipKeyProvider"), "keyProviderID")] = true
		}
	case x < 9:
		id, _ := pick(l.rng, l.providers)
		if _, err := l.rec.call(ctx, l.c, "mutation", "DeleteKeyProviderKmip", map[string]any{"keyProviderID": id}); err == nil {
			delete(l.providers, id)
			for s, p := range l.assigned {
				if p == id {
					delete(l.assigned, s) // deleting a provider unassigns its server
				}
			}
		}
	default:
		for s := range l.assigned {
			if _, err := l.rec.call(ctx, l.c, "mutation", "RemoveKeyServerFromProviderKmip", map[string]any{"keyServerID": s}); err == nil {
				delete(l.assigned, s)
			}
			break
		}
	}
}

// probe tests the shared server or provider, or assigns one of its own
// servers to one of its own empty providers: calls that contact the key server.
func (l *loadClient) probe(ctx context.Context) {
	switch x := l.rng.IntN(3); x {
	case 0:
		_, _ = l.rec.call(ctx, l.c, "probe", "TestKeyServerKmip", map[string]any{"keyServerID": l.setup.server})
	case 1:
		_, _ = l.rec.call(ctx, l.c, "probe", "TestKeyProviderKmip", map[string]any{"keyProviderID": l.setup.provider})
	default:
		used := map[int64]bool{}
		for _, p := range l.assigned {
			used[p] = true
		}
		for s := range l.servers {
			if _, ok := l.assigned[s]; ok {
				continue
			}
			for p := range l.providers {
				if used[p] {
					continue
				}
				if _, err := l.rec.call(ctx, l.c, "probe", "AddKeyServerToProviderKmip", map[string]any{"keyProviderID": p, "keyServerID": s}); err == nil {
					l.assigned[s] = p
				}
				return
			}
			return
		}
		_, _ = l.rec.call(ctx, l.c, "probe", "TestKeyServerKmip", map[string]any{"keyServerID": l.setup.server})
	}
}

// loadCheck compares every client's acknowledged state with the lists.
func loadCheck(ctx context.Context, c *client, s loadSetup, states []*loadClient) []string {
	var problems []string
	sr, err := c.call(ctx, "ListKeyServersKmip", nil)
	if err != nil {
		return []string{"ListKeyServersKmip: " + err.Error()}
	}
	pr, err := c.call(ctx, "ListKeyProvidersKmip", nil)
	if err != nil {
		return []string{"ListKeyProvidersKmip: " + err.Error()}
	}
	servers := map[int64]int64{} // server → provider
	for _, ks := range list(sr, "kmipKeyServers") {
		servers[num(ks, "keyServerID")] = num(ks, "keyProviderID")
	}
	providers := map[int64]bool{}
	for _, kp := range list(pr, "kmipKeyProviders") {
		providers[num(kp, "keyProviderID")] = true
	}
	wantServers, wantProviders := 1, 1
	for _, l := range states {
		for id := range l.servers {
			wantServers++
			prov, ok := servers[id]
			if !ok {
				problems = append(problems, fmt.Sprintf("client %d: acknowledged key server %d is gone", l.id, id))
			} else if want := l.assigned[id]; prov != want {
				problems = append(problems, fmt.Sprintf("client %d: key server %d is in provider %d, want %d", l.id, id, prov, want))
			}
		}
		for id := range l.providers {
			wantProviders++
			if !providers[id] {
				problems = append(problems, fmt.Sprintf("client %d: acknowledged key provider %d is gone", l.id, id))
			}
		}
	}
	if servers[s.server] != s.provider {
		problems = append(problems, "the shared key server left its provider")
	}
	if len(servers) != wantServers {
		problems = append(problems, fmt.Sprintf("%d key servers listed, %d acknowledged and not deleted", len(servers), wantServers))
	}
	if len(providers) != wantProviders {
		problems = append(problems, fmt.Sprintf("%d key providers listed, %d acknowledged and not deleted", len(providers), wantProviders))
	}
	ar, err := c.call(ctx, "ListAsyncResults", map[string]any{"asyncResultTypes": []string{"RekeySoftwareEncryptionAtRestMasterKey"}})
	if err != nil {
		return append(problems, "ListAsyncResults: "+err.Error())
	}
	for _, j := range list(ar, "asyncHandles") {
		if done, _ := j["completed"].(bool); done {
			if ok, _ := j["success"].(bool); !ok {
				problems = append(problems, fmt.Sprintf("rekey job %d failed: %v", num(j, "asyncResultID"), j["data"]))
			}
		}
	}
	return problems
}
