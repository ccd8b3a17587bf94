package replay

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Target is where a scenario runs: an emulator or a real Element cluster.
type Target struct {
	// URL is the base URL ("https://10.0.0.1", "http://127.0.0.1:8080").
	URL, User, Password string
	// Client nil → a default client with TLS verification off (clusters and
	// the emulator serve self-signed certificates).
	Client *http.Client
	// Version is the JSON-RPC version to call ("" = the scenario's
	// apiVersion, else the target's current version from GetAPI).
	Version string
}

// Options tune a run.
type Options struct {
	// Out receives the report; nil = discard. Without Verbose it is written
	// only when the scenario fails: the steps up to the failed one and the
	// diff. With Verbose a header and one line per step come as they run.
	// The steps of start.fixture are one line unless one of them fails.
	Out io.Writer
	// Verbose reports every step, passing scenarios included.
	Verbose bool
	// Transcript, when set, receives the normalised request/response transcript.
	Transcript io.Writer
	// Vars are predefined variables (kmipHost, kmipPort, ...); the scenario's
	// vars override them.
	Vars map[string]any
}

// Result is the outcome of one scenario.
type Result struct {
	Passed bool
	// Steps is the number of steps run (including the failed one), and
	// FixtureSteps how many of them came from start.fixture.
	Steps        int
	FixtureSteps int
	Failures     []string
}

