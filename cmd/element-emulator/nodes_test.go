package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestControlNodeAdd: "control node-add" makes a pending node through the
// lab control, with or without a JSON body; a bad body is one line.
func TestControlNodeAdd(t *testing.T) {
	e, stop := runInProcess(t, t.TempDir())
	defer stop()
	lab := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(context.Background(), append([]string{"control", "--target", "http://" + e.Addr("http")}, args...),
			func(string) string { return "" }, strings.NewReader(""), &out, io.Discard)
		return out.String(), err
	}
	out, err := lab("node-add")
	require.NoError(t, err)
	require.Contains(t, out, `"pendingNodeID":1`)
	out, err = lab("node-add", `{"name":"node-5","drives":6}`)
	require.NoError(t, err)
	require.Contains(t, out, `"name":"node-5"`)
	_, err = lab("node-add", `{"drives":99}`)
	require.ErrorContains(t, err, "HTTP 400")
	require.NotContains(t, err.Error(), "\n")
	_, err = lab("node-add", `{oops`)
	require.ErrorContains(t, err, "must be a JSON object")
}
