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
// either the old state or the new one. The snapshot is checked first on a
// private in-memory copy (its key, SQLite's integrity check, the pending
// migrations applied), so a snapshot that fails leaves the live database
// untouched. In-memory caches built on the old state are the caller's to
// drop.
func (s *Store) Restore(ctx context.Context, path string) error {
	stage, err := s.stageSnapshot(ctx, path)
	if err != nil {
		return err
	}
	defer stage.Close()
	if err := copyDB(ctx, s.db, stage); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}

// stageSnapshot checks the snapshot at path and returns it as a private
// in-memory database, migrated: everything Restore does before it touches
// the live database.
func (s *Store) stageSnapshot(ctx context.Context, path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	src, err := sql.Open("sqlite3", fileURI(path, "mode=ro"))
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	defer src.Close()
	src.SetMaxOpenConns(1)
	name := filepath.Base(path)
	var id []byte
	if err := src.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'kek_id'`).Scan(&id); err != nil {
		return nil, fmt.Errorf("restore %s: %w (%v)", name, ErrNotSnapshot, err)
	}
	if string(id) != string(s.kekID) {
		return nil, fmt.Errorf("restore %s: %w", name, ErrWrongKEK)
	}
	suffix := make([]byte, 6)
	if _, err := rand.Read(suffix); err != nil {
		return nil, err
	}
	stage, err := sql.Open("sqlite3", "file:restore-"+hex.EncodeToString(suffix)+"?mode=memory&_foreign_keys=on")
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	stage.SetMaxOpenConns(1)
	fail := func(format string, args ...any) (*sql.DB, error) {
		stage.Close()
		return nil, fmt.Errorf("restore %s: %w ("+format+")", append([]any{name, ErrNotSnapshot}, args...)...)
	}
	if err := copyDB(ctx, stage, src); err != nil {
		return fail("%v", err)
	}
	var check string
	if err := stage.QueryRowContext(ctx, `PRAGMA integrity_check(1)`).Scan(&check); err != nil || check != "ok" {
		return fail("integrity check: %s %v", check, err)
	}
	if err := (&Store{db: stage, rdb: stage, aead: s.aead, kekID: s.kekID}).migrate(ctx); err != nil {
		return fail("%v", err)
	}
	return stage, nil
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
