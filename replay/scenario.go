// Package replay runs scenario files — documented Element procedures written
// as ordered steps with expectations — against an emulator or a real Element
// cluster, and records new ones through a proxy. It speaks only HTTP (the
// Element JSON-RPC API and the emulator's /_emulator/ controls), so it is also
// a real client of the emulator. docs/scenarios.md defines the format.
package replay

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Step kinds, in the order docs/scenarios.md describes them.
const (
	KindCall          = "call"
	KindRequest       = "request"
	KindWait          = "wait"
	KindAdvance       = "advance"
	KindControl       = "control"
	KindSign          = "sign"
	KindExpectFaults  = "expectFaults"
	KindExpectDrives  = "expectDrives"
	KindExpectEvents  = "expectEvents"
	KindKACLS         = "kacls"
	KindAlikms        = "alikms"
	KindTCKMS         = "tckms"
	maxFixtureDepth   = 8
	defaultWaitEvery  = 1
	defaultWaitLimit  = 3600
	defaultKMIPPort   = 5696
	defaultKMIPHost   = "127.0.0.1"
	builtinKMIPPort   = "kmipPort"
	builtinKMIPHost   = "kmipHost"
	defaultAPIVersion = ""
)

// StepKinds lists every step kind the parser knows.
func StepKinds() []string {
	return []string{KindCall, KindRequest, KindWait, KindAdvance, KindControl, KindSign,
		KindExpectFaults, KindExpectDrives, KindExpectEvents, KindKACLS, KindAlikms, KindTCKMS}
}

// stepFields lists the fields each kind accepts besides its own key.
var stepFields = map[string][]string{
	KindCall:         {"params", "expect", "error", "message", "capture", "id"},
	KindRequest:      {"expect", "capture"},
	KindWait:         {"every", "timeout", "expect", "capture"},
	KindAdvance:      {},
	KindControl:      {"body", "status", "expect", "capture"},
	KindSign:         {"days", "capture", "expect"},
	KindExpectFaults: {},
	KindExpectDrives: {},
	KindExpectEvents: {},
	KindKACLS:        {"body", "status", "expect", "capture"},
	KindAlikms:       {"params", "signature", "credential", "status", "expect", "capture"},
	KindTCKMS:        {"body", "wrap", "error", "expect", "capture", "secretId", "secretKey"},
}

// commonFields may appear on any step.
var commonFields = []string{"name", "note"}

// Start is the starting state a scenario asks for. It applies when replay
// starts a fresh in-process emulator; against --target it is informational.
type Start struct {
	// Clock is the clock mode ("virtual", the default, or "real").
	Clock string `yaml:"clock" json:"clock,omitempty"`
	// Seed makes generated identifiers reproducible (overridden by --seed).
	Seed *uint64 `yaml:"seed" json:"seed,omitempty"`
	// SoftwareEAR creates the cluster with software encryption at rest (default true).
	SoftwareEAR *bool `yaml:"softwareEAR" json:"softwareEAR,omitempty"`
	// Nodes and DrivesPerNode shape the cluster (0 = default 4 × 10).
	Nodes         int `yaml:"nodes" json:"nodes,omitempty"`
	DrivesPerNode int `yaml:"drivesPerNode" json:"drivesPerNode,omitempty"`
	// RekeyDuration is the whole SEAR rekey job in seconds (nil = default 6).
	RekeyDuration *float64 `yaml:"rekeyDuration" json:"rekeyDuration,omitempty"`
	// Fixture is a scenario file (relative to this one) whose steps run first.
	Fixture string `yaml:"fixture" json:"fixture,omitempty"`
	// KACLS names the KACLS instances to serve (each at /<name>/v1); an
	// empty list serves one at /v1 (docs/kacls.md).
	KACLS []string `yaml:"kacls" json:"kacls,omitempty"`
	// Alikms serves the Alibaba Cloud KMS (docs/alibaba-kms.md).
	Alikms bool `yaml:"alikms" json:"alikms,omitempty"`
	// TCKMS serves the Tencent Cloud KMS (docs/tencent-kms.md).
	TCKMS bool `yaml:"tckms" json:"tckms,omitempty"`
}

