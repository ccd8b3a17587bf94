package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/drives"
	"github.com/element-emulator/element-emulator/faults"
)

// Control is the emulator-only surface behind /_emulator/ that is not part
// of the cluster: the clock, reset, and the embedded key server's CA.
// The emulator package implements it.
type Control interface {
	// ClockNow returns the emulator time and the clock mode.
	ClockNow() (time.Time, string)
	// AdvanceClock moves the clock forward, persists it and runs due timers.
	AdvanceClock(ctx context.Context, d time.Duration) (time.Time, error)
	// Reset restores the configured initial state; ca also replaces the KMIP CA.
	Reset(ctx context.Context, ca bool) error
	// Restart power-cycles the cluster's nodes (docs/element-api.md, Drives).
	Restart(ctx context.Context, nodeIDs []int64) error
	// KMIPAddr returns the embedded key server's host:port ("" when off).
	KMIPAddr() string
	// KMIPCA returns the embedded CA certificate (PEM).
	KMIPCA() string
	// SignCSR signs a CSR with the embedded CA (days <= 0: the default).
	SignCSR(ctx context.Context, csrPEM string, days int) (string, error)
	// KMIPStats, KMIPObjects and KMIPCerts describe the embedded key server.
	KMIPStats() any
	KMIPObjects(ctx context.Context) (any, error)
	KMIPCerts(ctx context.Context) (any, error)
	// FaultRulesChanged lets listener-level rules (kmip-server refuse) take effect.
	FaultRulesChanged(ctx context.Context) error
	// Snapshot saves the whole state under name, replacing a snapshot of
	// that name (ErrSnapshotName).
	Snapshot(ctx context.Context, name string) (SnapshotInfo, error)
	// Restore brings back the whole state saved under name, clock included
	// (ErrSnapshotName, ErrNoSnapshot).
	Restore(ctx context.Context, name string) error
	// Snapshots lists the saved snapshots by name.
	Snapshots(ctx context.Context) ([]SnapshotInfo, error)
	// KACLSInstances lists the KACLS instances (name, URL, signing kid).
	KACLSInstances(ctx context.Context) (any, error)
	// KACLSToken mints a token from the body of POST /_emulator/kacls/token.
	KACLSToken(ctx context.Context, body []byte) (string, error)
	// KACLSJWKS is the KACLS test issuers' public JWKS.
	KACLSJWKS(ctx context.Context) (any, error)
	// KACLSRequests lists the requests an instance ("" = all) logged
	// after id since, oldest first.
	KACLSRequests(instance string, since int64) (any, error)
	// KACLSRotate gives an instance a new primary wrapping key.
	KACLSRotate(ctx context.Context, instance string) (any, error)
}

// ControlError is a control failure the client caused; Msg is the answer's
// error text and Status its HTTP status.
type ControlError struct {
	Status int
	Msg    string
}

func (e *ControlError) Error() string { return e.Msg }

// Errors of Control's snapshot methods.
var (
	ErrSnapshotName = errors.New("a snapshot name is 1 to 64 characters from A-Z a-z 0-9 . _ -")
	ErrNoSnapshot   = errors.New("no snapshot of that name")
)

// SnapshotInfo describes a saved snapshot.
type SnapshotInfo struct {
	Name    string    `json:"name"`
	Path    string    `json:"path"`
	Bytes   int64     `json:"bytes"`
	Created time.Time `json:"created"` // wall-clock time the file was written
}

