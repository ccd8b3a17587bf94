// Command element-bench proves the emulator from the outside, as its users
// meet it: it builds the element-emulator binary, runs it in child processes
// on loopback and drives it over HTTP.
//
//	element-bench crash [-kills 100] [-seed 1]    kill -9 at random moments; check recovery
//	element-bench load  [-clients 64] [-duration 60s]   mixed load; latency per class and consistency checks
//	element-bench table [-rounds 5] [-quick]      the performance table: each figure as a ratio to its peer
//
// Run it from the repository root (it builds ./cmd/element-emulator), or pass
// -bin with a built emulator. Results go to stdout; docs/reliability.md and
// docs/performance.md record the figures.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `usage: element-bench COMMAND [flags]

Commands:
  crash   kill -9 the emulator at seeded random moments of EKM setup, rekeys and
          EAR enable/disable; check that recovery loses nothing, fails nothing
          and leaves no orphaned key
  load    many concurrent clients (churn, key-server probes, reads, rekeys) on
          the real clock; latency per class, errors, consistency afterwards
  table   the performance table of docs/performance.md: each figure next to a
          peer measured in the same run, as a ratio, with its goal

Run "element-bench COMMAND -h" for a command's flags.
`

func main() {
	if mode := os.Getenv(peerEnv); mode != "" {
		// A child playing one of the table's peers (peer.go).
		if err := peerMain(mode, os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, "element-bench peer:", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "element-bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command")
	}
	switch args[0] {
	case "crash":
		return runCrash(ctx, args[1:], stdout, stderr)
	case "load":
		return runLoad(ctx, args[1:], stdout, stderr)
	case "table":
		return runTable(ctx, args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
