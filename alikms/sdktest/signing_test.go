package sdktest

import (
	"strings"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	kms "github.com/alibabacloud-go/kms-20160120/v3/client"
	util "github.com/alibabacloud-go/tea-utils/v2/service"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/cloudkms"
)

const (
	defID     = alikms.DefaultAccessKeyID
	defSecret = alikms.DefaultAccessKeySecret
)

// TestSigningModes: the SDK's three signing paths are verified, a wrong
// secret in each gets SignatureDoesNotMatch with the server's
// string-to-sign, and other schemes are refused.
func TestSigningModes(t *testing.T) {
	e := newEnv(t, alikms.Config{})
	k := tea.StringValue(createKey(t, e.sdk()).KeyId)
	for _, m := range []struct{ mode, echo string }{
		{"", "server StringToSign is [ACS3-HMAC-SHA256\n"},
		{"v4", "server StringToSign is [ACS4-HMAC-SHA256\n"},
		{"v2", "server string to sign is:POST&%2F&AccessKeyId%3D"},
	} {
		r, err := e.client(m.mode, defID, defSecret).DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
		require.NoError(t, err, "mode %q", m.mode)
		require.Equal(t, k, tea.StringValue(r.Body.KeyMetadata.KeyId))
		_, err = e.client(m.mode, defID, "wrong-secret").DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
		se := sdkErr(t, err, 400, "SignatureDoesNotMatch")
		require.Contains(t, tea.StringValue(se.Message), m.echo, "mode %q", m.mode)
		require.NotContains(t, tea.StringValue(se.Message), defSecret)
		_, err = e.client(m.mode, "LTAINOSUCHKEY0000000000", defSecret).DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
		sdkErr(t, err, 404, "InvalidAccessKeyId.NotFound")
	}
	reqs := e.svc.Requests(0)
	require.Equal(t, "ACS4-HMAC-SHA256", reqs[4].Signature)
	require.Equal(t, "RPC-V1", reqs[7].Signature)

	// Other schemes: IncompleteSignature (the SDK's own SM3 signer).
	status, out := e.send(acsRequest{scheme: "ACS3-HMAC-SM3", id: defID, secret: defSecret, action: "DescribeKey", query: map[string]string{"KeyId": k}})
	require.Equal(t, 400, status)
	require.Equal(t, "IncompleteSignature", out["Code"])
	require.NotEmpty(t, out["RequestId"])
	// A hand-built ACS3 request with the SDK's signer works; an unsigned one does not.
	status, out = e.send(acsRequest{id: defID, secret: defSecret, action: "DescribeKey", query: map[string]string{"KeyId": k}})
	require.Equal(t, 200, status, "%v", out)
	// A body that does not match x-acs-content-sha256.
	status, out = e.send(acsRequest{id: defID, secret: defSecret, action: "DescribeKey", query: map[string]string{"KeyId": k},
		headers: map[string]string{"x-acs-content-sha256": strings.Repeat("0", 64)}})
	require.Equal(t, 400, status)
	require.Equal(t, "SignatureDoesNotMatch", out["Code"])
	// RPC V1 by hand, parameters in a form body (Terraform's client).
	status, out = e.sendV1(defSecret, v1Params(defID, "DescribeKey", map[string]string{"KeyId": k}), true)
	require.Equal(t, 200, status, "%v", out)
	status, out = e.sendV1(defSecret, v1Params(defID, "DescribeKey", map[string]string{"KeyId": k, "SignatureMethod": "HMAC-SHA256"}), false)
	require.Equal(t, 400, status)
	require.Equal(t, "IncompleteSignature", out["Code"])
}

