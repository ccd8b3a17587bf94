package cluster

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/element-emulator/element-emulator/asyncjobs"
	"github.com/element-emulator/element-emulator/drives"
	"github.com/element-emulator/element-emulator/faults"
	"github.com/element-emulator/element-emulator/nodes"
)

// ErrNotFound is what a Store returns for a missing row.
var ErrNotFound = errors.New("not found")

// Store is the cluster's persistence. Every mutation runs inside Update as
// one transaction; reads run inside View.
type Store interface {
	// Update runs fn in one write transaction; an error rolls it back.
	Update(ctx context.Context, fn func(Tx) error) error
	// View runs fn in one read transaction.
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the cluster can read and write inside a transaction. Lists are
// sorted by ID ascending. Get methods return ErrNotFound for a missing row.
type Tx interface {
	// NextID allocates the next ID of a counter ("node", "drive",
	// "keyServer", "keyProvider", "asyncHandle", "clusterFault", "event",
	// "faultRule"); IDs start at 1 and are never reused, except that Reset
	// returns to the initial state, counters included.
	NextID(ctx context.Context, counter string) (int64, error)

	// State returns the single cluster row; ErrNotFound before a cluster exists.
	State(ctx context.Context) (State, error)
	PutState(ctx context.Context, s State) error

	Nodes(ctx context.Context) ([]Node, error)
	PutNode(ctx context.Context, n Node) error

	// PendingNodes lists the nodes outside the cluster (pending and
	// pendingActive) by pending node ID (cluster/nodes.go).
	PendingNodes(ctx context.Context) ([]nodes.Node, error)
	PutPendingNode(ctx context.Context, n nodes.Node) error
	DeletePendingNode(ctx context.Context, id int64) error

	Drives(ctx context.Context) ([]drives.Drive, error)
	Drive(ctx context.Context, id drives.ID) (drives.Drive, error)
	// FailedDrives lists the failed drives that are still listed (usually few).
	FailedDrives(ctx context.Context) ([]drives.Drive, error)
	PutDrive(ctx context.Context, d drives.Drive) error
	DeleteDrive(ctx context.Context, id drives.ID) error

	// KeyPair returns the cluster's client key pair; ErrNotFound if none.
	KeyPair(ctx context.Context) (KeyPair, error)
	PutKeyPair(ctx context.Context, kp KeyPair) error

	KeyServers(ctx context.Context) ([]KMIPServer, error)
	// AssignedKeyServers lists the key servers assigned to a provider.
	AssignedKeyServers(ctx context.Context) ([]KMIPServer, error)
	// AssignedKeyServerCerts lists the same servers with only their IDs and
	// certificate expiry dates.
	AssignedKeyServerCerts(ctx context.Context) ([]KeyServerCerts, error)
	KeyServer(ctx context.Context, id int64) (KMIPServer, error)
	// KeyServerProvider returns the provider key server id is assigned to
	// (0 for none) without reading the rest of it; ErrNotFound when there
	// is no such server.
	KeyServerProvider(ctx context.Context, id int64) (int64, error)
	PutKeyServer(ctx context.Context, ks KMIPServer) error
	DeleteKeyServer(ctx context.Context, id int64) error

	KeyProviders(ctx context.Context) ([]KMIPProvider, error)
	KeyProvider(ctx context.Context, id int64) (KMIPProvider, error)
	PutKeyProvider(ctx context.Context, kp KMIPProvider) error
	DeleteKeyProvider(ctx context.Context, id int64) error

	// Keys lists every key the cluster has made (master and authentication
	// keys, current and decommissioned).
	Keys(ctx context.Context) ([]Key, error)
	PutKey(ctx context.Context, k Key) error

	Jobs(ctx context.Context) ([]asyncjobs.Job, error)
	Job(ctx context.Context, h asyncjobs.Handle) (asyncjobs.Job, error)
	PutJob(ctx context.Context, j asyncjobs.Job) error
	DeleteJob(ctx context.Context, h asyncjobs.Handle) error

	FaultRules(ctx context.Context) ([]faults.Rule, error)
	PutFaultRule(ctx context.Context, r faults.Rule) error
	DeleteFaultRule(ctx context.Context, id int64) error

	ClusterFaults(ctx context.Context) ([]Fault, error)
	// OpenClusterFaults lists only the unresolved records raised by a condition.
	OpenClusterFaults(ctx context.Context) ([]Fault, error)
	PutClusterFault(ctx context.Context, f Fault) error
	DeleteClusterFault(ctx context.Context, id int64) error

	AddEvent(ctx context.Context, e Event) error
	// Events calls fn with the events whose ID is within [minID, maxID]
	// (0: unbounded), newest first, until fn returns false.
	Events(ctx context.Context, minID, maxID int64, fn func(Event) bool) error
	// TrimEvents keeps only the newest keep events.
	TrimEvents(ctx context.Context, keep int) error

	// Wipe deletes all cluster state and the ID counters (not the KMIP
	// objects or their UID sequence) for Reset.
	Wipe(ctx context.Context) error
}

// EARState is the hardware encryption-at-rest state.
type EARState string

const (
	EARDisabled  EARState = "disabled"
	EAREnabling  EARState = "enabling"
	EAREnabled   EARState = "enabled"
	EARDisabling EARState = "disabling"
)

// State is the cluster row.
type State struct {
	Name, UniqueID, UUID string
	MVIP, SVIP           string
	RepCount             int
	User                 string
	Password             Secret
	Created              time.Time

	// Software encryption at rest.
	SEAREnabled bool
	SEARVersion int
	// RekeyHandle names the latest rekey job (D23); 0 = none yet.
	RekeyHandle asyncjobs.Handle

	// Hardware encryption at rest.
	EAR           EARState
	EARDue        time.Time // end of enabling/disabling
	EARProviderID int64     // provider of the pending or current key (0 = internal)
	EARKeyID      string    // current authentication key
	// EARPendingKeyID is the keyID enabling will obtain, chosen when the
	// request is accepted so a retry after an interruption asks for (and
	// adopts) the same key.
	EARPendingKeyID string
	EARGeneration   int // number of enablements

	// BootDue is when the next boot-time key retrieval runs (zero = none
	// pending): set by a power cycle, retried every 60 s until it succeeds.
	BootDue time.Time
}

// Node is a storage node.
type Node struct {
	ID                      int64
	Name                    string
	MIP, CIP, SIP           string
	UUID                    string
	NodeType, ChassisType   string
	Active                  bool
	ServiceID, SliceService int64
	// SliceUnhealthySince is when the node's metadata drive stopped being
	// active and unlocked (zero = healthy); SliceRecoverAt is when the
	// slice service counts as healthy again after it came back (D33).
	SliceUnhealthySince time.Time
	SliceRecoverAt      time.Time
}

// Subject is the CSR subject of the cluster key pair.
type Subject struct {
	CommonName, Organization, OrganizationalUnit string
	Locality, State, Country, EmailAddress       string
}

// KeyPair is the cluster's client key pair for KMIP.
type KeyPair struct {
	Subject    Subject
	PrivateKey Secret // PKCS#8 PEM
	Created    time.Time
}

// KMIPServer is a KMIP key server object (KeyServerKmip).
type KMIPServer struct {
	ID            int64
	Name          string
	Hostnames     []string
	Port          int
	CAPEM         string
	ClientCertPEM string
	ProviderID    int64 // 0 = unassigned
	// CAExpires and CertExpires are the earliest NotAfter of the
	// certificates in CAPEM and ClientCertPEM (zero: none readable), kept
	// with the row so the certificate condition never parses PEM.
	CAExpires, CertExpires time.Time
}

// KeyServerCerts is what the certificate condition and the provider views
// need of an assigned key server.
type KeyServerCerts struct {
	ID, ProviderID         int64
	CAExpires, CertExpires time.Time
}

// KMIPProvider is a KMIP key provider object (KeyProviderKmip).
type KMIPProvider struct {
	ID   int64
	Name string
}

// KeyType is internal or external key management.
type KeyType string

const (
	Internal KeyType = "internal"
	External KeyType = "external"
)

// KeyPurpose is what a key protects (Element CryptoKeyType names).
type KeyPurpose string

const (
	PurposeMaster KeyPurpose = "SoftwareEarKeyEncryptionKey"
	PurposeAuth   KeyPurpose = "EarSedAuthenticationKey"
)

// KeyStatus is where a key is in its life.
type KeyStatus string

const (
	KeyPending        KeyStatus = "pending" // created by a running rekey, not yet in force
	KeyCurrent        KeyStatus = "current"
	KeyDecommissioned KeyStatus = "decommissioned"
)

// Key is a key the cluster made: a SEAR master key or a hardware-EAR
// authentication key. KeyID is Element's UUID, never the KMIP UID.
type Key struct {
	KeyID      string
	Purpose    KeyPurpose
	Type       KeyType
	ProviderID int64  // external only
	ServerID   int64  // external only: the server that holds it
	UID        string // external only: KMIP unique identifier
	Created    time.Time
	Status     KeyStatus
	Material   Secret // internal keys only
}

// Fault is a cluster fault record (ListClusterFaults).
type Fault struct {
	ID           int64
	Code         string
	Severity     string
	Type         string
	Details      string
	NodeID       int64
	ServiceID    int64
	DriveIDs     []int64
	Date         time.Time
	Resolved     bool
	ResolvedDate time.Time
	// Cond identifies the condition that raised it ("" for records made by
	// hand through the lab control), so the simulation finds its own record.
	Cond string
}

// Event is one cluster event (ListEvents).
type Event struct {
	ID        int64
	Type      string
	Message   string
	Details   map[string]any
	NodeID    int64
	ServiceID int64
	DriveID   int64
	DriveIDs  []int64
	Time      time.Time
}

// Secret is a byte string that never prints.
type Secret []byte

// LogValue keeps secrets out of logs.
func (Secret) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// String keeps secrets out of formatted output.
func (Secret) String() string { return "REDACTED" }
