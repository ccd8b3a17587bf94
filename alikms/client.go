package alikms

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// NewSignedRequest builds a request to the KMS at base (e.g.
// "http://127.0.0.1:9441") signed the way the SDKs sign, for clients that
// are not an SDK (the replay tool): scheme SchemeACS3 (params in the query
// string, empty body), SchemeACS4 (region "center", product "Kms") or
// SchemeV1 (params and signature in the query string). now stamps the
// request; it must be real time.
func NewSignedRequest(ctx context.Context, base, scheme, action, version string, p map[string]string, id, secret string, now time.Time) (*http.Request, error) {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("alikms: bad endpoint %q", base)
	}
	if version == "" {
		version = VersionKMS
	}
	nonce := make([]byte, 16)
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	date := now.UTC().Format(wireTime)
	q := params{}
	for k, v := range p {
		q[k] = v
	}
	encode := func(m params) string {
		var b strings.Builder
		for i, n := range sortedNames(m) {
			if i > 0 {
				b.WriteByte('&')
			}
			b.WriteString(percentEncode(n) + "=" + percentEncode(m[n]))
		}
		return b.String()
	}
	if scheme == SchemeV1 {
		q["AccessKeyId"], q["Action"], q["Version"], q["Format"] = id, action, version, "JSON"
		q["SignatureMethod"], q["SignatureVersion"], q["SignatureNonce"], q["Timestamp"] = "HMAC-SHA1", "1.0", hex.EncodeToString(nonce), date
		q["Signature"] = signV1(secret, stringToSignV1(http.MethodPost, q))
		return http.NewRequestWithContext(ctx, http.MethodPost, base+"/?"+encode(q), nil)
	}
	if scheme != SchemeACS3 && scheme != SchemeACS4 {
		return nil, fmt.Errorf("alikms: unknown signature scheme %q", scheme)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/?"+encode(q), nil)
	if err != nil {
		return nil, err
	}
	empty := sha256.Sum256(nil)
	req.Header.Set("x-acs-action", action)
	req.Header.Set("x-acs-version", version)
	req.Header.Set("x-acs-date", date)
	req.Header.Set("x-acs-signature-nonce", hex.EncodeToString(nonce))
	req.Header.Set("x-acs-content-sha256", hex.EncodeToString(empty[:]))
	ar := acsRequest{Method: http.MethodPost, Path: "/", Query: q, Headers: req.Header, Host: u.Host,
		SignedHeaders: requiredSigned, ContentSHA256: hex.EncodeToString(empty[:])}
	sts := stringToSignACS(scheme, ar)
	cred, sig := id, ""
	if scheme == SchemeACS4 {
		day := now.UTC().Format("20060102")
		cred = id + "/" + day + "/center/Kms/aliyun_v4_request"
		sig = signACS4(secret, day, "center", "Kms", sts)
	} else {
		sig = signACS3(secret, sts)
	}
	req.Header.Set("Authorization", scheme+" Credential="+cred+",SignedHeaders="+strings.Join(requiredSigned, ";")+",Signature="+sig)
	return req, nil
}
