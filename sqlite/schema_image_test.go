package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

// A new database file starts from the schema image; an in-memory database
// runs the migrations. Both must end with the same schema, the same
// applied migrations and the same file settings, and the file must be in
// WAL mode and pass an integrity check.
func TestSchemaImageMatchesMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	file, err := sqlite.Open(ctx, path, sqlitetest.KEK())
	require.NoError(t, err)
	defer file.Close()
	mem, err := sqlite.Open(ctx, "memory:schema-image-test", sqlitetest.KEK())
	require.NoError(t, err)
	defer mem.Close()

	dump := func(db *sql.DB) []string {
		var out []string
		for _, q := range []string{
			`SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name`,
			`SELECT name FROM schema_migrations ORDER BY name`,
			`PRAGMA user_version`, `PRAGMA page_size`, `PRAGMA auto_vacuum`, `PRAGMA encoding`,
		} {
			rows, err := db.QueryContext(ctx, q)
			require.NoError(t, err, q)
			for rows.Next() {
				var s string
				require.NoError(t, rows.Scan(&s))
				out = append(out, s)
			}
			require.NoError(t, rows.Close())
		}
		return out
	}
	fromImage, migrated := dump(file.DB()), dump(mem.DB())
	require.Greater(t, len(migrated), 40)
	require.Equal(t, migrated, fromImage)

	var mode, check string
	require.NoError(t, file.DB().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode))
	require.Equal(t, "wal", mode)
	require.NoError(t, file.DB().QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check))
	require.Equal(t, "ok", check)

	// No temporary file is left beside the database.
	left, err := filepath.Glob(filepath.Join(filepath.Dir(path), ".new-db-*"))
	require.NoError(t, err)
	require.Empty(t, left)
}
