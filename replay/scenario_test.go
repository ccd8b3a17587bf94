package replay

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLoadErrorsNameFileLineStep(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"bad YAML", "name: x\nsteps:\n  - call: [\n", "bad.yaml:3: bad YAML"},
		{"unknown step kind", "name: x\nsteps:\n  - call: GetAPI\n  - frobnicate: 1\n",
			`bad.yaml:4: step 2: unknown step kind: the step has "frobnicate"`},
		{"two kinds", "steps:\n  - call: GetAPI\n    advance: 1\n", "bad.yaml:2: step 1: a step has exactly one kind, this one has advance and call"},
		{"unknown field", "steps:\n  - advance: 1\n  - call: GetAPI\n    parms: {}\n", `bad.yaml:4: step 2: unknown field "parms" for a call step`},
		{"unknown variable", "steps:\n  - call: GetKeyProviderKmip\n    params: {keyProviderID: \"${P}\"}\n",
			"bad.yaml:2: step 1: unknown variable ${P}: not declared under vars nor captured by an earlier step"},
		{"variable used before its capture", "steps:\n  - call: GetKeyProviderKmip\n    params: {keyProviderID: \"${P}\"}\n  - call: CreateKeyProviderKmip\n    capture: {P: kmipKeyProvider.keyProviderID}\n",
			"bad.yaml:2: step 1: unknown variable ${P}"},
		{"unknown method", "steps:\n  - advance: 1\n  - call: CreateVolumeX\n", `bad.yaml:3: step 2: unknown method "CreateVolumeX"`},
		{"unknown method in a raw request", "steps:\n  - request: '{\"method\":\"nosuchmethod\"}'\n", `bad.yaml:2: step 1: unknown method "nosuchmethod"`},
		{"bad matcher", "steps:\n  - call: GetAPI\n    expect: {x: {$frob: 1}}\n", "bad.yaml:2: step 1: expect: unknown matcher $frob"},
		{"bad regex", "steps:\n  - call: GetAPI\n    expect: {x: {regex: \"(\"}}\n", "bad.yaml:2: step 1: expect: bad regex"},
		{"bad control", "steps:\n  - control: restart\n", `bad.yaml:2: step 1: control "restart": expected "METHOD path"`},
		{"no steps", "name: x\n", "bad.yaml:1: steps must be a list"},
		{"unknown top-level field", "name: x\nstep: []\n", `bad.yaml:2: unknown top-level field "step"`},
		{"error and expect", "steps:\n  - call: GetAPI\n    error: xAPINotPermitted\n    expect: {}\n", "bad.yaml:2: step 1: a call expects either a result"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.yaml", []byte(tt.src))
			require.Error(t, err)
			require.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestLoadAcceptsDeclaredAndCapturedVariables(t *testing.T) {
	sc, err := Parse("ok.yaml", []byte(`name: ok
vars: {name: lab-provider}
extraMethods: [ListVolumes]
steps:
  - call: CreateKeyProviderKmip
    params: {keyProviderName: "${name}"}
    capture: {P: kmipKeyProvider.keyProviderID}
  - call: getkeyproviderkmip
    params: {keyProviderID: "${P}"}
  - call: ListVolumes
  - control: DELETE faults/${P}
  - request: '{"method":"GetAsyncResult","params":{"asyncHandle":${P}}}'
  - wait: ${P}
`))
	require.NoError(t, err)
	require.Len(t, sc.Steps, 6)
	require.Equal(t, "request GetAsyncResult", sc.Steps[4].Label())
}

func TestShippedScenariosLoad(t *testing.T) {
	files, err := filepath.Glob("../scenarios/*.yaml")
	require.NoError(t, err)
	fx, err := filepath.Glob("../scenarios/fixtures/*.yaml")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 8)
	for _, f := range append(files, fx...) {
		sc, err := LoadFile(f)
		require.NoError(t, err, f)
		require.NotEmpty(t, sc.Description, f)
		require.NotEmpty(t, sc.Steps, f)
	}
}

