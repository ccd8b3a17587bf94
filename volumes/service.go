package volumes

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// ResultTypeClone is the async result type of CloneVolume.
const ResultTypeClone = "Clone"

// Deps are the storage domain's collaborators; cmd (through emulator)
// builds them. The functions are the thin adapter to the cluster.
type Deps struct {
	Store Store
	Now   func() time.Time
	// NewUUID returns a fresh lower-case UUID string.
	NewUUID func() string
	// Rand is the source of generated CHAP secrets (crypto/rand when nil).
	Rand io.Reader
	// Capacity is the cluster's maximum provisioned space in bytes, before
	// over-provisioning (maxProvisionedSpace); the provisionable space is
	// that times the cluster full threshold's maxMetadataOverProvisionFactor.
	// nil means unlimited.
	Capacity func(ctx context.Context) (int64, error)
	// UniqueID is the cluster's unique ID, part of every volume's IQN.
	UniqueID func(ctx context.Context) (string, error)
	// StartJob records an async job on the cluster that completes after d
	// with details as its result; it returns the job's handle.
	StartJob func(ctx context.Context, resultType string, d time.Duration, details map[string]any) (int64, error)
	// CloneDuration is how long a clone's async job runs (0: done on the
	// next read).
	CloneDuration time.Duration
	// Changed, when set, is called after every committed write (the
	// dashboard's live updates); it must not block.
	Changed func()
}

// Service serves the storage domain. Build it with New.
type Service struct {
	d Deps
}

// New builds a Service.
func New(d Deps) *Service {
	if d.Rand == nil {
		d.Rand = rand.Reader
	}
	return &Service{d: d}
}

// update runs fn in one write transaction, after settling what is due.
func (s *Service) update(ctx context.Context, fn func(tx Tx, now time.Time) error) error {
	return s.commit(ctx, func(tx Tx) error {
		now := s.d.Now()
		if err := s.settle(ctx, tx, now); err != nil {
			return err
		}
		return fn(tx, now)
	})
}

// commit runs fn in one write transaction and, once it has committed,
// tells Deps.Changed.
func (s *Service) commit(ctx context.Context, fn func(tx Tx) error) error {
	if err := s.d.Store.UpdateStorage(ctx, fn); err != nil {
		return err
	}
	if s.d.Changed != nil {
		s.d.Changed()
	}
	return nil
}

// view runs fn in a read transaction. Due purges are applied first in
// their own transaction, so reads never show what is already gone.
func (s *Service) view(ctx context.Context, fn func(tx Tx, now time.Time) error) error {
	if err := s.Settle(ctx); err != nil {
		return err
	}
	return s.d.Store.ViewStorage(ctx, func(tx Tx) error { return fn(tx, s.d.Now()) })
}

// Settle purges deleted volumes whose time has come and expired snapshots.
func (s *Service) Settle(ctx context.Context) error {
	now := s.d.Now()
	var due bool
	err := s.d.Store.ViewStorage(ctx, func(tx Tx) error {
		v, err := tx.DueVolumes(ctx, now)
		if err != nil {
			return err
		}
		sn, err := tx.ExpiredSnapshots(ctx, now)
		if err != nil {
			return err
		}
		sc, err := tx.DueSchedules(ctx, now)
		due = len(v) > 0 || len(sn) > 0 || len(sc) > 0
		return err
	})
	if err != nil || !due {
		return err
	}
	return s.commit(ctx, func(tx Tx) error { return s.settle(ctx, tx, now) })
}

// settle runs what is due at now: schedules first (their snapshots may
// expire at once), then purges and expiries.
func (s *Service) settle(ctx context.Context, tx Tx, now time.Time) error {
	due, err := tx.DueSchedules(ctx, now)
	if err != nil {
		return err
	}
	for _, id := range due {
		sc, err := tx.Schedule(ctx, id)
		if err != nil {
			return err
		}
		if err := s.runSchedule(ctx, tx, sc, now); err != nil {
			return err
		}
	}
	return settle(ctx, tx, now)
}

