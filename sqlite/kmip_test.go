package sqlite_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/element-emulator/element-emulator/kmip"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
	okmip "github.com/ovh/kmip-go"
	"github.com/stretchr/testify/require"
)

func TestKMIPObjectsSealedAndNeverReused(t *testing.T) {
	ctx := context.Background()
	st := sqlitetest.Open(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	material := bytes.Repeat([]byte("K"), 32)
	var uids []string
	err := st.KMIPUpdate(ctx, func(tx kmip.ObjectTx) error {
		for range 2 {
			uid, err := tx.NextUID()
			if err != nil {
				return err
			}
			uids = append(uids, uid)
			o := kmip.Object{UID: uid, Type: okmip.ObjectTypeSymmetricKey, State: okmip.StateActive, Algorithm: okmip.CryptographicAlgorithmAES,
				Length: 256, KeyFormat: okmip.KeyFormatTypeRaw, Material: material, InitialDate: now, LastChangeDate: now, ActivationDate: &now}
			if err := tx.CreateObject(o); err != nil {
				return err
			}
			if err := tx.PutAttribute(uid, kmip.StoredAttribute{Name: "x-A", Index: 0, Value: []byte{1}}); err != nil {
				return err
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, []string{"1", "2"}, uids)

	var sealed []byte
	require.NoError(t, st.DB().QueryRowContext(ctx, `SELECT material_sealed FROM kmip_objects WHERE uid = 1`).Scan(&sealed))
	require.False(t, bytes.Contains(sealed, material), "material is sealed at rest")
	require.Equal(t, byte(0x01), sealed[0])

	// Sealed values are bound to their row: moved to another row they do not open.
	_, err = st.DB().ExecContext(ctx, `UPDATE kmip_objects SET material_sealed = ? WHERE uid = 2`, sealed)
	require.NoError(t, err)
	err = st.KMIPView(ctx, func(tx kmip.ObjectTx) error {
		o, err := tx.Object("1")
		require.NoError(t, err)
		require.Equal(t, material, o.Material)
		require.True(t, now.Equal(*o.ActivationDate))
		_, err = tx.Object("2")
		return err
	})
	require.Error(t, err)

	err = st.KMIPUpdate(ctx, func(tx kmip.ObjectTx) error {
		if err := tx.DeleteObject("2"); err != nil {
			return err
		}
		attrs, err := tx.Attributes("2")
		require.NoError(t, err)
		require.Empty(t, attrs)
		require.ErrorIs(t, tx.DeleteObject("2"), kmip.ErrNotFound)
		_, err = tx.Object("abc")
		require.ErrorIs(t, err, kmip.ErrNotFound)
		uid, err := tx.NextUID()
		require.Equal(t, "3", uid, "UIDs are never reused")
		return err
	})
	require.NoError(t, err)
}

func TestKMIPCAStoredOnce(t *testing.T) {
	ctx := context.Background()
	st := sqlitetest.Open(t)
	_, err := st.KMIPCA(ctx)
	require.ErrorIs(t, err, kmip.ErrNotFound)
	rec := kmip.CARecord{CertPEM: "cert", KeyDER: []byte("private"), NotAfter: time.Date(2036, 1, 1, 0, 0, 0, 0, time.UTC)}
	require.NoError(t, st.CreateKMIPCA(ctx, rec))
	require.ErrorIs(t, st.CreateKMIPCA(ctx, rec), kmip.ErrExists)
	got, err := st.KMIPCA(ctx)
	require.NoError(t, err)
	require.Equal(t, rec, got)
	var sealed []byte
	require.NoError(t, st.DB().QueryRowContext(ctx, `SELECT key_sealed FROM kmip_ca`).Scan(&sealed))
	require.False(t, bytes.Contains(sealed, []byte("private")))
}
