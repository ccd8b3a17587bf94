package tckms_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
	"github.com/element-emulator/element-emulator/tckms"
)

// tc3Auth signs a request the way the SDK does, independently of the
// emulator's code: the Authorization header for these parts.
func tc3Auth(method, host, query, ctype string, body []byte, ts time.Time, id, key string) string {
	tsText := strconv.FormatInt(ts.Unix(), 10)
	date := ts.UTC().Format("2006-01-02")
	ph := sha256.Sum256(body)
	if method != "GET" {
		query = ""
	}
	canon := method + "\n/\n" + query + "\ncontent-type:" + ctype + "\nhost:" + host + "\n\ncontent-type;host\n" + hex.EncodeToString(ph[:])
	ch := sha256.Sum256([]byte(canon))
	sts := "TC3-HMAC-SHA256\n" + tsText + "\n" + date + "/kms/tc3_request\n" + hex.EncodeToString(ch[:])
	k := hmac256([]byte("TC3"+key), date)
	k = hmac256(k, "kms")
	k = hmac256(k, "tc3_request")
	return "TC3-HMAC-SHA256 Credential=" + id + "/" + date + "/kms/tc3_request, SignedHeaders=content-type;host, Signature=" +
		hex.EncodeToString(hmac256(k, sts))
}

// v1Sign adds the V1 parameters and signature (HmacSHA1) to vals.
func v1Sign(method, host string, vals url.Values, ts time.Time, id, key string) {
	vals.Set("SecretId", id)
	vals.Set("Timestamp", strconv.FormatInt(ts.Unix(), 10))
	vals.Set("Nonce", "11886")
	vals.Set("SignatureMethod", "HmacSHA1")
	vals.Del("Signature")
	names := make([]string, 0, len(vals))
	for k := range vals {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = k + "=" + vals.Get(k)
	}
	m := hmac.New(sha1.New, []byte(key))
	m.Write([]byte(method + host + "/?" + strings.Join(parts, "&")))
	vals.Set("Signature", base64.StdEncoding.EncodeToString(m.Sum(nil)))
}

