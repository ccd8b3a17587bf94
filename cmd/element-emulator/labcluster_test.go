package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// openTestLabCluster opens lab cluster 1 of o (on free ports) with an
// ephemeral store, the virtual clock and the extra flags args, closed at
// the end of the test.
func openTestLabCluster(t *testing.T, o labOptions, args ...string) *labCluster {
	t.Helper()
	o.BasePort = 0
	c, _, err := parseConfig("element-emulator", append([]string{"--ephemeral", "--clock", "virtual"}, args...),
		func(string) string { return "" }, io.Discard)
	require.NoError(t, err)
	lc, err := openLabCluster(context.Background(), o, c, []byte("secret"), 1, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	t.Cleanup(func() { lc.Emu.Close() })
	return lc
}

// requireLabTableShows checks that the class table has the heading and
// the URL.
func requireLabTableShows(t *testing.T, lc *labCluster, heading, url string) {
	t.Helper()
	var sb strings.Builder
	printLabTable(&sb, []*labCluster{lc})
	require.Contains(t, sb.String(), heading)
	require.Contains(t, sb.String(), url)
}
