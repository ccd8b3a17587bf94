package sdktest

import (
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	kms "github.com/alibabacloud-go/kms-20160120/v3/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/cloudkms"
	"github.com/element-emulator/element-emulator/emulator"
)

// emuWithAlikms is a whole emulator with the Alibaba KMS on a free port.
// Its wall clock is real time, as in production, since the SDK signs with
// real time.
func emuWithAlikms(t *testing.T, creds ...cloudkms.Credential) (*apitest.Server, func(id, secret string) *kms.Client) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) {
		c.AlikmsAddr = "127.0.0.1:0"
		if len(creds) > 0 {
			cs, err := cloudkms.NewCredentials(append([]cloudkms.Credential{alikms.DefaultCredential()}, creds...)...)
			require.NoError(t, err)
			c.Alikms.Credentials = cs
		}
	}))
	addr := s.Emu.Addr("alikms")
	require.NotEmpty(t, addr)
	return s, func(id, secret string) *kms.Client {
		c, err := kms.NewClient(&openapi.Config{AccessKeyId: tea.String(id), AccessKeySecret: tea.String(secret),
			RegionId: tea.String("cn-hangzhou"), Endpoint: tea.String(addr), Protocol: tea.String("http")})
		require.NoError(t, err)
		return c
	}
}

// TestEmulatorAlikms: the KMS inside the emulator shares its clock, fault
// rules, snapshots, reset and request log.
func TestEmulatorAlikms(t *testing.T) {
	s, client := emuWithAlikms(t, cloudkms.Credential{ID: "LTAIOPS", Secret: "ops-secret"})
	c := client(defID, defSecret)

	st, info := s.Control(http.MethodGet, "alikms", nil)
	require.Equal(t, 200, st, "%v", info)
	require.Equal(t, "cn-hangzhou", info["region"])
	require.Equal(t, []any{defID, "LTAIOPS"}, info["accessKeyIds"])
	require.NotContains(t, info, "secret")

	k := tea.StringValue(createKey(t, c).KeyId)
	_, err := client("LTAIOPS", "ops-secret").DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err, "a pair from the configuration")

	// Fault rules: once, then the action works; a code and status of choice.
	s.AddRule(map[string]any{"target": "alikms", "effect": "error", "match": map[string]any{"action": "GenerateDataKey"}, "times": 1})
	_, err = c.GenerateDataKey(&kms.GenerateDataKeyRequest{KeyId: tea.String(k)})
	sdkErr(t, err, 500, "InternalFailure")
	_, err = c.GenerateDataKey(&kms.GenerateDataKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	s.AddRule(map[string]any{"target": "alikms", "effect": "error", "match": map[string]any{"action": "Encrypt"}, "times": 1,
		"code": "Throttling", "status": 503, "message": "Request was denied due to request throttling."})
	_, err = c.Encrypt(&kms.EncryptRequest{KeyId: tea.String(k), Plaintext: tea.String("aGk=")})
	se := sdkErr(t, err, 503, "Throttling")
	require.Contains(t, tea.StringValue(se.Message), "throttling")

	// The emulator clock: deletion after the window.
	_, err = c.ScheduleKeyDeletion(&kms.ScheduleKeyDeletionRequest{KeyId: tea.String(k), PendingWindowInDays: tea.Int32(7)})
	require.NoError(t, err)
	s.Advance(7*86400 + 1)
	_, err = c.DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
	sdkErr(t, err, 404, "Forbidden.KeyNotFound")

	// Snapshots hold the keys of their time.
	k2 := tea.StringValue(createKey(t, c).KeyId)
	st, body := s.Control(http.MethodPost, "snapshot", map[string]any{"name": "one"})
	require.Equal(t, 200, st, "%v", body)
	k3 := tea.StringValue(createKey(t, c).KeyId)
	_, err = c.ScheduleKeyDeletion(&kms.ScheduleKeyDeletionRequest{KeyId: tea.String(k2), PendingWindowInDays: tea.Int32(30)})
	require.NoError(t, err)
	st, body = s.Control(http.MethodPost, "restore", map[string]any{"name": "one"})
	require.Equal(t, 200, st, "%v", body)
	r, err := c.DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k2)})
	require.NoError(t, err)
	require.Equal(t, "Enabled", tea.StringValue(r.Body.KeyMetadata.KeyState))
	_, err = c.DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k3)})
	sdkErr(t, err, 404, "Forbidden.KeyNotFound")

	// The request log: actions, schemes, codes; no secrets.
	st, body = s.Control(http.MethodGet, "alikms/requests", nil)
	require.Equal(t, 200, st)
	reqs := body["requests"].([]any)
	require.NotEmpty(t, reqs)
	first := reqs[0].(map[string]any)
	require.Equal(t, "CreateKey", first["action"])
	require.Equal(t, "ACS3-HMAC-SHA256", first["signature"])
	require.Equal(t, defID, first["accessKeyId"])

	// The dashboard's panel: the endpoint, the access key IDs and the
	// newest requests, never a secret.
	req, err := http.NewRequest(http.MethodGet, s.URL+"/_emulator/ui/state", nil)
	require.NoError(t, err)
	req.SetBasicAuth(s.User, s.Pass)
	resp, err := s.Client.Do(req)
	require.NoError(t, err)
	page, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	require.Equal(t, 200, resp.StatusCode)
	require.Contains(t, string(page), "Alibaba Cloud KMS")
	require.Contains(t, string(page), "LTAIOPS")
	require.Contains(t, string(page), "DescribeKey")
	require.Contains(t, string(page), `["`+k2+`","Enabled","Aliyun_AES_256"`, "the key and its state (as the restore left it) in the keys table")
	require.NotContains(t, string(page), "ops-secret")
	require.NotContains(t, string(page), defSecret)

	// Reset: no keys, an empty request log; the credentials stay.
	st, body = s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, 200, st, "%v", body)
	_, err = c.DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k2)})
	sdkErr(t, err, 404, "Forbidden.KeyNotFound")
	lk, err := client("LTAIOPS", "ops-secret").ListKeys(&kms.ListKeysRequest{})
	require.NoError(t, err)
	require.Zero(t, tea.Int32Value(lk.Body.TotalCount))
	st, body = s.Control(http.MethodGet, "alikms/requests", nil)
	require.Equal(t, 200, st)
	require.Len(t, body["requests"], 2, "the two requests after the reset")
}

