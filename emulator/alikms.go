package emulator

import (
	"context"
	"crypto/tls"
	"net/http"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/api"
)

// buildAlikms builds the Alibaba Cloud KMS (docs/alibaba-kms.md) when its
// listener is configured.
func (e *Emulator) buildAlikms() error {
	if a := e.cfg.AlikmsAddr; a == "" || a == "off" {
		return nil
	}
	ac := e.cfg.Alikms
	ac.Store, ac.Now = e.store, e.clock.Now
	if ac.Wall == nil {
		ac.Wall = time.Now // signatures are stamped with real time, whatever the emulator's Wall
	}
	ac.Logger = e.log.With("component", "alikms")
	ac.Faults = cloudKMSFaults{e.cluster}
	ac.Logged = e.hub.Notify // the dashboard's panel follows the request log
	svc, err := alikms.New(ac)
	if err != nil {
		return err
	}
	e.alikms = svc
	return nil
}

// listenAlikms binds the Alibaba KMS listener (plain HTTP) and serves it at
// once. A busy default port leaves it off with a warning; a port given
// explicitly that cannot be bound is an error.
func (e *Emulator) listenAlikms(tlsCfg *tls.Config) error {
	if e.alikms == nil {
		return nil
	}
	ln, err := e.bindService("Alibaba KMS", "alikms-addr", e.cfg.AlikmsAddr, e.cfg.AlikmsAddrDefault)
	if err != nil {
		return err
	}
	if ln == nil { // the default port was busy
		e.alikms = nil
		return nil
	}
	if e.cfg.AlikmsTLS {
		ln = tls.NewListener(ln, tlsCfg)
	}
	e.serveService("alikms", ln, e.alikms.Handler())
	ids := e.alikms.AccessKeyIDs()
	e.log.Info("Alibaba Cloud KMS listening (SDK: Endpoint host:port, Protocol http or https)", "url", e.AlikmsURL(),
		"region", e.alikms.Region(), "accessKeyId", ids[0])
	return nil
}

// alikmsProtocol is the SDK's Protocol for the listener.
func (e *Emulator) alikmsProtocol() string {
	if e.cfg.AlikmsTLS {
		return "https"
	}
	return "http"
}

// AlikmsURL is the listener's base URL ("" when off).
func (e *Emulator) AlikmsURL() string {
	a := e.Addr("alikms")
	if a == "" {
		return ""
	}
	return strings.Replace(alikms.Origin(a), "http://", e.alikmsProtocol()+"://", 1)
}

// Alikms returns the Alibaba KMS, or nil when it is off.
func (e *Emulator) Alikms() *alikms.Service { return e.alikms }

// resetAlikms wipes the KMS's keys, aliases and tags and clears its
// request log and nonce cache; the credentials stay.
func (e *Emulator) resetAlikms(ctx context.Context) error {
	if e.alikms == nil {
		return nil
	}
	e.alikms.Reset()
	return e.store.WipeAlikms(ctx)
}

// errAlikmsOff answers the Alibaba KMS lab controls when it is off.
var errAlikmsOff = &api.ControlError{Status: http.StatusNotFound,
	Msg: "the Alibaba KMS is off (--alikms-addr off, or its default port was busy at start-up; see the log)"}

var _ api.AlikmsControl = control{}

func (c control) AlikmsInfo(ctx context.Context) (any, error) {
	k := c.e.alikms
	if k == nil {
		return nil, errAlikmsOff
	}
	return map[string]any{"url": c.e.AlikmsURL(), "protocol": c.e.alikmsProtocol(), "endpoint": c.e.Addr("alikms"), "region": k.Region(),
		"account": k.Account(), "accessKeyIds": k.AccessKeyIDs(), "actions": alikms.Actions()}, nil
}

func (c control) AlikmsRequests(since int64) (any, error) {
	if c.e.alikms == nil {
		return nil, errAlikmsOff
	}
	return c.e.alikms.Requests(since), nil
}
