package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/emulator"
)

var updateDocs = flag.Bool("update", false, "rewrite the doctest samples of docs/*.md with what a run prints")

// docFiles hold the procedures TestDocSamples runs. In them, a line
//
//	<!-- doctest: SESSION... -->
//
// right before a ```sh block marks it: the block runs, in document order,
// in a bash of each session named, and the fenced block that follows it
// directly (```json or ```text), if any, is what it must print.
var docFiles = []string{"../../docs/quickstart.md", "../../docs/labs.md"}

// docStart is the emulator time every session starts at; with the fixed
// seed and the virtual clock it makes the samples' IDs and times repeat.
var docStart = time.Date(2026, 11, 26, 5, 54, 19, 0, time.UTC)

// The documented defaults the samples show; a session listens elsewhere.
const (
	docHTTPAddr = "127.0.0.1:8080"
	docKMIPAddr = "127.0.0.1:5696"
)

var markerRe = regexp.MustCompile(`^<!-- doctest: ([a-z0-9 -]+) -->$`)

// docBlock is a marked command block and the sample that follows it.
type docBlock struct {
	file     string
	sessions []string
	line     int // 1-based line of the command block's opening fence
	cmd      string
	// outStart, outEnd delimit the sample's lines (0-based, [start, end));
	// outStart < 0 when the block has no sample.
	outStart, outEnd int
	want             string
	got              string
}

// parseDocBlocks finds the marked blocks of one document.
func parseDocBlocks(file string, lines []string) ([]*docBlock, error) {
	var blocks []*docBlock
	fence := func(i int) (string, bool) {
		if i >= len(lines) || !strings.HasPrefix(lines[i], "```") {
			return "", false
		}
		return strings.TrimSpace(strings.TrimPrefix(lines[i], "```")), true
	}
	closing := func(open int) (int, error) {
		for j := open + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) == "```" {
				return j, nil
			}
		}
		return 0, fmt.Errorf("%s:%d: unclosed code block", file, open+1)
	}
	for i := 0; i < len(lines); i++ {
		m := markerRe.FindStringSubmatch(strings.TrimSpace(lines[i]))
		if m == nil {
			if strings.Contains(lines[i], "doctest:") {
				return nil, fmt.Errorf("%s:%d: malformed doctest marker %q", file, i+1, lines[i])
			}
			continue
		}
		info, ok := fence(i + 1)
		if !ok || info != "sh" {
			return nil, fmt.Errorf("%s:%d: a doctest marker must be right before a ```sh block", file, i+1)
		}
		end, err := closing(i + 1)
		if err != nil {
			return nil, err
		}
		b := &docBlock{file: file, sessions: strings.Fields(m[1]), line: i + 2,
			cmd: strings.Join(lines[i+2:end], "\n"), outStart: -1}
		if info, ok := fence(end + 1); ok && (info == "json" || info == "text") {
			oend, err := closing(end + 1)
			if err != nil {
				return nil, err
			}
			b.outStart, b.outEnd = end+2, oend
			b.want = strings.Join(lines[b.outStart:b.outEnd], "\n")
			end = oend
		}
		blocks = append(blocks, b)
		i = end
	}
	return blocks, nil
}

