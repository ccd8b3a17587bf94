package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/element-emulator/element-emulator/kmip"
	"github.com/mattn/go-sqlite3"
	okmip "github.com/ovh/kmip-go"
)

var _ kmip.Store = (*Store)(nil)

const kmipTimeLayout = time.RFC3339Nano

func kmipTime(t time.Time) string { return t.UTC().Format(kmipTimeLayout) }

func kmipTimePtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return kmipTime(*t)
}

func parseKMIPTime(s string) (time.Time, error) {
	return time.Parse(kmipTimeLayout, s)
}

func parseKMIPTimePtr(ns sql.NullString) (*time.Time, error) {
	if !ns.Valid {
		return nil, nil
	}
	t, err := parseKMIPTime(ns.String)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// KMIPCA implements kmip.Store.
func (s *Store) KMIPCA(ctx context.Context) (kmip.CARecord, error) {
	var rec kmip.CARecord
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		var sealed []byte
		var notAfter string
		err := tx.QueryRowContext(ctx, `SELECT cert_pem, key_sealed, not_after FROM kmip_ca WHERE id = 1`).
			Scan(&rec.CertPEM, &sealed, &notAfter)
		if errors.Is(err, sql.ErrNoRows) {
			return kmip.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("kmip ca: %w", err)
		}
		if rec.KeyDER, err = s.Unseal("kmip_ca/1/key_sealed", sealed); err != nil {
			return err
		}
		rec.NotAfter, err = parseKMIPTime(notAfter)
		return err
	})
	return rec, err
}

// CreateKMIPCA implements kmip.Store.
func (s *Store) CreateKMIPCA(ctx context.Context, ca kmip.CARecord) error {
	sealed, err := s.Seal("kmip_ca/1/key_sealed", ca.KeyDER)
	if err != nil {
		return err
	}
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO kmip_ca (id, cert_pem, key_sealed, not_after) VALUES (1, ?, ?, ?)`,
			ca.CertPEM, sealed, kmipTime(ca.NotAfter))
		var se sqlite3.Error
		if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey {
			return kmip.ErrExists
		}
		if err != nil {
			return fmt.Errorf("kmip ca: %w", err)
		}
		return nil
	})
}

// AddKMIPIssuedCert implements kmip.Store.
func (s *Store) AddKMIPIssuedCert(ctx context.Context, c kmip.IssuedCert) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO kmip_issued_certs (serial, subject, not_before, not_after, cert_pem, issued_at) VALUES (?, ?, ?, ?, ?, ?)`,
			c.Serial, c.Subject, kmipTime(c.NotBefore), kmipTime(c.NotAfter), c.CertPEM, kmipTime(c.IssuedAt))
		if err != nil {
			return fmt.Errorf("kmip issued cert: %w", err)
		}
		return nil
	})
}

// KMIPIssuedCerts implements kmip.Store.
func (s *Store) KMIPIssuedCerts(ctx context.Context) ([]kmip.IssuedCert, error) {
	var out []kmip.IssuedCert
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT serial, subject, not_before, not_after, cert_pem, issued_at FROM kmip_issued_certs ORDER BY rowid`)
		if err != nil {
			return fmt.Errorf("kmip issued certs: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var c kmip.IssuedCert
			var nb, na, ia string
			if err := rows.Scan(&c.Serial, &c.Subject, &nb, &na, &c.CertPEM, &ia); err != nil {
				return err
			}
			if c.NotBefore, err = parseKMIPTime(nb); err != nil {
				return err
			}
			if c.NotAfter, err = parseKMIPTime(na); err != nil {
				return err
			}
			if c.IssuedAt, err = parseKMIPTime(ia); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}

// KMIPUpdate implements kmip.Store.
func (s *Store) KMIPUpdate(ctx context.Context, fn func(kmip.ObjectTx) error) error {
	return s.inTx(ctx, false, func(tx *sql.Tx) error {
		return fn(&kmipTx{ctx: ctx, tx: tx, s: s})
	})
}

// KMIPView implements kmip.Store.
func (s *Store) KMIPView(ctx context.Context, fn func(kmip.ObjectTx) error) error {
	return s.inTx(ctx, true, func(tx *sql.Tx) error {
		return fn(&kmipTx{ctx: ctx, tx: tx, s: s})
	})
}

type kmipTx struct {
	ctx context.Context
	tx  *sql.Tx
	s   *Store
}

func kmipMaterialAAD(uid int64) string {
	return "kmip_objects/" + strconv.FormatInt(uid, 10) + "/material_sealed"
}

// kmipUID parses a decimal UID; anything else names no object.
func kmipUID(uid string) (int64, error) {
	n, err := strconv.ParseInt(uid, 10, 64)
	if err != nil || n <= 0 || strconv.FormatInt(n, 10) != uid {
		return 0, kmip.ErrNotFound
	}
	return n, nil
}

func (t *kmipTx) NextUID() (string, error) {
	var n int64
	err := t.tx.QueryRowContext(t.ctx, `UPDATE kmip_uid_seq SET next_uid = next_uid + 1 WHERE id = 1 RETURNING next_uid - 1`).Scan(&n)
	if err != nil {
		return "", fmt.Errorf("kmip uid: %w", err)
	}
	return strconv.FormatInt(n, 10), nil
}

func (t *kmipTx) CreateObject(o kmip.Object) error {
	uid, err := kmipUID(o.UID)
	if err != nil {
		return fmt.Errorf("kmip object: bad uid %q", o.UID)
	}
	sealed, err := t.s.Seal(kmipMaterialAAD(uid), o.Material)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(t.ctx, `INSERT INTO kmip_objects (uid, object_type, state, owner, algorithm, length, usage_mask, key_format,
		secret_data_type, material_sealed, initial_date, activation_date, deactivation_date, destroy_date,
		compromise_occurrence_date, compromise_date, last_change_date, revocation_reason, revocation_message)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		uid, int64(o.Type), int64(o.State), o.Owner, int64(o.Algorithm), int64(o.Length), int64(o.UsageMask), int64(o.KeyFormat),
		int64(o.SecretDataType), sealed, kmipTime(o.InitialDate), kmipTimePtr(o.ActivationDate), kmipTimePtr(o.DeactivationDate),
		kmipTimePtr(o.DestroyDate), kmipTimePtr(o.CompromiseOccurrenceDate), kmipTimePtr(o.CompromiseDate),
		kmipTime(o.LastChangeDate), int64(o.RevocationReason), o.RevocationMessage)
	if err != nil {
		return fmt.Errorf("kmip object: %w", err)
	}
	return nil
}

