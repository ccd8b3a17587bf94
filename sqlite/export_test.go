package sqlite

import (
	"context"
	"database/sql"
)

// CheckSnapshot runs every check Restore makes on a snapshot file's bytes
// (name as in the file's path; image may be changed) without touching the
// live database (FuzzRestoreSnapshot's fast path).
func (s *Store) CheckSnapshot(ctx context.Context, name string, image []byte) error {
	return s.withSnapshot(ctx, name, image, func(*sql.Conn) error { return nil })
}
