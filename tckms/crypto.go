package tckms

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"io"
	"sort"
)

// Wrapping algorithms of GetParametersForImport.
const (
	wrapPKCS1      = "RSAES_PKCS1_V1_5"
	wrapOAEPSHA1   = "RSAES_OAEP_SHA_1"
	wrapOAEPSHA256 = "RSAES_OAEP_SHA_256"
	wrapSpec       = "RSA_2048"
)

func validWrapping(a string) bool {
	return a == wrapPKCS1 || a == wrapOAEPSHA1 || a == wrapOAEPSHA256
}

// unwrap decrypts imported material with the import parameters' private
// key and algorithm.
func unwrap(p ImportParams, wrapped []byte) ([]byte, bool) {
	k, err := x509.ParsePKCS8PrivateKey(p.PrivateKey)
	if err != nil {
		return nil, false
	}
	priv, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, false
	}
	var out []byte
	switch p.Algorithm {
	case wrapPKCS1:
		out, err = rsa.DecryptPKCS1v15(nil, priv, wrapped) //nolint:staticcheck // the algorithm the API offers
	case wrapOAEPSHA1:
		out, err = rsa.DecryptOAEP(sha1.New(), nil, priv, wrapped, nil)
	case wrapOAEPSHA256:
		out, err = rsa.DecryptOAEP(sha256.New(), nil, priv, wrapped, nil)
	default:
		return nil, false
	}
	return out, err == nil
}

// fingerprint is the HMAC-SHA256 of material under the store's
// fingerprint key: it tells whether material is the same without keeping
// it.
func fingerprint(key, material []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(material)
	return m.Sum(nil)
}

// maxContext bounds EncryptionContext.
const maxContext = 1024

// canonicalContext parses an EncryptionContext (a JSON object of strings,
// or "") into its canonical form: keys sorted, compact.
func canonicalContext(name, s string) ([]byte, *Error) {
	if s == "" {
		return nil, nil
	}
	if len(s) > maxContext {
		return nil, errValue(name, "longer than 1024 characters")
	}
	var m map[string]string
	if err := json.Unmarshal([]byte(s), &m); err != nil || m == nil {
		return nil, errValue(name, `not a JSON object of strings such as {"Key":"Value"}`)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := []byte{'{'}
	for i, k := range keys {
		if i > 0 {
			out = append(out, ',')
		}
		kb, _ := json.Marshal(k)
		vb, _ := json.Marshal(m[k])
		out = append(append(append(out, kb...), ':'), vb...)
	}
	return append(out, '}'), nil
}

// Ciphertext blob (docs/tencent-kms.md, ciphertext): base64 of
// KeyId (36 ASCII bytes) ‖ nonce (12) ‖ AES-GCM ciphertext ‖ tag (16),
// AAD = KeyId ‖ canonical EncryptionContext; AES-256 with 32-byte material,
// AES-128 (standing in for SM4) with 16-byte material.
const (
	blobIDLen    = 36
	blobNonceLen = 12
	blobTagLen   = 16
	// maxBlob bounds a CiphertextBlob parameter (base64 characters).
	maxBlob = 8192
)

func seal(rnd io.Reader, keyID string, material, plaintext, ctx []byte) (string, error) {
	block, err := aes.NewCipher(material)
	if err != nil {
		return "", err
	}
	g, err := cipher.NewGCM(block)
	if err != nil {
		return "", err
	}
	out := make([]byte, blobIDLen+blobNonceLen, blobIDLen+blobNonceLen+len(plaintext)+blobTagLen)
	copy(out, keyID)
	if _, err := io.ReadFull(rnd, out[blobIDLen:]); err != nil {
		return "", err
	}
	aad := append([]byte(keyID), ctx...)
	out = g.Seal(out, out[blobIDLen:], plaintext, aad)
	return base64.StdEncoding.EncodeToString(out), nil
}

// blobKeyID reads the key ID of a blob.
func blobKeyID(name, b64 string) ([]byte, string, *Error) {
	if len(b64) > maxBlob {
		return nil, "", newErr(codeInvalidCiphertext, "The %s is longer than %d characters.", name, maxBlob)
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(raw) < blobIDLen+blobNonceLen+blobTagLen {
		return nil, "", newErr(codeInvalidCiphertext, "The %s is not a ciphertext of this KMS.", name)
	}
	id, ok := validKeyID(string(raw[:blobIDLen]))
	if !ok || id != string(raw[:blobIDLen]) {
		return nil, "", newErr(codeInvalidCiphertext, "The %s is not a ciphertext of this KMS.", name)
	}
	return raw, id, nil
}

func open(raw, material, ctx []byte) ([]byte, bool) {
	block, err := aes.NewCipher(material)
	if err != nil {
		return nil, false
	}
	g, err := cipher.NewGCM(block)
	if err != nil {
		return nil, false
	}
	aad := append(append([]byte{}, raw[:blobIDLen]...), ctx...)
	pt, err := g.Open(nil, raw[blobIDLen:blobIDLen+blobNonceLen], raw[blobIDLen+blobNonceLen:], aad)
	return pt, err == nil
}
