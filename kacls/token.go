package kacls

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// Audiences and issuers of the KACLS tokens (docs/kacls.md, tokens).
const (
	AudAuthorization = "cse-authorization"
	AudMigration     = "kacls-migration"
	AudDelegation    = "kacls-delegation"
	// DefaultAuthnAudience is the audience IdP tokens must carry unless
	// configured otherwise.
	DefaultAuthnAudience = "kacls-emulator"

	// TestIdP and TestAuthz are the emulator's own issuers (KA11).
	TestIdP   = "emulator-cse-idp"
	TestAuthz = "emulator-cse-authz@system.local"
	// MigrationIssuer is Google's KACLS migration service.
	MigrationIssuer = "apps-security-cse-kaclscommunication@system.gserviceaccount.com"
)

// GoogleAuthzIssuers are Google's authorization-token issuers.
var GoogleAuthzIssuers = []string{
	"gsuitecse-tokenissuer-drive@system.gserviceaccount.com",
	"gsuitecse-tokenissuer-meet@system.gserviceaccount.com",
	"gsuitecse-tokenissuer-calendar@system.gserviceaccount.com",
	"gsuitecse-tokenissuer-gmail@system.gserviceaccount.com",
	MigrationIssuer,
}

// tokenLeeway is the tolerance of exp and iat on the emulator clock (KA8).
const tokenLeeway = 60 * time.Second

// acceptedAlgs are the signature algorithms a token may use; none and
// HMAC are refused (KA8).
var acceptedAlgs = []jose.SignatureAlgorithm{jose.RS256, jose.RS384, jose.RS512, jose.PS256, jose.ES256, jose.ES384}

// class says which kind of token is expected and so where its keys are.
type class int

const (
	classAuthn     class = iota // a customer IdP's authentication token
	classAuthz                  // Google's (or the test issuer's) authorization token
	classMigration              // a peer KACLS's migration JWT
	classDelegated              // a delegated authentication token this instance minted
)

func (c class) String() string {
	return [...]string{"authentication", "authorization", "KACLS migration", "delegated authentication"}[c]
}

// token is a verified token's header and claims.
type token struct {
	Class             class
	Alg, Kid          string
	Iss               string
	Aud               []string
	Exp, Iat          time.Time
	Email             string
	GoogleEmail       string
	EmailType         string
	Role              string
	KaclsURL          string
	ResourceName      string
	PerimeterID       string
	DelegatedTo       string
	KaclsOwnerDomain  string
	MessageID         string
	SPKIHash          string
	SPKIHashAlgorithm string
}

// userEmail is the email that names the user: google_email when present,
// else email.
func (t token) userEmail() string {
	if t.GoogleEmail != "" {
		return t.GoogleEmail
	}
	return t.Email
}

// hasAud reports whether the token's aud holds a.
func (t token) hasAud(a string) bool {
	for _, x := range t.Aud {
		if x == a {
			return true
		}
	}
	return false
}

// parsedToken is a token parsed but not yet verified.
type parsedToken struct {
	jws    *jwt.JSONWebToken
	claims token
}

// ParseToken parses a compact JWS token and reads its claims without
// verifying anything; it fails on anything that is not a JWS signed with
// one of the accepted algorithms, and on claims of the wrong JSON types.
// It is the parser every request's tokens go through (fuzzed).
func ParseToken(raw string) (parsedToken, error) {
	if len(raw) > maxTokenLen {
		return parsedToken{}, fmt.Errorf("longer than %d bytes", maxTokenLen)
	}
	jws, err := jwt.ParseSigned(raw, acceptedAlgs)
	if err != nil {
		return parsedToken{}, fmt.Errorf("not a compact JWS signed with RS256, RS384, RS512, PS256, ES256 or ES384 (alg none and HMAC are refused): %v", err)
	}
	if len(jws.Headers) != 1 {
		return parsedToken{}, errors.New("not exactly one signature")
	}
	var m map[string]any
	if err := jws.UnsafeClaimsWithoutVerification(&m); err != nil || m == nil {
		return parsedToken{}, errors.New("the claims are not a JSON object")
	}
	t, err := claimsFrom(m)
	if err != nil {
		return parsedToken{}, err
	}
	t.Alg, t.Kid = jws.Headers[0].Algorithm, jws.Headers[0].KeyID
	return parsedToken{jws: jws, claims: t}, nil
}

// maxTokenLen bounds a token before it is parsed.
const maxTokenLen = 16 << 10