func settle(ctx context.Context, tx Tx, now time.Time) error {
	ids, err := tx.DueVolumes(ctx, now)
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		if err := purge(ctx, tx, ids); err != nil {
			return err
		}
	}
	snaps, err := tx.ExpiredSnapshots(ctx, now)
	if err != nil {
		return err
	}
	for _, id := range snaps {
		if err := tx.DeleteSnapshot(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// purge removes volumes for good: their snapshots and group memberships too.
func purge(ctx context.Context, tx Tx, ids []int64) error {
	gone := map[int64]bool{}
	for _, id := range ids {
		gone[id] = true
		snaps, err := tx.Snapshots(ctx, id)
		if err != nil {
			return err
		}
		for _, sn := range snaps {
			if err := tx.DeleteSnapshot(ctx, sn.ID); err != nil {
				return err
			}
		}
		if err := tx.DeleteVolume(ctx, id); err != nil {
			return err
		}
	}
	groups, err := tx.AccessGroups(ctx)
	if err != nil {
		return err
	}
	for _, g := range groups {
		kept := slices.DeleteFunc(slices.Clone(g.Volumes), func(v int64) bool { return gone[v] })
		if len(kept) != len(g.Volumes) {
			g.Volumes = kept
			if err := tx.PutAccessGroup(ctx, g); err != nil {
				return err
			}
		}
	}
	return nil
}

// secret makes a CHAP secret of 12 to 16 printable characters.
func (s *Service) secret() (Secret, error) {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
	var b [17]byte
	if _, err := io.ReadFull(s.d.Rand, b[:]); err != nil {
		return "", fmt.Errorf("chap secret: %w", err)
	}
	n := MinSecretLen + int(b[16])%(MaxSecretLen-MinSecretLen+1)
	out := make([]byte, n)
	for i := range out {
		out[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return Secret(out), nil
}

// ---------------------------------------------------------------------------
// Accounts

// AccountSpec is AddAccount's input.
type AccountSpec struct {
	Username                      string
	InitiatorSecret, TargetSecret *Secret
	Attributes                    Attributes
	EnableChap                    *bool
}

// AccountView is an account with the volumes it owns.
type AccountView struct {
	Account
	Volumes []int64
}

// AddAccount creates an account; omitted CHAP secrets are generated.
func (s *Service) AddAccount(ctx context.Context, sp AccountSpec) (AccountView, error) {
	if err := checkName("username", sp.Username); err != nil {
		return AccountView{}, err
	}
	a := Account{Username: sp.Username, Status: "active", Attributes: sp.Attributes, EnableChap: true}
	if a.Attributes == nil {
		a.Attributes = Attributes{}
	}
	if err := checkAttributes("attributes", a.Attributes); err != nil {
		return AccountView{}, err
	}
	if sp.EnableChap != nil {
		a.EnableChap = *sp.EnableChap
	}
	var err error
	for _, f := range []struct {
		param string
		in    *Secret
		out   *Secret
	}{{"initiatorSecret", sp.InitiatorSecret, &a.InitiatorSecret}, {"targetSecret", sp.TargetSecret, &a.TargetSecret}} {
		if f.in != nil {
			if err := checkSecret(f.param, *f.in); err != nil {
				return AccountView{}, err
			}
			*f.out = *f.in
		} else if *f.out, err = s.secret(); err != nil {
			return AccountView{}, err
		}
	}
	if a.InitiatorSecret == a.TargetSecret {
		return AccountView{}, invalid("targetSecret", "must differ from initiatorSecret")
	}
	err = s.update(ctx, func(tx Tx, _ time.Time) error {
		if _, err := tx.AccountByName(ctx, a.Username); err == nil {
			return newErr(KindDuplicateUsername, "Username %s already exists.", a.Username)
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		if a.ID, err = tx.NextID(ctx, "account"); err != nil {
			return err
		}
		return tx.PutAccount(ctx, a)
	})
	return AccountView{Account: a, Volumes: []int64{}}, err
}

func accountView(ctx context.Context, tx Tx, a Account) (AccountView, error) {
	vs, err := tx.Volumes(ctx, Filter{Accounts: []int64{a.ID}, Status: Active})
	if err != nil {
		return AccountView{}, err
	}
	v := AccountView{Account: a, Volumes: make([]int64, 0, len(vs))}
	for _, vol := range vs {
		v.Volumes = append(v.Volumes, vol.ID)
	}
	return v, nil
}

func getAccount(ctx context.Context, tx Tx, id int64) (Account, error) {
	a, err := tx.Account(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return a, errUnknownAccount()
	}
	return a, err
}

// Account returns one account by ID.
func (s *Service) Account(ctx context.Context, id int64) (AccountView, error) {
	var out AccountView
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		a, err := getAccount(ctx, tx, id)
		if err != nil {
			return err
		}
		out, err = accountView(ctx, tx, a)
		return err
	})
	return out, err
}

// AccountByName returns one account by username.
func (s *Service) AccountByName(ctx context.Context, name string) (AccountView, error) {
	var out AccountView
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		a, err := tx.AccountByName(ctx, name)
		if errors.Is(err, ErrNotFound) {
			return errUnknownAccount()
		}
		if err != nil {
			return err
		}
		out, err = accountView(ctx, tx, a)
		return err
	})
	return out, err
}

// Accounts lists accounts from startID, at most limit (0: all).
func (s *Service) Accounts(ctx context.Context, startID, limit int64) ([]AccountView, error) {
	if limit < 0 {
		return nil, invalid("limit", "must not be negative")
	}
	out := []AccountView{}
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		as, err := tx.Accounts(ctx, startID, limit)
		if err != nil {
			return err
		}
		owned, err := tx.VolumeIDsByAccount(ctx, false)
		if err != nil {
			return err
		}
		for _, a := range as {
			v := owned[a.ID]
			if v == nil {
				v = []int64{}
			}
			out = append(out, AccountView{Account: a, Volumes: v})
		}
		return nil
	})
	return out, err
}

