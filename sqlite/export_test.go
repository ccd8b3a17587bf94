package sqlite

import "context"

// CheckSnapshot runs every check Restore makes on the snapshot at path
// without touching the live database (FuzzRestoreSnapshot's fast path).
func (s *Store) CheckSnapshot(ctx context.Context, path string) error {
	stage, err := s.stageSnapshot(ctx, path)
	if err != nil {
		return err
	}
	return stage.Close()
}
