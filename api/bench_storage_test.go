package api_test

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/volumes"
)

// seedVolumes writes n volumes of account 1 straight into the store, in
// one transaction (setup only; the benchmark reads them over the wire).
func seedVolumes(b *testing.B, s *apitest.Server, n int) {
	b.Helper()
	s.OK("AddAccount", map[string]any{"username": "bench"})
	ctx := context.Background()
	err := s.Emu.Store().UpdateStorage(ctx, func(tx volumes.Tx) error {
		for i := 0; i < n; i++ {
			id, err := tx.NextID(ctx, "volume")
			if err != nil {
				return err
			}
			v := volumes.Volume{ID: id, Name: fmt.Sprintf("vol-%d", id), AccountID: 1, Status: volumes.Active, Access: volumes.ReadWrite,
				TotalSize: volumes.RoundSize(1e9), QoS: volumes.DefaultQoS, Created: time.Unix(0, 0).UTC(), Attributes: volumes.Attributes{}}
			if err := tx.PutVolume(ctx, v); err != nil {
				return err
			}
		}
		return nil
	})
	require.NoError(b, err)
}

// BenchmarkListVolumes pages 100 volumes out of 1,000 and out of 10,000
// (the time should not grow with the table), and lists all 10,000 (linear
// in the result).
func BenchmarkListVolumes(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		s := apitest.NewServer(b)
		seedVolumes(b, s, n)
		page := fmt.Sprintf(`{"method":"ListVolumes","params":{"startVolumeID":%d,"limit":100},"id":1}`, n/2)
		b.Run(fmt.Sprintf("Page100Of%d", n), func(b *testing.B) {
			for b.Loop() {
				if status, body := s.Post(page); status != 200 || strings.Count(string(body), `"volumeID"`) != 100 {
					b.Fatalf("HTTP %d, short page", status)
				}
			}
		})
		b.Run(fmt.Sprintf("All%d", n), func(b *testing.B) {
			cpu0 := processCPU()
			for b.Loop() {
				if status, body := s.Post(`{"method":"ListVolumes","id":1}`); status != 200 || strings.Count(string(body), `"volumeID"`) != n {
					b.Fatalf("HTTP %d, short list", status)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/volume")
			// The process's CPU time (server and client) per volume listed:
			// steadier than wall time on a shared machine.
			b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/volume")
		})
	}
}

// processCPU is the user and system CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkVolumeLife is one volume's whole life over HTTP, as the volumes
// figure of element-bench table measures it: CreateVolume, DeleteVolume,
// PurgeDeletedVolume (three write transactions; the table keeps its size).
func BenchmarkVolumeLife(b *testing.B) {
	s := apitest.NewServer(b)
	seedVolumes(b, s, 1000)
	i := 0
	for b.Loop() {
		i++
		r := s.OK("CreateVolume", map[string]any{"name": fmt.Sprintf("life-%d", i), "accountID": 1, "totalSize": 1e9,
			"qos": map[string]any{"minIOPS": 100, "maxIOPS": 1000, "burstIOPS": 2000}})
		id := r["volumeID"]
		s.OK("DeleteVolume", map[string]any{"volumeID": id})
		s.OK("PurgeDeletedVolume", map[string]any{"volumeID": id})
	}
}
