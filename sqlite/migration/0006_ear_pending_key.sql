-- The keyID of the authentication key that enabling hardware EAR will obtain,
-- chosen when EnableEncryptionAtRest is accepted ('' = none pending), so a
-- retry after an interruption asks for, and adopts, the same key.
ALTER TABLE cluster ADD COLUMN ear_pending_key_id TEXT NOT NULL DEFAULT '';
