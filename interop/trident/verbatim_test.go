package trident_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTridentCopyIsVerbatim checks the copied Trident files against
// third_party/trident/VERBATIM.sha256 (the sha256 of each file at the pinned
// tag), and that every other Go file there is a marked shim.
func TestTridentCopyIsVerbatim(t *testing.T) {
	root := filepath.Join("third_party", "trident")
	f, err := os.Open(filepath.Join(root, "VERBATIM.sha256"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		want, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("bad line %q", sc.Text())
		}
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%s differs from Trident's file: sha256 %s, want %s", name, got, want)
		}
		listed[name] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(listed) < 12 {
		t.Fatalf("only %d files listed", len(listed))
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		name := filepath.ToSlash(strings.TrimPrefix(path, root+string(filepath.Separator)))
		if listed[name] {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if filepath.Base(name) != "shim.go" || !strings.HasPrefix(string(b), "// SHIM, not Trident code.") {
			t.Errorf("%s is neither a verbatim Trident file nor a marked shim.go", name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
