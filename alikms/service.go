package alikms

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/element-emulator/element-emulator/cloudkms"
)

// Config configures the service. Store and Now are required.
type Config struct {
	Store Store
	// Now is the emulator clock: key dates, deletion, rotation.
	Now func() time.Time
	// Wall is real time: the signature date window, the nonce cache and
	// fault delays (time.Now when nil).
	Wall   func() time.Time
	Logger *slog.Logger
	Faults cloudkms.FaultSource // may be nil
	// Credentials are the accepted access keys; nil means the default
	// pair alone.
	Credentials *cloudkms.Credentials
	// Region (default cn-hangzhou) and Account (default 1234567890123456)
	// make the key ARNs.
	Region, Account string
	// Rand is the source of key material, data keys and nonces
	// (crypto/rand when nil).
	Rand io.Reader
	// RequestLogSize is how many requests the log keeps (default 1000).
	RequestLogSize int
	// Logged, when set, is called after each request is logged (the
	// dashboard's panel follows the request log).
	Logged func()
}

// Service is the Alibaba KMS endpoint.
type Service struct {
	cfg    Config
	log    *slog.Logger
	window cloudkms.Window
	nonces *cloudkms.NonceCache
	reqs   *cloudkms.RequestLog
	due    dueCache
	// writeMu serialises the actions that read a key and write it back,
	// and the settlement of due dates.
	writeMu sync.Mutex
}

// ErrConfig wraps every configuration error of New.
var ErrConfig = errors.New("alikms configuration")

// Defaults of Config.
const (
	DefaultRegion  = "cn-hangzhou"
	DefaultAccount = "1234567890123456"
)

// New checks cfg and builds the service.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil || cfg.Now == nil {
		return nil, fmt.Errorf("%w: Store and Now are required", ErrConfig)
	}
	if cfg.Wall == nil {
		cfg.Wall = time.Now // real time on purpose: signatures are stamped with it
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Rand == nil {
		cfg.Rand = rand.Reader
	}
	if cfg.Region == "" {
		cfg.Region = DefaultRegion
	}
	if cfg.Account == "" {
		cfg.Account = DefaultAccount
	}
	if cfg.Credentials == nil {
		c, err := cloudkms.NewCredentials(DefaultCredential())
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrConfig, err)
		}
		cfg.Credentials = c
	}
	for _, id := range cfg.Credentials.IDs() {
		if strings.Contains(id, "/") {
			return nil, fmt.Errorf("%w: AccessKeyId %q: no '/' (ACS4 credentials are split on it)", ErrConfig, id)
		}
	}
	s := &Service{cfg: cfg, log: cfg.Logger,
		window: cloudkms.Window{Wall: cfg.Wall, Skew: window},
		nonces: cloudkms.NewNonceCache(cfg.Wall, window, 0),
		reqs:   cloudkms.NewRequestLog(cfg.RequestLogSize)}
	return s, nil
}

// Region and Account are the configured values.
func (s *Service) Region() string  { return s.cfg.Region }
func (s *Service) Account() string { return s.cfg.Account }

// AccessKeyIDs lists the configured access key IDs, sorted (never secrets).
func (s *Service) AccessKeyIDs() []string { return s.cfg.Credentials.IDs() }

// Handler serves the KMS (and STS GetCallerIdentity) at / over GET and POST.
func (s *Service) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// maxBody bounds a request body.
const maxBody = 256 << 10

// call is one request being served.
type call struct {
	requestID string
	host      string
	params    params // query and form merged, the query winning
	action    string
	version   string
	rec       Record
}

func (s *Service) serveHTTP(w http.ResponseWriter, r *http.Request) {
	c := &call{requestID: uuid.NewString(), host: r.Host}
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("alikms: panic serving a request", "panic", fmt.Sprint(v))
			s.finish(w, c, nil, errInternal)
		}
	}()
	res, err := s.serve(w, r, c)
	if errors.Is(err, errHandled) {
		return
	}
	s.finish(w, c, res, err)
}

// errHandled: a fault already answered (or dropped) the request.
var errHandled = errors.New("answered by a fault")

