package tckms

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/cloudkms"
)

// Signing modes, as the request log names them.
const (
	modeTC3        = "TC3-HMAC-SHA256"
	modeHmacSHA1   = "HmacSHA1"
	modeHmacSHA256 = "HmacSHA256"
)

// apiVersion is the only KMS API version.
const apiVersion = "2019-01-18"

// maxSkew is how far X-TC-Timestamp (or V1 Timestamp) may be from real time.
const maxSkew = 300 * time.Second

// call is a parsed request: what is asked, by whom, with which parameters.
// It holds no secret and no signature.
type call struct {
	Action   string
	Version  string
	Region   string
	SecretID string
	Mode     string
	Params   params
}

// request is what the signature check reads from an HTTP request.
type request struct {
	Method   string
	Host     string
	RawQuery string
	Header   http.Header
	Body     []byte
}

// verifier checks signatures against a credential set on real time.
type verifier struct {
	creds  *cloudkms.Credentials
	window cloudkms.Window
}

// parse reads and verifies a request (first failure wins); the call is
// filled as far as it got, for the request log.
func (v verifier) parse(r request) (call, *Error) {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return v.parseV1(r)
	}
	c := call{
		Action:  r.Header.Get("X-TC-Action"),
		Version: r.Header.Get("X-TC-Version"),
		Region:  r.Header.Get("X-TC-Region"),
		Mode:    modeTC3,
	}
	scheme, rest, _ := strings.Cut(auth, " ")
	if scheme != modeTC3 {
		return c, newErr(codeInvalidAuth, "The Authorization header must be TC3-HMAC-SHA256 (or sign with V1 parameters).")
	}
	fields := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return c, newErr(codeInvalidAuth, "The Authorization header is malformed.")
		}
		fields[k] = val
	}
	scope := strings.Split(fields["Credential"], "/")
	if len(scope) != 4 || scope[3] != "tc3_request" || fields["SignedHeaders"] == "" || fields["Signature"] == "" {
		return c, newErr(codeInvalidAuth, "The Authorization header must carry Credential=<SecretId>/<Date>/<Service>/tc3_request, SignedHeaders and Signature.")
	}
	c.SecretID = scope[0]
	date, service := scope[1], scope[2]
	if c.Action == "" {
		return c, errMissing("X-TC-Action")
	}
	tsText := r.Header.Get("X-TC-Timestamp")
	ts, err := strconv.ParseInt(tsText, 10, 64)
	if err != nil || tsText == "" {
		return c, newErr(codeMissingParameter, "The request is missing a valid X-TC-Timestamp header (unix seconds).")
	}
	if !v.window.Check(time.Unix(ts, 0)) {
		return c, newErr(codeSignatureExpire, "The request has expired: X-TC-Timestamp %d is more than 300 s from the server time %d.", ts, v.window.Wall().Unix())
	}
	cred, ok := v.creds.Lookup(c.SecretID)
	if !ok {
		return c, newErr(codeSecretIDNotFound, "The SecretId %s is not found.", c.SecretID)
	}
	if date != time.Unix(ts, 0).UTC().Format("2006-01-02") {
		return c, newErr(codeSignatureFailure, "The credential date %s is not the UTC date of X-TC-Timestamp %d.", date, ts)
	}
	if cred.Token != "" && subtle.ConstantTimeCompare([]byte(r.Header.Get("X-TC-Token")), []byte(cred.Token.Reveal())) != 1 {
		return c, newErr(codeTokenFailure, "The X-TC-Token is missing or does not belong to the SecretId %s.", c.SecretID)
	}
	signed := strings.Split(strings.ToLower(fields["SignedHeaders"]), ";")
	if !contains(signed, "content-type") || !contains(signed, "host") {
		return c, newErr(codeSignatureFailure, "SignedHeaders must include content-type and host.")
	}
	want, err2 := hex.DecodeString(fields["Signature"])
	if err2 != nil {
		return c, newErr(codeSignatureFailure, "The signature is not hexadecimal.")
	}
	payload := r.Body
	if strings.EqualFold(r.Header.Get("X-TC-Content-SHA256"), "UNSIGNED-PAYLOAD") {
		payload = []byte("UNSIGNED-PAYLOAD")
	}
	query := ""
	if r.Method == http.MethodGet {
		query = r.RawQuery
	}
	var sts string
	for _, host := range hostForms(r.Host) {
		sts = tc3StringToSign(r.Method, query, r.Header, host, signed, payload, tsText, date, service)
		if hmac.Equal(tc3Signature(cred.Secret.Reveal(), date, service, sts), want) {
			return v.tc3Params(c, r)
		}
	}
	return c, newErr(codeSignatureFailure, "The provided credentials could not be validated: the signature does not match. Server StringToSign is [%s]", sts)
}

// tc3Params reads the parameters of a verified TC3 request.
func (v verifier) tc3Params(c call, r request) (call, *Error) {
	if r.Method == http.MethodGet {
		q, err := url.ParseQuery(r.RawQuery)
		if err != nil {
			return c, newErr(codeInvalidParameter, "The query string is malformed.")
		}
		c.Params = formParams(q)
		return c, nil
	}
	p, e := parseJSONParams(r.Body)
	c.Params = p
	return c, e
}