func (t *kmipTx) Object(uidStr string) (kmip.Object, error) {
	uid, err := kmipUID(uidStr)
	if err != nil {
		return kmip.Object{}, err
	}
	var (
		o                                              kmip.Object
		typ, state, alg, length, mask, format, sdt, rr int64
		sealed                                         []byte
		initial, lastChange                            string
		act, deact, destroy, compOcc, comp             sql.NullString
	)
	err = t.tx.QueryRowContext(t.ctx, `SELECT object_type, state, owner, algorithm, length, usage_mask, key_format,
		secret_data_type, material_sealed, initial_date, activation_date, deactivation_date, destroy_date,
		compromise_occurrence_date, compromise_date, last_change_date, revocation_reason, revocation_message
		FROM kmip_objects WHERE uid = ?`, uid).Scan(&typ, &state, &o.Owner, &alg, &length, &mask, &format, &sdt, &sealed,
		&initial, &act, &deact, &destroy, &compOcc, &comp, &lastChange, &rr, &o.RevocationMessage)
	if errors.Is(err, sql.ErrNoRows) {
		return kmip.Object{}, kmip.ErrNotFound
	}
	if err != nil {
		return kmip.Object{}, fmt.Errorf("kmip object: %w", err)
	}
	o.UID = uidStr
	o.Type = okmip.ObjectType(typ)
	o.State = okmip.State(state)
	o.Algorithm = okmip.CryptographicAlgorithm(alg)
	o.Length = int32(length)
	o.UsageMask = okmip.CryptographicUsageMask(mask)
	o.KeyFormat = okmip.KeyFormatType(format)
	o.SecretDataType = okmip.SecretDataType(sdt)
	o.RevocationReason = okmip.RevocationReasonCode(rr)
	if o.Material, err = t.s.Unseal(kmipMaterialAAD(uid), sealed); err != nil {
		return kmip.Object{}, err
	}
	if o.InitialDate, err = parseKMIPTime(initial); err != nil {
		return kmip.Object{}, err
	}
	if o.LastChangeDate, err = parseKMIPTime(lastChange); err != nil {
		return kmip.Object{}, err
	}
	for _, p := range []struct {
		dst **time.Time
		src sql.NullString
	}{{&o.ActivationDate, act}, {&o.DeactivationDate, deact}, {&o.DestroyDate, destroy}, {&o.CompromiseOccurrenceDate, compOcc}, {&o.CompromiseDate, comp}} {
		if *p.dst, err = parseKMIPTimePtr(p.src); err != nil {
			return kmip.Object{}, err
		}
	}
	return o, nil
}

