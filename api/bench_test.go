package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

// BenchmarkGetClusterInfo compares a GetClusterInfo call through the whole
// emulator (HTTP, auth, codec, settle, SQLite read) with a bare net/http
// handler serving the same JSON bytes, in the same run, over loopback.
func BenchmarkGetClusterInfo(b *testing.B) {
	s := apitest.NewServer(b)
	body := `{"method":"GetClusterInfo","id":1}`
	_, answer := s.Post(body)
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(answer)
	}))
	b.Cleanup(bare.Close)
	client := &http.Client{}
	run := func(b *testing.B, url string) {
		for b.Loop() {
			req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
			req.SetBasicAuth("admin", "admin")
			resp, err := client.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || n != int64(len(answer)) {
				b.Fatalf("status %d, %d bytes", resp.StatusCode, n)
			}
		}
	}
	b.Run("Emulator", func(b *testing.B) { run(b, s.URL+"/json-rpc/12.7") })
	b.Run("BareHTTP", func(b *testing.B) { run(b, bare.URL+"/json-rpc/12.7") })
}

// BenchmarkRekeyExternal measures one whole software-EAR master-key rekey
// to the embedded KMIP server with --rekey-duration 0: the request, then
// the read that runs the job (KMIP Create/Activate/Get of the new key,
// Revoke/Destroy of the old one) and purges it.
func BenchmarkRekeyExternal(b *testing.B) {
	s := apitest.NewServer(b, apitest.WithConfig(func(c *emulator.Config) { c.Cluster.RekeyDuration = 0 }))
	p, _ := s.SetupEKM()
	for b.Loop() {
		h := s.OK("RekeySoftwareEncryptionAtRestMasterKey", map[string]any{"keyManagementType": "External", "keyProviderID": p})["asyncHandle"]
		r := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})
		if r["status"] != "complete" || r["error"] != nil {
			b.Fatalf("rekey did not complete: %v", r)
		}
	}
	require.Equal(b, "external", apitest.Obj(b, s.OK("GetSoftwareEncryptionAtRestInfo", nil), "masterKeyInfo")["keyManagementType"])
}
