package api_test

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	sdkerrors "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	kms "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/kms/v20190118"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
	"github.com/element-emulator/element-emulator/tckms"
)

func tcCode(t *testing.T, err error) string {
	t.Helper()
	var se *sdkerrors.TencentCloudSDKError
	require.True(t, errors.As(err, &se), "%v", err)
	return se.GetCode()
}

// TestTCKMSThroughTheEmulator: the official SDK against the emulator's
// Tencent listener, with the emulator clock, fault rules, the request log,
// snapshots and reset.
func TestTCKMSThroughTheEmulator(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) {
		c.TCKMSAddr = "127.0.0.1:0"
		c.TCKMS.Wall = time.Now // the SDK stamps real time; apitest's wall is fixed
	}))
	status, info := s.Control(http.MethodGet, "tckms", nil)
	require.Equal(t, http.StatusOK, status, info)
	ep := info["endpoint"].(string)
	require.Equal(t, ep, s.Emu.Addr("tckms"))
	require.Equal(t, []any{tckms.DefaultSecretID}, info["secretIds"])

	cp := profile.NewClientProfile()
	cp.HttpProfile.Endpoint, cp.HttpProfile.Scheme = ep, "HTTP"
	c, err := kms.NewClient(common.NewCredential(tckms.DefaultSecretID, tckms.DefaultSecretKey), "ap-guangzhou", cp)
	require.NoError(t, err)
	cr := kms.NewCreateKeyRequest()
	cr.Alias = common.StringPtr("through-the-emulator")
	resp, err := c.CreateKey(cr)
	require.NoError(t, err)
	id := *resp.Response.KeyId
	require.Equal(t, uint64(apitest.Start().Unix()), *resp.Response.CreateTime, "key dates follow the emulator clock")

	describe := func() (*kms.KeyMetadata, error) {
		r := kms.NewDescribeKeyRequest()
		r.KeyId = common.StringPtr(id)
		d, err := c.DescribeKey(r)
		if err != nil {
			return nil, err
		}
		return d.Response.KeyMetadata, nil
	}

	t.Run("fault rules in Tencent's dialect", func(t *testing.T) {
		s.AddRule(map[string]any{"target": "tckms", "effect": "error", "code": "ResourceUnavailable.NotPurchased", "match": map[string]any{"action": "DescribeKey"}, "times": 1})
		_, err := describe()
		require.Equal(t, "ResourceUnavailable.NotPurchased", tcCode(t, err))
		_, err = describe()
		require.NoError(t, err)
		status, body := s.Control(http.MethodPost, "faults", map[string]any{"target": "tckms", "effect": "error", "match": map[string]any{"endpoint": "x"}})
		require.Equal(t, http.StatusBadRequest, status, body)
	})

	t.Run("deletion on the emulator clock", func(t *testing.T) {
		dr := kms.NewDisableKeyRequest()
		dr.KeyId = common.StringPtr(id)
		_, err := c.DisableKey(dr)
		require.NoError(t, err)
		sr := kms.NewScheduleKeyDeletionRequest()
		sr.KeyId, sr.PendingWindowInDays = common.StringPtr(id), common.Uint64Ptr(7)
		_, err = c.ScheduleKeyDeletion(sr)
		require.NoError(t, err)
		status, body := s.Control(http.MethodPost, "snapshot", map[string]any{"name": "pending"})
		require.Equal(t, http.StatusOK, status, body)
		s.Advance(7 * 86400)
		_, err = describe()
		require.Equal(t, "ResourceUnavailable.CmkNotFound", tcCode(t, err))
		status, body = s.Control(http.MethodPost, "restore", map[string]any{"name": "pending"})
		require.Equal(t, http.StatusOK, status, body)
		md, err := describe()
		require.NoError(t, err, "the snapshot brings the key back")
		require.Equal(t, "PendingDelete", *md.KeyState)
	})

	t.Run("the dashboard's panel, without secrets", func(t *testing.T) {
		req, err := http.NewRequest(http.MethodGet, s.URL+"/_emulator/ui/state", nil)
		require.NoError(t, err)
		req.SetBasicAuth(s.User, s.Pass)
		resp, err := s.Client.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
		state := string(b)
		require.Contains(t, state, `"id":"tckms"`)
		require.Contains(t, state, ep)
		require.Contains(t, state, "ScheduleKeyDeletion")
		require.Contains(t, state, `["`+id+`","through-the-emulator","PendingDelete","TENCENT_KMS"`, "the key and its state in the keys table")
		require.NotContains(t, state, tckms.DefaultSecretKey)
	})

	t.Run("request log and reset", func(t *testing.T) {
		status, body := s.Control(http.MethodGet, "tckms/requests?since=1", nil)
		require.Equal(t, http.StatusOK, status, body)
		reqs := body["requests"].([]any)
		require.NotEmpty(t, reqs)
		first := reqs[0].(map[string]any)
		require.Equal(t, "DescribeKey", first["action"])
		require.Equal(t, "ResourceUnavailable.NotPurchased", first["code"])
		require.Equal(t, "error", first["fault"])
		status, body = s.Control(http.MethodGet, "tckms/requests?since=-1", nil)
		require.Equal(t, http.StatusBadRequest, status, body)

		status, body = s.Control(http.MethodPost, "reset", nil)
		require.Equal(t, http.StatusOK, status, body)
		_, err := describe()
		require.Equal(t, "ResourceUnavailable.CmkNotFound", tcCode(t, err))
		lr, err := c.ListKeys(kms.NewListKeysRequest())
		require.NoError(t, err)
		require.Equal(t, uint64(0), *lr.Response.TotalCount)
		_, body = s.Control(http.MethodGet, "tckms/requests", nil)
		require.Len(t, body["requests"], 2, "the log restarts at the reset")
	})
}

func TestTCKMSControlsWhenOff(t *testing.T) {
	s := apitest.NewServer(t)
	status, body := s.Control(http.MethodGet, "tckms", nil)
	require.Equal(t, http.StatusNotFound, status, body)
	status, body = s.Control(http.MethodGet, "tckms/requests", nil)
	require.Equal(t, http.StatusNotFound, status, body)
}

// TestTCKMSOverHTTPS: with TCKMSTLS the listener serves HTTPS with a leaf
// of the emulator's CA, and the SDK with Scheme HTTPS trusts that CA.
func TestTCKMSOverHTTPS(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) {
		c.TCKMSAddr, c.TCKMSTLS = "127.0.0.1:0", true
		c.TCKMS.Wall = time.Now
	}))
	status, info := s.Control(http.MethodGet, "tckms", nil)
	require.Equal(t, http.StatusOK, status, info)
	require.Equal(t, "HTTPS", info["scheme"])
	require.True(t, strings.HasPrefix(info["url"].(string), "https://"))
	roots := x509.NewCertPool()
	roots.AddCert(s.Emu.CA().Certificate())
	cp := profile.NewClientProfile()
	cp.HttpProfile.Endpoint, cp.HttpProfile.Scheme = info["endpoint"].(string), "HTTPS"
	c, err := kms.NewClient(common.NewCredential(tckms.DefaultSecretID, tckms.DefaultSecretKey), "ap-guangzhou", cp)
	require.NoError(t, err)
	c.WithHttpTransport(&http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots}})
	lr, err := c.ListKeys(kms.NewListKeysRequest())
	require.NoError(t, err)
	require.Equal(t, uint64(0), *lr.Response.TotalCount)
}
