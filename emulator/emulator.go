// Package emulator wires the whole emulator together: the SQLite store, the
// clock, the embedded KMIP server and its CA, the cluster, and the API
// listeners. cmd/element-emulator and the in-process test server
// (api/apitest) both build an Emulator, so the two never drift apart.
package emulator

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/element-emulator/element-emulator/admins"
	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/api"
	"github.com/element-emulator/element-emulator/clock"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/dashboard"
	"github.com/element-emulator/element-emulator/kacls"
	"github.com/element-emulator/element-emulator/kmip"
	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/tckms"
	"github.com/element-emulator/element-emulator/volumes"
)

// Config is everything the emulator needs; cmd fills it from flags and env.
type Config struct {
	// DataDir holds emu.db and master.key; ignored when Ephemeral.
	DataDir   string
	Ephemeral bool
	// KEK, when set (32 bytes), is used instead of DataDir/master.key.
	KEK []byte

	HTTPSAddr, HTTPAddr, NodeAddr, KMIPAddr string
	// CertFile/KeyFile replace the HTTPS leaf issued by the embedded CA.
	CertFile, KeyFile string

	Clock   clock.Mode
	Cluster cluster.Config
	// Seed, when set, makes UUIDs and key material reproducible.
	Seed *uint64

	KMIPServer kmip.ServerConfig // Addr, Store, CA, Now, Logger, Faults are filled in
	KMIPClient kmip.ClientConfig // Logger is filled in
	// ClientCertDays is the default validity of certificates signed by /_emulator/kmip/sign.
	ClientCertDays int
	// SettleEvery is the background settlement period with the real clock (0 = 1 s).
	SettleEvery time.Duration
	// MaxCalls bounds the JSON-RPC calls that run at once (0: no bound).
	MaxCalls int

	// KACLSAddr is the KACLS listener ("" or "off": no KACLS). When
	// KACLSAddrDefault is set it is the built-in default, and a busy port
	// only logs a warning and leaves the KACLS off (KA1).
	KACLSAddr        string
	KACLSAddrDefault bool
	// KACLSPlainHTTP serves the KACLS over HTTP instead of HTTPS.
	KACLSPlainHTTP bool
	// KACLS configures the instances; Store, Now, Wall, Logger, Faults and
	// RootCAs are filled in (RootCAs: the system roots, the embedded CA and
	// KACLSPeerCAs).
	KACLS        kacls.Config
	KACLSPeerCAs []*x509.Certificate

	// AlikmsAddr is the Alibaba Cloud KMS listener ("" or "off": none),
	// plain HTTP; with AlikmsAddrDefault a busy port only warns. Alikms
	// configures it (Store, Now, Wall, Logger and Faults are filled in).
	AlikmsAddr        string
	AlikmsAddrDefault bool
	// AlikmsTLS serves it over HTTPS with a leaf of the embedded CA.
	AlikmsTLS bool
	Alikms    alikms.Config
	// TCKMSAddr is the Tencent Cloud KMS listener, plain HTTP ("" or "off":
	// none); a busy port is only a warning when TCKMSAddrDefault (TK1).
	TCKMSAddr        string
	TCKMSAddrDefault bool
	// TCKMSTLS serves it over HTTPS (a leaf of the embedded CA) instead.
	TCKMSTLS bool
	// TCKMS configures it; Store, Now, Logger and Faults are filled in, and
	// Wall when nil.
	TCKMS tckms.Config

	Logger *slog.Logger
	// Wall is the wall clock (time.Now when nil).
	Wall func() time.Time

	// NoUI turns the dashboard at /_emulator/ui/ off (dashboard.go).
	NoUI bool
}

// Emulator is one running emulator.
type Emulator struct {
	cfg     Config
	log     *slog.Logger
	store   *sqlite.Store
	clock   *clock.Clock
	ca      *kmip.CA
	kmipSrv *kmip.Server
	cluster *cluster.Cluster
	api     *api.Server
	kacls   *kacls.Service  // nil when off
	alikms  *alikms.Service // nil when off
	tckms   *tckms.Service  // nil when off
	// Restarted is true when the database already held a cluster.
	Restarted bool

	mu        sync.Mutex
	servers   []*http.Server
	unserved  []served // bound by Listen, not yet served
	ticking   bool
	listeners map[string]net.Listener
	stop      chan struct{}
	wg        sync.WaitGroup
	closed    bool
	creds     atomic.Pointer[credentials]
	snaps     snapshots // snapshot.go

	// hub is notified after every change; ui serves the dashboard (nil
	// when off). dashboard.go.
	hub *dashboard.Hub
	ui  *dashboard.Server

	// volumes is the storage domain (storage.go).
	volumes *volumes.Service
	admins  *admins.Service // cluster admins (emulator/storage.go)
}

