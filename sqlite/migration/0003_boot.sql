-- When the next boot-time key retrieval is due ('' = none pending).
ALTER TABLE cluster ADD COLUMN boot_due TEXT NOT NULL DEFAULT '';
