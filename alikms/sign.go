package alikms

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// Signature schemes (docs/alibaba-kms.md, signing).
const (
	SchemeACS3 = "ACS3-HMAC-SHA256"
	SchemeACS4 = "ACS4-HMAC-SHA256"
	SchemeV1   = "HMAC-SHA1" // RPC V1: SignatureMethod=HMAC-SHA1, SignatureVersion=1.0
)

// percentEncode is Alibaba's escaping: url.QueryEscape, then "+" → "%20",
// "*" → "%2A", "%7E" → "~".
func percentEncode(s string) string {
	e := url.QueryEscape(s)
	if !strings.ContainsAny(e, "+*%") {
		return e
	}
	e = strings.ReplaceAll(e, "+", "%20")
	e = strings.ReplaceAll(e, "*", "%2A")
	return strings.ReplaceAll(e, "%7E", "~")
}

// params are a request's decoded parameters, one value per name (the
// first; the query string wins over a form body).
type params map[string]string

func sortedNames(p params) []string {
	names := make([]string, 0, len(p))
	for k := range p {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// acsRequest is what an ACS3/ACS4 signature covers.
type acsRequest struct {
	Method        string
	Path          string // "/" when empty
	Query         params // decoded query-string parameters
	Headers       http.Header
	Host          string
	SignedHeaders []string // lower-case, in the order signed
	ContentSHA256 string   // the x-acs-content-sha256 header
}

// canonicalRequest builds the ACS3/ACS4 canonical request.
func (r acsRequest) canonicalRequest() string {
	var b strings.Builder
	b.WriteString(r.Method)
	b.WriteByte('\n')
	if r.Path == "" {
		b.WriteByte('/')
	} else {
		b.WriteString(r.Path)
	}
	b.WriteByte('\n')
	for i, n := range sortedNames(r.Query) {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(n)
		b.WriteByte('=')
		b.WriteString(percentEncode(r.Query[n]))
	}
	b.WriteByte('\n')
	for _, h := range r.SignedHeaders {
		v := ""
		if h == "host" {
			v = r.Host
		} else {
			v = strings.Join(r.Headers.Values(h), ",")
		}
		b.WriteString(h)
		b.WriteByte(':')
		b.WriteString(strings.TrimSpace(v))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(strings.Join(r.SignedHeaders, ";"))
	b.WriteByte('\n')
	b.WriteString(r.ContentSHA256)
	return b.String()
}

// stringToSignACS is scheme "\n" hex(SHA-256(canonical request)).
func stringToSignACS(scheme string, r acsRequest) string {
	h := sha256.Sum256([]byte(r.canonicalRequest()))
	return scheme + "\n" + hex.EncodeToString(h[:])
}

func hmacSHA256(key []byte, msg string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	return m.Sum(nil)
}

// signACS3 is hex(HMAC-SHA256(secret, stringToSign)).
func signACS3(secret, stringToSign string) string {
	return hex.EncodeToString(hmacSHA256([]byte(secret), stringToSign))
}

// signACS4 derives the signing key from the secret, the date
// (yyyymmdd), the region and the product.
func signACS4(secret, date, region, product, stringToSign string) string {
	k := hmacSHA256([]byte("aliyun_v4"+secret), date)
	k = hmacSHA256(k, region)
	k = hmacSHA256(k, product)
	k = hmacSHA256(k, "aliyun_v4_request")
	return hex.EncodeToString(hmacSHA256(k, stringToSign))
}

// stringToSignV1 is METHOD "&%2F&" percentEncode(canonicalized query),
// every parameter but Signature.
func stringToSignV1(method string, p params) string {
	var b strings.Builder
	first := true
	for _, n := range sortedNames(p) {
		if n == "Signature" {
			continue
		}
		if !first {
			b.WriteByte('&')
		}
		first = false
		b.WriteString(percentEncode(n))
		b.WriteByte('=')
		b.WriteString(percentEncode(p[n]))
	}
	return method + "&%2F&" + percentEncode(b.String())
}

// signV1 is base64(HMAC-SHA1(secret + "&", stringToSign)).
func signV1(secret, stringToSign string) string {
	m := hmac.New(sha1.New, []byte(secret+"&"))
	m.Write([]byte(stringToSign))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// authHeader is a parsed ACS3/ACS4 Authorization header.
type authHeader struct {
	Scheme        string
	AccessKeyID   string
	Scope         []string // ACS4: date, region, product, "aliyun_v4_request"
	SignedHeaders []string
	Signature     string
}

// parseAuthorization reads "SCHEME Credential=..,SignedHeaders=..,Signature=..".
func parseAuthorization(v string) (authHeader, *Error) {
	var a authHeader
	scheme, rest, ok := strings.Cut(strings.TrimSpace(v), " ")
	a.Scheme = scheme
	if scheme != SchemeACS3 && scheme != SchemeACS4 {
		return a, errIncompleteSignature("The signature scheme %q is not supported: use ACS3-HMAC-SHA256, ACS4-HMAC-SHA256 or RPC V1 HMAC-SHA1.", clip(scheme, 40))
	}
	if !ok {
		return a, errIncompleteSignature("The Authorization header has no Credential, SignedHeaders and Signature.")
	}
	seen := map[string]bool{}
	for _, part := range strings.Split(rest, ",") {
		k, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || seen[k] {
			return a, errIncompleteSignature("The Authorization header is malformed.")
		}
		seen[k] = true
		switch k {
		case "Credential":
			if scheme == SchemeACS4 {
				parts := strings.Split(val, "/")
				if len(parts) != 5 || parts[4] != "aliyun_v4_request" {
					return a, errIncompleteSignature("The ACS4 Credential must be <AccessKeyId>/<yyyymmdd>/<region>/<product>/aliyun_v4_request.")
				}
				a.AccessKeyID, a.Scope = parts[0], parts[1:]
			} else {
				a.AccessKeyID = val
			}
		case "SignedHeaders":
			if val != "" {
				a.SignedHeaders = strings.Split(val, ";")
			}
		case "Signature":
			a.Signature = val
		default:
			return a, errIncompleteSignature("The Authorization header is malformed.")
		}
	}
	if a.AccessKeyID == "" || a.Signature == "" || len(a.SignedHeaders) == 0 {
		return a, errIncompleteSignature("The Authorization header needs Credential, SignedHeaders and Signature.")
	}
	return a, nil
}

// requiredSigned are the headers every ACS3/ACS4 signature must cover.
var requiredSigned = []string{"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}

// checkSignedHeaders: lower-case names, the required ones and every
// x-acs-* header present.
func checkSignedHeaders(signed []string, h http.Header) *Error {
	set := map[string]bool{}
	for _, s := range signed {
		if s == "" || s != strings.ToLower(s) || set[s] {
			return errIncompleteSignature("SignedHeaders must be distinct lower-case header names separated by ';'.")
		}
		set[s] = true
	}
	for _, r := range requiredSigned {
		if !set[r] {
			return errIncompleteSignature("SignedHeaders must include %s.", r)
		}
	}
	for name := range h {
		l := strings.ToLower(name)
		if strings.HasPrefix(l, "x-acs-") && !set[l] {
			return errIncompleteSignature("SignedHeaders must include every x-acs-* header; %s is not signed.", clip(l, 60))
		}
	}
	return nil
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