// AccountChange is ModifyAccount's input; nil fields do not change.
type AccountChange struct {
	ID                            int64
	Username                      *string
	Status                        *string
	InitiatorSecret, TargetSecret *Secret
	Attributes                    Attributes
	EnableChap                    *bool
}

// ModifyAccount changes an account.
func (s *Service) ModifyAccount(ctx context.Context, c AccountChange) (AccountView, error) {
	if c.Username != nil {
		if err := checkName("username", *c.Username); err != nil {
			return AccountView{}, err
		}
	}
	if c.Status != nil && *c.Status != "active" && *c.Status != "locked" {
		return AccountView{}, invalid("status", "must be active or locked")
	}
	for p, sec := range map[string]*Secret{"initiatorSecret": c.InitiatorSecret, "targetSecret": c.TargetSecret} {
		if sec != nil {
			if err := checkSecret(p, *sec); err != nil {
				return AccountView{}, err
			}
		}
	}
	if err := checkAttributes("attributes", c.Attributes); err != nil {
		return AccountView{}, err
	}
	var out AccountView
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		a, err := getAccount(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if c.Username != nil && *c.Username != a.Username {
			if _, err := tx.AccountByName(ctx, *c.Username); err == nil {
				return newErr(KindDuplicateUsername, "Username %s already exists.", *c.Username)
			} else if !errors.Is(err, ErrNotFound) {
				return err
			}
			a.Username = *c.Username
		}
		if c.Status != nil {
			a.Status = *c.Status
		}
		if c.InitiatorSecret != nil {
			a.InitiatorSecret = *c.InitiatorSecret
		}
		if c.TargetSecret != nil {
			a.TargetSecret = *c.TargetSecret
		}
		if a.InitiatorSecret == a.TargetSecret {
			return invalid("targetSecret", "must differ from initiatorSecret")
		}
		if c.Attributes != nil {
			a.Attributes = c.Attributes
		}
		if c.EnableChap != nil {
			a.EnableChap = *c.EnableChap
		}
		if err := tx.PutAccount(ctx, a); err != nil {
			return err
		}
		out, err = accountView(ctx, tx, a)
		return err
	})
	return out, err
}

