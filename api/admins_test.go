package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// as returns a copy of s that sends other Basic credentials.
func as(s *apitest.Server, user, pass string) *apitest.Server {
	c := *s
	c.User, c.Pass = user, pass
	return &c
}

// TestClusterAdmins: an added admin authenticates with Basic auth, is
// listed without its password, changes password, and gets 401 once
// removed; the primary admin keeps working throughout and cannot be
// removed; admins and the login session survive a restart and go with reset.
func TestClusterAdmins(t *testing.T) {
	s := apitest.NewServer(t)
	list := objs(t, s.OK("ListClusterAdmins", nil)["clusterAdmins"])
	require.Len(t, list, 1)
	require.Equal(t, s.User, list[0]["username"])
	require.Equal(t, int64(1), apitest.Int(t, list[0]["clusterAdminID"]))

	r := s.OK("AddClusterAdmin", map[string]any{"username": "ops", "password": "s3cret-pass", "access": []string{"read", "volumes"},
		"acceptEula": true, "attributes": map[string]any{"team": "ops"}})
	id := apitest.Int(t, r["clusterAdminID"])
	require.Equal(t, int64(2), id)
	s.Fail("AddClusterAdmin", map[string]any{"username": "ops", "password": "x", "access": []string{"read"}, "acceptEula": true}, "xDuplicateUsername")
	s.Fail("AddClusterAdmin", map[string]any{"username": s.User, "password": "x", "access": []string{"read"}, "acceptEula": true}, "xDuplicateUsername")

	ops := as(s, "ops", "s3cret-pass")
	list = objs(t, ops.OK("ListClusterAdmins", nil)["clusterAdmins"])
	require.Len(t, list, 2)
	require.Equal(t, map[string]any{"access": []any{"read", "volumes"}, "attributes": map[string]any{"team": "ops"},
		"authMethod": "Cluster", "clusterAdminID": list[1]["clusterAdminID"], "username": "ops"}, list[1])
	require.NotContains(t, string(ops.Call("ListClusterAdmins", nil).Raw), "s3cret")

	// Wrong password, and the lab controls: 401.
	status, _ := as(s, "ops", "wrong").Post(`{"method":"GetAPI","id":1}`)
	require.Equal(t, http.StatusUnauthorized, status)
	status, _ = ops.Control(http.MethodGet, "clock", nil)
	require.Equal(t, http.StatusUnauthorized, status)

	s.OK("ModifyClusterAdmin", map[string]any{"clusterAdminID": id, "password": "n3w-pass", "access": []string{"administrator"}})
	status, _ = ops.Post(`{"method":"GetAPI","id":1}`)
	require.Equal(t, http.StatusUnauthorized, status)
	ops = as(s, "ops", "n3w-pass")
	ops.OK("GetClusterInfo", nil)
	s.Fail("ModifyClusterAdmin", map[string]any{"clusterAdminID": 1, "password": "x"}, "xAPINotPermitted")
	s.Fail("RemoveClusterAdmin", map[string]any{"clusterAdminID": 1}, "xAPINotPermitted")
	s.Fail("RemoveClusterAdmin", map[string]any{"clusterAdminID": 99}, "xClusterAdminIDDoesNotExist")

	// Login session timeout.
	require.Equal(t, "30:00", apitest.Obj(t, s.OK("GetLoginSessionInfo", nil), "loginSessionInfo")["timeout"])
	s.OK("SetLoginSessionInfo", map[string]any{"timeout": "00:90:00"})
	require.Equal(t, "1:30:00", apitest.Obj(t, s.OK("GetLoginSessionInfo", nil), "loginSessionInfo")["timeout"])

	// A restart keeps both.
	s = s.Restart()
	ops = as(s, "ops", "n3w-pass")
	ops.OK("GetClusterInfo", nil)
	require.Equal(t, "1:30:00", apitest.Obj(t, s.OK("GetLoginSessionInfo", nil), "loginSessionInfo")["timeout"])

	// Removed: 401 at once; the primary admin still works.
	s.OK("RemoveClusterAdmin", map[string]any{"clusterAdminID": id})
	status, _ = ops.Post(`{"method":"GetAPI","id":1}`)
	require.Equal(t, http.StatusUnauthorized, status)
	require.Len(t, objs(t, s.OK("ListClusterAdmins", nil)["clusterAdmins"]), 1)

	// Reset wipes added admins and the timeout.
	s.OK("AddClusterAdmin", map[string]any{"username": "temp", "password": "p", "access": []string{"read"}, "acceptEula": true})
	status, body := s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status, body)
	status, _ = as(s, "temp", "p").Post(`{"method":"GetAPI","id":1}`)
	require.Equal(t, http.StatusUnauthorized, status)
	require.Equal(t, "30:00", apitest.Obj(t, s.OK("GetLoginSessionInfo", nil), "loginSessionInfo")["timeout"])
}