// Scenario is a parsed, validated scenario file.
type Scenario struct {
	Name, Description, File string
	Start                   Start
	// APIVersion is the JSON-RPC version to call ("" = the target's current version).
	APIVersion string
	// Vars are the declared variables (values in JSON form).
	Vars  map[string]any
	Steps []*Step
	// ExtraMethods are Element methods the scenario calls that the emulator
	// does not serve (allowed at load time; still checked against the target).
	ExtraMethods []string
}

// Step is one step of a scenario.
type Step struct {
	// Index is the 1-based step number within the scenario (fixture steps
	// are numbered within their own file).
	Index int
	Kind  string
	Name  string
	File  string
	Line  int
	// Fixture is true for steps that come from start.fixture.
	Fixture bool
	// Value is the kind's own value (method name, seconds, handle, ...).
	Value any
	// Fields are the other members (params, expect, capture, ...), JSON form.
	Fields map[string]any
	// Capture maps variable names to paths.
	Capture map[string]string
}

// Label is how progress lines name the step ("CreateKeyProviderKmip", "advance 5").
func (s *Step) Label() string {
	switch s.Kind {
	case KindCall:
		return fmt.Sprint(s.Value)
	case KindRequest:
		if m, ok := s.Value.(map[string]any); ok {
			return fmt.Sprintf("request %v", m["method"])
		}
		var env map[string]any
		if str, ok := s.Value.(string); ok && json.Unmarshal([]byte(varRef.ReplaceAllString(str, "0")), &env) == nil {
			return fmt.Sprintf("request %v", env["method"])
		}
		return "request"
	case KindControl:
		return "control " + fmt.Sprint(s.Value)
	case KindKACLS:
		return "kacls " + fmt.Sprint(s.Value)
	case KindAlikms:
		return "alikms " + fmt.Sprint(s.Value)
	case KindTCKMS:
		return "tckms " + fmt.Sprint(s.Value)
	case KindAdvance:
		return "advance " + fmt.Sprint(s.Value)
	case KindWait:
		return "wait " + fmt.Sprint(s.Value)
	}
	return s.Kind
}