const metaClock = "clock"

// New opens the store and builds every component. Nothing listens yet.
func New(ctx context.Context, cfg Config) (*Emulator, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Wall == nil {
		cfg.Wall = time.Now
	}
	if cfg.Clock == "" {
		cfg.Clock = clock.Real
	}
	e := &Emulator{cfg: cfg, log: cfg.Logger, listeners: map[string]net.Listener{}, stop: make(chan struct{})}
	if err := e.open(ctx); err != nil {
		return nil, err
	}
	if err := e.build(ctx); err != nil {
		e.store.Close()
		return nil, err
	}
	return e, nil
}

func (e *Emulator) open(ctx context.Context) error {
	kek := e.cfg.KEK
	dsn := ""
	if e.cfg.Ephemeral {
		dsn = "memory:element-emulator-" + uuid.NewString()
		if kek == nil {
			kek = make([]byte, 32)
			if _, err := rand.Read(kek); err != nil {
				return err
			}
		}
	} else {
		if err := os.MkdirAll(e.cfg.DataDir, 0o700); err != nil {
			return fmt.Errorf("data directory: %w", err)
		}
		dsn = filepath.Join(e.cfg.DataDir, "emu.db")
		if kek == nil {
			var err error
			if kek, err = loadOrCreateKEK(filepath.Join(e.cfg.DataDir, "master.key")); err != nil {
				return err
			}
		}
	}
	st, err := sqlite.Open(ctx, dsn, kek)
	if err != nil {
		return err
	}
	e.store = st
	return nil
}

// loadOrCreateKEK reads the base64 key encryption key, creating it (0600) on
// first start.
func loadOrCreateKEK(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		k, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(k) != 32 {
			return nil, fmt.Errorf("%s: not a base64 32-byte key", path)
		}
		return k, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, []byte(base64.StdEncoding.EncodeToString(k)+"\n"), 0o600); err != nil {
		return nil, err
	}
	return k, nil
}

// persistedClock is the clock state kept in the meta table.
type persistedClock struct {
	Mode   clock.Mode `json:"mode"`
	Base   time.Time  `json:"base"`
	Offset int64      `json:"offsetNanos"`
}

func (e *Emulator) loadClock(ctx context.Context) error {
	st := clock.State{Mode: e.cfg.Clock}
	raw, err := e.store.Meta(ctx, metaClock)
	if err != nil {
		return err
	}
	if raw != "" {
		var p persistedClock
		if err := json.Unmarshal([]byte(raw), &p); err != nil {
			return fmt.Errorf("stored clock: %w", err)
		}
		st.Offset = time.Duration(p.Offset)
		if p.Mode == e.cfg.Clock {
			st.Base = p.Base
		} else if e.cfg.Clock == clock.Virtual {
			// Switching to virtual: freeze at the emulator time reached so far.
			st.Base, st.Offset = e.cfg.Wall().Add(st.Offset).UTC().Truncate(time.Second), 0
		}
	}
	e.clock = clock.New(st, e.cfg.Wall)
	return e.saveClock(ctx)
}

func (e *Emulator) saveClock(ctx context.Context) error {
	st := e.clock.State()
	b, err := json.Marshal(persistedClock{Mode: st.Mode, Base: st.Base, Offset: int64(st.Offset)})
	if err != nil {
		return err
	}
	return e.store.SetMeta(ctx, metaClock, string(b))
}

// lockedReader makes a seeded PRNG safe for concurrent use.
type lockedReader struct {
	mu sync.Mutex
	r  *mrand.ChaCha8
}

func (l *lockedReader) Read(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.r.Read(p)
}

