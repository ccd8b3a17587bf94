package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// TestAdminAccessEnforced drives the access table through the real HTTP
// server with Basic credentials of several added cluster admins.
func TestAdminAccessEnforced(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "tenant"})["accountID"])
	add := func(user string, access ...string) int64 {
		return apitest.Int(t, s.OK("AddClusterAdmin", map[string]any{"username": user, "password": user + "-pass",
			"access": access, "acceptEula": true})["clusterAdminID"])
	}
	readID := add("reader", "read")
	add("voladmin", "volumes")
	add("boss", "administrator")

	reader := as(s, "reader", "reader-pass")
	reader.OK("ListVolumes", nil)
	reader.OK("ListAccounts", nil)
	reader.OK("GetAPI", nil)
	msg := reader.Fail("CreateVolume", map[string]any{"name": "r", "accountID": acct, "totalSize": 1 << 30, "enable512e": true}, "xPermissionDenied")
	require.Contains(t, msg, "CreateVolume")
	reader.Fail("AddAccount", map[string]any{"username": "r"}, "xPermissionDenied")
	// A refused call changes nothing.
	require.Empty(t, s.OK("ListVolumes", nil)["volumes"])

	vol := as(s, "voladmin", "voladmin-pass")
	v := vol.OK("CreateVolume", map[string]any{"name": "v1", "accountID": acct, "totalSize": 1 << 30, "enable512e": true})
	require.Positive(t, apitest.Int(t, v["volumeID"]))
	vol.OK("ListVolumes", nil)
	vol.Fail("AddAccount", map[string]any{"username": "v"}, "xPermissionDenied")
	vol.Fail("ListAccounts", nil, "xPermissionDenied")
	vol.Fail("RekeySoftwareEncryptionAtRestMasterKey", nil, "xPermissionDenied")
	vol.Fail("AddClusterAdmin", map[string]any{"username": "x", "password": "x", "access": []string{"read"}, "acceptEula": true}, "xPermissionDenied")
	// The access check comes before parameter validation: a refused admin
	// learns nothing about the parameters.
	vol.Fail("AddAccount", nil, "xPermissionDenied")

	boss := as(s, "boss", "boss-pass")
	boss.OK("AddAccount", map[string]any{"username": "bossed"})
	boss.OK("ListClusterAdmins", nil)

	// A modified admin's new access applies at once.
	s.OK("ModifyClusterAdmin", map[string]any{"clusterAdminID": readID, "access": []string{"accounts"}})
	reader.OK("AddAccount", map[string]any{"username": "by-reader"})
	reader.Fail("ListVolumes", nil, "xPermissionDenied")

	// A removed admin gets 401.
	s.OK("RemoveClusterAdmin", map[string]any{"clusterAdminID": readID})
	status, _ := reader.Post(`{"method":"ListAccounts","id":1}`)
	require.Equal(t, http.StatusUnauthorized, status)

	// The primary admin keeps every method.
	s.OK("ListClusterAdmins", nil)
}
