package kmip

import (
	"context"
	"errors"
	"time"

	okmip "github.com/ovh/kmip-go"
)

// ErrNotFound is returned by Store and ObjectTx methods when a row is missing.
var ErrNotFound = errors.New("kmip: not found")

// ErrExists is returned by Store.CreateKMIPCA when a CA is already stored.
var ErrExists = errors.New("kmip: already exists")

// Store is what the KMIP side persists. *sqlite.Store implements it.
type Store interface {
	// KMIPCA returns the embedded CA, or ErrNotFound before the first start.
	KMIPCA(ctx context.Context) (CARecord, error)
	// CreateKMIPCA stores the CA (sealing its key); ErrExists if one is stored.
	CreateKMIPCA(ctx context.Context, ca CARecord) error
	// AddKMIPIssuedCert records a certificate signed by the CA.
	AddKMIPIssuedCert(ctx context.Context, c IssuedCert) error
	// KMIPIssuedCerts lists issued certificates, oldest first.
	KMIPIssuedCerts(ctx context.Context) ([]IssuedCert, error)
	// KMIPUpdate runs fn in one read-write transaction, committed when fn returns nil.
	KMIPUpdate(ctx context.Context, fn func(ObjectTx) error) error
	// KMIPView runs fn in one read-only transaction.
	KMIPView(ctx context.Context, fn func(ObjectTx) error) error
}

// ObjectTx reads and writes managed objects inside one transaction.
type ObjectTx interface {
	// NextUID takes the next never-reused decimal UID.
	NextUID() (string, error)
	// CreateObject inserts o (sealing o.Material).
	CreateObject(o Object) error
	// Object returns the object with its material unsealed; ErrNotFound.
	Object(uid string) (Object, error)
	// UpdateObject rewrites every column of o; ErrNotFound.
	UpdateObject(o Object) error
	// DeleteObject removes o and its attributes; ErrNotFound.
	DeleteObject(uid string) error
	// ObjectUIDs lists every UID in ascending numeric order.
	ObjectUIDs() ([]string, error)
	// ObjectUIDsWithAttribute lists, in ascending numeric order, the UIDs of
	// the objects that store an instance of the attribute name: any instance
	// when value is nil, else one whose stored form is exactly value.
	ObjectUIDsWithAttribute(name string, value []byte) ([]string, error)
	// Attributes returns the stored attributes of uid ordered by name and index.
	Attributes(uid string) ([]StoredAttribute, error)
	// PutAttribute inserts or replaces one attribute instance.
	PutAttribute(uid string, a StoredAttribute) error
	// DeleteAttribute removes one attribute instance; ErrNotFound.
	DeleteAttribute(uid, name string, index int32) error
}

// CARecord is the persisted embedded CA.
type CARecord struct {
	CertPEM  string
	KeyDER   []byte // PKCS#8; sealed at rest by the store
	NotAfter time.Time
}

// IssuedCert is a client certificate signed by the embedded CA.
type IssuedCert struct {
	Serial    string    `json:"serial"`
	Subject   string    `json:"subject"`
	NotBefore time.Time `json:"notBefore"`
	NotAfter  time.Time `json:"notAfter"`
	CertPEM   string    `json:"certificate"`
	IssuedAt  time.Time `json:"issuedAt"`
}

// Object is one managed object's metadata and material. Material is
// plaintext in memory only; the store seals it and it is nil once destroyed.
type Object struct {
	UID                      string
	Type                     okmip.ObjectType
	State                    okmip.State
	Owner                    string
	Algorithm                okmip.CryptographicAlgorithm
	Length                   int32
	UsageMask                okmip.CryptographicUsageMask
	KeyFormat                okmip.KeyFormatType
	SecretDataType           okmip.SecretDataType
	Material                 []byte
	InitialDate              time.Time
	ActivationDate           *time.Time
	DeactivationDate         *time.Time
	DestroyDate              *time.Time
	CompromiseOccurrenceDate *time.Time
	CompromiseDate           *time.Time
	LastChangeDate           time.Time
	RevocationReason         okmip.RevocationReasonCode
	RevocationMessage        string
}

// StoredAttribute is one client-settable attribute instance; Value is the
// TTLV encoding of the whole okmip.Attribute, so any TTLV type round-trips.
type StoredAttribute struct {
	Name  string
	Index int32
	Value []byte
}
