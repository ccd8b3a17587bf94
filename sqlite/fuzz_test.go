package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/kmip"
	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

// FuzzRestoreSnapshot feeds snapshot files to Store.Restore, the step of
// POST /_emulator/restore and of reset after a fixture that reads a file
// from the snapshot directory. The seed is a snapshot written by Backup
// (vacuumed, so it is small). In edit mode (mode bit 0) the input is a list
// of 5-byte edits (offset, byte; the first 64) applied to that snapshot:
// the fuzzer mutates a few bytes instead of a whole database image. The
// live store (a WAL file, as by default) is opened once per fuzz process and carries a
// marker row no snapshot has; an accepted snapshot is undone by restoring
// a backup of the live state. Every input goes through Restore's checks;
// the first 32 and then every 128th through a whole Restore (fullEvery),
// which writes the live database twice and checks it (a few milliseconds,
// fsyncs included, against about 0.2 ms for the checks): the checks are
// the code a whole Restore runs before it touches the live database, the
// same function on the same bytes (decisions.md R2).
//
// Invariants: no panic; a refused snapshot leaves the live database as it
// was (the marker is still there); an accepted one leaves a database that
// passes SQLite's integrity check. (Row contents are not checked: a
// snapshot is the emulator's own file.)
func FuzzRestoreSnapshot(f *testing.F) {
	ctx := context.Background()
	dir := f.TempDir()

	// A snapshot with state in it: meta, the clock, KMIP objects.
	src := sqlitetest.Open(f)
	require.NoError(f, src.SetMeta(ctx, "clock", `{"mode":"virtual","base":"2026-03-01T12:00:00Z","offsetNanos":5000000000}`))
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	require.NoError(f, src.KMIPUpdate(ctx, func(tx kmip.ObjectTx) error {
		uid, err := tx.NextUID()
		if err != nil {
			return err
		}
		if err := tx.CreateObject(kmip.Object{UID: uid, Type: okmip.ObjectTypeSymmetricKey, State: okmip.StateActive,
			Algorithm: okmip.CryptographicAlgorithmAES, Length: 256, Material: make([]byte, 32), InitialDate: now, LastChangeDate: now}); err != nil {
			return err
		}
		return tx.PutAttribute(uid, kmip.StoredAttribute{Name: "x-SolidFire-KeyID-3f1c", Value: []byte{0x42, 0, 0x0b, 1, 0, 0, 0, 0}})
	}))
	seedPath := filepath.Join(dir, "seed.db")
	require.NoError(f, src.Backup(ctx, seedPath))
	compact(f, seedPath)
	seed, err := os.ReadFile(seedPath)
	require.NoError(f, err)
	f.Add(uint8(0), seed)                              // the snapshot as is
	f.Add(uint8(1), []byte{})                          // the same, through the edit mode
	f.Add(uint8(1), []byte{0, 0, 0, 100, 0xff})        // a header byte
	f.Add(uint8(1), []byte{0, 0, 0x10, 0x10, 0, 0, 0}) // inside page 2
	f.Add(uint8(0), []byte("not a database at all, just some bytes"))
	f.Add(uint8(0), []byte("SQLite format 3\x00"))

	live, err := sqlite.Open(ctx, filepath.Join(dir, "live.db"), sqlitetest.KEK())
	require.NoError(f, err)
	f.Cleanup(func() { _ = live.Close() })
	require.NoError(f, live.SetMeta(ctx, "fuzz_marker", "live"))
	baseline := filepath.Join(dir, "baseline.db")
	require.NoError(f, live.Backup(ctx, baseline))
	input := filepath.Join(dir, "input.db")
	// Every input gets Restore's checks (the step that reads the outside
	// bytes); the first fullFirst (the seeds and testdata, in plain go
	// test) and then every fullEvery-th a whole Restore into the live
	// database.
	const fullFirst, fullEvery = 32, 128
	execs := 0

	// The image each input is checked on: a copy of the fuzzer's bytes
	// (CheckSnapshot may change them), or the seed with the edits applied,
	// both in buffers kept from input to input.
	var buf []byte
	edited := bytes.Clone(seed)
	f.Fuzz(func(t *testing.T, mode uint8, data []byte) {
		var file []byte
		if mode&1 != 0 {
			file = applyEdits(edited, data)
			defer undoEdits(edited, seed, data)
		} else {
			buf = append(buf[:0], data...)
			file = buf
		}
		checkErr := live.CheckSnapshot(ctx, filepath.Base(input), file)
		if mode&1 != 0 {
			// The image again as the fuzzer gave it, for Restore.
			copy(edited[18:20], seed[18:20])
			file = applyEdits(edited, data)
		} else {
			file = data
		}
		if execs++; execs > fullFirst && execs%fullEvery != 0 {
			return
		}
		require.NoError(t, os.WriteFile(input, file, 0o600))
		err := live.Restore(ctx, input)
		require.Equal(t, checkErr == nil, err == nil, "the check says %v, Restore %v", checkErr, err)
		if err != nil {
			if v, merr := live.Meta(ctx, "fuzz_marker"); merr != nil || v != "live" {
				_ = live.Restore(ctx, baseline) // so the next input starts from the same state
				t.Fatalf("a refused snapshot (%v) changed the live database (marker %q, %v)", err, v, merr)
			}
			return
		}
		var check string
		require.NoError(t, live.DB().QueryRow(`PRAGMA integrity_check`).Scan(&check))
		require.Equal(t, "ok", check, "an accepted snapshot is corrupt")
		require.NoError(t, live.Restore(ctx, baseline))
		v, err := live.Meta(ctx, "fuzz_marker")
		require.NoError(t, err)
		require.Equal(t, "live", v, "restoring the baseline after an accepted snapshot")
	})
}

// maxEdits bounds the edits of one input: a few bytes changed is the
// point of the edit mode, and the fuzzer also hands it inputs of the
// snapshot's size (30,000 edits, one instrumented loop turn each).
const maxEdits = 64

// applyEdits applies to image each 5-byte edit of edits, up to maxEdits (a
// big-endian offset, modulo the size, then the new byte), and returns it.
func applyEdits(image, edits []byte) []byte {
	edits = edits[:min(len(edits), 5*maxEdits)]
	for ; len(edits) >= 5; edits = edits[5:] {
		image[int(binary.BigEndian.Uint32(edits))%len(image)] = edits[4]
	}
	return image
}

// undoEdits puts back in image the bytes of orig that edits changed, and
// the header bytes Restore's check may change.
func undoEdits(image, orig, edits []byte) {
	edits = edits[:min(len(edits), 5*maxEdits)]
	for ; len(edits) >= 5; edits = edits[5:] {
		i := int(binary.BigEndian.Uint32(edits)) % len(image)
		image[i] = orig[i]
	}
	copy(image[18:20], orig[18:20])
}

// compact rewrites the snapshot at path without free pages, in rollback
// journal mode, as a smaller seed.
func compact(tb testing.TB, path string) {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	require.NoError(tb, err)
	defer db.Close()
	db.SetMaxOpenConns(1)
	_, err = db.Exec(`PRAGMA journal_mode=DELETE; VACUUM`)
	require.NoError(tb, err)
}
