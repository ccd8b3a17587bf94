-- Alibaba Cloud KMS (docs/alibaba-kms.md, persistence): keys, their
-- versions (material sealed by the store), aliases and tags. Data keys are
-- never stored. A reset deletes every row.
CREATE TABLE alikms_keys (
	key_id                   TEXT PRIMARY KEY,
	description              TEXT NOT NULL,
	key_spec                 TEXT NOT NULL,
	state                    TEXT NOT NULL CHECK (state IN ('Enabled', 'Disabled', 'PendingDeletion')),
	protection_level         TEXT NOT NULL,
	created                  TEXT NOT NULL,
	delete_date              TEXT,           -- set in PendingDeletion
	primary_version          TEXT NOT NULL,
	rotation_interval_s      INTEGER NOT NULL DEFAULT 0,
	auto_rotation            INTEGER NOT NULL CHECK (auto_rotation IN (0, 1)),
	last_rotation            TEXT,
	next_rotation            TEXT,           -- set while automatic rotation is on
	deletion_protection      INTEGER NOT NULL CHECK (deletion_protection IN (0, 1)),
	deletion_protection_desc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alikms_keys_delete_date ON alikms_keys (delete_date) WHERE delete_date IS NOT NULL;
CREATE INDEX alikms_keys_next_rotation ON alikms_keys (next_rotation) WHERE next_rotation IS NOT NULL;

CREATE TABLE alikms_key_versions (
	version_id      TEXT PRIMARY KEY,
	key_id          TEXT NOT NULL REFERENCES alikms_keys (key_id) ON DELETE CASCADE,
	material_sealed BLOB NOT NULL,
	created         TEXT NOT NULL
);
CREATE INDEX alikms_key_versions_key ON alikms_key_versions (key_id);

CREATE TABLE alikms_aliases (
	alias_name TEXT PRIMARY KEY,
	key_id     TEXT NOT NULL REFERENCES alikms_keys (key_id) ON DELETE CASCADE,
	created    TEXT NOT NULL
);
CREATE INDEX alikms_aliases_key ON alikms_aliases (key_id);

CREATE TABLE alikms_tags (
	key_id    TEXT NOT NULL REFERENCES alikms_keys (key_id) ON DELETE CASCADE,
	tag_key   TEXT NOT NULL,
	tag_value TEXT NOT NULL,
	PRIMARY KEY (key_id, tag_key)
);
