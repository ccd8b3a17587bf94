package kmip

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipclient"
	"github.com/ovh/kmip-go/payloads"
	"github.com/ovh/kmip-go/ttlv"
)

// Failure classes of a key-server contact (docs/kmip.md, failure classes),
// nearest first.
const (
	ClassConnection     = "connection"
	ClassAuthentication = "authentication"
	ClassServer         = "server"
)

var classRank = map[string]int{ClassConnection: 0, ClassAuthentication: 1, ClassServer: 2}

var classPrefix = map[string]string{
	ClassConnection:     "Connection failure: ",
	ClassAuthentication: "Authentication failure: ",
	ClassServer:         "Server error: ",
}

// ClientError is every error the cluster-side client returns.
type ClientError struct {
	Class   string // ClassConnection, ClassAuthentication or ClassServer
	Message string // full text, starting "Connection failure: ", "Authentication failure: " or "Server error: "
}

func (e *ClientError) Error() string { return e.Message }

// FailureClass returns Class.
func (e *ClientError) FailureClass() string { return e.Class }

func clientErr(class, format string, args ...any) *ClientError {
	return &ClientError{Class: class, Message: classPrefix[class] + fmt.Sprintf(format, args...)}
}

// Target is one key server as the cluster knows it.
type Target struct {
	Hostnames     []string
	Port          int
	CAPEM         string    // roots: every certificate in the PEM; no system pool
	ClientCertPEM string    // the cluster's client certificate
	ClientKeyPEM  []byte    // the cluster's private key, PEM (PKCS#1 or PKCS#8)
	Now           time.Time // emulator clock, for certificate validity checks
}

// ClientConfig configures the cluster-side client. Zero values are defaults.
type ClientConfig struct {
	Logger          *slog.Logger
	CustomAttribute string // "fallback" (default when ""), "required", "off" (KD16)
	Decommission    string // "revoke-destroy" (default), "revoke", "none" (KD17)
	VerifyHostname  *bool  // nil = true

	ConnectTimeout, HandshakeTimeout, RequestTimeout time.Duration // zero = 5s, 10s, 30s
	LegacyCiphers                                    bool
}

// Client is the emulated cluster's KMIP client: its own hostname loop over
// kmipclient.DialContext, one connection per flow, one operation per message.
type Client struct {
	cfg ClientConfig
	log *slog.Logger
}

