package emulator

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/api"
	"github.com/element-emulator/element-emulator/cloudkms"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/faults"
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
	tc.Faults = tckmsFaults{e.cluster}
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
	ln, err := net.Listen("tcp", e.cfg.TCKMSAddr)
	if err != nil {
		if e.cfg.TCKMSAddrDefault {
			e.log.Warn("Tencent KMS off: its default port is busy (give --tckms-addr to choose another)", "addr", e.cfg.TCKMSAddr, "error", err)
			e.tckms = nil
			return nil
		}
		return fmt.Errorf("Tencent KMS listener on %s: %w", e.cfg.TCKMSAddr, err)
	}
	scheme := "http"
	if e.cfg.TCKMSTLS {
		ln, scheme = tls.NewListener(ln, tlsCfg), "https"
	}
	srv := &http.Server{Handler: e.tckms.Handler(), ReadHeaderTimeout: 30 * time.Second, ErrorLog: slog.NewLogLogger(e.log.Handler(), slog.LevelDebug)}
	e.mu.Lock()
	e.listeners["tckms"] = ln
	e.servers = append(e.servers, srv)
	e.mu.Unlock()
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			e.log.Error("listener stopped", "listener", "tckms", "error", err)
		}
	}()
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

// tckmsFaults feeds the persisted tckms fault rules to the service.
type tckmsFaults struct{ c *cluster.Cluster }

var _ cloudkms.FaultSource = tckmsFaults{}

func (f tckmsFaults) Fire(ctx context.Context, ev cloudkms.FaultEvent) (*cloudkms.Fault, error) {
	fe := faults.Event{Target: faults.Target(ev.Target), Attrs: map[string]string{"action": ev.Action}}
	r, fired, err := f.c.FireRuleWhere(ctx, func(r faults.Rule) bool { return r.Matches(fe) })
	if err != nil || !fired {
		return nil, err
	}
	ms, _ := strconv.Atoi(r.Params["ms"])
	status, _ := strconv.Atoi(r.Params["status"])
	return &cloudkms.Fault{Effect: r.Effect, Code: r.Params["code"], Status: status, Message: r.Params["message"], Ms: ms}, nil
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
