-- Drive and slice-service health timers (hardware EAR recovery;
-- docs/element-api.md, Drives and Faults).
ALTER TABLE drives ADD COLUMN failed_at TEXT NOT NULL DEFAULT '';      -- when a lock failure failed it
ALTER TABLE drives ADD COLUMN lock_failed INTEGER NOT NULL DEFAULT 0;  -- failed because it stayed locked
ALTER TABLE drives ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;      -- failed drive removed (D28): hidden
ALTER TABLE nodes ADD COLUMN slice_unhealthy_since TEXT NOT NULL DEFAULT '';
ALTER TABLE nodes ADD COLUMN slice_recover_at TEXT NOT NULL DEFAULT '';
CREATE INDEX drives_node ON drives (node_id, slot);
