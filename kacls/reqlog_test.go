package kacls

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestRequestLogKeepsTheNewest: the log trims in bulk, but a reader
// always sees exactly the newest RequestLogSize records, oldest first.
func TestRequestLogKeepsTheNewest(t *testing.T) {
	s := &Service{}
	s.reqs.max = 3
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := 1; i <= 8; i++ {
		s.reqs.add(now, record{Endpoint: "wrap"})
		got, err := s.Requests("", 0)
		require.NoError(t, err)
		want := min(i, 3)
		require.Len(t, got, want, "after %d requests", i)
		require.Equal(t, int64(i), got[want-1].ID, "the newest last")
		require.Equal(t, int64(i-want+1), got[0].ID, "the oldest kept first")
	}
	got, err := s.Requests("", 6)
	require.NoError(t, err)
	require.Len(t, got, 2)
}
