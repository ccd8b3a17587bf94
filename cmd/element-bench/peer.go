package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	// The emulator's SQLite package, for its process-wide settings only:
	// the raw SQLite peer runs with the C heap tuning it applies at init.
	_ "github.com/element-emulator/element-emulator/sqlite"
)

// peerEnv, set in a child's environment, makes element-bench (or its test
// binary) play one of the table's peers instead of running a command: the
// peers run in their own process, as the emulator does, so that both sides
// of a ratio pay for a process of their own on the same CPUs.
const peerEnv = "ELEMENT_BENCH_PEER"

// peerMain runs the peer named by mode until SIGTERM or SIGKILL:
//
//	static ADDR FILE   answers every request with FILE's bytes (application/json)
//	sqlite ADDR DB     CreateKeyServerKmip and DeleteKeyServerKmip as one SQLite
//	                   WAL write each (insert+commit, delete+commit), with the
//	                   emulator's settings, and nothing else
func peerMain(mode string, args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("peer %s: want ADDR and a path, got %q", mode, args)
	}
	var h http.Handler
	switch mode {
	case "static":
		body, err := os.ReadFile(args[1])
		if err != nil {
			return err
		}
		h = staticPeer(body)
	case "sqlite":
		s, err := openSQLitePeer(args[1])
		if err != nil {
			return err
		}
		defer s.db.Close()
		h = s
	default:
		return fmt.Errorf("unknown peer %q", mode)
	}
	ln, err := net.Listen("tcp", args[0])
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() { <-ctx.Done(); _ = srv.Close() }()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// staticPeer is the bare net/http handler of the GetClusterInfo and cold
// start figures: it reads the request and writes the given bytes, with the
// emulator's Content-Type.
func staticPeer(body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
}

// sqlitePeer is the raw SQLite peer of the mutation figure: the same
// requests as the emulator gets, decoded, then one write transaction each
// on a database opened as sqlite.Open opens the emulator's (the same DSN:
// WAL, synchronous=NORMAL, BEGIN IMMEDIATE, a statement cache; one writer
// connection; the same C heap settings).
type sqlitePeer struct{ db *sql.DB }

func openSQLitePeer(path string) (*sqlitePeer, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on&_txlock=immediate&_busy_timeout=10000&_journal_mode=WAL&_synchronous=NORMAL&_stmt_cache_size=64")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS key_servers (id INTEGER PRIMARY KEY,
		name TEXT NOT NULL, hostnames TEXT NOT NULL, port INTEGER NOT NULL, ca_pem TEXT NOT NULL, cert_pem TEXT NOT NULL)`); err != nil {
		db.Close()
		return nil, err
	}
	if _, err := db.Exec(peerVolumesTable); err != nil {
		db.Close()
		return nil, err
	}
	return &sqlitePeer{db: db}, nil
}

func (s *sqlitePeer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Method string          `json:"method"`
		Params json.RawMessage `json:"params"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var result any
	var err error
	switch req.Method {
	case "CreateKeyServerKmip":
		result, err = s.create(r.Context(), req.Params)
	case "DeleteKeyServerKmip":
		result, err = s.delete(r.Context(), req.Params)
	case "CreateVolume":
		result, err = s.createVolume(r.Context(), req.Params)
	case "DeleteVolume":
		result, err = s.volumeWrite(r.Context(), req.Params, `UPDATE volumes SET status = 'deleted' WHERE id = ? AND status = 'active'`)
	case "PurgeDeletedVolume":
		result, err = s.volumeWrite(r.Context(), req.Params, `DELETE FROM volumes WHERE id = ? AND status = 'deleted'`)
	default:
		err = fmt.Errorf("unknown method %q", req.Method)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	_ = json.NewEncoder(&buf).Encode(map[string]any{"id": 1, "result": result})
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(buf.Bytes())
}

func (s *sqlitePeer) create(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		CA        string   `json:"kmipCaCertificate"`
		Cert      string   `json:"kmipClientCertificate"`
		Hostnames []string `json:"kmipKeyServerHostnames"`
		Name      string   `json:"kmipKeyServerName"`
		Port      int      `json:"kmipKeyServerPort"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, err
	}
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO key_servers (name, hostnames, port, ca_pem, cert_pem) VALUES (?, ?, ?, ?, ?)`,
			p.Name, strings.Join(p.Hostnames, ","), p.Port, p.CA, p.Cert)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return nil, err
	}
	return map[string]any{"kmipKeyServer": map[string]any{"keyServerID": id, "kmipKeyServerName": p.Name,
		"kmipKeyServerHostnames": p.Hostnames, "kmipKeyServerPort": p.Port, "kmipCaCertificate": p.CA,
		"kmipClientCertificate": p.Cert}}, nil
}

func (s *sqlitePeer) delete(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		ID int64 `json:"keyServerID"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM key_servers WHERE id = ?`, p.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("key server %d not found", p.ID)
		}
		return nil
	})
	return map[string]any{}, err
}

func (s *sqlitePeer) write(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// peerProc is a peer child process: this executable again, with peerEnv set.
type peerProc struct {
	addr   string
	cmd    *exec.Cmd
	stderr *lockedBuffer
	done   chan struct{}
}

// startPeer starts the peer mode on a free loopback address with path as
// its second argument; it returns before the peer listens (see waitHTTP).
func startPeer(mode, path string) (*peerProc, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	p := &peerProc{addr: addr, stderr: &lockedBuffer{}, done: make(chan struct{})}
	p.cmd = exec.Command(self, addr, path)
	p.cmd.Env = append(os.Environ(), peerEnv+"="+mode)
	p.cmd.Stderr = p.stderr
	if err := p.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { _ = p.cmd.Wait(); close(p.done) }()
	return p, nil
}

// startPeerReady is startPeer, then a wait until the peer answers HTTP.
func startPeerReady(ctx context.Context, mode, path string) (*peerProc, error) {
	p, err := startPeer(mode, path)
	if err != nil {
		return nil, err
	}
	anyAnswer := func(int, []byte) bool { return true }
	if err := waitHTTP(ctx, "http://"+p.addr+"/", nil, p.done, 10*time.Second, anyAnswer); err != nil {
		p.kill()
		return nil, fmt.Errorf("peer %s: %w: %s", mode, err, p.stderr.String())
	}
	return p, nil
}

func (p *peerProc) kill() {
	_ = p.cmd.Process.Kill()
	<-p.done
}

func (p *peerProc) pid() int { return p.cmd.Process.Pid }

// waitHTTP polls url with a POST of body every half millisecond until ok
// accepts the answer, the process behind it exits (done closes), or limit
// passes.
func waitHTTP(ctx context.Context, url string, body []byte, done <-chan struct{}, limit time.Duration, ok func(status int, body []byte) bool) error {
	hc := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	deadline := time.Now().Add(limit)
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.SetBasicAuth("admin", "admin")
		resp, err := hc.Do(req)
		if err == nil {
			b, rerr := io.ReadAll(resp.Body)
			resp.Body.Close()
			if rerr == nil && ok(resp.StatusCode, b) {
				return nil
			}
		}
		select {
		case <-done:
			return errors.New("exited before answering")
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(500 * time.Microsecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no answer within %s", limit)
		}
	}
}

// tempFile writes b to a new file in dir and returns its path.
func tempFile(dir, name string, b []byte) (string, error) {
	p := filepath.Join(dir, name)
	return p, os.WriteFile(p, b, 0o600)
}
