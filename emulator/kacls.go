package emulator

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/element-emulator/element-emulator/api"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/faults"
	"github.com/element-emulator/element-emulator/kacls"
)

// buildKACLS builds the KACLS instances (docs/kacls.md) when a listener
// is configured, and loads or creates their keys.
func (e *Emulator) buildKACLS(ctx context.Context) error {
	if a := e.cfg.KACLSAddr; a == "" || a == "off" {
		return nil
	}
	kc := e.cfg.KACLS
	kc.Store, kc.Now, kc.Wall = e.store, e.clock.Now, e.cfg.Wall
	kc.Logger = e.log.With("component", "kacls")
	kc.Faults = kaclsFaults{e.cluster}
	kc.Logged = e.hub.Notify
	kc.RootCAs = func() *x509.CertPool {
		roots, err := x509.SystemCertPool()
		if err != nil || roots == nil {
			roots = x509.NewCertPool()
		}
		roots.AddCert(e.ca.Certificate())
		for _, c := range e.cfg.KACLSPeerCAs {
			roots.AddCert(c)
		}
		return roots
	}
	svc, err := kacls.New(kc)
	if err != nil {
		return err
	}
	if err := svc.Init(ctx); err != nil {
		return fmt.Errorf("KACLS: %w", err)
	}
	e.kacls = svc
	return nil
}

// listenKACLS binds the KACLS listener and serves it at once, like the
// embedded KMIP server: a peer may call it before Boot. A busy default
// port leaves the KACLS off with a warning; a port given explicitly that
// cannot be bound is an error (KA1).
func (e *Emulator) listenKACLS(tlsCfg *tls.Config) error {
	if e.kacls == nil {
		return nil
	}
	ln, err := e.bindService("KACLS", "kacls-addr", e.cfg.KACLSAddr, e.cfg.KACLSAddrDefault)
	if err != nil {
		return err
	}
	if ln == nil { // the default port was busy
		e.kacls = nil
		return nil
	}
	e.kacls.SetOrigin(kacls.Origin(!e.cfg.KACLSPlainHTTP, ln.Addr().String()))
	if !e.cfg.KACLSPlainHTTP {
		ln = tls.NewListener(ln, tlsCfg)
	}
	e.serveService("kacls", ln, e.kacls.Handler())
	for _, in := range e.kacls.URLs() {
		e.log.Info("KACLS instance listening (tokens from POST /_emulator/kacls/token)", "instance", in.Name, "url", in.URL)
	}
	return nil
}

// KACLS returns the KACLS service, or nil when it is off.
func (e *Emulator) KACLS() *kacls.Service { return e.kacls }

// kaclsFaults feeds the persisted kacls and kacls-peer fault rules to the
// KACLS (docs/kacls.md, faults).
type kaclsFaults struct{ c *cluster.Cluster }

var _ kacls.FaultSource = kaclsFaults{}

func (f kaclsFaults) Fire(ctx context.Context, ev kacls.FaultEvent) (*kacls.Fault, error) {
	attrs := map[string]string{"instance": ev.Instance, "endpoint": ev.Endpoint}
	if ev.Peer != "" {
		attrs["peer"] = ev.Peer
	}
	fe := faults.Event{Target: faults.Target(ev.Target), Attrs: attrs}
	r, fired, err := f.c.FireRuleWhere(ctx, func(r faults.Rule) bool { return r.Matches(fe) })
	if err != nil || !fired {
		return nil, err
	}
	ms, _ := strconv.Atoi(r.Params["ms"])
	status, _ := strconv.Atoi(firstOf(r.Params["status"], r.Params["code"]))
	return &kacls.Fault{Effect: r.Effect, Status: status, Message: r.Params["message"], Ms: ms}, nil
}

// errKACLSOff answers the KACLS lab controls when the KACLS is off.
var errKACLSOff = &api.ControlError{Status: http.StatusNotFound,
	Msg: "the KACLS is off (--kacls-addr off, or its default port was busy at start-up; see the log)"}

// kaclsControlError maps the KACLS's lab-control errors to answers.
func kaclsControlError(err error) error {
	switch {
	case errors.Is(err, kacls.ErrUnknownInstance):
		return &api.ControlError{Status: http.StatusNotFound, Msg: err.Error()}
	case errors.Is(err, kacls.ErrBadMint):
		return &api.ControlError{Status: http.StatusBadRequest, Msg: err.Error()}
	}
	return err
}

func (c control) KACLSInstances(ctx context.Context) (any, error) {
	if c.e.kacls == nil {
		return nil, errKACLSOff
	}
	list, err := c.e.kacls.Instances(ctx)
	return list, kaclsControlError(err)
}

func (c control) KACLSToken(ctx context.Context, body []byte) (string, error) {
	if c.e.kacls == nil {
		return "", errKACLSOff
	}
	var req kacls.MintRequest
	if len(body) == 0 {
		body = []byte("{}")
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return "", &api.ControlError{Status: http.StatusBadRequest,
			Msg: `the body must be {"type": "authn"|"authz"|"migration"|"peer", "claims": {...}, "ttlSeconds": N, "header": {...}, "instance": "..."}: ` + err.Error()}
	}
	tok, err := c.e.kacls.Mint(ctx, req)
	return tok, kaclsControlError(err)
}

func (c control) KACLSJWKS(ctx context.Context) (any, error) {
	if c.e.kacls == nil {
		return nil, errKACLSOff
	}
	set, err := c.e.kacls.JWKS(ctx)
	return set, kaclsControlError(err)
}

func (c control) KACLSRequests(instance string, since int64) (any, error) {
	if c.e.kacls == nil {
		return nil, errKACLSOff
	}
	list, err := c.e.kacls.Requests(instance, since)
	return list, kaclsControlError(err)
}

func (c control) KACLSRotate(ctx context.Context, instance string) (any, error) {
	if c.e.kacls == nil {
		return nil, errKACLSOff
	}
	res, err := c.e.kacls.Rotate(ctx, instance)
	return res, kaclsControlError(err)
}
