package kacls_test

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/pem"
	"hash"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/kacls"
)

func TestPrivateKeyOperations(t *testing.T) {
	e := newEnv(t, kacls.Config{})
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	pemKey := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}))
	spkiDER, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	require.NoError(t, err)
	sum := sha256.Sum256(spkiDER)
	spki := b64(sum[:])

	p := e.ok("", "wrapprivatekey", map[string]any{"authentication": e.authn("admin@example.com"), "private_key": pemKey,
		"perimeter_id": ""})["wrapped_private_key"].(string)
	gmail := func(role, hash string) string {
		return e.authz("", role, "u@example.com", "message-1", map[string]any{"message_id": "m-1", "spki_hash": hash, "spki_hash_algorithm": "SHA-256"})
	}
	dek := dek32(t)

	t.Run("privatekeydecrypt with PKCS#1 v1.5 and each OAEP hash", func(t *testing.T) {
		v15, err := rsa.EncryptPKCS1v15(rand.Reader, &key.PublicKey, dek)
		require.NoError(t, err)
		require.Equal(t, dek, unb64(t, e.ok("", "privatekeydecrypt", map[string]any{"authentication": e.authn("u@example.com"),
			"authorization": gmail("decrypter", spki), "algorithm": "RSA/ECB/PKCS1Padding", "encrypted_data_encryption_key": b64(v15),
			"reason": "read", "wrapped_private_key": p})["data_encryption_key"]))
		for alg, h := range map[string]func() hash.Hash{"RSA/ECB/OAEPWithSHA-1AndMGF1Padding": sha1.New,
			"RSA/ECB/OAEPWithSHA-256AndMGF1Padding": sha256.New, "RSA/ECB/OAEPWithSHA-512AndMGF1Padding": sha512.New} {
			ct, err := rsa.EncryptOAEP(h(), rand.Reader, &key.PublicKey, dek, []byte("label"))
			require.NoError(t, err)
			require.Equal(t, dek, unb64(t, e.ok("", "privatekeydecrypt", map[string]any{"authentication": e.authn("u@example.com"),
				"authorization": gmail("decrypter", spki), "algorithm": alg, "encrypted_data_encryption_key": b64(ct),
				"rsa_oaep_label": b64([]byte("label")), "reason": "read", "wrapped_private_key": p})["data_encryption_key"]), alg)
		}
	})
	v15, err := rsa.EncryptPKCS1v15(rand.Reader, &key.PublicKey, dek)
	require.NoError(t, err)

	t.Run("privatekeysign PKCS#1 v1.5 and PSS", func(t *testing.T) {
		digest := sha256.Sum256([]byte("signed attributes"))
		sig := unb64(t, e.ok("", "privatekeysign", map[string]any{"authentication": e.authn("u@example.com"),
			"authorization": gmail("signer", spki), "algorithm": "SHA256withRSA", "digest": b64(digest[:]), "reason": "send",
			"wrapped_private_key": p})["signature"])
		require.NoError(t, rsa.VerifyPKCS1v15(&key.PublicKey, crypto.SHA256, digest[:], sig))
		sig = unb64(t, e.ok("", "privatekeysign", map[string]any{"authentication": e.authn("u@example.com"),
			"authorization": gmail("signer", spki), "algorithm": "SHA256withRSA", "digest": b64(digest[:]), "reason": "send",
			"wrapped_private_key": p, "rsa_pss_salt_length": 32})["signature"])
		require.NoError(t, rsa.VerifyPSS(&key.PublicKey, crypto.SHA256, digest[:], sig, &rsa.PSSOptions{SaltLength: 32}))
	})

	t.Run("a Gmail token naming another key is refused", func(t *testing.T) {
		other := sha256.Sum256([]byte("other"))
		e.fail("", "privatekeydecrypt", map[string]any{"authentication": e.authn("u@example.com"),
			"authorization": gmail("decrypter", b64(other[:])), "algorithm": "RSA/ECB/PKCS1Padding",
			"encrypted_data_encryption_key": b64(v15), "reason": "read", "wrapped_private_key": p}, http.StatusForbidden)
	})

	t.Run("privilegedprivatekeydecrypt checks the request's spki_hash", func(t *testing.T) {
		body := map[string]any{"authentication": e.authn("admin@example.com"), "algorithm": "RSA/ECB/PKCS1Padding",
			"encrypted_data_encryption_key": b64(v15), "reason": "takeout", "spki_hash": spki, "spki_hash_algorithm": "SHA-256",
			"wrapped_private_key": p}
		require.Equal(t, dek, unb64(t, e.ok("", "privilegedprivatekeydecrypt", body)["data_encryption_key"]))
		other := sha256.Sum256([]byte("other"))
		body["spki_hash"] = b64(other[:])
		e.fail("", "privilegedprivatekeydecrypt", body, http.StatusForbidden)
		body["spki_hash"], body["spki_hash_algorithm"] = spki, "SHA-1"
		e.fail("", "privilegedprivatekeydecrypt", body, http.StatusBadRequest)
	})

	t.Run("a wrapped private key is not a wrapped key", func(t *testing.T) {
		e.fail("", "unwrap", map[string]any{"authentication": e.authn("u@example.com"),
			"authorization": e.authz("", "reader", "u@example.com", "message-1"), "wrapped_key": p, "reason": "r"}, http.StatusBadRequest)
	})

	t.Run("PKCS#8 PEM and base64 DER are accepted too", func(t *testing.T) {
		der, err := x509.MarshalPKCS8PrivateKey(key)
		require.NoError(t, err)
		for _, pk := range []string{string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})), b64(der)} {
			e.ok("", "wrapprivatekey", map[string]any{"authentication": e.authn("admin@example.com"), "private_key": pk})
		}
		small, err := rsa.GenerateKey(rand.Reader, 1024)
		require.NoError(t, err)
		e.fail("", "wrapprivatekey", map[string]any{"authentication": e.authn("admin@example.com"),
			"private_key": string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(small)}))}, http.StatusBadRequest)
	})
}
