package interop

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	// Not used: the import makes go test build (and cache) the emulator's
	// packages, SQLite's cgo build included, before it runs this test, so
	// that the emulator binary an interop module's TestMain builds with the
	// same flags (-race when this test has it: raceEnv) is mostly cache
	// hits instead of a second cold build running beside the first.
	_ "github.com/element-emulator/element-emulator/emulator"
)

// requireEnv makes a missing go command or Go proxy a failure instead of a
// skip; CI sets it (.ci/run).
const requireEnv = "ELEMENT_EMULATOR_REQUIRE_INTEROP"

// raceEnv asks an interop module to build the emulator with -race (set when
// this test runs with -race).
const raceEnv = "ELEMENT_EMULATOR_INTEROP_RACE"

// manualEnv runs the modules marked manual as well.
const manualEnv = "ELEMENT_EMULATOR_INTEROP_MANUAL"

// TestInteropModules runs go test -count=1 ./... in every interop/*/go.mod
// module, one subtest per module, and reports a failing module with its
// output. -count=1 because the go build that a module's TestMain runs is
// invisible to the test cache, so a cached pass could hide a change to the
// emulator; -race only when this test has it (see raceEnabled). It skips
// when go is not on PATH or a module's dependencies cannot be downloaded
// (no Go proxy), unless ELEMENT_EMULATOR_REQUIRE_INTEROP=1.
func TestInteropModules(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the emulator for each interop module")
	}
	required := os.Getenv(requireEnv) == "1"
	unavailable := func(t *testing.T, why string) {
		t.Helper()
		if required {
			t.Fatalf("%s=1, but %s", requireEnv, why)
		}
		t.Skipf("skipped (set %s=1 to fail instead): %s", requireEnv, why)
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		unavailable(t, "the go command is not on PATH")
	}
	mods, err := filepath.Glob(filepath.Join("*", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if len(mods) == 0 {
		t.Skip("no interop/*/go.mod module")
	}
	for _, mod := range mods {
		dir := filepath.Dir(mod)
		t.Run(dir, func(t *testing.T) {
			// A module with a "manual" file is too heavy for every run (the
			// Terraform provider compiles Terraform 0.13 itself: minutes on
			// a cold cache); it runs on request.
			if why, err := os.ReadFile(filepath.Join(dir, "manual")); err == nil && os.Getenv(manualEnv) != "1" {
				t.Skipf("set %s=1 to run it: %s", manualEnv, bytes.TrimSpace(why))
			}
			// Stop a module before go test's own -timeout would kill this
			// binary, so that its output is reported.
			deadline := time.Now().Add(8 * time.Minute)
			if d, ok := t.Deadline(); ok && d.Add(-30*time.Second).Before(deadline) {
				deadline = d.Add(-30 * time.Second)
			}
			ctx, cancel := context.WithDeadline(context.Background(), deadline)
			defer cancel()
			if out, err := goCmd(ctx, goBin, dir, "mod", "download"); err != nil {
				unavailable(t, fmt.Sprintf("go mod download in interop/%s failed (no Go proxy?): %v\n%s", dir, err, out))
			}
			start := time.Now()
			args := []string{"test", "-count=1"}
			if raceEnabled {
				// Same flags as this build, so the standard library and the
				// emulator's packages come from the cache: a cold build
				// without -race beside the -race one costs more than -race.
				args = append(args, "-race")
			}
			out, err := goCmd(ctx, goBin, dir, append(args, "./...")...)
			if err != nil {
				t.Fatalf("go test ./... in interop/%s: %v\n%s", dir, err, out)
			}
			t.Logf("interop/%s passed in %v:\n%s", dir, time.Since(start).Round(time.Second), out)
		})
	}
}

// goCmd runs the go command in an interop module, with this process's
// environment (GOFLAGS, GOPROXY, GOCACHE and the rest pass through) and no
// workspace, so the module is built exactly as on its own.
func goCmd(ctx context.Context, goBin, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, goBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if raceEnabled {
		cmd.Env = append(cmd.Env, raceEnv+"=1")
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err
}
