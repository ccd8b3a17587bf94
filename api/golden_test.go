package api_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

var update = flag.Bool("update", false, "rewrite api/testdata/golden/*.golden.json")

var (
	pemRE  = regexp.MustCompile(`-----BEGIN [A-Z ]+-----[^-]*-----END [A-Z ]+-----\\n`)
	portRE = regexp.MustCompile(`"kmipKeyServerPort":\d+`) // the embedded server's free port
)

// TestGoldenWireShapes pins the exact answers (members, types, values) of
// the main result shapes on a seeded emulator with a virtual clock. Run
// `go test ./api -run TestGoldenWireShapes -update` after an intended change.
func TestGoldenWireShapes(t *testing.T) {
	seed := uint64(7)
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) { c.Seed = &seed }))
	p, _ := s.SetupEKM()
	s.OK("EnableEncryptionAtRest", map[string]any{"keyProviderID": p})
	s.Advance(5)
	h := s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyProviderID": p})["asyncHandle"]
	s.Advance(2)
	running := s.Call("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true}).Raw
	s.Advance(4)
	status, _ := s.Control("POST", "drives/1/eject-metadata", nil)
	require.Equal(t, 200, status)

	for _, tt := range []struct {
		name, body string
		raw        []byte
	}{
		{name: "GetClusterInfo", body: `{"method":"GetClusterInfo","id":1}`},
		{name: "ListActiveNodes", body: `{"method":"ListActiveNodes","id":1}`},
		{name: "GetClusterCapacity", body: `{"method":"GetClusterCapacity","id":1}`},
		{name: "GetKeyServerKmip", body: `{"method":"GetKeyServerKmip","params":{"keyServerID":1},"id":1}`},
		{name: "ListKeyProvidersKmip", body: `{"method":"ListKeyProvidersKmip","id":1}`},
		{name: "GetAsyncResult_running", raw: running},
		{name: "ListAsyncResults", body: `{"method":"ListAsyncResults","id":1}`},
		{name: "GetAsyncResult_complete", body: `{"method":"GetAsyncResult","params":{"asyncHandle":1},"id":1}`},
		{name: "GetSoftwareEncryptionAtRestInfo", body: `{"method":"GetSoftwareEncryptionAtRestInfo","id":1}`},
		{name: "GetEncryptionAtRestInfo", body: `{"method":"GetEncryptionAtRestInfo","id":1}`},
		{name: "GetDriveHardwareInfo", body: `{"method":"GetDriveHardwareInfo","params":{"driveID":2},"id":1}`},
		{name: "ListClusterFaults", body: `{"method":"ListClusterFaults","params":{"faultTypes":"current"},"id":1}`},
		{name: "error_unknown_handle", body: `{"method":"GetAsyncResult","params":{"asyncHandle":99},"id":"x"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			raw := tt.raw
			if raw == nil {
				status, raw = s.Post(tt.body)
				require.Equal(t, 200, status)
			}
			checkGolden(t, tt.name, raw)
		})
	}
}

// checkGolden compares an answer, with its PEM blocks and the KMIP port
// masked and indented, with testdata/golden/<name>.golden.json (-update
// rewrites the file).
func checkGolden(t *testing.T, name string, raw []byte) {
	t.Helper()
	raw = pemRE.ReplaceAll(raw, []byte(`<PEM>`))
	raw = portRE.ReplaceAll(raw, []byte(`"kmipKeyServerPort":"<kmipPort>"`))
	var v any
	require.NoError(t, json.Unmarshal(raw, &v), string(raw))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(v))
	got := buf.Bytes()
	path := filepath.Join("testdata", "golden", name+".golden.json")
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file: run with -update")
	require.JSONEq(t, string(want), string(got))
	require.True(t, bytes.Contains(want, []byte(`"id"`)))
}