// hostForms are the Host forms a signature may cover: as received (the Go
// SDK signs the port) and without the port (the Node SDK signs the
// hostname alone).
func hostForms(host string) []string {
	if h, _, err := net.SplitHostPort(host); err == nil && h != "" {
		if strings.Contains(h, ":") {
			h = "[" + h + "]"
		}
		return []string{host, h}
	}
	return []string{host}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tc3StringToSign builds the TC3-HMAC-SHA256 string to sign.
func tc3StringToSign(method, query string, h http.Header, host string, signed []string, payload []byte, ts, date, service string) string {
	var ch strings.Builder
	for _, name := range signed {
		val := h.Get(name)
		if name == "host" {
			val = host
		}
		ch.WriteString(name)
		ch.WriteByte(':')
		ch.WriteString(strings.TrimSpace(val))
		ch.WriteByte('\n')
	}
	ph := sha256.Sum256(payload)
	canon := method + "\n/\n" + query + "\n" + ch.String() + "\n" + strings.Join(signed, ";") + "\n" + hex.EncodeToString(ph[:])
	ch2 := sha256.Sum256([]byte(canon))
	return modeTC3 + "\n" + ts + "\n" + date + "/" + service + "/tc3_request\n" + hex.EncodeToString(ch2[:])
}

func hmacSHA256(key []byte, msg string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	return m.Sum(nil)
}

// tc3Signature derives the signing key and signs sts.
func tc3Signature(secret, date, service, sts string) []byte {
	k := hmacSHA256([]byte("TC3"+secret), date)
	k = hmacSHA256(k, service)
	k = hmacSHA256(k, "tc3_request")
	return hmacSHA256(k, sts)
}

// parseV1 reads and verifies a V1 (HmacSHA1/HmacSHA256) request: the
// parameters, signature included, in the query (GET) or a form body (POST).
func (v verifier) parseV1(r request) (call, *Error) {
	var vals url.Values
	var err error
	if r.Method == http.MethodGet {
		vals, err = url.ParseQuery(r.RawQuery)
	} else {
		vals, err = url.ParseQuery(string(r.Body))
	}
	c := call{}
	if err != nil {
		return c, newErr(codeInvalidAuth, "The request carries neither an Authorization header nor well-formed V1 parameters.")
	}
	c.Action, c.Version, c.Region, c.SecretID = vals.Get("Action"), vals.Get("Version"), vals.Get("Region"), vals.Get("SecretId")
	c.Mode = vals.Get("SignatureMethod")
	if c.Mode == "" {
		c.Mode = modeHmacSHA1
	}
	sig := vals.Get("Signature")
	if sig == "" {
		return c, newErr(codeInvalidAuth, "The request is not signed: no Authorization header and no Signature parameter.")
	}
	if c.Action == "" {
		return c, errMissing("Action")
	}
	var mac func() hash.Hash
	switch c.Mode {
	case modeHmacSHA1:
		mac = sha1.New
	case modeHmacSHA256:
		mac = sha256.New
	default:
		return c, newErr(codeSignatureFailure, "SignatureMethod must be HmacSHA1 or HmacSHA256.")
	}
	tsText := vals.Get("Timestamp")
	ts, perr := strconv.ParseInt(tsText, 10, 64)
	if perr != nil {
		return c, errMissing("Timestamp")
	}
	if !v.window.Check(time.Unix(ts, 0)) {
		return c, newErr(codeSignatureExpire, "The request has expired: Timestamp %d is more than 300 s from the server time %d.", ts, v.window.Wall().Unix())
	}
	if vals.Get("Nonce") == "" {
		return c, errMissing("Nonce")
	}
	cred, ok := v.creds.Lookup(c.SecretID)
	if !ok {
		return c, newErr(codeSecretIDNotFound, "The SecretId %s is not found.", c.SecretID)
	}
	if cred.Token != "" && subtle.ConstantTimeCompare([]byte(vals.Get("Token")), []byte(cred.Token.Reveal())) != 1 {
		return c, newErr(codeTokenFailure, "The Token is missing or does not belong to the SecretId %s.", c.SecretID)
	}
	want, derr := base64.StdEncoding.DecodeString(sig)
	if derr != nil {
		return c, newErr(codeSignatureFailure, "The signature is not base64.")
	}
	names := make([]string, 0, len(vals))
	for k := range vals {
		if k != "Signature" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var q strings.Builder
	for i, k := range names {
		if i > 0 {
			q.WriteByte('&')
		}
		q.WriteString(k)
		q.WriteByte('=')
		q.WriteString(vals.Get(k))
	}
	var sts string
	for _, host := range hostForms(r.Host) {
		sts = r.Method + host + "/?" + q.String()
		m := hmac.New(mac, []byte(cred.Secret.Reveal()))
		m.Write([]byte(sts))
		if hmac.Equal(m.Sum(nil), want) {
			c.Params = formParams(vals)
			return c, nil
		}
	}
	return c, newErr(codeSignatureFailure, "The provided credentials could not be validated: the signature does not match. Server StringToSign is [%s]", sts)
}
