package cluster

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/element-emulator/element-emulator/drives"
	"github.com/element-emulator/element-emulator/faults"
	"github.com/element-emulator/element-emulator/nodes"
)

// Config is the shape of the emulated cluster (D41; docs/element-api.md, The
// default cluster).
type Config struct {
	Name, UniqueID string
	MVIP, SVIP     string
	User, Password string
	Nodes          int
	DrivesPerNode  int
	SoftwareEAR    bool
	// RekeyDuration is the whole rekey job (three equal phases); 0 completes
	// on the next read.
	RekeyDuration time.Duration
	// EARTransition is how long enabling/disabling lasts (D18).
	EARTransition time.Duration
	// SliceRecovery is how long after its metadata drive is back a slice
	// service recovers (D33; 0 = 210 s).
	SliceRecovery time.Duration
	// DriveAdd, DriveRemoval and DriveSecureErase are the drive job
	// durations (D26; 0 completes on the next read).
	DriveAdd, DriveRemoval, DriveSecureErase time.Duration
	// Version is the software version reported ("12.7.0.0").
	Version string
	// APIVersion is the current API version ("12.7").
	APIVersion string
	// Bootstrap starts without a cluster: the configured nodes wait for
	// CreateCluster (D42).
	Bootstrap bool
}

// DefaultConfig is the pre-created cluster (D41).
func DefaultConfig() Config {
	return Config{
		Name: "emu-cluster", UniqueID: "emu1", MVIP: "10.117.60.10", SVIP: "10.117.61.10",
		User: "admin", Password: "admin", Nodes: 4, DrivesPerNode: 10, SoftwareEAR: true,
		RekeyDuration: 6 * time.Second, EARTransition: 5 * time.Second, SliceRecovery: 210 * time.Second,
		DriveAdd: 5 * time.Second, DriveRemoval: 10 * time.Second, DriveSecureErase: 10 * time.Second,
		Version: "12.7.0.0", APIVersion: "12.7",
	}
}

// Deps are the cluster's collaborators.
type Deps struct {
	Store     Store
	KeyServer KeyServer
	Now       func() time.Time
	// NewUUID returns a fresh lower-case UUID string.
	NewUUID func() string
	// Rand is the source of key material (crypto/rand when nil).
	Rand   io.Reader
	Logger *slog.Logger
	// Changed, when set, is called after every committed write, fault-rule
	// firing and key-server contact (the dashboard's live updates). It must
	// not block.
	Changed func()
}

// Cluster is the emulated Element cluster. Build it with New.
type Cluster struct {
	cfg   Config
	store Store
	keys  KeyServer
	now   func() time.Time
	uuid  func() string
	rand  io.Reader
	log   *slog.Logger
	// settleMu makes settlement exclusive: due timers run once, in order.
	settleMu sync.Mutex

	// gens count committed writes by what they changed (genStore); each
	// cache below is valid only for the generation it was computed at.
	gens *generations
	// wake caches "nothing is due before this instant" (settle.go).
	wake atomic.Pointer[wakeCache]
	// rules caches the fault-injection rules (keyserver.go).
	rules atomic.Pointer[rulesCache]
	// exists caches whether a cluster was created.
	exists atomic.Pointer[existsCache]
	// info caches GetClusterInfo's answer (info.go).
	info atomic.Pointer[infoCache]
	// watch counts rule firings and keeps the last key-server contacts (watch.go).
	watch *watch
}

type wakeCache struct {
	gen uint64
	at  time.Time // zero: no timer at all
}

type rulesCache struct {
	gen   uint64
	rules []faults.Rule
}

// generations counts committed write transactions, by the kind of state
// they changed, so in-memory caches of derived state know when they are
// stale.
type generations struct {
	timers   atomic.Uint64 // anything a timer derives from (settle.go wake)
	rules    atomic.Uint64 // fault rules (keyserver.go rules)
	topology atomic.Uint64 // the cluster row, nodes, drives (exists, info)
}

func (g *generations) bump(ch changes) {
	if ch.timerInputs() {
		g.timers.Add(1)
	}
	if ch.rules {
		g.rules.Add(1)
	}
	if ch.topology {
		g.topology.Add(1)
	}
}