func (s *Service) finish(w http.ResponseWriter, c *call, res map[string]any, err error) {
	c.rec.Action = c.action
	if err != nil {
		e := asError(err)
		if e == errInternal && err != errInternal {
			s.log.Error("alikms: request failed", "action", c.action, "requestId", c.requestID, "error", err)
		}
		c.rec.Status, c.rec.Code = e.Status, e.Code
		s.logRequest(c)
		writeError(w, c.requestID, c.host, e)
		return
	}
	if res == nil {
		res = map[string]any{}
	}
	res["RequestId"] = c.requestID
	c.rec.Status = http.StatusOK
	s.logRequest(c)
	writeJSON(w, http.StatusOK, c.requestID, res)
}

func (s *Service) logRequest(c *call) {
	s.reqs.Add(s.cfg.Wall(), c.rec)
	if s.cfg.Logged != nil {
		s.cfg.Logged()
	}
	s.log.Info("alikms request", "action", c.action, "keyId", c.rec.KeyID, "accessKeyId", c.rec.AccessKeyID,
		"signature", c.rec.Signature, "status", c.rec.Status, "code", c.rec.Code)
}

func (s *Service) serve(w http.ResponseWriter, r *http.Request, c *call) (map[string]any, error) {
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET, POST")
		return nil, newError(http.StatusMethodNotAllowed, "UnsupportedHTTPMethod", "The HTTP method %s is not supported: use POST or GET.", clip(r.Method, 20))
	}
	if r.Body == nil {
		r.Body = http.NoBody
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return nil, newError(http.StatusRequestEntityTooLarge, "InvalidParameter", "The request body is larger than %d bytes.", maxBody)
	}
	query, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, errInvalid("The query string is malformed.")
	}
	c.params = params{}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/x-www-form-urlencoded" && len(body) > 0 {
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, errInvalid("The form body is malformed.")
		}
		for k, v := range form {
			c.params[k] = v[0]
		}
	}
	q := params{}
	for k, v := range query {
		q[k] = v[0]
		c.params[k] = v[0]
	}
	if err := s.authenticate(r, c, q, body); err != nil {
		return nil, err
	}
	if f := s.fault(r.Context(), c.action); f != nil {
		c.rec.Fault = f.Effect
		if s.applyFault(w, r, c, f) {
			return nil, errHandled
		}
		if f.Effect == EffectError {
			return nil, faultError(f)
		}
	}
	a := lookupAction(c.version, c.action)
	if a == nil {
		return nil, errUnknownAction
	}
	ctx := r.Context()
	if a.writes {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
	}
	if err := s.settle(ctx, a.writes); err != nil {
		return nil, err
	}
	return a.call(s, ctx, c)
}

// authenticate verifies the request's signature (ACS3/ACS4 with an
// Authorization header, else RPC V1 parameters) and fills in the action.
func (s *Service) authenticate(r *http.Request, c *call, query params, body []byte) error {
	if h := r.Header.Get("Authorization"); h != "" {
		return s.authACS(r, c, h, query, body)
	}
	return s.authV1(r, c)
}

func (s *Service) lookupCredential(id string) (cloudkms.Credential, *Error) {
	cr, ok := s.cfg.Credentials.Lookup(id)
	if !ok {
		return cr, errUnknownAccessKey
	}
	return cr, nil
}

const wireTime = "2006-01-02T15:04:05Z"

func (s *Service) checkDate(v, name string) *Error {
	t, err := time.Parse(wireTime, v)
	if err != nil {
		return errTimestamp("The %s %q is not in the format YYYY-MM-DDThh:mm:ssZ.", name, clip(v, 40))
	}
	if !s.window.Check(t) {
		return errTimestamp("Specified time stamp or date value is expired: %s is more than 15 minutes from the server's time.", name)
	}
	return nil
}

