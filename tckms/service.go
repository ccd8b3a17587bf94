package tckms

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/element-emulator/element-emulator/cloudkms"
)

// Default credential: the one-command SecretId/SecretKey pair.
const (
	DefaultSecretID  = "AKIDEMULATOR0000000000"
	DefaultSecretKey = "emulator-tencent-secret"
)

// DefaultCredential is the pair a fresh emulator accepts.
func DefaultCredential() cloudkms.Credential {
	return cloudkms.Credential{ID: DefaultSecretID, Secret: DefaultSecretKey}
}

// Flavours: the compliance flavour KeyMetadata.Type reports and the
// material length it takes.
const (
	FlavourFIPS = "fips" // Type 2, 32-byte material, AES-256-GCM
	FlavourSM   = "sm"   // Type 4, 16-byte material, AES-128-GCM standing in for SM4
)

// DefaultUIN is the account the keys belong to.
const DefaultUIN = 100000000001

// maxBody bounds a request body.
const maxBody = 1 << 20

// Config is what a Service needs; Store and Now are required.
type Config struct {
	Store Store
	// Now is the emulator clock: key dates, token expiry, ValidTo.
	Now func() time.Time
	// Wall is real time: the signature timestamp window and fault delays
	// (time.Now when nil).
	Wall func() time.Time
	// Credentials are the accepted SecretId/SecretKey pairs (nil: the
	// default pair only).
	Credentials *cloudkms.Credentials
	Flavour     string // FlavourFIPS ("" = fips) or FlavourSM
	UIN         uint64 // 0 = DefaultUIN
	Faults      cloudkms.FaultSource
	Logger      *slog.Logger
	// Rand is the source of key material, tokens and nonces (crypto/rand
	// when nil).
	Rand io.Reader
	// NewUUID makes key and request IDs (uuid.NewString when nil).
	NewUUID func() string
	// LogSize is how many requests the request log keeps (0 = 1000).
	LogSize int
	// Logged, when set, is called after each request is logged (the
	// dashboard's live refresh).
	Logged func()
}

// Service is the Tencent Cloud KMS emulator.
type Service struct {
	cfg    Config
	log    *slog.Logger
	verify verifier
	reqs   *cloudkms.RequestLog
	table  map[string]action
}

// New checks cfg and builds a Service.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil || cfg.Now == nil {
		return nil, errors.New("tckms: Store and Now are required")
	}
	if cfg.Wall == nil {
		cfg.Wall = time.Now // real time on purpose: signatures are stamped with it
	}
	if cfg.Credentials == nil {
		c, err := cloudkms.NewCredentials(DefaultCredential())
		if err != nil {
			return nil, err
		}
		cfg.Credentials = c
	}
	switch cfg.Flavour {
	case "":
		cfg.Flavour = FlavourFIPS
	case FlavourFIPS, FlavourSM:
	default:
		return nil, fmt.Errorf("tckms: flavour must be %s or %s", FlavourFIPS, FlavourSM)
	}
	if cfg.UIN == 0 {
		cfg.UIN = DefaultUIN
	}
	if cfg.Faults == nil {
		cfg.Faults = cloudkms.NoFaults{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Rand == nil {
		cfg.Rand = rand.Reader
	}
	if cfg.NewUUID == nil {
		cfg.NewUUID = uuid.NewString
	}
	s := &Service{
		cfg:    cfg,
		log:    cfg.Logger,
		verify: verifier{creds: cfg.Credentials, window: cloudkms.Window{Wall: cfg.Wall, Skew: maxSkew}},
		reqs:   cloudkms.NewRequestLog(cfg.LogSize),
	}
	s.table = s.actions()
	return s, nil
}

// Actions lists the served actions, sorted as the table is.
func (s *Service) Actions() []string {
	out := make([]string, 0, len(s.table))
	for _, a := range s.actionList() {
		out = append(out, a.name)
	}
	return out
}

// Requests returns the logged requests with an ID above since, oldest
// first.
func (s *Service) Requests(since int64) []cloudkms.Record { return s.reqs.Since(since) }

// Reset wipes every key and import parameter and the request log; the
// credentials stay.
func (s *Service) Reset(ctx context.Context) error {
	s.reqs.Clear()
	return s.cfg.Store.WipeTCKMS(ctx)
}

// ClearRequests empties the request log (a reset that restores a
// snapshot).
func (s *Service) ClearRequests() { s.reqs.Clear() }

// Handler serves the API at / (POST and GET).
func (s *Service) Handler() http.Handler { return http.HandlerFunc(s.serve) }

func (s *Service) serve(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.log.Error("tckms: panic answering a request", "panic", fmt.Sprint(p))
			s.writeError(w, newErr(codeInternalError, "An internal error occurred."), s.cfg.NewUUID())
		}
	}()
	ctx := r.Context()
	reqID := s.cfg.NewUUID()
	rec := cloudkms.Record{}
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET, POST")
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		rec.Status = http.StatusBadRequest
		s.finish(rec, "ClientClosed")
		return
	}
	res, e := s.handle(ctx, w, r, body, &rec)
	if res == nil && e == nil { // a fault answered
		s.finish(rec, "")
		return
	}
	rec.Status = http.StatusOK
	if e != nil {
		s.writeError(w, e, reqID)
		s.finish(rec, e.Code)
		return
	}
	res["RequestId"] = reqID
	s.writeJSON(w, res)
	s.finish(rec, "")
}

