package kacls

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"hash"
	"strings"
)

// parsePrivateKey reads wrapprivatekey's private_key: PEM (RSA PRIVATE KEY
// or PRIVATE KEY) or base64 DER PKCS#8, RSA of 2048 to 4096 bits (KA15).
func parsePrivateKey(s string) (*rsa.PrivateKey, error) {
	var der []byte
	if blk, _ := pem.Decode([]byte(s)); blk != nil {
		der = blk.Bytes
	} else {
		b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
		if err != nil {
			return nil, errBadRequest("private_key is neither PEM nor base64 DER")
		}
		der = b
	}
	var key any
	key, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		if key, err = x509.ParsePKCS1PrivateKey(der); err != nil {
			return nil, errBadRequest("private_key is not a PKCS#8 or PKCS#1 private key")
		}
	}
	rk, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, errBadRequest("private_key is not an RSA key")
	}
	if n := rk.N.BitLen(); n < 2048 || n > 4096 {
		return nil, errBadRequest("private_key is RSA-%d; 2048 to 4096 bits are accepted", n)
	}
	return rk, nil
}

// spkiHash is the standard base64 SHA-256 of the DER SubjectPublicKeyInfo.
func spkiHash(pub *rsa.PublicKey) (string, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(der)
	return base64.StdEncoding.EncodeToString(sum[:]), nil
}

// POST wrapprivatekey: a privileged user's IdP token; the answer is a v2
// blob (KA6).
func (s *Service) wrapPrivateKey(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	pk, err := r.str("private_key", true, maxPrivKey)
	if err != nil {
		return nil, err
	}
	pid, err := r.str("perimeter_id", false, maxNameLen)
	if err != nil {
		return nil, err
	}
	raw, err := r.token("authentication")
	if err != nil {
		return nil, err
	}
	if _, err := s.privileged(ctx, in, raw, rec); err != nil {
		return nil, err
	}
	key, err := parsePrivateKey(pk)
	if err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	pt, err := privatePayload{DER: der, PerimeterID: pid}.marshal()
	if err != nil {
		return nil, errBadRequest("%v", err)
	}
	blob, err := s.wrap(ctx, in, blobPrivateKey, pt)
	if err != nil {
		return nil, err
	}
	if len(blob) > maxWrappedPriv {
		return nil, errBadRequest("the wrapped private key would be %d bytes; at most %d are allowed", len(blob), maxWrappedPriv)
	}
	return map[string]string{"wrapped_private_key": b64(blob)}, nil
}

// unwrapPrivate opens a v2 blob.
func (s *Service) unwrapPrivate(ctx context.Context, in *instance, blob []byte) (*rsa.PrivateKey, error) {
	pt, err := s.unwrap(ctx, in, blobPrivateKey, blob)
	if err != nil {
		return nil, err
	}
	p, err := parsePrivatePayload(pt)
	if err != nil {
		return nil, errBadRequest("%v", err)
	}
	k, err := x509.ParsePKCS8PrivateKey(p.DER)
	if err != nil {
		return nil, errBadRequest("wrapped private key: unusable key")
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errBadRequest("wrapped private key: not RSA")
	}
	return rk, nil
}

// checkSPKI compares a token's or request's spki_hash with the key's.
func checkSPKI(key *rsa.PrivateKey, algorithm, want, from string) error {
	if algorithm != "SHA-256" {
		return errBadRequest("spki_hash_algorithm %q: only SHA-256 is supported", algorithm)
	}
	got, err := spkiHash(&key.PublicKey)
	if err != nil {
		return err
	}
	if want != got {
		return errPermission("the %s spki_hash does not name the wrapped private key", from)
	}
	return nil
}

// decryptDEK decrypts with the algorithm names of KA15.
func decryptDEK(key *rsa.PrivateKey, algorithm string, edek, label []byte) ([]byte, error) {
	var h hash.Hash
	switch algorithm {
	case "RSA/ECB/PKCS1Padding":
		out, err := rsa.DecryptPKCS1v15(nil, key, edek)
		if err != nil {
			return nil, errBadRequest("RSA decryption failed")
		}
		return out, nil
	case "RSA/ECB/OAEPWithSHA-1AndMGF1Padding":
		h = sha1.New()
	case "RSA/ECB/OAEPWithSHA-256AndMGF1Padding":
		h = sha256.New()
	case "RSA/ECB/OAEPWithSHA-512AndMGF1Padding":
		h = sha512.New()
	default:
		return nil, errBadRequest("algorithm %q is not supported (RSA/ECB/PKCS1Padding, RSA/ECB/OAEPWithSHA-1AndMGF1Padding, RSA/ECB/OAEPWithSHA-256AndMGF1Padding, RSA/ECB/OAEPWithSHA-512AndMGF1Padding)", algorithm)
	}
	out, err := rsa.DecryptOAEP(h, nil, key, edek, label)
	if err != nil {
		return nil, errBadRequest("RSA decryption failed")
	}
	return out, nil
}

// decryptFields reads what both private-key decryptions take.
type decryptFields struct {
	algorithm string
	edek      []byte
	label     []byte
	blob      []byte
}

