// Package sqlitetest opens migrated throwaway databases for other packages' tests.
package sqlitetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/stretchr/testify/require"
)

// KEK returns the fixed key encryption key of test databases.
func KEK() []byte { return []byte("0123456789abcdef0123456789abcdef") }

// Open returns a migrated database in a temporary file, closed at cleanup.
func Open(tb testing.TB) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "emu.db"), KEK())
	require.NoError(tb, err)
	tb.Cleanup(func() { require.NoError(tb, s.Close()) })
	return s
}
