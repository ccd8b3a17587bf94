package kmip

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
)

// switchListener keeps one address across refuse faults: the socket is closed
// while refusing and re-bound afterwards; Accept waits in between.
type switchListener struct {
	addr   net.Addr
	mu     sync.Mutex
	inner  net.Listener // nil while refusing
	closed bool
	wake   chan struct{} // closed on every state change
}

func (l *switchListener) Accept() (net.Conn, error) {
	for {
		l.mu.Lock()
		if l.closed {
			l.mu.Unlock()
			return nil, net.ErrClosed
		}
		inner, wake := l.inner, l.wake
		l.mu.Unlock()
		if inner == nil {
			<-wake
			continue
		}
		c, err := inner.Accept()
		if err == nil {
			return c, nil
		}
		l.mu.Lock()
		swapped := l.inner != inner || l.closed
		l.mu.Unlock()
		if !swapped {
			return nil, err
		}
	}
}

func (l *switchListener) signalLocked() {
	close(l.wake)
	l.wake = make(chan struct{})
}

func (l *switchListener) setRefuse(refuse bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return net.ErrClosed
	}
	if refuse {
		if l.inner != nil {
			err := l.inner.Close()
			l.inner = nil
			l.signalLocked()
			return err
		}
		return nil
	}
	if l.inner != nil {
		return nil
	}
	ln, err := net.Listen("tcp", l.addr.String())
	if err != nil {
		return fmt.Errorf("kmip server: re-bind %s: %w", l.addr, err)
	}
	l.inner = ln
	l.signalLocked()
	return nil
}

func (l *switchListener) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	var err error
	if l.inner != nil {
		err = l.inner.Close()
		l.inner = nil
	}
	l.signalLocked()
	return err
}

// acceptListener applies accept-stage faults and wraps connections in TLS.
type acceptListener struct{ s *Server }

func (a *acceptListener) Addr() net.Addr { return a.s.lis.addr }
func (a *acceptListener) Close() error   { return a.s.lis.Close() }

func (a *acceptListener) Accept() (net.Conn, error) {
	s := a.s
	for {
		c, err := s.lis.Accept()
		if err != nil {
			return nil, err
		}
		s.count(func(st *Stats) { st.Connections++ })
		if f := s.fire(s.ctx, FaultEvent{Stage: StageAccept}); f != nil {
			switch f.Kind {
			case FaultBlackhole:
				s.hold(c)
				continue
			case FaultDrop:
				_ = c.Close()
				continue
			}
		}
		tc := &trackedConn{Conn: c, s: s}
		return tls.Server(tc, &tls.Config{GetConfigForClient: s.configForClient}), nil
	}
}

// hold keeps a blackholed connection open without answering until the
// client goes away or the server closes.
func (s *Server) hold(c net.Conn) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		stop := context.AfterFunc(s.ctx, func() { _ = c.Close() })
		_, _ = io.Copy(io.Discard, c)
		stop()
		_ = c.Close()
	}()
}

// trackedConn counts its handshake once: ok or failed when verification
// decides, failed when closed before any verdict.
type trackedConn struct {
	net.Conn
	s     *Server
	state atomic.Int32 // 0 pending, 1 counted
}

func (c *trackedConn) handshakeDone(ok bool) {
	if c == nil || !c.state.CompareAndSwap(0, 1) {
		return
	}
	c.s.count(func(st *Stats) {
		if ok {
			st.HandshakesOK++
		} else {
			st.HandshakesFailed++
		}
	})
}

func (c *trackedConn) Close() error {
	c.handshakeDone(false)
	return c.Conn.Close()
}