// Run runs a scenario against a target. Step failures are reported in the
// Result; the error is only for infrastructure problems (the target cannot
// be reached, a body cannot be read).
func Run(ctx context.Context, sc *Scenario, t Target, opt Options) (*Result, error) {
	r := &runner{sc: sc, t: t, out: opt.Out, tr: opt.Transcript, vars: map[string]any{
		builtinKMIPHost: defaultKMIPHost, builtinKMIPPort: json.Number(strconv.Itoa(defaultKMIPPort)),
	}}
	if r.out == nil {
		r.out = io.Discard
	}
	for k, v := range opt.Vars {
		r.vars[k] = toJSON(v)
	}
	for k, v := range sc.Vars {
		r.vars[k] = v
	}
	r.base = strings.TrimRight(t.URL, "/")
	r.client = t.Client
	if r.client == nil {
		r.client = &http.Client{Timeout: 5 * time.Minute,
			Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	}
	if p, ok := r.vars[builtinKMIPPort]; ok {
		r.portRe = regexp.MustCompile(`(^|[^0-9])` + regexp.QuoteMeta(text(p)) + `([^0-9]|$)`)
	}
	res := &Result{}
	// Without Verbose the report is held back and written only if the
	// scenario fails.
	var held bytes.Buffer
	out := io.Writer(&held)
	if opt.Verbose {
		out = r.out
	}
	failed := func() {
		if !opt.Verbose {
			_, _ = r.out.Write(held.Bytes())
		}
	}
	fmt.Fprintf(out, "=== %s (%s)\n", sc.Name, sc.File)
	if r.tr != nil {
		fmt.Fprintf(r.tr, "=== scenario %s\n", sc.Name)
	}
	if err := r.preflight(ctx); err != nil {
		var f stepFailure
		if errors.As(err, &f) {
			res.Failures = append(res.Failures, f.msg)
			fmt.Fprintf(out, "FAIL before any step: %s\n", f.msg)
			failed()
			return res, nil
		}
		res.Failures = append(res.Failures, err.Error())
		failed()
		return res, err
	}
	// The fixture's steps are the same in every scenario that uses it: they
	// are summed up in one line unless one of them fails.
	var fixture struct {
		lines []string
		file  string
		took  time.Duration
	}
	endFixture := func(expand bool) {
		if len(fixture.lines) == 0 {
			return
		}
		if expand {
			for _, l := range fixture.lines {
				fmt.Fprintln(out, l)
			}
		} else {
			fmt.Fprintf(out, "fixture %s (%d steps) pass %s\n", fixture.file, len(fixture.lines), fmtDur(fixture.took))
		}
		fixture.lines, fixture.took = nil, 0
	}
	for _, st := range sc.Steps {
		res.Steps++
		if st.Fixture {
			res.FixtureSteps++
		} else {
			endFixture(false)
		}
		r.step = st
		label := r.label(st)
		if r.tr != nil {
			fmt.Fprintf(r.tr, "--- %s %s\n", stepName(st), label)
		}
		began := time.Now()
		err := r.run(ctx, st)
		took := time.Since(began).Round(time.Millisecond)
		if st.Fixture {
			fixture.took += took
			if fixture.file == "" || len(fixture.lines) == 0 {
				fixture.file = st.File
			}
		}
		var f stepFailure
		switch {
		case err == nil:
			line := fmt.Sprintf("%s %s pass %s", stepName(st), label, fmtDur(took))
			if st.Fixture {
				fixture.lines = append(fixture.lines, line)
			} else {
				fmt.Fprintln(out, line)
			}
		case errors.As(err, &f):
			endFixture(true)
			fmt.Fprintf(out, "%s %s FAIL %s\n", stepName(st), label, fmtDur(took))
			msg := fmt.Sprintf("%s:%d: %s %s: %s", st.File, st.Line, stepName(st), label, f.msg)
			fmt.Fprintln(out, indent(f.msg))
			res.Failures = append(res.Failures, msg)
			failed()
			return res, nil
		default:
			endFixture(true)
			fmt.Fprintf(out, "%s %s ERROR %s\n", stepName(st), label, fmtDur(took))
			res.Failures = append(res.Failures, fmt.Sprintf("%s %s: %v", stepName(st), label, err))
			failed()
			return res, fmt.Errorf("%s: %s %s: %w", sc.File, stepName(st), label, err)
		}
	}
	endFixture(false)
	res.Passed = true
	return res, nil
}

// label names a step in the report: its kind and value with the variables
// known so far expanded ("wait 3", not "wait ${H2}"), then the name the
// scenario gave it, quoted.
func (r *runner) label(st *Step) string {
	s := *st
	if v, err := subst(st.Value, r.vars); err == nil {
		s.Value = v
	}
	l := s.Label()
	if st.Name != "" {
		l += " " + strconv.Quote(st.Name)
	}
	return l
}

func fmtDur(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return d.String()
}

func stepName(st *Step) string {
	n := "step " + strconv.Itoa(st.Index)
	if st.Fixture {
		n = "fixture " + n
	}
	return n
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}

// stepFailure is an expectation that did not hold (not an infrastructure error).
type stepFailure struct{ msg string }

func (f stepFailure) Error() string { return f.msg }

func failf(format string, a ...any) error { return stepFailure{fmt.Sprintf(format, a...)} }

type runner struct {
	sc      *Scenario
	t       Target
	base    string
	version string
	client  *http.Client
	out, tr io.Writer
	vars    map[string]any
	step    *Step
	portRe  *regexp.Regexp
	nextID  int
	kacls   map[string]string // KACLS instance URLs by name (kacls.go)
	alikms  string            // the Alibaba KMS endpoint (alikms.go)
	tckms   string            // the Tencent KMS host:port (tckms.go)
	// tckmsScheme is http or https, from GET /_emulator/tckms.
	tckmsScheme string
}

// preflight finds the API version and checks every method the scenario
// calls against the target's GetAPI (read-only; nothing is changed).
func (r *runner) preflight(ctx context.Context) error {
	r.version = r.t.Version
	if r.version == "" {
		r.version = r.sc.APIVersion
	}
	probe := r.version
	if probe == "" {
		probe = "1.0"
	}
	env, status, err := r.rpc(ctx, probe, map[string]any{"method": "GetAPI", "id": 0}, false)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return fmt.Errorf("GetAPI at %s/json-rpc/%s: HTTP %d", r.base, probe, status)
	}
	res, _ := env["result"].(map[string]any)
	if res == nil {
		return fmt.Errorf("GetAPI: no result: %s", show(env))
	}
	if r.version == "" {
		r.version, _ = res["currentVersion"].(string)
		if r.version == "" {
			return errors.New("GetAPI: no currentVersion")
		}
		if _, listed := res[r.version]; !listed && probe != r.version {
			if env, _, err = r.rpc(ctx, r.version, map[string]any{"method": "GetAPI", "id": 0}, false); err != nil {
				return err
			}
			res, _ = env["result"].(map[string]any)
		}
	}
	served := map[string]bool{}
	list, _ := res[r.version].([]any)
	for _, m := range list {
		served[strings.ToLower(fmt.Sprint(m))] = true
	}
	if len(served) == 0 {
		return nil // nothing to check against
	}
	for _, st := range r.sc.Steps {
		for _, m := range st.methodsOf() {
			if m == "ListDriveHardware" && st.Kind == KindExpectDrives {
				if h, _ := st.Value.(map[string]any)["hardware"].(bool); !h {
					continue
				}
			}
			if m == "ListDrives" && st.Kind == KindExpectDrives {
				if h, _ := st.Value.(map[string]any)["hardware"].(bool); h {
					continue
				}
			}
			if !served[strings.ToLower(m)] {
				return failf("%s:%d: step %d: unknown method %q: the target does not serve it at version %s (GetAPI)",
					st.File, st.Line, st.Index, m, r.version)
			}
		}
	}
	return nil
}