// handle verifies and runs one request. (nil, nil) means a fault rule
// already answered.
func (s *Service) handle(ctx context.Context, w http.ResponseWriter, r *http.Request, body []byte, rec *cloudkms.Record) (map[string]any, *Error) {
	if len(body) > maxBody {
		return nil, newErr(codeRequestTooLarge, "The request body is larger than 1 MiB.")
	}
	c, e := s.verify.parse(request{Method: r.Method, Host: r.Host, RawQuery: r.URL.RawQuery, Header: r.Header, Body: body})
	rec.Action, rec.SecretID, rec.Signature = c.Action, c.SecretID, c.Mode
	if e != nil {
		return nil, e
	}
	if id, ok, _ := c.Params.str("KeyId"); ok {
		rec.KeyID = id
	} else if blob, ok, _ := c.Params.str("CiphertextBlob"); ok {
		if _, id, e := blobKeyID("CiphertextBlob", blob); e == nil {
			rec.KeyID = id // Decrypt, ReEncrypt: the key the blob names
		}
	}
	if c.Version == "" {
		return nil, errMissing("Version")
	}
	if c.Version != apiVersion {
		return nil, newErr(codeNoSuchVersion, "The API version %s does not exist; kms has %s.", c.Version, apiVersion)
	}
	a, ok := s.table[c.Action]
	if !ok {
		return nil, newErr(codeInvalidAction, "The action %s is not found (or not emulated).", c.Action)
	}
	if f := s.fault(ctx, c.Action); f != nil {
		rec.Fault = f.Effect
		if e, done := s.applyFault(w, r, f, rec); done {
			return nil, e
		}
	}
	out, err := a.run(ctx, c.Params)
	if err != nil {
		var te *Error
		if errors.As(err, &te) {
			return nil, te
		}
		s.log.ErrorContext(ctx, "tckms action failed", "action", c.Action, "error", err)
		return nil, newErr(codeInternalError, "An internal error occurred.")
	}
	return out, nil
}

// finish logs one line and one request-log record per request.
func (s *Service) finish(rec cloudkms.Record, code string) {
	rec.Code = code
	s.reqs.Add(s.cfg.Wall(), rec)
	if s.cfg.Logged != nil {
		s.cfg.Logged()
	}
	s.log.Info("tckms request", "action", rec.Action, "secretId", rec.SecretID, "keyId", rec.KeyID, "code", code)
}

