package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"

	"github.com/gorilla/rpc/v2"

	"github.com/element-emulator/element-emulator/cluster"
)

// codecContentType is the one Content-Type registered with gorilla; the
// adapter in server.go sets it on every request, whatever the client sent.
const codecContentType = "application/x-element-json-rpc"

// codecService is the one gorilla service; its one method is the dispatcher.
const codecService = "Element"

// codecMethod is what Method() always returns: gorilla sees one method only.
const codecMethod = codecService + ".Call"

// codec implements gorilla's rpc.Codec with Element's envelope
// (docs/element-api.md, Request envelope and Response envelope).
type codec struct{ s *Server }

var _ rpc.Codec = codec{}

// NewRequest parses the envelope at once; a problem is kept and reported by
// ReadRequest, so the id is echoed whenever it could be read.
func (c codec) NewRequest(r *http.Request) rpc.CodecRequest {
	cr := &codecRequest{s: c.s, r: r, id: json.RawMessage("null")}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		cr.err = cluster.ErrInvalidRequest("cannot read body")
		return cr
	}
	cr.env, cr.err = parseEnvelope(body)
	if cr.env.id != nil {
		cr.id = cr.env.id
	}
	return cr
}

// envelope is a decoded request object.
type envelope struct {
	id     json.RawMessage // exactly as sent; nil when absent
	method string
	params json.RawMessage // nil when absent or null
}

// parseEnvelope checks the envelope, step 4 of the validation order (D49). It
// returns what it could read (the id in particular) even when it fails.
// Unknown members are ignored (D6).
func parseEnvelope(body []byte) (envelope, error) {
	var env envelope
	body = bytes.TrimSpace(body)
	switch {
	case len(body) == 0:
		return env, cluster.ErrInvalidRequest("empty body")
	case !json.Valid(body):
		return env, cluster.ErrInvalidRequest("body is not valid JSON")
	case body[0] == '[':
		return env, cluster.ErrInvalidRequest("batch requests are not supported")
	case body[0] != '{':
		return env, cluster.ErrInvalidRequest("body is not a JSON object")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return env, cluster.ErrInvalidRequest("body is not a JSON object")
	}
	if id, ok := top["id"]; ok {
		env.id = id
	}
	m, ok := top["method"]
	if !ok || isNull(m) {
		return env, cluster.ErrInvalidRequest("method is missing")
	}
	if m[0] != '"' || json.Unmarshal(m, &env.method) != nil {
		return env, cluster.ErrInvalidRequest("method is not a string")
	}
	if p, ok := top["params"]; ok && !isNull(p) {
		if p[0] != '{' {
			return env, cluster.ErrInvalidRequest("params is not an object")
		}
		env.params = p
	}
	return env, nil
}

func isNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// codecRequest implements gorilla's rpc.CodecRequest.
type codecRequest struct {
	s    *Server
	r    *http.Request
	id   json.RawMessage // echoed byte for byte; null when absent
	env  envelope
	err  error // envelope problem, reported by ReadRequest
	call *Call // filled by ReadRequest; the dispatcher records the canonical name
}

// Method always names the dispatcher; Element methods are looked up there.
func (cr *codecRequest) Method() (string, error) { return codecMethod, nil }

// ReadRequest fills the dispatcher's Call or reports the envelope problem.
func (cr *codecRequest) ReadRequest(args any) error {
	if cr.err != nil {
		return cr.err
	}
	c, ok := args.(*Call)
	if !ok {
		return fmt.Errorf("api: codec got args of type %T", args)
	}
	c.name, c.params, c.version = cr.env.method, cr.env.params, versionFrom(cr.r.Context())
	cr.call = c
	return nil
}

// WriteResponse writes {"id":…,"result":{…}}; a nil result is {} and a result
// that is not a JSON object is an internal error (docs/element-api.md,
// Response envelope).
func (cr *codecRequest) WriteResponse(w http.ResponseWriter, reply any) {
	var result any
	if rep, ok := reply.(*Reply); ok {
		result = rep.result
	}
	body, err := encodeResult(result)
	if err != nil {
		cr.WriteError(w, http.StatusOK, err)
		return
	}
	writeEnvelope(w, cr.id, "result", body)
}

// WriteError writes Element's error envelope with HTTP 200, whatever status
// gorilla proposes (docs/element-api.md, HTTP status codes); errors.go builds
// the error object.
func (cr *codecRequest) WriteError(w http.ResponseWriter, _ int, err error) {
	ctx := cr.r.Context()
	if cr.call != nil && cr.call.canonical != "" {
		ri := infoFrom(ctx)
		ri.method = cr.call.canonical
		ctx = withRequestInfo(ctx, ri)
	}
	writeEnvelope(w, cr.id, "error", cr.s.errorObject(ctx, err))
}

// encodeResult marshals a handler's result without HTML escaping and checks
// it is a JSON object; nil (or a nil pointer) becomes {}.
func encodeResult(result any) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &panicError{value: v, stack: debug.Stack()}
		}
	}()
	if result == nil {
		return []byte("{}"), nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(result); err != nil {
		return nil, fmt.Errorf("api: encode result: %w", err)
	}
	out = bytes.TrimSpace(buf.Bytes())
	switch {
	case bytes.Equal(out, []byte("null")):
		return []byte("{}"), nil
	case len(out) == 0 || out[0] != '{':
		return nil, fmt.Errorf("api: result of type %T is not a JSON object", result)
	}
	return out, nil
}

// writeEnvelope writes {"id":<id>,"<member>":<payload>} by hand, so the id
// goes out byte for byte as it came in.
func writeEnvelope(w http.ResponseWriter, id json.RawMessage, member string, payload []byte) {
	var buf bytes.Buffer
	buf.Grow(len(id) + len(payload) + len(member) + 16)
	buf.WriteString(`{"id":`)
	buf.Write(id)
	buf.WriteString(`,"`)
	buf.WriteString(member)
	buf.WriteString(`":`)
	buf.Write(payload)
	buf.WriteString("}\n")
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", fmt.Sprint(buf.Len()))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// Call is the dispatcher's argument; gorilla requires an exported type. It
// is internal to the api package.
type Call struct {
	name    string          // method name as sent
	params  json.RawMessage // nil when absent or null
	version string          // URL version

	canonical string // set by the dispatcher once the method is found
}

// Reply is the dispatcher's result holder; gorilla requires an exported type.
type Reply struct {
	result any
}

// dispatcher is the only service gorilla knows; Call is its only method and
// serves every Element method through the method table.
type dispatcher struct{ s *Server }

// Call looks the method up (step 5 of the validation order, D49) and runs it
// under a panic fence.
func (d dispatcher) Call(r *http.Request, c *Call, rep *Reply) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &panicError{value: v, stack: debug.Stack()}
		}
	}()
	ctx := r.Context()
	m, err := d.s.lookup(ctx, c.name)
	if err != nil {
		return err
	}
	c.canonical = m.name
	ri := infoFrom(ctx)
	ri.method = m.name
	ctx = withRequestInfo(ctx, ri)
	if err := checkAccess(ctx, m.name); err != nil {
		return err
	}
	if d.s.deps.Intercept != nil {
		if err := d.s.deps.Intercept(ctx, m.name); err != nil {
			return err
		}
	}
	res, err := m.call(ctx, c.params)
	if err != nil {
		return err
	}
	rep.result = res
	return nil
}
