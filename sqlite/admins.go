package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/element-emulator/element-emulator/admins"
)

var _ admins.Store = (*Store)(nil)

// adminTables are wiped with the cluster (cluster.go, Wipe).
var adminTables = []string{"cluster_admins", "cluster_settings"}

// atx is a cluster-admin transaction.
type atx struct{ tx *sql.Tx }

// UpdateAdmins implements admins.Store.
func (s *Store) UpdateAdmins(ctx context.Context, fn func(admins.Tx) error) error {
	return s.inTx(ctx, false, func(t *sql.Tx) error { return fn(atx{tx: t}) })
}

// ViewAdmins implements admins.Store.
func (s *Store) ViewAdmins(ctx context.Context, fn func(admins.Tx) error) error {
	return s.inTx(ctx, true, func(t *sql.Tx) error { return fn(atx{tx: t}) })
}

func (t atx) NextAdminID(ctx context.Context) (int64, error) {
	var id int64
	err := t.tx.QueryRowContext(ctx, `INSERT INTO counters (name, last) VALUES ('clusterAdmin', 2)
		ON CONFLICT(name) DO UPDATE SET last = last + 1 RETURNING last`).Scan(&id)
	return id, err
}

func (t atx) scan(rows *sql.Rows) ([]admins.Admin, error) {
	defer rows.Close()
	var out []admins.Admin
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		var a admins.Admin
		if err := json.Unmarshal([]byte(d), &a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (t atx) Admins(ctx context.Context) ([]admins.Admin, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT doc FROM cluster_admins ORDER BY id`)
	if err != nil {
		return nil, err
	}
	return t.scan(rows)
}

func (t atx) one(ctx context.Context, query string, arg any) (admins.Admin, error) {
	var d string
	err := t.tx.QueryRowContext(ctx, query, arg).Scan(&d)
	if errors.Is(err, sql.ErrNoRows) {
		return admins.Admin{}, admins.ErrNotFound
	}
	if err != nil {
		return admins.Admin{}, err
	}
	var a admins.Admin
	return a, json.Unmarshal([]byte(d), &a)
}

func (t atx) Admin(ctx context.Context, id int64) (admins.Admin, error) {
	return t.one(ctx, `SELECT doc FROM cluster_admins WHERE id = ?`, id)
}

func (t atx) AdminByName(ctx context.Context, username string) (admins.Admin, error) {
	return t.one(ctx, `SELECT doc FROM cluster_admins WHERE username = ?`, username)
}

func (t atx) PutAdmin(ctx context.Context, a admins.Admin) error {
	d, err := json.Marshal(a)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO cluster_admins (id, username, doc) VALUES (?, ?, ?)`, a.ID, a.Username, string(d))
	return err
}

func (t atx) DeleteAdmin(ctx context.Context, id int64) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM cluster_admins WHERE id = ?`, id)
	return err
}

func (t atx) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := t.tx.QueryRowContext(ctx, `SELECT value FROM cluster_settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", admins.ErrNotFound
	}
	return v, err
}

func (t atx) PutSetting(ctx context.Context, key, value string) error {
	_, err := t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO cluster_settings (key, value) VALUES (?, ?)`, key, value)
	return err
}
