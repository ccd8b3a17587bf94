package kacls

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	jose "github.com/go-jose/go-jose/v4"
)

// endpoint is one KACLS operation.
type endpoint struct {
	name   string
	method string
	call   func(s *Service, ctx context.Context, in *instance, body []byte, rec *record) (any, error)
}

// endpoints maps a path under an instance to its operation; the table is
// read-only (docs/kacls.md, endpoints).
var endpoints = func() map[string]*endpoint {
	m := map[string]*endpoint{}
	for _, ep := range []*endpoint{
		{"status", http.MethodGet, (*Service).status},
		{"certs", http.MethodGet, (*Service).certs},
		{"wrap", http.MethodPost, (*Service).wrapEP},
		{"unwrap", http.MethodPost, (*Service).unwrapEP},
		{"rewrap", http.MethodPost, (*Service).rewrapEP},
		{"digest", http.MethodPost, (*Service).digestEP},
		{"privilegedwrap", http.MethodPost, (*Service).privilegedWrap},
		{"privilegedunwrap", http.MethodPost, (*Service).privilegedUnwrap},
		{"delegate", http.MethodPost, (*Service).delegate},
		{"wrapprivatekey", http.MethodPost, (*Service).wrapPrivateKey},
		{"privatekeydecrypt", http.MethodPost, (*Service).privateKeyDecrypt},
		{"privatekeysign", http.MethodPost, (*Service).privateKeySign},
		{"privilegedprivatekeydecrypt", http.MethodPost, (*Service).privilegedPrivateKeyDecrypt},
	} {
		m[ep.name] = ep
	}
	// privilegedunwrap's former name (KA2).
	m["takeout_unwrap"] = &endpoint{"takeout_unwrap", http.MethodPost, (*Service).privilegedUnwrap}
	return m
}()

// OperationsSupported is what status lists (KA2).
var OperationsSupported = []string{"delegate", "digest", "privatekeydecrypt", "privatekeysign", "privilegedprivatekeydecrypt",
	"privilegedunwrap", "privilegedwrap", "rewrap", "unwrap", "wrap", "wrapprivatekey"}

// request is a decoded request body: its members by name, unknown ones
// ignored (KA3).
type request map[string]json.RawMessage

func decodeRequest(body []byte) (request, error) {
	var r request
	d := json.NewDecoder(bytes.NewReader(body))
	if err := d.Decode(&r); err != nil || r == nil {
		return nil, errBadRequest("the body must be a JSON object")
	}
	if d.More() {
		return nil, errBadRequest("the body must be one JSON object")
	}
	return r, nil
}

// str reads a string member; a required one must be present. limit > 0
// bounds its UTF-8 length in bytes.
func (r request) str(name string, required bool, limit int) (string, error) {
	raw, ok := r[name]
	if !ok || string(raw) == "null" {
		if required {
			return "", errBadRequest("%s is required", name)
		}
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", errBadRequest("%s must be a string", name)
	}
	if limit > 0 && len(s) > limit {
		return "", errBadRequest("%s is %d bytes; at most %d are allowed", name, len(s), limit)
	}
	if !utf8.ValidString(s) {
		return "", errBadRequest("%s is not valid UTF-8", name)
	}
	return s, nil
}

// token reads a token member: absent is not a 400 but a missing token (401).
func (r request) token(name string) (string, error) {
	s, err := r.str(name, false, maxTokenLen)
	if err != nil {
		return "", errUnauthenticated("%s: %v", name, asError(err).Details)
	}
	return s, nil
}

// bytes reads a base64 member; its decoded length must be from min to max.
func (r request) bytes(name string, required bool, min, max int) ([]byte, error) {
	s, err := r.str(name, required, 0)
	if err != nil || (s == "" && !required) {
		return nil, err
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, errBadRequest("%s is not standard base64 with padding", name)
	}
	if len(b) < min || len(b) > max {
		if len(b) < min {
			return nil, errBadRequest("%s is %d bytes decoded; at least %d are needed", name, len(b), min)
		}
		return nil, errBadRequest("%s is %d bytes decoded; at most %d are allowed", name, len(b), max)
	}
	return b, nil
}