// controlRoutes mounts the /_emulator/ surface (D40; docs/labs.md;
// docs/kmip.md: the embedded CA, fault injection, observability). Bodies and
// answers are plain JSON; failures are {"error": "..."} with a 4xx/5xx status.
func (s *Server) controlRoutes(r chi.Router) {
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeControlError(w, http.StatusNotFound, fmt.Sprintf("no control %s %s (docs/labs.md lists the routes)", r.Method, r.URL.Path))
	})
	r.Get("/healthz", s.healthz)
	r.Get("/clock", s.getClock)
	r.Post("/clock/advance", s.advanceClock)
	r.Get("/faults", s.listFaultRules)
	r.Post("/faults", s.addFaultRule)
	r.Delete("/faults/{ruleID}", s.deleteFaultRule)
	r.Post("/reset", s.resetEmulator)
	r.Post("/snapshot", s.takeSnapshot)
	r.Post("/restore", s.restoreSnapshot)
	r.Get("/snapshots", s.listSnapshots)
	r.Post("/restart", s.restartNodes)
	r.Post("/drives/insert", s.insertDrive)
	r.Post("/nodes", s.addPendingNode) // api/nodes.go
	r.Post("/drives/{driveID}/{action}", s.driveAction)
	r.Post("/cluster-faults", s.addClusterFault)
	r.Post("/cluster-faults/{faultID}/resolve", s.resolveClusterFault)
	r.Get("/kmip/ca", s.kmipCA)
	r.Get("/kmip/server", s.kmipServer)
	r.Post("/kmip/sign", s.kmipSign)
	r.Get("/kmip/stats", s.kmipStats)
	r.Get("/kmip/objects", s.kmipObjects)
	r.Get("/kmip/certs", s.kmipCerts)
	r.Get("/kacls", s.serveLogInfo(s.kaclsLogCtl))
	r.Post("/kacls/token", s.kaclsToken)
	r.Get("/kacls/jwks", s.kaclsJWKS)
	r.Get("/kacls/requests", s.serveLogRequests(s.kaclsLogCtl))
	r.Post("/kacls/rotate", s.kaclsRotate)
	// Alibaba Cloud KMS (control_alikms.go).
	s.alikmsRoutes(r)
	if s.deps.UI != nil {
		r.Handle("/ui", s.deps.UI)
		r.Handle("/ui/*", s.deps.UI)
	}
	// Tencent Cloud KMS (api/tckms.go).
	r.Get("/tckms", s.serveLogInfo(s.tckmsCtl))
	r.Get("/tckms/requests", s.serveLogRequests(s.tckmsCtl))
}

func (s *Server) ctl(w http.ResponseWriter) (Control, bool) {
	c, ok := s.control.(Control)
	if !ok || c == nil {
		writeControlError(w, http.StatusServiceUnavailable, "the control surface is not configured")
		return nil, false
	}
	return c, true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeControlError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// decodeControl reads a JSON object body (empty body = {}).
func decodeControl(w http.ResponseWriter, r *http.Request, dst any) bool {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		writeControlError(w, http.StatusRequestEntityTooLarge, "the body is larger than 1 MiB")
		return false
	}
	if len(body) == 0 {
		body = []byte("{}")
	}
	if err := json.Unmarshal(body, dst); err != nil {
		writeControlError(w, http.StatusBadRequest, bodyError(reflect.TypeOf(dst), err))
		return false
	}
	return true
}

// bodyError says in a user's terms what is wrong with a control's body
// (dst is the type it was decoded into): `"seconds" must be a number, not a
// string`, never Go's own `cannot unmarshal … into Go struct field`.
func bodyError(dst reflect.Type, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("the body is not valid JSON (at byte %d): a control takes a JSON object", syn.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the body is not valid JSON (it ends too early): a control takes a JSON object"
	case errors.As(err, &typ) && typ.Field == "":
		return "the body must be a JSON object, not " + jsonValueKind(typ.Value)
	case errors.As(err, &typ):
		want := fieldType(dst, typ.Field)
		if want == nil {
			want = typ.Type
		}
		return fmt.Sprintf("%q must be %s, not %s", typ.Field, typeWords(want), jsonValueKind(typ.Value))
	}
	return "the body must be a JSON object"
}

// fieldType finds the Go type of the dotted JSON path in t ("in.x"), or nil.
func fieldType(t reflect.Type, path string) reflect.Type {
	for _, name := range strings.Split(path, ".") {
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			return nil
		}
		var found reflect.Type
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if tag == name || (tag == "" && strings.EqualFold(f.Name, name)) {
				found = f.Type
				break
			}
		}
		t = found
	}
	return t
}

// typeWords names a Go type as a JSON value: "a number", "an array of integers".
func typeWords(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		e := strings.TrimPrefix(strings.TrimPrefix(typeWords(t.Elem()), "an "), "a ")
		if e == "true or false" {
			e = "boolean"
		}
		switch e {
		case "integer", "number", "string", "boolean", "object":
			e += "s"
		default:
			e = "values"
		}
		return "an array of " + e
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "a JSON value"
}

