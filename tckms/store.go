package tckms

import "context"

// Store persists the keys and the import parameters. *sqlite.Store
// implements it (tables tckms_keys and tckms_import_params; key material
// and the wrapping private keys sealed with the emulator's KEK).
type Store interface {
	// TCKMSUpdate runs fn in one write transaction, committed when fn
	// returns nil and rolled back otherwise.
	TCKMSUpdate(ctx context.Context, fn func(Tx) error) error
	// TCKMSFingerprintKey returns the HMAC key of material fingerprints,
	// made at first use and kept sealed; a reset keeps it.
	TCKMSFingerprintKey(ctx context.Context) ([]byte, error)
	// WipeTCKMS deletes every key and every import parameter.
	WipeTCKMS(ctx context.Context) error
}

// Tx is one transaction over the keys.
type Tx interface {
	// Key returns the key with that ID, material unsealed, or ErrNotFound.
	Key(ctx context.Context, id string) (Key, error)
	// KeyIDs lists the key IDs in creation order from offset, at most
	// limit of them, and the total.
	KeyIDs(ctx context.Context, offset, limit int) ([]string, int, error)
	// DueKeys returns the keys whose DeletionDate or ValidTo (unix s, not
	// 0) is at or before now.
	DueKeys(ctx context.Context, now int64) ([]Key, error)
	// CreateKey stores a new key; ErrAliasTaken when the alias is used.
	CreateKey(ctx context.Context, k Key) error
	// UpdateKey stores every field of an existing key; ErrAliasTaken.
	UpdateKey(ctx context.Context, k Key) error
	// DeleteKey deletes a key and its import parameters.
	DeleteKey(ctx context.Context, id string) error
	// ImportParams returns the parameters issued with that token hash, or
	// ErrNotFound. A superseded one has no private key.
	ImportParams(ctx context.Context, tokenHash []byte) (ImportParams, error)
	// AddImportParams stores p and supersedes (and forgets the private keys
	// of) the key's earlier parameters.
	AddImportParams(ctx context.Context, p ImportParams) error
}

// ImportParams is the answer to one GetParametersForImport.
type ImportParams struct {
	TokenHash  []byte // SHA-256 of the import token; the token is not stored
	KeyID      string
	Algorithm  string // RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256
	PrivateKey []byte // PKCS#8 DER; sealed at rest; nil once superseded
	ValidTo    int64  // unix s, emulator clock
	Superseded bool
	Created    int64
}
