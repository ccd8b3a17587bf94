package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"

	"github.com/element-emulator/element-emulator/tckms"
)

var _ tckms.Store = (*Store)(nil)

func tckmsMaterialAAD(keyID string) string { return "tckms_keys/" + keyID + "/material_sealed" }

func tckmsPrivAAD(tokenHash []byte) string {
	return fmt.Sprintf("tckms_import_params/%x/private_key_sealed", tokenHash)
}

const tckmsFingerprintKey = "fingerprint-key"

// TCKMSUpdate implements tckms.Store.
func (s *Store) TCKMSUpdate(ctx context.Context, fn func(tckms.Tx) error) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error { return fn(tckmsTx{s: s, tx: tx}) })
}

// TCKMSFingerprintKey implements tckms.Store.
func (s *Store) TCKMSFingerprintKey(ctx context.Context) ([]byte, error) {
	var key []byte
	err := s.inTx(ctx, false, func(tx *sql.Tx) error {
		var sealed []byte
		err := tx.QueryRowContext(ctx, `SELECT value_sealed FROM tckms_secrets WHERE name = ?`, tckmsFingerprintKey).Scan(&sealed)
		if err == nil {
			key, err = s.Unseal("tckms_secrets/"+tckmsFingerprintKey+"/value_sealed", sealed)
			return err
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return err
		}
		if sealed, err = s.Seal("tckms_secrets/"+tckmsFingerprintKey+"/value_sealed", key); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO tckms_secrets (name, value_sealed) VALUES (?, ?)`, tckmsFingerprintKey, sealed)
		return err
	})
	return key, err
}

// WipeTCKMS implements tckms.Store.
func (s *Store) WipeTCKMS(ctx context.Context) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM tckms_keys`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM tckms_import_params`)
		return err
	})
}

type tckmsTx struct {
	s  *Store
	tx *sql.Tx
}

const tckmsKeyCols = `seq, key_id, alias, description, key_usage, origin, state, create_time, deletion_date, valid_to, material_sealed, fingerprint, tags`

func (t tckmsTx) scanKey(row interface{ Scan(...any) error }) (tckms.Key, error) {
	var k tckms.Key
	var origin, state, tags string
	var sealed []byte
	if err := row.Scan(&k.Seq, &k.ID, &k.Alias, &k.Description, &k.Usage, &origin, &state, &k.CreateTime,
		&k.DeletionDate, &k.ValidTo, &sealed, &k.Fingerprint, &tags); err != nil {
		return k, err
	}
	k.Origin, k.State = tckms.Origin(origin), tckms.State(state)
	var err error
	if k.Material, err = t.s.Unseal(tckmsMaterialAAD(k.ID), sealed); err != nil {
		return k, err
	}
	var list [][2]string
	if err := json.Unmarshal([]byte(tags), &list); err != nil {
		return k, fmt.Errorf("tckms key %s tags: %w", k.ID, err)
	}
	for _, x := range list {
		k.Tags = append(k.Tags, tckms.Tag{Key: x[0], Value: x[1]})
	}
	return k, nil
}

func (t tckmsTx) Key(ctx context.Context, id string) (tckms.Key, error) {
	k, err := t.scanKey(t.tx.QueryRowContext(ctx, `SELECT `+tckmsKeyCols+` FROM tckms_keys WHERE key_id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return k, tckms.ErrNotFound
	}
	return k, err
}

func (t tckmsTx) KeyIDs(ctx context.Context, offset, limit int) ([]string, int, error) {
	var total int
	if err := t.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM tckms_keys`).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT key_id FROM tckms_keys ORDER BY seq LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, 0, err
		}
		ids = append(ids, id)
	}
	return ids, total, rows.Err()
}

func (t tckmsTx) DueKeys(ctx context.Context, now int64) ([]tckms.Key, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT `+tckmsKeyCols+` FROM tckms_keys
		WHERE (deletion_date > 0 AND deletion_date <= ?) OR (valid_to > 0 AND valid_to <= ?) ORDER BY seq`, now, now)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tckms.Key
	for rows.Next() {
		k, err := t.scanKey(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

func (t tckmsTx) keyArgs(k tckms.Key) ([]any, error) {
	sealed, err := t.s.Seal(tckmsMaterialAAD(k.ID), k.Material)
	if err != nil {
		return nil, err
	}
	list := make([][2]string, 0, len(k.Tags))
	for _, x := range k.Tags {
		list = append(list, [2]string{x.Key, x.Value})
	}
	tags, err := json.Marshal(list)
	if err != nil {
		return nil, err
	}
	return []any{k.Alias, k.Description, k.Usage, string(k.Origin), string(k.State), k.CreateTime, k.DeletionDate,
		k.ValidTo, sealed, k.Fingerprint, string(tags), k.ID}, nil
}

func aliasTaken(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique
}

func (t tckmsTx) CreateKey(ctx context.Context, k tckms.Key) error {
	args, err := t.keyArgs(k)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT INTO tckms_keys (alias, description, key_usage, origin, state, create_time,
		deletion_date, valid_to, material_sealed, fingerprint, tags, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
	if aliasTaken(err) {
		return tckms.ErrAliasTaken
	}
	return err
}

func (t tckmsTx) UpdateKey(ctx context.Context, k tckms.Key) error {
	args, err := t.keyArgs(k)
	if err != nil {
		return err
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE tckms_keys SET alias = ?, description = ?, key_usage = ?, origin = ?, state = ?,
		create_time = ?, deletion_date = ?, valid_to = ?, material_sealed = ?, fingerprint = ?, tags = ? WHERE key_id = ?`, args...)
	if aliasTaken(err) {
		return tckms.ErrAliasTaken
	}
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("tckms key %s: not updated", k.ID)
	}
	return nil
}

func (t tckmsTx) DeleteKey(ctx context.Context, id string) error {
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM tckms_import_params WHERE key_id = ?`, id); err != nil {
		return err
	}
	_, err := t.tx.ExecContext(ctx, `DELETE FROM tckms_keys WHERE key_id = ?`, id)
	return err
}

func (t tckmsTx) ImportParams(ctx context.Context, hash []byte) (tckms.ImportParams, error) {
	p := tckms.ImportParams{TokenHash: hash}
	var sealed []byte
	err := t.tx.QueryRowContext(ctx, `SELECT key_id, algorithm, private_key_sealed, valid_to, superseded, created
		FROM tckms_import_params WHERE token_hash = ?`, hash).Scan(&p.KeyID, &p.Algorithm, &sealed, &p.ValidTo, &p.Superseded, &p.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return p, tckms.ErrNotFound
	}
	if err != nil {
		return p, err
	}
	p.PrivateKey, err = t.s.Unseal(tckmsPrivAAD(hash), sealed)
	return p, err
}

func (t tckmsTx) AddImportParams(ctx context.Context, p tckms.ImportParams) error {
	sealed, err := t.s.Seal(tckmsPrivAAD(p.TokenHash), p.PrivateKey)
	if err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE tckms_import_params SET superseded = 1, private_key_sealed = NULL WHERE key_id = ?`, p.KeyID); err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT INTO tckms_import_params (token_hash, key_id, algorithm, private_key_sealed, valid_to, superseded, created)
		VALUES (?, ?, ?, ?, ?, 0, ?)`, p.TokenHash, p.KeyID, p.Algorithm, sealed, p.ValidTo, p.Created)
	return err
}
