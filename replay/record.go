package replay

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// RecordOptions configure a Recorder.
type RecordOptions struct {
	// Target is the emulator or cluster the proxy forwards to.
	Target string
	// Name is the recorded scenario's name ("" = "recorded session").
	Name string
	// KMIPPort is the key server port as the target knows it; requests and
	// answers carrying it are written as ${kmipPort} (0 = 5696).
	KMIPPort int
	// User and Password are sent when the client sends no credentials.
	User, Password string
	// Transport, when set, replaces the proxy's transport (default: TLS
	// verification off).
	Transport http.RoundTripper
}

// Recorder is a reverse proxy that writes what it forwards as a scenario.
// It is safe for concurrent use; exchanges are recorded in completion order.
type Recorder struct {
	opt   RecordOptions
	proxy *httputil.ReverseProxy

	mu    sync.Mutex
	steps []*yaml.Node
	// bound maps a volatile value ("ns:value") to its variable name.
	bound map[string]string
	names map[string]int
	// extra holds the recorded methods the parser does not know.
	extra  map[string]bool
	portRe *regexp.Regexp
	// kaclsInstances are the KACLS instances seen, in order (nil: none),
	// written as start.kacls so that replay serves them.
	kaclsInstances []string
}

// NewRecorder builds a recording proxy for opt.Target.
func NewRecorder(opt RecordOptions) (*Recorder, error) {
	u, err := url.Parse(opt.Target)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("record: --target must be a URL such as https://10.0.0.1 or http://127.0.0.1:8080, not %q", opt.Target)
	}
	if opt.KMIPPort == 0 {
		opt.KMIPPort = defaultKMIPPort
	}
	if opt.Name == "" {
		opt.Name = "recorded session"
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	if opt.Transport != nil {
		rp.Transport = opt.Transport
	} else {
		rp.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	}
	orig := rp.Director
	rp.Director = func(r *http.Request) {
		orig(r)
		r.Host = u.Host
		if _, _, ok := r.BasicAuth(); !ok && opt.User != "" {
			r.SetBasicAuth(opt.User, opt.Password)
		}
	}
	return &Recorder{opt: opt, proxy: rp, bound: map[string]string{}, names: map[string]int{}, extra: map[string]bool{}}, nil
}

// captureWriter keeps a copy of the answer while passing it on.
type captureWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (c *captureWriter) WriteHeader(s int) {
	c.status = s
	c.ResponseWriter.WriteHeader(s)
}

func (c *captureWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	c.body.Write(b)
	return c.ResponseWriter.Write(b)
}

// ServeHTTP forwards the request and records the exchange.
func (r *Recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(io.LimitReader(req.Body, 32<<20))
	if err != nil {
		http.Error(w, "reading the request: "+err.Error(), http.StatusBadRequest)
		return
	}
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.ContentLength = int64(len(body))
	cw := &captureWriter{ResponseWriter: w}
	r.proxy.ServeHTTP(cw, req)
	r.record(req, body, cw.status, cw.Header().Get("Content-Type"), cw.body.Bytes())
}

// Len is the number of steps recorded so far.
func (r *Recorder) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.steps)
}

func decodeJSON(b []byte) (any, bool) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if d.Decode(&v) != nil {
		return nil, false
	}
	return v, true
}

func (r *Recorder) record(req *http.Request, body []byte, status int, ct string, answer []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	path := req.URL.Path
	switch {
	case strings.HasPrefix(path, "/json-rpc/"):
		r.recordRPC(req, body, status, answer)
	case strings.HasPrefix(path, "/_emulator/"):
		r.recordControl(req, body, status, ct, answer)
	}
}

