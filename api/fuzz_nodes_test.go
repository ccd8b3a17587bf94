package api_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

// fuzzNodeMethods are the cluster-listener methods FuzzNodeMethods picks
// from (docs/nodes.md).
var fuzzNodeMethods = []string{"ListPendingNodes", "ListPendingActiveNodes", "AddNodes", "RemoveNodes", "GetNetworkConfig",
	"AddVirtualNetwork", "ModifyVirtualNetwork", "ListVirtualNetworks", "RemoveVirtualNetwork", "ListAllNodes", "ListActiveNodes"}

// FuzzNodeMethods sends arbitrary params to the membership and network
// methods of one in-memory emulator with a pending node (reset and a new
// pending node every 500 inputs): every answer is HTTP 200 with exactly
// one of result and error, and no input reaches the generic internal error.
func FuzzNodeMethods(f *testing.F) {
	for i, p := range []string{`{}`, `{}`, `{"pendingNodes":[1],"autoInstall":false}`, `{"nodes":[4],"ignoreEnsembleToleranceChange":true}`,
		`{"force":true}`, `{"virtualNetworkTag":7,"name":"n","netmask":"255.255.255.0","svip":"10.0.0.5","addressBlocks":[{"start":"10.0.0.10","size":4}]}`,
		`{"virtualNetworkID":1,"addressBlocks":[{"start":"10.0.0.10","size":40}],"namespace":true,"gateway":"10.0.0.1"}`,
		`{"virtualNetworkIDs":[1],"virtualNetworkTags":[7]}`, `{"virtualNetworkTag":7}`, `{}`, `{}`} {
		f.Add(uint8(i), []byte(p))
	}
	f.Add(uint8(5), []byte(`{"virtualNetworkTag":1,"name":"n","netmask":"128.0.0.0","svip":"127.255.255.254","addressBlocks":[{"start":"0.0.0.1","size":65536}]}`))
	f.Add(uint8(6), []byte(`{"virtualNetworkTag":7,"virtualNetworkID":1}`))
	f.Add(uint8(2), []byte(`{"pendingNodes":[1,1,-1]}`))

	s := apitest.NewServer(f, apitest.WithConfig(func(c *emulator.Config) {
		c.Ephemeral = true
		c.Logger = slog.New(slog.DiscardHandler)
	}))
	h := s.Emu.ClusterHandler()
	do := func(method, path string, body []byte) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, bytes.NewReader(body))
		req.SetBasicAuth(s.User, s.Pass)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	do(http.MethodPost, "/_emulator/nodes", nil)
	n := 0
	f.Fuzz(func(t *testing.T, m uint8, params []byte) {
		if n++; n%500 == 0 {
			do(http.MethodPost, "/_emulator/reset", nil)
			do(http.MethodPost, "/_emulator/nodes", nil)
		}
		method := fuzzNodeMethods[int(m)%len(fuzzNodeMethods)]
		body := []byte(`{"method":"` + method + `","id":1,"params":`)
		if json.Valid(params) {
			body = append(append(body, params...), '}')
		} else {
			b, _ := json.Marshal(string(params))
			body = append(append(body, b...), '}')
		}
		rec := do(http.MethodPost, "/json-rpc/12.7", body)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s %s: HTTP %d %s", method, params, rec.Code, rec.Body)
		}
		var env struct {
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Name string `json:"name"`
			} `json:"error"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil {
			t.Fatalf("%s %s: answer is not JSON: %s", method, params, rec.Body)
		}
		if (env.Error == nil) == (len(env.Result) == 0) {
			t.Fatalf("%s %s: want exactly one of result and error: %s", method, params, rec.Body)
		}
		if env.Error != nil && (env.Error.Name == "xInternalError" || !strings.HasPrefix(env.Error.Name, "x")) {
			t.Fatalf("%s %s: %s", method, params, rec.Body)
		}
	})
}
