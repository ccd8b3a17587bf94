package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMain lets the test binary play the table's peers: the table command
// starts them as child processes of os.Executable(), which is this binary
// under go test.
func TestMain(m *testing.M) {
	if mode := os.Getenv(peerEnv); mode != "" {
		if err := peerMain(mode, os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, "peer:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// The table command, in its quick mode: every figure is measured once,
// briefly, and printed with its peer, ratio and goal. The figures
// themselves are not asserted (they depend on the machine).
func TestTableCommandQuick(t *testing.T) {
	bin := emulatorBinary(t)
	var out bytes.Buffer
	err := run(context.Background(), []string{"table", "-quick", "-bin", bin}, &out, io.Discard)
	require.NoError(t, err, out.String())
	text := out.String()
	require.Contains(t, text, "element-bench table: ")
	for _, figure := range []string{"GetClusterInfo, 16 keep-alive clients", "Create+DeleteKeyServerKmip, 4 clients",
		"rekey to the embedded key server", "KMIP Create+Get pairs/s", "cold start to the first GetAPI answer",
		"lab --clusters 30 start-up", "lab --clusters 30 VmRSS"} {
		var line string
		for _, l := range strings.Split(text, "\n") {
			if strings.HasPrefix(l, figure) {
				line = l
			}
		}
		require.NotEmpty(t, line, "no row for %q in:\n%s", figure, text)
		if strings.Contains(line, "skipped: ") {
			require.Contains(t, figure, "KMIP", "only the PyKMIP figure may be skipped")
			continue
		}
		require.Regexp(t, `[0-9.]+× +[≤≥] [0-9.]+(×| ms| MiB) +(met|missed)$`, line)
	}
}

func TestTableRejectsUnknownFigure(t *testing.T) {
	err := run(context.Background(), []string{"table", "-only", "nosuch"}, io.Discard, io.Discard)
	require.ErrorContains(t, err, `unknown figure "nosuch"`)
}
