package kmip

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipserver"
	"github.com/ovh/kmip-go/payloads"
	"github.com/ovh/kmip-go/ttlv"
)

// ServerConfig configures the embedded KMIP server. Zero values are the
// defaults of kmip.md.
type ServerConfig struct {
	Addr           string // "127.0.0.1:5696"; ":0"/"127.0.0.1:0" for tests
	Store          Store
	CA             *CA
	Now            func() time.Time // emulator clock
	Logger         *slog.Logger
	Faults         FaultSource         // may be nil
	ExtraClientCAs []*x509.Certificate // -kmip-client-ca

	SANs            []string      // extra server SANs besides 127.0.0.1, ::1, localhost (-kmip-san)
	LegacyCiphers   bool          // -kmip-legacy-ciphers
	DestroyMode     string        // "keep-metadata" (default) or "delete" (-kmip-destroy)
	ClientEKU       string        // "require" (default) or "lenient" (-kmip-client-eku)
	Identity        string        // "cn" (default) or "ou" (-kmip-identity)
	Ownership       string        // "off" (default: owner recorded only) or "owner" (-kmip-ownership)
	ServerKey       string        // "ecdsa" (default, P-256) or "rsa" (RSA-2048) (-kmip-server-key)
	TimestampWindow time.Duration // 0 = off (-kmip-timestamp-window); real clock
}

// Stats counts what the server saw since Start (GET /_emulator/kmip/stats).
type Stats struct {
	Connections      int            `json:"connections"`
	HandshakesOK     int            `json:"handshakesOK"`
	HandshakesFailed int            `json:"handshakesFailed"`
	Operations       map[string]int `json:"operations"`
	Results          map[string]int `json:"results"`
}

// Server is the embedded KMIP server.
type Server struct {
	cfg  ServerConfig
	log  *slog.Logger
	exec *kmipserver.BatchExecutor

	ctx    context.Context // cancelled by Close: stops delays and blackholes
	cancel context.CancelFunc
	wg     sync.WaitGroup // blackholed connections

	mu      sync.Mutex
	cert    *tls.Certificate
	lis     *switchListener
	srv     *kmipserver.Server
	served  chan struct{}
	started bool
	closed  bool

	statsMu sync.Mutex
	stats   Stats
}

// NewServer checks cfg and builds the server; it does not listen yet.
func NewServer(cfg ServerConfig) (*Server, error) {
	if cfg.Store == nil || cfg.CA == nil || cfg.Now == nil {
		return nil, errors.New("kmip server: Store, CA and Now are required")
	}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:5696"
	}
	switch cfg.DestroyMode {
	case "":
		cfg.DestroyMode = "keep-metadata"
	case "keep-metadata", "delete":
	default:
		return nil, fmt.Errorf("kmip server: destroy mode %q: want keep-metadata or delete", cfg.DestroyMode)
	}
	switch cfg.ClientEKU {
	case "":
		cfg.ClientEKU = "require"
	case "require", "lenient":
	default:
		return nil, fmt.Errorf("kmip server: client EKU mode %q: want require or lenient", cfg.ClientEKU)
	}
	switch cfg.Identity {
	case "":
		cfg.Identity = "cn"
	case "cn", "ou":
	default:
		return nil, fmt.Errorf("kmip server: identity %q: want cn or ou", cfg.Identity)
	}
	switch cfg.ServerKey {
	case "":
		cfg.ServerKey = "ecdsa"
	case "ecdsa", "rsa":
	default:
		return nil, fmt.Errorf("kmip server: server key %q: want ecdsa or rsa", cfg.ServerKey)
	}
	switch cfg.Ownership {
	case "":
		cfg.Ownership = "off"
	case "off", "owner":
	default:
		return nil, fmt.Errorf("kmip server: ownership %q: want off or owner", cfg.Ownership)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{cfg: cfg, log: log, ctx: ctx, cancel: cancel, stats: newStats()}
	s.exec = kmipserver.NewBatchExecutor() // default version list 1.4…1.0 (§1.4)
	s.route(s.exec)
	s.exec.Use(s.messageMiddleware)
	s.exec.BatchItemUse(s.itemMiddleware)
	return s, nil
}

func newStats() Stats {
	return Stats{Operations: map[string]int{}, Results: map[string]int{}}
}

// Handler is the KMIP request handler (for kmiptest servers in tests).
func (s *Server) Handler() kmipserver.RequestHandler { return s.exec }

