-- Cluster admins added with AddClusterAdmin (docs/admins.md): doc is the
-- admin as JSON, its password only as a salted hash. Cluster-wide values
-- of the admin surface (the login session timeout) and the network
-- settings (NTP, SNMP, LDAP) are rows of cluster_settings. A reset deletes
-- every row; emulator snapshots carry them with the database.
CREATE TABLE cluster_admins (
	id       INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	doc      TEXT NOT NULL
);

CREATE TABLE cluster_settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
