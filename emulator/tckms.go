package emulator

import (
	"context"
	"crypto/tls"
	"net/http"
	"strings"

	"github.com/element-emulator/element-emulator/api"
	"github.com/element-emulator/element-emulator/tckms"
)

// buildTCKMS builds the Tencent Cloud KMS emulator (docs/tencent-kms.md)
// when its listener is configured.
func (e *Emulator) buildTCKMS() error {
	if a := e.cfg.TCKMSAddr; a == "" || a == "off" {
		return nil
	}
	tc := e.cfg.TCKMS
	tc.Store, tc.Now = e.store, e.clock.Now
	if tc.Wall == nil {
		tc.Wall = e.cfg.Wall
	}
	tc.Logger = e.log.With("component", "tckms")
	tc.Faults = cloudKMSFaults{e.cluster}
	tc.Logged = e.hub.Notify // the dashboard's panel follows the request log
	svc, err := tckms.New(tc)
	if err != nil {
		return err
	}
	e.tckms = svc
	return nil
}

// listenTCKMS binds the Tencent KMS listener (plain HTTP, or HTTPS with a
// leaf of the embedded CA when TCKMSTLS) and serves it at
// once. A busy default port leaves it off with a warning; a port given
// explicitly that cannot be bound is an error (TK1).
func (e *Emulator) listenTCKMS(tlsCfg *tls.Config) error {
	if e.tckms == nil {
		return nil
	}
	ln, err := e.bindService("Tencent KMS", "tckms-addr", e.cfg.TCKMSAddr, e.cfg.TCKMSAddrDefault)
	if err != nil {
		return err
	}
	if ln == nil { // the default port was busy
		e.tckms = nil
		return nil
	}
	scheme := "http"
	if e.cfg.TCKMSTLS {
		ln, scheme = tls.NewListener(ln, tlsCfg), "https"
	}
	e.serveService("tckms", ln, e.tckms.Handler())
	// The default SecretId is shown while the configuration has not replaced
	// its key; the key itself, like every secret, never reaches the log
	// (docs/tencent-kms.md gives it).
	attrs := []any{"addr", ln.Addr().String(), "url", scheme + "://" + ln.Addr().String() + "/"}
	creds := e.cfg.TCKMS.Credentials
	if c, ok := creds.Lookup(tckms.DefaultSecretID); creds == nil || (ok && c.Secret.Reveal() == tckms.DefaultSecretKey) {
		attrs = append(attrs, "secretId", tckms.DefaultSecretID, "secretKey", "<the documented default>")
	}
	e.log.Info("Tencent Cloud KMS listening (SDK: HttpProfile.Endpoint = addr, Scheme "+strings.ToUpper(scheme)+")", attrs...)
	return nil
}

// TCKMS returns the Tencent KMS service, or nil when it is off.
func (e *Emulator) TCKMS() *tckms.Service { return e.tckms }

// resetTCKMS wipes the Tencent keys and request log (POST /_emulator/reset
// without a fixture snapshot).
func (e *Emulator) resetTCKMS(ctx context.Context) error {
	if e.tckms == nil {
		return nil
	}
	return e.tckms.Reset(ctx)
}

// errTCKMSOff answers the Tencent KMS lab controls when it is off.
var errTCKMSOff = &api.ControlError{Status: http.StatusNotFound,
	Msg: "the Tencent KMS is off (--tckms-addr off, or its default port was busy at start-up; see the log)"}

var _ api.TCKMSControl = control{}

func (c control) TCKMSInfo(ctx context.Context) (any, error) {
	if c.e.tckms == nil {
		return nil, errTCKMSOff
	}
	info := c.e.tckms.Info()
	if a := c.e.Addr("tckms"); a != "" {
		scheme := "http"
		if c.e.cfg.TCKMSTLS {
			scheme = "https"
		}
		info.URL, info.Endpoint, info.Scheme = scheme+"://"+a+"/", a, strings.ToUpper(scheme)
	}
	return info, nil
}

func (c control) TCKMSRequests(since int64) (any, error) {
	if c.e.tckms == nil {
		return nil, errTCKMSOff
	}
	return c.e.tckms.Requests(since), nil
}
