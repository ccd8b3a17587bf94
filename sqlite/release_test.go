package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

// ReleaseMemory drops the idle writer connection only: what was written
// stays, and the next write and read open what they need. An in-memory
// database keeps its one connection, and with it its data.
func TestReleaseMemory(t *testing.T) {
	ctx := context.Background()
	for _, dsn := range []string{filepath.Join(t.TempDir(), "r.db"), "memory:release"} {
		s, err := sqlite.Open(ctx, dsn, sqlitetest.KEK())
		require.NoError(t, err)
		require.NoError(t, s.SetMeta(ctx, "a", "1"))
		require.NoError(t, s.ReleaseMemory(ctx))
		v, err := s.Meta(ctx, "a")
		require.NoError(t, err)
		require.Equal(t, "1", v, dsn)
		require.NoError(t, s.SetMeta(ctx, "b", "2"))
		require.NoError(t, s.ReleaseMemory(ctx))
		v, err = s.Meta(ctx, "b")
		require.NoError(t, err)
		require.Equal(t, "2", v, dsn)
		require.NoError(t, s.Close())
	}
}
