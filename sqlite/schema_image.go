package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// schemaImage is the file of a new database once every migration has run:
// made at its first use, by running the migrations in memory and
// serializing the result, and then written as the first content of every
// new database file this process opens. A lab starts 30 clusters, each on
// a new file; the migrations' DDL (with ALTER TABLEs that make SQLite parse
// the schema again) cost about 6 ms of CPU a database, and an image costs
// one file write. It is a value computed from the embedded migrations only,
// the same for every caller, like a compiled pattern: no state.
var schemaImage = sync.OnceValues(buildSchemaImage)

func buildSchemaImage() ([]byte, error) {
	ctx := context.Background()
	// A private in-memory database (no shared cache name), one connection.
	db, err := sql.Open("sqlite3", "file::memory:?_foreign_keys=on&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if err := migrate(ctx, conn); err != nil {
		return nil, err
	}
	var image []byte
	err = conn.Raw(func(d any) error {
		c, ok := d.(*sqlite3.SQLiteConn)
		if !ok {
			return errors.New("not a mattn/go-sqlite3 connection")
		}
		image, err = c.Serialize("main")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("schema image: %w", err)
	}
	return image, nil
}

// writeSchemaImage gives the new database file at path the schema image,
// through a temporary file renamed into place, so that a crash leaves
// either no file (a new database again at the next start) or the whole
// image, never half of one. Open switches it to WAL and finds every
// migration applied.
func writeSchemaImage(path string) error {
	image, err := schemaImage()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".new-db-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(image)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
