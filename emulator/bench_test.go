package emulator_test

import (
	"context"
	"testing"

	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/emulator"
)

// BenchmarkColdStart is the emulator's part of a cold start: a new data
// directory, every default service built, every listener on a free port,
// then closed. The process part (exec, runtime and package init) is what
// `element-bench table -only coldstart` adds; profile this one with
// -cpuprofile to see where a start goes.
func BenchmarkColdStart(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		e, err := emulator.New(ctx, emulator.Config{
			DataDir: b.TempDir(), Cluster: cluster.DefaultConfig(),
			HTTPSAddr: "127.0.0.1:0", NodeAddr: "127.0.0.1:0", HTTPAddr: "127.0.0.1:0", KMIPAddr: "127.0.0.1:0",
			KACLSAddr: "127.0.0.1:0", AlikmsAddr: "127.0.0.1:0", TCKMSAddr: "127.0.0.1:0",
		})
		if err != nil {
			b.Fatal(err)
		}
		if err := e.Listen(ctx); err != nil {
			b.Fatal(err)
		}
		e.Close()
	}
}
