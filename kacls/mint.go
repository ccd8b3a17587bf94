package kacls

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// signWith signs claims as an RS256 JWT with owner's key (kid = its
// thumbprint, typ JWT).
func (s *Service) signWith(ctx context.Context, owner string, claims map[string]any) (string, error) {
	sg, err := s.signingKey(ctx, owner)
	if err != nil {
		return "", err
	}
	return sign(jose.RS256, jose.JSONWebKey{Key: sg.key, KeyID: sg.jwk.KeyID}, claims)
}

func sign(alg jose.SignatureAlgorithm, key jose.JSONWebKey, claims map[string]any) (string, error) {
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	sgn, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", err
	}
	jws, err := sgn.Sign(payload)
	if err != nil {
		return "", err
	}
	return jws.CompactSerialize()
}

// MintRequest is POST /_emulator/kacls/token (KA11).
type MintRequest struct {
	// Type is authn (the test IdP), authz (the test authorization issuer),
	// migration (Google's KACLS migration service; role migrator unless
	// given) or peer (a KACLS migration JWT signed by Instance).
	Type string `json:"type"`
	// Claims are any JSON; iss, aud, iat and exp are filled in unless
	// given (null removes them).
	Claims map[string]any `json:"claims"`
	// TTLSeconds is exp - iat (default 3600; may be negative).
	TTLSeconds *int64 `json:"ttlSeconds"`
	// Header overrides alg (RS256, PS256, HS256 keyed with the test key's
	// kid, none) and kid (any string; "" or null: no kid).
	Header map[string]any `json:"header"`
	// Instance signs a peer token ("" = the only instance).
	Instance string `json:"instance"`
}

// Mint makes a token from req for offline tests and labs, signed with the
// test issuers' key (or an instance's key for type peer); deliberately bad
// tokens are allowed (KA11).
func (s *Service) Mint(ctx context.Context, req MintRequest) (string, error) {
	now := s.cfg.Now()
	claims := map[string]any{}
	var owner string
	switch req.Type {
	case "authn":
		claims["iss"], claims["aud"] = TestIdP, s.cfg.AuthnAudiences[0]
		owner = ownerTestIssuer
	case "authz":
		claims["iss"], claims["aud"] = TestAuthz, AudAuthorization
		owner = ownerTestIssuer
	case "migration":
		claims["iss"], claims["aud"], claims["role"] = MigrationIssuer, AudAuthorization, "migrator"
		owner = ownerTestIssuer
	case "peer":
		in, err := s.instanceNamed(req.Instance)
		if err != nil {
			return "", err
		}
		claims["iss"], claims["aud"] = s.urlOf(in), AudMigration
		owner = ownerOf(in.name)
	default:
		return "", fmt.Errorf("%w: type must be authn, authz, migration or peer, not %q", ErrBadMint, req.Type)
	}
	if owner == ownerTestIssuer {
		s.mu.RLock()
		on := s.testOn
		s.mu.RUnlock()
		if !on {
			return "", fmt.Errorf("%w: the test issuers are off (--kacls-test-issuers=false)", ErrBadMint)
		}
	}
	ttl := int64(3600)
	if req.TTLSeconds != nil {
		ttl = *req.TTLSeconds
	}
	claims["iat"], claims["exp"] = now.Unix(), now.Add(time.Duration(ttl)*time.Second).Unix()
	maps.Copy(claims, req.Claims)
	for k, v := range claims {
		if v == nil {
			delete(claims, k)
		}
	}
	sg, err := s.signingKey(ctx, owner)
	if err != nil {
		return "", err
	}
	alg, kid := "RS256", sg.jwk.KeyID
	for k, v := range req.Header {
		switch k {
		case "alg":
			a, ok := v.(string)
			if !ok {
				return "", fmt.Errorf("%w: header.alg must be a string", ErrBadMint)
			}
			alg = a
		case "kid":
			if v == nil {
				kid = ""
				continue
			}
			k, ok := v.(string)
			if !ok {
				return "", fmt.Errorf("%w: header.kid must be a string or null", ErrBadMint)
			}
			kid = k
		default:
			return "", fmt.Errorf("%w: header.%s cannot be set (alg and kid can)", ErrBadMint, k)
		}
	}
	switch alg {
	case "RS256", "PS256":
		return sign(jose.SignatureAlgorithm(alg), jose.JSONWebKey{Key: sg.key, KeyID: kid}, claims)
	case "HS256":
		return sign(jose.HS256, jose.JSONWebKey{Key: []byte(sg.jwk.KeyID), KeyID: kid}, claims)
	case "none":
		return unsigned(kid, claims)
	}
	return "", fmt.Errorf("%w: header.alg must be RS256, PS256, HS256 or none, not %q", ErrBadMint, alg)
}

// unsigned builds an alg-none token, for refusal tests only: go-jose
// rightly refuses to produce one, and every verifier here refuses it.
func unsigned(kid string, claims map[string]any) (string, error) {
	h := map[string]string{"alg": "none", "typ": "JWT"}
	if kid != "" {
		h["kid"] = kid
	}
	hb, err := json.Marshal(h)
	if err != nil {
		return "", err
	}
	pb, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString(hb) + "." + enc.EncodeToString(pb) + ".", nil
}
