package kacls

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"errors"
	"fmt"
)

// Wrapped-key format (docs/kacls.md, wrapped keys; KA6):
//
//	byte 0     0x01 (wrapped_key) or 0x02 (wrapped_private_key)
//	bytes 1-8  wrapping-key id        bytes 9-20  GCM nonce        AAD = bytes 0-8
//	v1 rest    AES-256-GCM( len8(DEK) ‖ DEK ‖ len8(resource_name) ‖ resource_name ‖ len8(perimeter_id) ‖ perimeter_id ) ‖ tag
//	v2 rest    AES-256-GCM( len16(PKCS#8 DER) ‖ DER ‖ len8(perimeter_id) ‖ perimeter_id ) ‖ tag
const (
	blobKey        byte = 0x01 // wrapped_key
	blobPrivateKey byte = 0x02 // wrapped_private_key

	keyIDLen  = 8
	nonceLen  = 12
	tagLen    = 16
	headerLen = 1 + keyIDLen + nonceLen

	maxKeyLen        = 128  // key: decoded bytes
	maxNameLen       = 128  // resource_name, perimeter_id
	maxWrappedKey    = 1024 // wrapped_key, decoded
	maxWrappedPriv   = 8192 // wrapped_private_key, decoded
	maxPrivateDERLen = 0xffff
)

// KeyID names a wrapping key inside a blob.
type KeyID [keyIDLen]byte

// errBlob wraps every malformed-blob failure.
var errBlob = errors.New("wrapped key")

// sealedBlob is a blob's header and ciphertext, before decryption.
type sealedBlob struct {
	Version byte
	KeyID   KeyID
	Nonce   []byte
	Sealed  []byte // ciphertext ‖ tag
	AAD     []byte // bytes 0-8
}

// parseBlob splits a blob into its header and ciphertext; it checks only the
// layout (decryption checks the rest).
func parseBlob(b []byte) (sealedBlob, error) {
	if len(b) < headerLen+tagLen {
		return sealedBlob{}, fmt.Errorf("%w: %d bytes is too short to be one", errBlob, len(b))
	}
	if b[0] != blobKey && b[0] != blobPrivateKey {
		return sealedBlob{}, fmt.Errorf("%w: unknown format version 0x%02x", errBlob, b[0])
	}
	var sb sealedBlob
	sb.Version = b[0]
	copy(sb.KeyID[:], b[1:1+keyIDLen])
	sb.Nonce = b[1+keyIDLen : headerLen]
	sb.Sealed = b[headerLen:]
	sb.AAD = b[:1+keyIDLen]
	return sb, nil
}

// keyPayload is what a v1 blob protects.
type keyPayload struct {
	DEK          []byte
	ResourceName string
	PerimeterID  string
}

// privatePayload is what a v2 blob protects.
type privatePayload struct {
	DER         []byte // PKCS#8
	PerimeterID string
}

func appendLen8(out []byte, s []byte) ([]byte, error) {
	if len(s) > 0xff {
		return nil, fmt.Errorf("%w: field of %d bytes", errBlob, len(s))
	}
	out = append(out, byte(len(s)))
	return append(out, s...), nil
}

func (p keyPayload) marshal() ([]byte, error) {
	out := make([]byte, 0, 3+len(p.DEK)+len(p.ResourceName)+len(p.PerimeterID))
	var err error
	for _, f := range [][]byte{p.DEK, []byte(p.ResourceName), []byte(p.PerimeterID)} {
		if out, err = appendLen8(out, f); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (p privatePayload) marshal() ([]byte, error) {
	if len(p.DER) > maxPrivateDERLen {
		return nil, fmt.Errorf("%w: private key of %d bytes", errBlob, len(p.DER))
	}
	out := binary.BigEndian.AppendUint16(make([]byte, 0, 3+len(p.DER)+len(p.PerimeterID)), uint16(len(p.DER)))
	out = append(out, p.DER...)
	return appendLen8(out, []byte(p.PerimeterID))
}

// cut8 takes one len8-prefixed field off b.
func cut8(b []byte) ([]byte, []byte, bool) {
	if len(b) < 1 || len(b) < 1+int(b[0]) {
		return nil, nil, false
	}
	n := int(b[0])
	return b[1 : 1+n], b[1+n:], true
}

// parseKeyPayload decodes a v1 plaintext; every byte must be accounted for.
func parseKeyPayload(pt []byte) (keyPayload, error) {
	dek, rest, ok := cut8(pt)
	if !ok || len(dek) == 0 || len(dek) > maxKeyLen {
		return keyPayload{}, fmt.Errorf("%w: bad key field", errBlob)
	}
	rn, rest, ok := cut8(rest)
	if !ok || len(rn) > maxNameLen {
		return keyPayload{}, fmt.Errorf("%w: bad resource_name field", errBlob)
	}
	pid, rest, ok := cut8(rest)
	if !ok || len(pid) > maxNameLen || len(rest) != 0 {
		return keyPayload{}, fmt.Errorf("%w: bad perimeter_id field", errBlob)
	}
	return keyPayload{DEK: dek, ResourceName: string(rn), PerimeterID: string(pid)}, nil
}

// parsePrivatePayload decodes a v2 plaintext.
func parsePrivatePayload(pt []byte) (privatePayload, error) {
	if len(pt) < 2 {
		return privatePayload{}, fmt.Errorf("%w: bad private key field", errBlob)
	}
	n := int(binary.BigEndian.Uint16(pt))
	if n == 0 || len(pt) < 2+n {
		return privatePayload{}, fmt.Errorf("%w: bad private key field", errBlob)
	}
	der := pt[2 : 2+n]
	pid, rest, ok := cut8(pt[2+n:])
	if !ok || len(pid) > maxNameLen || len(rest) != 0 {
		return privatePayload{}, fmt.Errorf("%w: bad perimeter_id field", errBlob)
	}
	return privatePayload{DER: der, PerimeterID: string(pid)}, nil
}

// sealBlob encrypts plaintext as a blob of version v under key (32 bytes)
// named id, with nonce (12 random bytes).
func sealBlob(v byte, id KeyID, key, nonce, plaintext []byte) ([]byte, error) {
	aead, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, headerLen+len(plaintext)+tagLen)
	out = append(out, v)
	out = append(out, id[:]...)
	aad := out[: 1+keyIDLen : 1+keyIDLen]
	out = append(out, nonce...)
	return aead.Seal(out, nonce, plaintext, aad), nil
}

// openBlob decrypts sb with key.
func openBlob(sb sealedBlob, key []byte) ([]byte, error) {
	aead, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	pt, err := aead.Open(nil, sb.Nonce, sb.Sealed, sb.AAD)
	if err != nil {
		return nil, fmt.Errorf("%w: authentication failed (tampered, or wrapped by another key)", errBlob)
	}
	return pt, nil
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
