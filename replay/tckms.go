package replay

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Default Tencent credentials of the emulator (docs/tencent-kms.md).
const (
	tckmsSecretID  = "AKIDEMULATOR0000000000"
	tckmsSecretKey = "emulator-tencent-secret"
)

// runTCKMS sends a tckms step to the target's Tencent Cloud KMS listener:
// "Action" (TC3 over POST with a JSON body) or "GET Action" (TC3 over the
// query string), signed like the official SDK with the step's secretId and
// secretKey (default: the emulator's default pair) and stamped with real
// time. wrap, when given, RSA-encrypts material under publicKey with
// algorithm, as the seed's openssl step does, into EncryptedKeyMaterial.
// expect and capture apply to the Response object; error names the
// expected Response.Error.Code (docs/scenarios.md, tckms steps).
func (r *runner) runTCKMS(ctx context.Context, st *Step) error {
	v, err := r.sub(st.Value)
	if err != nil {
		return err
	}
	method, action := http.MethodPost, strings.TrimSpace(v.(string))
	if m, a, ok := strings.Cut(action, " "); ok {
		method, action = strings.ToUpper(m), strings.TrimSpace(a)
	}
	raw, err := r.sub(st.Fields["body"])
	if err != nil {
		return err
	}
	params, _ := raw.(map[string]any)
	if params == nil {
		params = map[string]any{}
	}
	if w, ok := st.Fields["wrap"]; ok {
		wv, err := r.sub(w)
		if err != nil {
			return err
		}
		wrapped, err := tckmsWrap(wv)
		if err != nil {
			return failf("wrap: %v", err)
		}
		params["EncryptedKeyMaterial"] = wrapped
	}
	id, key := tckmsSecretID, tckmsSecretKey
	for f, p := range map[string]*string{"secretId": &id, "secretKey": &key} {
		if x, ok := st.Fields[f]; ok {
			s, err := r.sub(x)
			if err != nil {
				return err
			}
			*p = fmt.Sprint(s)
		}
	}
	host, err := r.tckmsEndpoint(ctx)
	if err != nil {
		return err
	}
	var body []byte
	query, ctype := "", "application/json"
	if method == http.MethodGet {
		vals := url.Values{}
		flattenParams("", params, vals)
		query, ctype = vals.Encode(), "application/x-www-form-urlencoded"
	} else if body, err = json.Marshal(params); err != nil {
		return err
	}
	u := r.tckmsScheme + "://" + host + "/"
	if query != "" {
		u += "?" + query
	}
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	now := time.Now() // signatures carry real time, as the SDK's do
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("X-TC-Action", action)
	req.Header.Set("X-TC-Version", "2019-01-18")
	req.Header.Set("X-TC-Region", "ap-guangzhou")
	req.Header.Set("X-TC-Timestamp", strconv.FormatInt(now.Unix(), 10))
	req.Header.Set("Authorization", tc3Authorization(method, host, query, ctype, body, now, id, key))
	status, rb, err := r.send(req)
	if err != nil {
		return err
	}
	if r.tr != nil {
		fmt.Fprintf(r.tr, "> %s tckms %s\n%s\n< %d\n%s\n", method, action, r.normalise(append([]byte(query), body...)), status, r.normalise(rb))
	}
	var env struct{ Response map[string]any }
	d := json.NewDecoder(bytes.NewReader(rb))
	d.UseNumber()
	if status != http.StatusOK || d.Decode(&env) != nil || env.Response == nil {
		return failf("expected HTTP 200 with {\"Response\": ...}, got %d: %s", status, rb)
	}
	out := env.Response
	gotCode := ""
	if e, ok := out["Error"].(map[string]any); ok {
		gotCode, _ = e["Code"].(string)
	}
	wantCode := ""
	if x, ok := st.Fields["error"]; ok {
		wantCode = fmt.Sprint(x)
	}
	if gotCode != wantCode {
		if wantCode == "" {
			return failf("%s failed: %s", action, show(out["Error"]))
		}
		return failf("expected error %s, got %q: %s", wantCode, gotCode, show(out))
	}
	if err := r.expect(st.Fields["expect"], out); err != nil {
		return err
	}
	return r.capture(st, out)
}