// FuzzRequest feeds requests to the whole handler (signature check,
// parameter parsing, the action) over one SQLite database opened once.
// mode 0: the harness signs with TC3 as the SDK would; 1: V1 as the SDK
// would; 2: the headers are the fuzzer's own. Invariants: no panic; every
// answer is HTTP 200 with {"Response": {..., "RequestId"}}; a request the
// harness signed is never refused for its signature, so the emulator's
// canonical request agrees with the SDK's for any query and body.
func FuzzRequest(f *testing.F) {
	st, err := sqlite.Open(context.Background(), "memory:tckms-fuzz", sqlitetest.KEK())
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	wall := time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC)
	svc, err := tckms.New(tckms.Config{Store: st, Now: func() time.Time { return wall }, Wall: func() time.Time { return wall }})
	if err != nil {
		f.Fatal(err)
	}
	h := svc.Handler()
	for _, s := range []struct {
		mode         uint8
		get          bool
		action, q, b string
	}{
		{0, false, "CreateKey", "", `{"Alias":"byok-test","Type":2}`},
		{0, true, "DescribeKey", "KeyId=3f6f4b1c-0b3a-11ef-9e5a-525400d3a886", ""},
		{0, false, "ListKeys", "", `{"Offset":0,"Limit":2}`},
		{0, true, "DescribeKeys", "KeyIds.0=3f6f4b1c-0b3a-11ef-9e5a-525400d3a886&KeyIds.1=x", ""},
		{0, false, "CreateKey", "", `{"Alias":"a","Tags":[{"TagKey":"k","TagValue":"v"}],"Description":"d"}`},
		{0, false, "Encrypt", "", `{"KeyId":"3f6f4b1c-0b3a-11ef-9e5a-525400d3a886","Plaintext":"aGVsbG8=","EncryptionContext":"{\"a\":\"b\"}"}`},
		{0, false, "Decrypt", "", `{"CiphertextBlob":"M2Y2ZjRiMWMtMGIzYS0xMWVmLTllNWEtNTI1NDAwZDNhODg2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}`},
		{0, false, "ImportKeyMaterial", "", `{"KeyId":"3f6f4b1c-0b3a-11ef-9e5a-525400d3a886","ImportToken":"dG9r","EncryptedKeyMaterial":"AAAA","ValidTo":1}`},
		{0, false, "ScheduleKeyDeletion", "", `{"KeyId":"3f6f4b1c-0b3a-11ef-9e5a-525400d3a886","PendingWindowInDays":"7"}`},
		{1, false, "GenerateRandom", "NumberOfBytes=16", ""},
		{1, true, "ListKeys", "Limit=3&Tags.0.TagKey=x", ""},
		{2, false, "ListKeys", "Authorization: TC3-HMAC-SHA256 Credential=AKIDEMULATOR0000000000/2026-12-06/kms/tc3_request, SignedHeaders=content-type;host, Signature=00", `{}`},
		{2, true, "DescribeKey", "Signature=abc&SecretId=x&Timestamp=1796522400&Nonce=1&Action=DescribeKey", ""},
	} {
		f.Add(s.mode, s.get, s.action, s.q, []byte(s.b))
	}
	const host = "127.0.0.1:9442"
	f.Fuzz(func(t *testing.T, mode uint8, get bool, action, query string, body []byte) {
		method := "POST"
		if get {
			method, body = "GET", nil
		}
		ctype := "application/json"
		if get {
			ctype = "application/x-www-form-urlencoded"
		}
		var req *http.Request
		switch mode % 3 {
		case 0:
			if strings.ContainsAny(query, "#\x00 \r\n") {
				return // not a request line an HTTP client sends
			}
			req = httptest.NewRequest(method, "http://"+host+"/", bytes.NewReader(body))
			req.URL.RawQuery = query
			req.Header.Set("Content-Type", ctype)
			req.Header.Set("X-TC-Action", action)
			req.Header.Set("X-TC-Version", "2019-01-18")
			req.Header.Set("X-TC-Timestamp", strconv.FormatInt(wall.Unix(), 10))
			req.Header.Set("Authorization", tc3Auth(method, host, query, ctype, body, wall, tckms.DefaultSecretID, tckms.DefaultSecretKey))
		case 1:
			vals, err := url.ParseQuery(query)
			if err != nil {
				return
			}
			vals.Set("Action", action)
			vals.Set("Version", "2019-01-18")
			v1Sign(method, host, vals, wall, tckms.DefaultSecretID, tckms.DefaultSecretKey)
			enc := vals.Encode()
			if get {
				req = httptest.NewRequest(method, "http://"+host+"/", nil)
				req.URL.RawQuery = enc
			} else {
				req = httptest.NewRequest(method, "http://"+host+"/", strings.NewReader(enc))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
		default:
			req = httptest.NewRequest(method, "http://"+host+"/", bytes.NewReader(body))
			req.URL.RawQuery = url.QueryEscape(action)
			for _, line := range strings.Split(query, "\n") {
				if k, v, ok := strings.Cut(line, ":"); ok {
					req.Header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
				}
			}
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		out := rec.Body.Bytes()
		if !bytes.HasPrefix(out, []byte(`{"Response":{`)) || !bytes.Contains(out, []byte(`"RequestId":"`)) || !json.Valid(out) {
			t.Fatalf("not a Tencent answer: %q", out)
		}
		if mode%3 != 2 && bytes.Contains(out, []byte(`"Code":"AuthFailure`)) {
			t.Fatalf("a request signed like the SDK was refused: %s", out)
		}
	})
}

// BenchmarkRequest is the cost of one signed request through the handler
// (TC3 check, JSON parameters, one SQLite transaction): DescribeKey of an
// unknown key, the fuzz target's typical path.
func BenchmarkRequest(b *testing.B) {
	st, err := sqlite.Open(context.Background(), "memory:tckms-bench", sqlitetest.KEK())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	wall := time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC)
	svc, err := tckms.New(tckms.Config{Store: st, Now: func() time.Time { return wall }, Wall: func() time.Time { return wall }})
	if err != nil {
		b.Fatal(err)
	}
	h := svc.Handler()
	body := []byte(`{"KeyId":"3f6f4b1c-0b3a-11ef-9e5a-525400d3a886"}`)
	auth := tc3Auth("POST", "127.0.0.1:9442", "", "application/json", body, wall, tckms.DefaultSecretID, tckms.DefaultSecretKey)
	for b.Loop() {
		req := httptest.NewRequest("POST", "http://127.0.0.1:9442/", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-TC-Action", "DescribeKey")
		req.Header.Set("X-TC-Version", "2019-01-18")
		req.Header.Set("X-TC-Timestamp", strconv.FormatInt(wall.Unix(), 10))
		req.Header.Set("Authorization", auth)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if !bytes.Contains(rec.Body.Bytes(), []byte("CmkNotFound")) {
			b.Fatal(rec.Body.String())
		}
	}
}

// BenchmarkGetParametersForImport is the cost of one import-parameters
// call: a fresh RSA-2048 key pair, a token, one transaction.
func BenchmarkGetParametersForImport(b *testing.B) {
	st, err := sqlite.Open(context.Background(), "memory:tckms-bench-import", sqlitetest.KEK())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	wall := time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC)
	svc, err := tckms.New(tckms.Config{Store: st, Now: func() time.Time { return wall }, Wall: func() time.Time { return wall }})
	if err != nil {
		b.Fatal(err)
	}
	h := svc.Handler()
	call := func(action, body string) string {
		req := httptest.NewRequest("POST", "http://127.0.0.1:9442/", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-TC-Action", action)
		req.Header.Set("X-TC-Version", "2019-01-18")
		req.Header.Set("X-TC-Timestamp", strconv.FormatInt(wall.Unix(), 10))
		req.Header.Set("Authorization", tc3Auth("POST", "127.0.0.1:9442", "", "application/json", []byte(body), wall, tckms.DefaultSecretID, tckms.DefaultSecretKey))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Body.String()
	}
	var created struct{ Response struct{ KeyId string } }
	if err := json.Unmarshal([]byte(call("CreateKey", `{"Alias":"bench","Type":2}`)), &created); err != nil || created.Response.KeyId == "" {
		b.Fatal("CreateKey failed")
	}
	body := `{"KeyId":"` + created.Response.KeyId + `","WrappingAlgorithm":"RSAES_OAEP_SHA_256","WrappingKeySpec":"RSA_2048"}`
	for b.Loop() {
		if out := call("GetParametersForImport", body); !strings.Contains(out, "ImportToken") {
			b.Fatal(out)
		}
	}
}