func (e *Emulator) build(ctx context.Context) error {
	if err := e.loadClock(ctx); err != nil {
		return err
	}
	var random io.Reader = rand.Reader
	newUUID := uuid.NewString
	if e.cfg.Seed != nil {
		var seed [32]byte
		for i := 0; i < 4; i++ {
			v := *e.cfg.Seed + uint64(i)*0x9e3779b97f4a7c15
			for j := 0; j < 8; j++ {
				seed[i*8+j] = byte(v >> (8 * j))
			}
		}
		lr := &lockedReader{r: mrand.NewChaCha8(seed)}
		random = lr
		newUUID = func() string { return uuid.Must(uuid.NewRandomFromReader(lr)).String() }
	}

	ca, err := kmip.LoadOrCreateCA(ctx, e.store, e.clock.Now())
	if err != nil {
		return fmt.Errorf("KMIP CA: %w", err)
	}
	e.ca = ca

	ccfg := e.cfg.KMIPClient
	ccfg.Logger = e.log.With("component", "kmip-client")
	client := kmip.NewClient(ccfg)

	e.hub = dashboard.NewHub()
	e.cluster, err = cluster.New(e.cfg.Cluster, cluster.Deps{
		Store: e.store, KeyServer: keyServerAdapter{client}, Now: e.clock.Now, NewUUID: newUUID, Rand: random,
		Logger: e.log.With("component", "cluster"), Changed: e.hub.Notify,
	})
	if err != nil {
		return err
	}
	if e.Restarted, err = e.cluster.Init(ctx); err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	if err := e.loadCredentials(ctx); err != nil {
		return err
	}
	if a := e.cfg.KMIPAddr; a != "" && a != "off" {
		scfg := e.cfg.KMIPServer
		scfg.Addr, scfg.Store, scfg.CA, scfg.Now = a, e.store, ca, e.clock.Now
		scfg.Logger = e.log.With("component", "kmip-server")
		scfg.Faults = faultSource{e.cluster}
		if e.kmipSrv, err = kmip.NewServer(scfg); err != nil {
			return fmt.Errorf("KMIP server: %w", err)
		}
	}

	if err := e.buildKACLS(ctx); err != nil {
		return err
	}
	if err := e.buildAlikms(); err != nil {
		return err
	}
	if err := e.buildTCKMS(); err != nil {
		return err
	}
	e.volumes = e.buildVolumes(newUUID, random)
	e.admins = e.buildAdmins(random)
	e.buildUI()

	e.api, err = api.NewServer(api.Deps{
		Cluster: e.cluster, Volumes: e.volumes, Admins: e.admins, Control: control{e}, Logger: e.log.With("component", "api"),
		Networks:     e.buildNetworks(), // emulator/nodes.go
		Authenticate: e.authenticate, CurrentVersion: e.cfg.Cluster.APIVersion,
		Intercept: func(ctx context.Context, method string) error { return e.cluster.MethodFault(ctx, method) },
		MaxCalls:  e.cfg.MaxCalls,
		UI:        e.uiHandler(),
		Bootstrap: func() bool {
			ok, err := e.cluster.Exists(context.Background())
			return err == nil && !ok
		},
	})
	return err
}

// credentials is the cluster admin's Basic credentials, cached.
type credentials struct{ user, password string }

// loadCredentials refreshes the cached admin credentials from the store;
// call it whenever they may change (start, reset).
func (e *Emulator) loadCredentials(ctx context.Context) error {
	u, p, err := e.cluster.Credentials(ctx)
	if errors.Is(err, cluster.ErrNotFound) {
		e.creds.Store(nil) // bootstrap mode: no admin until CreateCluster
		return nil
	}
	if err != nil {
		return err
	}
	e.creds.Store(&credentials{u, p})
	return nil
}

// authenticate checks Basic credentials against the cluster admin.
func (e *Emulator) authenticate(user, password string) bool {
	c := e.creds.Load()
	if c == nil {
		// Bootstrap mode until CreateCluster: pick up its admin once it exists.
		if err := e.loadCredentials(context.Background()); err != nil {
			return false
		}
		if c = e.creds.Load(); c == nil {
			return false // no cluster admin yet
		}
	}
	return subtleEqual(user, c.user) && subtleEqual(password, c.password)
}