// rpc posts one JSON-RPC envelope (a map or raw bytes) and decodes the answer.
func (r *runner) rpc(ctx context.Context, version string, env any, record bool) (map[string]any, int, error) {
	var body []byte
	switch x := env.(type) {
	case []byte:
		body = x
	default:
		var err error
		if body, err = json.Marshal(env); err != nil {
			return nil, 0, err
		}
	}
	status, raw, _, err := r.do(ctx, http.MethodPost, "/json-rpc/"+version, body, record)
	if err != nil {
		return nil, 0, err
	}
	if status != http.StatusOK {
		return nil, status, failf("HTTP %d from /json-rpc/%s: %s", status, version, strings.TrimSpace(string(raw)))
	}
	var out map[string]any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&out); err != nil {
		return nil, status, failf("the answer is not a JSON object: %v: %s", err, raw)
	}
	return out, status, nil
}

// do sends one HTTP request to the target and records it in the transcript.
func (r *runner) do(ctx context.Context, method, path string, body []byte, record bool) (int, []byte, string, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, r.base+path, rd)
	if err != nil {
		return 0, nil, "", err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.SetBasicAuth(r.t.User, r.t.Password)
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, nil, "", err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return 0, nil, "", err
	}
	if record && r.tr != nil {
		fmt.Fprintf(r.tr, "> %s %s\n%s\n< %d\n%s\n", method, path, r.normalise(body), resp.StatusCode, r.normalise(raw))
	}
	return resp.StatusCode, raw, resp.Header.Get("Content-Type"), nil
}

var pemRe = regexp.MustCompile(`-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END [A-Z0-9 ]+-----\n?`)

// normalise makes a body stable across runs: JSON re-encoded with sorted
// keys, PEM blocks (fresh RSA keys, CSRs and certificates) replaced by
// placeholders, the KMIP port (a free port) by ${kmipPort}.
func (r *runner) normalise(b []byte) string {
	if len(bytes.TrimSpace(b)) == 0 {
		return "(empty)"
	}
	var v any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	s := string(b)
	if d.Decode(&v) == nil {
		v = r.normaliseValue(v)
		var out bytes.Buffer
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		if enc.Encode(v) == nil {
			s = out.String()
		}
	} else {
		s = pemRe.ReplaceAllString(s, "<PEM $1>")
	}
	return strings.TrimRight(s, "\n")
}

func (r *runner) normaliseValue(v any) any {
	switch x := v.(type) {
	case string:
		x = pemRe.ReplaceAllString(x, "<PEM $1>")
		if r.portRe != nil {
			x = r.portRe.ReplaceAllString(x, "${1}<kmipPort>${2}")
		}
		return x
	case json.Number:
		if r.portRe != nil && r.portRe.MatchString(x.String()) {
			return "<kmipPort>"
		}
		return x
	case map[string]any:
		for k, e := range x {
			x[k] = r.normaliseValue(e)
		}
	case []any:
		for i, e := range x {
			x[i] = r.normaliseValue(e)
		}
	}
	return v
}

func (r *runner) sub(v any) (any, error) {
	out, err := subst(v, r.vars)
	if err != nil {
		return nil, failf("%v", err)
	}
	return out, nil
}

// call invokes an Element method and returns the envelope.
func (r *runner) call(ctx context.Context, method string, params any) (map[string]any, error) {
	r.nextID++
	env := map[string]any{"method": method, "id": r.nextID}
	if params != nil {
		env["params"] = params
	}
	out, _, err := r.rpc(ctx, r.version, env, true)
	return out, err
}

