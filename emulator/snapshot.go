package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/element-emulator/element-emulator/api"
	"github.com/element-emulator/element-emulator/clock"
)

// snapshotNameRE is what a snapshot name may be; it never holds a path
// separator, so <dir>/<name>.db stays inside the snapshot directory.
// At most 64 long: see validSnapshotName.
// A bounded repetition such as {1,64} compiles to that many copies of the
// class (milliseconds of start-up for each such package-level pattern), so
// the pattern is unbounded and the length is checked beside it.
var snapshotNameRE = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

func validSnapshotName(name string) bool {
	return len(name) <= 64 && snapshotNameRE.MatchString(name)
}

// metaResetSnapshot names the snapshot POST /_emulator/reset restores
// instead of rebuilding the default cluster (set after a fixture). It lives
// in the database, so it survives restarts and is part of every later
// snapshot.
const metaResetSnapshot = "reset_snapshot"

// InitialSnapshot is the snapshot taken right after a fixture was applied.
const InitialSnapshot = "initial"

// snapshots is where an emulator keeps its named snapshots:
// <DataDir>/snapshots/, or for an ephemeral emulator a temporary directory
// created on first use and removed by Close.
type snapshots struct {
	mu   sync.Mutex // serializes snapshot, restore and listing
	dir  string
	temp bool
}

// close removes a temporary snapshot directory.
func (s *snapshots) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.temp && s.dir != "" {
		err := os.RemoveAll(s.dir)
		s.dir = ""
		return err
	}
	return nil
}

// dirLocked returns the snapshot directory, creating it; s.mu is held.
func (e *Emulator) snapshotDirLocked() (string, error) {
	s := &e.snaps
	if s.dir != "" {
		return s.dir, nil
	}
	if e.cfg.Ephemeral {
		d, err := os.MkdirTemp("", "element-emulator-snapshots-")
		if err != nil {
			return "", fmt.Errorf("snapshot directory: %w", err)
		}
		s.dir, s.temp = d, true
		return d, nil
	}
	d := filepath.Join(e.cfg.DataDir, "snapshots")
	if err := os.MkdirAll(d, 0o700); err != nil {
		return "", fmt.Errorf("snapshot directory: %w", err)
	}
	s.dir = d
	return d, nil
}

func snapshotPath(dir, name string) (string, error) {
	if !validSnapshotName(name) {
		return "", api.ErrSnapshotName
	}
	return filepath.Join(dir, name+".db"), nil
}

func snapshotInfo(name, path string) (api.SnapshotInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return api.SnapshotInfo{}, err
	}
	return api.SnapshotInfo{Name: name, Path: path, Bytes: fi.Size(), Created: fi.ModTime().UTC()}, nil
}

// Snapshot saves the whole state (cluster, key server, CA, fault rules,
// clock) as <snapshot dir>/<name>.db through SQLite's online backup,
// replacing an older snapshot of that name.
func (e *Emulator) Snapshot(ctx context.Context, name string) (api.SnapshotInfo, error) {
	e.snaps.mu.Lock()
	defer e.snaps.mu.Unlock()
	if !validSnapshotName(name) {
		return api.SnapshotInfo{}, api.ErrSnapshotName
	}
	dir, err := e.snapshotDirLocked()
	if err != nil {
		return api.SnapshotInfo{}, err
	}
	path, _ := snapshotPath(dir, name)
	if err := e.saveClock(ctx); err != nil {
		return api.SnapshotInfo{}, err
	}
	if err := e.store.Backup(ctx, path); err != nil {
		return api.SnapshotInfo{}, err
	}
	e.log.Info("snapshot saved", "name", name, "path", path)
	return snapshotInfo(name, path)
}

