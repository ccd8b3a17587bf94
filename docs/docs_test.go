package docs

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// outsideRule is one way a tracked file can depend on something a clone of
// the repository does not have. The patterns are written so that this file
// does not match them itself (a character class or an escape breaks each
// literal), so the test needs no allowlist.
type outsideRule struct {
	name string
	re   *regexp.Regexp
}

var outsideRules = []outsideRule{
	// A section sign cites a numbered section; the repository's own pages are
	// cited by name and decisions by their D-, KD- or lettered name.
	{"section citation", regexp.MustCompile("\u00a7")},
	// The directory beside the checkout where the outside contract, style
	// guide and seed documents were kept.
	{"path to a sibling of the checkout", regexp.MustCompile(`\.\./+share[d]\b`)},
	{"outside contract or style guide", regexp.MustCompile(`share[d]/(spec|seeds)\b|\bSTYL[E]\.md\b`)},
	// Absolute paths of the machine the repository was written on, and home
	// directories.
	{"absolute build-machine path", regexp.MustCompile(`(^|[^\w.-])/wor[k]/`)},
	{"home directory", regexp.MustCompile(`(^|[^\w.-])(/hom[e]/|/User[s]/|/roo[t]/)|\b[A-Za-z]:\\User[s]\\`)},
	// Section, scenario and open-question labels of the outside contract:
	// the word spec, or kmip.md, followed by a label such as 4.c, Q14 or K6
	// (TestOutsideRules has examples).
	{"label of an outside contract", regexp.MustCompile(`(?i)\b(spe[c]|kmip\.m[d])\s+(scenario\s+)?[A-Z]?\d`)},
}

// skipped are tracked files that are not prose: checksums only. Every
// go.sum is skipped, the interop modules' (interop/*/go.sum) included.
var skipped = map[string]bool{"go.sum": true}

// TestRepositoryStandsOnItsOwn fails when a tracked file names a path outside
// the repository or cites a section of a document that is not in it. It
// needs git (the tracked files are git's list) and skips without it, for
// example in a container build whose context has no .git.
func TestRepositoryStandsOnItsOwn(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skip("not a git checkout")
	}
	root := strings.TrimSpace(string(out))
	cmd := exec.Command("git", "ls-files", "-z")
	cmd.Dir = root
	list, err := cmd.Output()
	require.NoError(t, err, "git ls-files")

	checked, hits := 0, 0
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		if name == "" || skipped[name] || skipped[path.Base(name)] {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if os.IsNotExist(err) {
			continue // deleted in the work tree, not yet in the index
		}
		require.NoError(t, err)
		if bytes.IndexByte(data, 0) >= 0 {
			continue // binary
		}
		checked++
		for i, line := range strings.Split(string(data), "\n") {
			for _, r := range outsideRules {
				if r.re.MatchString(line) {
					hits++
					if hits <= 50 {
						t.Errorf("%s:%d: %s: %s", name, i+1, r.name, excerpt(line))
					}
				}
			}
		}
	}
	if hits > 50 {
		t.Errorf("… and %d more", hits-50)
	}
	require.Positive(t, checked, "no tracked text file was checked")
	if hits > 0 {
		t.Log("Cite docs/decisions.md entries (D22, (x), KD15) or a repository page by name " +
			"(docs/element-api.md, ListDrives) instead; see CONTRIBUTING.md, House style.")
	}
}

func excerpt(line string) string {
	line = strings.TrimSpace(line)
	if r := []rune(line); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return line
}

// TestOutsideRules pins what each rule catches and what it leaves alone, so
// that a clean run of TestRepositoryStandsOnItsOwn means something.
func TestOutsideRules(t *testing.T) {
	sep := string(rune(0xa7))
	for _, tt := range []struct {
		line string
		want string // rule name, "" for none
	}{
		{"// Element error names (spec " + sep + "1.8).", "section citation"},
		{"see kmip.md " + sep + "2.8", "section citation"},
		{"The wire contract is `../" + "shar" + "ed/spec/element-api.md`.", "path to a sibling of the checkout"},
		{"The house style is in STYLE" + ".md.", "outside contract or style guide"},
		{"`/" + "work/shar" + "ed/spec/kmip.md`", "absolute build-machine path"},
		{`"path":"/` + `home/trainer/class/cluster-1"`, "home directory"},
		{`C:\` + `Users\me\emu`, "home directory"},
		{"// TestRecoveryKeyMissing is spec " + "4.c variant (i).", "label of an outside contract"},
		{"// ErrUnknownMethod (spec " + "Q14).", "label of an outside contract"},
		{"// kmip.md scenario " + "K6: certificate expiry", "label of an outside contract"},
		{"The PEM CSR has version 0 (kmip.md " + "D10).", "label of an outside contract"},

		{"// Element error names (docs/element-api.md, Error object and catalogue).", ""},
		{"// KeyName is the Name the cluster gives a key (KD15).", ""},
		{"[kmip.md](kmip.md#failure-classes) and (x) of decisions.md", ""},
		{"go build -o /tmp/ee ./cmd/element-emulator", ""},
		{`"path":"class-2026-03/cluster-1/snapshots/before-step-9.db"`, ""},
		{"func (c *Cluster) create(ctx context.Context, tx Tx, now time.Time, spec CreateSpec) error {", ""},
		{"// the nodes spec names.", ""},
		{"https://example.com/homework/", ""},
	} {
		name := "leaves alone"
		if tt.want != "" {
			name = "catches " + tt.want
		}
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, r := range outsideRules {
				if r.re.MatchString(tt.line) {
					got = append(got, r.name)
				}
			}
			if tt.want == "" {
				require.Empty(t, got, "line %q", tt.line)
				return
			}
			require.Contains(t, got, tt.want, fmt.Sprintf("line %q; rules that matched: %v", tt.line, got))
		})
	}
}