// LoadError is a problem found in a scenario file before anything runs.
type LoadError struct {
	File string
	Line int
	Step int // 0 when not inside a step
	Msg  string
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Step > 0 {
		fmt.Fprintf(&b, ": step %d", e.Step)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// LoadFile parses and validates a scenario file (YAML or JSON). Errors name
// the file, line and step.
func LoadFile(path string) (*Scenario, error) {
	return NewLoader().LoadFile(path)
}

// Parse parses and validates a scenario held in memory; file names it in errors
// and anchors a relative fixture path.
func Parse(file string, data []byte) (*Scenario, error) {
	return parse(NewLoader(), file, data, 0)
}

// readFunc reads a scenario or fixture file (os.ReadFile; in memory in the
// fuzz tests).
type readFunc func(path string) ([]byte, error)

// A Loader loads scenario files. A fixture it has parsed is kept, with the
// bytes it was parsed from, and used again while its file (and every
// fixture it starts from) still reads the same: a directory of scenarios
// that start from the same fixture parses it once. Each scenario it returns
// has steps of its own (the values in them are shared with the kept
// fixture and are not changed by this package). Not safe for concurrent use.
type Loader struct {
	read     readFunc
	fixtures map[string]parsedFixture // by fixtureKey
}

// parsedFixture is a fixture file as parsed: its bytes, the scenario, and
// the key of the fixture it starts from ("" for none).
type parsedFixture struct {
	path  string
	data  []byte
	sc    *Scenario
	child string
}

// NewLoader returns a Loader that reads files from the disk.
func NewLoader() *Loader { return newLoader(os.ReadFile) }

func newLoader(read readFunc) *Loader {
	return &Loader{read: read, fixtures: map[string]parsedFixture{}}
}

// LoadFile parses and validates a scenario file, as the package's LoadFile.
func (l *Loader) LoadFile(path string) (*Scenario, error) {
	return loadFile(l, path, 0)
}

func loadFile(l *Loader, path string, depth int) (*Scenario, error) {
	b, err := l.read(path)
	if err != nil {
		return nil, err
	}
	return parse(l, path, b, depth)
}

// fixtureKey names a fixture file loaded at a nesting depth (the depth
// bounds the chain below it, so it is part of the key).
func fixtureKey(path string, depth int) string {
	return strconv.Itoa(depth) + " " + filepath.Clean(path)
}

// fixture loads the fixture at path for a scenario at depth-1, from what l
// keeps when the files still read the same.
func (l *Loader) fixture(path string, depth int) (*Scenario, error) {
	key := fixtureKey(path, depth)
	b, err := l.read(path)
	if err != nil {
		return nil, err
	}
	if c, ok := l.fixtures[key]; ok && bytes.Equal(b, c.data) && l.freshChain(c.child) {
		return c.sc, nil
	}
	sc, err := parse(l, path, b, depth)
	if err != nil {
		return nil, err
	}
	child := ""
	if sc.Start.Fixture != "" {
		child = fixtureKey(fixturePath(path, sc.Start.Fixture), depth+1)
	}
	l.fixtures[key] = parsedFixture{path: path, data: bytes.Clone(b), sc: sc, child: child}
	return sc, nil
}

// freshChain reports whether the fixture kept under key ("" for none), and
// the chain of fixtures it starts from, still read as they did when parsed.
func (l *Loader) freshChain(key string) bool {
	if key == "" {
		return true
	}
	c, ok := l.fixtures[key]
	if !ok {
		return false
	}
	b, err := l.read(c.path)
	return err == nil && bytes.Equal(b, c.data) && l.freshChain(c.child)
}

// fixturePath resolves a scenario's start.fixture against the scenario's
// own file.
func fixturePath(file, fixture string) string {
	if filepath.IsAbs(fixture) {
		return fixture
	}
	return filepath.Join(filepath.Dir(file), fixture)
}

var topFields = map[string]bool{"name": true, "description": true, "start": true, "vars": true, "steps": true,
	"apiVersion": true, "extraMethods": true}

func parse(l *Loader, file string, data []byte, depth int) (*Scenario, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &LoadError{File: file, Line: yamlErrLine(err), Msg: "bad YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, &LoadError{File: file, Line: 1, Msg: "a scenario is a mapping with name, description, start, vars and steps"}
	}
	root := doc.Content[0]
	sc := &Scenario{File: file, Vars: map[string]any{}}
	var stepsNode *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if !topFields[k.Value] {
			return nil, &LoadError{File: file, Line: k.Line, Msg: fmt.Sprintf("unknown top-level field %q (known: apiVersion, description, extraMethods, name, start, steps, vars)", k.Value)}
		}
		switch k.Value {
		case "name":
			sc.Name = v.Value
		case "description":
			sc.Description = v.Value
		case "apiVersion":
			sc.APIVersion = v.Value
		case "start":
			if err := decodeStrict(v, &sc.Start); err != nil {
				return nil, &LoadError{File: file, Line: v.Line, Msg: "start: " + err.Error()}
			}
		case "vars":
			var m map[string]any
			if err := v.Decode(&m); err != nil {
				return nil, &LoadError{File: file, Line: v.Line, Msg: "vars must be a mapping: " + err.Error()}
			}
			for name, val := range m {
				if !varName.MatchString(name) {
					return nil, &LoadError{File: file, Line: v.Line, Msg: fmt.Sprintf("bad variable name %q", name)}
				}
				sc.Vars[name] = toJSON(val)
			}
		case "extraMethods":
			if err := v.Decode(&sc.ExtraMethods); err != nil {
				return nil, &LoadError{File: file, Line: v.Line, Msg: "extraMethods must be a list of method names"}
			}
		case "steps":
			stepsNode = v
		}
	}
	if sc.Name == "" {
		sc.Name = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	if c := sc.Start.Clock; c != "" && c != "virtual" && c != "real" {
		return nil, &LoadError{File: file, Line: root.Line, Msg: fmt.Sprintf("start.clock must be virtual or real, not %q", c)}
	}
	if stepsNode == nil || stepsNode.Kind != yaml.SequenceNode {
		line := root.Line
		if stepsNode != nil {
			line = stepsNode.Line
		}
		return nil, &LoadError{File: file, Line: line, Msg: "steps must be a list"}
	}
	if sc.Start.Fixture != "" {
		if depth >= maxFixtureDepth {
			return nil, &LoadError{File: file, Msg: "fixtures nested too deeply (a cycle?)"}
		}
		fx, err := l.fixture(fixturePath(file, sc.Start.Fixture), depth+1)
		if err != nil {
			return nil, fmt.Errorf("%s: start.fixture: %w", file, err)
		}
		for k, v := range fx.Vars {
			if _, ok := sc.Vars[k]; !ok {
				sc.Vars[k] = v
			}
		}
		for _, s := range fx.Steps {
			cp := *s // fx may be kept by l: its steps are not changed
			cp.Fixture = true
			sc.Steps = append(sc.Steps, &cp)
		}
		sc.ExtraMethods = append(sc.ExtraMethods, fx.ExtraMethods...)
	}
	for i, n := range stepsNode.Content {
		st, err := parseStep(file, i+1, n)
		if err != nil {
			return nil, err
		}
		sc.Steps = append(sc.Steps, st)
	}
	if err := sc.validate(); err != nil {
		return nil, err
	}
	return sc, nil
}

// decodeStrict decodes n into dst (a pointer to a struct), refusing
// fields dst does not have. yaml.v3 checks fields only when it decodes
// from text, so n is written out and read back; a plain mapping whose keys
// are all fields of dst (no alias, anchor, tag or merge key anywhere in it)
// decodes the same directly, without that round trip.
func decodeStrict(n *yaml.Node, dst any) error {
	if knownPlainMapping(n, dst) {
		return n.Decode(dst)
	}
	b, err := yaml.Marshal(n)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	return dec.Decode(dst)
}

// knownPlainMapping reports whether n is a mapping whose keys are plain
// scalars naming yaml fields of the struct dst points to, with no alias,
// anchor, explicit tag or merge key in n.
func knownPlainMapping(n *yaml.Node, dst any) bool {
	t := reflect.TypeOf(dst)
	if n.Kind != yaml.MappingNode || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct || !plainTree(n) {
		return false
	}
	for i := 0; i < len(n.Content); i += 2 {
		if !hasYAMLField(t.Elem(), n.Content[i].Value) {
			return false
		}
	}
	return true
}

func hasYAMLField(t reflect.Type, name string) bool {
	for i := 0; i < t.NumField(); i++ {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag == name && tag != "" && tag != "-" {
			return true
		}
	}
	return false
}

// plainTree: no alias, anchor, merge key or explicit tag in n.
func plainTree(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 || (n.Kind == yaml.ScalarNode && n.Value == "<<") {
		return false
	}
	for _, c := range n.Content {
		if !plainTree(c) {
			return false
		}
	}
	return true
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

func yamlErrLine(err error) int {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

func parseStep(file string, idx int, n *yaml.Node) (*Step, error) {
	fail := func(line int, format string, a ...any) error {
		return &LoadError{File: file, Line: line, Step: idx, Msg: fmt.Sprintf(format, a...)}
	}
	if n.Kind != yaml.MappingNode {
		return nil, fail(n.Line, "a step is a mapping with one step kind (%s)", strings.Join(StepKinds(), ", "))
	}
	st := &Step{Index: idx, File: file, Line: n.Line, Fields: map[string]any{}}
	var kindLines = map[string]int{}
	raw := map[string]*yaml.Node{}
	var order []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		raw[k.Value] = n.Content[i+1]
		order = append(order, k.Value)
		if _, ok := stepFields[k.Value]; ok {
			kindLines[k.Value] = k.Line
		}
	}
	switch len(kindLines) {
	case 0:
		return nil, fail(n.Line, "unknown step kind: the step has %s; a step needs exactly one of %s",
			quoteList(order), strings.Join(StepKinds(), ", "))
	case 1:
	default:
		var ks []string
		for k := range kindLines {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return nil, fail(n.Line, "a step has exactly one kind, this one has %s", strings.Join(ks, " and "))
	}
	for k := range kindLines {
		st.Kind = k
	}
	allowed := map[string]bool{st.Kind: true}
	for _, f := range stepFields[st.Kind] {
		allowed[f] = true
	}
	for _, f := range commonFields {
		allowed[f] = true
	}
	for _, k := range order {
		v := raw[k]
		if !allowed[k] {
			return nil, fail(v.Line, "unknown field %q for a %s step (allowed: %s)", k, st.Kind, strings.Join(sortedKeys(allowed), ", "))
		}
		var val any
		if err := v.Decode(&val); err != nil {
			return nil, fail(v.Line, "%s: %v", k, err)
		}
		val = toJSON(val)
		switch k {
		case st.Kind:
			st.Value = val
		case "name", "note":
			if k == "name" {
				st.Name = fmt.Sprint(val)
			}
		case "capture":
			m, ok := val.(map[string]any)
			if !ok {
				return nil, fail(v.Line, "capture must map variable names to paths")
			}
			st.Capture = map[string]string{}
			for name, p := range m {
				ps, ok := p.(string)
				if !ok {
					return nil, fail(v.Line, "capture %s: the path must be a string", name)
				}
				if !varName.MatchString(name) {
					return nil, fail(v.Line, "capture: bad variable name %q", name)
				}
				st.Capture[name] = ps
			}
		default:
			st.Fields[k] = val
		}
	}
	if err := st.check(); err != nil {
		return nil, fail(st.Line, "%s", err)
	}
	return st, nil
}

func quoteList(ks []string) string {
	if len(ks) == 0 {
		return "no fields"
	}
	q := make([]string, len(ks))
	for i, k := range ks {
		q[i] = strconv.Quote(k)
	}
	return strings.Join(q, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// check validates the shape of one step (types of its values, matchers).
func (st *Step) check() error {
	v := st.Value
	switch st.Kind {
	case KindCall:
		s, ok := v.(string)
		if !ok || s == "" {
			return errors.New("call: the method name must be a string")
		}
		if p, ok := st.Fields["params"]; ok && p != nil {
			if _, ok := p.(map[string]any); !ok && !isVarRef(p) {
				return errors.New("params must be a mapping")
			}
		}
		if e, ok := st.Fields["error"]; ok {
			if _, ok := e.(string); !ok {
				return errors.New("error must be an Element error name such as xAPINotPermitted")
			}
			if _, ok := st.Fields["expect"]; ok {
				return errors.New("a call expects either a result (expect) or an error, not both")
			}
		}
		if _, ok := st.Fields["message"]; ok {
			if _, ok := st.Fields["error"]; !ok {
				return errors.New("message needs error")
			}
		}
	case KindRequest:
		switch x := v.(type) {
		case string:
			if !strings.Contains(x, "${") {
				var env map[string]any
				if err := json.Unmarshal([]byte(x), &env); err != nil {
					return fmt.Errorf("request: not a JSON object: %v", err)
				}
			}
		case map[string]any:
		default:
			return errors.New("request must be the raw JSON-RPC body (a string or a mapping)")
		}
	case KindAdvance:
		if !isVarRef(v) {
			f, ok := number(v)
			if !ok || f < 0 || math.IsNaN(f) {
				return errors.New("advance takes a number of seconds >= 0")
			}
		}
	case KindWait:
		if v == nil {
			return errors.New("wait takes an async handle (usually ${handle})")
		}
		for _, f := range []string{"every", "timeout"} {
			if x, ok := st.Fields[f]; ok {
				if n, ok := number(x); !ok || n <= 0 {
					return fmt.Errorf("wait %s must be a positive number of seconds", f)
				}
			}
		}
	case KindControl:
		s, ok := v.(string)
		if !ok {
			return errors.New(`control takes "METHOD path", e.g. "POST restart"`)
		}
		m, p, ok := strings.Cut(strings.TrimSpace(s), " ")
		if !ok || strings.TrimSpace(p) == "" {
			return fmt.Errorf(`control %q: expected "METHOD path", e.g. "POST drives/1/fail"`, s)
		}
		switch strings.ToUpper(m) {
		case "GET", "POST", "PUT", "DELETE":
		default:
			return fmt.Errorf("control: unknown HTTP method %q", m)
		}
		if x, ok := st.Fields["status"]; ok {
			if n, ok := number(x); !ok || n < 100 || n > 599 {
				return errors.New("status must be an HTTP status code")
			}
		}
	case KindKACLS:
		s, ok := v.(string)
		if !ok {
			return errors.New(`kacls takes "METHOD [instance/]endpoint", e.g. "POST new/rewrap"`)
		}
		m, p, ok := strings.Cut(strings.TrimSpace(s), " ")
		if !ok || strings.TrimSpace(p) == "" || strings.Count(strings.Trim(strings.TrimSpace(p), "/"), "/") > 1 {
			return fmt.Errorf(`kacls %q: expected "METHOD [instance/]endpoint", e.g. "POST new/rewrap" or "GET status"`, s)
		}
		switch strings.ToUpper(m) {
		case "GET", "POST":
		default:
			return fmt.Errorf("kacls: the HTTP method is GET or POST, not %q", m)
		}
		if x, ok := st.Fields["status"]; ok {
			if n, ok := number(x); !ok || n < 100 || n > 599 {
				return errors.New("status must be an HTTP status code")
			}
		}
	case KindAlikms:
		if err := validateAlikmsStep(st, v); err != nil {
			return err
		}
	case KindTCKMS:
		if err := checkTCKMSValue(v); err != nil {
			return err
		}
	case KindSign:
		if _, ok := v.(string); !ok {
			return errors.New("sign takes the CSR (usually ${csr})")
		}
	case KindExpectFaults:
		m, ok := v.(map[string]any)
		if !ok || len(m) == 0 {
			return errors.New("expectFaults maps current, resolved or all to {faultCode: count}")
		}
		for k, x := range m {
			if k != "current" && k != "resolved" && k != "all" {
				return fmt.Errorf("expectFaults: %q is not current, resolved or all", k)
			}
			counts, ok := x.(map[string]any)
			if x != nil && !ok {
				return fmt.Errorf("expectFaults.%s maps fault codes to counts", k)
			}
			for code, n := range counts {
				if !isVarRef(n) {
					if f, ok := number(n); !ok || f < 0 || f != math.Trunc(f) {
						return fmt.Errorf("expectFaults.%s.%s must be a count", k, code)
					}
				}
			}
		}
	case KindExpectDrives:
		m, ok := v.(map[string]any)
		if !ok {
			return errors.New("expectDrives takes {where, count, each, hardware}")
		}
		for k := range m {
			switch k {
			case "where", "count", "each", "hardware":
			default:
				return fmt.Errorf("expectDrives: unknown member %q (where, count, each, hardware)", k)
			}
		}
	case KindExpectEvents:
		m, ok := v.(map[string]any)
		if !ok {
			return errors.New("expectEvents takes {params, contains}")
		}
		for k := range m {
			if k != "params" && k != "contains" && k != "count" {
				return fmt.Errorf("expectEvents: unknown member %q (params, contains, count)", k)
			}
		}
	}
	for _, f := range []string{"expect", "each", "where", "contains"} {
		if x, ok := st.Fields[f]; ok {
			if err := checkMatchers(x); err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
		}
	}
	if m, ok := v.(map[string]any); ok && st.Kind != KindRequest {
		if err := checkMatchers(m); err != nil {
			return err
		}
	}
	return nil
}

// methodsOf returns the Element methods a step calls (case as written).
func (st *Step) methodsOf() []string {
	switch st.Kind {
	case KindCall:
		return []string{fmt.Sprint(st.Value)}
	case KindRequest:
		var env map[string]any
		switch x := st.Value.(type) {
		case map[string]any:
			env = x
		case string:
			_ = json.Unmarshal([]byte(varRef.ReplaceAllString(x, "0")), &env)
		}
		if m, ok := env["method"].(string); ok && !strings.Contains(m, "${") {
			return []string{m}
		}
	case KindWait:
		return []string{"GetAsyncResult"}
	case KindExpectFaults:
		return []string{"ListClusterFaults"}
	case KindExpectDrives:
		return []string{"ListDrives", "ListDriveHardware"}
	case KindExpectEvents:
		return []string{"ListEvents"}
	}
	return nil
}

// validate checks methods and variables across the steps, in order.
func (sc *Scenario) validate() error {
	known := func(m string) bool { // method names compare lower-cased
		lm := strings.ToLower(m)
		for _, k := range KnownMethods() {
			if lowerEquals(k, lm) { // the known names are ASCII
				return true
			}
		}
		for _, k := range sc.ExtraMethods {
			if strings.ToLower(k) == lm {
				return true
			}
		}
		return false
	}
	defined := map[string]bool{builtinKMIPHost: true, builtinKMIPPort: true}
	for k := range sc.Vars {
		defined[k] = true
	}
	for _, st := range sc.Steps {
		fail := func(format string, a ...any) error {
			return &LoadError{File: st.File, Line: st.Line, Step: st.Index, Msg: fmt.Sprintf(format, a...)}
		}
		for _, m := range st.methodsOf() {
			if !known(m) {
				return fail("unknown method %q (not an Element method this tool knows; list it under extraMethods if the target serves it)", m)
			}
		}
		for _, ref := range varRefs(st.Value, st.Fields) {
			if !defined[ref] {
				return fail("unknown variable ${%s}: not declared under vars nor captured by an earlier step", ref)
			}
		}
		for name := range st.Capture {
			defined[name] = true
		}
	}
	return nil
}

// lowerEquals reports whether strings.ToLower(k) == lm for an ASCII k.
func lowerEquals(k, lm string) bool {
	if len(k) != len(lm) {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lm[i] {
			return false
		}
	}
	return true
}

// KnownMethods is the Element method list the parser accepts without
// extraMethods: what the emulator serves (a test keeps it equal to GetAPI).
func KnownMethods() []string {
	return []string{
		"AddDrives", "AddKeyServerToProviderKmip", "ClearClusterFaults", "CreateCluster", "CreateKeyProviderKmip",
		"CreateKeyServerKmip", "CreatePublicPrivateKeyPair", "DeleteKeyProviderKmip", "DeleteKeyServerKmip",
		"DisableEncryptionAtRest", "EnableEncryptionAtRest", "GetAPI", "GetAsyncResult", "GetClientCertificateSignRequest",
		"GetClusterCapacity", "GetClusterInfo", "GetClusterVersionInfo", "GetDriveHardwareInfo", "GetDriveStats",
		"GetEncryptionAtRestInfo", "GetKeyProviderKmip", "GetKeyServerKmip", "GetSoftwareEncryptionAtRestInfo",
		"ListActiveNodes", "ListAllNodes", "ListAsyncResults", "ListClusterFaults", "ListDriveHardware", "ListDrives",
		"ListEvents", "ListKeyProvidersKmip", "ListKeyServersKmip", "ModifyKeyServerKmip",
		"RekeySoftwareEncryptionAtRestMasterKey", "RemoveDrives", "RemoveKeyServerFromProviderKmip", "ResetDrives",
		"SecureEraseDrives", "TestDrives", "TestKeyProviderKmip", "TestKeyServerKmip",

		// The storage surface (docs/storage.md).
		"AddAccount", "AddInitiatorsToVolumeAccessGroup", "AddVolumesToVolumeAccessGroup", "CloneVolume", "CreateInitiators",
		"CreateQoSPolicy", "CreateSnapshot", "CreateVolume", "CreateVolumeAccessGroup", "DeleteInitiators", "DeleteQoSPolicy",
		"DeleteSnapshot", "DeleteVolume", "DeleteVolumeAccessGroup", "DeleteVolumes", "GetAccountByID", "GetAccountByName",
		"GetAccountEfficiency", "GetClusterHardwareInfo", "GetDefaultQoS", "GetQoSPolicy", "GetVolumeEfficiency",
		"GetVolumeStats", "ListAccounts", "ListActiveVolumes", "ListDeletedVolumes", "ListInitiators", "ListQoSPolicies",
		"ListSnapshots", "ListVolumeAccessGroups", "ListVolumeStats", "ListVolumeStatsByVolume",
		"ListVolumeStatsByVolumeAccessGroup", "ListVolumes", "ListVolumesForAccount", "ModifyAccount", "ModifyInitiators",
		"ModifyQoSPolicy", "ModifySnapshot", "ModifyVolume", "ModifyVolumeAccessGroup", "PurgeDeletedVolume",
		"PurgeDeletedVolumes", "RemoveAccount", "RemoveInitiatorsFromVolumeAccessGroup", "RemoveVolumesFromVolumeAccessGroup",
		"RestoreDeletedVolume", "RollbackToSnapshot", "GetFeatureStatus", "EnableFeature", "GetClusterFullThreshold",
		"ModifyClusterFullThreshold", "CreateGroupSnapshot", "ListGroupSnapshots", "ModifyGroupSnapshot", "DeleteGroupSnapshot",
		"RollbackToGroupSnapshot", "CreateSchedule", "GetSchedule", "ListSchedules", "ModifySchedule",
		"CopyVolume", "CancelClone", "SetDefaultQoS", "ListVolumeStatsByAccount", "CloneMultipleVolumes", "CancelGroupClone",

		// Cluster admins and network settings (docs/admins.md).
		"AddClusterAdmin", "ListClusterAdmins", "ModifyClusterAdmin", "RemoveClusterAdmin", "GetLoginSessionInfo",
		"SetLoginSessionInfo", "GetNtpInfo", "SetNtpInfo", "GetSnmpInfo", "SetSnmpInfo", "EnableSnmp", "DisableSnmp",
		"GetSnmpState", "GetLdapConfiguration", "EnableLdapAuthentication", "DisableLdapAuthentication",

		// The node's configuration, on the node listener (AN1).
		"GetConfig",
		// Node membership, network configuration, virtual networks (docs/nodes.md).
		"ListPendingNodes", "ListPendingActiveNodes", "AddNodes", "RemoveNodes", "GetNetworkConfig", "SetNetworkConfig",
		"AddVirtualNetwork", "ModifyVirtualNetwork", "ListVirtualNetworks", "RemoveVirtualNetwork",
	}
}

// toJSON turns a YAML-decoded value into the JSON form the runner uses:
// map[string]any, []any, string, bool, nil and json.Number.
func toJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = toJSON(e)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(k)] = toJSON(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = toJSON(e)
		}
		return out
	case int:
		return json.Number(strconv.Itoa(x))
	case int64:
		return json.Number(strconv.FormatInt(x, 10))
	case uint64:
		return json.Number(strconv.FormatUint(x, 10))
	case float64:
		return json.Number(strconv.FormatFloat(x, 'g', -1, 64))
	}
	return v
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	}
	return 0, false
}