// NewClient returns a client with cfg's defaults filled in.
func NewClient(cfg ClientConfig) *Client {
	if cfg.CustomAttribute == "" {
		cfg.CustomAttribute = "fallback"
	}
	if cfg.Decommission == "" {
		cfg.Decommission = "revoke-destroy"
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = 5 * time.Second
	}
	if cfg.HandshakeTimeout <= 0 {
		cfg.HandshakeTimeout = 10 * time.Second
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 30 * time.Second
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Client{cfg: cfg, log: log}
}

// KeyName is the Name the cluster gives a key (KD15).
func KeyName(purpose, keyID string) string { return "SolidFire-" + purpose + "-" + keyID }

// Key purposes (Element CryptoKeyType names).
const (
	PurposeEarSedAuthenticationKey     = "EarSedAuthenticationKey"
	PurposeSoftwareEarKeyEncryptionKey = "SoftwareEarKeyEncryptionKey"
)

// probeTimeout bounds a whole Test call (KD12).
const probeTimeout = 60 * time.Second

// Probe connects (handshake + Discover Versions) and sends Query (KD14).
func (c *Client) Probe(ctx context.Context, t Target) error {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	s, err := c.connect(ctx, t)
	if err != nil {
		return err
	}
	defer s.close()
	s.probe = true
	_, err = s.do(ctx, &payloads.QueryRequestPayload{QueryFunction: []okmip.QueryFunction{
		okmip.QueryFunctionOperations, okmip.QueryFunctionObjects, okmip.QueryFunctionServerInformation,
	}})
	return s.fail(err)
}

// CreateKey creates an AES-256 key for keyID (KD15): Create, Activate, Get,
// with best-effort cleanup when a step after Create fails.
func (c *Client) CreateKey(ctx context.Context, t Target, keyID, purpose string) (string, error) {
	s, err := c.connect(ctx, t)
	if err != nil {
		return "", err
	}
	defer s.close()
	if uid, ok, err := s.adopt(ctx, keyID, purpose); err != nil {
		return "", s.fail(err)
	} else if ok {
		if key, err := s.get(ctx, uid); err != nil {
			return "", s.fail(err)
		} else if len(key) != 32 {
			return "", clientErr(ClassServer, "%s: key %s has %d bytes of material, want 32", s.addr, uid, len(key))
		}
		return uid, nil
	}
	attrName := okmip.AttributeName(KeyIDAttributePrefix + keyID)
	attrs := []okmip.Attribute{
		{AttributeName: okmip.AttributeNameCryptographicAlgorithm, AttributeValue: okmip.CryptographicAlgorithmAES},
		{AttributeName: okmip.AttributeNameCryptographicLength, AttributeValue: int32(256)},
		{AttributeName: okmip.AttributeNameCryptographicUsageMask, AttributeValue: okmip.CryptographicUsageEncrypt | okmip.CryptographicUsageDecrypt},
		{AttributeName: okmip.AttributeNameName, AttributeValue: okmip.Name{NameValue: KeyName(purpose, keyID), NameType: okmip.NameTypeUninterpretedTextString}},
	}
	create := func(withCustom bool) (okmip.OperationPayload, error) {
		a := attrs
		if withCustom {
			a = append(a[:len(a):len(a)], okmip.Attribute{AttributeName: attrName, AttributeValue: keyID})
		}
		return s.do(ctx, &payloads.CreateRequestPayload{ObjectType: okmip.ObjectTypeSymmetricKey, TemplateAttribute: okmip.TemplateAttribute{Attribute: a}})
	}
	resp, err := create(c.cfg.CustomAttribute != "off")
	var re *resultError
	if err != nil && c.cfg.CustomAttribute == "fallback" && errors.As(err, &re) && re.rejectsAttribute() {
		c.log.Warn("kmip server rejected the custom key attribute; creating the key without it",
			"server", s.addr, "attribute", string(attrName), "reason", ttlv.EnumStr(re.reason))
		resp, err = create(false)
	}
	if err != nil {
		return "", s.fail(err)
	}
	cr, ok := resp.(*payloads.CreateResponsePayload)
	if !ok || cr.UniqueIdentifier == "" {
		return "", clientErr(ClassServer, "%s: Create returned no Unique Identifier", s.addr)
	}
	uid := cr.UniqueIdentifier
	activated := false
	fail := func(err error) (string, error) {
		s.cleanup(ctx, uid, activated)
		return "", s.fail(err)
	}
	if _, err := s.do(ctx, &payloads.ActivateRequestPayload{UniqueIdentifier: uid}); err != nil {
		return fail(err)
	}
	activated = true
	key, err := s.get(ctx, uid)
	if err != nil {
		return fail(err)
	}
	if len(key) != 32 {
		return fail(clientErr(ClassServer, "%s: key %s has %d bytes of material, want 32", s.addr, uid, len(key)))
	}
	return uid, nil
}

// GetKey reads key material (KD19): Get by uid; on ItemNotFound, Locate by
// the custom attribute (and by Name in fallback mode) and Get a single hit.
func (c *Client) GetKey(ctx context.Context, t Target, uid, keyID string) ([]byte, error) {
	s, err := c.connect(ctx, t)
	if err != nil {
		return nil, err
	}
	defer s.close()
	var re *resultError
	if uid != "" {
		key, err := s.get(ctx, uid)
		if err == nil {
			return key, nil
		}
		if !errors.As(err, &re) || re.reason != okmip.ResultReasonItemNotFound || keyID == "" {
			return nil, s.fail(err)
		}
	}
	for _, q := range c.keyQueries(keyID, PurposeEarSedAuthenticationKey, PurposeSoftwareEarKeyEncryptionKey) {
		resp, err := s.do(ctx, &payloads.LocateRequestPayload{Attribute: q})
		if err != nil {
			if errors.As(err, &re) {
				continue // a server that cannot search this way; try the next query
			}
			return nil, s.fail(err)
		}
		lr, _ := resp.(*payloads.LocateResponsePayload)
		if lr == nil || len(lr.UniqueIdentifier) != 1 {
			continue
		}
		key, err := s.get(ctx, lr.UniqueIdentifier[0])
		if err != nil {
			if errors.As(err, &re) && re.reason == okmip.ResultReasonItemNotFound {
				break
			}
			return nil, s.fail(err)
		}
		return key, nil
	}
	return nil, clientErr(ClassServer, "%s: key %s unavailable", s.addr, keyID)
}

// keyQueries are the Locate queries that find the key tagged keyID: by the
// custom attribute unless it is off, by the name of each purpose unless the
// attribute is required.
func (c *Client) keyQueries(keyID string, purposes ...string) [][]okmip.Attribute {
	var queries [][]okmip.Attribute
	if c.cfg.CustomAttribute != "off" {
		queries = append(queries, []okmip.Attribute{{AttributeName: okmip.AttributeName(KeyIDAttributePrefix + keyID), AttributeValue: keyID}})
	}
	if c.cfg.CustomAttribute != "required" {
		for _, p := range purposes {
			queries = append(queries, []okmip.Attribute{{AttributeName: okmip.AttributeNameName,
				AttributeValue: okmip.Name{NameValue: KeyName(p, keyID), NameType: okmip.NameTypeUninterpretedTextString}}})
		}
	}
	return queries
}

// adopt finds a key that an earlier attempt created for keyID but whose
// answer never reached the cluster: the process stopped between the Create
// and the commit that records it. The cluster stores a key's keyID before it
// asks for the key, so the retry looks for it by the same tags and adopts it
// instead of creating a second one and leaving the first orphaned. A
// Pre-Active key (stopped before Activate) is activated; further copies are
// destroyed. ok is false when there is none.
func (s *session) adopt(ctx context.Context, keyID, purpose string) (uid string, ok bool, err error) {
	var found []string
	for _, q := range s.c.keyQueries(keyID, purpose) {
		resp, err := s.do(ctx, &payloads.LocateRequestPayload{Attribute: q})
		var re *resultError
		if errors.As(err, &re) {
			continue // a server that cannot search this way; try the next query
		}
		if err != nil {
			return "", false, err
		}
		if lr, _ := resp.(*payloads.LocateResponsePayload); lr != nil && len(lr.UniqueIdentifier) > 0 {
			found = lr.UniqueIdentifier
			break
		}
	}
	for _, id := range found {
		resp, err := s.do(ctx, &payloads.GetAttributesRequestPayload{UniqueIdentifier: id,
			AttributeName: []okmip.AttributeName{okmip.AttributeNameState}})
		if err != nil {
			continue
		}
		var state okmip.State
		if ga, _ := resp.(*payloads.GetAttributesResponsePayload); ga != nil {
			for _, a := range ga.Attribute {
				if st, isState := a.AttributeValue.(okmip.State); isState && a.AttributeName == okmip.AttributeNameState {
					state = st
				}
			}
		}
		if state != okmip.StatePreActive && state != okmip.StateActive {
			continue // revoked or destroyed: not ours to use
		}
		if ok {
			s.cleanup(ctx, id, state == okmip.StateActive) // a second copy
			continue
		}
		if state == okmip.StatePreActive {
			if _, err := s.do(ctx, &payloads.ActivateRequestPayload{UniqueIdentifier: id}); err != nil {
				return "", false, err
			}
		}
		uid, ok = id, true
	}
	if ok {
		s.c.log.Info("adopted a key created before an interruption", "server", s.addr, "uid", uid, "keyID", keyID)
	}
	return uid, ok, nil
}

// DecommissionKey retires uid per the Decommission mode (KD17).
func (c *Client) DecommissionKey(ctx context.Context, t Target, uid string) error {
	if c.cfg.Decommission == "none" {
		return nil
	}
	s, err := c.connect(ctx, t)
	if err != nil {
		return err
	}
	defer s.close()
	// Decommissioning is idempotent, so a retry after an interruption (the
	// process stopped after the server acted, before the cluster recorded it)
	// succeeds: a key already gone counts as destroyed, and one already
	// revoked is still destroyed.
	_, err = s.do(ctx, &payloads.RevokeRequestPayload{UniqueIdentifier: uid,
		RevocationReason: okmip.RevocationReason{RevocationReasonCode: okmip.RevocationReasonCodeCessationOfOperation}})
	var re *resultError
	if errors.As(err, &re) && re.reason == okmip.ResultReasonItemNotFound {
		return nil
	}
	alreadyRevoked := errors.As(err, &re) && re.reason == okmip.ResultReasonPermissionDenied
	if err != nil && !alreadyRevoked {
		return s.fail(err)
	}
	if c.cfg.Decommission == "revoke" {
		return nil
	}
	_, err = s.do(ctx, &payloads.DestroyRequestPayload{UniqueIdentifier: uid})
	if errors.As(err, &re) && re.reason == okmip.ResultReasonItemNotFound {
		return nil
	}
	return s.fail(err)
}

// ---- connection ----

type session struct {
	c     *Client
	kc    *kmipclient.Client
	addr  string
	probe bool
}

func (s *session) close() { _ = s.kc.Close() }

// resultError is a batch item that failed.
type resultError struct {
	op     okmip.Operation
	reason okmip.ResultReason
	msg    string
}

func (e *resultError) Error() string {
	return fmt.Sprintf("%s failed: %s: %s", ttlv.EnumStr(e.op), ttlv.EnumStr(e.reason), e.msg)
}

func (e *resultError) rejectsAttribute() bool {
	if e.reason != okmip.ResultReasonInvalidField && e.reason != okmip.ResultReasonFeatureNotSupported {
		return false
	}
	m := strings.ToLower(e.msg)
	return strings.Contains(m, "x-") || strings.Contains(m, "attribute")
}

// do sends one operation in its own message and returns its payload, a
// *resultError, or a *ClientError for transport failures.
func (s *session) do(ctx context.Context, pl okmip.OperationPayload) (okmip.OperationPayload, error) {
	rctx, cancel := context.WithTimeout(ctx, s.c.cfg.RequestTimeout)
	defer cancel()
	res, err := s.kc.Batch(rctx, pl)
	if err != nil {
		return nil, transportErr(s.addr, ttlv.EnumStr(pl.Operation()), err)
	}
	bi := res[0]
	if bi.ResultStatus != okmip.ResultStatusSuccess {
		return nil, &resultError{op: pl.Operation(), reason: bi.ResultReason, msg: bi.ResultMessage}
	}
	return bi.ResponsePayload, nil
}

func (s *session) get(ctx context.Context, uid string) ([]byte, error) {
	resp, err := s.do(ctx, &payloads.GetRequestPayload{UniqueIdentifier: uid})
	if err != nil {
		return nil, err
	}
	g, ok := resp.(*payloads.GetResponsePayload)
	if !ok || g.Object == nil {
		return nil, clientErr(ClassServer, "%s: Get %s returned no object", s.addr, uid)
	}
	var key []byte
	switch g.ObjectType {
	case okmip.ObjectTypeSymmetricKey:
		key, err = g.SymmetricKey()
	case okmip.ObjectTypeSecretData:
		key, err = g.Secret()
	default:
		err = fmt.Errorf("object type %s", ttlv.EnumStr(g.ObjectType))
	}
	if err != nil {
		return nil, clientErr(ClassServer, "%s: Get %s: unusable key: %v", s.addr, uid, err)
	}
	return key, nil
}

// cleanup best-effort removes a half-created key.
func (s *session) cleanup(ctx context.Context, uid string, activated bool) {
	if activated {
		_, _ = s.do(ctx, &payloads.RevokeRequestPayload{UniqueIdentifier: uid,
			RevocationReason: okmip.RevocationReason{RevocationReasonCode: okmip.RevocationReasonCodeCessationOfOperation}})
	}
	if _, err := s.do(ctx, &payloads.DestroyRequestPayload{UniqueIdentifier: uid}); err != nil {
		s.c.log.Warn("kmip cleanup of a half-created key failed", "server", s.addr, "uid", uid, "err", err)
	}
}

// fail converts err (nil stays nil) to a *ClientError.
func (s *session) fail(err error) error {
	if err == nil {
		return nil
	}
	var ce *ClientError
	if errors.As(err, &ce) {
		return ce
	}
	var re *resultError
	if errors.As(err, &re) {
		class := ClassServer
		if re.reason == okmip.ResultReasonAuthenticationNotSuccessful ||
			(s.probe && re.reason == okmip.ResultReasonPermissionDenied) {
			class = ClassAuthentication
		}
		return clientErr(class, "%s: %s", s.addr, re.Error())
	}
	return clientErr(ClassServer, "%s: %v", s.addr, err)
}

// certificateAlerts are the TLS alerts that mean "your certificate".
var certificateAlerts = map[uint8]bool{42: true, 43: true, 44: true, 45: true, 46: true, 48: true, 116: true}

// remoteAlert extracts the code of a TLS alert received from the peer.
func remoteAlert(err error) (uint8, bool) {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "remote error" && op.Err != nil {
		if v := reflect.ValueOf(op.Err); v.Kind() == reflect.Uint8 {
			return uint8(v.Uint()), true
		}
	}
	return 0, false
}

func isCertificateError(err error) bool {
	var (
		cve *tls.CertificateVerificationError
		ua  x509.UnknownAuthorityError
		he  x509.HostnameError
		ci  x509.CertificateInvalidError
	)
	if errors.As(err, &cve) || errors.As(err, &ua) || errors.As(err, &he) || errors.As(err, &ci) {
		return true
	}
	code, ok := remoteAlert(err)
	return ok && certificateAlerts[code]
}

// stageError marks a failure before the KMIP session existed.
type stageError struct {
	stage string // "connect" or "handshake"
	err   error
}

func (e *stageError) Error() string { return e.err.Error() }
func (e *stageError) Unwrap() error { return e.err }

// transportErr classifies a failure after the handshake (docs/kmip.md,
// failure classes).
func transportErr(addr, op string, err error) *ClientError {
	if isCertificateError(err) {
		return clientErr(ClassAuthentication, "%s: %s: %v", addr, op, err)
	}
	return clientErr(ClassServer, "%s: %s: %v", addr, op, err)
}

// dialErr classifies a failure of one hostname's dial.
func dialErr(addr string, err error) *ClientError {
	var se *stageError
	if errors.As(err, &se) {
		if se.stage == "handshake" && isCertificateError(se.err) {
			return clientErr(ClassAuthentication, "%s: TLS handshake: %v", addr, se.err)
		}
		if se.stage == "handshake" {
			return clientErr(ClassConnection, "%s: TLS handshake: %v", addr, se.err)
		}
		return clientErr(ClassConnection, "%s: %v", addr, se.err)
	}
	var ce *ClientError
	if errors.As(err, &ce) {
		return ce
	}
	return transportErr(addr, "DiscoverVersions", err)
}

func is1x(v okmip.ProtocolVersion) bool {
	return v.ProtocolVersionMajor == 1 && v.ProtocolVersionMinor <= 4
}

// tlsConfig performs the local checks of docs/kmip.md, Connecting (no
// network).
func (c *Client) tlsConfig(t Target) (*tls.Config, *ClientError) {
	pool := x509.NewCertPool()
	n := 0
	for rest := []byte(t.CAPEM); ; {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, clientErr(ClassAuthentication, "CA certificate does not parse: %v", err)
		}
		pool.AddCert(cert)
		n++
	}
	if n == 0 {
		return nil, clientErr(ClassAuthentication, "CA certificate field holds no PEM certificate")
	}
	cert, err := tls.X509KeyPair([]byte(t.ClientCertPEM), t.ClientKeyPEM)
	if err != nil {
		return nil, clientErr(ClassAuthentication, "client certificate does not match the cluster key pair: %v", err)
	}
	now := t.Now
	clock := func() time.Time {
		if now.IsZero() {
			return time.Now()
		}
		return now
	}
	cfg := &tls.Config{
		MinVersion:   tls.VersionTLS12,
		RootCAs:      pool,
		Certificates: []tls.Certificate{cert},
		Time:         clock,
	}
	if c.cfg.LegacyCiphers {
		for _, cs := range tls.CipherSuites() {
			cfg.CipherSuites = append(cfg.CipherSuites, cs.ID)
		}
		cfg.CipherSuites = append(cfg.CipherSuites, legacySuites...)
	}
	if c.cfg.VerifyHostname != nil && !*c.cfg.VerifyHostname {
		cfg.InsecureSkipVerify = true // chain still verified below, without the name
		cfg.VerifyConnection = func(cs tls.ConnectionState) error {
			if len(cs.PeerCertificates) == 0 {
				return errors.New("server sent no certificate")
			}
			inter := x509.NewCertPool()
			for _, ic := range cs.PeerCertificates[1:] {
				inter.AddCert(ic)
			}
			_, err := cs.PeerCertificates[0].Verify(x509.VerifyOptions{
				Roots: pool, Intermediates: inter, CurrentTime: clock(),
				KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
			})
			if err != nil {
				return &tls.CertificateVerificationError{UnverifiedCertificates: cs.PeerCertificates, Err: err}
			}
			return nil
		}
	}
	return cfg, nil
}

