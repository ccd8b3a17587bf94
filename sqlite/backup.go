package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
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
	if err := copyDB(ctx, dst, s.rdb); err != nil {
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
// either the old state or the new one. Migrations the snapshot lacks are
// applied afterwards. In-memory caches built on the old state are the
// caller's to drop.
func (s *Store) Restore(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	src, err := sql.Open("sqlite3", fileURI(path, "mode=ro"))
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer src.Close()
	src.SetMaxOpenConns(1)
	var id []byte
	if err := src.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'kek_id'`).Scan(&id); err != nil {
		return fmt.Errorf("restore %s: %w (%v)", filepath.Base(path), ErrNotSnapshot, err)
	}
	if string(id) != string(s.kekID) {
		return fmt.Errorf("restore %s: %w", filepath.Base(path), ErrWrongKEK)
	}
	if err := copyDB(ctx, s.db, src); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return s.migrate(ctx)
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
func copyDB(ctx context.Context, dst, src *sql.DB) error {
	dc, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer dc.Close()
	sc, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer sc.Close()
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
