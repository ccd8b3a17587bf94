-- Embedded KMIP server: CA, issued client certificates, managed objects and
-- their attributes (docs/kmip.md, persistence; KD8). Secret columns are
-- sealed by the store.
CREATE TABLE kmip_ca (
	id          INTEGER PRIMARY KEY CHECK (id = 1),
	cert_pem    TEXT NOT NULL,
	key_sealed  BLOB NOT NULL,
	not_after   TEXT NOT NULL
);

CREATE TABLE kmip_server_cert (
	id          INTEGER PRIMARY KEY CHECK (id = 1),
	cert_pem    TEXT NOT NULL,
	key_sealed  BLOB NOT NULL,
	sans        TEXT NOT NULL,
	not_after   TEXT NOT NULL
);

CREATE TABLE kmip_issued_certs (
	serial     TEXT PRIMARY KEY,
	subject    TEXT NOT NULL,
	not_before TEXT NOT NULL,
	not_after  TEXT NOT NULL,
	cert_pem   TEXT NOT NULL,
	issued_at  TEXT NOT NULL
);

-- Never reset (not even by /_emulator/reset): UIDs are never reused.
CREATE TABLE kmip_uid_seq (
	id       INTEGER PRIMARY KEY CHECK (id = 1),
	next_uid INTEGER NOT NULL
);
INSERT INTO kmip_uid_seq (id, next_uid) VALUES (1, 1);

CREATE TABLE kmip_objects (
	uid                INTEGER PRIMARY KEY,
	object_type        INTEGER NOT NULL,
	state              INTEGER NOT NULL,
	owner              TEXT NOT NULL DEFAULT '',
	algorithm          INTEGER NOT NULL DEFAULT 0,
	length             INTEGER NOT NULL DEFAULT 0,
	usage_mask         INTEGER NOT NULL DEFAULT 0,
	key_format         INTEGER NOT NULL DEFAULT 0,
	secret_data_type   INTEGER NOT NULL DEFAULT 0,
	material_sealed    BLOB,
	initial_date       TEXT NOT NULL,
	activation_date    TEXT,
	deactivation_date  TEXT,
	destroy_date       TEXT,
	compromise_occurrence_date TEXT,
	compromise_date    TEXT,
	last_change_date   TEXT NOT NULL,
	revocation_reason  INTEGER NOT NULL DEFAULT 0,
	revocation_message TEXT NOT NULL DEFAULT ''
);

CREATE TABLE kmip_attributes (
	uid        INTEGER NOT NULL REFERENCES kmip_objects (uid) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	idx        INTEGER NOT NULL,
	value_ttlv BLOB NOT NULL,
	PRIMARY KEY (uid, name, idx)
);
CREATE INDEX kmip_attributes_name ON kmip_attributes (name, value_ttlv);