// The field limits (KA4).
const (
	maxReason  = 1024
	maxEDEK    = 1024
	maxDigest  = 128
	maxPrivKey = 64 << 10
)

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// GET status.
func (s *Service) status(_ context.Context, in *instance, _ []byte, _ *record) (any, error) {
	return map[string]any{"name": "Element emulator KACLS", "vendor_id": "element-emulator", "version": s.cfg.Version,
		"server_type": "KACLS", "operations_supported": OperationsSupported}, nil
}

// GET certs: this instance's JWT signing keys (KA7).
func (s *Service) certs(ctx context.Context, in *instance, _ []byte, _ *record) (any, error) {
	sg, err := s.signingKey(ctx, ownerOf(in.name))
	if err != nil {
		return nil, err
	}
	return jose.JSONWebKeySet{Keys: []jose.JSONWebKey{sg.jwk}}, nil
}

// common reads the reason (logged, sanitized) of a request.
func (r request) reason(rec *record, required bool) error {
	reason, err := r.str("reason", required, maxReason)
	if err != nil {
		return err
	}
	rec.Reason = sanitizeReason(reason)
	return nil
}

// userOpts says what an endpoint with user tokens accepts.
type userOpts struct {
	roles     []string
	delegated bool // a delegated authentication token is accepted (wrap, unwrap)
	delegate  bool // the delegate endpoint: delegated_to is required
}

// userTokens verifies an authentication token (an IdP's, or a delegated
// token this instance minted where o.delegated) and an authorization
// token, and applies the checks both share: role, kacls_url,
// resource_name, email_type, kacls_owner_domain, the same user and the
// delegation rule (KA8).
func (s *Service) userTokens(ctx context.Context, in *instance, r request, rec *record, o userOpts) (an, az token, err error) {
	authnRaw, err := r.token("authentication")
	if err != nil {
		return an, az, err
	}
	authzRaw, err := r.token("authorization")
	if err != nil {
		return an, az, err
	}
	c := classAuthn
	if o.delegated && authnRaw != "" {
		if p, perr := ParseToken(authnRaw); perr == nil && p.claims.hasAud(AudDelegation) {
			c = classDelegated
		}
	}
	an, err = s.verify(ctx, in, "authentication", authnRaw, c)
	rec.noteTokens(&an, nil)
	if err != nil {
		return an, az, err
	}
	az, err = s.verify(ctx, in, "authorization", authzRaw, classAuthz)
	rec.noteTokens(&an, &az)
	if err != nil {
		return an, az, err
	}
	if err := s.checkAuthz(in, az, o.roles...); err != nil {
		return an, az, err
	}
	if !strings.EqualFold(az.Email, an.userEmail()) {
		return an, az, errPermission("the authorization token's email %q is not the authenticated user %q", az.Email, an.userEmail())
	}
	switch {
	case an.Class == classDelegated:
		if an.DelegatedTo == "" || az.DelegatedTo != an.DelegatedTo {
			return an, az, errPermission("the delegated token is for %q; the authorization token's delegated_to is %q", an.DelegatedTo, az.DelegatedTo)
		}
		if az.ResourceName != an.ResourceName {
			return an, az, errPermission("the delegated token is for resource %q, the authorization token for %q", an.ResourceName, az.ResourceName)
		}
	case o.delegate:
		if az.DelegatedTo == "" {
			return an, az, errPermission("the authorization token has no delegated_to")
		}
	case az.DelegatedTo != "":
		return an, az, errPermission("an authorization token with delegated_to %q needs a delegated authentication token (from delegate)", az.DelegatedTo)
	}
	return an, az, nil
}