// ok calls a method and requires a result.
func (r *runner) ok(ctx context.Context, method string, params any) (map[string]any, error) {
	env, err := r.call(ctx, method, params)
	if err != nil {
		return nil, err
	}
	if e, ok := env["error"].(map[string]any); ok {
		return nil, failf("%s: unexpected error %v: %v", method, e["name"], e["message"])
	}
	res, ok := env["result"].(map[string]any)
	if !ok {
		return nil, failf("%s: no result in %s", method, show(env))
	}
	return res, nil
}

func (r *runner) expect(exp, act any) error {
	if exp == nil {
		return nil
	}
	exp, err := r.sub(exp)
	if err != nil {
		return err
	}
	if diff := match("", exp, act, true); len(diff) > 0 {
		return failf("%s\nexpected (subset):\n%s\nactual:\n%s", strings.Join(diff, "\n"), pretty(exp), pretty(act))
	}
	return nil
}

func (r *runner) capture(st *Step, v any) error {
	for _, name := range sortedKeys(st.Capture) {
		got, err := lookup(v, st.Capture[name])
		if err != nil {
			return failf("capture %s: %v in %s", name, err, show(v))
		}
		r.vars[name] = got
	}
	return nil
}

func (r *runner) run(ctx context.Context, st *Step) error {
	switch st.Kind {
	case KindCall:
		return r.runCall(ctx, st)
	case KindRequest:
		return r.runRequest(ctx, st)
	case KindWait:
		return r.runWait(ctx, st)
	case KindAdvance:
		v, err := r.sub(st.Value)
		if err != nil {
			return err
		}
		return r.advance(ctx, v)
	case KindControl:
		return r.runControl(ctx, st)
	case KindSign:
		return r.runSign(ctx, st)
	case KindExpectFaults:
		return r.runFaults(ctx, st)
	case KindExpectDrives:
		return r.runDrives(ctx, st)
	case KindExpectEvents:
		return r.runEvents(ctx, st)
	case KindKACLS:
		return r.runKACLS(ctx, st)
	case KindAlikms:
		return r.runAlikms(ctx, st)
	case KindTCKMS:
		return r.runTCKMS(ctx, st)
	}
	return failf("unknown step kind %q", st.Kind)
}

func (r *runner) runCall(ctx context.Context, st *Step) error {
	params, err := r.sub(st.Fields["params"])
	if err != nil {
		return err
	}
	method := fmt.Sprint(st.Value)
	r.nextID++
	env := map[string]any{"method": method, "id": r.nextID}
	if id, ok := st.Fields["id"]; ok {
		env["id"] = id
	}
	if params != nil {
		env["params"] = params
	}
	out, _, err := r.rpc(ctx, r.version, env, true)
	if err != nil {
		return err
	}
	e, isErr := out["error"].(map[string]any)
	if want, ok := st.Fields["error"]; ok {
		if !isErr {
			return failf("expected error %v, got result %s", want, show(out["result"]))
		}
		if e["name"] != want {
			return failf("expected error %v, got %v: %v", want, e["name"], e["message"])
		}
		if m, ok := st.Fields["message"]; ok {
			if err := r.expect(m, e["message"]); err != nil {
				return failf("error message: %v", err)
			}
		}
		return r.capture(st, e)
	}
	if isErr {
		return failf("unexpected error %v: %v", e["name"], e["message"])
	}
	res, ok := out["result"]
	if !ok {
		return failf("no result in %s", show(out))
	}
	if err := r.expect(st.Fields["expect"], res); err != nil {
		return err
	}
	return r.capture(st, res)
}

func (r *runner) runRequest(ctx context.Context, st *Step) error {
	var body []byte
	switch x := st.Value.(type) {
	case string:
		s, err := r.sub(x)
		if err != nil {
			return err
		}
		body = []byte(s.(string))
	default:
		v, err := r.sub(x)
		if err != nil {
			return err
		}
		if body, err = json.Marshal(v); err != nil {
			return err
		}
	}
	out, _, err := r.rpc(ctx, r.version, body, true)
	if err != nil {
		return err
	}
	if err := r.expect(st.Fields["expect"], out); err != nil {
		return err
	}
	return r.capture(st, out)
}