func (s *Service) authACS(r *http.Request, c *call, header string, query params, body []byte) error {
	c.action, c.version = r.Header.Get("x-acs-action"), r.Header.Get("x-acs-version")
	a, e := parseAuthorization(header)
	c.rec.Signature = a.Scheme
	if e != nil {
		return e
	}
	c.rec.AccessKeyID = a.AccessKeyID
	cr, e := s.lookupCredential(a.AccessKeyID)
	if e != nil {
		return e
	}
	if e := checkSignedHeaders(a.SignedHeaders, r.Header); e != nil {
		return e
	}
	if r.Header.Get("x-acs-signature-nonce") == "" {
		return errIncompleteSignature("The x-acs-signature-nonce header is empty.")
	}
	date := r.Header.Get("x-acs-date")
	if e := s.checkDate(date, "x-acs-date"); e != nil {
		return e
	}
	if a.Scheme == SchemeACS4 {
		if t, _ := time.Parse(wireTime, date); a.Scope[0] != t.Format("20060102") {
			return errIncompleteSignature("The ACS4 Credential date must be the UTC date of x-acs-date.")
		}
	}
	ar := acsRequest{Method: r.Method, Path: r.URL.Path, Query: query, Headers: r.Header, Host: r.Host,
		SignedHeaders: a.SignedHeaders, ContentSHA256: r.Header.Get("x-acs-content-sha256")}
	sts := stringToSignACS(a.Scheme, ar)
	sum := sha256.Sum256(body)
	var want string
	if a.Scheme == SchemeACS4 {
		want = signACS4(cr.Secret.Reveal(), a.Scope[0], a.Scope[1], a.Scope[2], sts)
	} else {
		want = signACS3(cr.Secret.Reveal(), sts)
	}
	if ar.ContentSHA256 != hex.EncodeToString(sum[:]) || !hmacEqual(want, a.Signature) {
		return newError(http.StatusBadRequest, "SignatureDoesNotMatch",
			"Specified signature does not match our calculation. server StringToSign is [%s]", sts)
	}
	if cr.Token != "" && !hmacEqual(cr.Token.Reveal(), r.Header.Get("x-acs-security-token")) {
		return errSecurityToken
	}
	if !s.nonces.Use(a.AccessKeyID, r.Header.Get("x-acs-signature-nonce")) {
		return errNonceUsed
	}
	return nil
}

func (s *Service) authV1(r *http.Request, c *call) error {
	p := c.params
	c.action, c.version = p["Action"], p["Version"]
	c.rec.Signature = "RPC-V1"
	for _, n := range []string{"AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Action", "Version", "Format"} {
		if p[n] == "" {
			return errIncompleteSignature("The request has no Authorization header and no RPC V1 %s parameter.", n)
		}
	}
	if p["SignatureMethod"] != "HMAC-SHA1" || p["SignatureVersion"] != "1.0" {
		return errIncompleteSignature("RPC V1 requests use SignatureMethod HMAC-SHA1 and SignatureVersion 1.0.")
	}
	if !strings.EqualFold(p["Format"], "json") {
		return errIncompleteSignature("RPC V1 requests use Format JSON.")
	}
	c.rec.AccessKeyID = p["AccessKeyId"]
	cr, e := s.lookupCredential(p["AccessKeyId"])
	if e != nil {
		return e
	}
	if e := s.checkDate(p["Timestamp"], "Timestamp"); e != nil {
		return e
	}
	sts := stringToSignV1(r.Method, p)
	if !hmacEqual(signV1(cr.Secret.Reveal(), sts), p["Signature"]) {
		return newError(http.StatusBadRequest, "SignatureDoesNotMatch",
			"Specified signature is not matched with our calculation. server string to sign is:%s", sts)
	}
	if cr.Token != "" && !hmacEqual(cr.Token.Reveal(), p["SecurityToken"]) {
		return errSecurityToken
	}
	if !s.nonces.Use(p["AccessKeyId"], p["SignatureNonce"]) {
		return errNonceUsed
	}
	return nil
}

// Origin is the service's base URL for a listener address.
func Origin(addr string) string {
	if host, port, err := net.SplitHostPort(addr); err == nil && (host == "" || host == "::" || host == "0.0.0.0") {
		addr = net.JoinHostPort("127.0.0.1", port)
	}
	return "http://" + addr
}

// Reload is called after the store was replaced under the service (a
// snapshot restored): due dates are read again.
func (s *Service) Reload() { s.due.forget() }

// Reset clears the request log and the nonce cache (the store is wiped by
// the caller with the rest of the lab state).
func (s *Service) Reset() {
	s.due.forget()
	s.reqs.Clear()
	s.nonces.Clear()
}