// Restore brings back the state saved by Snapshot(name), then reloads what
// the emulator keeps in memory: the clock, the admin credentials, the KMIP
// listener's refuse rules and the cluster's caches.
func (e *Emulator) Restore(ctx context.Context, name string) error {
	e.snaps.mu.Lock()
	defer e.snaps.mu.Unlock()
	if !validSnapshotName(name) {
		return api.ErrSnapshotName
	}
	dir, err := e.snapshotDirLocked()
	if err != nil {
		return err
	}
	path, _ := snapshotPath(dir, name)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("snapshot %q: %w", name, api.ErrNoSnapshot)
	}
	if err := e.store.Restore(ctx, path); err != nil {
		return err
	}
	e.cluster.Invalidate()
	if err := e.reloadClock(ctx); err != nil {
		return err
	}
	if err := e.loadCredentials(ctx); err != nil {
		return err
	}
	if err := e.applyListenerFaults(ctx); err != nil {
		return err
	}
	if e.alikms != nil {
		e.alikms.Reload()
	}
	if e.kacls != nil {
		// The snapshot holds the KACLS keys of its time (KA13).
		if err := e.kacls.Reload(ctx); err != nil {
			return err
		}
	}
	e.log.Info("snapshot restored", "name", name, "now", e.clock.Now())
	return nil
}

// reloadClock sets the running clock to the state stored in the meta
// table, as loadClock does at start, but in place: the cluster and the KMIP
// server hold this clock's Now.
func (e *Emulator) reloadClock(ctx context.Context) error {
	raw, err := e.store.Meta(ctx, metaClock)
	if err != nil || raw == "" {
		return err
	}
	var p persistedClock
	if err := json.Unmarshal([]byte(raw), &p); err != nil {
		return fmt.Errorf("stored clock: %w", err)
	}
	st := clock.State{Mode: e.cfg.Clock, Base: p.Base, Offset: time.Duration(p.Offset)}
	if p.Mode != e.cfg.Clock {
		st.Base = time.Time{}
		if e.cfg.Clock == clock.Virtual {
			st.Base, st.Offset = e.cfg.Wall().Add(st.Offset).UTC().Truncate(time.Second), 0
		}
	}
	e.clock.Set(st)
	return e.saveClock(ctx)
}

// Snapshots lists the saved snapshots, by name.
func (e *Emulator) Snapshots(ctx context.Context) ([]api.SnapshotInfo, error) {
	e.snaps.mu.Lock()
	defer e.snaps.mu.Unlock()
	dir, err := e.snapshotDirLocked()
	if err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := []api.SnapshotInfo{}
	for _, ent := range ents {
		name, ok := strings.CutSuffix(ent.Name(), ".db")
		if !ok || ent.IsDir() || !validSnapshotName(name) {
			continue
		}
		info, err := snapshotInfo(name, filepath.Join(dir, ent.Name()))
		if err != nil {
			continue // removed meanwhile
		}
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// SetResetSnapshot makes POST /_emulator/reset restore the named snapshot
// instead of rebuilding the default cluster ("" goes back to rebuilding).
// Call it before taking that snapshot, so the snapshot carries it too.
func (e *Emulator) SetResetSnapshot(ctx context.Context, name string) error {
	if name != "" && !validSnapshotName(name) {
		return api.ErrSnapshotName
	}
	return e.store.SetMeta(ctx, metaResetSnapshot, name)
}

// ResetSnapshot is the snapshot a reset restores, or "".
func (e *Emulator) ResetSnapshot(ctx context.Context) (string, error) {
	return e.store.Meta(ctx, metaResetSnapshot)
}

// reset is POST /_emulator/reset: restore the reset snapshot when a
// fixture set one, else rebuild the configured default cluster.
func (e *Emulator) reset(ctx context.Context) error {
	name, err := e.ResetSnapshot(ctx)
	if err != nil {
		return err
	}
	if name != "" {
		if err := e.Restore(ctx, name); err != nil {
			return fmt.Errorf("reset to snapshot %q (the fixture's starting state): %w", name, err)
		}
		if e.kacls != nil {
			e.kacls.ClearRequests()
		}
		if e.alikms != nil {
			e.alikms.Reset()
		}
		if e.tckms != nil {
			e.tckms.ClearRequests()
		}
		return nil
	}
	if err := e.cluster.Reset(ctx); err != nil {
		return err
	}
	if e.kacls != nil {
		// New keys for every instance, an empty request log (KA13).
		if err := e.kacls.Reset(ctx); err != nil {
			return err
		}
	}
	if err := e.resetAlikms(ctx); err != nil {
		return err
	}
	if err := e.resetTCKMS(ctx); err != nil {
		return err
	}
	if err := e.loadCredentials(ctx); err != nil {
		return err
	}
	return e.applyListenerFaults(ctx)
}
