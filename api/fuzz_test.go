package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/cluster"
)

// fuzzTable is testTable without the methods that fail on purpose.
func fuzzTable(s *Server) []method {
	var ms []method
	for _, m := range testTable(s) {
		switch m.name {
		case "Panic", "Fail", "NotObject":
			continue
		}
		ms = append(ms, m)
	}
	return ms
}

// FuzzEnvelope drives whole requests through the cluster listener: every
// answer is HTTP 200 JSON with the id echoed byte for byte and exactly one
// of result/error, never an internal error.
func FuzzEnvelope(f *testing.F) {
	for _, seed := range []struct {
		body, query string
		get         bool
	}{
		{`{"method":"GetAPI","id":0}`, "", false},                                    // Python SDK bootstrap
		{`{"method":"GetAPI","params":null,"id":1}`, "", false},                      // solidfire-go
		{`{"method":"getapi","params":{}}`, "", false},                               // Terraform: no id
		{`{"method":"Echo","params":{"n":"1","kind":"external"},"id":7}`, "", false}, // doc replay
		{`{"method":"Echo","params":{"n":1.0,"flag":"TRUE","list":["a"]},"id":"x"}`, "", false},
		{`{"method":"Echo","params":{"newer":1},"id":12345678901234567890}`, "", false},
		{`{"jsonrpc":"2.0","method":"Nil","id":{"a":[1,2]}}`, "", false},
		{`[{"method":"GetAPI"}]`, "", false},
		{`{"method":5}`, "", false},
		{`{"method":"GetAPI","params":[]}`, "", false},
		{`not json`, "", false},
		{``, "method=GetAPI&id=7", false},
		{``, "method=Echo&n=4&flag=true&list=a&list=b", true},
		{``, "method=Echo&list=%5B%22a%22%5D&id=%22q%22", true},
		{``, "method=Echo&n=%7B%7D", true},
		{``, "id=1", true},
	} {
		f.Add([]byte(seed.body), seed.query, seed.get)
	}
	s, err := newServer(Deps{User: testUser, Password: testPass, CurrentVersion: "12.7"}, fuzzTable)
	require.NoError(f, err)
	h := s.ClusterHandler()
	// The recorder is built once and reset for each input. The checks are
	// plain comparisons: testify's, with their messages built on every
	// input, and a new recorder made 31 of its 110 allocations.
	rec := httptest.NewRecorder()
	f.Fuzz(func(t *testing.T, body []byte, query string, get bool) {
		target := "/json-rpc/12.3"
		if query != "" {
			target += "?" + query
		}
		method := http.MethodPost
		if get {
			method, body = http.MethodGet, nil
		}
		req, err := http.NewRequestWithContext(t.Context(), method, "/", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		u, err := req.URL.Parse(target)
		if err != nil {
			t.Skip()
		}
		req.URL = u
		req.SetBasicAuth(testUser, testPass)
		rec.Body.Reset()
		clear(rec.HeaderMap)
		*rec = httptest.ResponseRecorder{HeaderMap: rec.HeaderMap, Body: rec.Body, Code: http.StatusOK}
		h.ServeHTTP(rec, req)

		out := rec.Body.Bytes()
		if rec.Code != http.StatusOK {
			t.Fatalf("HTTP %d: %s", rec.Code, out)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Fatalf("Content-Type %q: %s", ct, out)
		}
		var top map[string]json.RawMessage
		if err := json.Unmarshal(out, &top); err != nil { // also: not valid JSON
			t.Fatalf("not a JSON object (%v): %q", err, out)
		}
		res, isResult := top["result"]
		e, isError := top["error"]
		if _, ok := top["id"]; !ok || len(top) != 2 || isResult == isError {
			t.Fatalf("want id and exactly one of result and error: %s", out)
		}
		if isResult {
			if res[0] != '{' {
				t.Fatalf("result not an object: %s", out)
			}
		} else {
			var we wireError
			if err := json.Unmarshal(e, &we); err != nil {
				t.Fatalf("error member: %v: %s", err, out)
			}
			if we.Code != 500 || we.Name == internalErrorName || !strings.HasPrefix(we.Name, "x") {
				t.Fatalf("want code 500 and an x name, not %s: %s", internalErrorName, out)
			}
		}

		// The id goes out exactly as it came in.
		if !get && len(bytes.TrimSpace(body)) > 0 {
			var in map[string]json.RawMessage
			if json.Unmarshal(body, &in) == nil {
				want, ok := in["id"]
				if !ok {
					want = json.RawMessage("null")
				}
				if !bytes.HasPrefix(out, append([]byte(`{"id":`), want...)) {
					t.Fatalf("id %s, got %s", want, out)
				}
			}
		}
	})
}

type fuzzDrive struct {
	DriveID int64   `param:"driveID,required" json:"driveID"`
	Type    *string `param:"type" enum:"block,volume" json:"type"`
}

// fuzzParams carries json tags equal to its param tags so a decoded value
// can be re-encoded and decoded again.
type fuzzParams struct {
	ID     int64           `param:"id,required" json:"id"`
	PI     *int64          `param:"pi" json:"pi"`
	B      bool            `param:"b" json:"b"`
	PB     *bool           `param:"pb" json:"pb"`
	S      string          `param:"s" json:"s"`
	E      *string         `param:"e" enum:"Internal,External" json:"e"`
	L      []string        `param:"l" json:"l"`
	IDs    []int64         `param:"ids" json:"ids"`
	Drives []fuzzDrive     `param:"drives" json:"drives"`
	One    *fuzzDrive      `param:"one" json:"one"`
	Attrs  map[string]any  `param:"attrs" json:"attrs"`
	Raw    json.RawMessage `param:"raw" json:"raw"`
	F      float64         `param:"f" json:"f"`
	Newer  *string         `param:"newer" since:"12.5" json:"newer"`
}

// FuzzParams: decoding never panics and fails only with an API error; what
// decodes re-encodes to params that decode to the same value.
func FuzzParams(f *testing.F) {
	for _, seed := range []string{
		`{"id":1}`,
		`{"id":"1","pi":2.0,"b":"TRUE","pb":0,"s":"x","e":"external"}`,
		`{"id":1e2,"l":["a","b"],"ids":[1,"2",3e0],"drives":[{"driveID":1,"type":"BLOCK"}]}`,
		`{"id":1,"one":{"driveID":"4"},"attrs":{"n":12345678901234567890,"o":{"p":[1]}},"raw":[1, {"a" : null}]}`,
		`{"id":1,"f":1.5,"newer":"x"}`,
		`{"id":null}`,
		`{"id":9223372036854775808}`,
		`{"id":1,"drives":[{"type":"ssd"}]}`,
		`null`,
		`[]`,
		`{"id":1,"s":"<&>\u0000\ud800"}`,
	} {
		f.Add([]byte(seed), "12.3")
		f.Add([]byte(seed), "12.7")
	}
	f.Fuzz(func(t *testing.T, raw []byte, version string) {
		if _, ok := parseVersion(version); !ok {
			version = ""
		}
		if !json.Valid(raw) {
			// The envelope has already refused it; still must not panic.
			var p fuzzParams
			_ = decodeParamsAt(raw, &p, version)
			return
		}
		var p fuzzParams
		err := decodeParamsAt(raw, &p, version)
		if err != nil {
			var ce *cluster.Error
			require.True(t, errors.As(err, &ce), "not an API error: %v", err)
			require.True(t, strings.HasPrefix(ce.Name, "x"))
			return
		}
		again, err := json.Marshal(p)
		require.NoError(t, err)
		var q fuzzParams
		require.NoError(t, decodeParamsAt(again, &q, version), "%s", again)
		requireSameJSON(t, p.Raw, q.Raw)
		p.Raw, q.Raw = nil, nil
		require.Equal(t, p, q)
	})
}

func requireSameJSON(t *testing.T, a, b json.RawMessage) {
	t.Helper()
	if a == nil || b == nil {
		require.Equal(t, a == nil, b == nil)
		return
	}
	var x, y any
	require.NoError(t, unmarshalNumber(a, &x))
	require.NoError(t, unmarshalNumber(b, &y))
	require.Equal(t, x, y)
}

// FuzzTyped runs the typed adapter with a URL version from the context.
func FuzzTyped(f *testing.F) {
	f.Add([]byte(`{"id":1,"newer":"x"}`), "12.3")
	f.Add([]byte(`{"id":"7"}`), "7.0")
	call := typed(func(_ context.Context, p fuzzParams) (*fuzzParams, error) { return &p, nil })
	f.Fuzz(func(t *testing.T, raw []byte, version string) {
		ctx := withRequestInfo(t.Context(), requestInfo{version: version, listener: listenerCluster})
		_, err := call(ctx, raw)
		if err != nil {
			var ce *cluster.Error
			if _, ok := parseVersion(version); ok || version == "" {
				require.True(t, errors.As(err, &ce), "not an API error: %v", err)
			}
		}
	})
}