// advance moves the emulator clock; against a target without the control
// surface (a real cluster) it waits in real time instead.
func (r *runner) advance(ctx context.Context, seconds any) error {
	f, ok := number(seconds)
	if !ok {
		return failf("advance: %v is not a number of seconds", seconds)
	}
	body, _ := json.Marshal(map[string]any{"seconds": seconds})
	status, raw, _, err := r.do(ctx, http.MethodPost, "/_emulator/clock/advance", body, true)
	if err != nil {
		return err
	}
	if status == http.StatusNotFound {
		t := time.NewTimer(time.Duration(f * float64(time.Second)))
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			return nil
		}
	}
	if status != http.StatusOK {
		return failf("clock advance: HTTP %d: %s", status, strings.TrimSpace(string(raw)))
	}
	return nil
}

func (r *runner) runWait(ctx context.Context, st *Step) error {
	h, err := r.sub(st.Value)
	if err != nil {
		return err
	}
	every, limit := float64(defaultWaitEvery), float64(defaultWaitLimit)
	if x, ok := number(st.Fields["every"]); ok {
		every = x
	}
	if x, ok := number(st.Fields["timeout"]); ok {
		limit = x
	}
	waited := 0.0
	for {
		res, err := r.ok(ctx, "GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
		if err != nil {
			return err
		}
		if res["status"] == "complete" {
			if err := r.expect(st.Fields["expect"], res); err != nil {
				return err
			}
			return r.capture(st, res)
		}
		if waited >= limit {
			return failf("async handle %v still %v after %gs: %s", h, res["status"], waited, show(res))
		}
		if err := r.advance(ctx, json.Number(strconv.FormatFloat(every, 'g', -1, 64))); err != nil {
			return err
		}
		waited += every
	}
}

// controlPath turns "faults/3", "/faults/3" or "/_emulator/faults/3" into
// "/_emulator/faults/3".
func controlPath(p string) string {
	p = strings.TrimPrefix(strings.TrimSpace(p), "/")
	p = strings.TrimPrefix(p, "_emulator/")
	return "/_emulator/" + p
}

func (r *runner) control(ctx context.Context, method, path string, body any) (int, any, error) {
	var b []byte
	if body != nil {
		var err error
		if b, err = json.Marshal(body); err != nil {
			return 0, nil, err
		}
	} else if method == http.MethodPost || method == http.MethodPut {
		b = []byte("{}")
	}
	status, raw, ct, err := r.do(ctx, method, controlPath(path), b, true)
	if err != nil {
		return 0, nil, err
	}
	var out any = map[string]any{"text": string(raw)}
	if strings.HasPrefix(ct, "application/json") {
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err == nil {
			out = v
		}
	}
	return status, out, nil
}

func (r *runner) runControl(ctx context.Context, st *Step) error {
	v, err := r.sub(st.Value)
	if err != nil {
		return err
	}
	method, path, _ := strings.Cut(strings.TrimSpace(v.(string)), " ")
	body, err := r.sub(st.Fields["body"])
	if err != nil {
		return err
	}
	status, out, err := r.control(ctx, strings.ToUpper(method), strings.TrimSpace(path), body)
	if err != nil {
		return err
	}
	return r.checkAnswer(st, status, out)
}

func (r *runner) runSign(ctx context.Context, st *Step) error {
	csr, err := r.sub(st.Value)
	if err != nil {
		return err
	}
	body := map[string]any{"csr": csr}
	if d, ok := st.Fields["days"]; ok {
		body["days"] = d
	}
	status, out, err := r.control(ctx, http.MethodPost, "kmip/sign", body)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return failf("signing failed: HTTP %d: %s", status, show(out))
	}
	m, _ := out.(map[string]any)
	for _, k := range []string{"certificate", "caCertificate"} {
		if !hasType("pem", m[k]) {
			return failf("sign: %s is not PEM: %s", k, show(out))
		}
	}
	if err := r.expect(st.Fields["expect"], out); err != nil {
		return err
	}
	return r.capture(st, out)
}

