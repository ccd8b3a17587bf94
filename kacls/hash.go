package kacls

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
)

// ResourceKeyHash is Google's resource_key_hash: the standard base64 of
// HMAC-SHA256 keyed with the data-encryption key over
// "ResourceKeyDigest:" ‖ resource_name ‖ ":" ‖ perimeter_id (docs/kacls.md,
// resource_key_hash).
func ResourceKeyHash(dek []byte, resourceName, perimeterID string) string {
	m := hmac.New(sha256.New, dek)
	m.Write([]byte("ResourceKeyDigest:" + resourceName + ":" + perimeterID))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}
