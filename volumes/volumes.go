// Package volumes is Element's storage domain: accounts, volumes, snapshots,
// volume access groups, initiators and QoS. It owns their rules, limits and
// validation and is tested without the cluster. It declares the Store it
// needs (implemented by sqlite) and takes what it must ask of the cluster
// (capacity, async jobs, the cluster's unique ID) as functions in Deps.
//
// Errors are *Error values with a Kind; cluster/errors.go gives each kind
// its Element x-name. Time comes from the injected Now; deleted volumes and
// expired snapshots are settled lazily at the start of every operation.
package volumes

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// ErrNotFound is what a Store returns for a missing row.
var ErrNotFound = errors.New("not found")

// Kind classifies a storage failure; cluster/errors.go maps it to an x-name.
type Kind int

const (
	KindInvalidParam Kind = iota + 1
	KindUnknownAccount
	KindDuplicateUsername
	KindVolumeNotFound
	KindSnapshotNotFound
	KindAccessGroupNotFound
	KindInitiatorNotFound
	KindInitiatorExists
	KindAlreadyInAccessGroup
	KindNotInAccessGroup
	KindExceededLimit
	KindMaxSnapshots
	KindQoSPolicyNotFound
	KindNotPermitted
	KindNotEnoughSpace
	KindGroupSnapshotNotFound
	KindScheduleNotFound
)

// Error is a storage failure: Kind says which, Message is the client text.
type Error struct {
	Kind    Kind
	Message string
}

func (e *Error) Error() string { return e.Message }

