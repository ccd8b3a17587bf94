-- Tencent Cloud KMS emulator (docs/tencent-kms.md, persistence). Times are
-- unix seconds on the emulator clock, 0 = none. Key material and the
-- wrapping private keys are sealed by the store; an import token is kept
-- only as its SHA-256. A reset deletes every key and import parameter but
-- keeps the fingerprint key.
CREATE TABLE tckms_keys (
	seq              INTEGER PRIMARY KEY AUTOINCREMENT, -- creation order
	key_id           TEXT NOT NULL UNIQUE,
	alias            TEXT NOT NULL UNIQUE,
	description      TEXT NOT NULL,
	key_usage        TEXT NOT NULL,
	origin           TEXT NOT NULL CHECK (origin IN ('TENCENT_KMS', 'EXTERNAL')),
	state            TEXT NOT NULL CHECK (state IN ('Enabled', 'Disabled', 'PendingDelete', 'PendingImport', 'Archived')),
	create_time      INTEGER NOT NULL,
	deletion_date    INTEGER NOT NULL DEFAULT 0,
	valid_to         INTEGER NOT NULL DEFAULT 0,
	material_sealed  BLOB,                 -- NULL: no material (external, not imported)
	fingerprint      BLOB,                 -- HMAC-SHA256 of the first imported material
	tags             TEXT NOT NULL DEFAULT '[]'
);

CREATE INDEX tckms_keys_deletion ON tckms_keys (deletion_date) WHERE deletion_date > 0;
CREATE INDEX tckms_keys_valid_to ON tckms_keys (valid_to) WHERE valid_to > 0;

CREATE TABLE tckms_import_params (
	token_hash          BLOB PRIMARY KEY,  -- SHA-256 of the import token
	key_id              TEXT NOT NULL,
	algorithm           TEXT NOT NULL CHECK (algorithm IN ('RSAES_PKCS1_V1_5', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256')),
	private_key_sealed  BLOB,              -- PKCS#8; NULL once superseded
	valid_to            INTEGER NOT NULL,
	superseded          INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
	created             INTEGER NOT NULL
);

CREATE INDEX tckms_import_params_key ON tckms_import_params (key_id);

CREATE TABLE tckms_secrets (
	name          TEXT PRIMARY KEY,        -- "fingerprint-key"
	value_sealed  BLOB NOT NULL
);