// RemoveAccount deletes an account that owns no volumes, deleted but not
// yet purged ones included.
func (s *Service) RemoveAccount(ctx context.Context, id int64) error {
	return s.update(ctx, func(tx Tx, _ time.Time) error {
		if _, err := getAccount(ctx, tx, id); err != nil {
			return err
		}
		vs, err := tx.Volumes(ctx, Filter{Accounts: []int64{id}, Limit: 1})
		if err != nil {
			return err
		}
		if len(vs) > 0 {
			return newErr(KindNotPermitted, "Account %d still owns volumes; delete and purge them first.", id)
		}
		return tx.DeleteAccount(ctx, id)
	})
}

// ---------------------------------------------------------------------------
// Volumes

// VolumeSpec is CreateVolume's input.
type VolumeSpec struct {
	Name         string
	AccountID    int64
	TotalSize    int64
	Enable512e   *bool
	QoS          QoSChange
	QoSPolicyID  *int64
	AssociateQoS *bool
	Access       Access
	Attributes   Attributes
	SnapMirror   bool
}

// VolumeView is a volume with its access groups.
type VolumeView struct {
	Volume
	AccessGroups []int64
}

// uniqueID asks the cluster for its unique ID. Like capacity, it is read
// before the storage transaction opens: the cluster reads its own store,
// and an in-memory database has a single connection.
func (s *Service) uniqueID(ctx context.Context) (string, error) {
	if s.d.UniqueID == nil {
		return "emu", nil
	}
	return s.d.UniqueID(ctx)
}

func iqn(uid, name string, id int64) string {
	return fmt.Sprintf("iqn.2010-01.com.solidfire:%s.%s.%d", strings.ToLower(uid), strings.ToLower(name), id)
}

func (s *Service) capacity(ctx context.Context) (int64, error) {
	if s.d.Capacity == nil {
		return 0, nil
	}
	return s.d.Capacity(ctx)
}

// provisioned returns the space provisioned now and the provisionable
// limit: base × the over-provisioning factor (base 0: unlimited).
func provisioned(ctx context.Context, tx Tx, base int64) (used, limit int64, err error) {
	if used, _, err = tx.Provisioned(ctx); err != nil {
		return 0, 0, err
	}
	if base == 0 {
		return used, 1<<63 - 1, nil
	}
	st, err := settings(ctx, tx)
	return used, base * st.OverProvisionFactor, err
}

func checkAccess(param string, a Access) error {
	switch a {
	case ReadWrite, ReadOnly, Locked, ReplicationTarget, SnapMirrorTarget:
		return nil
	}
	return invalid(param, "unknown access mode %q", a)
}

// policyQoS resolves a QoS policy to bind or copy.
func policyQoS(ctx context.Context, tx Tx, id int64) (QoS, error) {
	p, err := tx.QoSPolicy(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return QoS{}, newErr(KindQoSPolicyNotFound, "QoS policy %d does not exist.", id)
	}
	return p.QoS, err
}