// TestAlikmsBusyPort: a busy default port leaves the KMS off and the
// emulator up; the same port given explicitly stops start-up.
func TestAlikmsBusyPort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()
	for _, defaultAddr := range []bool{true, false} {
		cfg := apitest.Config(filepath.Join(t.TempDir(), "data"))
		cfg.AlikmsAddr, cfg.AlikmsAddrDefault = busy.Addr().String(), defaultAddr
		e, err := emulator.New(context.Background(), cfg)
		require.NoError(t, err)
		err = e.Start(context.Background())
		if defaultAddr {
			require.NoError(t, err)
			require.Nil(t, e.Alikms())
			require.Empty(t, e.Addr("alikms"))
			require.NoError(t, e.Close())
			continue
		}
		require.ErrorContains(t, err, "Alibaba KMS listener on "+busy.Addr().String())
		_ = e.Close()
	}
}

// TestAlikmsTLS: with --alikms-tls the KMS answers HTTPS with a leaf of the
// embedded CA, which the SDK trusts through Config.Ca.
func TestAlikmsTLS(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) {
		c.AlikmsAddr, c.AlikmsTLS = "127.0.0.1:0", true
	}))
	st, info := s.Control(http.MethodGet, "alikms", nil)
	require.Equal(t, 200, st)
	require.Equal(t, "https", info["protocol"])
	require.Equal(t, "https://"+s.Emu.Addr("alikms"), info["url"])
	st, ca := s.Control(http.MethodGet, "kmip/ca", nil)
	require.Equal(t, 200, st)
	caPEM := ca["text"].(string)
	require.Contains(t, caPEM, "BEGIN CERTIFICATE")
	c, err := kms.NewClient(&openapi.Config{AccessKeyId: tea.String(defID), AccessKeySecret: tea.String(defSecret),
		RegionId: tea.String("cn-hangzhou"), Endpoint: tea.String(s.Emu.Addr("alikms")), Protocol: tea.String("https"), Ca: tea.String(caPEM)})
	require.NoError(t, err)
	k := createKey(t, c)
	r, err := c.DescribeKey(&kms.DescribeKeyRequest{KeyId: k.KeyId})
	require.NoError(t, err)
	require.Equal(t, "Enabled", tea.StringValue(r.Body.KeyMetadata.KeyState))
}