func newErr(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

// InvalidParam reports an out-of-range or inconsistent parameter; Message
// is "<param>: <why>", which cluster wraps in Element's parameter message.
type InvalidParam struct{ Param, Why string }

func (e *InvalidParam) Error() string { return e.Param + ": " + e.Why }

func invalid(param, format string, args ...any) error {
	return &InvalidParam{Param: param, Why: fmt.Sprintf(format, args...)}
}

func errUnknownAccount() error { return newErr(KindUnknownAccount, "xUnknownAccount") }
func errVolume(id int64) error {
	return newErr(KindVolumeNotFound, "VolumeID %d does not exist.", id)
}
func errSnapshot(id int64) error {
	return newErr(KindSnapshotNotFound, "SnapshotID %d does not exist.", id)
}
func errAccessGroup(id int64) error {
	return newErr(KindAccessGroupNotFound, "VolumeAccessGroupID %d does not exist.", id)
}
func errInitiator(what any) error {
	return newErr(KindInitiatorNotFound, "Initiator %v does not exist.", what)
}

// Secret is a CHAP secret: it never prints and never reaches a log.
type Secret string

// LogValue keeps secrets out of logs.
func (Secret) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// String keeps secrets out of formatted output.
func (Secret) String() string { return "REDACTED" }

// Attributes are the free name/value pairs every object carries.
type Attributes map[string]any

// Account is a tenant: the owner of volumes, with its CHAP secrets.
type Account struct {
	ID              int64
	Username        string
	Status          string // "active"
	InitiatorSecret Secret
	TargetSecret    Secret
	Attributes      Attributes
	EnableChap      bool
}

// Access is a volume's access mode.
type Access string

const (
	ReadWrite         Access = "readWrite"
	ReadOnly          Access = "readOnly"
	Locked            Access = "locked"
	ReplicationTarget Access = "replicationTarget"
	SnapMirrorTarget  Access = "snapMirrorTarget"
)

// Status is a volume's lifecycle status.
type Status string

const (
	Active  Status = "active"
	Deleted Status = "deleted"
)

// QoS is a volume's quality of service.
type QoS struct {
	MinIOPS, MaxIOPS, BurstIOPS, BurstTime int64
}

// Volume is a block volume.
type Volume struct {
	ID          int64
	Name        string
	AccountID   int64
	UUID        string
	Created     time.Time
	Status      Status
	Access      Access
	Enable512e  bool
	TotalSize   int64
	QoS         QoS
	QoSPolicyID int64 // 0 = none
	Attributes  Attributes
	IQN         string
	NAA, EUI    string
	DeleteTime  time.Time // zero unless deleted
	PurgeTime   time.Time // zero unless deleted
	SnapMirror  bool
}

// Snapshot is a point-in-time image of a volume.
type Snapshot struct {
	ID          int64
	VolumeID    int64
	VolumeName  string
	Name        string
	UUID        string
	Checksum    string
	Created     time.Time
	TotalSize   int64
	Expires     time.Time // zero: never
	ExpiryBy    string    // "api" or "none"
	Remote      bool
	GroupID     int64
	GroupUUID   string
	Attributes  Attributes
	MirrorLabel string
	// State is the volume as it was: what a rollback restores.
	Enable512e bool
	Access     Access
}

// AccessGroup is a volume access group: initiators mapped to volumes.
type AccessGroup struct {
	ID         int64
	Name       string
	Initiators []int64 // initiator IDs, in the order added
	Volumes    []int64 // volume IDs (active or deleted), sorted
	Attributes Attributes
}

// Initiator is an iSCSI IQN or an FC WWPN known to the cluster.
type Initiator struct {
	ID              int64
	Name            string
	Alias           string
	Attributes      Attributes
	RequireChap     bool
	ChapUsername    string
	InitiatorSecret Secret
	TargetSecret    Secret
	AccessGroups    []int64
}

// QoSPolicy is a named QoS setting that volumes may be bound to.
type QoSPolicy struct {
	ID   int64
	Name string
	QoS  QoS
}

// Filter selects volumes; zero fields do not filter.
type Filter struct {
	StartID  int64
	Limit    int64
	Accounts []int64
	IDs      []int64
	Status   Status
	Name     string
}

// Store is the storage domain's persistence; every mutation is one
// transaction (UpdateStorage), reads run in ViewStorage.
type Store interface {
	UpdateStorage(ctx context.Context, fn func(Tx) error) error
	ViewStorage(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the domain reads and writes inside a transaction. Lists are
// sorted by ID. Get methods return ErrNotFound for a missing row.
type Tx interface {
	// NextID allocates the next ID of a counter ("account", "volume",
	// "snapshot", "accessGroup", "initiator", "qosPolicy", "groupSnapshot").
	NextID(ctx context.Context, counter string) (int64, error)

	Accounts(ctx context.Context, startID, limit int64) ([]Account, error)
	Account(ctx context.Context, id int64) (Account, error)
	AccountByName(ctx context.Context, name string) (Account, error)
	PutAccount(ctx context.Context, a Account) error
	DeleteAccount(ctx context.Context, id int64) error

	Volumes(ctx context.Context, f Filter) ([]Volume, error)
	Volume(ctx context.Context, id int64) (Volume, error)
	PutVolume(ctx context.Context, v Volume) error
	DeleteVolume(ctx context.Context, id int64) error
	// VolumeIDsByAccount lists the volume IDs of every account, deleted
	// volumes included when withDeleted.
	VolumeIDsByAccount(ctx context.Context, withDeleted bool) (map[int64][]int64, error)
	// Provisioned is the sum of totalSize over all stored volumes and the
	// number of them.
	Provisioned(ctx context.Context) (bytes, count int64, err error)
	// DueVolumes lists deleted volumes whose purge time is at or before t.
	DueVolumes(ctx context.Context, t time.Time) ([]int64, error)

	Snapshots(ctx context.Context, volumeID int64) ([]Snapshot, error) // 0: all
	Snapshot(ctx context.Context, id int64) (Snapshot, error)
	PutSnapshot(ctx context.Context, s Snapshot) error
	DeleteSnapshot(ctx context.Context, id int64) error
	// ExpiredSnapshots lists snapshots whose expiry is at or before t.
	ExpiredSnapshots(ctx context.Context, t time.Time) ([]int64, error)

	AccessGroups(ctx context.Context) ([]AccessGroup, error)
	AccessGroup(ctx context.Context, id int64) (AccessGroup, error)
	PutAccessGroup(ctx context.Context, g AccessGroup) error
	DeleteAccessGroup(ctx context.Context, id int64) error

	Initiators(ctx context.Context) ([]Initiator, error)
	Initiator(ctx context.Context, id int64) (Initiator, error)
	InitiatorByName(ctx context.Context, name string) (Initiator, error)
	PutInitiator(ctx context.Context, in Initiator) error
	DeleteInitiator(ctx context.Context, id int64) error

	Schedules(ctx context.Context) ([]Schedule, error)
	Schedule(ctx context.Context, id int64) (Schedule, error)
	PutSchedule(ctx context.Context, s Schedule) error
	DeleteSchedule(ctx context.Context, id int64) error
	// DueSchedules lists schedules whose next run is at or before t.
	DueSchedules(ctx context.Context, t time.Time) ([]int64, error)

	// Setting reads one cluster-wide setting; ErrNotFound when never set.
	Setting(ctx context.Context, key string) (string, error)
	PutSetting(ctx context.Context, key, value string) error
	DeleteSetting(ctx context.Context, key string) error

	QoSPolicies(ctx context.Context) ([]QoSPolicy, error)
	QoSPolicy(ctx context.Context, id int64) (QoSPolicy, error)
	PutQoSPolicy(ctx context.Context, p QoSPolicy) error
	DeleteQoSPolicy(ctx context.Context, id int64) error
}