// CreateVolume creates a volume owned by an existing account.
func (s *Service) CreateVolume(ctx context.Context, sp VolumeSpec) (VolumeView, error) {
	if err := checkVolumeName("name", sp.Name); err != nil {
		return VolumeView{}, err
	}
	if err := checkSize("totalSize", sp.TotalSize); err != nil {
		return VolumeView{}, err
	}
	if sp.Access == "" {
		sp.Access = ReadWrite
	}
	if err := checkAccess("access", sp.Access); err != nil {
		return VolumeView{}, err
	}
	if err := checkAttributes("attributes", sp.Attributes); err != nil {
		return VolumeView{}, err
	}
	base, err := s.capacity(ctx)
	if err != nil {
		return VolumeView{}, err
	}
	uid, err := s.uniqueID(ctx)
	if err != nil {
		return VolumeView{}, err
	}
	v := Volume{Name: sp.Name, AccountID: sp.AccountID, Status: Active, Access: sp.Access, Enable512e: true,
		TotalSize: RoundSize(sp.TotalSize), Attributes: sp.Attributes, SnapMirror: sp.SnapMirror}
	if sp.Enable512e != nil {
		v.Enable512e = *sp.Enable512e
	}
	if v.Attributes == nil {
		v.Attributes = Attributes{}
	}
	err = s.update(ctx, func(tx Tx, now time.Time) error {
		// The default QoS is read in the volume's own transaction (one
		// transaction fewer than a separate read).
		def, err := defaultQoS(ctx, tx)
		if err != nil {
			return err
		}
		if v.QoS, err = sp.QoS.Apply("qos", def); err != nil {
			return err
		}
		if sp.QoSPolicyID != nil && (sp.QoS.MinIOPS != nil || sp.QoS.MaxIOPS != nil || sp.QoS.BurstIOPS != nil) {
			return invalid("qosPolicyID", "qos and qosPolicyID are mutually exclusive")
		}
		if _, err := getAccount(ctx, tx, sp.AccountID); err != nil {
			return err
		}
		if sp.QoSPolicyID != nil {
			pq, err := policyQoS(ctx, tx, *sp.QoSPolicyID)
			if err != nil {
				return err
			}
			v.QoS = pq
			if sp.AssociateQoS == nil || *sp.AssociateQoS {
				v.QoSPolicyID = *sp.QoSPolicyID
			}
		}
		used, limit, err := provisioned(ctx, tx, base)
		if err != nil {
			return err
		}
		if used+v.TotalSize > limit {
			return newErr(KindNotEnoughSpace, "Not enough space: %d bytes requested, %d of %d provisionable bytes already provisioned.",
				v.TotalSize, used, limit)
		}
		return s.insertVolume(ctx, tx, &v, uid, now)
	})
	return VolumeView{Volume: v, AccessGroups: []int64{}}, err
}

func (s *Service) insertVolume(ctx context.Context, tx Tx, v *Volume, uid string, now time.Time) error {
	id, err := tx.NextID(ctx, "volume")
	if err != nil {
		return err
	}
	v.ID, v.Created = id, now.UTC().Truncate(time.Second)
	if s.d.NewUUID != nil {
		v.UUID = s.d.NewUUID()
	}
	v.IQN = iqn(uid, v.Name, id)
	v.NAA = fmt.Sprintf("6f47acc1000000006%07x%08x", uint32(id>>32)&0xfffffff, uint32(id))
	v.EUI = fmt.Sprintf("f47acc0100000000%08x", uint32(id))
	return tx.PutVolume(ctx, *v)
}

func getVolume(ctx context.Context, tx Tx, id int64) (Volume, error) {
	v, err := tx.Volume(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return v, errVolume(id)
	}
	return v, err
}

func getActive(ctx context.Context, tx Tx, id int64) (Volume, error) {
	v, err := getVolume(ctx, tx, id)
	if err == nil && v.Status != Active {
		return v, errVolume(id)
	}
	return v, err
}

// groupsByVolume maps volume IDs to the access groups that hold them.
func groupsByVolume(ctx context.Context, tx Tx) (map[int64][]int64, error) {
	gs, err := tx.AccessGroups(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int64][]int64{}
	for _, g := range gs {
		for _, v := range g.Volumes {
			out[v] = append(out[v], g.ID)
		}
	}
	return out, nil
}

func views(vs []Volume, groups map[int64][]int64) []VolumeView {
	out := make([]VolumeView, 0, len(vs))
	for _, v := range vs {
		g := groups[v.ID]
		if g == nil {
			g = []int64{}
		}
		out = append(out, VolumeView{Volume: v, AccessGroups: g})
	}
	return out
}