// TestTimestampAndNonce: dates and nonces are checked against real time,
// so advancing the emulator clock does not break signing.
func TestTimestampAndNonce(t *testing.T) {
	e := newEnv(t, alikms.Config{})
	k := tea.StringValue(createKey(t, e.sdk()).KeyId)
	old := time.Now().Add(-16 * time.Minute).UTC().Format("2006-01-02T15:04:05Z")
	status, out := e.send(acsRequest{id: defID, secret: defSecret, action: "DescribeKey", query: map[string]string{"KeyId": k},
		headers: map[string]string{"x-acs-date": old}})
	require.Equal(t, 400, status)
	require.Equal(t, "InvalidTimeStamp.Expired", out["Code"])
	status, out = e.sendV1(defSecret, v1Params(defID, "DescribeKey", map[string]string{"KeyId": k, "Timestamp": old}), false)
	require.Equal(t, 400, status)
	require.Equal(t, "InvalidTimeStamp.Expired", out["Code"])

	// The same nonce twice: the second is refused, in both families.
	n := nonce()
	r := acsRequest{id: defID, secret: defSecret, action: "DescribeKey", query: map[string]string{"KeyId": k},
		headers: map[string]string{"x-acs-signature-nonce": n}}
	status, _ = e.send(r)
	require.Equal(t, 200, status)
	status, out = e.send(r)
	require.Equal(t, 400, status)
	require.Equal(t, "SignatureNonceUsed", out["Code"])
	p := v1Params(defID, "DescribeKey", map[string]string{"KeyId": k})
	status, _ = e.sendV1(defSecret, p, false)
	require.Equal(t, 200, status)
	status, out = e.sendV1(defSecret, p, false)
	require.Equal(t, 400, status)
	require.Equal(t, "SignatureNonceUsed", out["Code"])

	// A year on the emulator clock: the SDK still signs with real time.
	e.advance(365 * 24 * time.Hour)
	_, err := e.sdk().DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
}

// TestSecurityToken: a pair configured with a token requires it.
func TestSecurityToken(t *testing.T) {
	creds, err := cloudkms.NewCredentials(cloudkms.Credential{ID: "STS.EMULATOR", Secret: "s3cret", Token: "tok"})
	require.NoError(t, err)
	e := newEnv(t, alikms.Config{Credentials: creds})
	cfg := &openapi.Config{AccessKeyId: tea.String("STS.EMULATOR"), AccessKeySecret: tea.String("s3cret"), SecurityToken: tea.String("tok"),
		RegionId: tea.String("cn-hangzhou"), Endpoint: tea.String(e.endpoint()), Protocol: tea.String("http")}
	c, err := kms.NewClient(cfg)
	require.NoError(t, err)
	_, err = c.ListKeys(&kms.ListKeysRequest{})
	require.NoError(t, err)
	cfg.SecurityToken = tea.String("other")
	c, err = kms.NewClient(cfg)
	require.NoError(t, err)
	_, err = c.ListKeys(&kms.ListKeysRequest{})
	sdkErr(t, err, 400, "InvalidSecurityToken.MismatchWithAccessKey")
	_, err = e.client("", "STS.EMULATOR", "s3cret").ListKeys(&kms.ListKeysRequest{})
	sdkErr(t, err, 400, "InvalidSecurityToken.MismatchWithAccessKey")
	_, err = e.client("", defID, defSecret).ListKeys(&kms.ListKeysRequest{})
	sdkErr(t, err, 404, "InvalidAccessKeyId.NotFound")
}

// TestGetCallerIdentityAndUnknownAction through the SDK's generic CallApi.
func TestGetCallerIdentityAndUnknownAction(t *testing.T) {
	e := newEnv(t, alikms.Config{})
	c := e.sdk()
	call := func(action, version string) (map[string]interface{}, error) {
		return c.CallApi(&openapi.Params{Action: tea.String(action), Version: tea.String(version), Protocol: tea.String("HTTP"),
			Pathname: tea.String("/"), Method: tea.String("POST"), AuthType: tea.String("AK"), Style: tea.String("RPC"),
			ReqBodyType: tea.String("formData"), BodyType: tea.String("json")}, &openapi.OpenApiRequest{}, &util.RuntimeOptions{})
	}
	out, err := call("GetCallerIdentity", "2015-04-01")
	require.NoError(t, err)
	body := out["body"].(map[string]interface{})
	require.Equal(t, "1234567890123456", body["AccountId"])
	require.Equal(t, "acs:ram::1234567890123456:root", body["Arn"])
	require.Equal(t, "Account", body["IdentityType"])
	_, err = call("GetKeyPolicy", "2016-01-20")
	sdkErr(t, err, 404, "InvalidAction.NotFound")
}