// TestSchemaListsEveryStepKind keeps docs/scenario.schema.json in step with
// the parser.
func TestSchemaListsEveryStepKind(t *testing.T) {
	b, err := os.ReadFile("../docs/scenario.schema.json")
	require.NoError(t, err)
	var schema struct {
		Schema string                     `json:"$schema"`
		Defs   map[string]json.RawMessage `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(b, &schema))
	require.Equal(t, "https://json-schema.org/draft/2020-12/schema", schema.Schema)
	for _, k := range StepKinds() {
		require.Contains(t, schema.Defs, k+"Step", "schema $defs must describe the %s step", k)
	}
	for k, fields := range stepFields {
		var def struct {
			Properties map[string]json.RawMessage `json:"properties"`
		}
		require.NoError(t, json.Unmarshal(schema.Defs[k+"Step"], &def), k)
		require.Contains(t, def.Properties, k)
		for _, f := range append(fields, commonFields...) {
			require.Contains(t, def.Properties, f, "schema %sStep lacks %s", k, f)
		}
	}
}

func TestMatchers(t *testing.T) {
	act := map[string]any{"a": json.Number("1"), "s": "hello", "l": []any{json.Number("1"), json.Number("2")},
		"u": "5d799f7f-4093-4cc4-8d2e-8324f5f08bbd", "n": nil, "o": map[string]any{"x": true}}
	ok := func(exp string) {
		t.Helper()
		var e any
		require.NoError(t, json.Unmarshal([]byte(exp), &e))
		require.Empty(t, match("", toJSONNumbers(e), act, true), exp)
	}
	bad := func(exp, want string) {
		t.Helper()
		var e any
		require.NoError(t, json.Unmarshal([]byte(exp), &e))
		diff := match("", toJSONNumbers(e), act, true)
		require.NotEmpty(t, diff, exp)
		require.Contains(t, diff[0], want)
	}
	ok(`{"a": 1, "s": "hello"}`)
	ok(`{"a": 1.0}`)
	ok(`{"a": "any", "s": "$any", "n": null}`)
	ok(`{"a": {"type": "integer"}, "u": {"type": "uuid"}, "n": {"type": "null"}, "o": {"type": "object"}}`)
	ok(`{"s": {"regex": "^h"}, "l": {"len": 2}, "o": {"x": true}}`)
	ok(`{"l": {"contains": [2]}, "missing": {"$absent": true}, "s": {"$not": "bye"}}`)
	ok(`{"l": {"$each": {"type": "integer"}}, "s": {"oneOf": ["x", "hello"]}, "o": {"$eq": {"x": true}}}`)
	bad(`{"a": 2}`, "a: expected 2, got 1")
	bad(`{"a": "1"}`, `a: expected "1", got 1`)
	bad(`{"z": 1}`, "z: missing")
	bad(`{"s": {"type": "number"}}`, "s: expected type number")
	bad(`{"l": [1]}`, "l: expected 1 elements, got 2")
	bad(`{"l": {"contains": [3]}}`, "no element matches contains[0]")
	bad(`{"s": {"$absent": true}}`, "s: expected absent")
	bad(`{"o": {"$eq": {}}}`, "o: expected exactly {}")
}

func toJSONNumbers(v any) any {
	switch x := v.(type) {
	case float64:
		return toJSON(x)
	case map[string]any:
		for k, e := range x {
			x[k] = toJSONNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = toJSONNumbers(e)
		}
	}
	return v
}

func TestSubstKeepsTypes(t *testing.T) {
	vars := map[string]any{"P": json.Number("3"), "name": "lab"}
	got, err := subst(map[string]any{"id": "${P}", "text": "provider ${P} of ${name}", "esc": "$${P}"}, vars)
	require.NoError(t, err)
	require.Equal(t, map[string]any{"id": json.Number("3"), "text": "provider 3 of lab", "esc": "${P}"}, got)
	v, err := lookup(map[string]any{"12.7": []any{"a"}, "x": map[string]any{"y": []any{json.Number("1")}}}, "12.7.0")
	require.NoError(t, err)
	require.Equal(t, "a", v)
	v, err = lookup(map[string]any{"x": map[string]any{"y": []any{json.Number("1")}}}, "x.y.0")
	require.NoError(t, err)
	require.Equal(t, json.Number("1"), v)
}

// A Loader parses a fixture once and uses it again only while the fixture
// and the fixtures it starts from read the same; the scenarios it returns
// share no step.
func TestLoaderReusesFixtureWhileUnchanged(t *testing.T) {
	files := map[string][]byte{
		"s/a.yaml":      []byte("start: {fixture: f/mid.yaml}\nsteps:\n  - call: GetAPI\n"),
		"s/b.yaml":      []byte("start: {fixture: f/mid.yaml}\nsteps:\n  - call: GetClusterInfo\n"),
		"s/f/mid.yaml":  []byte("start: {fixture: base.yaml}\nsteps:\n  - call: ListDrives\n"),
		"s/f/base.yaml": []byte("vars: {X: 1}\nsteps:\n  - call: GetClusterCapacity\n"),
	}
	l := newLoader(memRead(files))
	methods := func(sc *Scenario) []string {
		var out []string
		for _, st := range sc.Steps {
			out = append(out, fmt.Sprint(st.Value))
		}
		return out
	}
	a, err := l.LoadFile("s/a.yaml")
	require.NoError(t, err)
	require.Equal(t, []string{"GetClusterCapacity", "ListDrives", "GetAPI"}, methods(a))
	require.True(t, a.Steps[0].Fixture)
	require.True(t, a.Steps[1].Fixture)
	require.False(t, a.Steps[2].Fixture)
	require.Equal(t, json.Number("1"), a.Vars["X"])
	a.Steps[0].Value = "changed by a caller"

	b, err := l.LoadFile("s/b.yaml")
	require.NoError(t, err)
	require.Equal(t, []string{"GetClusterCapacity", "ListDrives", "GetClusterInfo"}, methods(b), "a caller's change reached another scenario")

	// The innermost fixture changes: both fixtures are parsed again.
	files["s/f/base.yaml"] = []byte("steps:\n  - call: ListAccounts\n")
	a2, err := l.LoadFile("s/a.yaml")
	require.NoError(t, err)
	require.Equal(t, []string{"ListAccounts", "ListDrives", "GetAPI"}, methods(a2))
	require.NotContains(t, a2.Vars, "X")
}
