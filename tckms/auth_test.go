package tckms_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	kms "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/kms/v20190118"

	"github.com/element-emulator/element-emulator/cloudkms"
	"github.com/element-emulator/element-emulator/tckms"
)

func hmac256(key []byte, msg string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	return m.Sum(nil)
}

// signedPOST builds a TC3-signed POST by hand, stamped at ts (real time),
// independently of the emulator's code.
func signedPOST(t *testing.T, url, host, id, key, action string, ts time.Time, body string) *http.Request {
	t.Helper()
	tsText := strconv.FormatInt(ts.Unix(), 10)
	date := ts.UTC().Format("2006-01-02")
	ph := sha256.Sum256([]byte(body))
	canon := "POST\n/\n\ncontent-type:application/json\nhost:" + host + "\n\ncontent-type;host\n" + hex.EncodeToString(ph[:])
	ch := sha256.Sum256([]byte(canon))
	sts := "TC3-HMAC-SHA256\n" + tsText + "\n" + date + "/kms/tc3_request\n" + hex.EncodeToString(ch[:])
	k := hmac256([]byte("TC3"+key), date)
	k = hmac256(k, "kms")
	k = hmac256(k, "tc3_request")
	sig := hex.EncodeToString(hmac256(k, sts))
	req, err := http.NewRequest("POST", url, bytes.NewReader([]byte(body)))
	require.NoError(t, err)
	req.Host = host
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-TC-Action", action)
	req.Header.Set("X-TC-Version", "2019-01-18")
	req.Header.Set("X-TC-Timestamp", tsText)
	req.Header.Set("Authorization", fmt.Sprintf("TC3-HMAC-SHA256 Credential=%s/%s/kms/tc3_request, SignedHeaders=content-type;host, Signature=%s", id, date, sig))
	return req
}

// answer sends req and returns the HTTP status and the Response object.
func answer(t *testing.T, req *http.Request) (int, map[string]any) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var env struct{ Response map[string]any }
	require.NoError(t, json.Unmarshal(b, &env), "%s", b)
	return resp.StatusCode, env.Response
}

func errCode(r map[string]any) string {
	e, _ := r["Error"].(map[string]any)
	s, _ := e["Code"].(string)
	return s
}

// TestSignatureRefusals: wrong key, unknown SecretId, a stale timestamp,
// an unknown action, a missing token; all with HTTP 200 and a RequestId.
func TestSignatureRefusals(t *testing.T) {
	e := newEnv(t, tckms.Config{Credentials: creds(t, tckms.DefaultCredential(),
		cloudkms.Credential{ID: "AKIDSTS", Secret: "sts-secret", Token: "sts-token"})})
	_, err := e.clientAs(tckms.DefaultSecretID, "wrong-key").ListKeys(kms.NewListKeysRequest())
	requireCode(t, "AuthFailure.SignatureFailure", err)
	_, err = e.clientAs("AKIDNOBODY", tckms.DefaultSecretKey).ListKeys(kms.NewListKeysRequest())
	requireCode(t, "AuthFailure.SecretIdNotFound", err)
	_, err = e.clientAs("AKIDSTS", "sts-secret").ListKeys(kms.NewListKeysRequest())
	requireCode(t, "AuthFailure.TokenFailure", err)

	cp := profile.NewClientProfile()
	cp.HttpProfile.Endpoint, cp.HttpProfile.Scheme = e.host(), "HTTP"
	sts, err := kms.NewClient(common.NewTokenCredential("AKIDSTS", "sts-secret", "sts-token"), "ap-guangzhou", cp)
	require.NoError(t, err)
	_, err = sts.ListKeys(kms.NewListKeysRequest())
	require.NoError(t, err)

	now := time.Now()
	for _, tt := range []struct {
		name, id, key, action string
		ts                    time.Time
		want                  string
	}{
		{"OK", tckms.DefaultSecretID, tckms.DefaultSecretKey, "ListKeys", now, ""},
		{"TenMinutesOld", tckms.DefaultSecretID, tckms.DefaultSecretKey, "ListKeys", now.Add(-10 * time.Minute), "AuthFailure.SignatureExpire"},
		{"TenMinutesAhead", tckms.DefaultSecretID, tckms.DefaultSecretKey, "ListKeys", now.Add(10 * time.Minute), "AuthFailure.SignatureExpire"},
		{"UnknownAction", tckms.DefaultSecretID, tckms.DefaultSecretKey, "RotateEverything", now, "InvalidAction"},
		{"BadSignature", tckms.DefaultSecretID, "nope", "ListKeys", now, "AuthFailure.SignatureFailure"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, r := answer(t, signedPOST(t, e.srv.URL, e.host(), tt.id, tt.key, tt.action, tt.ts, `{}`))
			require.Equal(t, http.StatusOK, status)
			require.Equal(t, tt.want, errCode(r))
			require.NotEmpty(t, r["RequestId"])
		})
	}

	req, err := http.NewRequest("POST", e.srv.URL, bytes.NewReader([]byte(`{}`)))
	require.NoError(t, err)
	status, r := answer(t, req)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "AuthFailure.InvalidAuthorization", errCode(r))

	// The clock split: a clock advance of a year does not break signing.
	e.advance(365 * 24 * time.Hour)
	_, err = e.client().ListKeys(kms.NewListKeysRequest())
	require.NoError(t, err)
}

// TestSigningPaths: the SDK's GET (TC3 over the query string), V1
// HmacSHA256 and HmacSHA1 (POST form and GET), and the unsigned payload
// all reach the same keys.
func TestSigningPaths(t *testing.T) {
	e := newEnv(t, tckms.Config{})
	id := e.byok(e.client(), "signing")
	for name, opts := range map[string][]func(*profile.ClientProfile){
		"TC3GET":          {withGET},
		"V1HmacSHA256":    {withV1SHA256},
		"V1HmacSHA1":      {withV1SHA1},
		"V1HmacSHA256GET": {withV1SHA256, withGET},
		"TC3Unsigned":     {withUnsigned},
	} {
		t.Run(name, func(t *testing.T) {
			c := e.client(opts...)
			md := describe(t, c, id)
			require.Equal(t, "signing", *md.Alias)
			// Typed and list parameters travel as strings in the query or form.
			r := kms.NewDescribeKeysRequest()
			r.KeyIds = []*string{str(id)}
			resp, err := c.DescribeKeys(r)
			require.NoError(t, err)
			require.Len(t, resp.Response.KeyMetadatas, 1)
			l := kms.NewListKeysRequest()
			l.Limit = u64(1)
			lr, err := c.ListKeys(l)
			require.NoError(t, err)
			require.Equal(t, uint64(1), *lr.Response.TotalCount)
			dr := kms.NewDescribeKeyRequest()
			dr.KeyId = str(id)
			_, err = e.clientAs(tckms.DefaultSecretID, "wrong", opts...).DescribeKey(dr)
			requireCode(t, "AuthFailure.SignatureFailure", err)
		})
	}
}