// claimsFrom reads the claims the KACLS uses; strings must be strings,
// aud a string or an array of strings, exp and iat numbers or numeric
// strings.
func claimsFrom(m map[string]any) (token, error) {
	var t token
	str := func(name string, dst *string) error {
		v, ok := m[name]
		if !ok || v == nil {
			return nil
		}
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("claim %q must be a string", name)
		}
		*dst = s
		return nil
	}
	for name, dst := range map[string]*string{
		"iss": &t.Iss, "email": &t.Email, "google_email": &t.GoogleEmail, "email_type": &t.EmailType,
		"role": &t.Role, "kacls_url": &t.KaclsURL, "resource_name": &t.ResourceName, "perimeter_id": &t.PerimeterID,
		"delegated_to": &t.DelegatedTo, "kacls_owner_domain": &t.KaclsOwnerDomain, "message_id": &t.MessageID,
		"spki_hash": &t.SPKIHash, "spki_hash_algorithm": &t.SPKIHashAlgorithm,
	} {
		if err := str(name, dst); err != nil {
			return t, err
		}
	}
	switch a := m["aud"].(type) {
	case nil:
	case string:
		t.Aud = []string{a}
	case []any:
		for _, x := range a {
			s, ok := x.(string)
			if !ok {
				return t, errors.New(`claim "aud" must be a string or an array of strings`)
			}
			t.Aud = append(t.Aud, s)
		}
	default:
		return t, errors.New(`claim "aud" must be a string or an array of strings`)
	}
	var err error
	if t.Exp, err = numericDate(m, "exp"); err != nil {
		return t, err
	}
	if t.Iat, err = numericDate(m, "iat"); err != nil {
		return t, err
	}
	return t, nil
}

// numericDate reads a NumericDate given as a number or a numeric string
// (Google's pages type them as strings, real tokens carry numbers).
func numericDate(m map[string]any, name string) (time.Time, error) {
	var f float64
	switch v := m[name].(type) {
	case nil:
		return time.Time{}, nil
	case float64:
		f = v
	case string:
		var err error
		if f, err = strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
			return time.Time{}, fmt.Errorf("claim %q must be a number of seconds", name)
		}
	default:
		return time.Time{}, fmt.Errorf("claim %q must be a number of seconds", name)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > 1<<40 {
		return time.Time{}, fmt.Errorf("claim %q is out of range", name)
	}
	return time.Unix(int64(f), 0).UTC(), nil
}

