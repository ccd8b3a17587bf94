package alikms_test

import (
	"encoding/base64"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/alikms"
)

// TestHandSignedFlow drives the KMS with requests signed apart from the
// package (ACS3 and RPC V1): a key, a data key, decryption, the error
// object, deletion on the clock.
func TestHandSignedFlow(t *testing.T) {
	e := newEnv(t)
	st, out := e.call("CreateKey", map[string]string{"Description": "a b*c~"})
	require.Equal(t, 200, st, "%v", out)
	md := out["KeyMetadata"].(map[string]any)
	k := md["KeyId"].(string)
	require.Equal(t, "a b*c~", md["Description"])
	st, out = e.call("GenerateDataKey", map[string]string{"KeyId": k, "EncryptionContext": `{"b":"2","a":"1"}`})
	require.Equal(t, 200, st, "%v", out)
	blob, pt := out["CiphertextBlob"].(string), out["Plaintext"].(string)
	// The context's key order does not matter.
	st, out = e.do(signV1(e.srv.URL, alikms.DefaultAccessKeyID, alikms.DefaultAccessKeySecret, "Decrypt",
		map[string]string{"CiphertextBlob": blob, "EncryptionContext": `{"a":"1","b":"2"}`}))
	require.Equal(t, 200, st, "%v", out)
	require.Equal(t, pt, out["Plaintext"])
	raw, _ := base64.StdEncoding.DecodeString(pt)
	require.Len(t, raw, 32)

	// The error object.
	st, out = e.call("DescribeKey", map[string]string{"KeyId": "no-such-key"})
	require.Equal(t, 404, st)
	require.Equal(t, "Forbidden.KeyNotFound", out["Code"])
	require.Equal(t, "The specified Key is not found.", out["Message"])
	require.Regexp(t, `^[0-9a-f-]{36}$`, out["RequestId"])
	require.Contains(t, out, "HostId")
	require.Contains(t, out, "Recommend")
	st, out = e.call("NoSuchAction", nil)
	require.Equal(t, 404, st)
	require.Equal(t, "InvalidAction.NotFound", out["Code"])

	// Deletion at the DeleteDate, on the emulator clock.
	st, _ = e.call("ScheduleKeyDeletion", map[string]string{"KeyId": k, "PendingWindowInDays": "366"})
	require.Equal(t, 200, st)
	e.advance(366*24*time.Hour + time.Second)
	st, out = e.call("Decrypt", map[string]string{"CiphertextBlob": blob, "EncryptionContext": `{"a":"1","b":"2"}`})
	require.Equal(t, 404, st)
	require.Equal(t, "Forbidden.KeyNotFound", out["Code"])

	// The request log names actions and schemes, never secrets.
	reqs := e.svc.Requests(0)
	require.Equal(t, "CreateKey", reqs[0].Action)
	require.Equal(t, "ACS3-HMAC-SHA256", reqs[0].Signature)
	require.Equal(t, "RPC-V1", reqs[2].Signature)
	require.Equal(t, k, reqs[2].KeyID)
}

// TestNewSignedRequest: the client-side signer (used by the replay tool)
// in each scheme.
func TestNewSignedRequest(t *testing.T) {
	e := newEnv(t)
	for _, scheme := range []string{alikms.SchemeACS3, alikms.SchemeACS4, alikms.SchemeV1} {
		req, err := alikms.NewSignedRequest(t.Context(), e.srv.URL, scheme, "CreateKey", "", map[string]string{"Description": "x y+z*~"},
			alikms.DefaultAccessKeyID, alikms.DefaultAccessKeySecret, time.Now())
		require.NoError(t, err)
		st, out := e.do(req)
		require.Equal(t, 200, st, "%s: %v", scheme, out)
		require.Equal(t, "x y+z*~", out["KeyMetadata"].(map[string]any)["Description"])
	}
	req, err := alikms.NewSignedRequest(t.Context(), e.srv.URL, alikms.SchemeACS3, "GetCallerIdentity", alikms.VersionSTS, nil,
		alikms.DefaultAccessKeyID, alikms.DefaultAccessKeySecret, time.Now())
	require.NoError(t, err)
	st, out := e.do(req)
	require.Equal(t, 200, st)
	require.Equal(t, "Account", out["IdentityType"])
}

// TestConcurrentWritesLoseNothing: a state change and a description
// change racing on one key both land (each reads the key and writes it
// back, under the write lock).
func TestConcurrentWritesLoseNothing(t *testing.T) {
	e := newEnv(t)
	_, out := e.call("CreateKey", nil)
	k := out["KeyMetadata"].(map[string]any)["KeyId"].(string)
	for i := range 20 {
		desc := fmt.Sprint("round ", i)
		var wg sync.WaitGroup
		for _, a := range []struct {
			action string
			p      map[string]string
		}{{"DisableKey", map[string]string{"KeyId": k}}, {"UpdateKeyDescription", map[string]string{"KeyId": k, "Description": desc}}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				st, out := e.call(a.action, a.p)
				assert.Equal(t, 200, st, "%v", out)
			}()
		}
		wg.Wait()
		_, out := e.call("DescribeKey", map[string]string{"KeyId": k})
		md := out["KeyMetadata"].(map[string]any)
		require.Equal(t, "Disabled", md["KeyState"])
		require.Equal(t, desc, md["Description"])
		st, _ := e.call("EnableKey", map[string]string{"KeyId": k})
		require.Equal(t, 200, st)
	}
}