// genStore hands every write transaction a trackedTx and, once it ends,
// bumps the generations of what it changed. Every write of the cluster's
// state goes through this one Store.
type genStore struct {
	Store
	gens    *generations
	changed func()
}

func (g genStore) Update(ctx context.Context, fn func(Tx) error) error {
	var changed changes
	err := g.Store.Update(ctx, func(tx Tx) error {
		t := &trackedTx{Tx: tx}
		err := fn(t)
		changed = t.changed
		return err
	})
	if err != nil {
		changed = allChanged // a rollback: harmless, only invalidates
	}
	g.gens.bump(changed)
	if err == nil {
		g.changed()
	}
	return err
}

// New builds a cluster. It does not touch the store; call Init.
func New(cfg Config, d Deps) (*Cluster, error) {
	if d.Store == nil || d.KeyServer == nil || d.Now == nil || d.NewUUID == nil {
		return nil, errors.New("cluster: Store, KeyServer, Now and NewUUID are required")
	}
	if d.Rand == nil {
		d.Rand = rand.Reader
	}
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	c := &Cluster{cfg: cfg, keys: d.KeyServer, now: d.Now, uuid: d.NewUUID, rand: d.Rand, log: d.Logger}
	c.gens = &generations{}
	c.watch = newWatch(d.Changed)
	c.store = genStore{Store: d.Store, gens: c.gens, changed: c.watch.changed}
	return c, nil
}

// Config returns the configuration the cluster was built with.
func (c *Cluster) Config() Config { return c.cfg }

// Init creates the pre-created default cluster when the store holds none.
// It reports whether the cluster already existed (a restart).
func (c *Cluster) Init(ctx context.Context) (existed bool, err error) {
	err = c.store.Update(ctx, func(tx Tx) error {
		_, err := tx.State(ctx)
		if err == nil {
			existed = true
			return nil
		}
		if !errors.Is(err, ErrNotFound) {
			return err
		}
		if c.cfg.Bootstrap {
			return nil // the nodes wait for CreateCluster
		}
		return c.create(ctx, tx, c.now(), c.defaultSpec())
	})
	return existed, err
}

// Exists reports whether a cluster has been created (false in bootstrap
// mode until CreateCluster).
func (c *Cluster) Exists(ctx context.Context) (bool, error) {
	gen := c.gens.topology.Load()
	if e := c.exists.Load(); e != nil && e.gen == gen {
		return e.ok, nil
	}
	ok := false
	err := c.store.View(ctx, func(tx Tx) error {
		_, err := tx.State(ctx)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		ok = err == nil
		return err
	})
	if err != nil {
		return false, err
	}
	c.exists.Store(&existsCache{gen: gen, ok: ok})
	return ok, nil
}

type existsCache struct {
	gen uint64
	ok  bool
}

// CreateSpec is what a new cluster is made of.
type CreateSpec struct {
	MVIP, SVIP     string
	User, Password string
	// Nodes are the 1-based indexes of the configured nodes that join.
	Nodes       []int
	SoftwareEAR bool
	Attributes  map[string]any
}

// defaultSpec is the pre-created cluster (D41).
func (c *Cluster) defaultSpec() CreateSpec {
	nodes := make([]int, c.cfg.Nodes)
	for i := range nodes {
		nodes[i] = i + 1
	}
	return CreateSpec{MVIP: c.cfg.MVIP, SVIP: c.cfg.SVIP, User: c.cfg.User, Password: c.cfg.Password, Nodes: nodes,
		SoftwareEAR: c.cfg.SoftwareEAR}
}

// ConfiguredNodeAddress is the CIP/SIP of configured node n (1-based).
func ConfiguredNodeAddress(n int) string { return fmt.Sprintf("10.117.61.%d", 10+n) }

// CreateClusterRequest holds CreateCluster's parameters (docs/element-api.md,
// CreateCluster).
type CreateClusterRequest struct {
	MVIP, SVIP         string
	Username, Password string
	Nodes              []string
	Attributes         map[string]any
	SoftwareEAR        bool
}