// tckmsEndpoint is the target's Tencent KMS host:port, from GET
// /_emulator/tckms, asked once per run.
func (r *runner) tckmsEndpoint(ctx context.Context) (string, error) {
	if r.tckms != "" {
		return r.tckms, nil
	}
	status, out, err := r.control(ctx, http.MethodGet, "tckms", nil)
	if err != nil {
		return "", err
	}
	m, _ := out.(map[string]any)
	ep, _ := m["endpoint"].(string)
	if status != http.StatusOK || ep == "" {
		return "", failf("GET /_emulator/tckms answered HTTP %d: %s (does the target serve the Tencent KMS?)", status, show(out))
	}
	r.tckms, r.tckmsScheme = ep, "http"
	if sc, _ := m["scheme"].(string); strings.EqualFold(sc, "https") {
		r.tckmsScheme = "https"
	}
	return ep, nil
}

// flattenParams writes params in the SDK's query form: lists as Name.N,
// objects as Name.Key.
func flattenParams(prefix string, v any, vals url.Values) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			name := k
			if prefix != "" {
				name = prefix + "." + k
			}
			flattenParams(name, e, vals)
		}
	case []any:
		for i, e := range x {
			flattenParams(prefix+"."+strconv.Itoa(i), e, vals)
		}
	case nil:
	default:
		vals.Set(prefix, fmt.Sprint(x))
	}
}

// tc3Authorization signs a request with TC3-HMAC-SHA256 as the SDK does
// (signed headers content-type and host).
func tc3Authorization(method, host, query, ctype string, body []byte, ts time.Time, id, key string) string {
	mac := func(k []byte, s string) []byte {
		m := hmac.New(sha256.New, k)
		m.Write([]byte(s))
		return m.Sum(nil)
	}
	date := ts.UTC().Format("2006-01-02")
	ph := sha256.Sum256(body)
	canon := method + "\n/\n" + query + "\ncontent-type:" + ctype + "\nhost:" + host + "\n\ncontent-type;host\n" + hex.EncodeToString(ph[:])
	ch := sha256.Sum256([]byte(canon))
	sts := "TC3-HMAC-SHA256\n" + strconv.FormatInt(ts.Unix(), 10) + "\n" + date + "/kms/tc3_request\n" + hex.EncodeToString(ch[:])
	k := mac(mac(mac([]byte("TC3"+key), date), "kms"), "tc3_request")
	return "TC3-HMAC-SHA256 Credential=" + id + "/" + date + "/kms/tc3_request, SignedHeaders=content-type;host, Signature=" +
		hex.EncodeToString(mac(k, sts))
}

// tckmsWrap encrypts {material, publicKey, algorithm} (base64 material,
// base64 DER public key) and returns the base64 ciphertext.
func tckmsWrap(v any) (string, error) {
	m, _ := v.(map[string]any)
	get := func(k string) string { s, _ := m[k].(string); return s }
	material, err := base64.StdEncoding.DecodeString(get("material"))
	if err != nil || len(material) == 0 {
		return "", fmt.Errorf("material must be base64")
	}
	der, err := base64.StdEncoding.DecodeString(get("publicKey"))
	if err != nil {
		return "", fmt.Errorf("publicKey must be base64 DER")
	}
	k, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return "", fmt.Errorf("publicKey: %v", err)
	}
	pub, ok := k.(*rsa.PublicKey)
	if !ok {
		return "", fmt.Errorf("publicKey is not RSA")
	}
	var out []byte
	switch alg := get("algorithm"); alg {
	case "RSAES_PKCS1_V1_5":
		out, err = rsa.EncryptPKCS1v15(rand.Reader, pub, material)
	case "RSAES_OAEP_SHA_1":
		out, err = rsa.EncryptOAEP(sha1.New(), rand.Reader, pub, material, nil)
	case "RSAES_OAEP_SHA_256":
		out, err = rsa.EncryptOAEP(sha256.New(), rand.Reader, pub, material, nil)
	default:
		return "", fmt.Errorf("algorithm must be RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256, not %q", alg)
	}
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(out), nil
}

// checkTCKMSValue checks a tckms step value: "Action" or "GET Action".
func checkTCKMSValue(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf(`tckms takes "Action" or "GET Action", e.g. "CreateKey"`)
	}
	action := strings.TrimSpace(s)
	if m, a, ok := strings.Cut(action, " "); ok {
		if m = strings.ToUpper(m); m != http.MethodGet && m != http.MethodPost {
			return fmt.Errorf("tckms: the HTTP method is GET or POST, not %q", m)
		}
		action = strings.TrimSpace(a)
	}
	if action == "" || strings.ContainsAny(action, " /\t") {
		return fmt.Errorf(`tckms %q: expected "Action" or "GET Action", e.g. "ImportKeyMaterial"`, s)
	}
	return nil
}
