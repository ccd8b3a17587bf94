package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

func TestBackupRestore(t *testing.T) {
	for _, tt := range []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"FileWAL", func(t *testing.T) string { return filepath.Join(t.TempDir(), "emu.db") }},
		{"Memory", func(t *testing.T) string { return "memory:backup-test-" + t.Name() }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s, err := sqlite.Open(ctx, tt.dsn(t), sqlitetest.KEK())
			require.NoError(t, err)
			t.Cleanup(func() { require.NoError(t, s.Close()) })

			require.NoError(t, s.SetMeta(ctx, "probe", "before"))
			snap := filepath.Join(t.TempDir(), "one.db")
			require.NoError(t, s.Backup(ctx, snap))
			fi, err := os.Stat(snap)
			require.NoError(t, err)
			require.Positive(t, fi.Size())
			left, err := filepath.Glob(filepath.Join(filepath.Dir(snap), ".*tmp*"))
			require.NoError(t, err)
			require.Empty(t, left, "the temporary copy is renamed or removed")

			require.NoError(t, s.SetMeta(ctx, "probe", "after"))
			require.NoError(t, s.SetMeta(ctx, "extra", "x"))
			require.NoError(t, s.Restore(ctx, snap))

			v, err := s.Meta(ctx, "probe") // through the reader pool
			require.NoError(t, err)
			require.Equal(t, "before", v)
			v, err = s.Meta(ctx, "extra")
			require.NoError(t, err)
			require.Empty(t, v)

			// The live database still takes writes, and a second backup of
			// the restored state is again restorable.
			require.NoError(t, s.SetMeta(ctx, "probe", "again"))
			require.NoError(t, s.Backup(ctx, snap))
			require.NoError(t, s.SetMeta(ctx, "probe", "later"))
			require.NoError(t, s.Restore(ctx, snap))
			v, err = s.Meta(ctx, "probe")
			require.NoError(t, err)
			require.Equal(t, "again", v)
		})
	}
}

func TestRestoreRejects(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := sqlitetest.Open(t)
	require.NoError(t, s.SetMeta(ctx, "probe", "live"))

	other, err := sqlite.Open(ctx, filepath.Join(dir, "other.db"), []byte("fedcba9876543210fedcba9876543210"))
	require.NoError(t, err)
	foreign := filepath.Join(dir, "foreign.db")
	require.NoError(t, other.Backup(ctx, foreign))
	require.NoError(t, other.Close())

	garbage := filepath.Join(dir, "garbage.db")
	require.NoError(t, os.WriteFile(garbage, []byte("not a database at all, just some bytes"), 0o600))

	for _, tt := range []struct {
		name    string
		path    string
		wantErr error
	}{
		{"ErrMissing", filepath.Join(dir, "nope.db"), os.ErrNotExist},
		{"ErrWrongKEK", foreign, sqlite.ErrWrongKEK},
		{"ErrNotSnapshot", garbage, sqlite.ErrNotSnapshot},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.ErrorIs(t, s.Restore(ctx, tt.path), tt.wantErr)
			v, err := s.Meta(ctx, "probe")
			require.NoError(t, err)
			require.Equal(t, "live", v, "a rejected restore leaves the state untouched")
		})
	}
}

// TestRestoreRefusesCorruptSnapshot: a snapshot with the right key whose
// pages are damaged is refused, and the live database is left as it was
// (it used to be copied over the live one before the checks that failed).
func TestRestoreRefusesCorruptSnapshot(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := sqlitetest.Open(t)
	require.NoError(t, s.SetMeta(ctx, "probe", "live"))
	snap := filepath.Join(dir, "snap.db")
	require.NoError(t, s.Backup(ctx, snap))
	b, err := os.ReadFile(snap)
	require.NoError(t, err)
	for _, page := range []int{2, 3, 5, 8} {
		t.Run(fmt.Sprintf("page%d", page), func(t *testing.T) {
			bad := bytes.Clone(b)
			for i := (page - 1) * 4096; i < page*4096 && i < len(bad); i++ {
				bad[i] = 0xff
			}
			p := filepath.Join(dir, fmt.Sprintf("bad%d.db", page))
			require.NoError(t, os.WriteFile(p, bad, 0o600))
			err := s.Restore(ctx, p)
			if err == nil {
				return // a page no table uses
			}
			require.ErrorIs(t, err, sqlite.ErrNotSnapshot)
			v, err := s.Meta(ctx, "probe")
			require.NoError(t, err)
			require.Equal(t, "live", v, "a refused restore leaves the state untouched")
		})
	}
}

// TestRestoreMigratesAnOlderSnapshot: a snapshot taken before the last
// migration (compacted, so the migration needs new pages: the checked
// image in memory cannot grow) is migrated on its way in.
func TestRestoreMigratesAnOlderSnapshot(t *testing.T) {
	ctx := context.Background()
	s := sqlitetest.Open(t)
	require.NoError(t, s.SetMeta(ctx, "probe", "old"))
	snap := filepath.Join(t.TempDir(), "old.db")
	require.NoError(t, s.Backup(ctx, snap))
	db, err := sql.Open("sqlite3", "file:"+snap)
	require.NoError(t, err)
	db.SetMaxOpenConns(1)
	_, err = db.Exec(`DROP TABLE kacls_wrapping_keys; DROP TABLE kacls_signing_keys;
		DELETE FROM schema_migrations WHERE name = 'migration/0200_kacls.sql'; PRAGMA journal_mode=DELETE; VACUUM`)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	require.NoError(t, s.SetMeta(ctx, "probe", "new"))
	require.NoError(t, s.Restore(ctx, snap))
	v, err := s.Meta(ctx, "probe")
	require.NoError(t, err)
	require.Equal(t, "old", v)
	var n int
	require.NoError(t, s.DB().QueryRow(`SELECT COUNT(*) FROM schema_migrations WHERE name = 'migration/0200_kacls.sql'`).Scan(&n))
	require.Equal(t, 1, n)
	require.NoError(t, s.DB().QueryRow(`SELECT COUNT(*) FROM kacls_signing_keys`).Scan(&n))
	require.Zero(t, n)
}
