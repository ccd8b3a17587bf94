package tckms_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	sdkerrors "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	kms "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/kms/v20190118"

	"github.com/element-emulator/element-emulator/clock"
	"github.com/element-emulator/element-emulator/cloudkms"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
	"github.com/element-emulator/element-emulator/tckms"
)

// env is a Tencent KMS emulator on an httptest server (plain HTTP on
// loopback) over a real SQLite store, with a hand-moved emulator clock;
// signatures are checked against real time, as the real SDK stamps them.
type env struct {
	t   *testing.T
	svc *tckms.Service
	srv *httptest.Server
	clk *clock.Clock
}

func newEnv(t *testing.T, cfg tckms.Config) *env {
	t.Helper()
	e := &env{t: t, clk: clock.New(clock.State{Mode: clock.Virtual, Base: time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC)}, time.Now)}
	cfg.Store = sqlitetest.Open(t)
	cfg.Now = e.clock
	svc, err := tckms.New(cfg)
	require.NoError(t, err)
	e.svc = svc
	e.srv = httptest.NewServer(svc.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

func (e *env) clock() time.Time { return e.clk.Now() }

func (e *env) advance(d time.Duration) {
	_, err := e.clk.Advance(d)
	require.NoError(e.t, err)
}

func (e *env) host() string { return strings.TrimPrefix(e.srv.URL, "http://") }

// client is the official SDK pointed at the emulator with the default
// credentials; opts adjust the profile (GET, V1 signing).
func (e *env) client(opts ...func(*profile.ClientProfile)) *kms.Client {
	return e.clientAs(tckms.DefaultSecretID, tckms.DefaultSecretKey, opts...)
}

func (e *env) clientAs(id, key string, opts ...func(*profile.ClientProfile)) *kms.Client {
	e.t.Helper()
	cp := profile.NewClientProfile()
	cp.HttpProfile.Endpoint = e.host()
	cp.HttpProfile.Scheme = "HTTP"
	cp.NetworkFailureMaxRetries = 0
	for _, o := range opts {
		o(cp)
	}
	c, err := kms.NewClient(common.NewCredential(id, key), "ap-guangzhou", cp)
	require.NoError(e.t, err)
	return c
}

func withGET(cp *profile.ClientProfile)      { cp.HttpProfile.ReqMethod = "GET" }
func withV1SHA256(cp *profile.ClientProfile) { cp.SignMethod = "HmacSHA256" }
func withV1SHA1(cp *profile.ClientProfile)   { cp.SignMethod = "HmacSHA1" }
func withUnsigned(cp *profile.ClientProfile) { cp.UnsignedPayload = true }

// code is the Tencent error code of an SDK error ("" for nil).
func code(t *testing.T, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	var se *sdkerrors.TencentCloudSDKError
	require.True(t, errors.As(err, &se), "not an SDK error: %v", err)
	return se.GetCode()
}

func requireCode(t *testing.T, want string, err error) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, want, code(t, err), "%v", err)
}

func str(s string) *string { return &s }
func u64(n uint64) *uint64 { return &n }

// wrap encrypts material under a GetParametersForImport public key, as
// the seed's openssl pkeyutl step does.
func wrap(t *testing.T, pubB64, alg string, material []byte) string {
	t.Helper()
	der, err := base64.StdEncoding.DecodeString(pubB64)
	require.NoError(t, err)
	k, err := x509.ParsePKIXPublicKey(der)
	require.NoError(t, err)
	pub := k.(*rsa.PublicKey)
	require.Equal(t, 2048, pub.N.BitLen())
	var out []byte
	switch alg {
	case "RSAES_PKCS1_V1_5":
		out, err = rsa.EncryptPKCS1v15(rand.Reader, pub, material)
	case "RSAES_OAEP_SHA_1":
		out, err = rsa.EncryptOAEP(sha1.New(), rand.Reader, pub, material, nil)
	case "RSAES_OAEP_SHA_256":
		out, err = rsa.EncryptOAEP(sha256.New(), rand.Reader, pub, material, nil)
	}
	require.NoError(t, err)
	return base64.StdEncoding.EncodeToString(out)
}

func randBytes(t *testing.T, n int) []byte {
	b := make([]byte, n)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return b
}

// creds builds a credential set.
func creds(t *testing.T, list ...cloudkms.Credential) *cloudkms.Credentials {
	c, err := cloudkms.NewCredentials(list...)
	require.NoError(t, err)
	return c
}
