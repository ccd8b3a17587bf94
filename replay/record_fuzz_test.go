package replay

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzRecord feeds captured exchanges to the record proxy's capture (what
// ServeHTTP calls once the target answered): two exchanges, each a
// JSON-RPC call or an /_emulator/ control (kind), with the request's query
// and body and the answer's status and body. Seeds are real answers (the
// golden files of api/) to the requests that produce them, then a request
// naming an ID the first answer gave.
//
// Invariants: no panic; the recording renders, loads as a scenario with
// one step per recorded exchange, and every variable it uses was captured
// by an earlier step (Parse checks that).
func FuzzRecord(f *testing.F) {
	golden, err := filepath.Glob("../api/testdata/golden/*.golden.json")
	require.NoError(f, err)
	require.NotEmpty(f, golden)
	for _, p := range golden {
		answer, err := os.ReadFile(p)
		require.NoError(f, err)
		method, _, _ := strings.Cut(strings.TrimSuffix(filepath.Base(p), ".golden.json"), "_")
		f.Add(uint8(0), "", []byte(`{"method":"`+method+`","params":{},"id":1}`), uint16(200), answer,
			[]byte(`{"method":"GetKeyProviderKmip","params":{"keyProviderID":1},"id":2}`), []byte(`{"id":2,"result":{}}`))
	}
	f.Add(uint8(0), "", []byte(`{"method":"CreateKeyServerKmip","params":{"kmipKeyServerHostnames":["127.0.0.1"],"kmipKeyServerPort":5696,"kmipKeyServerName":"ks"},"id":1}`),
		uint16(200), []byte(`{"id":1,"result":{"kmipKeyServer":{"keyServerID":3,"kmipKeyServerPort":5696,"kmipKeyServerName":"ks"}}}`),
		[]byte(`{"method":"DeleteKeyServerKmip","params":{"keyServerID":3},"id":2}`), []byte(`{"id":2,"result":{}}`))
	f.Add(uint8(1|1<<1|1<<2), "faults", []byte(`{"target":"kmip-client","match":{"keyServerID":1},"effect":"unreachable"}`), uint16(200),
		[]byte(`{"ruleID":4,"target":"kmip-client","effect":"unreachable"}`), []byte(``), []byte(`{"deleted":4}`))
	f.Add(uint8(1|1<<2), "clock/advance", []byte(`{"seconds":5}`), uint16(200), []byte(`{"now":"2026-03-01T12:00:05Z","unix":1772366405}`),
		[]byte(`{"method":"GetAsyncResult","params":{"asyncHandle":7}}`), []byte(`{"id":null,"error":{"code":500,"name":"xAsyncHandleDoesNotExist","message":"Async handle 7 does not exist."}}`))
	f.Add(uint8(0), "method=GetAPI&id=3", []byte(``), uint16(200), []byte(`{"id":"3","result":{"currentVersion":"12.7"}}`), []byte(`not json`), []byte(`{}`))
	f.Add(uint8(1|2<<2), "snapshot", []byte(`{"name":"x y"}`), uint16(400), []byte(`{"error":"bad name"}`), []byte(`{"method":"ListDrives"}`), []byte(`{"id":null,"result":{"drives":[]}}`))

	opt := RecordOptions{Target: "http://127.0.0.1:8080", Name: "fuzz", KMIPPort: defaultKMIPPort}
	methods := []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch}
	f.Fuzz(func(t *testing.T, kind uint8, pathOrQuery string, body1 []byte, status uint16, answer1, body2, answer2 []byte) {
		r := &Recorder{opt: opt, bound: map[string]string{}, names: map[string]int{}, extra: map[string]bool{}}
		st := 100 + int(status)%500
		for i, ex := range []struct {
			control bool
			body    []byte
			status  int
			answer  []byte
		}{{kind&1 != 0, body1, st, answer1}, {kind&2 != 0, body2, http.StatusOK, answer2}} {
			req := &http.Request{Method: methods[int(kind>>2)%len(methods)], URL: &url.URL{Path: "/json-rpc/12.3"}, Header: http.Header{}}
			if ex.control {
				req.URL.Path = "/_emulator/" + pathOrQuery
				if i == 1 {
					req.Method, req.URL.Path = http.MethodDelete, "/_emulator/faults/4"
				}
			} else if i == 0 {
				req.URL.RawQuery = pathOrQuery
			}
			r.record(req, ex.body, ex.status, "application/json", ex.answer)
		}
		out, err := r.Scenario()
		require.NoError(t, err)
		sc, err := Parse("recorded.yaml", out)
		require.NoError(t, err, "the recording does not load:\n%s", out)
		require.Len(t, sc.Steps, r.Len(), "%s", out)
	})
}