// jsonValueKind names the JSON value encoding/json reports ("string",
// "number 1.5", "array", "bool", ...).
func jsonValueKind(v string) string {
	kind, _, _ := strings.Cut(v, " ")
	switch kind {
	case "string":
		return "a string"
	case "number":
		if _, n, ok := strings.Cut(v, " "); ok {
			return "the number " + n
		}
		return "a number"
	case "bool":
		return "true or false"
	case "array":
		return "an array"
	case "object":
		return "an object"
	case "null":
		return "null"
	}
	return v
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func clockBody(now time.Time, mode string) map[string]any {
	return map[string]any{"now": now.UTC().Format(time.RFC3339Nano), "unix": now.Unix(), "mode": mode}
}

func (s *Server) getClock(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	now, mode := c.ClockNow()
	writeJSON(w, http.StatusOK, clockBody(now, mode))
}

func (s *Server) advanceClock(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	var body struct {
		Seconds *float64 `json:"seconds"`
	}
	if !decodeControl(w, r, &body) {
		return
	}
	if body.Seconds == nil || *body.Seconds < 0 || math.IsNaN(*body.Seconds) || *body.Seconds > 100*365*86400 {
		writeControlError(w, http.StatusBadRequest, `"seconds" must be a number from 0 to 3153600000`)
		return
	}
	now, err := c.AdvanceClock(r.Context(), time.Duration(*body.Seconds*float64(time.Second)))
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	_, mode := c.ClockNow()
	writeJSON(w, http.StatusOK, clockBody(now, mode))
}

func (s *Server) controlFailure(w http.ResponseWriter, r *http.Request, err error) {
	var cte *ControlError
	if errors.As(err, &cte) {
		writeControlError(w, cte.Status, cte.Msg)
		return
	}
	var ce *cluster.Error
	if errors.As(err, &ce) {
		writeControlError(w, http.StatusBadRequest, ce.Error())
		return
	}
	s.log.ErrorContext(r.Context(), "control request failed", "path", r.URL.Path, "error", err)
	writeControlError(w, http.StatusInternalServerError, "internal error; see the emulator log")
}

// ruleWire is a fault rule as the control surface shows it.
type ruleWire struct {
	RuleID int64             `json:"ruleID"`
	Target string            `json:"target"`
	Match  map[string]string `json:"match"`
	Effect string            `json:"effect"`
	Params map[string]string `json:"params"`
	Times  int               `json:"times,omitempty"`
}

// scalarString renders a JSON scalar as the string a rule compares.
func scalarString(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	case bool:
		return strconv.FormatBool(x), nil
	}
	switch v.(type) {
	case nil:
		return "", errors.New("must be a string, number or boolean, not null")
	case []any:
		return "", errors.New("must be a string, number or boolean, not an array")
	}
	return "", errors.New("must be a string, number or boolean, not an object")
}

// parseRule reads {"target","match","effect"|"kind","times", params...}.
func parseRule(body []byte) (faults.Rule, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return faults.Rule{}, errors.New(bodyError(reflect.TypeOf(raw), err))
	}
	if raw == nil {
		return faults.Rule{}, errors.New("the body must be a JSON object, not null")
	}
	r := faults.Rule{Match: map[string]string{}, Params: map[string]string{}}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := raw[k]
		switch k {
		case "target":
			var t string
			if err := json.Unmarshal(v, &t); err != nil {
				return r, errors.New(`"target" must be a string`)
			}
			r.Target = faults.Target(t)
		case "effect", "kind":
			if err := json.Unmarshal(v, &r.Effect); err != nil {
				return r, fmt.Errorf("%q must be a string", k)
			}
		case "times":
			var n int
			if err := json.Unmarshal(v, &n); err != nil || n < 0 {
				return r, errors.New(`"times" must be a non-negative integer`)
			}
			r.Times = n
		case "match":
			var m map[string]any
			d := json.NewDecoder(bytesReader(v))
			d.UseNumber()
			if err := d.Decode(&m); err != nil {
				return r, errors.New(`"match" must be an object`)
			}
			for mk, mv := range m {
				s, err := scalarString(mv)
				if err != nil {
					return r, fmt.Errorf("%q %v", "match."+mk, err)
				}
				r.Match[mk] = s
			}
		default:
			var x any
			d := json.NewDecoder(bytesReader(v))
			d.UseNumber()
			if err := d.Decode(&x); err != nil {
				return r, fmt.Errorf("%q is not valid JSON", k)
			}
			s, err := scalarString(x)
			if err != nil {
				return r, fmt.Errorf("%q %v", k, err)
			}
			r.Params[k] = s
		}
	}
	if r.Target == "" {
		return r, errors.New(`"target" is required`)
	}
	if r.Effect == "" {
		return r, errors.New(`"effect" is required`)
	}
	return r, r.Validate()
}

func (s *Server) addFaultRule(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		writeControlError(w, http.StatusRequestEntityTooLarge, "body too large")
		return
	}
	rule, err := parseRule(body)
	if err != nil {
		writeControlError(w, http.StatusBadRequest, err.Error())
		return
	}
	id, err := s.cluster.AddFaultRule(r.Context(), rule)
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	if err := c.FaultRulesChanged(r.Context()); err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]int64{"ruleID": id})
}

