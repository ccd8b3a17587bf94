-- The earliest NotAfter of each key server's CA and client certificates
-- (RFC 3339, '' = none readable), kept with the row so the certificate
-- condition and its timers never parse PEM. Rows from before this migration
-- are filled in by Store.migrate.
ALTER TABLE key_servers ADD COLUMN ca_expires TEXT NOT NULL DEFAULT '';
ALTER TABLE key_servers ADD COLUMN cert_expires TEXT NOT NULL DEFAULT '';