// ListVolumes lists volumes by filter; deleted ones only when asked by
// status or by ID.
func (s *Service) ListVolumes(ctx context.Context, f Filter) ([]VolumeView, error) {
	if f.Limit < 0 {
		return nil, invalid("limit", "must not be negative")
	}
	if f.StartID < 0 {
		return nil, invalid("startVolumeID", "must not be negative")
	}
	if len(f.IDs) > 0 && (f.StartID != 0 || f.Limit != 0 || len(f.Accounts) > 0) {
		return nil, invalid("volumeIDs", "is mutually exclusive with startVolumeID, limit and accounts")
	}
	var out []VolumeView
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		vs, err := tx.Volumes(ctx, f)
		if err != nil {
			return err
		}
		if f.Status == "" && len(f.IDs) == 0 {
			vs = slices.DeleteFunc(vs, func(v Volume) bool { return v.Status == Deleted })
		}
		groups, err := groupsByVolume(ctx, tx)
		if err != nil {
			return err
		}
		out = views(vs, groups)
		return nil
	})
	return out, err
}

// Volume returns one volume (active or deleted).
func (s *Service) Volume(ctx context.Context, id int64) (VolumeView, error) {
	var out VolumeView
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		v, err := getVolume(ctx, tx, id)
		if err != nil {
			return err
		}
		groups, err := groupsByVolume(ctx, tx)
		out = views([]Volume{v}, groups)[0]
		return err
	})
	return out, err
}

// VolumeChange is ModifyVolume's input; nil fields do not change.
type VolumeChange struct {
	ID           int64
	AccountID    *int64
	Access       *Access
	QoS          QoSChange
	QoSPolicyID  *int64
	AssociateQoS *bool
	TotalSize    *int64
	CreateTime   *time.Time
	Attributes   Attributes
	SnapMirror   *bool
}

// ModifyVolume changes a volume; a volume only grows.
func (s *Service) ModifyVolume(ctx context.Context, c VolumeChange) (VolumeView, error) {
	if c.Access != nil {
		if err := checkAccess("access", *c.Access); err != nil {
			return VolumeView{}, err
		}
	}
	if c.TotalSize != nil {
		if err := checkSize("totalSize", *c.TotalSize); err != nil {
			return VolumeView{}, err
		}
	}
	if err := checkAttributes("attributes", c.Attributes); err != nil {
		return VolumeView{}, err
	}
	hasQoS := c.QoS.MinIOPS != nil || c.QoS.MaxIOPS != nil || c.QoS.BurstIOPS != nil
	if hasQoS && c.QoSPolicyID != nil {
		return VolumeView{}, invalid("qosPolicyID", "qos and qosPolicyID are mutually exclusive")
	}
	base, err := s.capacity(ctx)
	if err != nil {
		return VolumeView{}, err
	}
	var out VolumeView
	err = s.update(ctx, func(tx Tx, _ time.Time) error {
		v, err := getActive(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if c.AccountID != nil {
			if _, err := getAccount(ctx, tx, *c.AccountID); err != nil {
				return err
			}
			v.AccountID = *c.AccountID
		}
		if c.Access != nil {
			v.Access = *c.Access
		}
		if hasQoS {
			if v.QoS, err = c.QoS.Apply("qos", v.QoS); err != nil {
				return err
			}
			v.QoSPolicyID = 0
		}
		if c.QoSPolicyID != nil {
			if v.QoS, err = policyQoS(ctx, tx, *c.QoSPolicyID); err != nil {
				return err
			}
			v.QoSPolicyID = 0
			if c.AssociateQoS == nil || *c.AssociateQoS {
				v.QoSPolicyID = *c.QoSPolicyID
			}
		} else if c.AssociateQoS != nil && !*c.AssociateQoS {
			v.QoSPolicyID = 0
		}
		if c.TotalSize != nil {
			size := RoundSize(*c.TotalSize)
			if size < v.TotalSize {
				return invalid("totalSize", "a volume can only grow (now %d bytes)", v.TotalSize)
			}
			used, limit, err := provisioned(ctx, tx, base)
			if err != nil {
				return err
			}
			if used-v.TotalSize+size > limit {
				return newErr(KindNotEnoughSpace, "Not enough space: %d more bytes requested, %d of %d provisionable bytes already provisioned.",
					size-v.TotalSize, used, limit)
			}
			v.TotalSize = size
		}
		if c.CreateTime != nil {
			v.Created = c.CreateTime.UTC()
		}
		if c.Attributes != nil {
			v.Attributes = c.Attributes
		}
		if c.SnapMirror != nil {
			v.SnapMirror = *c.SnapMirror
		}
		if err := tx.PutVolume(ctx, v); err != nil {
			return err
		}
		groups, err := groupsByVolume(ctx, tx)
		out = views([]Volume{v}, groups)[0]
		return err
	})
	return out, err
}

// DeleteVolumes marks active volumes deleted; they are purged after
// PurgeAfter, or at once by PurgeDeletedVolumes. Every ID is checked
// before any volume changes.
func (s *Service) DeleteVolumes(ctx context.Context, ids []int64) ([]VolumeView, error) {
	var out []VolumeView
	err := s.update(ctx, func(tx Tx, now time.Time) error {
		vs := make([]Volume, 0, len(ids))
		seen := map[int64]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			v, err := getActive(ctx, tx, id)
			if err != nil {
				return err
			}
			vs = append(vs, v)
		}
		for i := range vs {
			vs[i].Status = Deleted
			vs[i].DeleteTime = now.UTC().Truncate(time.Second)
			vs[i].PurgeTime = vs[i].DeleteTime.Add(PurgeAfter)
			if err := tx.PutVolume(ctx, vs[i]); err != nil {
				return err
			}
		}
		groups, err := groupsByVolume(ctx, tx)
		out = views(vs, groups)
		return err
	})
	return out, err
}