// TestDocSamples runs the marked procedures of docs/quickstart.md and
// docs/labs.md as a user pastes them (bash, curl, jq, openssl, the
// element-emulator binary) against fresh in-process emulators with the
// virtual clock and a fixed seed, listening on free ports, and compares
// each sample with what was printed. -update rewrites the samples.
func TestDocSamples(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the documented procedures")
	}
	for _, tool := range []string{"bash", "curl", "jq", "openssl"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("ELEMENT_EMULATOR_REQUIRE_DOC_TOOLS") != "" {
				t.Fatalf("%s is needed to run the documented procedures: %v", tool, err)
			}
			t.Skipf("%s is not installed; the documented procedures need it", tool)
		}
	}
	files := map[string][]string{}
	var all []*docBlock
	sessions := map[string][]*docBlock{}
	var order []string
	for _, f := range docFiles {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		lines := strings.Split(string(b), "\n")
		files[f] = lines
		blocks, err := parseDocBlocks(f, lines)
		require.NoError(t, err)
		for _, bl := range blocks {
			all = append(all, bl)
			for _, s := range bl.sessions {
				if _, ok := sessions[s]; !ok {
					order = append(order, s)
				}
				sessions[s] = append(sessions[s], bl)
			}
		}
	}
	require.NotEmpty(t, all)
	for _, name := range order {
		t.Run(name, func(t *testing.T) {
			outs := runDocSession(t, sessions[name])
			for i, bl := range sessions[name] {
				if bl.outStart < 0 {
					continue
				}
				if bl.got != "" && canonicalSample(bl.got) != canonicalSample(outs[i]) {
					t.Errorf("%s:%d: the block prints differently in two sessions:\n%s\n---\n%s", bl.file, bl.line, bl.got, outs[i])
				}
				bl.got = outs[i]
				want, got := canonicalSample(bl.want), canonicalSample(bl.got)
				if want == got {
					bl.got = bl.want // -update leaves a matching sample alone
					continue
				}
				if !*updateDocs {
					t.Errorf("%s:%d: the sample differs from what the commands print (go test ./cmd/element-emulator -run TestDocSamples -update rewrites it)\n--- sample\n%s\n--- printed\n%s",
						bl.file, bl.line, want, got)
				}
			}
		})
	}
	if !*updateDocs || t.Failed() {
		return
	}
	for _, f := range docFiles {
		lines := files[f]
		var out []string
		next := 0
		for _, bl := range all {
			if bl.file != f || bl.outStart < 0 {
				continue
			}
			out = append(out, lines[next:bl.outStart]...)
			for _, l := range strings.Split(strings.TrimRight(bl.got, "\n"), "\n") {
				out = append(out, strings.TrimRight(l, " \t"))
			}
			next = bl.outEnd
		}
		out = append(out, lines[next:]...)
		require.NoError(t, os.WriteFile(f, []byte(strings.Join(out, "\n")), 0o644))
	}
}

// runDocSession starts a fresh emulator, runs the blocks in one bash, and
// returns what each printed (stdout and stderr, as in a terminal), with the
// session's addresses written as the documented defaults.
func runDocSession(t *testing.T, blocks []*docBlock) []string {
	t.Helper()
	ctx := context.Background()
	cfg, _, err := parseConfig("doctest", []string{"--ephemeral", "--clock", "virtual", "--seed", "1",
		"--http-addr", "127.0.0.1:0", "--https-addr", "127.0.0.1:0", "--node-addr", "127.0.0.1:0", "--kmip-addr", "127.0.0.1:0", "--kacls-addr", "127.0.0.1:0", "--alikms-addr", "127.0.0.1:0"},
		func(string) string { return "" }, io.Discard)
	require.NoError(t, err)
	ecfg, err := emulatorConfig(cfg, newLogger(io.Discard, "error"))
	require.NoError(t, err)
	ecfg.Wall = func() time.Time { return docStart }
	e, err := emulator.New(ctx, ecfg)
	require.NoError(t, err)
	t.Cleanup(func() { e.Close() })
	require.NoError(t, e.Start(ctx))
	httpAddr, kmipAddr := e.Addr("http"), e.KMIPAddr()
	require.NotEqual(t, docKMIPAddr, kmipAddr, "the session must not use the documented KMIP port")

	// element-emulator and ./element-emulator are this test binary (TestMain).
	dir := t.TempDir()
	self, err := os.Executable()
	require.NoError(t, err)
	wrapper := fmt.Sprintf("#!/bin/sh\nELEMENT_EMULATOR_TEST_MAIN=1 exec %s \"$@\"\n", strconv.Quote(self))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "element-emulator"), []byte(wrapper), 0o755))

	const sentinel = "@@doctest-block-end@@\n"
	var script strings.Builder
	for _, bl := range blocks {
		cmd := strings.ReplaceAll(bl.cmd, docHTTPAddr, httpAddr)
		fmt.Fprintf(&script, "{\n%s\n} </dev/null 2>&1\nprintf '%%s' '%s'\n", cmd, sentinel)
	}
	path := filepath.Join(dir, "session.sh")
	require.NoError(t, os.WriteFile(path, []byte(script.String()), 0o644))
	sh := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", path)
	sh.Dir = dir
	sh.Env = []string{"PATH=" + dir + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + dir, "TZ=UTC",
		"ELEMENT_EMULATOR_TARGET=http://" + httpAddr}
	var stderr bytes.Buffer
	sh.Stderr = &stderr
	raw, err := sh.Output()
	require.NoError(t, err, "bash: %s", stderr.String())
	parts := strings.Split(string(raw), sentinel)
	require.Len(t, parts, len(blocks)+1, "every block ran to its end:\n%s", raw)

	_, kmipPort, err := net.SplitHostPort(kmipAddr)
	require.NoError(t, err)
	_, docPort, _ := net.SplitHostPort(docKMIPAddr)
	portRe := regexp.MustCompile(`\b` + regexp.QuoteMeta(kmipPort) + `\b`)
	outs := make([]string, len(blocks))
	for i := range blocks {
		s := strings.ReplaceAll(parts[i], kmipAddr, docKMIPAddr)
		s = portRe.ReplaceAllString(s, docPort)
		outs[i] = strings.ReplaceAll(s, httpAddr, docHTTPAddr)
	}
	return outs
}