// Start binds cfg.Addr (a busy port is an error) and serves in a goroutine
// owned by the server until Close.
func (s *Server) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return errors.New("kmip server: already started")
	}
	if _, err := s.currentCertLocked(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("kmip server: listen %s: %w", s.cfg.Addr, err)
	}
	s.lis = &switchListener{inner: ln, addr: ln.Addr(), wake: make(chan struct{})}
	s.srv = kmipserver.NewServer(&acceptListener{s: s}, s.exec).
		WithConnectHook(s.onConnect).
		WithTerminateHook(s.onTerminate)
	s.served = make(chan struct{})
	s.started = true
	go func() {
		defer close(s.served)
		if err := s.srv.Serve(); err != nil && !errors.Is(err, kmipserver.ErrShutdown) {
			s.log.Error("kmip server stopped", "err", err)
		}
	}()
	s.log.Info("kmip server listening", "addr", ln.Addr().String())
	return nil
}

// Addr is the bound host:port after Start ("" before).
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lis == nil {
		return ""
	}
	return s.lis.addr.String()
}

// Close stops the server and waits for its goroutines.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	started := s.started
	s.mu.Unlock()
	s.cancel()
	var err error
	if started {
		err = s.srv.Shutdown()
		<-s.served
		if errors.Is(err, net.ErrClosed) {
			err = nil
		}
	}
	s.wg.Wait()
	return err
}

// SetRefuse closes (true) or re-binds (false) the listening socket, for the
// refuse fault kind; connections are refused meanwhile.
func (s *Server) SetRefuse(refuse bool) error {
	s.mu.Lock()
	lis := s.lis
	s.mu.Unlock()
	if lis == nil {
		return errors.New("kmip server: not started")
	}
	return lis.setRefuse(refuse)
}

// Stats returns a copy of the counters.
func (s *Server) Stats() Stats {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	st := s.stats
	st.Operations = maps.Clone(s.stats.Operations)
	st.Results = maps.Clone(s.stats.Results)
	return st
}

func (s *Server) count(f func(*Stats)) {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	f(&s.stats)
}

// ObjectInfo describes one managed object without its material.
type ObjectInfo struct {
	UID            string          `json:"uid"`
	ObjectType     string          `json:"objectType"`
	State          string          `json:"state"`
	Owner          string          `json:"owner"`
	Algorithm      string          `json:"algorithm,omitempty"`
	Length         int32           `json:"length,omitempty"`
	KeyFormat      string          `json:"keyFormat,omitempty"`
	HasMaterial    bool            `json:"hasMaterial"`
	KeyIDs         []string        `json:"keyIDs,omitempty"`
	InitialDate    time.Time       `json:"initialDate"`
	LastChangeDate time.Time       `json:"lastChangeDate"`
	Attributes     []AttributeInfo `json:"attributes"`
}

// AttributeInfo is one attribute instance rendered for JSON.
type AttributeInfo struct {
	Name  string `json:"name"`
	Index int32  `json:"index"`
	Value any    `json:"value"`
}

// Objects lists every managed object (metadata and attributes, never
// material) in ascending UID order.
func (s *Server) Objects(ctx context.Context) ([]ObjectInfo, error) {
	now := s.cfg.Now()
	out := []ObjectInfo{}
	err := s.cfg.Store.KMIPView(ctx, func(tx ObjectTx) error {
		uids, err := tx.ObjectUIDs()
		if err != nil {
			return err
		}
		for _, uid := range uids {
			o, err := load(tx, uid, now, false)
			if err != nil {
				return err
			}
			stored, err := tx.Attributes(uid)
			if err != nil {
				return err
			}
			all, err := allAttributes(o, stored)
			if err != nil {
				return err
			}
			info := ObjectInfo{
				UID: uid, ObjectType: ttlv.EnumStr(o.Type), State: ttlv.EnumStr(o.State), Owner: o.Owner,
				Length: o.Length, HasMaterial: o.Material != nil, KeyIDs: keyIDs(stored),
				InitialDate: o.InitialDate, LastChangeDate: o.LastChangeDate, Attributes: []AttributeInfo{},
			}
			if o.Algorithm != 0 {
				info.Algorithm = ttlv.EnumStr(o.Algorithm)
			}
			if o.KeyFormat != 0 {
				info.KeyFormat = ttlv.EnumStr(o.KeyFormat)
			}
			for _, a := range all {
				info.Attributes = append(info.Attributes, AttributeInfo{
					Name: string(a.AttributeName), Index: attrIndex(a.AttributeIndex), Value: jsonValue(a.AttributeValue),
				})
			}
			out = append(out, info)
		}
		return nil
	})
	return out, err
}

