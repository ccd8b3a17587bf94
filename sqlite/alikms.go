package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/alikms"
)

var _ alikms.Store = (*Store)(nil)

func alikmsAAD(versionID string) string {
	return "alikms_key_versions/" + versionID + "/material_sealed"
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return kmipTime(t)
}

func parseNullTime(ns sql.NullString) (time.Time, error) {
	if !ns.Valid {
		return time.Time{}, nil
	}
	return parseKMIPTime(ns.String)
}

const alikmsKeyCols = `key_id, description, key_spec, state, protection_level, created, delete_date, primary_version,
	rotation_interval_s, auto_rotation, last_rotation, next_rotation, deletion_protection, deletion_protection_desc`

func scanAlikmsKey(sc interface{ Scan(...any) error }) (alikms.Key, error) {
	var k alikms.Key
	var created string
	var del, last, next sql.NullString
	var every int64
	err := sc.Scan(&k.ID, &k.Description, &k.KeySpec, &k.State, &k.ProtectionLevel, &created, &del, &k.Primary,
		&every, &k.AutoRotation, &last, &next, &k.DeletionProtection, &k.DeletionProtectionDesc)
	if err != nil {
		return k, err
	}
	k.RotationInterval = time.Duration(every) * time.Second
	if k.Created, err = parseKMIPTime(created); err != nil {
		return k, err
	}
	if k.DeleteDate, err = parseNullTime(del); err != nil {
		return k, err
	}
	if k.LastRotation, err = parseNullTime(last); err != nil {
		return k, err
	}
	k.NextRotation, err = parseNullTime(next)
	return k, err
}

func (s *Store) insertAlikmsVersion(ctx context.Context, tx *sql.Tx, v alikms.Version) error {
	sealed, err := s.Seal(alikmsAAD(v.ID), v.Material)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO alikms_key_versions (version_id, key_id, material_sealed, created) VALUES (?, ?, ?, ?)`,
		v.ID, v.KeyID, sealed, kmipTime(v.Created))
	if err != nil {
		return fmt.Errorf("alikms key version: %w", err)
	}
	return nil
}

// AlikmsCreateKey implements alikms.Store.
func (s *Store) AlikmsCreateKey(ctx context.Context, k alikms.Key, v alikms.Version, tags map[string]string) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO alikms_keys (`+alikmsKeyCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			k.ID, k.Description, k.KeySpec, k.State, k.ProtectionLevel, kmipTime(k.Created), nullTime(k.DeleteDate), k.Primary,
			int64(k.RotationInterval/time.Second), k.AutoRotation, nullTime(k.LastRotation), nullTime(k.NextRotation),
			k.DeletionProtection, k.DeletionProtectionDesc)
		if err != nil {
			return fmt.Errorf("alikms key: %w", err)
		}
		if err := s.insertAlikmsVersion(ctx, tx, v); err != nil {
			return err
		}
		for tk, tv := range tags {
			if _, err := tx.ExecContext(ctx, `INSERT INTO alikms_tags (key_id, tag_key, tag_value) VALUES (?, ?, ?)`, k.ID, tk, tv); err != nil {
				return fmt.Errorf("alikms tag: %w", err)
			}
		}
		return nil
	})
}