func (r request) decryptFields(rec *record) (decryptFields, error) {
	var f decryptFields
	var err error
	if err = r.reason(rec, true); err != nil {
		return f, err
	}
	if f.algorithm, err = r.str("algorithm", true, 128); err != nil {
		return f, err
	}
	if f.edek, err = r.bytes("encrypted_data_encryption_key", true, 1, maxEDEK); err != nil {
		return f, err
	}
	if f.label, err = r.bytes("rsa_oaep_label", false, 0, maxEDEK); err != nil {
		return f, err
	}
	f.blob, err = r.bytes("wrapped_private_key", true, 1, maxWrappedPriv)
	return f, err
}

// POST privatekeydecrypt: a Gmail authorization token (role decrypter)
// whose spki_hash names the wrapped key.
func (s *Service) privateKeyDecrypt(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	f, err := r.decryptFields(rec)
	if err != nil {
		return nil, err
	}
	_, az, err := s.userTokens(ctx, in, r, rec, userOpts{roles: []string{"decrypter"}})
	if err != nil {
		return nil, err
	}
	key, err := s.unwrapPrivate(ctx, in, f.blob)
	if err != nil {
		return nil, err
	}
	if err := checkSPKI(key, firstNonEmpty(az.SPKIHashAlgorithm, "SHA-256"), az.SPKIHash, "authorization token's"); err != nil {
		return nil, err
	}
	dek, err := decryptDEK(key, f.algorithm, f.edek, f.label)
	if err != nil {
		return nil, err
	}
	return map[string]string{"data_encryption_key": b64(dek)}, nil
}

// POST privilegedprivatekeydecrypt: a privileged user's IdP token; the
// request's spki_hash must name the wrapped key.
func (s *Service) privilegedPrivateKeyDecrypt(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	f, err := r.decryptFields(rec)
	if err != nil {
		return nil, err
	}
	hash, err := r.str("spki_hash", true, 256)
	if err != nil {
		return nil, err
	}
	hashAlg, err := r.str("spki_hash_algorithm", true, 64)
	if err != nil {
		return nil, err
	}
	raw, err := r.token("authentication")
	if err != nil {
		return nil, err
	}
	if _, err := s.privileged(ctx, in, raw, rec); err != nil {
		return nil, err
	}
	key, err := s.unwrapPrivate(ctx, in, f.blob)
	if err != nil {
		return nil, err
	}
	if err := checkSPKI(key, hashAlg, hash, "request's"); err != nil {
		return nil, err
	}
	dek, err := decryptDEK(key, f.algorithm, f.edek, f.label)
	if err != nil {
		return nil, err
	}
	return map[string]string{"data_encryption_key": b64(dek)}, nil
}

// POST privatekeysign: SHA256withRSA over a 32-byte digest, PKCS#1 v1.5,
// or RSASSA-PSS when rsa_pss_salt_length is given (KA15).
func (s *Service) privateKeySign(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	if err := r.reason(rec, true); err != nil {
		return nil, err
	}
	alg, err := r.str("algorithm", true, 128)
	if err != nil {
		return nil, err
	}
	digest, err := r.bytes("digest", true, 1, maxDigest)
	if err != nil {
		return nil, err
	}
	blob, err := r.bytes("wrapped_private_key", true, 1, maxWrappedPriv)
	if err != nil {
		return nil, err
	}
	var salt *int
	if raw, ok := r["rsa_pss_salt_length"]; ok && string(raw) != "null" {
		var n int
		if err := json.Unmarshal(raw, &n); err != nil || n < 1 {
			return nil, errBadRequest("rsa_pss_salt_length must be a positive integer")
		}
		salt = &n
	}
	if alg != "SHA256withRSA" {
		return nil, errBadRequest("algorithm %q is not supported (SHA256withRSA)", alg)
	}
	if len(digest) != sha256.Size {
		return nil, errBadRequest("digest is %d bytes; SHA256withRSA signs a 32-byte SHA-256 digest", len(digest))
	}
	_, az, err := s.userTokens(ctx, in, r, rec, userOpts{roles: []string{"signer"}})
	if err != nil {
		return nil, err
	}
	key, err := s.unwrapPrivate(ctx, in, blob)
	if err != nil {
		return nil, err
	}
	if err := checkSPKI(key, firstNonEmpty(az.SPKIHashAlgorithm, "SHA-256"), az.SPKIHash, "authorization token's"); err != nil {
		return nil, err
	}
	var sig []byte
	if salt != nil {
		if *salt > key.Size()-sha256.Size-2 {
			return nil, errBadRequest("rsa_pss_salt_length %d is too long for this key", *salt)
		}
		sig, err = rsa.SignPSS(rand.Reader, key, crypto.SHA256, digest, &rsa.PSSOptions{SaltLength: *salt})
	} else {
		sig, err = rsa.SignPKCS1v15(nil, key, crypto.SHA256, digest)
	}
	if err != nil {
		return nil, errBadRequest("signing failed: %v", err)
	}
	return map[string]string{"signature": b64(sig)}, nil
}
