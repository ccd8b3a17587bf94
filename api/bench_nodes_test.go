package api_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// BenchmarkListActiveNodes lists the 4 nodes with no virtual network and
// with 10 (each node then lists its address on each), and
// ListVirtualNetworks of those 10.
func BenchmarkListActiveNodes(b *testing.B) {
	s := apitest.NewServer(b)
	run := func(name, body, count string, want int) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if status, out := s.Post(body); status != 200 || strings.Count(string(out), count) != want {
					b.Fatalf("HTTP %d: %s", status, out)
				}
			}
		})
	}
	run("NoVirtualNetworks", `{"method":"ListActiveNodes","id":1}`, `"nodeID"`, 4)
	for i := 1; i <= 10; i++ {
		s.OK("AddVirtualNetwork", map[string]any{"virtualNetworkTag": i, "name": fmt.Sprint("vn-", i), "netmask": "255.255.255.0",
			"svip": fmt.Sprintf("10.%d.0.5", i), "addressBlocks": []any{map[string]any{"start": fmt.Sprintf("10.%d.0.10", i), "size": 16}}})
	}
	run("TenVirtualNetworks", `{"method":"ListActiveNodes","id":1}`, `"virtualNetworkID"`, 40)
	run("ListVirtualNetworks10", `{"method":"ListVirtualNetworks","id":1}`, `"virtualNetworkTag"`, 10)
}

// BenchmarkAddNodes: the pending node listed, added, installed on the
// clock and removed again (back to pending), per iteration.
func BenchmarkAddNodes(b *testing.B) {
	s := apitest.NewServer(b)
	if status, body := s.Control("POST", "nodes", map[string]any{"drives": 4}); status != 200 {
		b.Fatalf("POST nodes: %d %v", status, body)
	}
	for b.Loop() {
		p := objsB(b, s.OK("ListPendingNodes", nil)["pendingNodes"])[0]["pendingNodeID"]
		r := s.OK("AddNodes", map[string]any{"pendingNodes": []any{p}, "autoInstall": false})
		id := apitest.Int(b, objsB(b, r["nodes"])[0]["assignedNodeID"])
		s.Advance(10)
		s.OK("RemoveNodes", map[string]any{"nodes": []int64{id}})
	}
}

func objsB(b *testing.B, v any) []map[string]any {
	b.Helper()
	list, ok := v.([]any)
	if !ok {
		b.Fatalf("not a list: %v", v)
	}
	out := make([]map[string]any, 0, len(list))
	for _, x := range list {
		out = append(out, x.(map[string]any))
	}
	return out
}