// AlikmsKey implements alikms.Store.
func (s *Store) AlikmsKey(ctx context.Context, id string) (alikms.Key, error) {
	var k alikms.Key
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		var err error
		k, err = scanAlikmsKey(tx.QueryRowContext(ctx, `SELECT `+alikmsKeyCols+` FROM alikms_keys WHERE key_id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return alikms.ErrNotFound
		}
		return err
	})
	return k, err
}

func updateAlikmsKey(ctx context.Context, tx *sql.Tx, k alikms.Key) error {
	res, err := tx.ExecContext(ctx, `UPDATE alikms_keys SET description = ?, state = ?, delete_date = ?, primary_version = ?,
		rotation_interval_s = ?, auto_rotation = ?, last_rotation = ?, next_rotation = ?, deletion_protection = ?,
		deletion_protection_desc = ? WHERE key_id = ?`,
		k.Description, k.State, nullTime(k.DeleteDate), k.Primary, int64(k.RotationInterval/time.Second), k.AutoRotation,
		nullTime(k.LastRotation), nullTime(k.NextRotation), k.DeletionProtection, k.DeletionProtectionDesc, k.ID)
	if err != nil {
		return fmt.Errorf("alikms key: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return alikms.ErrNotFound
	}
	return nil
}

// AlikmsUpdateKey implements alikms.Store.
func (s *Store) AlikmsUpdateKey(ctx context.Context, k alikms.Key) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error { return updateAlikmsKey(ctx, tx, k) })
}

// AlikmsAddVersion implements alikms.Store.
func (s *Store) AlikmsAddVersion(ctx context.Context, k alikms.Key, v alikms.Version) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		if err := s.insertAlikmsVersion(ctx, tx, v); err != nil {
			return err
		}
		return updateAlikmsKey(ctx, tx, k)
	})
}

// AlikmsVersion implements alikms.Store.
func (s *Store) AlikmsVersion(ctx context.Context, id string) (alikms.Version, error) {
	v := alikms.Version{ID: id}
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		var sealed []byte
		var created string
		err := tx.QueryRowContext(ctx, `SELECT key_id, material_sealed, created FROM alikms_key_versions WHERE version_id = ?`, id).
			Scan(&v.KeyID, &sealed, &created)
		if errors.Is(err, sql.ErrNoRows) {
			return alikms.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("alikms key version: %w", err)
		}
		if v.Material, err = s.Unseal(alikmsAAD(id), sealed); err != nil {
			return err
		}
		v.Created, err = parseKMIPTime(created)
		return err
	})
	return v, err
}

// AlikmsVersions implements alikms.Store.
func (s *Store) AlikmsVersions(ctx context.Context, keyID string) ([]alikms.Version, error) {
	var out []alikms.Version
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT version_id, created FROM alikms_key_versions WHERE key_id = ? ORDER BY created, rowid`, keyID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			v := alikms.Version{KeyID: keyID}
			var created string
			if err := rows.Scan(&v.ID, &created); err != nil {
				return err
			}
			if v.Created, err = parseKMIPTime(created); err != nil {
				return err
			}
			out = append(out, v)
		}
		return rows.Err()
	})
	return out, err
}

// AlikmsListKeys implements alikms.Store.
func (s *Store) AlikmsListKeys(ctx context.Context, offset, limit int) ([]alikms.Key, int, error) {
	var out []alikms.Key
	var total int
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM alikms_keys`).Scan(&total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+alikmsKeyCols+` FROM alikms_keys ORDER BY created, rowid LIMIT ? OFFSET ?`, limit, offset)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			k, err := scanAlikmsKey(rows)
			if err != nil {
				return err
			}
			out = append(out, k)
		}
		return rows.Err()
	})
	return out, total, err
}

// AlikmsDue implements alikms.Store.
func (s *Store) AlikmsDue(ctx context.Context, now time.Time) ([]string, error) {
	var out []string
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		t := kmipTime(now)
		rows, err := tx.QueryContext(ctx, `SELECT key_id FROM alikms_keys WHERE delete_date <= ?
			UNION SELECT key_id FROM alikms_keys WHERE next_rotation <= ?`, t, t)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			out = append(out, id)
		}
		return rows.Err()
	})
	return out, err
}

// AlikmsNextDue implements alikms.Store.
func (s *Store) AlikmsNextDue(ctx context.Context) (time.Time, error) {
	var t time.Time
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		var v sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT MIN(t) FROM (SELECT MIN(delete_date) AS t FROM alikms_keys
			UNION ALL SELECT MIN(next_rotation) FROM alikms_keys)`).Scan(&v); err != nil {
			return err
		}
		var err error
		t, err = parseNullTime(v)
		return err
	})
	return t, err
}

