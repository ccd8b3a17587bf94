-- The storage domain, continued (docs/storage.md): cluster-wide settings
-- (the cluster full threshold's knobs and the enabled features, key
-- "feature.<name>") and snapshot schedules, whose next_run ('' = never) is
-- what the settlement looks for. A reset deletes every row.
CREATE TABLE storage_settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE storage_schedules (
	id       INTEGER PRIMARY KEY,
	next_run TEXT NOT NULL DEFAULT '',
	doc      TEXT NOT NULL
);
CREATE INDEX storage_schedules_due ON storage_schedules (next_run) WHERE next_run != '';
