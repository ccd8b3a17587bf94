// Command element-emulator runs the Element 12.x (SolidFire) control-plane
// emulator: the Element JSON-RPC API over HTTPS and HTTP, an embedded KMIP
// key server, and the /_emulator/ lab controls, with all state in SQLite.
//
//	element-emulator [flags]                 run the emulator
//	element-emulator kmip sign [flags] < csr.pem   sign a CSR with a running emulator's KMIP CA
//	element-emulator kmip ca [flags]               print that CA certificate
//	element-emulator control [--target URL] COMMAND  drive the /_emulator/ lab controls of a running emulator
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

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
		MaxCalls:       c.MaxCalls,
		Logger:         logger,
		NoUI:           !c.UI,
	}
	if c.Seed != "" {
		s, _ := strconv.ParseUint(c.Seed, 10, 64)
		e.Seed = &s
	}
	if c.MasterKey != "" {
		e.KEK, _ = base64.StdEncoding.DecodeString(c.MasterKey)
	}
	if err := kaclsConfig(c, &e); err != nil {
		return e, err
	}
	if err := alikmsConfig(c, &e); err != nil {
		return e, err
	}
	if err := tckmsConfig(c, &e); err != nil {
		return e, err
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

const kmipUsage = `usage: element-emulator kmip sign [--days N] [--target URL | --data DIR] < csr.pem
       element-emulator kmip ca [--target URL | --data DIR]

  sign   signs a certificate signing request (PEM on stdin) with the embedded
         KMIP CA and prints the client certificate (PEM)
  ca     prints the embedded KMIP CA certificate (PEM)

By default both ask the running emulator at --target (POST /_emulator/kmip/sign,
GET /_emulator/kmip/ca), so the CA is the one its key server trusts. With
--data they open that data directory instead, and the emulator need not run;
a directory that holds no emulator state yet is refused rather than given a
new CA that no emulator uses.

  --target URL     the running emulator (default http://127.0.0.1:8080; env ELEMENT_EMULATOR_TARGET)
  --user U         its Basic-auth user (default admin; env ELEMENT_EMULATOR_USER)
  --password P     its Basic-auth password (default admin; env ELEMENT_EMULATOR_PASSWORD)
  --data DIR       work offline on the emulator state in DIR (env ELEMENT_EMULATOR_DATA)
  --master-key K   base64 key encryption key of DIR when not DIR/master.key (env ELEMENT_EMULATOR_MASTER_KEY)
  --days N         validity of the signed certificate, 1 to 36500 days
                   (default: the emulator's --kmip-client-cert-days, 365)
`

// runKMIP serves the "kmip" subcommands: against a running emulator's lab
// controls by default, or offline on a data directory that already holds an
// emulator's state (docs/decisions.md (aq)).
func runKMIP(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "sign" && args[0] != "ca") {
		fmt.Fprint(stderr, kmipUsage)
		if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help" {
			return flag.ErrHelp
		}
		return fmt.Errorf("unknown kmip command %q (sign or ca)", args[0])
	}
	sub := args[0]
	fs := flag.NewFlagSet("element-emulator kmip "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, kmipUsage) }
	def := func(name, fallback string) string {
		if v := getenv(envName(name)); v != "" {
			return v
		}
		return fallback
	}
	target := fs.String("target", def("target", "http://127.0.0.1:8080"), "")
	user := fs.String("user", def("user", "admin"), "")
	password := fs.String("password", def("password", "admin"), "")
	data := fs.String("data", getenv(envName("data")), "")
	masterKey := fs.String("master-key", getenv(envName("master-key")), "")
	days := fs.Int("days", 0, "")
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fs.Usage()
		return fmt.Errorf("kmip %s takes no arguments (got %q); the CSR comes on stdin", sub, pos[0])
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if given["target"] && given["data"] {
		return errors.New("kmip: give --target (a running emulator) or --data (offline), not both")
	}
	if *days < 0 || *days > 36500 || (given["days"] && *days == 0) {
		return errors.New("--days must be from 1 to 36500")
	}
	var csr string
	if sub == "sign" {
		b, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
		if err != nil {
			return err
		}
		csr = string(b)
	}
	if *data == "" || given["target"] {
		return kmipOnline(ctx, sub, csr, *days, labClient{target: strings.TrimRight(*target, "/"), user: *user, password: *password,
			http: &http.Client{Timeout: time.Minute, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}}, stdout)
	}
	return kmipOffline(ctx, sub, csr, *days, *data, *masterKey, getenv, stdout, stderr)
}

// kmipOnline asks a running emulator: the CA that signs is the one its
// key server trusts.
func kmipOnline(ctx context.Context, sub, csr string, days int, c labClient, stdout io.Writer) error {
	if sub == "ca" {
		out, err := c.do(ctx, http.MethodGet, "kmip/ca", nil)
		if err != nil {
			return err
		}
		_, err = stdout.Write(out)
		return err
	}
	body := map[string]any{"csr": csr}
	if days > 0 {
		body["days"] = days
	}
	out, err := c.do(ctx, http.MethodPost, "kmip/sign", body)
	if err != nil {
		return err
	}
	var signed struct {
		Certificate string `json:"certificate"`
	}
	if err := json.Unmarshal(out, &signed); err != nil || signed.Certificate == "" {
		return fmt.Errorf("POST /_emulator/kmip/sign: unexpected answer: %s", errorText(out))
	}
	_, err = io.WriteString(stdout, signed.Certificate)
	return err
}

// kmipOffline opens the data directory of an emulator that has run before
// (it need not be running; SQLite serialises the two processes).
func kmipOffline(ctx context.Context, sub, csr string, days int, dir, masterKey string, getenv func(string) string, stdout, stderr io.Writer) error {
	// emulator.Config.DataDir holds emu.db: without it there is no CA yet,
	// and opening the directory would make one that no emulator uses.
	if _, err := os.Stat(filepath.Join(dir, "emu.db")); err != nil {
		return fmt.Errorf("%s holds no emulator state (no emu.db), so it has no KMIP CA yet: start the emulator with --data %s first, "+
			"or ask a running emulator with --target URL", dir, dir)
	}
	args := []string{"--data", dir, "--ephemeral=false", "--kmip-addr", "off"}
	if masterKey != "" {
		args = append(args, "--master-key", masterKey)
	}
	cfg, _, err := parseConfig("element-emulator kmip "+sub, args, getenv, stderr)
	if err != nil {
		return err
	}
	ecfg, err := emulatorConfig(cfg, newLogger(stderr, "warn"))
	if err != nil {
		return err
	}
	e, err := emulator.New(ctx, ecfg)
	if err != nil {
		return err
	}
	defer e.Close()
	if sub == "ca" {
		_, err := io.WriteString(stdout, e.CA().CertPEM())
		return err
	}
	cert, err := e.SignCSR(ctx, csr, days)
	if err != nil {
		return fmt.Errorf("cannot sign: %w", err)
	}
	_, err = io.WriteString(stdout, cert)
	return err
}
