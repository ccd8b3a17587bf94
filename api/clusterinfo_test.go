package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// GetClusterInfo is served from a cache until the cluster row or the nodes
// change: every way they change shows in the next answer, a settled timer
// and a reset (the database replaced underneath) included.
func TestGetClusterInfoFollowsEveryChange(t *testing.T) {
	s := apitest.NewServer(t)
	p, _ := s.SetupEKM()
	require.Equal(t, "disabled", earState(t, s))
	require.Equal(t, "disabled", earState(t, s), "a second read, from the cache")

	s.OK("EnableEncryptionAtRest", map[string]any{"keyProviderID": p})
	require.Equal(t, "enabling", earState(t, s), "a write")
	s.Advance(60)
	require.Equal(t, "enabled", earState(t, s), "a timer")

	status, _ := s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "disabled", earState(t, s), "a reset")
	info := apitest.Obj(t, s.OK("GetClusterInfo", nil), "clusterInfo")
	require.Equal(t, "emu-cluster", info["name"])
	require.Len(t, info["ensemble"], 3)
}