// checkAuthz applies the policy of an authorization token (KA8).
func (s *Service) checkAuthz(in *instance, az token, roles ...string) error {
	ok := false
	for _, r := range roles {
		ok = ok || az.Role == r || (r == "verifier" && az.Role == "check")
	}
	if !ok {
		return errPermission("role %q may not call this endpoint (allowed: %s)", az.Role, strings.Join(roles, ", "))
	}
	if NormalizeURL(az.KaclsURL) != in.url {
		return errPermission("kacls_url %q is not this KACLS (%s)", az.KaclsURL, in.url)
	}
	if az.ResourceName == "" {
		return errPermission("the authorization token has no resource_name")
	}
	if !s.cfg.AllowGuests && (az.EmailType == "google-visitor" || az.EmailType == "customer-idp") {
		return errPermission("email_type %q is refused (--kacls-allow-guests)", az.EmailType)
	}
	if s.cfg.OwnerDomain != "" && az.KaclsOwnerDomain != "" && !strings.EqualFold(az.KaclsOwnerDomain, s.cfg.OwnerDomain) {
		return errPermission("kacls_owner_domain %q is not %q", az.KaclsOwnerDomain, s.cfg.OwnerDomain)
	}
	return nil
}

// privileged verifies an IdP authentication token for the privileged
// endpoints and checks --kacls-privileged-user.
func (s *Service) privileged(ctx context.Context, in *instance, raw string, rec *record) (token, error) {
	an, err := s.verify(ctx, in, "authentication", raw, classAuthn)
	rec.noteTokens(&an, nil)
	if err != nil {
		return an, err
	}
	if len(s.cfg.PrivilegedUsers) > 0 {
		for _, u := range s.cfg.PrivilegedUsers {
			if strings.EqualFold(u, an.userEmail()) {
				return an, nil
			}
		}
		return an, errPermission("%q is not a privileged user (--kacls-privileged-user)", an.userEmail())
	}
	return an, nil
}

// POST wrap.
func (s *Service) wrapEP(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	if err := r.reason(rec, true); err != nil {
		return nil, err
	}
	dek, err := r.bytes("key", true, 1, maxKeyLen)
	if err != nil {
		return nil, err
	}
	_, az, err := s.userTokens(ctx, in, r, rec, userOpts{roles: []string{"writer", "upgrader"}, delegated: true})
	if err != nil {
		return nil, err
	}
	blob, err := s.wrapKey(ctx, in, keyPayload{DEK: dek, ResourceName: az.ResourceName, PerimeterID: az.PerimeterID})
	if err != nil {
		return nil, err
	}
	return map[string]string{"wrapped_key": b64(blob)}, nil
}

// POST unwrap.
func (s *Service) unwrapEP(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	if err := r.reason(rec, true); err != nil {
		return nil, err
	}
	blob, err := r.bytes("wrapped_key", true, 1, maxWrappedKey)
	if err != nil {
		return nil, err
	}
	_, az, err := s.userTokens(ctx, in, r, rec, userOpts{roles: []string{"reader", "writer"}, delegated: true})
	if err != nil {
		return nil, err
	}
	p, err := s.unwrapKey(ctx, in, blob)
	if err != nil {
		return nil, err
	}
	if p.ResourceName != az.ResourceName {
		return nil, errPermission("the key was wrapped for resource %q, the authorization token is for %q", p.ResourceName, az.ResourceName)
	}
	return map[string]string{"key": b64(p.DEK)}, nil
}

// serviceToken verifies the migration service's authorization token
// (rewrap, digest): no authentication token, role from roles.
func (s *Service) serviceToken(ctx context.Context, in *instance, r request, rec *record, roles ...string) (token, error) {
	raw, err := r.token("authorization")
	if err != nil {
		return token{}, err
	}
	az, err := s.verify(ctx, in, "authorization", raw, classAuthz)
	rec.noteTokens(nil, &az)
	if err != nil {
		return az, err
	}
	return az, s.checkAuthz(in, az, roles...)
}

// POST digest: the resource_key_hash of a blob, over the resource and
// perimeter bound in it (KA10).
func (s *Service) digestEP(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	if err := r.reason(rec, true); err != nil {
		return nil, err
	}
	blob, err := r.bytes("wrapped_key", true, 1, maxWrappedKey)
	if err != nil {
		return nil, err
	}
	az, err := s.serviceToken(ctx, in, r, rec, "verifier")
	if err != nil {
		return nil, err
	}
	p, err := s.unwrapKey(ctx, in, blob)
	if err != nil {
		return nil, err
	}
	if p.ResourceName != az.ResourceName {
		return nil, errPermission("the key was wrapped for resource %q, the authorization token is for %q", p.ResourceName, az.ResourceName)
	}
	return map[string]string{"resource_key_hash": ResourceKeyHash(p.DEK, p.ResourceName, p.PerimeterID)}, nil
}

