package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/volumes"
)

var _ volumes.Store = (*Store)(nil)

// storageTables are wiped with the cluster (cluster.go, Wipe).
var storageTables = []string{"storage_accounts", "storage_volumes", "storage_snapshots", "storage_access_groups",
	"storage_initiators", "storage_qos_policies", "storage_settings", "storage_schedules"}

// stx is a storage transaction; it shares the counters table with tx.
type stx struct {
	tx *sql.Tx
}

// UpdateStorage implements volumes.Store.
func (s *Store) UpdateStorage(ctx context.Context, fn func(volumes.Tx) error) error {
	return s.inTx(ctx, false, func(t *sql.Tx) error { return fn(stx{tx: t}) })
}

// ViewStorage implements volumes.Store.
func (s *Store) ViewStorage(ctx context.Context, fn func(volumes.Tx) error) error {
	return s.inTx(ctx, true, func(t *sql.Tx) error { return fn(stx{tx: t}) })
}

// sortableTime is a fixed-width UTC time that sorts as text.
func sortableTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05.000000000Z")
}

func (t stx) NextID(ctx context.Context, counter string) (int64, error) {
	var id int64
	err := t.tx.QueryRowContext(ctx, `INSERT INTO counters (name, last) VALUES (?, 1)
		ON CONFLICT(name) DO UPDATE SET last = last + 1 RETURNING last`, "storage."+counter).Scan(&id)
	return id, err
}

// one decodes the doc of the single row query returns into dst.
func (t stx) one(ctx context.Context, dst any, query string, args ...any) error {
	var doc string
	err := t.tx.QueryRowContext(ctx, query, args...).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return volumes.ErrNotFound
	}
	if err != nil {
		return err
	}
	return json.Unmarshal([]byte(doc), dst)
}

