package replay

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestPlainScalarNodeRendersAsEncode: a scalar node built directly renders
// to the same text as the one yaml.Node.Encode makes, as a value and as a
// mapping key.
func TestPlainScalarNodeRendersAsEncode(t *testing.T) {
	values := []any{nil, true, false, 0, -7, int64(math.MaxInt64), int64(math.MinInt64),
		0.0, 1.0, -1.5, 1e21, 1e-7, 123456789.125, math.Inf(1), math.Inf(-1), math.NaN(),
		"", " ", "  x", "x ", "a b", "GetAPI", "true", "True", "FALSE", "null", "Null", "~", "yes", "No", "on", "OFF", "y", "n",
		"1", "-1", "+1", "0x1F", "0o17", "017", "1_000", "1.5", ".5", "1e3", ".inf", "-.Inf", ".NaN", "190:20:30", "1:20", "-1:20.5", "1:70",
		"2026-03-01", "2026-03-01T12:00:00Z", "12:00", "=", "!tag", "&a", "*a", "-", "- x", "? x", ": x", "x: y", "x:y", "x #y", "#x",
		"[a]", "{a}", "a,b", "'q'", `"q"`, "%x", "<<x", "@x", "`x", "|", ">", "x|y", "${V}", "$${V}", "a\\b", "---", "...", "--- x",
		"/json-rpc/12.3", "http://127.0.0.1:8080/x?y=1#z", "xAsyncHandleDoesNotExist", "Async handle 7 does not exist."}
	for _, v := range values {
		fast := plainScalarNode(v)
		require.NotNil(t, fast, "%#v", v)
		var slow yaml.Node
		require.NoError(t, slow.Encode(v))
		for _, wrap := range []func(*yaml.Node) *yaml.Node{
			func(n *yaml.Node) *yaml.Node { return n },
			func(n *yaml.Node) *yaml.Node {
				return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "k"}, n}}
			},
			func(n *yaml.Node) *yaml.Node {
				return &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Content: []*yaml.Node{n, {Kind: yaml.ScalarNode, Value: "v"}}}}}
			},
		} {
			want, err := yaml.Marshal(wrap(&slow))
			require.NoError(t, err)
			got, err := yaml.Marshal(wrap(fast))
			require.NoError(t, err)
			require.Equal(t, string(want), string(got), "%#v", v)
		}
	}
	for _, v := range []any{"a\nb", "é", "\t", "x\x7f", uint8(1), []any{}, "<<"} {
		require.Nil(t, plainScalarNode(v), "%#v", v)
	}
}