// POST privilegedwrap.
func (s *Service) privilegedWrap(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	if err := r.reason(rec, false); err != nil {
		return nil, err
	}
	dek, err := r.bytes("key", true, 1, maxKeyLen)
	if err != nil {
		return nil, err
	}
	rn, err := r.str("resource_name", true, maxNameLen)
	if err != nil {
		return nil, err
	}
	pid, err := r.str("perimeter_id", false, maxNameLen)
	if err != nil {
		return nil, err
	}
	rec.ResourceName = rn
	raw, err := r.token("authentication")
	if err != nil {
		return nil, err
	}
	if _, err := s.privileged(ctx, in, raw, rec); err != nil {
		return nil, err
	}
	rec.ResourceName = rn
	if rn == "" {
		return nil, errBadRequest("resource_name must not be empty")
	}
	blob, err := s.wrapKey(ctx, in, keyPayload{DEK: dek, ResourceName: rn, PerimeterID: pid})
	if err != nil {
		return nil, err
	}
	return map[string]string{"wrapped_key": b64(blob)}, nil
}

// POST privilegedunwrap (and takeout_unwrap): with a peer KACLS's
// migration JWT (aud kacls-migration) or a privileged user's IdP token;
// the blob's resource must be the request's (KA10).
func (s *Service) privilegedUnwrap(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	if err := r.reason(rec, true); err != nil {
		return nil, err
	}
	blob, err := r.bytes("wrapped_key", true, 1, maxWrappedKey)
	if err != nil {
		return nil, err
	}
	rn, err := r.str("resource_name", true, maxNameLen)
	if err != nil {
		return nil, err
	}
	raw, err := r.token("authentication")
	if err != nil {
		return nil, err
	}
	if p, perr := ParseToken(raw); perr == nil && p.claims.hasAud(AudMigration) {
		t, err := s.verify(ctx, in, "authentication", raw, classMigration)
		rec.noteTokens(&t, nil)
		if err != nil {
			return nil, err
		}
		if NormalizeURL(t.KaclsURL) != in.url {
			return nil, errPermission("the migration token's kacls_url %q is not this KACLS (%s)", t.KaclsURL, in.url)
		}
		if t.ResourceName != rn {
			return nil, errPermission("the migration token is for resource %q, the request for %q", t.ResourceName, rn)
		}
	} else if _, err := s.privileged(ctx, in, raw, rec); err != nil {
		return nil, err
	}
	rec.ResourceName = rn
	p, err := s.unwrapKey(ctx, in, blob)
	if err != nil {
		return nil, err
	}
	if p.ResourceName != rn {
		return nil, errPermission("the key was wrapped for resource %q, not %q", p.ResourceName, rn)
	}
	return map[string]string{"key": b64(p.DEK)}, nil
}

// delegatedTTL is the lifetime of a delegated token (KA8).
const delegatedTTL = 15 * time.Minute

// POST delegate: a delegated authentication token for the authz token's
// delegated_to and resource_name, signed with this instance's key.
func (s *Service) delegate(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	if err := r.reason(rec, true); err != nil {
		return nil, err
	}
	an, az, err := s.userTokens(ctx, in, r, rec, userOpts{roles: []string{"reader", "writer"}, delegate: true})
	if err != nil {
		return nil, err
	}
	now := s.cfg.Now()
	claims := map[string]any{"iss": in.url, "aud": AudDelegation, "email": an.Email, "delegated_to": az.DelegatedTo,
		"resource_name": az.ResourceName, "iat": now.Unix(), "exp": now.Add(delegatedTTL).Unix()}
	if an.GoogleEmail != "" {
		claims["google_email"] = an.GoogleEmail
	}
	tok, err := s.signWith(ctx, ownerOf(in.name), claims)
	if err != nil {
		return nil, err
	}
	return map[string]string{"delegated_authentication": tok}, nil
}
