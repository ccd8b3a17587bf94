package kmip

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"sync"
	"time"

	"github.com/ovh/kmip-go/kmipserver"
	"github.com/ovh/kmip-go/ttlv"
)

// ServerConfig configures the embedded KMIP server. Zero values are the
// defaults of docs/kmip.md.
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

	ctx    context.Context // cancelled by Close: stops delays, blackholes and connections
	cancel context.CancelFunc
	wg     sync.WaitGroup // blackholed connections
	conns  sync.WaitGroup // served connections (conn.go)

	mu      sync.Mutex
	cert    *tls.Certificate
	lis     *switchListener
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
	s.exec = kmipserver.NewBatchExecutor() // default version list 1.4…1.0 (KD5)
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
	s.served = make(chan struct{})
	s.started = true
	go func() {
		defer close(s.served)
		if err := s.serve(&acceptListener{s: s}); err != nil {
			s.log.Error("kmip server stopped", "err", err)
		}
	}()
	s.log.Debug("kmip server listening", "addr", ln.Addr().String())
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
		err = s.lis.Close()
		<-s.served
		s.conns.Wait()
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
