-- KACLS instances (docs/kacls.md, persistence; KA5): wrapping keys per
-- instance and JWT signing keys (each instance's, and the test issuers').
-- Secret columns are sealed by the store. A reset deletes every row but the
-- test issuers' key.
CREATE TABLE kacls_wrapping_keys (
	instance          TEXT NOT NULL,
	key_id            TEXT NOT NULL,           -- 16 hex digits, bytes 1-8 of a blob
	material_sealed   BLOB NOT NULL,
	is_primary        INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
	created           TEXT NOT NULL,
	PRIMARY KEY (instance, key_id)
);

CREATE TABLE kacls_signing_keys (
	owner      TEXT PRIMARY KEY,                -- "instance/<name>" or "test-issuer"
	kid        TEXT NOT NULL,
	key_sealed BLOB NOT NULL,
	created    TEXT NOT NULL
);
