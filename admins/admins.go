// Package admins is Element's cluster-admin surface: the extra cluster
// admins of AddClusterAdmin (each with its own Basic credentials and
// access list) and the login session timeout. The admin configured at
// start-up (or made by CreateCluster) is not stored here: it is listed as
// clusterAdminID 1 through Deps.Primary and cannot be changed here.
//
// Passwords are kept only as salted PBKDF2-SHA256 hashes; they are never
// returned and never logged. Errors are *Error values (a Kind) or
// *InvalidParam; api gives them their Element names.
package admins

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// ErrNotFound is what a Store returns for a missing row.
var ErrNotFound = errors.New("not found")

// Kind classifies a failure.
type Kind int

const (
	KindAdminNotFound Kind = iota + 1
	KindDuplicateUsername
	KindNotPermitted
)

// Error is a failure other than a bad parameter.
type Error struct {
	Kind    Kind
	Message string
}

func (e *Error) Error() string { return e.Message }

// InvalidParam is an out-of-range or inconsistent parameter.
type InvalidParam struct{ Param, Why string }

func (e *InvalidParam) Error() string { return e.Param + ": " + e.Why }

func invalid(param, format string, args ...any) error {
	return &InvalidParam{Param: param, Why: fmt.Sprintf(format, args...)}
}

// Access types a cluster admin may be given.
var Access = []string{"accounts", "administrator", "clusterAdmin", "drives", "nodes", "read", "reporting",
	"repositories", "volumes", "write"}

// PrimaryID is the clusterAdminID of the admin configured at start-up.
const PrimaryID = 1

// Admin is a cluster admin added with AddClusterAdmin.
type Admin struct {
	ID         int64          `json:"id"`
	Username   string         `json:"username"`
	Access     []string       `json:"access"`
	Attributes map[string]any `json:"attributes"`
	// Hash is the salted password hash (hash.go); never on the wire.
	Hash string `json:"hash"`
}

// String keeps the hash out of formatted output.
func (a Admin) String() string { return fmt.Sprintf("admin %d %q", a.ID, a.Username) }

// Store is the persistence: one transaction per mutation.
type Store interface {
	UpdateAdmins(ctx context.Context, fn func(Tx) error) error
	ViewAdmins(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the package reads and writes in a transaction.
type Tx interface {
	// NextAdminID allocates the next ID (from 2: 1 is the primary admin).
	NextAdminID(ctx context.Context) (int64, error)
	Admins(ctx context.Context) ([]Admin, error) // by ID
	Admin(ctx context.Context, id int64) (Admin, error)
	AdminByName(ctx context.Context, username string) (Admin, error)
	PutAdmin(ctx context.Context, a Admin) error
	DeleteAdmin(ctx context.Context, id int64) error
	// Setting and PutSetting keep cluster-wide values (ErrNotFound when unset).
	Setting(ctx context.Context, key string) (string, error)
	PutSetting(ctx context.Context, key, value string) error
}

// Deps are the package's collaborators.
type Deps struct {
	Store Store
	Now   func() time.Time
	// Rand is the salt source (crypto/rand when nil).
	Rand io.Reader
	// Primary returns the username of the admin configured at start-up
	// ("" while there is none, in bootstrap mode).
	Primary func() string
}

// Service serves cluster admins.
type Service struct{ d Deps }
