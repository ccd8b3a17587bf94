package main

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/require"
)

// emulatorBinary builds the emulator once for the tests of this package.
func emulatorBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the emulator binary")
	}
	bin, err := buildEmulator(context.Background(), "", t.TempDir())
	require.NoError(t, err)
	return bin
}

// The crash command, shortened: a few seeded kills, every check passing.
func TestCrashCommandRecoversEveryKill(t *testing.T) {
	bin := emulatorBinary(t)
	var out bytes.Buffer
	err := run(context.Background(), []string{"crash", "-kills", "4", "-seed", "7", "-bin", bin}, &out, io.Discard)
	require.NoError(t, err, out.String())
	require.Contains(t, out.String(), "crash: 4 runs")
	require.Contains(t, out.String(), " 0 runs failed")
	require.Contains(t, out.String(), "check orphan     failures: 0")
}