// connect tries each hostname in order; when all fail, the furthest class
// wins and the message lists every hostname's reason.
func (c *Client) connect(ctx context.Context, t Target) (*session, error) {
	base, cerr := c.tlsConfig(t)
	if cerr != nil {
		return nil, cerr
	}
	if len(t.Hostnames) == 0 {
		return nil, clientErr(ClassConnection, "no key server hostname")
	}
	port := strconv.Itoa(t.Port)
	var fails []*ClientError
	for _, host := range t.Hostnames {
		addr := net.JoinHostPort(host, port)
		kc, err := c.dial(ctx, base, host, addr)
		if err == nil {
			return &session{c: c, kc: kc, addr: addr}, nil
		}
		fails = append(fails, dialErr(addr, err))
		if ctx.Err() != nil {
			break
		}
	}
	worst := fails[0]
	var parts []string
	for _, f := range fails {
		if classRank[f.Class] > classRank[worst.Class] {
			worst = f
		}
		parts = append(parts, strings.TrimPrefix(f.Message, classPrefix[f.Class]))
	}
	return nil, clientErr(worst.Class, "%s", strings.Join(parts, "; "))
}

func (c *Client) dial(ctx context.Context, base *tls.Config, host, addr string) (*kmipclient.Client, error) {
	cfg := base.Clone()
	if !cfg.InsecureSkipVerify {
		cfg.ServerName = host
	}
	dialer := func(ctx context.Context) (net.Conn, error) {
		d := net.Dialer{Timeout: c.cfg.ConnectTimeout}
		raw, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			return nil, &stageError{stage: "connect", err: err}
		}
		hctx, cancel := context.WithTimeout(ctx, c.cfg.HandshakeTimeout)
		defer cancel()
		tc := tls.Client(raw, cfg)
		if err := tc.HandshakeContext(hctx); err != nil {
			_ = raw.Close()
			return nil, &stageError{stage: "handshake", err: err}
		}
		return newGatedConn(tc), nil
	}
	// Remember the server's version list: a 2.x-first server that ignores
	// ours is re-dialled with the highest 1.x it listed (KD11).
	var listed []okmip.ProtocolVersion
	capture := func(next kmipclient.Next, ctx context.Context, msg *okmip.RequestMessage) (*okmip.ResponseMessage, error) {
		resp, err := next(ctx, msg)
		if err == nil && len(resp.BatchItem) == 1 {
			if dv, ok := resp.BatchItem[0].ResponsePayload.(*payloads.DiscoverVersionsResponsePayload); ok {
				listed = dv.ProtocolVersion
			}
		}
		return resp, err
	}
	dctx, cancel := context.WithTimeout(ctx, c.cfg.ConnectTimeout+c.cfg.HandshakeTimeout)
	defer cancel()
	kc, err := kmipclient.DialContext(dctx, addr, kmipclient.WithDialerUnsafe(dialer), kmipclient.WithMiddlewares(capture))
	if err != nil {
		return nil, err
	}
	if is1x(kc.Version()) {
		return kc, nil
	}
	got := kc.Version()
	_ = kc.Close()
	var best *okmip.ProtocolVersion
	for _, v := range listed {
		if is1x(v) && (best == nil || v.ProtocolVersionMinor > best.ProtocolVersionMinor) {
			best = &v
		}
	}
	if best == nil {
		return nil, clientErr(ClassServer, "%s: server negotiated KMIP %d.%d and lists no 1.x version", addr, got.ProtocolVersionMajor, got.ProtocolVersionMinor)
	}
	c.log.Info("kmip server prefers a 2.x version; using its highest 1.x", "server", addr,
		"version", fmt.Sprintf("%d.%d", best.ProtocolVersionMajor, best.ProtocolVersionMinor))
	kc, err = kmipclient.DialContext(dctx, addr, kmipclient.WithDialerUnsafe(dialer), kmipclient.EnforceVersion(*best))
	if err != nil {
		return nil, err
	}
	return kc, nil
}

// gatedConn holds reads back until the first write. ovh's client starts
// reading at once and, when the read fails (a TLS 1.3 server rejecting our
// certificate sends its alert right after the handshake), closes its send
// channel while the first request may be sending on it: a data race and a
// possible "send on closed channel" panic. Gating the first read behind the
// first write orders the two.
type gatedConn struct {
	net.Conn
	wrote     chan struct{}
	closed    chan struct{}
	writeOnce sync.Once
	closeOnce sync.Once
}

func newGatedConn(c net.Conn) *gatedConn {
	return &gatedConn{Conn: c, wrote: make(chan struct{}), closed: make(chan struct{})}
}

func (g *gatedConn) Read(p []byte) (int, error) {
	select {
	case <-g.wrote:
	case <-g.closed:
		return 0, net.ErrClosed
	}
	return g.Conn.Read(p)
}

func (g *gatedConn) Write(p []byte) (int, error) {
	g.writeOnce.Do(func() { close(g.wrote) })
	return g.Conn.Write(p)
}

func (g *gatedConn) Close() error {
	g.closeOnce.Do(func() { close(g.closed) })
	return g.Conn.Close()
}
