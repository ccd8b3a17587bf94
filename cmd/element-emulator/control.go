package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const controlUsage = `usage: element-emulator control [--target URL] [--user U] [--password P] COMMAND [ARGS]

Drives the /_emulator/ lab controls of a running emulator (default target
http://127.0.0.1:8080; env ELEMENT_EMULATOR_TARGET, _USER, _PASSWORD).
The flags may also come after the command and its arguments.

  clock                          show the emulator clock
  advance SECONDS                move the clock forward, running due timers
  faults                         list fault-injection rules
  fault-add JSON                 add a rule, e.g. '{"target":"kmip-client","match":{"keyServerID":1},"effect":"unreachable"}'
  fault-delete RULE_ID           delete a rule
  restart [NODE_ID...]           power-cycle nodes (all when none given)
  drive DRIVE_ID fail [DETAIL]   fail a drive (default DriveInaccessible)
  drive DRIVE_ID pull            pull a drive (DriveMissing; keeps its password)
  drive DRIVE_ID eject-metadata  mark a metadata drive failed, then available
  insert NODE_ID SLOT [CAPABILITY [SERIAL]]  insert a drive
  node-add [JSON]                make a new node pending, e.g. '{"name":"node-5","drives":6}' (docs/nodes.md)
  cluster-fault-add JSON         add a fault record, e.g. '{"code":"nodeOffline","severity":"error","type":"node","nodeID":2}'
  cluster-fault-resolve ID       resolve a fault record
  reset                          restore the configured initial state
  snapshot NAME                  save the whole state as a named snapshot
  restore NAME                   bring a named snapshot back (clock included)
  snapshots                      list the snapshots
  kmip-ca                        print the embedded KMIP CA certificate
  kmip-sign [DAYS] < csr.pem     sign a CSR with the embedded CA
`