// Start opens every listener, boots the cluster and starts serving: Listen,
// then Boot, then Serve.
func (e *Emulator) Start(ctx context.Context) error {
	if err := e.Listen(ctx); err != nil {
		return err
	}
	if err := e.Boot(ctx); err != nil {
		e.Close()
		return err
	}
	e.Serve()
	return nil
}

// Listen starts the embedded KMIP server and binds the API listeners, which
// accept connections but answer nothing until Serve. Everything the
// cluster depends on is thus reachable before Boot runs overdue work.
func (e *Emulator) Listen(ctx context.Context) error {
	if e.kmipSrv != nil {
		if err := e.kmipSrv.Start(); err != nil {
			return fmt.Errorf("KMIP server on %s: %w", e.cfg.KMIPAddr, err)
		}
		if err := e.applyListenerFaults(ctx); err != nil {
			e.Close()
			return err
		}
		e.log.Info("embedded KMIP server listening (mutual TLS; CA at GET /_emulator/kmip/ca)", "addr", e.kmipSrv.Addr())
	}
	tlsCfg, err := e.tlsConfig()
	if err != nil {
		e.Close()
		return err
	}
	if err := e.listenKACLS(tlsCfg); err != nil {
		e.Close()
		return err
	}
	if err := e.listenAlikms(tlsCfg); err != nil {
		e.Close()
		return err
	}
	if err := e.listenTCKMS(tlsCfg); err != nil {
		e.Close()
		return err
	}
	for _, l := range []struct {
		name, addr string
		h          http.Handler
		tls        bool
	}{
		{"https", e.cfg.HTTPSAddr, e.api.ClusterHandler(), true},
		{"node", e.cfg.NodeAddr, e.api.NodeHandler(), true},
		{"http", e.cfg.HTTPAddr, e.api.ClusterHandler(), false},
	} {
		if l.addr == "" || l.addr == "off" {
			continue
		}
		ln, err := net.Listen("tcp", l.addr)
		if err != nil {
			e.Close()
			return fmt.Errorf("%s listener on %s: %w", l.name, l.addr, err)
		}
		if l.tls {
			ln = tls.NewListener(ln, tlsCfg)
		}
		srv := &http.Server{Handler: l.h, ReadHeaderTimeout: 30 * time.Second, ErrorLog: slog.NewLogLogger(e.log.Handler(), slog.LevelDebug)}
		e.mu.Lock()
		e.listeners[l.name] = ln
		e.unserved = append(e.unserved, served{l.name, ln, srv})
		e.mu.Unlock()
	}
	return nil
}

// Boot runs what a process start on existing state implies: a power cycle of
// every node (overdue timers settle first, each at its own deadline). Call it
// after Listen, so the embedded key server already answers.
func (e *Emulator) Boot(ctx context.Context) error {
	if !e.Restarted {
		return nil
	}
	if err := e.cluster.PowerCycle(ctx, nil); err != nil {
		return fmt.Errorf("power cycle: %w", err)
	}
	return nil
}

// Serve starts answering on the listeners bound by Listen and, with the real
// clock, the background settlement ticker.
func (e *Emulator) Serve() {
	e.mu.Lock()
	pending := e.unserved
	e.unserved = nil
	if e.closed {
		e.mu.Unlock()
		return
	}
	for _, s := range pending {
		e.servers = append(e.servers, s.srv)
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			if err := s.srv.Serve(s.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				e.log.Error("listener stopped", "listener", s.name, "error", err)
			}
		}()
	}
	ticker := e.clock.Mode() == clock.Real && !e.ticking
	e.ticking = true
	if ticker {
		e.wg.Add(1)
	}
	e.mu.Unlock()
	for _, s := range pending {
		e.log.Info(listenerHint(s.name, s.ln.Addr().String(), e.cfg.Cluster.APIVersion, e.cfg.Cluster.User), "listener", s.name, "addr", s.ln.Addr().String())
	}
	if ticker {
		every := e.cfg.SettleEvery
		if every <= 0 {
			every = time.Second
		}
		go e.ticker(every)
	}
}

// served is an API listener and the server that answers on it.
type served struct {
	name string
	ln   net.Listener
	srv  *http.Server
}