// DeletedVolumes lists the deleted, not yet purged volumes.
func (s *Service) DeletedVolumes(ctx context.Context) ([]VolumeView, error) {
	return s.ListVolumes(ctx, Filter{Status: Deleted})
}

// RestoreVolume brings a deleted volume back to active.
func (s *Service) RestoreVolume(ctx context.Context, id int64) error {
	return s.update(ctx, func(tx Tx, _ time.Time) error {
		v, err := getVolume(ctx, tx, id)
		if err != nil {
			return err
		}
		if v.Status != Deleted {
			return newErr(KindNotPermitted, "Volume %d is not deleted.", id)
		}
		v.Status, v.DeleteTime, v.PurgeTime = Active, time.Time{}, time.Time{}
		return tx.PutVolume(ctx, v)
	})
}

// PurgeVolumes purges deleted volumes now; every ID must name one.
func (s *Service) PurgeVolumes(ctx context.Context, ids []int64) error {
	return s.update(ctx, func(tx Tx, _ time.Time) error {
		for _, id := range ids {
			v, err := getVolume(ctx, tx, id)
			if err != nil {
				return err
			}
			if v.Status != Deleted {
				return newErr(KindNotPermitted, "Volume %d is not deleted; delete it before purging it.", id)
			}
		}
		return purge(ctx, tx, ids)
	})
}

// PurgeDeleted purges every deleted volume, or only those of the given
// accounts or access groups.
func (s *Service) PurgeDeleted(ctx context.Context, accounts, groups []int64) error {
	return s.update(ctx, func(tx Tx, _ time.Time) error {
		vs, err := tx.Volumes(ctx, Filter{Status: Deleted, Accounts: accounts})
		if err != nil {
			return err
		}
		var inGroups map[int64]bool
		if len(groups) > 0 {
			inGroups = map[int64]bool{}
			for _, gid := range groups {
				g, err := tx.AccessGroup(ctx, gid)
				if errors.Is(err, ErrNotFound) {
					return errAccessGroup(gid)
				}
				if err != nil {
					return err
				}
				for _, v := range g.Volumes {
					inGroups[v] = true
				}
			}
		}
		var ids []int64
		for _, v := range vs {
			if inGroups == nil || inGroups[v.ID] {
				ids = append(ids, v.ID)
			}
		}
		return purge(ctx, tx, ids)
	})
}