// AlikmsDeleteKey implements alikms.Store.
func (s *Store) AlikmsDeleteKey(ctx context.Context, id string) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		for _, t := range []string{"alikms_tags", "alikms_aliases", "alikms_key_versions"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE key_id = ?`, id); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM alikms_keys WHERE key_id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return alikms.ErrNotFound
		}
		return nil
	})
}

// AlikmsAlias implements alikms.Store.
func (s *Store) AlikmsAlias(ctx context.Context, alias string) (string, error) {
	var id string
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT key_id FROM alikms_aliases WHERE alias_name = ?`, alias).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return alikms.ErrNotFound
		}
		return err
	})
	return id, err
}

// AlikmsCreateAlias implements alikms.Store.
func (s *Store) AlikmsCreateAlias(ctx context.Context, a alikms.Alias) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO alikms_aliases (alias_name, key_id, created) VALUES (?, ?, ?)
			ON CONFLICT (alias_name) DO NOTHING`, a.Name, a.KeyID, kmipTime(a.Created))
		if err != nil {
			return fmt.Errorf("alikms alias: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return alikms.ErrExists
		}
		return nil
	})
}

// AlikmsDeleteAlias implements alikms.Store.
func (s *Store) AlikmsDeleteAlias(ctx context.Context, alias string) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM alikms_aliases WHERE alias_name = ?`, alias)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return alikms.ErrNotFound
		}
		return nil
	})
}

// AlikmsAliases implements alikms.Store.
func (s *Store) AlikmsAliases(ctx context.Context, keyID string) ([]alikms.Alias, error) {
	var out []alikms.Alias
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT alias_name, key_id, created FROM alikms_aliases
			WHERE ? = '' OR key_id = ? ORDER BY alias_name`, keyID, keyID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a alikms.Alias
			var created string
			if err := rows.Scan(&a.Name, &a.KeyID, &created); err != nil {
				return err
			}
			if a.Created, err = parseKMIPTime(created); err != nil {
				return err
			}
			out = append(out, a)
		}
		return rows.Err()
	})
	return out, err
}

// AlikmsSetTags implements alikms.Store.
func (s *Store) AlikmsSetTags(ctx context.Context, keyIDs []string, tags map[string]string) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		for _, id := range keyIDs {
			for k, v := range tags {
				if _, err := tx.ExecContext(ctx, `INSERT INTO alikms_tags (key_id, tag_key, tag_value) VALUES (?, ?, ?)
					ON CONFLICT (key_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value`, id, k, v); err != nil {
					return fmt.Errorf("alikms tag: %w", err)
				}
			}
		}
		return nil
	})
}

// AlikmsDeleteTags implements alikms.Store.
func (s *Store) AlikmsDeleteTags(ctx context.Context, keyIDs []string, keys []string, all bool) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		for _, id := range keyIDs {
			if all {
				if _, err := tx.ExecContext(ctx, `DELETE FROM alikms_tags WHERE key_id = ?`, id); err != nil {
					return err
				}
				continue
			}
			for _, k := range keys {
				if _, err := tx.ExecContext(ctx, `DELETE FROM alikms_tags WHERE key_id = ? AND tag_key = ?`, id, k); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// AlikmsTags implements alikms.Store.
func (s *Store) AlikmsTags(ctx context.Context, keyIDs []string) ([]alikms.Tag, error) {
	var out []alikms.Tag
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		q := `SELECT key_id, tag_key, tag_value FROM alikms_tags`
		args := make([]any, 0, len(keyIDs))
		if len(keyIDs) > 0 {
			q += ` WHERE key_id IN (?` + strings.Repeat(", ?", len(keyIDs)-1) + `)`
			for _, id := range keyIDs {
				args = append(args, id)
			}
		}
		rows, err := tx.QueryContext(ctx, q+` ORDER BY key_id, tag_key`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t alikms.Tag
			if err := rows.Scan(&t.KeyID, &t.Key, &t.Value); err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}

// WipeAlikms implements alikms.Store.
func (s *Store) WipeAlikms(ctx context.Context) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		for _, t := range []string{"alikms_tags", "alikms_aliases", "alikms_key_versions", "alikms_keys"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
				return err
			}
		}
		return nil
	})
}
