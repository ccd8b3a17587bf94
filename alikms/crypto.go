package alikms

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"hash"
	"io"
	"regexp"
)

// The ciphertext blob (docs/alibaba-kms.md, ciphertext): base64 of the key
// version ID (36 ASCII bytes) ‖ 12-byte nonce ‖ AES-GCM ciphertext ‖ tag,
// with AAD = version ID ‖ canonical encryption context.

const versionIDLen = 36

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// encContext is a parsed EncryptionContext: its canonical form (compact
// JSON, keys sorted; "" when absent or empty).
type encContext string

// parseContext reads an EncryptionContext parameter: a JSON object of
// string values.
func parseContext(s string) (encContext, *Error) {
	if s == "" {
		return "", nil
	}
	var m map[string]string
	if err := json.Unmarshal([]byte(s), &m); err != nil || m == nil {
		return "", errInvalid("EncryptionContext must be a JSON object of strings.")
	}
	if len(m) == 0 {
		return "", nil
	}
	b, err := json.Marshal(m) // sorted keys, compact
	if err != nil {
		return "", errInvalid("EncryptionContext must be a JSON object of strings.")
	}
	return encContext(b), nil
}

// seal encrypts plaintext under a version.
func seal(rnd io.Reader, v Version, ctx encContext, plaintext []byte) (string, error) {
	g, err := gcm(v.Material)
	if err != nil {
		return "", err
	}
	out := make([]byte, 0, versionIDLen+12+len(plaintext)+16)
	out = append(out, v.ID...)
	nonce := make([]byte, 12)
	if _, err := io.ReadFull(rnd, nonce); err != nil {
		return "", err
	}
	out = append(out, nonce...)
	out = g.Seal(out, nonce, plaintext, append([]byte(v.ID), ctx...))
	return base64.StdEncoding.EncodeToString(out), nil
}

// blobVersion returns the version ID a blob names, and its raw bytes.
func blobVersion(blob string) (string, []byte, *Error) {
	raw, err := base64.StdEncoding.DecodeString(blob)
	if err != nil || len(raw) < versionIDLen+12+16 {
		return "", nil, errInvalid("CiphertextBlob is malformed.")
	}
	id := string(raw[:versionIDLen])
	if !uuidRE.MatchString(id) {
		return "", nil, errInvalid("CiphertextBlob is malformed.")
	}
	return id, raw, nil
}

// open decrypts a blob's raw bytes with its version.
func open(v Version, ctx encContext, raw []byte) ([]byte, *Error) {
	g, err := gcm(v.Material)
	if err != nil {
		return nil, errInternal
	}
	nonce := raw[versionIDLen : versionIDLen+12]
	pt, err := g.Open(nil, nonce, raw[versionIDLen+12:], append([]byte(v.ID), ctx...))
	if err != nil {
		return nil, errInvalid("The CiphertextBlob cannot be decrypted with this EncryptionContext.")
	}
	return pt, nil
}

func gcm(key []byte) (cipher.AEAD, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

// exportKey encrypts a data key under the caller's public key
// (GenerateAndExportDataKey, ExportDataKey).
type exportKey struct {
	pub  *rsa.PublicKey
	hash func() hash.Hash
	max  int // longest data key one OAEP block holds
}

// parseExport checks PublicKeyBlob, WrappingKeySpec and WrappingAlgorithm.
func parseExport(p params) (*exportKey, *Error) {
	spec, alg, blob := p["WrappingKeySpec"], p["WrappingAlgorithm"], p["PublicKeyBlob"]
	switch {
	case blob == "":
		return nil, errMissing("PublicKeyBlob")
	case spec == "":
		return nil, errMissing("WrappingKeySpec")
	case alg == "":
		return nil, errMissing("WrappingAlgorithm")
	}
	switch spec {
	case "RSA_2048":
	case "EC_SM2":
		return nil, errInvalid("WrappingKeySpec EC_SM2 (SM2PKE) is not supported by the emulator.")
	default:
		return nil, errInvalid("WrappingKeySpec must be RSA_2048 or EC_SM2.")
	}
	ek := &exportKey{}
	switch alg {
	case "RSAES_OAEP_SHA_256":
		ek.hash, ek.max = sha256.New, 256-2*32-2
	case "RSAES_OAEP_SHA_1":
		ek.hash, ek.max = sha1.New, 256-2*20-2
	case "SM2PKE":
		return nil, errInvalid("WrappingAlgorithm SM2PKE does not go with WrappingKeySpec RSA_2048.")
	default:
		return nil, errInvalid("WrappingAlgorithm must be RSAES_OAEP_SHA_256, RSAES_OAEP_SHA_1 or SM2PKE.")
	}
	der, err := base64.StdEncoding.DecodeString(blob)
	if err != nil {
		return nil, errInvalid("PublicKeyBlob must be a base64 DER SubjectPublicKeyInfo.")
	}
	pk, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return nil, errInvalid("PublicKeyBlob must be a base64 DER SubjectPublicKeyInfo.")
	}
	rk, ok := pk.(*rsa.PublicKey)
	if !ok || rk.N.BitLen() != 2048 {
		return nil, errInvalid("PublicKeyBlob must be an RSA 2048-bit public key for WrappingKeySpec RSA_2048.")
	}
	ek.pub = rk
	return ek, nil
}

// wrap returns base64 of the OAEP ciphertext of dk.
func (ek *exportKey) wrap(rnd io.Reader, dk []byte) (string, *Error) {
	if len(dk) > ek.max {
		return "", errInvalid("The data key (%d bytes) is longer than one OAEP block (%d bytes).", len(dk), ek.max)
	}
	ct, err := rsa.EncryptOAEP(ek.hash(), rnd, ek.pub, dk, nil)
	if err != nil {
		return "", errInternal
	}
	return base64.StdEncoding.EncodeToString(ct), nil
}
