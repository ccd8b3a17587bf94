package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/clock"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/emulator"
)

// The load command's mix (reads, churn, probes, rekeys) against an
// in-process emulator on the real clock, so that under -race the detector
// watches every path the mix takes: no unexpected error, and every
// acknowledged write is there afterwards. Timing is never asserted.
func TestLoadMixInProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a few seconds of concurrent load")
	}
	cc := cluster.DefaultConfig()
	cc.RekeyDuration = 300 * time.Millisecond
	e, err := emulator.New(context.Background(), emulator.Config{DataDir: filepath.Join(t.TempDir(), "data"),
		HTTPAddr: "127.0.0.1:0", KMIPAddr: "127.0.0.1:0", Clock: clock.Real, Cluster: cc, ClientCertDays: 365,
		SettleEvery: 100 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	require.NoError(t, e.Start(context.Background()))
	t.Cleanup(func() { require.NoError(t, e.Close()) })

	res, err := drive(context.Background(), loadOptions{clients: 12, duration: 2 * time.Second, rekey: cc.RekeyDuration, seed: 3},
		"http://"+e.Addr("http"), e.KMIPAddr())
	require.NoError(t, err)
	require.Empty(t, res.errs, "unexpected errors")
	require.Empty(t, res.problems, "consistency")
	for _, class := range []string{"read", "mutation", "probe", "rekey"} {
		require.NotEmpty(t, res.lat[class], "no %s call was made", class)
	}
}
