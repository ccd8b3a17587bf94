package api

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/admins"
)

// TestMethodAccessCoversTable fails when a method is registered in
// api/methods.go without an access class in api/access.go, or when the
// access table names a method that is not registered or a type that
// AddClusterAdmin does not accept.
func TestMethodAccessCoversTable(t *testing.T) {
	registered := map[string]bool{}
	for _, m := range (&Server{}).methods() {
		registered[m.name] = true
		n, ok := methodAccess[m.name]
		require.True(t, ok, "method %s is registered without an access class: add it to methodAccess in api/access.go", m.name)
		require.True(t, n.access == accAny || slices.Contains(admins.Access, n.access),
			"method %s: access %q is not an access type of AddClusterAdmin", m.name, n.access)
		require.True(t, n.also == "" || slices.Contains(admins.Access, n.also), "method %s: also %q", m.name, n.also)
	}
	for name := range methodAccess {
		require.True(t, registered[name], "api/access.go names %s, which is not registered", name)
	}
}

// TestAllows pins the rules of the access table (AD1).
func TestAllows(t *testing.T) {
	for _, c := range []struct {
		access []string
		method string
		want   bool
	}{
		{[]string{"administrator"}, "RekeySoftwareEncryptionAtRestMasterKey", true},
		{[]string{"administrator"}, "NoSuchMethod", true},
		{[]string{"read"}, "ListVolumes", true},
		{[]string{"read"}, "ListAccounts", true},
		{[]string{"read"}, "GetKeyServerKmip", true},
		{[]string{"read"}, "CreateVolume", false},
		{[]string{"reporting"}, "GetClusterCapacity", true},
		{[]string{"reporting"}, "DeleteVolume", false},
		{[]string{"volumes"}, "CreateVolume", true},
		{[]string{"volumes"}, "ListVolumes", true},
		{[]string{"volumes"}, "ListAccounts", false},
		{[]string{"volumes"}, "AddAccount", false},
		{[]string{"volumes"}, "RekeySoftwareEncryptionAtRestMasterKey", false},
		{[]string{"accounts"}, "AddAccount", true},
		{[]string{"accounts"}, "CreateVolume", false},
		{[]string{"accounts"}, "GetAPI", true},
		{[]string{"write"}, "CreateVolume", true},
		{[]string{"write"}, "ListVolumes", false},
		{[]string{"write"}, "AddClusterAdmin", false},
		{[]string{"write"}, "EnableEncryptionAtRest", false},
		{[]string{"clusterAdmin"}, "SetNtpInfo", true},
		{[]string{"clusterAdmin"}, "CreateSnapshot", true},
		{[]string{"clusterAdmin"}, "CreateVolume", false},
		{[]string{"clusterAdmin"}, "EnableEncryptionAtRest", false},
		{[]string{"drives"}, "AddDrives", true},
		{[]string{"nodes"}, "ListAllNodes", true},
		{[]string{"nodes"}, "ListDrives", false},
		{[]string{"repositories"}, "ListVolumes", false},
		{[]string{"read"}, "NoSuchMethod", false},
	} {
		require.Equal(t, c.want, allows(c.access, c.method), "%v %s", c.access, c.method)
	}
}