// runControl implements "element-emulator control": a client of the /_emulator/
// control surface, so labs can be scripted without curl.
func runControl(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("element-emulator control", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, controlUsage) }
	def := func(name, fallback string) string {
		if v := getenv(envName(name)); v != "" {
			return v
		}
		return fallback
	}
	target := fs.String("target", def("target", "http://127.0.0.1:8080"), "emulator base URL")
	user := fs.String("user", def("user", "admin"), "Basic-auth user")
	password := fs.String("password", def("password", "admin"), "Basic-auth password")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		fs.Usage()
		return flag.ErrHelp
	}
	c := labClient{target: strings.TrimRight(*target, "/"), user: *user, password: *password,
		http: &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}}
	need := func(n int) error {
		if len(rest) < n+1 {
			fs.Usage()
			return fmt.Errorf("%s needs %d argument(s)", rest[0], n)
		}
		return nil
	}
	var method, path string
	var body any
	switch cmd := rest[0]; cmd {
	case "clock":
		method, path = http.MethodGet, "clock"
	case "advance":
		if err := need(1); err != nil {
			return err
		}
		secs, err := strconv.ParseFloat(rest[1], 64)
		if err != nil || secs < 0 {
			return errors.New("advance: SECONDS must be a non-negative number")
		}
		method, path, body = http.MethodPost, "clock/advance", map[string]any{"seconds": secs}
	case "faults":
		method, path = http.MethodGet, "faults"
	case "fault-add", "cluster-fault-add":
		if err := need(1); err != nil {
			return err
		}
		if !json.Valid([]byte(rest[1])) {
			return fmt.Errorf("%s: the argument must be a JSON object", cmd)
		}
		method, path, body = http.MethodPost, map[string]string{"fault-add": "faults", "cluster-fault-add": "cluster-faults"}[cmd], json.RawMessage(rest[1])
	case "fault-delete":
		if err := need(1); err != nil {
			return err
		}
		method, path = http.MethodDelete, "faults/"+rest[1]
	case "restart":
		ids := []int64{}
		for _, a := range rest[1:] {
			id, err := strconv.ParseInt(a, 10, 64)
			if err != nil {
				return fmt.Errorf("restart: %q is not a node ID", a)
			}
			ids = append(ids, id)
		}
		method, path, body = http.MethodPost, "restart", map[string]any{"nodeIDs": ids}
	case "drive":
		if err := need(2); err != nil {
			return err
		}
		b := map[string]any{}
		if len(rest) > 3 {
			b["detail"] = rest[3]
		}
		method, path, body = http.MethodPost, "drives/"+rest[1]+"/"+rest[2], b
	case "insert":
		if err := need(2); err != nil {
			return err
		}
		node, err1 := strconv.ParseInt(rest[1], 10, 64)
		slot, err2 := strconv.Atoi(rest[2])
		if err1 != nil || err2 != nil {
			return errors.New("insert: NODE_ID and SLOT must be integers")
		}
		b := map[string]any{"nodeID": node, "slot": slot}
		if len(rest) > 3 {
			b["capability"] = rest[3]
		}
		if len(rest) > 4 {
			b["serial"] = rest[4]
		}
		method, path, body = http.MethodPost, "drives/insert", b
	case "node-add":
		body = map[string]any{}
		if len(rest) > 1 {
			if !json.Valid([]byte(rest[1])) {
				return errors.New("node-add: the argument must be a JSON object")
			}
			body = json.RawMessage(rest[1])
		}
		method, path = http.MethodPost, "nodes"
	case "cluster-fault-resolve":
		if err := need(1); err != nil {
			return err
		}
		method, path = http.MethodPost, "cluster-faults/"+rest[1]+"/resolve"
	case "reset":
		method, path = http.MethodPost, "reset"
	case "snapshot", "restore":
		if err := need(1); err != nil {
			return err
		}
		method, path, body = http.MethodPost, cmd, map[string]any{"name": rest[1]}
	case "snapshots":
		method, path = http.MethodGet, "snapshots"
	case "kmip-ca":
		method, path = http.MethodGet, "kmip/ca"
	case "kmip-sign":
		csr, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
		if err != nil {
			return err
		}
		b := map[string]any{"csr": string(csr)}
		if len(rest) > 1 {
			days, err := strconv.Atoi(rest[1])
			if err != nil {
				return errors.New("kmip-sign: DAYS must be an integer")
			}
			b["days"] = days
		}
		out, err := c.do(ctx, http.MethodPost, "kmip/sign", b)
		if err != nil {
			return err
		}
		var signed struct {
			Certificate string `json:"certificate"`
		}
		if err := json.Unmarshal(out, &signed); err != nil {
			return err
		}
		_, err = io.WriteString(stdout, signed.Certificate)
		return err
	default:
		fs.Usage()
		return fmt.Errorf("unknown control command %q", cmd)
	}
	out, err := c.do(ctx, method, path, body)
	if err != nil {
		return err
	}
	_, err = stdout.Write(out)
	return err
}

type labClient struct {
	target, user, password string
	http                   *http.Client
}

func (c labClient) do(ctx context.Context, method, path string, body any) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.target+"/_emulator/"+path, rd)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.user, c.password)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("cannot reach the emulator at %s (--target or ELEMENT_EMULATOR_TARGET): %w", c.target, err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		return nil, fmt.Errorf("%s /_emulator/%s: HTTP 401: the emulator at %s refused user %q: wrong or missing credentials (--user/--password or ELEMENT_EMULATOR_USER/_PASSWORD)",
			method, path, c.target, c.user)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s /_emulator/%s: HTTP %d: %s", method, path, resp.StatusCode, errorText(out))
	}
	return out, nil
}

// errorText is the one line worth printing of a refusal: the "error" of a
// control's JSON answer, else the first line of the body.
func errorText(body []byte) string {
	var e struct {
		Error string `json:"error"`
	}
	if json.Unmarshal(body, &e) == nil && e.Error != "" {
		return e.Error
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(body)), "\n")
	if len(line) > 200 {
		line = line[:200] + "…"
	}
	return line
}