// ---- TLS ----

func (s *Server) sans() []string {
	return append([]string{"127.0.0.1", "::1", "localhost"}, s.cfg.SANs...)
}

// currentCertLocked returns the leaf, re-issuing it when it does not cover
// real and emulator time with at least 30 days left (§1.1).
func (s *Server) currentCertLocked() (*tls.Certificate, error) {
	now := s.cfg.Now()
	if c := s.cert; c != nil {
		wall := time.Now()
		ok := true
		for _, t := range []time.Time{now, wall} {
			if t.Before(c.Leaf.NotBefore) || c.Leaf.NotAfter.Sub(t) < 30*24*time.Hour {
				ok = false
			}
		}
		if ok {
			return c, nil
		}
	}
	issue := s.cfg.CA.IssueServerCert
	if s.cfg.ServerKey == "rsa" {
		issue = s.cfg.CA.IssueServerCertRSA
	}
	c, err := issue(s.sans(), now)
	if err != nil {
		return nil, fmt.Errorf("kmip server certificate: %w", err)
	}
	s.cert = &c
	return s.cert, nil
}

func (s *Server) currentCert() (*tls.Certificate, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.currentCertLocked()
}

// legacySuites are added by LegacyCiphers (PyKMIP with RSA certificates).
var legacySuites = []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, tls.TLS_RSA_WITH_AES_128_CBC_SHA256}

func (s *Server) clientCAs() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(s.cfg.CA.Certificate())
	for _, c := range s.cfg.ExtraClientCAs {
		pool.AddCert(c)
	}
	return pool
}

// configForClient builds the per-connection TLS config, applying handshake
// faults (tls modes, delay handshake).
func (s *Server) configForClient(hello *tls.ClientHelloInfo) (*tls.Config, error) {
	tc, _ := hello.Conn.(*trackedConn)
	cert, err := s.currentCert()
	if err != nil {
		s.log.Error("kmip server certificate", "err", err)
		return nil, err
	}
	cfg := &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{*cert},
		// Verified below (on the emulator clock, EKU rule), so that a
		// rejection is counted before the alert reaches the client.
		ClientAuth:            tls.RequireAnyClientCert,
		VerifyPeerCertificate: s.verifyClient(tc),
		VerifyConnection: func(tls.ConnectionState) error {
			tc.handshakeDone(true)
			return nil
		},
	}
	if s.cfg.LegacyCiphers {
		for _, cs := range tls.CipherSuites() {
			cfg.CipherSuites = append(cfg.CipherSuites, cs.ID)
		}
		cfg.CipherSuites = append(cfg.CipherSuites, legacySuites...)
	}
	f := s.fire(s.ctx, FaultEvent{Stage: StageHandshake})
	if f == nil {
		return cfg, nil
	}
	switch f.Kind {
	case FaultDelay:
		s.sleep(s.ctx, f.Ms)
	case FaultTLS:
		if err := s.applyTLSFault(hello, cfg, f.Mode); err != nil {
			s.log.Error("kmip tls fault", "mode", f.Mode, "err", err)
			return nil, err
		}
	}
	return cfg, nil
}

func (s *Server) applyTLSFault(hello *tls.ClientHelloInfo, cfg *tls.Config, mode string) error {
	now := s.cfg.Now()
	wall := time.Now()
	early := now
	if wall.Before(early) {
		early = wall
	}
	var (
		leaf tls.Certificate
		err  error
	)
	switch mode {
	case TLSRejectClient:
		tc, _ := hello.Conn.(*trackedConn)
		cfg.VerifyPeerCertificate = func([][]byte, [][]*x509.Certificate) error {
			tc.handshakeDone(false)
			return errors.New("client certificate rejected by fault rule")
		}
		return nil
	case TLSOldProtocol:
		cfg.MinVersion, cfg.MaxVersion = tls.VersionTLS10, tls.VersionTLS10
		return nil
	case TLSUnknownCA:
		nb, na := validity(now, leafValidity)
		leaf, err = throwawayLeaf(s.sans(), nb, na)
	case TLSExpired:
		var key *ecdsa.PrivateKey
		if key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err == nil {
			leaf, err = s.cfg.CA.issueLeaf(key, s.sans(), early.AddDate(-1, 0, 0), early.Add(-24*time.Hour), x509.ExtKeyUsageServerAuth)
		}
	case TLSWrongHost:
		var key *ecdsa.PrivateKey
		if key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err == nil {
			nb, na := validity(now, leafValidity)
			leaf, err = s.cfg.CA.issueLeaf(key, []string{"wrong-host.invalid"}, nb, na, x509.ExtKeyUsageServerAuth)
		}
	default:
		return fmt.Errorf("unknown tls fault mode %q", mode)
	}
	if err != nil {
		return err
	}
	cfg.Certificates = []tls.Certificate{leaf}
	return nil
}

