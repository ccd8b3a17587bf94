package replay

import (
	"bytes"
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
	for _, v := range [][]string{nil, {}, {"GetAPI", "yes", "1", "a b", "x\ny", "é"}} {
		var slow yaml.Node
		require.NoError(t, slow.Encode(v))
		want, err := yaml.Marshal(&slow)
		require.NoError(t, err)
		got, err := yaml.Marshal(valueNode(v))
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "%#v", v)
	}
	for _, v := range []any{"a\nb", "é", "\t", "x\x7f", uint8(1), []any{}, "<<"} {
		require.Nil(t, plainScalarNode(v), "%#v", v)
	}
}

// TestDecodeStrictDirectAgreesWithRoundTrip: a start mapping decodes to the
// same value, or is refused alike, directly and through the text round
// trip decodeStrict takes for the rest.
func TestDecodeStrictDirectAgreesWithRoundTrip(t *testing.T) {
	for _, src := range []string{
		`{}`, `{clock: virtual, seed: 7, softwareEAR: false, nodes: 3, drivesPerNode: 2, rekeyDuration: 1.5, fixture: f.yaml, kacls: [a, b]}`,
		`{seed: -1}`, `{seed: x}`, `{nodes: [1]}`, `{kacls: []}`, `{kacls: null}`, `{clock: 5}`, `{softwareEAR: yes}`,
		`{nodes: 1, nodes: 2}`, `{rekeyDuration: .inf}`, `{seed: 18446744073709551615}`, `{fixture: {a: 1}}`,
	} {
		var doc yaml.Node
		require.NoError(t, yaml.Unmarshal([]byte(src), &doc), src)
		n := doc.Content[0]
		require.True(t, knownPlainMapping(n, &Start{}), src)
		var direct, round Start
		errDirect := n.Decode(&direct)
		b, err := yaml.Marshal(n)
		require.NoError(t, err)
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		errRound := dec.Decode(&round)
		require.Equal(t, errRound == nil, errDirect == nil, "%s: %v / %v", src, errDirect, errRound)
		require.Equal(t, round, direct, src)
	}
	for _, src := range []string{`{frob: 1}`, `{<<: {nodes: 1}}`, `{nodes: &a 1}`, `{nodes: !!int 1}`, `[1]`} {
		var doc yaml.Node
		require.NoError(t, yaml.Unmarshal([]byte(src), &doc), src)
		require.False(t, knownPlainMapping(doc.Content[0], &Start{}), src)
	}
}
