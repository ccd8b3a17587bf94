package sdktest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	openapiutil "github.com/alibabacloud-go/openapi-util/service"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"
)

// Hand-built requests signed with the SDK's own signing functions
// (openapi-util), for what the SDK client cannot be made to send: an old
// date, a reused nonce, another scheme.

const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

func nonce() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// acsRequest is an ACS3-style request before signing.
type acsRequest struct {
	scheme, id, secret string
	action, version    string
	query              map[string]string
	headers            map[string]string // overrides (x-acs-date, x-acs-signature-nonce, ...)
}

// send signs r with openapiutil.GetAuthorization and posts it.
func (e *env) send(r acsRequest) (int, map[string]any) {
	e.t.Helper()
	if r.version == "" {
		r.version = "2016-01-20"
	}
	if r.scheme == "" {
		r.scheme = "ACS3-HMAC-SHA256"
	}
	h := map[string]*string{
		"host": tea.String(e.endpoint()), "x-acs-action": tea.String(r.action), "x-acs-version": tea.String(r.version),
		"x-acs-date": tea.String(time.Now().UTC().Format("2006-01-02T15:04:05Z")), "x-acs-signature-nonce": tea.String(nonce()),
		"x-acs-content-sha256": tea.String(emptySHA256),
	}
	for k, v := range r.headers {
		h[k] = tea.String(v)
	}
	q := map[string]*string{}
	vals := url.Values{}
	for k, v := range r.query {
		q[k] = tea.String(v)
		vals.Set(k, v)
	}
	treq := tea.NewRequest()
	treq.Method, treq.Pathname, treq.Headers, treq.Query = tea.String("POST"), tea.String("/"), h, q
	auth := openapiutil.GetAuthorization(treq, tea.String(r.scheme), tea.String(emptySHA256), tea.String(r.id), tea.String(r.secret))
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+"/?"+vals.Encode(), nil)
	require.NoError(e.t, err)
	for k, v := range h {
		if k != "host" {
			req.Header.Set(k, *v)
		}
	}
	req.Header.Set("Authorization", *auth)
	return e.do(req)
}

// sendV1 signs params with openapiutil.GetRPCSignature (RPC V1) and posts
// them in the query string (or, with form, in a form body).
func (e *env) sendV1(secret string, p map[string]string, form bool) (int, map[string]any) {
	e.t.Helper()
	sp := map[string]*string{}
	for k, v := range p {
		sp[k] = tea.String(v)
	}
	sig := openapiutil.GetRPCSignature(sp, tea.String("POST"), tea.String(secret))
	vals := url.Values{}
	for k, v := range p {
		vals.Set(k, v)
	}
	vals.Set("Signature", *sig)
	var req *http.Request
	var err error
	if form {
		req, err = http.NewRequest(http.MethodPost, e.srv.URL+"/", strings.NewReader(vals.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req, err = http.NewRequest(http.MethodPost, e.srv.URL+"/?"+vals.Encode(), nil)
	}
	require.NoError(e.t, err)
	return e.do(req)
}

func v1Params(id, action string, extra map[string]string) map[string]string {
	p := map[string]string{"AccessKeyId": id, "Action": action, "Version": "2016-01-20", "Format": "JSON",
		"SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0", "SignatureNonce": nonce(),
		"Timestamp": time.Now().UTC().Format("2006-01-02T15:04:05Z")}
	for k, v := range extra {
		p[k] = v
	}
	return p
}

func (e *env) do(req *http.Request) (int, map[string]any) {
	e.t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(e.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(e.t, err)
	var out map[string]any
	require.NoError(e.t, json.Unmarshal(b, &out), string(b))
	return resp.StatusCode, out
}