func (r *Recorder) recordRPC(req *http.Request, body []byte, status int, answer []byte) {
	var method string
	var params any
	if env, ok := decodeJSON(body); ok {
		m, _ := env.(map[string]any)
		method, _ = m["method"].(string)
		params = m["params"]
	} else if q := req.URL.Query(); q.Get("method") != "" {
		method = q.Get("method")
		p := map[string]any{}
		for k, v := range q {
			if k != "method" && k != "id" && len(v) > 0 {
				p[k] = v[0]
			}
		}
		params = p
	}
	if method == "" || status != http.StatusOK {
		return
	}
	method = escapeDollar(method)
	st := newOrdered()
	st.add("call", method)
	if pm, ok := params.(map[string]any); ok && len(pm) > 0 {
		st.add("params", r.generalizeRequest("", pm))
	}
	resp, ok := decodeJSON(answer)
	env, _ := resp.(map[string]any)
	if !ok || env == nil {
		return
	}
	if e, ok := env["error"].(map[string]any); ok {
		name, ok := e["name"].(string)
		if !ok || name == "" {
			return // not an Element error: a scenario step cannot expect it
		}
		st.add("error", escapeDollar(name))
		if msg, ok := e["message"].(string); ok && !r.portIn(msg) {
			st.add("message", msg)
		}
	} else if res, ok := env["result"]; ok {
		caps := map[string]string{}
		exp := r.generalizeAnswer("", "", res, caps)
		if m, ok := exp.(map[string]any); ok && len(m) == 0 {
			exp = map[string]any{"$eq": map[string]any{}} // {} alone would match any result
		}
		st.add("expect", exp)
		if len(caps) > 0 {
			st.add("capture", caps)
		}
	}
	if !knownMethod(method) {
		r.extra[method] = true // or the recording would not load
	}
	r.steps = append(r.steps, st.node())
}

func knownMethod(m string) bool {
	for _, k := range KnownMethods() {
		if strings.EqualFold(k, m) {
			return true
		}
	}
	return false
}

var idPathRe = regexp.MustCompile(`^(faults|cluster-faults)/(\d+)(/.*)?$`)

func (r *Recorder) recordControl(req *http.Request, body []byte, status int, ct string, answer []byte) {
	path := escapeDollar(strings.TrimPrefix(req.URL.Path, "/_emulator/"))
	switch req.Method {
	case http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete:
	default:
		return // no control answers it; a scenario cannot say it
	}
	if strings.TrimSpace(path) == "" {
		return // the control root: nothing to replay
	}
	if m := idPathRe.FindStringSubmatch(path); m != nil {
		ns := "ruleID"
		if m[1] == "cluster-faults" {
			ns = "clusterFaultID"
		}
		if v, ok := r.bound[ns+":"+m[2]]; ok {
			path = m[1] + "/${" + v + "}" + m[3]
		}
	}
	if path == "kacls" && req.Method == http.MethodGet && status == http.StatusOK {
		r.noteKACLSInstances(answer)
	}
	st := newOrdered()
	st.add("control", req.Method+" "+path)
	if b, ok := decodeJSON(body); ok {
		if bm, ok := b.(map[string]any); !ok || len(bm) > 0 {
			st.add("body", r.generalizeRequest("", b))
		}
	}
	if status != http.StatusOK {
		st.add("status", status)
	}
	if strings.HasPrefix(ct, "application/json") {
		if a, ok := decodeJSON(answer); ok {
			caps := map[string]string{}
			exp := r.generalizeAnswer("", "", a, caps)
			if m, ok := exp.(map[string]any); !ok || len(m) > 0 {
				st.add("expect", exp)
			}
			if len(caps) > 0 {
				st.add("capture", caps)
			}
		}
	}
	r.steps = append(r.steps, st.node())
}

// idKeys are members whose integer values come from earlier answers; the
// value is the namespace they are bound in.
var idKeys = map[string]string{
	"keyProviderID": "keyProviderID", "keyServerID": "keyServerID", "asyncHandle": "asyncHandle",
	"rekeyMasterKeyAsyncResultID": "asyncHandle", "asyncResultID": "asyncHandle", "ruleID": "ruleID",
	"clusterFaultID": "clusterFaultID",
}

func isTimeKey(k string) bool {
	l := strings.ToLower(k)
	return strings.Contains(l, "time") || strings.Contains(l, "date") || l == "now" || l == "unix"
}

// portRE matches the key server port as a number of its own; compiled once
// per recorder (callers hold r.mu).
func (r *Recorder) portRE() *regexp.Regexp {
	if r.portRe == nil {
		r.portRe = regexp.MustCompile(`(^|[^0-9])` + strconv.Itoa(r.opt.KMIPPort) + `([^0-9]|$)`)
	}
	return r.portRe
}

func (r *Recorder) portIn(s string) bool {
	return r.portRE().MatchString(s)
}