// CreateCluster creates the cluster from the configured nodes the request
// names (by CIP/SIP), leaving bootstrap mode.
func (c *Cluster) CreateCluster(ctx context.Context, r CreateClusterRequest) error {
	for _, f := range []struct{ name, v string }{{"mvip", r.MVIP}, {"svip", r.SVIP}, {"username", r.Username}, {"password", r.Password}} {
		if strings.TrimSpace(f.v) == "" {
			return ErrInvalidParam(f.name, "must not be empty")
		}
	}
	spec := CreateSpec{MVIP: r.MVIP, SVIP: r.SVIP, User: r.Username, Password: r.Password, SoftwareEAR: r.SoftwareEAR,
		Attributes: r.Attributes}
	seen := map[int]bool{}
	for _, addr := range r.Nodes {
		found := 0
		for n := 1; n <= c.cfg.Nodes; n++ {
			if addr == ConfiguredNodeAddress(n) {
				found = n
			}
		}
		if found == 0 {
			return ErrInvalidParam("nodes", fmt.Sprintf("%q is not the address of a configured node (%s … %s)", addr,
				ConfiguredNodeAddress(1), ConfiguredNodeAddress(c.cfg.Nodes)))
		}
		if !seen[found] {
			seen[found] = true
			spec.Nodes = append(spec.Nodes, found)
		}
	}
	if len(spec.Nodes) == 0 {
		return ErrInvalidParam("nodes", "must not be empty")
	}
	sort.Ints(spec.Nodes)
	c.settleMu.Lock()
	defer c.settleMu.Unlock()
	return c.store.Update(ctx, func(tx Tx) error {
		if st, err := tx.State(ctx); err == nil {
			return ErrClusterAlreadyCreated(st.Name)
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		now := c.now()
		if err := c.create(ctx, tx, now, spec); err != nil {
			return err
		}
		return c.apiEvent(ctx, tx, now, "CreateCluster")
	})
}

// Reset wipes all cluster state and creates the configured initial
// cluster, with the initial IDs (nodes 1–N, drives from 1), so a lab or a
// documented procedure can run again from the start.
func (c *Cluster) Reset(ctx context.Context) error {
	c.settleMu.Lock()
	defer c.settleMu.Unlock()
	c.watch.reset()
	return c.store.Update(ctx, func(tx Tx) error {
		if err := tx.Wipe(ctx); err != nil {
			return err
		}
		if c.cfg.Bootstrap {
			return nil // back to nodes waiting for CreateCluster
		}
		return c.create(ctx, tx, c.now(), c.defaultSpec())
	})
}

// create writes a cluster of the configured topology (D41) made of
// the nodes spec names.
func (c *Cluster) create(ctx context.Context, tx Tx, now time.Time, spec CreateSpec) error {
	st := State{
		Name: c.cfg.Name, UniqueID: c.cfg.UniqueID, UUID: c.uuid(), MVIP: spec.MVIP, SVIP: spec.SVIP,
		RepCount: 2, User: spec.User, Password: Secret(spec.Password), Created: now.UTC().Truncate(time.Second),
		EAR: EARDisabled,
	}
	for _, n := range spec.Nodes {
		id, err := tx.NextID(ctx, "node")
		if err != nil {
			return err
		}
		node := Node{
			ID: id, Name: fmt.Sprintf("emu-node-%d", n),
			MIP: fmt.Sprintf("10.117.60.%d", 10+n), CIP: ConfiguredNodeAddress(n),
			SIP: ConfiguredNodeAddress(n), UUID: c.uuid(), NodeType: "SF4805", ChassisType: "R630",
			Active: true, ServiceID: id, SliceService: 100 + id,
		}
		if err := tx.PutNode(ctx, node); err != nil {
			return err
		}
		for slot := 0; slot < c.cfg.DrivesPerNode; slot++ {
			did, err := tx.NextID(ctx, "drive")
			if err != nil {
				return err
			}
			typ := drives.Block
			if slot == 0 {
				typ = drives.Volume
			}
			d := drives.Drive{
				ID: drives.ID(did), NodeID: id, Slot: slot, Type: typ, Status: drives.Active,
				Capacity: 960197124096, Serial: fmt.Sprintf("EMU960N%dS%02d", id, slot), Capability: drives.CapSED,
			}
			if err := tx.PutDrive(ctx, d); err != nil {
				return err
			}
		}
	}
	// Configured nodes the spec leaves out wait as pending nodes (N9).
	for n := 1; n <= c.cfg.Nodes; n++ {
		if slices.Contains(spec.Nodes, n) {
			continue
		}
		pid, err := tx.NextID(ctx, pendingNodeIDBase)
		if err != nil {
			return err
		}
		if err := tx.PutPendingNode(ctx, nodes.Node{PendingNodeID: pid, State: nodes.Pending, Name: fmt.Sprintf("emu-node-%d", n),
			MIP: fmt.Sprintf("10.117.60.%d", 10+n), CIP: ConfiguredNodeAddress(n), SIP: ConfiguredNodeAddress(n), UUID: c.uuid(),
			NodeType: "SF4805", ChassisType: "R630", Drives: c.cfg.DrivesPerNode, DriveSize: 960197124096}); err != nil {
			return err
		}
	}
	if spec.SoftwareEAR {
		st.SEAREnabled = true
		st.SEARVersion = 1
		material := make([]byte, 32)
		if _, err := io.ReadFull(c.rand, material); err != nil {
			return err
		}
		k := Key{KeyID: c.uuid(), Purpose: PurposeMaster, Type: Internal, Created: st.Created, Status: KeyCurrent, Material: material}
		if err := tx.PutKey(ctx, k); err != nil {
			return err
		}
	}
	return tx.PutState(ctx, st)
}

// Credentials returns the Basic-auth user and password of the cluster admin.
func (c *Cluster) Credentials(ctx context.Context) (user, password string, err error) {
	err = c.store.View(ctx, func(tx Tx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		user, password = st.User, string(st.Password)
		return nil
	})
	return user, password, err
}

// update settles due timers, then runs fn in one write transaction with the
// operation's single "now".
func (c *Cluster) update(ctx context.Context, fn func(tx Tx, now time.Time) error) error {
	if err := c.trySettle(ctx); err != nil {
		return err
	}
	return c.store.Update(ctx, func(tx Tx) error {
		now := c.now()
		if err := fn(tx, now); err != nil {
			return err
		}
		// Conditions are re-evaluated after every state change (D34).
		return c.evaluate(ctx, tx, now, changesOf(tx))
	})
}

// commit runs fn in one write transaction and then re-derives the
// condition faults (D34) at time at (the current emulator time when zero):
// every state change goes through here or through update.
func (c *Cluster) commit(ctx context.Context, at time.Time, fn func(Tx) error) error {
	return c.commitEvaluating(ctx, at, changes{}, fn)
}

// commitEvaluating is commit that also re-derives the conditions of the
// inputs in force, changed or not: a timer whose rule changes with time
// alone (slice escalation, certificate thresholds) passes them all.
func (c *Cluster) commitEvaluating(ctx context.Context, at time.Time, force changes, fn func(Tx) error) error {
	return c.store.Update(ctx, func(tx Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		if at.IsZero() {
			at = c.now()
		}
		return c.evaluate(ctx, tx, at, changesOf(tx).or(force))
	})
}

// view settles due timers when no other settlement is running, then runs fn
// in one read transaction.
func (c *Cluster) view(ctx context.Context, fn func(tx Tx, now time.Time) error) error {
	if err := c.settleUnlessBusy(ctx); err != nil {
		return err
	}
	return c.store.View(ctx, func(tx Tx) error { return fn(tx, c.now()) })
}

// settleUnlessBusy settles due timers unless another settlement is running:
// a read does not wait behind one, it reads the committed state.
func (c *Cluster) settleUnlessBusy(ctx context.Context) error {
	if !c.settleMu.TryLock() {
		return nil
	}
	defer c.settleMu.Unlock()
	return c.settleLocked(ctx)
}

// event records a cluster event inside tx.
func (c *Cluster) event(ctx context.Context, tx Tx, now time.Time, typ, msg string, details map[string]any) error {
	id, err := tx.NextID(ctx, "event")
	if err != nil {
		return err
	}
	if err := tx.AddEvent(ctx, Event{ID: id, Type: typ, Message: msg, Details: details, Time: now}); err != nil {
		return err
	}
	if id%1000 == 0 {
		return tx.TrimEvents(ctx, maxEvents)
	}
	return nil
}

// maxEvents is how many events are retained (D46).
const maxEvents = 10000

// apiEvent records the apiEvent of a successful state-changing call.
func (c *Cluster) apiEvent(ctx context.Context, tx Tx, now time.Time, method string) error {
	return c.event(ctx, tx, now, "apiEvent", "API call: "+method, map[string]any{"method": method})
}