func listenerHint(name, addr, version, user string) string {
	switch name {
	case "https":
		return fmt.Sprintf("Element cluster API (MVIP): curl -k -u %s:<password> https://%s/json-rpc/%s -d '{\"method\":\"GetClusterInfo\"}'", user, addr, version)
	case "node":
		return fmt.Sprintf("Element node API (MIP): https://%s/json-rpc/%s", addr, version)
	default:
		return fmt.Sprintf("Element cluster API over plain HTTP: curl -u %s:<password> http://%s/json-rpc/%s -d '{\"method\":\"GetClusterInfo\"}'", user, addr, version)
	}
}

func (e *Emulator) ticker(every time.Duration) {
	defer e.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-e.stop:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			if err := e.cluster.Settle(ctx); err != nil {
				e.log.Error("background settlement failed", "error", err)
			}
			cancel()
		}
	}
}

func (e *Emulator) tlsConfig() (*tls.Config, error) {
	if e.cfg.CertFile != "" || e.cfg.KeyFile != "" {
		cert, err := tls.LoadX509KeyPair(e.cfg.CertFile, e.cfg.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("--cert/--key: %w", err)
		}
		return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
	}
	cert, err := e.ca.IssueServerCert([]string{"localhost", "127.0.0.1", "::1"}, e.clock.Now())
	if err != nil {
		return nil, err
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}

// Close stops listeners and goroutines and closes the store.
func (e *Emulator) Close() error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	close(e.stop)
	servers := e.servers
	for _, s := range e.unserved {
		_ = s.ln.Close()
	}
	e.unserved = nil
	e.mu.Unlock()
	if e.ui != nil {
		e.ui.Close() // the dashboard's event streams never go idle
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, s := range servers {
		_ = s.Shutdown(ctx)
	}
	if e.kmipSrv != nil {
		_ = e.kmipSrv.Close()
	}
	e.wg.Wait()
	serr := e.snaps.close()
	return errors.Join(e.store.Close(), serr)
}

// Addr returns the address of a started listener ("https", "node", "http") or "".
func (e *Emulator) Addr(name string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if ln, ok := e.listeners[name]; ok {
		return ln.Addr().String()
	}
	return ""
}

// KMIPAddr returns the embedded KMIP server's address, or "".
func (e *Emulator) KMIPAddr() string {
	if e.kmipSrv == nil {
		return ""
	}
	return e.kmipSrv.Addr()
}

// KMIPPort is the embedded server's port (0 when off).
func (e *Emulator) KMIPPort() int {
	_, p, err := net.SplitHostPort(e.KMIPAddr())
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(p)
	return n
}

// Cluster returns the cluster (for in-process tools).
func (e *Emulator) Cluster() *cluster.Cluster { return e.cluster }

// Store returns the SQLite store (for benchmarks and diagnostics).
func (e *Emulator) Store() *sqlite.Store { return e.store }

// CA returns the embedded CA.
func (e *Emulator) CA() *kmip.CA { return e.ca }

// Now returns the emulator time.
func (e *Emulator) Now() time.Time { return e.clock.Now() }

// Advance moves the clock forward, persists it, and settles due timers.
func (e *Emulator) Advance(ctx context.Context, d time.Duration) (time.Time, error) {
	if _, err := e.clock.Advance(d); err != nil {
		return time.Time{}, err
	}
	if err := e.saveClock(ctx); err != nil {
		return time.Time{}, err
	}
	if err := e.cluster.Settle(ctx); err != nil {
		return time.Time{}, err
	}
	return e.clock.Now(), nil
}

// SignCSR signs a CSR with the embedded CA.
func (e *Emulator) SignCSR(ctx context.Context, csrPEM string, days int) (string, error) {
	if days <= 0 {
		days = e.cfg.ClientCertDays
	}
	return e.ca.SignCSR(ctx, csrPEM, days, e.clock.Now())
}

// applyListenerFaults opens or closes the KMIP listener for refuse rules.
func (e *Emulator) applyListenerFaults(ctx context.Context) error {
	if e.kmipSrv == nil {
		return nil
	}
	rules, err := e.cluster.FaultRules(ctx)
	if err != nil {
		return err
	}
	refuse := false
	for _, r := range rules {
		if r.Target == "kmip-server" && r.Effect == kmip.FaultRefuse {
			refuse = true
		}
	}
	return e.kmipSrv.SetRefuse(refuse)
}
