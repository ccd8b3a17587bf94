package alikms_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/element-emulator/element-emulator/alikms"
)

// BenchmarkHandler measures one request through the handler (no network):
// a refused signature, a signed DescribeKey, a signed GenerateDataKey.
func BenchmarkHandler(b *testing.B) {
	e := newEnv(b)
	_, out := e.call("CreateKey", nil)
	k := out["KeyMetadata"].(map[string]any)["KeyId"].(string)
	h := e.svc.Handler()
	host := strings.TrimPrefix(e.srv.URL, "http://")
	for _, c := range []struct {
		name, action, secret string
	}{
		{"BadSignature", "DescribeKey", "wrong"},
		{"DescribeKey", "DescribeKey", alikms.DefaultAccessKeySecret},
		{"GenerateDataKey", "GenerateDataKey", alikms.DefaultAccessKeySecret},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				req := signACS3("http://"+host, host, alikms.DefaultAccessKeyID, c.secret, c.action, map[string]string{"KeyId": k})
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 && c.secret == alikms.DefaultAccessKeySecret {
					b.Fatal(rec.Body.String())
				}
			}
		})
	}
}