// all decodes the doc column of every row into a slice of T.
func all[T any](ctx context.Context, t stx, query string, args ...any) ([]T, error) {
	rows, err := t.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return nil, err
		}
		var v T
		if err := json.Unmarshal([]byte(doc), &v); err != nil {
			return nil, fmt.Errorf("storage row: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (t stx) exec(ctx context.Context, query string, args ...any) error {
	_, err := t.tx.ExecContext(ctx, query, args...)
	return err
}

func doc(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// secretDoc is how secrets are kept in a doc: volumes.Secret prints as
// REDACTED, so its text is copied into plain strings first.
type accountDoc struct {
	volumes.Account
	InitiatorSecret, TargetSecret string
}

func (t stx) Accounts(ctx context.Context, startID, limit int64) ([]volumes.Account, error) {
	if limit <= 0 {
		limit = -1
	}
	docs, err := all[accountDoc](ctx, t, `SELECT doc FROM storage_accounts WHERE id >= ? ORDER BY id LIMIT ?`, startID, limit)
	out := make([]volumes.Account, 0, len(docs))
	for _, d := range docs {
		out = append(out, d.account())
	}
	return out, err
}

func (d accountDoc) account() volumes.Account {
	a := d.Account
	a.InitiatorSecret, a.TargetSecret = volumes.Secret(d.InitiatorSecret), volumes.Secret(d.TargetSecret)
	return a
}

func (t stx) Account(ctx context.Context, id int64) (volumes.Account, error) {
	var d accountDoc
	err := t.one(ctx, &d, `SELECT doc FROM storage_accounts WHERE id = ?`, id)
	return d.account(), err
}

func (t stx) AccountByName(ctx context.Context, name string) (volumes.Account, error) {
	var d accountDoc
	err := t.one(ctx, &d, `SELECT doc FROM storage_accounts WHERE username = ?`, name)
	return d.account(), err
}

func (t stx) PutAccount(ctx context.Context, a volumes.Account) error {
	d, err := doc(accountDoc{Account: a, InitiatorSecret: string(a.InitiatorSecret), TargetSecret: string(a.TargetSecret)})
	if err != nil {
		return err
	}
	return t.exec(ctx, `INSERT OR REPLACE INTO storage_accounts (id, username, doc) VALUES (?, ?, ?)`, a.ID, a.Username, d)
}

func (t stx) DeleteAccount(ctx context.Context, id int64) error {
	return t.exec(ctx, `DELETE FROM storage_accounts WHERE id = ?`, id)
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

func (t stx) Volumes(ctx context.Context, f volumes.Filter) ([]volumes.Volume, error) {
	q := `SELECT doc FROM storage_volumes WHERE id >= ?`
	args := []any{f.StartID}
	if f.Status != "" {
		q += ` AND status = ?`
		args = append(args, string(f.Status))
	}
	if f.Name != "" {
		q += ` AND name = ?`
		args = append(args, f.Name)
	}
	if len(f.Accounts) > 0 {
		q += ` AND account_id IN (` + placeholders(len(f.Accounts)) + `)`
		for _, a := range f.Accounts {
			args = append(args, a)
		}
	}
	if len(f.IDs) > 0 {
		q += ` AND id IN (` + placeholders(len(f.IDs)) + `)`
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	q += ` ORDER BY id LIMIT ?`
	args = append(args, limit)
	return all[volumes.Volume](ctx, t, q, args...)
}

func (t stx) Volume(ctx context.Context, id int64) (volumes.Volume, error) {
	var v volumes.Volume
	err := t.one(ctx, &v, `SELECT doc FROM storage_volumes WHERE id = ?`, id)
	return v, err
}

func (t stx) PutVolume(ctx context.Context, v volumes.Volume) error {
	d, err := doc(v)
	if err != nil {
		return err
	}
	purge := ""
	if v.Status == volumes.Deleted {
		purge = sortableTime(v.PurgeTime)
	}
	return t.exec(ctx, `INSERT OR REPLACE INTO storage_volumes (id, account_id, status, name, total_size, purge_at, doc)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, v.ID, v.AccountID, string(v.Status), v.Name, v.TotalSize, purge, d)
}

func (t stx) DeleteVolume(ctx context.Context, id int64) error {
	return t.exec(ctx, `DELETE FROM storage_volumes WHERE id = ?`, id)
}

func (t stx) VolumeIDsByAccount(ctx context.Context, withDeleted bool) (map[int64][]int64, error) {
	q := `SELECT account_id, id FROM storage_volumes WHERE status = 'active' ORDER BY id`
	if withDeleted {
		q = `SELECT account_id, id FROM storage_volumes ORDER BY id`
	}
	rows, err := t.tx.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]int64{}
	for rows.Next() {
		var a, id int64
		if err := rows.Scan(&a, &id); err != nil {
			return nil, err
		}
		out[a] = append(out[a], id)
	}
	return out, rows.Err()
}

func (t stx) Provisioned(ctx context.Context) (int64, int64, error) {
	var bytes, n int64
	err := t.tx.QueryRowContext(ctx, `SELECT COALESCE(SUM(total_size), 0), COUNT(*) FROM storage_volumes`).Scan(&bytes, &n)
	return bytes, n, err
}

func (t stx) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := t.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (t stx) DueVolumes(ctx context.Context, at time.Time) ([]int64, error) {
	return t.ids(ctx, `SELECT id FROM storage_volumes WHERE status = 'deleted' AND purge_at <= ? ORDER BY purge_at`, sortableTime(at))
}

func (t stx) Snapshots(ctx context.Context, volumeID int64) ([]volumes.Snapshot, error) {
	if volumeID == 0 {
		return all[volumes.Snapshot](ctx, t, `SELECT doc FROM storage_snapshots ORDER BY id`)
	}
	return all[volumes.Snapshot](ctx, t, `SELECT doc FROM storage_snapshots WHERE volume_id = ? ORDER BY id`, volumeID)
}

func (t stx) Snapshot(ctx context.Context, id int64) (volumes.Snapshot, error) {
	var s volumes.Snapshot
	err := t.one(ctx, &s, `SELECT doc FROM storage_snapshots WHERE id = ?`, id)
	return s, err
}

func (t stx) PutSnapshot(ctx context.Context, s volumes.Snapshot) error {
	d, err := doc(s)
	if err != nil {
		return err
	}
	return t.exec(ctx, `INSERT OR REPLACE INTO storage_snapshots (id, volume_id, expires_at, doc) VALUES (?, ?, ?, ?)`,
		s.ID, s.VolumeID, sortableTime(s.Expires), d)
}

func (t stx) DeleteSnapshot(ctx context.Context, id int64) error {
	return t.exec(ctx, `DELETE FROM storage_snapshots WHERE id = ?`, id)
}

func (t stx) ExpiredSnapshots(ctx context.Context, at time.Time) ([]int64, error) {
	return t.ids(ctx, `SELECT id FROM storage_snapshots WHERE expires_at != '' AND expires_at <= ? ORDER BY expires_at`, sortableTime(at))
}

func (t stx) AccessGroups(ctx context.Context) ([]volumes.AccessGroup, error) {
	return all[volumes.AccessGroup](ctx, t, `SELECT doc FROM storage_access_groups ORDER BY id`)
}

func (t stx) AccessGroup(ctx context.Context, id int64) (volumes.AccessGroup, error) {
	var g volumes.AccessGroup
	err := t.one(ctx, &g, `SELECT doc FROM storage_access_groups WHERE id = ?`, id)
	return g, err
}

func (t stx) PutAccessGroup(ctx context.Context, g volumes.AccessGroup) error {
	d, err := doc(g)
	if err != nil {
		return err
	}
	return t.exec(ctx, `INSERT OR REPLACE INTO storage_access_groups (id, doc) VALUES (?, ?)`, g.ID, d)
}

func (t stx) DeleteAccessGroup(ctx context.Context, id int64) error {
	return t.exec(ctx, `DELETE FROM storage_access_groups WHERE id = ?`, id)
}

type initiatorDoc struct {
	volumes.Initiator
	InitiatorSecret, TargetSecret string
}

func (d initiatorDoc) initiator() volumes.Initiator {
	in := d.Initiator
	in.InitiatorSecret, in.TargetSecret = volumes.Secret(d.InitiatorSecret), volumes.Secret(d.TargetSecret)
	return in
}

func (t stx) Initiators(ctx context.Context) ([]volumes.Initiator, error) {
	docs, err := all[initiatorDoc](ctx, t, `SELECT doc FROM storage_initiators ORDER BY id`)
	out := make([]volumes.Initiator, 0, len(docs))
	for _, d := range docs {
		out = append(out, d.initiator())
	}
	return out, err
}

func (t stx) Initiator(ctx context.Context, id int64) (volumes.Initiator, error) {
	var d initiatorDoc
	err := t.one(ctx, &d, `SELECT doc FROM storage_initiators WHERE id = ?`, id)
	return d.initiator(), err
}

func (t stx) InitiatorByName(ctx context.Context, name string) (volumes.Initiator, error) {
	var d initiatorDoc
	err := t.one(ctx, &d, `SELECT doc FROM storage_initiators WHERE name = ?`, name)
	return d.initiator(), err
}

func (t stx) PutInitiator(ctx context.Context, in volumes.Initiator) error {
	d, err := doc(initiatorDoc{Initiator: in, InitiatorSecret: string(in.InitiatorSecret), TargetSecret: string(in.TargetSecret)})
	if err != nil {
		return err
	}
	return t.exec(ctx, `INSERT OR REPLACE INTO storage_initiators (id, name, doc) VALUES (?, ?, ?)`, in.ID, in.Name, d)
}

func (t stx) DeleteInitiator(ctx context.Context, id int64) error {
	return t.exec(ctx, `DELETE FROM storage_initiators WHERE id = ?`, id)
}

func (t stx) QoSPolicies(ctx context.Context) ([]volumes.QoSPolicy, error) {
	return all[volumes.QoSPolicy](ctx, t, `SELECT doc FROM storage_qos_policies ORDER BY id`)
}

func (t stx) QoSPolicy(ctx context.Context, id int64) (volumes.QoSPolicy, error) {
	var p volumes.QoSPolicy
	err := t.one(ctx, &p, `SELECT doc FROM storage_qos_policies WHERE id = ?`, id)
	return p, err
}

func (t stx) PutQoSPolicy(ctx context.Context, p volumes.QoSPolicy) error {
	d, err := doc(p)
	if err != nil {
		return err
	}
	return t.exec(ctx, `INSERT OR REPLACE INTO storage_qos_policies (id, doc) VALUES (?, ?)`, p.ID, d)
}

func (t stx) DeleteQoSPolicy(ctx context.Context, id int64) error {
	return t.exec(ctx, `DELETE FROM storage_qos_policies WHERE id = ?`, id)
}

func (t stx) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := t.tx.QueryRowContext(ctx, `SELECT value FROM storage_settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", volumes.ErrNotFound
	}
	return v, err
}

func (t stx) PutSetting(ctx context.Context, key, value string) error {
	return t.exec(ctx, `INSERT OR REPLACE INTO storage_settings (key, value) VALUES (?, ?)`, key, value)
}

func (t stx) DeleteSetting(ctx context.Context, key string) error {
	return t.exec(ctx, `DELETE FROM storage_settings WHERE key = ?`, key)
}

func (t stx) Schedules(ctx context.Context) ([]volumes.Schedule, error) {
	return all[volumes.Schedule](ctx, t, `SELECT doc FROM storage_schedules ORDER BY id`)
}

func (t stx) Schedule(ctx context.Context, id int64) (volumes.Schedule, error) {
	var s volumes.Schedule
	err := t.one(ctx, &s, `SELECT doc FROM storage_schedules WHERE id = ?`, id)
	return s, err
}

func (t stx) PutSchedule(ctx context.Context, s volumes.Schedule) error {
	d, err := doc(s)
	if err != nil {
		return err
	}
	return t.exec(ctx, `INSERT OR REPLACE INTO storage_schedules (id, next_run, doc) VALUES (?, ?, ?)`, s.ID, sortableTime(s.NextRun), d)
}

func (t stx) DeleteSchedule(ctx context.Context, id int64) error {
	return t.exec(ctx, `DELETE FROM storage_schedules WHERE id = ?`, id)
}

func (t stx) DueSchedules(ctx context.Context, at time.Time) ([]int64, error) {
	return t.ids(ctx, `SELECT id FROM storage_schedules WHERE next_run != '' AND next_run <= ? ORDER BY next_run`, sortableTime(at))
}
