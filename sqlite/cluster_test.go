package sqlite_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

func certPEM(t *testing.T, notAfter time.Time) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "kms"},
		NotBefore: notAfter.Add(-24 * time.Hour), NotAfter: notAfter}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

// A key server's certificate expiry dates are kept with its row, and rows
// written before the columns existed get them at the next open.
func TestKeyServerCertificateExpiryKeptAndFilledIn(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "emu.db")
	s, err := sqlite.Open(ctx, path, sqlitetest.KEK())
	require.NoError(t, err)
	caExp := time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC)
	certExp := time.Date(2026, 6, 7, 8, 9, 10, 0, time.UTC)
	require.NoError(t, s.Update(ctx, func(tx cluster.Tx) error {
		if err := tx.PutKeyProvider(ctx, cluster.KMIPProvider{ID: 1, Name: "p"}); err != nil {
			return err
		}
		return tx.PutKeyServer(ctx, cluster.KMIPServer{ID: 1, Name: "s", Hostnames: []string{"kms"}, Port: 5696,
			CAPEM: certPEM(t, caExp), ClientCertPEM: certPEM(t, certExp), ProviderID: 1, CAExpires: caExp, CertExpires: certExp})
	}))
	want := []cluster.KeyServerCerts{{ID: 1, ProviderID: 1, CAExpires: caExp, CertExpires: certExp}}
	certs := func(s *sqlite.Store) (out []cluster.KeyServerCerts) {
		require.NoError(t, s.View(ctx, func(tx cluster.Tx) error {
			var err error
			out, err = tx.AssignedKeyServerCerts(ctx)
			return err
		}))
		return out
	}
	require.Equal(t, want, certs(s))

	// As an older version left it.
	_, err = s.DB().ExecContext(ctx, `UPDATE key_servers SET ca_expires = '', cert_expires = ''`)
	require.NoError(t, err)
	require.Equal(t, []cluster.KeyServerCerts{{ID: 1, ProviderID: 1}}, certs(s))
	require.NoError(t, s.Close())

	s, err = sqlite.Open(ctx, path, sqlitetest.KEK())
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, s.Close()) })
	require.Equal(t, want, certs(s))
}
