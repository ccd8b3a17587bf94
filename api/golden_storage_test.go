package api_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

// TestGoldenWireShapesStorage pins the exact answers of the storage and
// cluster-admin surface (docs/storage.md, docs/admins.md) on a seeded
// emulator with a virtual clock: accounts, volumes, statistics, snapshots,
// access groups, initiators, QoS, schedules, capacity, hardware, admins,
// network settings, features, the fullness threshold and a group clone.
// `make golden` rewrites them after an intended change.
func TestGoldenWireShapesStorage(t *testing.T) {
	seed := uint64(7)
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) { c.Seed = &seed }))
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "tenant-a", "attributes": map[string]any{"team": "db"}})["accountID"])
	v1 := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "db-data", "accountID": acct, "totalSize": 10e9, "enable512e": true,
		"qos": map[string]any{"minIOPS": 500, "maxIOPS": 5000, "burstIOPS": 8000}})["volumeID"])
	v2 := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "db-log", "accountID": acct, "totalSize": 2e9, "access": "readOnly"})["volumeID"])
	s.Advance(60)
	s.OK("CreateSnapshot", map[string]any{"volumeID": v1, "name": "before-upgrade", "retention": "24:00:00"})
	s.OK("CreateGroupSnapshot", map[string]any{"volumes": []int64{v1, v2}, "name": "consistent"})
	s.OK("CreateVolumeAccessGroup", map[string]any{"name": "hosts", "volumes": []int64{v1, v2},
		"initiators": []any{"iqn.1998-01.com.vmware:esx-1"}})
	s.OK("CreateInitiators", map[string]any{"initiators": []any{map[string]any{"name": "21:00:00:24:ff:3d:2a:10", "alias": "fc-host"}}})
	s.OK("CreateQoSPolicy", map[string]any{"name": "gold", "qos": map[string]any{"minIOPS": 1000, "maxIOPS": 10000, "burstIOPS": 20000}})
	s.OK("CreateSchedule", map[string]any{"scheduleName": "hourly", "scheduleType": "Snapshot",
		"attributes": map[string]any{"frequency": "Time Interval"}, "hours": 1, "minutes": 0,
		"scheduleInfo": map[string]any{"volumeID": v1, "name": "hourly", "retention": "02:00:00"}})
	s.OK("AddClusterAdmin", map[string]any{"username": "auditor", "password": "auditor-pass", "access": []string{"read"}, "acceptEula": true})
	s.OK("SetNtpInfo", map[string]any{"servers": []string{"10.0.0.1", "pool.ntp.org"}})
	s.OK("SetSnmpInfo", map[string]any{"networks": []any{map[string]any{"access": "ro", "cidr": 24, "community": "public", "network": "10.0.0.0"}}})
	s.OK("EnableLdapAuthentication", map[string]any{"serverURIs": []string{"ldaps://dc1.example.com"}, "searchBindDN": "cn=svc,dc=example,dc=com",
		"searchBindPassword": "bindpass99", "userSearchBaseDN": "dc=example,dc=com"})
	s.OK("EnableFeature", map[string]any{"feature": "vvols"})
	s.Advance(30)
	groupClone := s.Call("CloneMultipleVolumes", map[string]any{"access": "readWrite", "volumes": []any{
		map[string]any{"volumeID": v1, "name": "db-data-test"}, map[string]any{"volumeID": v2}}}).Raw

	for _, tt := range []struct {
		name, method string
		params       any
		raw          []byte
	}{
		{name: "GetAccountByID", method: "GetAccountByID", params: map[string]any{"accountID": acct}},
		{name: "ListVolumes", method: "ListVolumes", params: map[string]any{"volumeIDs": []int64{v1, v2}}},
		{name: "GetVolumeStats", method: "GetVolumeStats", params: map[string]any{"volumeID": v1}},
		{name: "ListSnapshots", method: "ListSnapshots", params: map[string]any{"volumeID": v1}},
		{name: "ListVolumeAccessGroups", method: "ListVolumeAccessGroups"},
		{name: "ListInitiators", method: "ListInitiators"},
		{name: "GetDefaultQoS", method: "GetDefaultQoS"},
		{name: "ListQoSPolicies", method: "ListQoSPolicies"},
		{name: "ListSchedules", method: "ListSchedules"},
		{name: "GetClusterCapacity_storage", method: "GetClusterCapacity"},
		{name: "GetClusterHardwareInfo", method: "GetClusterHardwareInfo"},
		{name: "ListClusterAdmins", method: "ListClusterAdmins"},
		{name: "GetNtpInfo", method: "GetNtpInfo"},
		{name: "GetSnmpInfo", method: "GetSnmpInfo"},
		{name: "GetLdapConfiguration", method: "GetLdapConfiguration"},
		{name: "GetFeatureStatus", method: "GetFeatureStatus"},
		{name: "GetClusterFullThreshold", method: "GetClusterFullThreshold"},
		{name: "CloneMultipleVolumes", raw: groupClone},
	} {
		t.Run(tt.name, func(t *testing.T) {
			raw := tt.raw
			if raw == nil {
				r := s.Call(tt.method, tt.params)
				require.Nil(t, r.Error, string(r.Raw))
				raw = r.Raw
			}
			checkGolden(t, tt.name, raw)
		})
	}
}
