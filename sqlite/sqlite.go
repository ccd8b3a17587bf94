// Package sqlite stores every piece of emulator state in one SQLite database
// (mattn/go-sqlite3, WAL mode): the Element cluster (it implements
// cluster.Store) and the embedded KMIP server's objects (kmip.Store).
// Secret columns (private keys, key material) are sealed with the key
// encryption key given to Open, AES-256-GCM with the row as associated data.
//
// Only this package knows SQL.
package sqlite

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver

	"github.com/element-emulator/element-emulator/cluster"
)

//go:embed migration/*.sql
var migrations embed.FS

// ErrWrongKEK is returned by Open when the database was sealed with another key.
var ErrWrongKEK = errors.New("wrong master key: the database was sealed with a different key encryption key")

// Store is the SQLite-backed state of one emulator.
type Store struct {
	db    *sql.DB // writers: BEGIN IMMEDIATE
	rdb   *sql.DB // readers: BEGIN DEFERRED (the same handle as db in memory)
	aead  cipher.AEAD
	kekID []byte

	stageMu sync.Mutex
	stage   *sql.DB // where Restore checks a snapshot (in memory), opened at the first Restore
}

// Open opens (creating if needed) the database at dsn, applies pending
// migrations and checks the key encryption key (32 bytes). A dsn is a path,
// a "file:" URI, or "memory:<name>" for an in-memory database that is
// never written to disk (one connection, so it is private to this Store).
func Open(ctx context.Context, dsn string, kek []byte) (*Store, error) {
	if len(kek) != 32 {
		return nil, fmt.Errorf("key encryption key must be 32 bytes, got %d", len(kek))
	}
	memory := strings.HasPrefix(dsn, "memory:")
	// _stmt_cache_size keeps each connection's prepared statements for
	// their next use: the store runs a few dozen distinct statements, and
	// preparing one cost about as much as running it.
	var uri string
	switch {
	case memory:
		uri = "file:" + strings.TrimPrefix(dsn, "memory:") + "?mode=memory&_foreign_keys=on&_txlock=immediate&_stmt_cache_size=64"
	case strings.HasPrefix(dsn, "file:"):
		uri = dsn
	default:
		uri = "file:" + dsn + "?_foreign_keys=on&_txlock=immediate&_busy_timeout=10000&_journal_mode=WAL&_synchronous=NORMAL&_stmt_cache_size=64"
	}
	// A new file is switched to WAL by hand (toWAL), not by the DSN.
	fresh := !memory && !strings.HasPrefix(dsn, "file:") && isNewFile(dsn)
	wuri := uri
	if fresh {
		wuri = strings.Replace(uri, "&_journal_mode=WAL", "", 1)
		// The new file starts as the migrated schema (schema_image.go);
		// migrate then finds nothing pending.
		if err := writeSchemaImage(dsn); err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
	}
	db, err := sql.Open("sqlite3", wuri)
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	if fresh {
		if err := toWAL(ctx, db); err != nil {
			db.Close()
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
	}
	rdb := db
	if memory {
		db.SetMaxOpenConns(1)
	} else {
		// One writer connection: writers queue in Go, in order, instead of
		// polling the lock in SQLite's busy handler, whose sleeps (1 to
		// 100 ms a try) starve writers under load.
		db.SetMaxOpenConns(1)
		ruri := strings.Replace(uri, "_txlock=immediate", "_txlock=deferred", 1)
		if rdb, err = sql.Open("sqlite3", ruri); err != nil {
			db.Close()
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		rdb.SetMaxOpenConns(4)
	}
	closeAll := func() {
		db.Close()
		if rdb != db {
			rdb.Close()
		}
	}
	block, err := aes.NewCipher(kek)
	if err != nil {
		closeAll()
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		closeAll()
		return nil, err
	}
	sum := sha256.Sum256(kek)
	s := &Store{db: db, rdb: rdb, aead: aead, kekID: sum[:8]}
	if err := s.migrate(ctx); err != nil {
		closeAll()
		return nil, err
	}
	if err := s.checkKEK(ctx); err != nil {
		closeAll()
		return nil, err
	}
	return s, nil
}

// ReleaseMemory closes the idle writer connection of a database file, with
// the pages and prepared statements it cached: the next write opens another,
// which caches only what it uses. A lab calls it once a cluster has started,
// so that 30 idle clusters do not each keep their start-up's working set.
// The reader pool's connection is opened first, so the writer's is not the
// last one and its close does not checkpoint the write-ahead log. An
// in-memory database lives in its one connection, which stays.
func (s *Store) ReleaseMemory(ctx context.Context) error {
	if s.rdb == s.db {
		return nil
	}
	if err := s.rdb.PingContext(ctx); err != nil {
		return err
	}
	s.db.SetMaxIdleConns(0)
	s.db.SetMaxIdleConns(1)
	return nil
}

// isNewFile reports whether path does not exist yet or is empty.
func isNewFile(path string) bool {
	fi, err := os.Stat(path)
	return errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Size() == 0)
}

// toWAL switches a new, empty database file to WAL mode with synchronous
// off for that one step. The DSN's _journal_mode=WAL would do it before its
// _synchronous=NORMAL applies, under the default synchronous=FULL: a
// rollback-journal transaction with four fsyncs (journal, directory,
// journal, database), 10 ms on a quiet disk and up to hundreds under load,
// to write one header page of a file that holds nothing yet. Everything
// after it is written in WAL mode with synchronous=NORMAL, as before.
func toWAL(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA synchronous = OFF`); err != nil {
		return err
	}
	var mode string
	if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode); err != nil {
		return err
	}
	if mode != "wal" {
		return fmt.Errorf("journal mode %q, want wal", mode)
	}
	_, err = conn.ExecContext(ctx, `PRAGMA synchronous = NORMAL`)
	return err
}

// Close closes the database.
func (s *Store) Close() error {
	s.stageMu.Lock()
	if s.stage != nil {
		s.stage.Close()
	}
	s.stageMu.Unlock()
	if s.rdb != s.db {
		s.rdb.Close()
	}
	return s.db.Close()
}

// DB exposes the handle for online backups and diagnostics in tests.
func (s *Store) DB() *sql.DB { return s.db }

func (s *Store) migrate(ctx context.Context) error { return migrate(ctx, s.db) }

// sqlHandle is what migrate needs: the Store's *sql.DB, or the one
// *sql.Conn of a snapshot being checked.
type sqlHandle interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// migrate applies the pending migrations to db.
func migrate(ctx context.Context, db sqlHandle) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(migrations, "migration/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	applied := map[string]bool{}
	rows, err := db.QueryContext(ctx, `SELECT name FROM schema_migrations`)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for rows.Next() {
		var name []byte // NULL reads as nil
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return fmt.Errorf("migrate: %w", err)
		}
		applied[string(name)] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	// All pending migrations run in one transaction: a new database's
	// schema is one commit instead of one per file (start-up of a lab
	// creates one database per cluster), and a failed migration leaves the
	// database as it was.
	var tx *sql.Tx
	for _, name := range names {
		if applied[name] {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			if tx != nil {
				tx.Rollback()
			}
			return err
		}
		if tx == nil {
			if tx, err = db.BeginTx(ctx, nil); err != nil {
				return fmt.Errorf("migrate %s: %w", name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name) VALUES (?)`, name); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	return fillKeyServerExpiry(ctx, db)
}

