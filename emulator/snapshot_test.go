package emulator_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

func providerNames(t *testing.T, s *apitest.Server) []string {
	t.Helper()
	res := s.OK("ListKeyProvidersKmip", nil)
	var names []string
	for _, p := range res["kmipKeyProviders"].([]any) {
		names = append(names, p.(map[string]any)["keyProviderName"].(string))
	}
	return names
}

func ruleIDs(t *testing.T, s *apitest.Server) []int64 {
	t.Helper()
	status, body := s.Control(http.MethodGet, "faults", nil)
	require.Equal(t, http.StatusOK, status)
	var ids []int64
	for _, r := range body["rules"].([]any) {
		ids = append(ids, apitest.Int(t, r.(map[string]any)["ruleID"]))
	}
	return ids
}

func clockNow(t *testing.T, s *apitest.Server) string {
	t.Helper()
	status, body := s.Control(http.MethodGet, "clock", nil)
	require.Equal(t, http.StatusOK, status)
	return body["now"].(string)
}

func TestSnapshotRestoreBringsBackProviderClockAndRules(t *testing.T) {
	s := apitest.NewServer(t)
	_, serverID := s.SetupEKM()
	extra := apitest.Int(t, s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "extra"})["kmipKeyProvider"].(map[string]any)["keyProviderID"])
	kept := s.AddRule(map[string]any{"target": "element-method", "match": map[string]any{"method": "GetAPI"}, "effect": "error", "name": "xDBClosing"})
	wantProviders, wantClock := providerNames(t, s), clockNow(t, s)

	status, body := s.Control(http.MethodPost, "snapshot", map[string]any{"name": "before-change"})
	require.Equal(t, http.StatusOK, status, body)
	require.Equal(t, "before-change", body["name"])
	require.Equal(t, filepath.Join(s.DataDir, "snapshots", "before-change.db"), body["path"])
	require.FileExists(t, body["path"].(string))

	// Change everything the snapshot holds.
	s.OK("DeleteKeyProviderKmip", map[string]any{"keyProviderID": extra})
	s.Advance(3600)
	s.DeleteRule(kept)
	s.AddRule(map[string]any{"target": "kmip-server", "effect": "refuse"})
	s.Fail("TestKeyServerKmip", map[string]any{"keyServerID": serverID}, "xKmipConnectionFailure")
	require.NotEqual(t, wantProviders, providerNames(t, s))
	require.NotEqual(t, wantClock, clockNow(t, s))

	status, body = s.Control(http.MethodPost, "restore", map[string]any{"name": "before-change"})
	require.Equal(t, http.StatusOK, status, body)
	require.Equal(t, wantClock, body["clock"].(map[string]any)["now"])

	require.Equal(t, wantProviders, providerNames(t, s))
	require.Equal(t, wantClock, clockNow(t, s))
	require.Equal(t, []int64{kept}, ruleIDs(t, s))
	// The refuse rule is gone, so the KMIP listener accepts again.
	s.OK("TestKeyServerKmip", map[string]any{"keyServerID": serverID})

	status, body = s.Control(http.MethodGet, "snapshots", nil)
	require.Equal(t, http.StatusOK, status)
	list := body["snapshots"].([]any)
	require.Len(t, list, 1)
	require.Equal(t, "before-change", list[0].(map[string]any)["name"])
}

func TestSnapshotSurvivesARestartAndCredentialsComeBack(t *testing.T) {
	s := apitest.NewServer(t)
	status, body := s.Control(http.MethodPost, "snapshot", map[string]any{"name": "s1"})
	require.Equal(t, http.StatusOK, status, body)
	s = s.Restart()
	s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "after-restart"})
	status, body = s.Control(http.MethodPost, "restore", map[string]any{"name": "s1"})
	require.Equal(t, http.StatusOK, status, body)
	require.Empty(t, providerNames(t, s))
}

func TestSnapshotControlErrors(t *testing.T) {
	s := apitest.NewServer(t)
	for _, tt := range []struct {
		name       string
		path, body string
		snapshot   string
		wantStatus int
	}{
		{"RestoreUnknown", "restore", "", "never-taken", http.StatusNotFound},
		{"RestoreTraversal", "restore", "", "../emu", http.StatusBadRequest},
		{"SnapshotSlash", "snapshot", "", "a/b", http.StatusBadRequest},
		{"SnapshotEmpty", "snapshot", "", "", http.StatusBadRequest},
		{"SnapshotTooLong", "snapshot", "", strings.Repeat("a", 65), http.StatusBadRequest},
		{"SnapshotZeroBytes", "snapshot", "", string(make([]byte, 3)), http.StatusBadRequest},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, body := s.Control(http.MethodPost, tt.path, map[string]any{"name": tt.snapshot})
			require.Equal(t, tt.wantStatus, status, body)
			require.NotEmpty(t, body["error"])
		})
	}
	status, body := s.Control(http.MethodPost, "snapshot", []int{1})
	require.Equal(t, http.StatusBadRequest, status)
	require.Contains(t, body["error"], "JSON object")
}

func TestEphemeralSnapshotsLiveInATempDirRemovedAtClose(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) { c.Ephemeral = true }))
	s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "p"})
	info, err := s.Emu.Snapshot(context.Background(), "eph")
	require.NoError(t, err)
	require.NoDirExists(t, filepath.Join(s.DataDir, "snapshots"))
	require.FileExists(t, info.Path)
	s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "q"})
	require.NoError(t, s.Emu.Restore(context.Background(), "eph"))
	require.Equal(t, []string{"p"}, providerNames(t, s))

	s.Close()
	_, err = os.Stat(filepath.Dir(info.Path))
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestResetRestoresTheResetSnapshot(t *testing.T) {
	s := apitest.NewServer(t)
	ctx := context.Background()
	s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "from-fixture"})
	require.NoError(t, s.Emu.SetResetSnapshot(ctx, emulator.InitialSnapshot))
	_, err := s.Emu.Snapshot(ctx, emulator.InitialSnapshot)
	require.NoError(t, err)
	s.OK("CreateKeyProviderKmip", map[string]any{"keyProviderName": "student-work"})
	s.Advance(600)
	start := apitest.Start().Format("2006-01-02T15:04:05Z")

	status, body := s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status, body)
	require.Equal(t, []string{"from-fixture"}, providerNames(t, s))
	require.Equal(t, start, clockNow(t, s))

	// Without a reset snapshot, reset rebuilds the default cluster.
	require.NoError(t, s.Emu.SetResetSnapshot(ctx, ""))
	status, body = s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status, body)
	require.Empty(t, providerNames(t, s))
}
