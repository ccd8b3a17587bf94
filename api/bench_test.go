package api_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/cluster"
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

// BenchmarkCreateVolume creates 1 GB volumes through the whole emulator
// (HTTP, auth, codec, capacity and unique-ID reads, one SQLite write
// transaction).
func BenchmarkCreateVolume(b *testing.B) {
	s := apitest.NewServer(b)
	acct := s.OK("AddAccount", map[string]any{"username": "bench"})["accountID"]
	for b.Loop() {
		s.OK("CreateVolume", map[string]any{"name": "bench", "accountID": acct, "totalSize": 1e9})
	}
}

func bigCluster(b *testing.B, nodes int) *apitest.Server {
	b.Helper()
	return apitest.NewServer(b, apitest.WithConfig(func(c *emulator.Config) {
		c.Cluster.Nodes, c.Cluster.DrivesPerNode = nodes, 12
	}))
}

// BenchmarkListDrives lists every drive of 10 and 100 nodes × 12 drives;
// the per-drive cost should stay flat (linear growth).
func BenchmarkListDrives(b *testing.B) {
	for _, nodes := range []int{10, 100} {
		b.Run(fmt.Sprintf("drives=%d", nodes*12), func(b *testing.B) {
			s := bigCluster(b, nodes)
			body := `{"method":"ListDrives","id":1}`
			for b.Loop() {
				status, out := s.Post(body)
				if status != http.StatusOK || len(out) < nodes*12*300 {
					b.Fatalf("status %d, %d bytes", status, len(out))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(nodes*12), "ns/drive")
		})
	}
}

// BenchmarkListClusterFaults lists 1,000 and 10,000 fault records on a
// 100 × 12 cluster; the per-fault cost should stay flat.
func BenchmarkListClusterFaults(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("faults=%d", n), func(b *testing.B) {
			s := bigCluster(b, 100)
			ctx := context.Background()
			require.NoError(b, s.Emu.Store().Update(ctx, func(tx cluster.Tx) error {
				at := apitest.Start()
				for i := 0; i < n; i++ {
					id, err := tx.NextID(ctx, "clusterFault")
					if err != nil {
						return err
					}
					f := cluster.Fault{ID: id, Code: "blockServiceUnhealthy", Severity: "warning", Type: "service",
						Details: "lab record", NodeID: int64(i%100 + 1), DriveIDs: []int64{int64(i%1200 + 1)}, Date: at,
						Resolved: i%2 == 0}
					if f.Resolved {
						f.ResolvedDate = at
					}
					if err := tx.PutClusterFault(ctx, f); err != nil {
						return err
					}
				}
				return nil
			}))
			body := `{"method":"ListClusterFaults","params":{"faultTypes":"all"},"id":1}`
			for b.Loop() {
				status, out := s.Post(body)
				if status != http.StatusOK || len(out) < n*200 {
					b.Fatalf("status %d, %d bytes", status, len(out))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/fault")
		})
	}
}

// BenchmarkMutation compares one key-server create plus delete through the
// whole emulator over loopback HTTP (two write transactions with
// settlement, validation, events and condition evaluation) with the same
// two writes done as bare SQLite WAL transactions (insert+commit,
// delete+commit) on a file with the emulator's settings, in the same run.
func BenchmarkMutation(b *testing.B) {
	b.Run("Emulator", func(b *testing.B) {
		s := apitest.NewServer(b)
		ca, cert := s.Trust("emu-cluster")
		params := map[string]any{"kmipCaCertificate": ca, "kmipClientCertificate": cert,
			"kmipKeyServerHostnames": []string{"127.0.0.1"}, "kmipKeyServerName": "bench"}
		for b.Loop() {
			id := apitest.Obj(b, s.OK("CreateKeyServerKmip", params), "kmipKeyServer")["keyServerID"]
			s.OK("DeleteKeyServerKmip", map[string]any{"keyServerID": id})
		}
	})
	b.Run("RawSQLite", func(b *testing.B) {
		db, err := sql.Open("sqlite3", "file:"+filepath.Join(b.TempDir(), "raw.db")+
			"?_txlock=immediate&_busy_timeout=10000&_journal_mode=WAL&_synchronous=NORMAL")
		require.NoError(b, err)
		b.Cleanup(func() { db.Close() })
		db.SetMaxOpenConns(1)
		_, err = db.Exec(`CREATE TABLE key_servers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, ca_pem TEXT NOT NULL, cert_pem TEXT NOT NULL)`)
		require.NoError(b, err)
		pemText := strings.Repeat("A", 1200) // about the size of a certificate PEM
		write := func(q string, args ...any) {
			tx, err := db.Begin()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := tx.Exec(q, args...); err != nil {
				b.Fatal(err)
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		}
		var id int64
		for b.Loop() {
			id++
			write(`INSERT INTO key_servers (id, name, ca_pem, cert_pem) VALUES (?, ?, ?, ?)`, id, "bench", pemText, pemText)
			write(`DELETE FROM key_servers WHERE id = ?`, id)
		}
	})
}
