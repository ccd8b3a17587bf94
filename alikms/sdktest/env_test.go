package sdktest

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	kms "github.com/alibabacloud-go/kms-20160120/v3/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/clock"
	"github.com/element-emulator/element-emulator/cloudkms"
	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

// env is the KMS on an httptest server (plain HTTP on loopback) with a
// hand-moved emulator clock; signatures use real time, as the SDK does.
type env struct {
	t      testing.TB
	store  *sqlite.Store
	svc    *alikms.Service
	srv    *httptest.Server
	clk    *clock.Clock
	faults *faultList
}

func newEnv(t *testing.T, cfg alikms.Config) *env { return newEnvTB(t, cfg) }

func newEnvTB(t testing.TB, cfg alikms.Config) *env {
	t.Helper()
	e := &env{t: t, store: sqlitetest.Open(t), faults: &faultList{}, clk: clock.New(clock.State{Mode: clock.Real}, time.Now)}
	e.start(cfg)
	return e
}

func (e *env) start(cfg alikms.Config) {
	cfg.Store, cfg.Now, cfg.Faults = e.store, e.now, e.faults
	svc, err := alikms.New(cfg)
	require.NoError(e.t, err)
	e.svc = svc
	e.srv = httptest.NewServer(svc.Handler())
	e.t.Cleanup(e.srv.Close)
}

func (e *env) now() time.Time { return e.clk.Now() }

// advance moves the emulator clock (key dates), not real time.
func (e *env) advance(d time.Duration) {
	_, err := e.clk.Advance(d)
	require.NoError(e.t, err)
}

func (e *env) endpoint() string { return strings.TrimPrefix(e.srv.URL, "http://") }

// client is the official SDK client; mode "" (ACS3), "v4" (ACS4) or "v2"
// (RPC V1). Endpoint and credentials are always explicit.
func (e *env) client(mode, id, secret string) *kms.Client {
	e.t.Helper()
	cfg := &openapi.Config{AccessKeyId: tea.String(id), AccessKeySecret: tea.String(secret),
		RegionId: tea.String("cn-hangzhou"), Endpoint: tea.String(e.endpoint()), Protocol: tea.String("http")}
	switch mode {
	case "v4":
		cfg.SignatureVersion = tea.String("v4")
	case "v2":
		cfg.SignatureAlgorithm = tea.String("v2")
	}
	c, err := kms.NewClient(cfg)
	require.NoError(e.t, err)
	return c
}

func (e *env) sdk() *kms.Client {
	return e.client("", alikms.DefaultAccessKeyID, alikms.DefaultAccessKeySecret)
}

// sdkErr asserts err is the SDK's error with that status and code.
func sdkErr(t *testing.T, err error, status int, code string) *tea.SDKError {
	t.Helper()
	require.Error(t, err)
	var se *tea.SDKError
	require.True(t, errors.As(err, &se), "not an SDK error: %v", err)
	require.Equal(t, status, tea.IntValue(se.StatusCode), "status; %v", err)
	require.Equal(t, code, tea.StringValue(se.Code), "code; %v", err)
	return se
}

// faultList is a FaultSource: each rule fires times times for its action.
type faultList struct {
	mu    sync.Mutex
	rules []*faultRule
}

type faultRule struct {
	action string
	times  int
	f      alikms.Fault
}

func (l *faultList) add(action string, times int, f alikms.Fault) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rules = append(l.rules, &faultRule{action, times, f})
}

func (l *faultList) Fire(_ context.Context, ev cloudkms.FaultEvent) (*cloudkms.Fault, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, r := range l.rules {
		if ev.Target == cloudkms.TargetAlibaba && r.action == ev.Action && r.times > 0 {
			r.times--
			f := r.f
			return &f, nil
		}
	}
	return nil, nil
}

func timeNow() time.Time { return time.Now() }
