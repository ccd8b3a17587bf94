package alikms

import (
	"context"
	"time"
)

// Store is what the KMS persists: keys, their versions (material sealed by
// the store), aliases and tags. *sqlite.Store implements it (tables
// alikms_keys, alikms_key_versions, alikms_aliases, alikms_tags). Each
// method is one transaction; a missing row is ErrNotFound.
type Store interface {
	// AlikmsCreateKey stores a new key, its first version and its tags.
	AlikmsCreateKey(ctx context.Context, k Key, v Version, tags map[string]string) error
	// AlikmsKey returns a key's metadata (no material).
	AlikmsKey(ctx context.Context, id string) (Key, error)
	// AlikmsUpdateKey writes a key's metadata.
	AlikmsUpdateKey(ctx context.Context, k Key) error
	// AlikmsAddVersion stores v and writes k (whose Primary names v).
	AlikmsAddVersion(ctx context.Context, k Key, v Version) error
	// AlikmsVersion returns a version, material unsealed.
	AlikmsVersion(ctx context.Context, id string) (Version, error)
	// AlikmsVersions lists a key's versions by creation, without material.
	AlikmsVersions(ctx context.Context, keyID string) ([]Version, error)
	// AlikmsListKeys returns a page of keys by creation order and the total.
	AlikmsListKeys(ctx context.Context, offset, limit int) ([]Key, int, error)
	// AlikmsDue returns the IDs of keys whose DeleteDate or NextRotation is
	// at or before now.
	AlikmsDue(ctx context.Context, now time.Time) ([]string, error)
	// AlikmsNextDue returns the earliest DeleteDate or NextRotation of any
	// key (zero when none).
	AlikmsNextDue(ctx context.Context) (time.Time, error)
	// AlikmsDeleteKey deletes a key with its versions, aliases and tags.
	AlikmsDeleteKey(ctx context.Context, id string) error
	// AlikmsAlias resolves an alias to its key ID.
	AlikmsAlias(ctx context.Context, alias string) (string, error)
	// AlikmsCreateAlias binds a new alias (ErrExists when taken).
	AlikmsCreateAlias(ctx context.Context, a Alias) error
	// AlikmsDeleteAlias removes an alias.
	AlikmsDeleteAlias(ctx context.Context, alias string) error
	// AlikmsAliases lists aliases, of one key or ("") all, by name.
	AlikmsAliases(ctx context.Context, keyID string) ([]Alias, error)
	// AlikmsSetTags adds or replaces tags on keys.
	AlikmsSetTags(ctx context.Context, keyIDs []string, tags map[string]string) error
	// AlikmsDeleteTags removes tag keys (all with all) from keys.
	AlikmsDeleteTags(ctx context.Context, keyIDs []string, keys []string, all bool) error
	// AlikmsTags lists the tags of keys (all keys when keyIDs is empty),
	// by key then tag key.
	AlikmsTags(ctx context.Context, keyIDs []string) ([]Tag, error)
	// WipeAlikms deletes every key, version, alias and tag.
	WipeAlikms(ctx context.Context) error
}

// Key is a CMK's metadata.
type Key struct {
	ID                     string
	Description            string
	KeySpec                string // Aliyun_AES_256, Aliyun_AES_192, Aliyun_AES_128
	State                  string // Enabled, Disabled, PendingDeletion
	ProtectionLevel        string
	Created                time.Time
	DeleteDate             time.Time // zero unless PendingDeletion
	Primary                string    // primary KeyVersionId
	RotationInterval       time.Duration
	AutoRotation           bool
	LastRotation           time.Time // zero: never rotated
	NextRotation           time.Time // zero unless AutoRotation
	DeletionProtection     bool
	DeletionProtectionDesc string
}

// Version is one key version and its AES material.
type Version struct {
	ID       string
	KeyID    string
	Material []byte // sealed at rest by the store
	Created  time.Time
}

// Alias names a key.
type Alias struct {
	Name    string
	KeyID   string
	Created time.Time
}

// Tag is one tag of a key.
type Tag struct {
	KeyID string
	Key   string
	Value string
}

// Key states.
const (
	StateEnabled         = "Enabled"
	StateDisabled        = "Disabled"
	StatePendingDeletion = "PendingDeletion"
)
