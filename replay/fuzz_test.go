package replay

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// shippedFiles reads the shipped scenarios and fixtures, keyed by their
// path from the repository root.
func shippedFiles(tb testing.TB) map[string][]byte {
	tb.Helper()
	files := map[string][]byte{}
	for _, pat := range []string{"scenarios/*.yaml", "scenarios/fixtures/*.yaml", "docs/labs/fixtures/*.yaml"} {
		paths, err := filepath.Glob(filepath.Join("..", pat))
		require.NoError(tb, err)
		require.NotEmpty(tb, paths, pat)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			require.NoError(tb, err)
			rel, err := filepath.Rel("..", p)
			require.NoError(tb, err)
			files[rel] = b
		}
	}
	return files
}

// memRead serves files from memory; nothing else exists, so no input can
// make the parser read the disk.
func memRead(files map[string][]byte) readFunc {
	return func(p string) ([]byte, error) {
		if b, ok := files[filepath.Clean(p)]; ok {
			return b, nil
		}
		return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
	}
}

func sortedFiles(files map[string][]byte, dir string) []string {
	var out []string
	for p := range files {
		if filepath.Dir(p) == dir {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// FuzzParseScenario feeds scenario files to the parser (start.fixture
// resolves against the shipped scenarios and fixtures, in memory).
// Invariants: no panic; a refusal is a LoadError naming the file (or a
// fixture that does not exist); an accepted scenario has valid steps and
// renders back to YAML that loads to the same scenario.
func FuzzParseScenario(f *testing.F) {
	files := shippedFiles(f)
	for _, p := range sortedFiles(files, "scenarios") {
		f.Add(files[p])
	}
	for _, s := range []string{
		"name: x\nsteps: []\n",
		"steps:\n  - call: GetAPI\n    expect: {x: {$frob: 1}}\n",
		"vars: {a: 1}\nsteps:\n  - advance: ${a}\n  - request: '{\"method\":\"GetAPI\",\"params\":{\"n\":${a}}}'\n",
		"start: {fixture: fixtures/hardware-ear-enabled.yaml, seed: 7}\nextraMethods: [ListVolumes]\nsteps:\n  - call: ListVolumes\n    capture: {V: volumes.0.volumeID}\n  - wait: ${V}\n    every: 2\n",
		"steps:\n  - control: POST faults\n    body: {target: kmip-server, kind: drop}\n    status: 200\n  - sign: ${kmipHost}\n    days: 3\n",
		"steps:\n  - expectFaults: {current: {driveFailed: 1}}\n  - expectDrives: {count: 4, each: {status: active}}\n  - expectEvents: {contains: [{message: x}]}\n",
	} {
		f.Add([]byte(s))
	}
	l := newLoader(memRead(files))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := parse(l, "scenarios/fuzz.yaml", data, 0)
		if err != nil {
			requireLoadError(t, err)
			return
		}
		checkScenario(t, sc)
		requireRoundTrip(t, l, "scenarios/fuzz.yaml", sc)
	})
}

// FuzzLoadFixture feeds fixture files, loaded as `lab --fixture` loads
// them and as a scenario's start.fixture. Invariants: no panic; both ways
// agree; an accepted fixture is valid, renders back to itself, and a
// scenario starting from it has its steps (marked as fixture steps) then
// its own, and its variables unless the scenario declares them.
func FuzzLoadFixture(f *testing.F) {
	files := shippedFiles(f)
	for _, dir := range []string{"scenarios/fixtures", "docs/labs/fixtures"} {
		for _, p := range sortedFiles(files, dir) {
			f.Add(files[p])
		}
	}
	const (
		fixture = "docs/labs/fixtures/fuzz.yaml"
		top     = "docs/labs/fixtures/top.yaml"
	)
	topYAML := []byte("vars: {own: 1}\nstart: {fixture: fuzz.yaml}\nsteps:\n  - call: GetAPI\n")
	mem := map[string][]byte{top: topYAML}
	for k, v := range files {
		mem[k] = v
	}
	// One loader for the whole run, as a directory replay uses one: the
	// shipped fixtures a fuzzed fixture starts from are parsed once, and
	// the fuzzed file is parsed at every load (its bytes change).
	l := newLoader(memRead(mem))
	f.Fuzz(func(t *testing.T, data []byte) {
		mem[fixture] = data
		fx, err := loadFile(l, fixture, 0)
		sc, topErr := loadFile(l, top, 0)
		if err != nil {
			requireLoadError(t, err)
			require.Error(t, topErr, "the fixture alone is refused (%v), not as a start.fixture", err)
			return
		}
		require.NoError(t, topErr, "the fixture alone loads, not as a start.fixture")
		checkScenario(t, fx)
		requireRoundTrip(t, l, fixture, fx)

		require.Len(t, sc.Steps, len(fx.Steps)+1)
		for i, st := range fx.Steps {
			require.True(t, sc.Steps[i].Fixture, "step %d", i)
			require.Equal(t, st.Kind, sc.Steps[i].Kind)
			require.True(t, deepEqual(st.Value, sc.Steps[i].Value))
		}
		require.False(t, sc.Steps[len(fx.Steps)].Fixture)
		for k, v := range fx.Vars {
			if k != "own" {
				require.True(t, deepEqual(v, sc.Vars[k]), "variable %s", k)
			}
		}
	})
}

// requireLoadError: a refusal names the file (and line and step when it
// can), or is a fixture that does not exist.
func requireLoadError(t *testing.T, err error) {
	t.Helper()
	var le *LoadError
	if errors.As(err, &le) {
		require.NotEmpty(t, le.File, "%v", err)
		require.NotEmpty(t, le.Msg, "%v", err)
		return
	}
	require.ErrorIs(t, err, fs.ErrNotExist, "not a LoadError: %v", err)
}

// checkScenario checks what the runner relies on for every accepted step.
func checkScenario(t *testing.T, sc *Scenario) {
	t.Helper()
	require.NotEmpty(t, sc.Name)
	require.NotNil(t, sc.Vars)
	for i, st := range sc.Steps {
		require.Contains(t, StepKinds(), st.Kind, "step %d", i)
		require.Positive(t, st.Index, "step %d", i)
		require.NotEmpty(t, st.File, "step %d", i)
		require.NoError(t, st.check(), "step %d", i)
		require.NotEmpty(t, st.Label(), "step %d", i)
		_ = st.methodsOf()
	}
	require.NoError(t, sc.validate())
}

// render writes sc back as a scenario file: its own steps (start.fixture
// brings the fixture's), values through yamlValue as the recorder writes
// them.
func render(t *testing.T, sc *Scenario) []byte {
	t.Helper()
	top := newOrdered()
	top.add("name", sc.Name)
	top.add("description", sc.Description)
	if sc.APIVersion != "" {
		top.add("apiVersion", sc.APIVersion)
	}
	var start yaml.Node
	require.NoError(t, start.Encode(sc.Start))
	if sc.Start.KACLS == nil {
		// nil (no KACLS) and [] (one instance at /v1) differ: leave the
		// key out rather than have the encoder write "kacls: []".
		for i := 0; i+1 < len(start.Content); i += 2 {
			if start.Content[i].Value == "kacls" {
				start.Content = append(start.Content[:i], start.Content[i+2:]...)
				break
			}
		}
	}
	top.addNode("start", &start)
	top.add("vars", sc.Vars)
	if len(sc.ExtraMethods) > 0 {
		top.add("extraMethods", sc.ExtraMethods)
	}
	steps := &yaml.Node{Kind: yaml.SequenceNode}
	for _, st := range sc.Steps {
		if st.Fixture {
			continue
		}
		o := newOrdered()
		o.add(st.Kind, st.Value)
		if st.Name != "" {
			o.add("name", st.Name)
		}
		for _, k := range sortedKeys(st.Fields) {
			o.add(k, st.Fields[k])
		}
		if st.Capture != nil {
			o.add("capture", st.Capture)
		}
		steps.Content = append(steps.Content, o.node())
	}
	top.addNode("steps", steps)
	out, err := yaml.Marshal(top.node())
	require.NoError(t, err)
	return out
}

func requireRoundTrip(t *testing.T, l *Loader, file string, sc *Scenario) {
	t.Helper()
	again := render(t, sc)
	sc2, err := parse(l, file, again, 0)
	require.NoError(t, err, "the rendered scenario does not load:\n%s", again)
	require.Equal(t, sc.Name, sc2.Name)
	require.Equal(t, sc.Description, sc2.Description)
	require.Equal(t, sc.APIVersion, sc2.APIVersion)
	require.True(t, reflect.DeepEqual(sc.Start, sc2.Start), "start %+v, rendered %+v\n%s", sc.Start, sc2.Start, again)
	require.True(t, deepEqual(anyMap(sc.Vars), anyMap(sc2.Vars)), "vars %v, rendered %v\n%s", sc.Vars, sc2.Vars, again)
	require.Equal(t, set(sc.ExtraMethods), set(sc2.ExtraMethods))
	require.Len(t, sc2.Steps, len(sc.Steps), "%s", again)
	for i, st := range sc.Steps {
		st2 := sc2.Steps[i]
		require.Equal(t, st.Kind, st2.Kind, "step %d", i)
		require.Equal(t, st.Name, st2.Name, "step %d", i)
		require.Equal(t, st.Fixture, st2.Fixture, "step %d", i)
		require.Equal(t, st.Capture, st2.Capture, "step %d", i)
		require.True(t, deepEqual(st.Value, st2.Value), "step %d value %#v, rendered %#v\n%s", i, st.Value, st2.Value, again)
		require.True(t, deepEqual(anyMap(st.Fields), anyMap(st2.Fields)), "step %d fields %#v, rendered %#v\n%s", i, st.Fields, st2.Fields, again)
	}
}

func anyMap(m map[string]any) any { return m }

func set(xs []string) []string {
	out := slices.Clone(xs)
	sort.Strings(out)
	return slices.Compact(out)
}
