package cloudkms_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/cloudkms"
)

func TestParseCredential(t *testing.T) {
	for _, tt := range []struct {
		name, in       string
		id, sec, token string
		wantErr        bool
	}{
		{"Pair", "AKID1:secret", "AKID1", "secret", "", false},
		{"WithToken", "AKID1:secret:tok:with:colons", "AKID1", "secret", "tok:with:colons", false},
		{"ErrNoColon", "AKID1", "", "", "", true},
		{"ErrEmptySecret", "AKID1:", "", "", "", true},
		{"ErrEmptyID", ":secret", "", "", "", true},
		{"ErrSpaceInID", "AK ID:secret", "", "", "", true},
		{"ErrSlashInID", "AK/ID:secret", "", "", "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := cloudkms.ParseCredential(tt.in)
			if tt.wantErr {
				require.ErrorIs(t, err, cloudkms.ErrCredential)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.id, c.ID)
			require.Equal(t, tt.sec, c.Secret.Reveal())
			require.Equal(t, tt.token, c.Token.Reveal())
		})
	}
}

func TestCredentialFileAndSet(t *testing.T) {
	list, err := cloudkms.ParseCredentialFile([]byte(`[{"id":"A","secret":"s1"},{"id":"B","secret":"s2","token":"t"}]`))
	require.NoError(t, err)
	set, err := cloudkms.NewCredentials(append([]cloudkms.Credential{{ID: "A", Secret: "default"}}, list...)...)
	require.NoError(t, err)
	a, ok := set.Lookup("A")
	require.True(t, ok)
	require.Equal(t, "s1", a.Secret.Reveal(), "a later pair replaces an earlier one")
	b, _ := set.Lookup("B")
	require.Equal(t, "t", b.Token.Reveal())
	_, ok = set.Lookup("C")
	require.False(t, ok)
	require.Equal(t, []string{"A", "B"}, set.IDs())

	_, err = cloudkms.ParseCredentialFile([]byte(`{"id":"A"}`))
	require.ErrorIs(t, err, cloudkms.ErrCredential)
	_, err = cloudkms.ParseCredentialFile([]byte(`[{"id":"A"}]`))
	require.ErrorIs(t, err, cloudkms.ErrCredential)
}

func TestSecretNeverPrints(t *testing.T) {
	c := cloudkms.Credential{ID: "A", Secret: "hunter2", Token: "tok"}
	var sb strings.Builder
	slog.New(slog.NewTextHandler(&sb, nil)).Info("x", "cred", c, "secret", c.Secret)
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%+v %#v %s %v", c, c, c.Secret, c.Token), sb.String()} {
		require.NotContains(t, s, "hunter2")
		require.NotContains(t, s, "tok}")
	}
	b, err := json.Marshal(c)
	require.NoError(t, err)
	require.NotContains(t, string(b), "hunter2")
}

func TestWindow(t *testing.T) {
	now := time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC)
	w := cloudkms.Window{Wall: func() time.Time { return now }, Skew: 300 * time.Second}
	require.True(t, w.Check(now))
	require.True(t, w.Check(now.Add(-300*time.Second)))
	require.True(t, w.Check(now.Add(300*time.Second)))
	require.False(t, w.Check(now.Add(-301*time.Second)))
	require.False(t, w.Check(now.Add(301*time.Second)))
}

func TestNonceCache(t *testing.T) {
	now := time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	wall := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	c := cloudkms.NewNonceCache(wall, 15*time.Minute, 3)
	require.True(t, c.Use("A", "n1"))
	require.False(t, c.Use("A", "n1"), "replay")
	require.True(t, c.Use("B", "n1"), "another scope")
	mu.Lock()
	now = now.Add(15 * time.Minute)
	mu.Unlock()
	require.True(t, c.Use("A", "n1"), "expired")
	require.Equal(t, 1, c.Len())
	require.True(t, c.Use("A", "n2"))
	require.True(t, c.Use("A", "n3"))
	require.True(t, c.Use("A", "n4"))
	require.Equal(t, 3, c.Len(), "bounded")
	require.True(t, c.Use("A", "n1"), "the oldest went first")
	c.Clear()
	require.Equal(t, 0, c.Len())
}

func TestDeletionDate(t *testing.T) {
	now := time.Date(2026, 12, 6, 2, 0, 0, 500, time.UTC)
	at := cloudkms.DeletionDate(now, 7)
	require.Equal(t, time.Date(2026, 12, 13, 2, 0, 0, 0, time.UTC), at)
	require.False(t, cloudkms.Due(now, at))
	require.False(t, cloudkms.Due(at.Add(-time.Second), at))
	require.True(t, cloudkms.Due(at, at))
	require.False(t, cloudkms.Due(now, time.Time{}))
	require.True(t, cloudkms.InWindow(7, 7, 30))
	require.False(t, cloudkms.InWindow(31, 7, 30))
}

func TestRequestLog(t *testing.T) {
	l := cloudkms.NewRequestLog(2)
	now := time.Date(2026, 12, 6, 2, 0, 0, 0, time.FixedZone("x", 3600))
	l.Add(now, cloudkms.Record{Action: "A"})
	l.Add(now, cloudkms.Record{Action: "B"})
	id := l.Add(now, cloudkms.Record{Action: "C", SecretID: "AKID", Status: 200})
	require.Equal(t, int64(3), id)
	got := l.Since(0)
	require.Len(t, got, 2)
	require.Equal(t, "B", got[0].Action)
	require.Equal(t, time.UTC, got[1].Time.Location())
	require.Len(t, l.Since(2), 1)
	l.Clear()
	require.Empty(t, l.Since(0))
	require.NotNil(t, l.Since(0))
	require.Equal(t, int64(4), l.Add(now, cloudkms.Record{}), "IDs keep growing after a clear")
	l.Add(now, cloudkms.Record{Action: "E"})
	l.Add(now, cloudkms.Record{Action: "F"})
	l.Add(now, cloudkms.Record{Action: "G"})
	got = l.Since(0)
	require.Len(t, got, 2, "after a clear the ring grows back to its maximum and wraps")
	require.Equal(t, []string{"F", "G"}, []string{got[0].Action, got[1].Action})
}