// CloneSpec is CloneVolume's input.
type CloneSpec struct {
	VolumeID     int64
	Name         string
	NewAccountID *int64
	NewSize      *int64
	Access       *Access
	SnapshotID   *int64
	Attributes   Attributes
	Enable512e   *bool
	SnapMirror   bool
}

// Clone is CloneVolume's answer.
type Clone struct {
	Volume      VolumeView
	CloneID     int64
	AsyncHandle int64
}

// CloneVolume copies a volume (or one of its snapshots) into a new volume
// and tracks the copy with an async job.
func (s *Service) CloneVolume(ctx context.Context, sp CloneSpec) (Clone, error) {
	if err := checkVolumeName("name", sp.Name); err != nil {
		return Clone{}, err
	}
	if sp.NewSize != nil {
		if err := checkSize("newSize", *sp.NewSize); err != nil {
			return Clone{}, err
		}
	}
	if sp.Access != nil {
		if err := checkAccess("access", *sp.Access); err != nil {
			return Clone{}, err
		}
	}
	if err := checkAttributes("attributes", sp.Attributes); err != nil {
		return Clone{}, err
	}
	base, err := s.capacity(ctx)
	if err != nil {
		return Clone{}, err
	}
	uid, err := s.uniqueID(ctx)
	if err != nil {
		return Clone{}, err
	}
	var out Clone
	err = s.update(ctx, func(tx Tx, now time.Time) error {
		src, err := getActive(ctx, tx, sp.VolumeID)
		if err != nil {
			return err
		}
		v := Volume{Name: sp.Name, AccountID: src.AccountID, Status: Active, Access: src.Access, Enable512e: src.Enable512e,
			TotalSize: src.TotalSize, QoS: src.QoS, Attributes: sp.Attributes, SnapMirror: sp.SnapMirror}
		if sp.SnapshotID != nil {
			sn, err := tx.Snapshot(ctx, *sp.SnapshotID)
			if errors.Is(err, ErrNotFound) || (err == nil && sn.VolumeID != src.ID) {
				return errSnapshot(*sp.SnapshotID)
			}
			if err != nil {
				return err
			}
			v.TotalSize = sn.TotalSize
		}
		if sp.NewAccountID != nil {
			if _, err := getAccount(ctx, tx, *sp.NewAccountID); err != nil {
				return err
			}
			v.AccountID = *sp.NewAccountID
		}
		if sp.NewSize != nil {
			v.TotalSize = RoundSize(*sp.NewSize)
		}
		if sp.Access != nil {
			v.Access = *sp.Access
		}
		if sp.Enable512e != nil {
			v.Enable512e = *sp.Enable512e
		}
		if v.Attributes == nil {
			v.Attributes = Attributes{}
		}
		used, limit, err := provisioned(ctx, tx, base)
		if err != nil {
			return err
		}
		if used+v.TotalSize > limit {
			return newErr(KindNotEnoughSpace, "Not enough space: %d bytes requested, %d of %d provisionable bytes already provisioned.",
				v.TotalSize, used, limit)
		}
		if err := s.insertVolume(ctx, tx, &v, uid, now); err != nil {
			return err
		}
		if out.CloneID, err = tx.NextID(ctx, "clone"); err != nil {
			return err
		}
		out.Volume = VolumeView{Volume: v, AccessGroups: []int64{}}
		return nil
	})
	if err != nil {
		return Clone{}, err
	}
	// The job lives in the cluster's async table, written after the
	// volume's transaction: a failure here leaves the clone without a
	// handle, never a handle without a clone.
	out.AsyncHandle, err = s.startCloneJob(ctx, out.CloneID, out.Volume.ID, false)
	return out, err
}

// Usage is what the storage domain adds to GetClusterCapacity.
type Usage struct {
	Provisioned, Volumes int64
}

// Usage sums the provisioned space of every stored volume.
func (s *Service) Usage(ctx context.Context) (Usage, error) {
	var u Usage
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		var err error
		u.Provisioned, u.Volumes, err = tx.Provisioned(ctx)
		return err
	})
	return u, err
}
