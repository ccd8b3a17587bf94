-- The storage domain (docs/storage.md): accounts, volumes, snapshots, volume
-- access groups, initiators and QoS policies. The columns are what queries
-- filter, sort or enforce on; doc holds the rest of the row as JSON
-- (V2). IDs come from the counters table. A reset deletes every row.
CREATE TABLE storage_accounts (
	id       INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	doc      TEXT NOT NULL
);

CREATE TABLE storage_volumes (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL,
	status     TEXT NOT NULL CHECK (status IN ('active', 'deleted')),
	name       TEXT NOT NULL,
	total_size INTEGER NOT NULL,
	purge_at   TEXT NOT NULL DEFAULT '',   -- fixed-width UTC; '' unless deleted
	doc        TEXT NOT NULL
);
CREATE INDEX storage_volumes_account ON storage_volumes (account_id, id);
CREATE INDEX storage_volumes_purge ON storage_volumes (purge_at) WHERE status = 'deleted';

CREATE TABLE storage_snapshots (
	id         INTEGER PRIMARY KEY,
	volume_id  INTEGER NOT NULL,
	expires_at TEXT NOT NULL DEFAULT '',   -- fixed-width UTC; '' = never
	doc        TEXT NOT NULL
);
CREATE INDEX storage_snapshots_volume ON storage_snapshots (volume_id, id);
CREATE INDEX storage_snapshots_expiry ON storage_snapshots (expires_at) WHERE expires_at != '';

CREATE TABLE storage_access_groups (
	id  INTEGER PRIMARY KEY,
	doc TEXT NOT NULL
);

CREATE TABLE storage_initiators (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	doc  TEXT NOT NULL
);

CREATE TABLE storage_qos_policies (
	id  INTEGER PRIMARY KEY,
	doc TEXT NOT NULL
);
