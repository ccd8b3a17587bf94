-- Settlement looks up failed drives on every request.
CREATE INDEX drives_status ON drives (status) WHERE removed = 0;
