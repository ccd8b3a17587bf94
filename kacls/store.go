package kacls

import (
	"context"
	"time"
)

// Store is what the KACLS persists: each instance's wrapping keys and the
// JWT signing keys. *sqlite.Store implements it (tables kacls_wrapping_keys
// and kacls_signing_keys, secrets sealed with the emulator's KEK; KA5).
type Store interface {
	// KACLSWrappingKeys returns an instance's wrapping keys, material
	// unsealed, the primary first; none is not an error.
	KACLSWrappingKeys(ctx context.Context, instance string) ([]WrappingKey, error)
	// AddKACLSWrappingKey stores k as the instance's primary key and demotes
	// the others. With onlyFirst it stores nothing when the instance already
	// has a key, and reports false.
	AddKACLSWrappingKey(ctx context.Context, instance string, k WrappingKey, onlyFirst bool) (bool, error)
	// KACLSSigningKey returns the signing key of owner, or ErrNotFound.
	KACLSSigningKey(ctx context.Context, owner string) (SigningKey, error)
	// CreateKACLSSigningKey stores k unless owner has one (then false).
	CreateKACLSSigningKey(ctx context.Context, k SigningKey) (bool, error)
	// WipeKACLS deletes every wrapping key and every signing key except
	// those of the owners listed in keep.
	WipeKACLS(ctx context.Context, keep []string) error
}

// WrappingKey is one AES-256 wrapping key of an instance.
type WrappingKey struct {
	ID       KeyID
	Material []byte // 32 bytes; sealed at rest by the store
	Primary  bool
	Created  time.Time
}

// SigningKey is one RSA JWT signing key.
type SigningKey struct {
	Owner   string // "instance/<name>" or "test-issuer"
	KID     string // RFC 7638 thumbprint
	DER     []byte // PKCS#8; sealed at rest by the store
	Created time.Time
}

// Signing-key owners.
const ownerTestIssuer = "test-issuer"

func ownerOf(instance string) string { return "instance/" + instance }
