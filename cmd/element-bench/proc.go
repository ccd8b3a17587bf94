package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// buildEmulator builds ./cmd/element-emulator into dir, unless bin is set.
func buildEmulator(ctx context.Context, bin, dir string) (string, error) {
	if bin != "" {
		return bin, nil
	}
	out := filepath.Join(dir, "element-emulator")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, "github.com/element-emulator/element-emulator/cmd/element-emulator")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build ./cmd/element-emulator (run inside the repository, or pass -bin): %w", err)
	}
	return out, nil
}

// freeAddr returns a loopback address that was free a moment ago.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// lockedBuffer is a bytes.Buffer safe for the child's stderr copier.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// proc is one emulator child process serving plain HTTP and KMIP on loopback.
type proc struct {
	bin, dir       string
	httpAddr, kmip string
	extra          []string
	cmd            *exec.Cmd
	stderr         *lockedBuffer
	done           chan struct{}
}

func newProc(bin, dir string, extra ...string) (*proc, error) {
	h, err := freeAddr()
	if err != nil {
		return nil, err
	}
	k, err := freeAddr()
	if err != nil {
		return nil, err
	}
	return &proc{bin: bin, dir: dir, httpAddr: h, kmip: k, extra: extra}, nil
}

func (p *proc) args() []string {
	return append([]string{"--data", p.dir, "--http-addr", p.httpAddr, "--https-addr", "", "--node-addr", "",
		"--kmip-addr", p.kmip, "--kacls-addr", "off", "--log-level", "warn"}, p.extra...)
}

// start runs the process and returns once /_emulator/healthz answers.
func (p *proc) start(ctx context.Context) (time.Duration, error) {
	began := time.Now()
	p.cmd = exec.Command(p.bin, p.args()...)
	p.stderr = &lockedBuffer{}
	p.cmd.Stderr = p.stderr
	if err := p.cmd.Start(); err != nil {
		return 0, err
	}
	p.done = make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(p.done) }()
	c := newClient("http://" + p.httpAddr)
	for {
		if err := c.healthz(ctx); err == nil {
			return time.Since(began), nil
		}
		select {
		case <-p.done:
			return 0, fmt.Errorf("emulator exited during start-up: %s", p.stderr.String())
		case <-ctx.Done():
			p.kill()
			return 0, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
		if time.Since(began) > 60*time.Second {
			p.kill()
			return 0, errors.New("emulator did not answer /_emulator/healthz within 60 s")
		}
	}
}

// kill sends SIGKILL (no shutdown code runs) and waits for the exit.
func (p *proc) kill() {
	if p.cmd == nil || p.cmd.Process == nil {
		return
	}
	_ = p.cmd.Process.Kill()
	<-p.done
}

// stop sends SIGTERM and waits for the graceful shutdown.
func (p *proc) stop() error {
	if p.cmd == nil || p.cmd.Process == nil {
		return nil
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		p.kill()
		return errors.New("no exit 30 s after SIGTERM")
	}
	if !p.cmd.ProcessState.Success() {
		return fmt.Errorf("exit status %v: %s", p.cmd.ProcessState, p.stderr.String())
	}
	return nil
}
