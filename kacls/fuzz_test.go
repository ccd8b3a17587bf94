package kacls

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"testing"

	jose "github.com/go-jose/go-jose/v4"
)

// FuzzWrappedKey feeds arbitrary bytes to the wrapped-key decoder: the
// layout parser, the decryption with a fixed key, and the payload parsers
// of both versions. Nothing may panic; a payload that parses must
// marshal back to the same bytes.
func FuzzWrappedKey(f *testing.F) {
	key := bytes.Repeat([]byte{7}, 32)
	id := KeyID{1, 2, 3, 4, 5, 6, 7, 8}
	nonce := bytes.Repeat([]byte{9}, nonceLen)
	v1, _ := keyPayload{DEK: []byte("data-encryption-key"), ResourceName: "resource-name", PerimeterID: "p1"}.marshal()
	v2, _ := privatePayload{DER: []byte{0x30, 0x03, 0x02, 0x01, 0x00}, PerimeterID: ""}.marshal()
	for _, s := range [][]byte{v1, v2} {
		f.Add(s)
	}
	b1, _ := sealBlob(blobKey, id, key, nonce, v1)
	b2, _ := sealBlob(blobPrivateKey, id, key, nonce, v2)
	f.Add(b1)
	f.Add(b2)
	f.Add([]byte{})
	f.Add([]byte{0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		if sb, err := parseBlob(b); err == nil {
			if sb.Version != blobKey && sb.Version != blobPrivateKey {
				t.Fatalf("version 0x%02x accepted", sb.Version)
			}
			if pt, err := openBlob(sb, key); err == nil {
				_, _ = parseKeyPayload(pt)
				_, _ = parsePrivatePayload(pt)
			}
		}
		if p, err := parseKeyPayload(b); err == nil {
			again, err := p.marshal()
			if err != nil || !bytes.Equal(again, b) {
				t.Fatalf("v1 payload does not round-trip: %x → %+v → %x (%v)", b, p, again, err)
			}
		}
		if p, err := parsePrivatePayload(b); err == nil {
			again, err := p.marshal()
			if err != nil || !bytes.Equal(again, b) {
				t.Fatalf("v2 payload does not round-trip: %x → %x (%v)", b, again, err)
			}
		}
	})
}

// FuzzParseToken feeds arbitrary strings to the token parser every
// request's tokens go through. Nothing may panic, and what it accepts is a
// JWS with one of the accepted algorithms.
func FuzzParseToken(f *testing.F) {
	rk, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range []map[string]any{
		{"iss": TestAuthz, "aud": AudAuthorization, "exp": 1_900_000_000, "iat": 1_800_000_000, "role": "writer", "email": "u@example.com"},
		{"aud": []any{"a", "b"}, "exp": "1900000000"},
		{"exp": 1.5, "email": 5},
	} {
		tok, err := sign(jose.RS256, jose.JSONWebKey{Key: rk, KeyID: "k1"}, c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(tok)
		none, _ := unsigned("k1", c)
		f.Add(none)
	}
	f.Add("")
	f.Add("a.b.c")
	f.Add("eyJhbGciOiJSUzI1NiJ9.e30.")
	f.Fuzz(func(t *testing.T, raw string) {
		p, err := ParseToken(raw)
		if err != nil {
			return
		}
		ok := false
		for _, a := range acceptedAlgs {
			ok = ok || string(a) == p.claims.Alg
		}
		if !ok {
			t.Fatalf("alg %q accepted", p.claims.Alg)
		}
	})
}
