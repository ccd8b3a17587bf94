package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

// BenchmarkOpenNew opens a new database file (schema and WAL switch) and
// closes it: what each start of an emulator or a lab cluster on a new data
// directory pays for its store.
func BenchmarkOpenNew(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		s, err := sqlite.Open(ctx, filepath.Join(dir, fmt.Sprintf("n%d.db", i)), sqlitetest.KEK())
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
