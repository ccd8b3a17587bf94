-- Key/value facts about the database itself (key encryption key id, clock).
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value BLOB
);