// ---- faults ----

func (s *Server) fire(ctx context.Context, ev FaultEvent) *Fault {
	if s.cfg.Faults == nil {
		return nil
	}
	f, err := s.cfg.Faults.Fire(ctx, ev)
	if err != nil {
		s.log.Error("kmip fault source", "stage", ev.Stage, "err", err)
		return nil
	}
	if f != nil {
		s.log.Info("kmip fault fired", "stage", ev.Stage, "kind", f.Kind, "phase", f.Phase, "mode", f.Mode, "operation", ev.Operation, "uid", ev.UID)
	}
	return f
}

const maxDelay = 120 * time.Second

// sleep waits ms milliseconds of real time (capped), or until ctx ends.
func (s *Server) sleep(ctx context.Context, ms int) {
	d := min(time.Duration(ms)*time.Millisecond, maxDelay)
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	case <-s.ctx.Done():
	}
}

// ---- listeners ----

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

// verifyClient checks the client chain against the CA and the extra client
// CAs at emulator time, then the EKU rule (§1.3).
func (s *Server) verifyClient(tc *trackedConn) func([][]byte, [][]*x509.Certificate) error {
	return func(raw [][]byte, _ [][]*x509.Certificate) error {
		err := s.checkClientChain(raw)
		if err != nil {
			tc.handshakeDone(false)
		}
		return err
	}
}

func (s *Server) checkClientChain(raw [][]byte) error {
	if len(raw) == 0 {
		return errors.New("no client certificate")
	}
	certs := make([]*x509.Certificate, len(raw))
	for i, der := range raw {
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return fmt.Errorf("client certificate: %w", err)
		}
		certs[i] = c
	}
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	_, err := certs[0].Verify(x509.VerifyOptions{
		Roots: s.clientCAs(), Intermediates: inter, CurrentTime: s.cfg.Now(),
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	})
	if err != nil {
		return &tls.CertificateVerificationError{UnverifiedCertificates: certs, Err: err}
	}
	if s.cfg.ClientEKU == "require" && !slices.Contains(certs[0].ExtKeyUsage, x509.ExtKeyUsageClientAuth) {
		return errors.New("client certificate has no clientAuth extended key usage")
	}
	return nil
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

// ---- middlewares ----

type connKey struct{}

type connInfo struct{ cancel context.CancelFunc }

func (s *Server) onConnect(ctx context.Context) (context.Context, error) {
	ctx, cancel := context.WithCancel(ctx)
	return context.WithValue(ctx, connKey{}, &connInfo{cancel: cancel}), nil
}

func (s *Server) onTerminate(ctx context.Context) {
	if ci, ok := ctx.Value(connKey{}).(*connInfo); ok {
		ci.cancel()
	}
}

// messageMiddleware: Stop as the default batch error continuation (§1.4),
// the optional timestamp window, and the drop-request fault.
func (s *Server) messageMiddleware(next kmipserver.Next, ctx context.Context, msg *okmip.RequestMessage) (*okmip.ResponseMessage, error) {
	if msg.Header.BatchErrorContinuationOption == 0 {
		msg.Header.BatchErrorContinuationOption = okmip.BatchErrorContinuationOptionStop
	}
	if w := s.cfg.TimestampWindow; w > 0 && msg.Header.TimeStamp != nil {
		d := time.Since(*msg.Header.TimeStamp) // real time: clients stamp real time
		if d > w || d < -w {
			return nil, kmipserver.Errorf(okmip.ResultReasonInvalidMessage, "Stale or future request time stamp")
		}
	}
	op := ""
	if len(msg.BatchItem) > 0 {
		op = ttlv.EnumStr(msg.BatchItem[0].Operation)
	}
	if f := s.fire(ctx, FaultEvent{Stage: StageRequest, Operation: op}); f != nil && f.Kind == FaultDrop {
		if ci, ok := ctx.Value(connKey{}).(*connInfo); ok {
			ci.cancel() // the server closes the connection without answering
			return nil, kmipserver.Errorf(okmip.ResultReasonGeneralFailure, "Connection dropped")
		}
	}
	return next(ctx, msg)
}

