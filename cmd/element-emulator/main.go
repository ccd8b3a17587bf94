// Command element-emulator runs the Element 12.x (SolidFire) control-plane
// emulator: the Element JSON-RPC API over HTTPS and HTTP, an embedded KMIP
// key server, and the /_emulator/ lab controls, with all state in SQLite.
//
//	element-emulator [flags]                 run the emulator
//	element-emulator kmip sign [flags] < csr.pem   sign a CSR with the embedded CA
//	element-emulator kmip ca [flags]               print the embedded CA certificate
//	element-emulator control [--target URL] COMMAND  drive the /_emulator/ lab controls of a running emulator
package main

import (
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/element-emulator/element-emulator/clock"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/emulator"
	"github.com/element-emulator/element-emulator/kmip"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "element-emulator:", err)
		os.Exit(2)
	}
}

// run is the whole program; ready (may be nil) receives the started emulator.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	return runWith(ctx, args, getenv, stdin, stdout, stderr, nil)
}

func runWith(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer, ready func(*emulator.Emulator)) error {
	if len(args) > 0 {
		switch args[0] {
		case "kmip":
			return runKMIP(ctx, args[1:], getenv, stdin, stdout, stderr)
		case "control":
			return runControl(ctx, args[1:], getenv, stdin, stdout, stderr)
		case "replay":
			return runReplay(ctx, args[1:], getenv, stdin, stdout, stderr)
		case "record":
			return runRecord(ctx, args[1:], getenv, stdin, stdout, stderr)
		case "lab":
			return runLab(ctx, args[1:], getenv, stdin, stdout, stderr)
		case "help":
			args = []string{"--help"}
		}
	}
	cfg, fs, err := parseConfig("element-emulator", args, getenv, stderr)
	if err != nil {
		return err
	}
	// The emulator takes no arguments: a word that is not a command (a typo,
	// or a flag's value separated from it) must not start an emulator with
	// defaults the user did not ask for.
	if extra := fs.Args(); len(extra) > 0 {
		fs.Usage()
		if len(extra) == len(args) {
			return fmt.Errorf("unknown command %q (commands: kmip, control, replay, record, lab; --help lists the flags)", extra[0])
		}
		return fmt.Errorf("unexpected argument %q: the emulator takes flags only (--help lists them)", extra[0])
	}
	logger := newLogger(stderr, cfg.LogLevel)
	// ovh's kmipserver logs through the default logger (every connection at
	// info, its shutdown at warn); only run sets it, once, and keeps it to
	// errors unless
	// --log-level debug asks for more. Our own components get logger.
	ovhLevel := slog.LevelError
	if cfg.LogLevel == "debug" {
		ovhLevel = slog.LevelDebug
	}
	slog.SetDefault(newLogger(stderr, ovhLevel.String()))
	ecfg, err := emulatorConfig(cfg, logger)
	if err != nil {
		return err
	}
	e, err := emulator.New(ctx, ecfg)
	if err != nil {
		return err
	}
	if err := e.Start(ctx); err != nil {
		e.Close()
		return err
	}
	if err := applyFixture(ctx, cfg.Fixture, e, logger); err != nil { // lab.go
		e.Close()
		return err
	}
	where := cfg.Data
	if cfg.Ephemeral {
		where = "memory (--ephemeral)"
	}
	logger.Info("element emulator ready", "state", where, "clock", cfg.Clock, "restarted", e.Restarted,
		"apiVersion", cfg.APIVersion, "user", cfg.User)
	if ready != nil {
		ready(e)
	}
	<-ctx.Done()
	logger.Info("shutting down")
	return e.Close()
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// emulatorConfig turns the command-line configuration into the emulator's.
func emulatorConfig(c Config, logger *slog.Logger) (emulator.Config, error) {
	cc := cluster.DefaultConfig()
	cc.User, cc.Password = c.User, c.Password
	cc.Nodes, cc.DrivesPerNode = c.Nodes, c.DrivesPerNode
	cc.SoftwareEAR = c.SoftwareEAR
	cc.Bootstrap = c.Bootstrap
	cc.RekeyDuration = c.RekeyDuration
	cc.EARTransition = c.EARTransition
	cc.APIVersion = c.APIVersion
	mode, _ := clock.ParseMode(c.Clock)
	verify := c.KMIPVerifyHostname
	e := emulator.Config{
		DataDir: c.Data, Ephemeral: c.Ephemeral,
		HTTPSAddr: c.HTTPSAddr, HTTPAddr: c.HTTPAddr, NodeAddr: c.NodeAddr, KMIPAddr: c.KMIPAddr,
		CertFile: c.Cert, KeyFile: c.Key, Clock: mode, Cluster: cc,
		KMIPServer: kmip.ServerConfig{SANs: c.KMIPSANs, LegacyCiphers: c.KMIPLegacyCiphers, DestroyMode: c.KMIPDestroy,
			ClientEKU: c.KMIPClientEKU, Identity: c.KMIPIdentity, TimestampWindow: c.KMIPTimestampWindow,
			Ownership: c.KMIPOwnership, ServerKey: c.KMIPServerKey},
		KMIPClient: kmip.ClientConfig{CustomAttribute: c.KMIPCustomAttribute, Decommission: c.KMIPDecommission,
			VerifyHostname: &verify, ConnectTimeout: c.KMIPConnectTimeout, HandshakeTimeout: c.KMIPHandshakeTimeout,
			RequestTimeout: c.KMIPRequestTimeout, LegacyCiphers: c.KMIPLegacyCiphers},
		ClientCertDays: c.KMIPClientCertDays,
		Logger:         logger,
	}
	if c.Seed != "" {
		s, _ := strconv.ParseUint(c.Seed, 10, 64)
		e.Seed = &s
	}
	if c.MasterKey != "" {
		e.KEK, _ = base64.StdEncoding.DecodeString(c.MasterKey)
	}
	for _, f := range c.KMIPClientCAs {
		b, err := os.ReadFile(f)
		if err != nil {
			return e, fmt.Errorf("--kmip-client-ca: %w", err)
		}
		for {
			var blk *pem.Block
			blk, b = pem.Decode(b)
			if blk == nil {
				break
			}
			cert, err := x509.ParseCertificate(blk.Bytes)
			if err != nil {
				return e, fmt.Errorf("--kmip-client-ca %s: %w", f, err)
			}
			e.KMIPServer.ExtraClientCAs = append(e.KMIPServer.ExtraClientCAs, cert)
		}
	}
	return e, nil
}

// runKMIP serves the "kmip" subcommands, which work on the data directory
// directly (no running emulator needed).
func runKMIP(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	usage := "usage: element-emulator kmip sign [--days N] [flags] < csr.pem | element-emulator kmip ca [flags]"
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return flag.ErrHelp
	}
	sub, rest := args[0], args[1:]
	days := 0
	var filtered []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && name == "days" {
			if !hasVal {
				if i+1 >= len(rest) {
					return errors.New("--days needs a value")
				}
				i++
				val = rest[i]
			}
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				return errors.New("--days must be a positive integer")
			}
			days = n
			continue
		}
		filtered = append(filtered, a)
	}
	cfg, _, err := parseConfig("element-emulator kmip "+sub, filtered, getenv, stderr)
	if err != nil {
		return err
	}
	logger := newLogger(stderr, "warn")
	ecfg, err := emulatorConfig(cfg, logger)
	if err != nil {
		return err
	}
	ecfg.KMIPAddr = "off"
	e, err := emulator.New(ctx, ecfg)
	if err != nil {
		return err
	}
	defer e.Close()
	switch sub {
	case "ca":
		_, err := io.WriteString(stdout, e.CA().CertPEM())
		return err
	case "sign":
		csr, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
		if err != nil {
			return err
		}
		cert, err := e.SignCSR(ctx, string(csr), days)
		if err != nil {
			return fmt.Errorf("cannot sign: %w", err)
		}
		_, err = io.WriteString(stdout, cert)
		return err
	}
	fmt.Fprintln(stderr, usage)
	return flag.ErrHelp
}
