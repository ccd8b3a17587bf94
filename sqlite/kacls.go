package sqlite

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/element-emulator/element-emulator/kacls"
)

var _ kacls.Store = (*Store)(nil)

func kaclsWrapAAD(instance, keyID string) string {
	return "kacls_wrapping_keys/" + instance + "/" + keyID + "/material_sealed"
}

func kaclsSignAAD(owner string) string { return "kacls_signing_keys/" + owner + "/key_sealed" }

// KACLSWrappingKeys implements kacls.Store.
func (s *Store) KACLSWrappingKeys(ctx context.Context, instance string) ([]kacls.WrappingKey, error) {
	var out []kacls.WrappingKey
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT key_id, material_sealed, is_primary, created FROM kacls_wrapping_keys
			WHERE instance = ? ORDER BY is_primary DESC, created DESC, rowid DESC`, instance)
		if err != nil {
			return fmt.Errorf("kacls wrapping keys: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, created string
			var sealed []byte
			var k kacls.WrappingKey
			if err := rows.Scan(&id, &sealed, &k.Primary, &created); err != nil {
				return err
			}
			raw, err := hex.DecodeString(id)
			if err != nil || len(raw) != len(k.ID) {
				return fmt.Errorf("kacls wrapping key %q: bad id", id)
			}
			copy(k.ID[:], raw)
			if k.Material, err = s.Unseal(kaclsWrapAAD(instance, id), sealed); err != nil {
				return err
			}
			if k.Created, err = parseKMIPTime(created); err != nil {
				return err
			}
			out = append(out, k)
		}
		return rows.Err()
	})
	return out, err
}

// AddKACLSWrappingKey implements kacls.Store.
func (s *Store) AddKACLSWrappingKey(ctx context.Context, instance string, k kacls.WrappingKey, onlyFirst bool) (bool, error) {
	id := hex.EncodeToString(k.ID[:])
	sealed, err := s.Seal(kaclsWrapAAD(instance, id), k.Material)
	if err != nil {
		return false, err
	}
	added := false
	err = s.inTx(ctx, false, func(tx *sql.Tx) error {
		if onlyFirst {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM kacls_wrapping_keys WHERE instance = ?`, instance).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE kacls_wrapping_keys SET is_primary = 0 WHERE instance = ?`, instance); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO kacls_wrapping_keys (instance, key_id, material_sealed, is_primary, created) VALUES (?, ?, ?, 1, ?)`,
			instance, id, sealed, kmipTime(k.Created)); err != nil {
			return fmt.Errorf("kacls wrapping key: %w", err)
		}
		added = true
		return nil
	})
	return added, err
}

// KACLSSigningKey implements kacls.Store.
func (s *Store) KACLSSigningKey(ctx context.Context, owner string) (kacls.SigningKey, error) {
	k := kacls.SigningKey{Owner: owner}
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		var sealed []byte
		var created string
		err := tx.QueryRowContext(ctx, `SELECT kid, key_sealed, created FROM kacls_signing_keys WHERE owner = ?`, owner).Scan(&k.KID, &sealed, &created)
		if errors.Is(err, sql.ErrNoRows) {
			return kacls.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("kacls signing key: %w", err)
		}
		if k.DER, err = s.Unseal(kaclsSignAAD(owner), sealed); err != nil {
			return err
		}
		k.Created, err = parseKMIPTime(created)
		return err
	})
	return k, err
}

// CreateKACLSSigningKey implements kacls.Store.
func (s *Store) CreateKACLSSigningKey(ctx context.Context, k kacls.SigningKey) (bool, error) {
	sealed, err := s.Seal(kaclsSignAAD(k.Owner), k.DER)
	if err != nil {
		return false, err
	}
	var n int64
	err = s.inTx(ctx, false, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO kacls_signing_keys (owner, kid, key_sealed, created) VALUES (?, ?, ?, ?)
			ON CONFLICT (owner) DO NOTHING`, k.Owner, k.KID, sealed, kmipTime(k.Created))
		if err != nil {
			return fmt.Errorf("kacls signing key: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return n == 1, err
}

// WipeKACLS implements kacls.Store.
func (s *Store) WipeKACLS(ctx context.Context, keep []string) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM kacls_wrapping_keys`); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT owner FROM kacls_signing_keys`)
		if err != nil {
			return err
		}
		var drop []string
		kept := map[string]bool{}
		for _, o := range keep {
			kept[o] = true
		}
		for rows.Next() {
			var o string
			if err := rows.Scan(&o); err != nil {
				rows.Close()
				return err
			}
			if !kept[o] {
				drop = append(drop, o)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, o := range drop {
			if _, err := tx.ExecContext(ctx, `DELETE FROM kacls_signing_keys WHERE owner = ?`, o); err != nil {
				return err
			}
		}
		return nil
	})
}
