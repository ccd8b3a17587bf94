package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// ErrNotSnapshot is returned by Restore for a file that is not a database
// written by Backup (not SQLite, or no emulator meta table).
var ErrNotSnapshot = errors.New("not an emulator snapshot")

// Backup writes a consistent copy of the whole database to path through
// SQLite's online backup API. The copy is written next to path and renamed
// into place, so path is either the old file or the complete new one.
// Sealed columns stay sealed: the copy needs the same key encryption key.
func (s *Store) Backup(ctx context.Context, path string) error {
	suffix := make([]byte, 6)
	if _, err := rand.Read(suffix); err != nil {
		return err
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-"+hex.EncodeToString(suffix))
	defer os.Remove(tmp)
	dst, err := sql.Open("sqlite3", fileURI(tmp, ""))
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer dst.Close()
	dst.SetMaxOpenConns(1)
	// The reader pool sees the last committed state; in memory it is the
	// writer's single connection, so the copy waits for a running write.
	dc, err := dst.Conn(ctx)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer dc.Close()
	sc, err := s.rdb.Conn(ctx)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer sc.Close()
	if err := copyDB(ctx, dc, sc); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := dc.Close(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := dst.Close(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// Restore replaces the whole live database with the snapshot at path (a
// file written by Backup with the same key encryption key), through the
// online backup API on the single writer: other writers wait, readers see
// either the old state or the new one. The snapshot is checked first on a
// private in-memory copy (its key, SQLite's integrity check, the pending
// migrations applied), so a snapshot that fails leaves the live database
// untouched. In-memory caches built on the old state are the caller's to
// drop.
func (s *Store) Restore(ctx context.Context, path string) error {
	image, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return s.withSnapshot(ctx, filepath.Base(path), image, func(stage *sql.Conn) error {
		live, err := s.db.Conn(ctx)
		if err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		defer live.Close()
		if err := copyDB(ctx, live, stage); err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		return nil
	})
}

// withSnapshot checks the snapshot image (the bytes of the file name,
// which it may change: the caller's no more) and calls fn with a private in-memory connection holding it, migrated:
// everything Restore does before it touches the live database.
//
// The image is loaded with sqlite3_deserialize into the Store's staging
// connection, opened at the first restore and kept (with the last image,
// until the next restore or a minute idle): no file is opened and no page
// copied to check it. A deserialized database cannot grow, so a
// snapshot whose migrations need more pages is copied into a new in-memory
// database and migrated there. Restores take turns on the staging
// connection (decisions.md R1).
func (s *Store) withSnapshot(ctx context.Context, name string, image []byte, fn func(stage *sql.Conn) error) error {
	pool, err := s.stagingPool()
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	fail := func(format string, args ...any) error {
		return fmt.Errorf("restore %s: %w ("+format+")", append([]any{name, ErrNotSnapshot}, args...)...)
	}
	var stage *sql.Conn
	for try := 0; ; try++ {
		if stage, err = pool.Conn(ctx); err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		defer stage.Close()
		err = deserialize(stage, image)
		if err == nil {
			break
		}
		if try == 1 || !errors.Is(err, driver.ErrBadConn) {
			return fail("%v", err)
		}
		// The connection was dropped: try once on a new one.
	}
	var id []byte
	if err := stage.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'kek_id'`).Scan(&id); err != nil {
		return fail("%v", err)
	}
	if string(id) != string(s.kekID) {
		return fmt.Errorf("restore %s: %w", name, ErrWrongKEK)
	}
	var check string
	if err := stage.QueryRowContext(ctx, `PRAGMA integrity_check(1)`).Scan(&check); err != nil || check != "ok" {
		return fail("integrity check: %s %v", check, err)
	}
	err = migrate(ctx, stage)
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrFull {
		// The migrations need room: go on in a database that can grow.
		return s.withGrownSnapshot(ctx, stage, fail, fn)
	}
	if err != nil {
		return fail("%v", err)
	}
	return fn(stage)
}

// withGrownSnapshot copies the deserialized snapshot on small into a new
// in-memory database, finishes its migrations there and calls fn with it.
func (s *Store) withGrownSnapshot(ctx context.Context, small *sql.Conn, fail func(string, ...any) error, fn func(*sql.Conn) error) error {
	suffix := make([]byte, 6)
	if _, err := rand.Read(suffix); err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", "file:restore-"+hex.EncodeToString(suffix)+"?mode=memory&_foreign_keys=on")
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	grown, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer grown.Close()
	if err := copyDB(ctx, grown, small); err != nil {
		return fail("%v", err)
	}
	if err := migrate(ctx, grown); err != nil {
		return fail("%v", err)
	}
	return fn(grown)
}

// stagingPool returns the in-memory database, one connection, where
// snapshots are checked; it is opened at the first call.
func (s *Store) stagingPool() (*sql.DB, error) {
	s.stageMu.Lock()
	defer s.stageMu.Unlock()
	if s.stage != nil {
		return s.stage, nil
	}
	suffix := make([]byte, 6)
	if _, err := rand.Read(suffix); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", "file:restore-"+hex.EncodeToString(suffix)+"?mode=memory&_foreign_keys=on")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxIdleTime(time.Minute) // frees the last snapshot's image
	s.stage = db
	return db, nil
}

// deserialize replaces the main database of c with a copy of image; when
// SQLite refuses, c is dropped from its pool (the error is
// driver.ErrBadConn). A snapshot's header says WAL (Backup copies the live
// database's page 1); an image in memory has no WAL, so its header is
// changed in place to read as a rollback-journal database's, as SQLite
// reads such a file opened without its WAL.
func deserialize(c *sql.Conn, image []byte) error {
	if len(image) > 19 {
		for _, i := range []int{18, 19} {
			if image[i] == 2 {
				image[i] = 1
			}
		}
	}
	return c.Raw(func(d any) error {
		conn, ok := d.(*sqlite3.SQLiteConn)
		if !ok {
			return errors.New("not a mattn/go-sqlite3 connection")
		}
		if err := conn.Deserialize(image, "main"); err != nil {
			// SQLite reads the schema the connection holds first, and
			// fails from then on if that is damaged: drop it.
			return fmt.Errorf("%w (%v)", driver.ErrBadConn, err)
		}
		return nil
	})
}

// fileURI is a "file:" URI for path with extra query parameters (as Open
// builds them).
func fileURI(path, query string) string {
	if query == "" {
		return "file:" + path
	}
	return "file:" + path + "?" + query
}

// copyDB copies every page of src's main database into dst's, in one step
// (so the copy is one consistent read of src), retrying while either side
// is locked until ctx ends.
func copyDB(ctx context.Context, dc, sc *sql.Conn) error {
	return dc.Raw(func(d any) error {
		return sc.Raw(func(s any) error {
			dconn, ok1 := d.(*sqlite3.SQLiteConn)
			sconn, ok2 := s.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("not a mattn/go-sqlite3 connection")
			}
			b, err := dconn.Backup("main", sconn, "main")
			if err != nil {
				return err
			}
			for {
				done, err := b.Step(-1)
				if err != nil {
					b.Close()
					return err
				}
				if done {
					return b.Finish()
				}
				// SQLITE_BUSY or SQLITE_LOCKED after the busy timeout: try
				// again unless the caller gave up.
				select {
				case <-ctx.Done():
					b.Close()
					return ctx.Err()
				case <-time.After(5 * time.Millisecond):
				}
			}
		})
	})
}
