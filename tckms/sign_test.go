package tckms

import (
	"encoding/hex"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/cloudkms"
)

// TestTC3Vectors checks two requests captured from the real SDK (common
// and kms v1.0.563, SecretId AKIDEXAMPLE, SecretKey EXAMPLESECRETKEY)
// without the SDK: a POST CreateKey and a GET DescribeKey.
func TestTC3Vectors(t *testing.T) {
	creds, err := cloudkms.NewCredentials(cloudkms.Credential{ID: "AKIDEXAMPLE", Secret: "EXAMPLESECRETKEY"})
	require.NoError(t, err)
	for _, tt := range []struct {
		name, method, host, query, ctype, action, ts, body, auth string
	}{
		{"POST", "POST", "127.0.0.1:39975", "", "application/json", "CreateKey", "1795669878", `{"Alias":"byok-test","Type":2}`,
			"TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2026-11-26/kms/tc3_request, SignedHeaders=content-type;host, Signature=2f444fa97e543a647fc7795f02f4fc1a15ff980799440237e330261ebd016854"},
		{"GET", "GET", "127.0.0.1:43393", "KeyId=3f6f4b1c-0b3a-11ef-9e5a-525400d3a886", "application/x-www-form-urlencoded", "DescribeKey", "1796418578", "",
			"TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2026-12-04/kms/tc3_request, SignedHeaders=content-type;host, Signature=b5feca6e0b9c11b14c44a234e0dc59f5007405f3ba0fcb5bb69763353a8447c3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var sec int64
			for _, c := range tt.ts {
				sec = sec*10 + int64(c-'0')
			}
			v := verifier{creds: creds, window: cloudkms.Window{Wall: func() time.Time { return time.Unix(sec+10, 0) }, Skew: maxSkew}}
			h := http.Header{}
			h.Set("Content-Type", tt.ctype)
			h.Set("X-TC-Action", tt.action)
			h.Set("X-TC-Version", "2019-01-18")
			h.Set("X-TC-Timestamp", tt.ts)
			h.Set("X-TC-Region", "ap-guangzhou")
			h.Set("Authorization", tt.auth)
			r := request{Method: tt.method, Host: tt.host, RawQuery: tt.query, Header: h, Body: []byte(tt.body)}
			c, e := v.parse(r)
			require.Nil(t, e)
			require.Equal(t, tt.action, c.Action)
			require.Equal(t, "AKIDEXAMPLE", c.SecretID)
			require.Equal(t, "ap-guangzhou", c.Region)

			// One flipped bit anywhere signed is refused, and the message
			// carries the server's string to sign.
			bad := h.Clone()
			sig := []byte(tt.auth)
			sig[len(sig)-1] ^= 1
			bad.Set("Authorization", string(sig))
			_, e = v.parse(request{Method: tt.method, Host: tt.host, RawQuery: tt.query, Header: bad, Body: []byte(tt.body)})
			require.Equal(t, codeSignatureFailure, e.Code)
			require.Contains(t, e.Message, "Server StringToSign is [TC3-HMAC-SHA256\n"+tt.ts+"\n")
			_, e = v.parse(request{Method: tt.method, Host: "127.0.0.1:1", RawQuery: tt.query, Header: h, Body: []byte(tt.body)})
			require.Equal(t, codeSignatureFailure, e.Code)

			// Out of the window on real time.
			v.window.Wall = func() time.Time { return time.Unix(sec+301, 0) }
			_, e = v.parse(r)
			require.Equal(t, codeSignatureExpire, e.Code)
		})
	}
}

// TestTC3HostWithoutPort: a signature over the hostname alone (as the Node
// SDK makes) is accepted too.
func TestTC3HostWithoutPort(t *testing.T) {
	const ts = "1795669878"
	date := time.Unix(1795669878, 0).UTC().Format("2006-01-02")
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("X-TC-Action", "ListKeys")
	h.Set("X-TC-Version", "2019-01-18")
	h.Set("X-TC-Timestamp", ts)
	body := []byte(`{}`)
	signed := []string{"content-type", "host"}
	sts := tc3StringToSign("POST", "", h, "127.0.0.1", signed, body, ts, date, "127")
	sig := hex.EncodeToString(tc3Signature("k", date, "127", sts))
	h.Set("Authorization", "TC3-HMAC-SHA256 Credential=A/"+date+"/127/tc3_request,SignedHeaders=content-type;host,Signature="+sig)
	creds, err := cloudkms.NewCredentials(cloudkms.Credential{ID: "A", Secret: "k"})
	require.NoError(t, err)
	v := verifier{creds: creds, window: cloudkms.Window{Wall: func() time.Time { return time.Unix(1795669878, 0) }, Skew: maxSkew}}
	c, e := v.parse(request{Method: "POST", Host: "127.0.0.1:9442", Header: h, Body: body})
	require.Nil(t, e)
	require.Equal(t, "ListKeys", c.Action)
}