func (r *Recorder) portString(s string) string {
	return r.portRE().ReplaceAllString(s, "${1}$${kmipPort}${2}")
}

func escapeDollar(s string) string { return strings.ReplaceAll(s, "${", "$${") }

// generalizeRequest replaces values that came from earlier answers with
// their variables.
func (r *Recorder) generalizeRequest(key string, v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = r.generalizeRequest(k, e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = r.generalizeRequest(key, e)
		}
		return out
	case json.Number:
		if key == "kmipKeyServerPort" && x.String() == strconv.Itoa(r.opt.KMIPPort) {
			return "${kmipPort}"
		}
		if ns, ok := idKeys[key]; ok {
			if name, ok := r.bound[ns+":"+x.String()]; ok {
				return "${" + name + "}"
			}
		}
	case string:
		if name, ok := r.bound["str:"+x]; ok {
			return "${" + name + "}"
		}
		return escapeDollar(x)
	}
	return v
}

// generalizeAnswer turns an answer into an expectation: volatile values
// become matchers and new identifiers become captures.
func (r *Recorder) generalizeAnswer(path, key string, v any, caps map[string]string) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for _, k := range sortedKeys(x) {
			out[k] = r.generalizeAnswer(join(path, k), k, x[k], caps)
		}
		if _, _, isMatcher := asMatcher(out); isMatcher {
			return map[string]any{"$eq": x}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = r.generalizeAnswer(join(path, strconv.Itoa(i)), key, e, caps)
		}
		return out
	case json.Number:
		if key == "kmipKeyServerPort" && x.String() == strconv.Itoa(r.opt.KMIPPort) {
			return "${kmipPort}"
		}
		if isTimeKey(key) {
			return map[string]any{"$type": "number"}
		}
		if ns, ok := idKeys[key]; ok && x.String() != "0" {
			if name, ok := r.bound[ns+":"+x.String()]; ok {
				if _, thisStep := caps[name]; thisStep {
					// Captured by this same answer: its variable does not
					// exist until the step has passed.
					return map[string]any{"$type": "integer"}
				}
				return "${" + name + "}"
			}
			name := r.newName(key)
			r.bound[ns+":"+x.String()] = name
			caps[name] = path
			return map[string]any{"$type": "integer"}
		}
	case string:
		if name, ok := r.bound["str:"+x]; ok {
			if _, thisStep := caps[name]; thisStep {
				// Captured by this same answer (see above).
				return map[string]any{"$type": "string"}
			}
			return "${" + name + "}"
		}
		isPEM, isUUID := hasType("pem", x), uuidRe.MatchString(x) && x != "00000000-0000-0000-0000-000000000000"
		if kaclsVolatile[key] && x != "" {
			name := r.newName(key)
			r.bound["str:"+x] = name
			caps[name] = path
			return map[string]any{"$type": "string"}
		}
		if isPEM || isUUID {
			name := r.newName(key)
			r.bound["str:"+x] = name
			caps[name] = path
			if isPEM {
				return map[string]any{"$type": "pem"}
			}
			return map[string]any{"$type": "uuid"}
		}
		if isTimeKey(key) {
			return map[string]any{"$type": "string"}
		}
		if r.portIn(x) {
			return r.portString(escapeDollar(x))
		}
		if x == "any" || x == "$any" {
			return map[string]any{"$eq": x}
		}
		return escapeDollar(x)
	}
	return v
}

func (r *Recorder) newName(key string) string {
	base := key
	if base == "" || !varName.MatchString(base) {
		base = "value"
	}
	r.names[base]++
	if n := r.names[base]; n > 1 {
		return base + strconv.Itoa(n)
	}
	return base
}

// Scenario renders the recording as a scenario file (YAML).
func (r *Recorder) Scenario() ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	top := newOrdered()
	top.add("name", r.opt.Name)
	top.add("description", "Recorded by element-emulator record from "+r.opt.Target+".")
	if len(r.extra) > 0 {
		top.add("extraMethods", sortedKeys(r.extra))
	}
	if r.kaclsInstances != nil {
		top.add("start", map[string]any{"kacls": r.kaclsInstances})
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Content: append([]*yaml.Node(nil), r.steps...)}
	top.addNode("steps", seq)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(top.node()); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteFile writes the recording to path.