func (t *kmipTx) UpdateObject(o kmip.Object) error {
	uid, err := kmipUID(o.UID)
	if err != nil {
		return err
	}
	sealed, err := t.s.Seal(kmipMaterialAAD(uid), o.Material)
	if err != nil {
		return err
	}
	res, err := t.tx.ExecContext(t.ctx, `UPDATE kmip_objects SET object_type = ?, state = ?, owner = ?, algorithm = ?, length = ?,
		usage_mask = ?, key_format = ?, secret_data_type = ?, material_sealed = ?, initial_date = ?, activation_date = ?,
		deactivation_date = ?, destroy_date = ?, compromise_occurrence_date = ?, compromise_date = ?, last_change_date = ?,
		revocation_reason = ?, revocation_message = ? WHERE uid = ?`,
		int64(o.Type), int64(o.State), o.Owner, int64(o.Algorithm), int64(o.Length), int64(o.UsageMask), int64(o.KeyFormat),
		int64(o.SecretDataType), sealed, kmipTime(o.InitialDate), kmipTimePtr(o.ActivationDate), kmipTimePtr(o.DeactivationDate),
		kmipTimePtr(o.DestroyDate), kmipTimePtr(o.CompromiseOccurrenceDate), kmipTimePtr(o.CompromiseDate),
		kmipTime(o.LastChangeDate), int64(o.RevocationReason), o.RevocationMessage, uid)
	if err != nil {
		return fmt.Errorf("kmip object: %w", err)
	}
	return affectedOne(res)
}

func affectedOne(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return kmip.ErrNotFound
	}
	return nil
}

func (t *kmipTx) DeleteObject(uidStr string) error {
	uid, err := kmipUID(uidStr)
	if err != nil {
		return err
	}
	if _, err := t.tx.ExecContext(t.ctx, `DELETE FROM kmip_attributes WHERE uid = ?`, uid); err != nil {
		return fmt.Errorf("kmip object: %w", err)
	}
	res, err := t.tx.ExecContext(t.ctx, `DELETE FROM kmip_objects WHERE uid = ?`, uid)
	if err != nil {
		return fmt.Errorf("kmip object: %w", err)
	}
	return affectedOne(res)
}

func (t *kmipTx) ObjectUIDs() ([]string, error) {
	return t.uids(`SELECT uid FROM kmip_objects ORDER BY uid`)
}

// ObjectUIDsWithAttribute reads the kmip_attributes_name index (name,
// value_ttlv).
func (t *kmipTx) ObjectUIDsWithAttribute(name string, value []byte) ([]string, error) {
	if value == nil {
		return t.uids(`SELECT DISTINCT uid FROM kmip_attributes WHERE name = ? ORDER BY uid`, name)
	}
	return t.uids(`SELECT DISTINCT uid FROM kmip_attributes WHERE name = ? AND value_ttlv = ? ORDER BY uid`, name, value)
}

func (t *kmipTx) uids(query string, args ...any) ([]string, error) {
	rows, err := t.tx.QueryContext(t.ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("kmip objects: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var uid int64
		if err := rows.Scan(&uid); err != nil {
			return nil, err
		}
		out = append(out, strconv.FormatInt(uid, 10))
	}
	return out, rows.Err()
}

func (t *kmipTx) Attributes(uidStr string) ([]kmip.StoredAttribute, error) {
	uid, err := kmipUID(uidStr)
	if err != nil {
		return nil, err
	}
	rows, err := t.tx.QueryContext(t.ctx, `SELECT name, idx, value_ttlv FROM kmip_attributes WHERE uid = ? ORDER BY name, idx`, uid)
	if err != nil {
		return nil, fmt.Errorf("kmip attributes: %w", err)
	}
	defer rows.Close()
	var out []kmip.StoredAttribute
	for rows.Next() {
		var a kmip.StoredAttribute
		if err := rows.Scan(&a.Name, &a.Index, &a.Value); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (t *kmipTx) PutAttribute(uidStr string, a kmip.StoredAttribute) error {
	uid, err := kmipUID(uidStr)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(t.ctx, `INSERT INTO kmip_attributes (uid, name, idx, value_ttlv) VALUES (?, ?, ?, ?)
		ON CONFLICT (uid, name, idx) DO UPDATE SET value_ttlv = excluded.value_ttlv`, uid, a.Name, a.Index, a.Value)
	if err != nil {
		return fmt.Errorf("kmip attribute: %w", err)
	}
	return nil
}

func (t *kmipTx) DeleteAttribute(uidStr, name string, index int32) error {
	uid, err := kmipUID(uidStr)
	if err != nil {
		return err
	}
	res, err := t.tx.ExecContext(t.ctx, `DELETE FROM kmip_attributes WHERE uid = ? AND name = ? AND idx = ?`, uid, name, index)
	if err != nil {
		return fmt.Errorf("kmip attribute: %w", err)
	}
	return affectedOne(res)
}