func requestUID(pl okmip.OperationPayload) string {
	switch p := pl.(type) {
	case *payloads.GetRequestPayload:
		return p.UniqueIdentifier
	case *payloads.GetAttributesRequestPayload:
		return p.UniqueIdentifier
	case *payloads.GetAttributeListRequestPayload:
		return p.UniqueIdentifier
	case *payloads.AddAttributeRequestPayload:
		return p.UniqueIdentifier
	case *payloads.ModifyAttributeRequestPayload:
		return p.UniqueIdentifier
	case *payloads.DeleteAttributeRequestPayload:
		return p.UniqueIdentifier
	case *payloads.ActivateRequestPayload:
		return p.UniqueIdentifier
	case *payloads.RevokeRequestPayload:
		return p.UniqueIdentifier
	case *payloads.DestroyRequestPayload:
		return p.UniqueIdentifier
	}
	return ""
}

func responseUID(pl okmip.OperationPayload) string {
	switch p := pl.(type) {
	case *payloads.CreateResponsePayload:
		return p.UniqueIdentifier
	case *payloads.RegisterResponsePayload:
		return p.UniqueIdentifier
	}
	return ""
}

// objectKeyIDs reads the x-SolidFire-KeyID values of uid (nil if none).
func (s *Server) objectKeyIDs(ctx context.Context, uid string) []string {
	if uid == "" {
		return nil
	}
	var ids []string
	_ = s.cfg.Store.KMIPView(ctx, func(tx ObjectTx) error {
		stored, err := tx.Attributes(uid)
		if err == nil {
			ids = keyIDs(stored)
		}
		return nil
	})
	return ids
}

// itemMiddleware applies operation-stage faults, hides internal errors from
// clients, counts and logs one line per batch item.
func (s *Server) itemMiddleware(next kmipserver.BatchItemNext, ctx context.Context, bi *okmip.RequestBatchItem) (*okmip.ResponseBatchItem, error) {
	op := ttlv.EnumStr(bi.Operation)
	uid := requestUID(bi.RequestPayload)
	if uid == "" {
		uid = kmipserver.IdPlaceholder(ctx)
	}
	var (
		resp *okmip.ResponseBatchItem
		err  error
	)
	f := (*Fault)(nil)
	if s.cfg.Faults != nil {
		f = s.fire(ctx, FaultEvent{Stage: StageOperation, Operation: op, UID: uid, KeyIDs: s.objectKeyIDs(ctx, uid)})
	}
	if f != nil && f.Kind == FaultDelay {
		s.sleep(ctx, f.Ms)
	}
	if f != nil && f.Kind == FaultError {
		resp = &okmip.ResponseBatchItem{Operation: bi.Operation, UniqueBatchItemID: bi.UniqueBatchItemID}
		reason := okmip.ResultReasonGeneralFailure
		if r, e := ttlv.EnumByName(okmip.TagResultReason, f.Reason); e == nil {
			reason = okmip.ResultReason(r)
		}
		msg := f.Message
		if msg == "" {
			msg = "Injected failure"
		}
		err = kmipserver.Errorf(reason, "%s", msg)
	} else {
		resp, err = next(ctx, bi)
	}
	result := "Success"
	if err != nil {
		var ke kmipserver.Error
		switch {
		case errors.As(err, &ke):
		case errors.Is(err, ErrNotFound):
			err = kmipserver.Errorf(okmip.ResultReasonItemNotFound, "Object %s not found", uid)
		default:
			s.log.Error("kmip operation failed", "operation", op, "uid", uid, "err", err)
			err = kmipserver.Errorf(okmip.ResultReasonGeneralFailure, "Internal server error")
		}
		errors.As(err, &ke)
		result = ttlv.EnumStr(ke.Reason)
	} else if resp != nil && resp.ResultStatus == okmip.ResultStatusOperationFailed {
		result = ttlv.EnumStr(resp.ResultReason)
		if resp.ResultReason == okmip.ResultReasonGeneralFailure {
			resp.ResultMessage = "Internal server error" // a recovered panic's text stays in the log
		}
	}
	if resp != nil && err == nil {
		if u := responseUID(resp.ResponsePayload); u != "" {
			uid = u
		}
	}
	s.count(func(st *Stats) {
		st.Operations[op]++
		st.Results[result]++
	})
	v := kmipserver.GetProtocolVersion(ctx)
	s.log.Info("kmip operation", "operation", op, "uid", uid, "identity", s.identity(ctx),
		"version", fmt.Sprintf("%d.%d", v.ProtocolVersionMajor, v.ProtocolVersionMinor), "result", result)
	return resp, err
}
