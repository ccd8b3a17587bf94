package alikms_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

// FuzzRequest sends arbitrary requests to the KMS handler (one in-memory
// database for the whole run, none per exec): raw ones, which exercise request parsing and the
// signature checks, and ones signed with the default credentials (ACS3 or
// RPC V1) around arbitrary parameters, which reach the actions. Whatever
// the input: no panic, no 500, an Alibaba error object with a RequestId,
// and never the secret in the answer.
func FuzzRequest(f *testing.F) {
	f.Add(uint8(0), "DescribeKey", "KeyId=alias%2Ftest", "Authorization: ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host,Signature=00", []byte(nil))
	f.Add(uint8(0), "", "AccessKeyId=LTAIEMULATOR0000000000&Action=DescribeKey&Format=json&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=1&Timestamp=2026-11-26T05:11:18Z&Version=2016-01-20&Signature=x", "", []byte(nil))
	f.Add(uint8(0), "Encrypt", "", "Authorization: ACS4-HMAC-SHA256 Credential=LTAIEMULATOR0000000000/20261126/center/Kms/aliyun_v4_request,SignedHeaders=host;x-acs-action,Signature=ab\nx-acs-date: 2026-11-26T05:11:18Z", []byte("a=b"))
	f.Add(uint8(1), "CreateKey", "KeySpec=Aliyun_AES_128&Tags=%5B%7B%22TagKey%22%3A%22a%22%2C%22TagValue%22%3A%22b%22%7D%5D", "", []byte(nil))
	f.Add(uint8(1), "GenerateAndExportDataKey", "KeyId=alias%2Fx&NumberOfBytes=32&PublicKeyBlob=MIIB&WrappingKeySpec=RSA_2048&WrappingAlgorithm=RSAES_OAEP_SHA_256", "", []byte(nil))
	f.Add(uint8(1), "Decrypt", "CiphertextBlob=MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", []byte(nil))
	f.Add(uint8(2), "TagResources", "ResourceId.1=no-such-key&Tag.1.Key=a&Tag.1.Value=b&ResourceType=key", "", []byte(nil))
	f.Add(uint8(2), "ListKeys", "PageSize=100&PageNumber=2147483647", "", []byte(nil))
	f.Add(uint8(1), "ScheduleKeyDeletion", "KeyId=acs%3Akms%3Acn-hangzhou%3A1234567890123456%3Akey%2F00000000-0000-4000-8000-000000000000&PendingWindowInDays=7", "", []byte(nil))
	// One in-memory database for the whole run: the real store, no disk.
	store, err := sqlite.Open(context.Background(), "memory:alikms-fuzz", sqlitetest.KEK())
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { store.Close() })
	e := newEnvOn(f, store)
	h := e.svc.Handler()
	host := strings.TrimPrefix(e.srv.URL, "http://")
	f.Fuzz(func(t *testing.T, mode uint8, action, query, headers string, body []byte) {
		var req *http.Request
		switch mode % 3 {
		case 0:
			r, err := http.NewRequest(http.MethodPost, "http://"+host+"/?"+query, strings.NewReader(string(body)))
			if err != nil {
				return
			}
			r.Header.Set("x-acs-action", action)
			sc := bufio.NewScanner(strings.NewReader(headers))
			for sc.Scan() {
				if k, v, ok := strings.Cut(sc.Text(), ":"); ok && k != "" {
					r.Header.Add(k, strings.TrimSpace(v))
				}
			}
			if len(body) > 0 {
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			req = r
		default:
			q, _ := url.ParseQuery(query)
			p := map[string]string{}
			for k, v := range q {
				p[k] = v[0]
			}
			if mode%3 == 1 {
				req = signACS3("http://"+host, host, alikms.DefaultAccessKeyID, alikms.DefaultAccessKeySecret, action, p)
			} else {
				req = signV1("http://"+host, alikms.DefaultAccessKeyID, alikms.DefaultAccessKeySecret, action, p)
			}
			if req == nil {
				return
			}
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q: %s", rec.Code, action, rec.Body.String())
		}
		var out map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatalf("answer is not a JSON object: %q", rec.Body.String())
		}
		if _, ok := out["RequestId"].(string); !ok {
			t.Fatalf("no RequestId: %s", rec.Body.String())
		}
		if rec.Code != 200 && out["Code"] == nil {
			t.Fatalf("error without Code: %s", rec.Body.String())
		}
		if strings.Contains(rec.Body.String(), alikms.DefaultAccessKeySecret) {
			t.Fatalf("the secret in an answer")
		}
	})
}