// Values that differ on every run however the emulator is seeded: key
// material and certificates, the CA's random tag, certificate serials.
var (
	caTagRe  = regexp.MustCompile(`KMIP CA [0-9a-f]{8}`)
	serialRe = regexp.MustCompile(`^[0-9a-f]{32}$`)
)

func maskString(s string) string {
	if strings.Contains(s, "-----BEGIN") {
		return "<PEM>"
	}
	if serialRe.MatchString(s) {
		return "<serial>"
	}
	return caTagRe.ReplaceAllString(s, "KMIP CA <tag>")
}

func maskValue(v any) any {
	switch x := v.(type) {
	case string:
		return maskString(x)
	case map[string]any:
		for k, e := range x {
			x[k] = maskValue(e)
		}
	case []any:
		for i, e := range x {
			x[i] = maskValue(e)
		}
	}
	return v
}

// canonicalSample is a sample reduced to what must match: every JSON value
// re-encoded compactly with its run-dependent strings masked, other lines
// as they are (masked the same way), trailing blanks dropped. So a sample
// may be pretty or compact JSON, and key order does not matter.
func canonicalSample(s string) string {
	encode := func(v any) string {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(maskValue(v))
		return strings.TrimRight(b.String(), "\n")
	}
	var out []string
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	for {
		var v any
		if err := d.Decode(&v); err == io.EOF {
			return strings.Join(out, "\n")
		} else if err != nil {
			break
		}
		out = append(out, encode(v))
	}
	out = out[:0]
	for _, line := range strings.Split(strings.TrimRight(s, "\n "), "\n") {
		line = strings.TrimRight(line, " \t")
		var v any
		d := json.NewDecoder(strings.NewReader(line))
		d.UseNumber()
		if t := strings.TrimSpace(line); (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && d.Decode(&v) == nil && !d.More() {
			out = append(out, encode(v))
			continue
		}
		out = append(out, maskString(line))
	}
	return strings.Join(out, "\n")
}

// TestCanonicalSample pins the comparison rules of TestDocSamples.
func TestCanonicalSample(t *testing.T) {
	pretty := "{\n  \"b\": 1,\n  \"a\": \"-----BEGIN CERTIFICATE-----\\nMIIB…\"\n}\n"
	require.Equal(t, `{"a":"<PEM>","b":1}`, canonicalSample(pretty))
	require.Equal(t, canonicalSample(pretty), canonicalSample(`{"a":"-----BEGIN CERTIFICATE-----\nxyz","b":1}`))
	require.NotEqual(t, canonicalSample(`{"b":1}`), canonicalSample(`{"b":2}`))
	require.Equal(t, "subject=CN = Element Emulator KMIP CA <tag>\n{\"x\":1}", canonicalSample("subject=CN = Element Emulator KMIP CA f0d36259\n{ \"x\": 1 }  \n"))
	require.Equal(t, `{"serial":"<serial>"}`, canonicalSample(`{"serial":"15c8c679d5f2d8b19193447a8a60663b"}`))
}

// TestParseDocBlocks: markers, samples, and mistakes in markers.
func TestParseDocBlocks(t *testing.T) {
	doc := "x\n<!-- doctest: a b -->\n```sh\necho hi\n```\n```text\nhi\n```\n<!-- doctest: b -->\n```sh\ntrue\n```\n\n```json\n{}\n```\n"
	blocks, err := parseDocBlocks("d.md", strings.Split(doc, "\n"))
	require.NoError(t, err)
	require.Len(t, blocks, 2)
	require.Equal(t, []string{"a", "b"}, blocks[0].sessions)
	require.Equal(t, "echo hi", blocks[0].cmd)
	require.Equal(t, "hi", blocks[0].want)
	require.Equal(t, 3, blocks[0].line)
	require.Equal(t, -1, blocks[1].outStart, "a sample must follow its block directly")
	_, err = parseDocBlocks("d.md", strings.Split("<!-- doctest: a -->\n```json\n{}\n```\n", "\n"))
	require.ErrorContains(t, err, "d.md:1: a doctest marker must be right before a ```sh block")
	_, err = parseDocBlocks("d.md", strings.Split("<!-- doctest: A! -->\n", "\n"))
	require.ErrorContains(t, err, "malformed doctest marker")
}