// verify checks a token of class c presented to instance in: parse,
// signature (key by kid, or the only key), issuer, audience, then exp and
// iat on the emulator clock with 60 s leeway; the first failure wins
// (KA8). A missing or bad token is 401; a migration JWT from a KACLS that
// is not a peer is 403.
func (s *Service) verify(ctx context.Context, in *instance, field, raw string, c class) (token, error) {
	if raw == "" {
		return token{}, errUnauthenticated("%s: the %s token is missing", field, c)
	}
	p, err := ParseToken(raw)
	if err != nil {
		return token{}, errUnauthenticated("%s: %v", field, err)
	}
	t := p.claims
	t.Class = c
	if s.cfg.TokenValidationOff {
		return t, nil
	}
	var (
		keys   []jose.JSONWebKey
		remote string
		aud    []string
	)
	switch c {
	case classAuthn:
		iss := s.authn[t.Iss]
		if iss == nil {
			return t, errUnauthenticated("%s: issuer %q is not a trusted identity provider", field, t.Iss)
		}
		if keys, err = s.localKeys(ctx, iss); err != nil {
			return t, err
		}
		remote, aud = iss.url, s.cfg.AuthnAudiences
	case classAuthz:
		iss := s.authz[t.Iss]
		if iss == nil {
			return t, errUnauthenticated("%s: issuer %q is not a trusted authorization issuer", field, t.Iss)
		}
		if keys, err = s.localKeys(ctx, iss); err != nil {
			return t, err
		}
		remote, aud = iss.url, []string{AudAuthorization}
	case classDelegated:
		if NormalizeURL(t.Iss) != in.url {
			return t, errUnauthenticated("%s: a delegated token must be issued by this KACLS (%s), not %q", field, in.url, t.Iss)
		}
		sg, err := s.signingKey(ctx, ownerOf(in.name))
		if err != nil {
			return t, err
		}
		keys, aud = []jose.JSONWebKey{sg.jwk}, []string{AudDelegation}
	case classMigration:
		peer := NormalizeURL(t.Iss)
		if !s.isPeer(peer) || peer == in.url {
			return t, errPermission("%s: KACLS %q is not a configured peer (--kacls-peer)", field, t.Iss)
		}
		remote, aud = peer+"/certs", []string{AudMigration}
	}
	key, err := s.pickKey(ctx, keys, remote, t.Kid)
	if err != nil {
		return t, errUnauthenticated("%s: %v", field, err)
	}
	var m map[string]any
	if err := p.jws.Claims(key.Key, &m); err != nil {
		return t, errUnauthenticated("%s: the signature does not verify with key %q of %s", field, key.KeyID, t.Iss)
	}
	if t.Exp.IsZero() || t.Iat.IsZero() {
		return t, errUnauthenticated("%s: the token must carry exp and iat", field)
	}
	jc := jwt.Claims{Issuer: t.Iss, Audience: jwt.Audience(t.Aud), Expiry: jwt.NewNumericDate(t.Exp), IssuedAt: jwt.NewNumericDate(t.Iat)}
	now := s.cfg.Now()
	err = jc.ValidateWithLeeway(jwt.Expected{AnyAudience: jwt.Audience(aud), Time: now}, tokenLeeway)
	if err == nil && !now.Add(-tokenLeeway).Before(t.Exp) {
		err = jwt.ErrExpired // exp > now - leeway, strictly (go-jose accepts the boundary second)
	}
	switch {
	case errors.Is(err, jwt.ErrInvalidAudience):
		return t, errUnauthenticated("%s: aud %q does not contain %q", field, t.Aud, strings.Join(aud, `" or "`))
	case errors.Is(err, jwt.ErrExpired):
		return t, errUnauthenticated("%s: the token expired at %s (now %s, 60 s leeway)", field, t.Exp.Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	case errors.Is(err, jwt.ErrIssuedInTheFuture):
		return t, errUnauthenticated("%s: iat %s is in the future (now %s, 60 s leeway)", field, t.Iat.Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	case err != nil:
		return t, errUnauthenticated("%s: %v", field, err)
	}
	return t, nil
}

// pickKey finds the verification key: by kid, or the only key when the
// token has none. Keys of a remote set are fetched (cached), and fetched
// again once when the kid is unknown.
func (s *Service) pickKey(ctx context.Context, local []jose.JSONWebKey, remote, kid string) (jose.JSONWebKey, error) {
	find := func(keys []jose.JSONWebKey) (jose.JSONWebKey, bool) {
		if kid == "" {
			if len(keys) == 1 {
				return keys[0], true
			}
			return jose.JSONWebKey{}, false
		}
		for _, k := range keys {
			if k.KeyID == kid {
				return k, true
			}
		}
		return jose.JSONWebKey{}, false
	}
	if k, ok := find(local); ok {
		return k, nil
	}
	if remote != "" {
		for _, refresh := range []bool{false, true} {
			keys, err := s.remoteKeys(ctx, remote, refresh)
			if err != nil {
				return jose.JSONWebKey{}, fmt.Errorf("cannot get the issuer's keys: %v", err)
			}
			all := append(append([]jose.JSONWebKey{}, local...), keys...)
			if k, ok := find(all); ok {
				return k, nil
			}
		}
	}
	if kid == "" {
		return jose.JSONWebKey{}, errors.New("the token has no kid and the issuer has more than one key")
	}
	return jose.JSONWebKey{}, fmt.Errorf("unknown kid %q", kid)
}

// issuerKeys is where one trusted issuer's keys come from: static keys
// (the test key, JWKS files) and a JWKS URL.
type issuerKeys struct {
	keys []jose.JSONWebKey
	url  string
	test bool // the emulator's test key too (made at its first use)
}

// localKeys are iss's static keys, with the test key when it has it.
func (s *Service) localKeys(ctx context.Context, iss *issuerKeys) ([]jose.JSONWebKey, error) {
	if !iss.test {
		return iss.keys, nil
	}
	sg, err := s.signingKey(ctx, ownerTestIssuer)
	if err != nil {
		return nil, err
	}
	return append([]jose.JSONWebKey{sg.jwk}, iss.keys...), nil
}

// Issuer configures one trusted issuer.
type Issuer struct {
	Name    string
	JWKSURL string          // fetched over HTTPS, cached 5 min (real time)
	JWKS    json.RawMessage // a JWKS document (a file's contents)
}