// envelope is the answer's outer object.
type envelope struct {
	Response any `json:"Response"`
}

type errorBody struct {
	Error struct {
		Code    string `json:"Code"`
		Message string `json:"Message"`
	} `json:"Error"`
	RequestID string `json:"RequestId"`
}

func (s *Service) writeJSON(w http.ResponseWriter, v map[string]any) {
	b, err := json.Marshal(envelope{v})
	if err != nil {
		s.log.Error("tckms: encoding an answer", "error", err)
		b = []byte(`{"Response":{"Error":{"Code":"InternalError","Message":"An internal error occurred."}}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
}

// writeError writes a Tencent error object, always with HTTP 200 (the SDK
// turns any other status into ClientError.HttpStatusCodeError).
func (s *Service) writeError(w http.ResponseWriter, e *Error, reqID string) {
	var eb errorBody
	eb.Error.Code, eb.Error.Message, eb.RequestID = e.Code, e.Message, reqID
	b, _ := json.Marshal(envelope{eb})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
}

// fault asks the fault source whether a tckms rule fires for action.
func (s *Service) fault(ctx context.Context, action string) *cloudkms.Fault {
	f, err := s.cfg.Faults.Fire(ctx, cloudkms.FaultEvent{Target: cloudkms.TargetTencent, Action: action})
	if err != nil {
		s.log.ErrorContext(ctx, "tckms fault rules", "error", err)
		return nil
	}
	return f
}

// applyFault renders a fault in Tencent's dialect. It reports whether the
// request is answered: by the returned error, or (nil) already written.
func (s *Service) applyFault(w http.ResponseWriter, r *http.Request, f *cloudkms.Fault, rec *cloudkms.Record) (*Error, bool) {
	switch f.Effect {
	case cloudkms.EffectDelay:
		t := time.NewTimer(time.Duration(f.Ms) * time.Millisecond)
		defer t.Stop()
		select {
		case <-r.Context().Done():
		case <-t.C:
		}
		return nil, false
	case cloudkms.EffectDrop:
		rec.Status = 0
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				_ = c.Close()
				return nil, true
			}
		}
		panic(http.ErrAbortHandler)
	case cloudkms.EffectHTTPStatus:
		st := f.Status
		if st == 0 {
			st = http.StatusServiceUnavailable
		}
		rec.Status = st
		w.WriteHeader(st)
		return nil, true
	default: // error
		code := f.Code
		if code == "" {
			code = codeInternalError
		}
		msg := f.Message
		if msg == "" {
			msg = "Fault rule: the service is unavailable."
		}
		if f.Status != 0 && f.Status != http.StatusOK {
			rec.Status = f.Status
			var eb errorBody
			eb.Error.Code, eb.Error.Message, eb.RequestID = code, msg, s.cfg.NewUUID()
			b, _ := json.Marshal(envelope{eb})
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(f.Status)
			_, _ = w.Write(b)
			return nil, true
		}
		return &Error{Code: code, Message: msg}, true
	}
}

// Info describes the service for GET /_emulator/tckms; secrets are never
// part of it.
type Info struct {
	URL       string   `json:"url,omitempty"`
	Endpoint  string   `json:"endpoint,omitempty"` // what HttpProfile.Endpoint takes
	Scheme    string   `json:"scheme,omitempty"`   // what HttpProfile.Scheme takes
	Version   string   `json:"version"`
	Flavour   string   `json:"flavour"`
	Type      int64    `json:"type"` // KeyMetadata.Type
	UIN       uint64   `json:"uin"`
	SecretIDs []string `json:"secretIds"`
	Actions   []string `json:"actions"`
}

// Info describes the service.
func (s *Service) Info() Info {
	return Info{Version: apiVersion, Flavour: s.cfg.Flavour, Type: s.flavourType(), UIN: s.cfg.UIN,
		SecretIDs: s.cfg.Credentials.IDs(), Actions: s.Actions()}
}