func (s *Server) listFaultRules(w http.ResponseWriter, r *http.Request) {
	rules, err := s.cluster.FaultRules(r.Context())
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	out := make([]ruleWire, 0, len(rules))
	for _, x := range rules {
		out = append(out, ruleWire{RuleID: x.ID, Target: string(x.Target), Match: x.Match, Effect: x.Effect,
			Params: x.Params, Times: x.Times})
	}
	writeJSON(w, http.StatusOK, map[string][]ruleWire{"rules": out})
}

func (s *Server) deleteFaultRule(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(chi.URLParam(r, "ruleID"), 10, 64)
	if err != nil {
		writeControlError(w, http.StatusBadRequest, "ruleID must be an integer")
		return
	}
	if err := s.cluster.DeleteFaultRule(r.Context(), id); errors.Is(err, cluster.ErrNotFound) {
		writeControlError(w, http.StatusNotFound, fmt.Sprintf("fault rule %d does not exist", id))
		return
	} else if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	if err := c.FaultRulesChanged(r.Context()); err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{})
}

func (s *Server) resetEmulator(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	ca, _ := strconv.ParseBool(r.URL.Query().Get("ca"))
	if ca {
		// Replacing the CA would invalidate every certificate already handed
		// out, live; not offered yet (docs/decisions.md (s)).
		writeControlError(w, http.StatusNotImplemented, "reset?ca=true (replacing the KMIP CA) is not supported yet; the CA is kept")
		return
	}
	if err := c.Reset(r.Context(), false); err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{})
}

// snapshotFailure maps the snapshot errors to 400/404 with their text.
func (s *Server) snapshotFailure(w http.ResponseWriter, r *http.Request, name string, err error) {
	switch {
	case errors.Is(err, ErrSnapshotName):
		writeControlError(w, http.StatusBadRequest, fmt.Sprintf("bad snapshot name %q: %v", name, ErrSnapshotName))
	case errors.Is(err, ErrNoSnapshot):
		writeControlError(w, http.StatusNotFound, fmt.Sprintf("snapshot %q does not exist (GET /_emulator/snapshots lists them)", name))
	default:
		s.controlFailure(w, r, err)
	}
}

func (s *Server) takeSnapshot(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	var body struct {
		Name string `json:"name"`
	}
	if !decodeControl(w, r, &body) {
		return
	}
	info, err := c.Snapshot(r.Context(), body.Name)
	if err != nil {
		s.snapshotFailure(w, r, body.Name, err)
		return
	}
	writeJSON(w, http.StatusOK, info)
}

func (s *Server) restoreSnapshot(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	var body struct {
		Name string `json:"name"`
	}
	if !decodeControl(w, r, &body) {
		return
	}
	if err := c.Restore(r.Context(), body.Name); err != nil {
		s.snapshotFailure(w, r, body.Name, err)
		return
	}
	now, mode := c.ClockNow()
	writeJSON(w, http.StatusOK, map[string]any{"name": body.Name, "clock": clockBody(now, mode)})
}

func (s *Server) listSnapshots(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	list, err := c.Snapshots(r.Context())
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	if list == nil {
		list = []SnapshotInfo{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"snapshots": list})
}

func (s *Server) restartNodes(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	var body struct {
		NodeIDs []int64 `json:"nodeIDs"`
	}
	if !decodeControl(w, r, &body) {
		return
	}
	if err := c.Restart(r.Context(), body.NodeIDs); err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{})
}

// driveAction serves POST /_emulator/drives/<id>/fail|pull|eject-metadata.
func (s *Server) driveAction(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "driveID"), 10, 64)
	if err != nil {
		writeControlError(w, http.StatusBadRequest, "driveID must be an integer")
		return
	}
	var body struct {
		Detail string `json:"detail"`
	}
	if !decodeControl(w, r, &body) {
		return
	}
	var d drives.Drive
	switch chi.URLParam(r, "action") {
	case "fail":
		d, err = s.cluster.FailDrive(r.Context(), id, body.Detail)
	case "pull":
		d, err = s.cluster.PullDrive(r.Context(), id)
	case "eject-metadata":
		d, err = s.cluster.EjectMetadata(r.Context(), id)
	default:
		writeControlError(w, http.StatusNotFound, "unknown drive action; use fail, pull or eject-metadata")
		return
	}
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"drive": toDriveWire(d)})
}