// fillKeyServerExpiry derives the certificate expiry columns of key servers
// stored before they existed (a database or snapshot from an older version).
func fillKeyServerExpiry(ctx context.Context, db sqlHandle) error {
	rows, err := db.QueryContext(ctx, `SELECT id, ca_pem, client_cert_pem FROM key_servers
		WHERE (ca_expires = '' AND ca_pem != '') OR (cert_expires = '' AND client_cert_pem != '')`)
	if err != nil {
		return fmt.Errorf("migrate key server expiry: %w", err)
	}
	type fill struct {
		id         int64
		ca, client string
	}
	var todo []fill
	for rows.Next() {
		var f fill
		if err := rows.Scan(&f.id, &f.ca, &f.client); err != nil {
			rows.Close()
			return err
		}
		todo = append(todo, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, f := range todo {
		if _, err := db.ExecContext(ctx, `UPDATE key_servers SET ca_expires = ?, cert_expires = ? WHERE id = ?`,
			fmtTime(cluster.CertExpiry(f.ca)), fmtTime(cluster.CertExpiry(f.client)), f.id); err != nil {
			return fmt.Errorf("migrate key server expiry: %w", err)
		}
	}
	return nil
}

func (s *Store) checkKEK(ctx context.Context) error {
	var id []byte
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'kek_id'`).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = s.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('kek_id', ?)`, s.kekID)
		return err
	case err != nil:
		return err
	}
	if string(id) != string(s.kekID) {
		return ErrWrongKEK
	}
	return nil
}

// sealVersion is the first byte of every sealed value.
const sealVersion = 0x01

// Seal encrypts plaintext for the given row-bound associated data
// ("<table>/<primary key>/<column>"). nil stays nil.
func (s *Store) Seal(aad string, plaintext []byte) ([]byte, error) {
	if plaintext == nil {
		return nil, nil
	}
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	out := append([]byte{sealVersion}, s.kekID...)
	out = append(out, nonce...)
	return s.aead.Seal(out, nonce, plaintext, []byte(aad)), nil
}

// Unseal reverses Seal. nil stays nil.
func (s *Store) Unseal(aad string, sealed []byte) ([]byte, error) {
	if sealed == nil {
		return nil, nil
	}
	hdr := 1 + len(s.kekID) + s.aead.NonceSize()
	if len(sealed) < hdr || sealed[0] != sealVersion {
		return nil, errors.New("sealed value: bad format")
	}
	if string(sealed[1:1+len(s.kekID)]) != string(s.kekID) {
		return nil, ErrWrongKEK
	}
	nonce := sealed[1+len(s.kekID) : hdr]
	pt, err := s.aead.Open(nil, nonce, sealed[hdr:], []byte(aad))
	if err != nil {
		return nil, fmt.Errorf("sealed value %s: %w", aad, err)
	}
	return pt, nil
}

// inTx runs fn in one transaction (BEGIN IMMEDIATE for writers, so the single
// writer is serialized by SQLite itself), committing when fn returns nil.
func (s *Store) inTx(ctx context.Context, readOnly bool, fn func(*sql.Tx) error) (err error) {
	db := s.db
	if readOnly {
		db = s.rdb
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if readOnly {
		return tx.Rollback()
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
