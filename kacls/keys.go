package kacls

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"

	jose "github.com/go-jose/go-jose/v4"
)

// wrappingKeys returns the instance's wrapping keys, the primary first,
// creating the first one when there is none (first start, after a reset).
func (s *Service) wrappingKeys(ctx context.Context, in *instance) ([]WrappingKey, error) {
	keys, err := s.cfg.Store.KACLSWrappingKeys(ctx, in.name)
	if err != nil || len(keys) > 0 {
		return keys, err
	}
	k, err := s.newWrappingKey()
	if err != nil {
		return nil, err
	}
	if _, err := s.cfg.Store.AddKACLSWrappingKey(ctx, in.name, k, true); err != nil {
		return nil, err
	}
	keys, err = s.cfg.Store.KACLSWrappingKeys(ctx, in.name)
	if err == nil && len(keys) == 0 {
		err = errors.New("kacls: no wrapping key after creating one")
	}
	return keys, err
}

func (s *Service) newWrappingKey() (WrappingKey, error) {
	k := WrappingKey{Material: make([]byte, 32), Primary: true, Created: s.cfg.Now().UTC()}
	if _, err := rand.Read(k.ID[:]); err != nil {
		return k, err
	}
	if _, err := rand.Read(k.Material); err != nil {
		return k, err
	}
	return k, nil
}

// Rotate gives an instance a new primary wrapping key; older keys keep
// unwrapping (POST /_emulator/kacls/rotate; KA6).
func (s *Service) Rotate(ctx context.Context, name string) (RotateResult, error) {
	in, err := s.instanceNamed(name)
	if err != nil {
		return RotateResult{}, err
	}
	if _, err := s.wrappingKeys(ctx, in); err != nil {
		return RotateResult{}, err
	}
	k, err := s.newWrappingKey()
	if err != nil {
		return RotateResult{}, err
	}
	if _, err := s.cfg.Store.AddKACLSWrappingKey(ctx, in.name, k, false); err != nil {
		return RotateResult{}, err
	}
	keys, err := s.cfg.Store.KACLSWrappingKeys(ctx, in.name)
	if err != nil {
		return RotateResult{}, err
	}
	return RotateResult{Instance: in.name, PrimaryKeyID: fmt.Sprintf("%x", k.ID[:]), Keys: len(keys)}, nil
}

// RotateResult is the answer of Rotate.
type RotateResult struct {
	Instance     string `json:"instance"`
	PrimaryKeyID string `json:"primaryKeyID"`
	Keys         int    `json:"keys"`
}

// signer is a parsed RSA signing key and its public JWK.
type signer struct {
	key *rsa.PrivateKey
	jwk jose.JSONWebKey // public, with kid, use and alg
}

// signingKey returns owner's signing key, creating an RSA-2048 key at the
// first use (KA7).
func (s *Service) signingKey(ctx context.Context, owner string) (*signer, error) {
	s.mu.RLock()
	sg := s.signers[owner]
	s.mu.RUnlock()
	if sg != nil {
		return sg, nil
	}
	s.genMu.Lock()
	defer s.genMu.Unlock()
	rec, err := s.cfg.Store.KACLSSigningKey(ctx, owner)
	if errors.Is(err, ErrNotFound) {
		key, gerr := rsa.GenerateKey(rand.Reader, 2048)
		if gerr != nil {
			return nil, gerr
		}
		der, gerr := x509.MarshalPKCS8PrivateKey(key)
		if gerr != nil {
			return nil, gerr
		}
		kid, gerr := thumbprint(&key.PublicKey)
		if gerr != nil {
			return nil, gerr
		}
		if _, err = s.cfg.Store.CreateKACLSSigningKey(ctx, SigningKey{Owner: owner, KID: kid, DER: der, Created: s.cfg.Now().UTC()}); err != nil {
			return nil, err
		}
		rec, err = s.cfg.Store.KACLSSigningKey(ctx, owner)
	}
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKCS8PrivateKey(rec.DER)
	if err != nil {
		return nil, fmt.Errorf("kacls signing key %s: %w", owner, err)
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("kacls signing key %s: not RSA", owner)
	}
	sg = &signer{key: rk, jwk: jose.JSONWebKey{Key: &rk.PublicKey, KeyID: rec.KID, Use: "sig", Algorithm: string(jose.RS256)}}
	s.mu.Lock()
	if s.signers == nil {
		s.signers = map[string]*signer{}
	}
	s.signers[owner] = sg
	s.mu.Unlock()
	return sg, nil
}

// thumbprint is the RFC 7638 SHA-256 thumbprint of pub, base64url.
func thumbprint(pub crypto.PublicKey) (string, error) {
	j := jose.JSONWebKey{Key: pub}
	tp, err := j.Thumbprint(crypto.SHA256)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(tp), nil
}

// wrap seals a payload under the instance's primary key as a blob of
// version v.
func (s *Service) wrap(ctx context.Context, in *instance, v byte, plaintext []byte) ([]byte, error) {
	keys, err := s.wrappingKeys(ctx, in)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, nonceLen)
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return sealBlob(v, keys[0].ID, keys[0].Material, nonce, plaintext)
}

// unwrap opens a blob of the expected version with one of the instance's
// keys; every failure is a 400 (KA6).
func (s *Service) unwrap(ctx context.Context, in *instance, want byte, blob []byte) ([]byte, error) {
	sb, err := parseBlob(blob)
	if err != nil {
		return nil, errBadRequest("%v", err)
	}
	if sb.Version != want {
		if want == blobKey {
			return nil, errBadRequest("wrapped key: this is a wrapped private key (wrapprivatekey), not a wrapped data-encryption key")
		}
		return nil, errBadRequest("wrapped private key: this is a wrapped data-encryption key, not a wrapped private key")
	}
	keys, err := s.wrappingKeys(ctx, in)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if k.ID == sb.KeyID {
			pt, err := openBlob(sb, k.Material)
			if err != nil {
				return nil, errBadRequest("%v", err)
			}
			return pt, nil
		}
	}
	return nil, errBadRequest("wrapped key: made by another KACLS or with a key this instance does not hold (key id %x)", sb.KeyID[:])
}

// unwrapKey opens a v1 blob.
func (s *Service) unwrapKey(ctx context.Context, in *instance, blob []byte) (keyPayload, error) {
	pt, err := s.unwrap(ctx, in, blobKey, blob)
	if err != nil {
		return keyPayload{}, err
	}
	p, err := parseKeyPayload(pt)
	if err != nil {
		return keyPayload{}, errBadRequest("%v", err)
	}
	return p, nil
}

// wrapKey makes a v1 blob.
func (s *Service) wrapKey(ctx context.Context, in *instance, p keyPayload) ([]byte, error) {
	pt, err := p.marshal()
	if err != nil {
		return nil, errBadRequest("%v", err)
	}
	return s.wrap(ctx, in, blobKey, pt)
}