func (r *runner) runFaults(ctx context.Context, st *Step) error {
	spec, err := r.sub(st.Value)
	if err != nil {
		return err
	}
	m := spec.(map[string]any)
	var problems []string
	for _, kind := range sortedKeys(m) {
		res, err := r.ok(ctx, "ListClusterFaults", map[string]any{"faultTypes": kind})
		if err != nil {
			return err
		}
		faults, _ := res["faults"].([]any)
		got := countCodes(faults)
		want := map[string]int{}
		counts, _ := m[kind].(map[string]any)
		for code, n := range counts {
			f, ok := number(n)
			if !ok {
				return failf("expectFaults.%s.%s: %v is not a count", kind, code, n)
			}
			if f > 0 {
				want[code] = int(f)
			}
		}
		if sortedCounts(want) != sortedCounts(got) {
			problems = append(problems, fmt.Sprintf("%s faults: expected %s, got %s", kind, sortedCounts(want), sortedCounts(got)))
		}
	}
	if len(problems) > 0 {
		return failf("%s", strings.Join(problems, "\n"))
	}
	return nil
}

// drives lists drives (or drive hardware, flattened over nodes).
func (r *runner) drives(ctx context.Context, hardware bool) ([]any, error) {
	if !hardware {
		res, err := r.ok(ctx, "ListDrives", map[string]any{})
		if err != nil {
			return nil, err
		}
		ds, _ := res["drives"].([]any)
		return ds, nil
	}
	res, err := r.ok(ctx, "ListDriveHardware", map[string]any{"force": true})
	if err != nil {
		return nil, err
	}
	var out []any
	nodes, _ := res["nodes"].([]any)
	for _, n := range nodes {
		nm, _ := n.(map[string]any)
		nr, _ := nm["result"].(map[string]any)
		hw, _ := nr["driveHardware"].([]any)
		for _, h := range hw {
			if hm, ok := h.(map[string]any); ok {
				hm["nodeID"] = nm["nodeID"]
			}
			out = append(out, h)
		}
	}
	return out, nil
}

func (r *runner) runDrives(ctx context.Context, st *Step) error {
	spec, err := r.sub(st.Value)
	if err != nil {
		return err
	}
	m := spec.(map[string]any)
	hardware, _ := m["hardware"].(bool)
	all, err := r.drives(ctx, hardware)
	if err != nil {
		return err
	}
	var sel []any
	for _, d := range all {
		if w, ok := m["where"]; !ok || len(match("", w, d, true)) == 0 {
			sel = append(sel, d)
		}
	}
	if c, ok := m["count"]; ok {
		if diff := match("count", c, json.Number(strconv.Itoa(len(sel))), true); len(diff) > 0 {
			return failf("expected %v drives matching %s, got %d", c, show(m["where"]), len(sel))
		}
	}
	if each, ok := m["each"]; ok {
		var diff []string
		for _, d := range sel {
			dm, _ := d.(map[string]any)
			id := dm["driveID"]
			if id == nil {
				id = dm["serial"]
			}
			for _, line := range match("", each, d, true) {
				diff = append(diff, fmt.Sprintf("drive %v: %s", id, line))
			}
		}
		if len(diff) > 0 {
			if len(diff) > 20 {
				diff = append(diff[:20], fmt.Sprintf("… and %d more", len(diff)-20))
			}
			return failf("%s", strings.Join(diff, "\n"))
		}
	}
	return nil
}

func (r *runner) runEvents(ctx context.Context, st *Step) error {
	spec, err := r.sub(st.Value)
	if err != nil {
		return err
	}
	m := spec.(map[string]any)
	params, _ := m["params"].(map[string]any)
	if params == nil {
		params = map[string]any{}
	}
	res, err := r.ok(ctx, "ListEvents", params)
	if err != nil {
		return err
	}
	events, _ := res["events"].([]any)
	if c, ok := m["count"]; ok {
		if diff := match("count", c, json.Number(strconv.Itoa(len(events))), true); len(diff) > 0 {
			return failf("expected %v events, got %d", c, len(events))
		}
	}
	if c, ok := m["contains"]; ok {
		if diff := match("events", map[string]any{"$contains": c}, events, true); len(diff) > 0 {
			msgs := make([]string, 0, len(events))
			for _, e := range events {
				if em, ok := e.(map[string]any); ok {
					msgs = append(msgs, fmt.Sprint(em["message"]))
				}
			}
			sort.Strings(msgs)
			return failf("%s\nevent messages: %s", strings.Join(diff, "\n"), strings.Join(msgs, " | "))
		}
	}
	return nil
}