func (r *Recorder) WriteFile(path string) error {
	b, err := r.Scenario()
	if err != nil {
		return err
	}
	if r.Len() == 0 {
		return errors.Join(os.WriteFile(path, b, 0o644), errors.New("record: no Element calls were seen; wrote an empty scenario"))
	}
	return os.WriteFile(path, b, 0o644)
}

// ordered builds a YAML mapping that keeps insertion order.
type ordered struct{ n *yaml.Node }

func newOrdered() *ordered { return &ordered{n: &yaml.Node{Kind: yaml.MappingNode}} }

func (o *ordered) add(k string, v any) {
	o.addNode(k, valueNode(v))
}

// valueNode is the YAML node of a value in JSON form, keys sorted. A string
// is kept exactly (invalid UTF-8 aside): yaml.v3 writes a multi-line string
// as a block scalar, which drops a leading line break, so such a string is
// double-quoted.
func valueNode(v any) *yaml.Node {
	switch x := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, k := range sortedKeys(x) {
			n.Content = append(n.Content, valueNode(k), valueNode(x[k]))
		}
		return n
	case map[string]string:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, k := range sortedKeys(x) {
			n.Content = append(n.Content, valueNode(k), valueNode(x[k]))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range x {
			n.Content = append(n.Content, valueNode(e))
		}
		return n
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range x {
			n.Content = append(n.Content, valueNode(e))
		}
		return n
	}
	if s, ok := v.(string); ok {
		v = strings.ToValidUTF8(s, "\uFFFD") // as encoding/json reads it; YAML would write !!binary
	}
	if n := plainScalarNode(yamlValue(v)); n != nil {
		return n
	}
	var n yaml.Node
	if err := n.Encode(yamlValue(v)); err != nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: fmt.Sprint(v)}
	}
	if s, ok := v.(string); ok && n.Value != s {
		n.Value, n.Style = s, yaml.DoubleQuotedStyle
	}
	return &n
}

// plainScalarNode builds the node of a common scalar directly, as
// yaml.Node.Encode would (it writes the value out as text and parses that
// back, a whole encoder and parser per scalar, most of a recording's
// cost), or returns nil for the others. The node renders to the same text:
// a scalar without a tag is written plain, and a string tagged !!str is
// double-quoted when it would read back as another type. Only a string of
// printable ASCII qualifies (one line, nothing to escape: it reads back
// exactly in any style); yaml.v3 also double-quotes the YAML 1.1 booleans
// and sexagesimal numbers, so those keep that style.
func plainScalarNode(v any) *yaml.Node {
	var s string
	switch x := v.(type) {
	case nil:
		s = "null"
	case bool:
		s = strconv.FormatBool(x)
	case int:
		s = strconv.Itoa(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	case float64:
		s = strconv.FormatFloat(x, 'g', -1, 64)
		switch s {
		case "+Inf":
			s = ".inf"
		case "-Inf":
			s = "-.inf"
		case "NaN":
			s = ".nan"
		}
	case string:
		if x == "<<" { // yaml.v3 writes it as "!!merge <<"
			return nil
		}
		for i := 0; i < len(x); i++ {
			if x[i] < 0x20 || x[i] > 0x7e {
				return nil
			}
		}
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: x}
		if yaml11Special(x) {
			n.Style = yaml.DoubleQuotedStyle
		}
		return n
	default:
		return nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
}

// yaml11Special reports the strings yaml.v3 quotes although they read back
// as strings in YAML 1.2: YAML 1.1 booleans and base-60 numbers.
func yaml11Special(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
		"n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return true
	}
	if s == "" || !(s[0] == '+' || s[0] == '-' || s[0] >= '0' && s[0] <= '9') || !strings.Contains(s, ":") {
		return false
	}
	return base60.MatchString(s)
}

var base60 = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)

func (o *ordered) addNode(k string, v *yaml.Node) {
	o.n.Content = append(o.n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, v)
}

func (o *ordered) node() *yaml.Node { return o.n }

// yamlValue converts json.Number into int64/float64 so YAML writes numbers.
func yamlValue(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		if f, err := x.Float64(); err == nil {
			return f
		}
		return x.String()
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = yamlValue(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = yamlValue(e)
		}
		return out
	}
	return v
}
