-- Element cluster state. IDs come from counters, never reused.
CREATE TABLE counters (
	name TEXT PRIMARY KEY,
	last INTEGER NOT NULL
);

CREATE TABLE cluster (
	id            INTEGER PRIMARY KEY CHECK (id = 1),
	name          TEXT NOT NULL,
	unique_id     TEXT NOT NULL,
	uuid          TEXT NOT NULL,
	mvip          TEXT NOT NULL,
	svip          TEXT NOT NULL,
	rep_count     INTEGER NOT NULL,
	admin_user    TEXT NOT NULL,
	admin_password BLOB,
	created       TEXT NOT NULL,
	sear_enabled  INTEGER NOT NULL,
	sear_version  INTEGER NOT NULL,
	rekey_handle  INTEGER NOT NULL DEFAULT 0,
	ear_state     TEXT NOT NULL CHECK (ear_state IN ('disabled','enabling','enabled','disabling')),
	ear_due       TEXT NOT NULL DEFAULT '',
	ear_provider_id INTEGER NOT NULL DEFAULT 0,
	ear_key_id    TEXT NOT NULL DEFAULT '',
	ear_generation INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE nodes (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	mip         TEXT NOT NULL,
	cip         TEXT NOT NULL,
	sip         TEXT NOT NULL,
	uuid        TEXT NOT NULL,
	node_type   TEXT NOT NULL,
	chassis_type TEXT NOT NULL,
	active      INTEGER NOT NULL,
	service_id  INTEGER NOT NULL,
	slice_service_id INTEGER NOT NULL
);

CREATE TABLE drives (
	id             INTEGER PRIMARY KEY,
	node_id        INTEGER NOT NULL,
	slot           INTEGER NOT NULL,
	type           TEXT NOT NULL CHECK (type IN ('volume','block','unknown')),
	status         TEXT NOT NULL CHECK (status IN ('available','active','removing','erasing','failed')),
	capacity       INTEGER NOT NULL,
	serial         TEXT NOT NULL,
	capability     TEXT NOT NULL CHECK (capability IN ('none','sed','fips')),
	sec_enabled    INTEGER NOT NULL,
	sec_locked     INTEGER NOT NULL,
	key_id         TEXT NOT NULL,
	key_provider_id INTEGER NOT NULL,
	failure_detail TEXT NOT NULL,
	security_fault TEXT NOT NULL
);

CREATE TABLE key_pair (
	id          INTEGER PRIMARY KEY CHECK (id = 1),
	subject     TEXT NOT NULL, -- JSON
	private_key BLOB NOT NULL, -- sealed
	created     TEXT NOT NULL
);

CREATE TABLE key_providers (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL
);

CREATE TABLE key_servers (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	hostnames   TEXT NOT NULL, -- JSON array
	port        INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
	ca_pem      TEXT NOT NULL,
	client_cert_pem TEXT NOT NULL,
	provider_id INTEGER REFERENCES key_providers(id) ON DELETE SET NULL
);

CREATE TABLE keys (
	key_id      TEXT PRIMARY KEY,
	purpose     TEXT NOT NULL,
	type        TEXT NOT NULL CHECK (type IN ('internal','external')),
	provider_id INTEGER NOT NULL,
	server_id   INTEGER NOT NULL,
	uid         TEXT NOT NULL,
	created     TEXT NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('pending','current','decommissioned')),
	material    BLOB -- sealed, internal keys only
);

CREATE TABLE async_jobs (
	handle      INTEGER PRIMARY KEY,
	result_type TEXT NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('running','complete')),
	created     TEXT NOT NULL,
	updated     TEXT NOT NULL,
	phase       INTEGER NOT NULL,
	due         TEXT NOT NULL,
	data        BLOB,
	failure_name TEXT,
	failure_message TEXT
);

CREATE TABLE fault_rules (
	id      INTEGER PRIMARY KEY,
	target  TEXT NOT NULL,
	match   TEXT NOT NULL, -- JSON object of strings
	effect  TEXT NOT NULL,
	params  TEXT NOT NULL, -- JSON object of strings
	times   INTEGER NOT NULL CHECK (times >= 0)
);

CREATE TABLE cluster_faults (
	id            INTEGER PRIMARY KEY,
	code          TEXT NOT NULL,
	severity      TEXT NOT NULL,
	type          TEXT NOT NULL,
	details       TEXT NOT NULL,
	node_id       INTEGER NOT NULL,
	service_id    INTEGER NOT NULL,
	drive_ids     TEXT NOT NULL, -- JSON array
	date          TEXT NOT NULL,
	resolved      INTEGER NOT NULL,
	resolved_date TEXT NOT NULL,
	cond          TEXT NOT NULL
);
CREATE INDEX cluster_faults_cond ON cluster_faults (cond) WHERE resolved = 0;

CREATE TABLE events (
	id         INTEGER PRIMARY KEY,
	type       TEXT NOT NULL,
	message    TEXT NOT NULL,
	details    TEXT NOT NULL, -- JSON object
	node_id    INTEGER NOT NULL,
	service_id INTEGER NOT NULL,
	drive_id   INTEGER NOT NULL,
	drive_ids  TEXT NOT NULL, -- JSON array
	time       TEXT NOT NULL
);