func (s *Server) insertDrive(w http.ResponseWriter, r *http.Request) {
	var body struct {
		NodeID     *int64 `json:"nodeID"`
		Slot       *int   `json:"slot"`
		Capability string `json:"capability"`
		Serial     string `json:"serial"`
	}
	if !decodeControl(w, r, &body) {
		return
	}
	if body.NodeID == nil || body.Slot == nil {
		writeControlError(w, http.StatusBadRequest, `"nodeID" and "slot" are required`)
		return
	}
	d, err := s.cluster.InsertDrive(r.Context(), *body.NodeID, *body.Slot, drives.Capability(body.Capability), body.Serial)
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"drive": toDriveWire(d)})
}

func (s *Server) addClusterFault(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Code      string  `json:"code"`
		Severity  string  `json:"severity"`
		Type      string  `json:"type"`
		Details   string  `json:"details"`
		NodeID    int64   `json:"nodeID"`
		ServiceID int64   `json:"serviceID"`
		DriveIDs  []int64 `json:"driveIDs"`
	}
	if !decodeControl(w, r, &body) {
		return
	}
	f, err := s.cluster.AddFaultRecord(r.Context(), cluster.Fault{Code: body.Code, Severity: body.Severity, Type: body.Type,
		Details: body.Details, NodeID: body.NodeID, ServiceID: body.ServiceID, DriveIDs: body.DriveIDs})
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"clusterFaultID": f.ID, "fault": toFaultWire(f)})
}

func (s *Server) resolveClusterFault(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "faultID"), 10, 64)
	if err != nil {
		writeControlError(w, http.StatusBadRequest, "clusterFaultID must be an integer")
		return
	}
	if err := s.cluster.ResolveFaultRecord(r.Context(), id); err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{})
}

func (s *Server) kmipCA(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/x-pem-file")
	_, _ = io.WriteString(w, c.KMIPCA())
}

// kmipServer tells where the embedded key server listens, so scripts and
// the replay tool can point a KeyServerKmip object at it.
func (s *Server) kmipServer(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	addr := c.KMIPAddr()
	if addr == "" {
		writeControlError(w, http.StatusNotFound, "the embedded KMIP server is off (--kmip-addr off)")
		return
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	p, _ := strconv.Atoi(port)
	writeJSON(w, http.StatusOK, map[string]any{"address": addr, "host": host, "port": p})
}

func (s *Server) kmipSign(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	var body struct {
		CSR  string `json:"csr"`
		Days int    `json:"days"`
	}
	if !decodeControl(w, r, &body) {
		return
	}
	if body.CSR == "" {
		writeControlError(w, http.StatusBadRequest, `"csr" is required: a PEM CERTIFICATE REQUEST`)
		return
	}
	if body.Days < 0 || body.Days > 36500 {
		writeControlError(w, http.StatusBadRequest, `"days" must be from 1 to 36500`)
		return
	}
	cert, err := c.SignCSR(r.Context(), body.CSR, body.Days)
	if err != nil {
		writeControlError(w, http.StatusBadRequest, "cannot sign: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"certificate": cert, "caCertificate": c.KMIPCA()})
}

func (s *Server) kmipStats(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, c.KMIPStats())
}

func (s *Server) kmipObjects(w http.ResponseWriter, r *http.Request) {
	s.controlList(w, r, "objects", Control.KMIPObjects)
}

func (s *Server) kmipCerts(w http.ResponseWriter, r *http.Request) {
	s.controlList(w, r, "certificates", Control.KMIPCerts)
}

// controlList answers {key: list} with what get returns.
func (s *Server) controlList(w http.ResponseWriter, r *http.Request, key string, get func(Control, context.Context) (any, error)) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	list, err := get(c, r.Context())
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{key: list})
}

// kaclsToken serves POST /_emulator/kacls/token (KA11).
func (s *Server) kaclsToken(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		writeControlError(w, http.StatusRequestEntityTooLarge, "the body is larger than 1 MiB")
		return
	}
	tok, err := c.KACLSToken(r.Context(), body)
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"token": tok})
}

// kaclsJWKS serves GET /_emulator/kacls/jwks: a JWKS document, to be saved
// as another process's --kacls-test-jwks.
func (s *Server) kaclsJWKS(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	set, err := c.KACLSJWKS(r.Context())
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, set)
}

// kaclsRotate serves POST /_emulator/kacls/rotate?instance=NAME.
func (s *Server) kaclsRotate(w http.ResponseWriter, r *http.Request) {
	c, ok := s.ctl(w)
	if !ok {
		return
	}
	res, err := c.KACLSRotate(r.Context(), r.URL.Query().Get("instance"))
	if err != nil {
		s.controlFailure(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}
