package api_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

// fuzzStorageMethods are the methods FuzzStorageMethods picks from.
var fuzzStorageMethods = []string{
	"AddAccount", "GetAccountByID", "GetAccountByName", "GetAccountEfficiency", "ListAccounts", "ModifyAccount", "RemoveAccount",
	"CreateVolume", "ModifyVolume", "DeleteVolume", "DeleteVolumes", "RestoreDeletedVolume", "PurgeDeletedVolume",
	"PurgeDeletedVolumes", "ListDeletedVolumes", "ListVolumes", "ListActiveVolumes", "ListVolumesForAccount", "GetVolumeStats",
	"ListVolumeStats", "ListVolumeStatsByVolume", "ListVolumeStatsByVolumeAccessGroup", "GetVolumeEfficiency", "CloneVolume",
	"GetDefaultQoS", "CreateVolumeAccessGroup", "ListVolumeAccessGroups", "ModifyVolumeAccessGroup", "DeleteVolumeAccessGroup",
	"AddVolumesToVolumeAccessGroup", "RemoveVolumesFromVolumeAccessGroup", "AddInitiatorsToVolumeAccessGroup",
	"RemoveInitiatorsFromVolumeAccessGroup", "CreateInitiators", "ModifyInitiators", "DeleteInitiators", "ListInitiators",
	"CreateSnapshot", "DeleteSnapshot", "ModifySnapshot", "ListSnapshots", "RollbackToSnapshot", "CreateQoSPolicy",
	"GetQoSPolicy", "ListQoSPolicies", "ModifyQoSPolicy", "DeleteQoSPolicy", "GetClusterHardwareInfo",
	"GetFeatureStatus", "EnableFeature", "GetClusterFullThreshold", "ModifyClusterFullThreshold",
	"CreateGroupSnapshot", "ListGroupSnapshots", "ModifyGroupSnapshot", "DeleteGroupSnapshot", "RollbackToGroupSnapshot",
	"CreateSchedule", "GetSchedule", "ListSchedules", "ModifySchedule",
	"CopyVolume", "CancelClone", "SetDefaultQoS", "ListVolumeStatsByAccount",
	"AddClusterAdmin", "ListClusterAdmins", "ModifyClusterAdmin", "RemoveClusterAdmin", "GetLoginSessionInfo", "SetLoginSessionInfo",
	"GetNtpInfo", "SetNtpInfo", "GetSnmpInfo", "SetSnmpInfo", "EnableSnmp", "DisableSnmp", "GetSnmpState",
	"GetLdapConfiguration", "EnableLdapAuthentication", "DisableLdapAuthentication",
	"CloneMultipleVolumes", "CancelGroupClone",
}

// FuzzStorageMethods sends arbitrary params to every storage method of one
// in-memory emulator (built once, reset every 500 inputs): every answer
// is HTTP 200 with exactly one of result and error, and no input reaches
// the generic internal error (a panic or an unclassified failure).
func FuzzStorageMethods(f *testing.F) {
	for i, p := range []string{
		`{"username":"a"}`, `{"accountID":1}`, `{"username":"a"}`, `{"accountID":1}`, `{"limit":2}`, `{"accountID":1,"status":"locked"}`,
		`{"accountID":1}`, `{"name":"v","accountID":1,"totalSize":1000000000,"qos":{"minIOPS":100}}`,
		`{"volumeID":1,"totalSize":2000000000}`, `{"volumeID":1}`, `{"volumeIDs":[1,2]}`, `{"volumeID":1}`, `{"volumeID":1}`,
		`{"accountIDs":[1]}`, `{}`, `{"startVolumeID":1,"limit":1}`, `{}`, `{"accountID":1}`, `{"volumeID":1}`, `{"volumeIDs":[1]}`,
		`{}`, `{"volumeAccessGroups":[1]}`, `{"volumeID":1}`, `{"volumeID":1,"name":"c"}`, `{}`,
		`{"name":"g","initiators":["iqn.2000-01.com.example:a",3],"volumes":[1]}`, `{"volumeAccessGroups":[1,2]}`,
		`{"volumeAccessGroupID":1,"name":"h"}`, `{"volumeAccessGroupID":1}`, `{"volumeAccessGroupID":1,"volumes":[1]}`,
		`{"volumeAccessGroupID":1,"volumes":[1]}`, `{"volumeAccessGroupID":1,"initiators":["21:00:00:24:ff:48:ab:cd"]}`,
		`{"volumeAccessGroupID":1,"initiators":[1]}`, `{"initiators":[{"name":"iqn.2000-01.com.example:b","requireChap":true}]}`,
		`{"initiators":[{"initiatorID":1,"alias":"x"}]}`, `{"initiators":[1]}`, `{}`, `{"volumeID":1,"retention":"00:00:01"}`,
		`{"snapshotID":1}`, `{"snapshotID":1,"name":"n"}`, `{"volumeID":1}`, `{"volumeID":1,"snapshotID":1,"saveCurrentState":true}`,
		`{"name":"p","qos":{"maxIOPS":1000}}`, `{"qosPolicyID":1}`, `{}`, `{"qosPolicyID":1,"qos":{"minIOPS":60}}`, `{"qosPolicyID":1}`,
		`{"type":"drives"}`,
	} {
		f.Add(uint8(i), []byte(p))
	}
	f.Add(uint8(7), []byte(`{"name":"v","accountID":"1","totalSize":1e9,"attributes":{"k":[1,{"x":null}]}}`))
	f.Add(uint8(25), []byte(`{"name":"g","initiators":[{"a":1},null,-1]}`))
	f.Add(uint8(1), []byte(`[]`))
	f.Add(uint8(43), []byte(`{"qosPolicyID":0}`)) // GetQoSPolicy of nothing once indexed an empty list
	for _, sd := range []struct{ m, p string }{{"CopyVolume", `{"volumeID":1,"dstVolumeID":2}`}, {"CancelClone", `{"cloneID":1}`},
		{"CloneMultipleVolumes", `{"volumes":[{"volumeID":1,"name":"g"}],"access":"locked"}`}, {"CancelGroupClone", `{"groupCloneID":1}`},
		{"SetDefaultQoS", `{"minIOPS":100}`}, {"ListVolumeStatsByAccount", `{"accounts":[1]}`},
		{"AddClusterAdmin", `{"username":"a","password":"p","access":["read"],"acceptEula":true}`},
		{"ModifyClusterAdmin", `{"clusterAdminID":2,"password":"q"}`}, {"SetLoginSessionInfo", `{"timeout":"1:00"}`},
		{"SetNtpInfo", `{"servers":["10.0.0.1"]}`}, {"EnableSnmp", `{"snmpV3Enabled":false}`},
		{"SetSnmpInfo", `{"networks":[{"access":"ro","cidr":24,"community":"c","network":"10.0.0.0"}]}`},
		{"EnableLdapAuthentication", `{"serverURIs":["ldap://dc"],"authType":"DirectBind","userDNTemplate":"uid=%USERNAME%"}`}} {
		f.Add(uint8(slices.Index(fuzzStorageMethods, sd.m)), []byte(sd.p))
	}

	s := apitest.NewServer(f, apitest.WithConfig(func(c *emulator.Config) {
		c.Ephemeral = true
		c.Logger = slog.New(slog.DiscardHandler) // the fuzz target may not log through f
	}))
	h := s.Emu.ClusterHandler()
	post := func(body []byte) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/json-rpc/12.7", bytes.NewReader(body))
		req.SetBasicAuth(s.User, s.Pass)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	n := 0
	f.Fuzz(func(t *testing.T, m uint8, params []byte) {
		if n++; n%500 == 0 {
			req := httptest.NewRequest(http.MethodPost, "/_emulator/reset", nil)
			req.SetBasicAuth(s.User, s.Pass)
			h.ServeHTTP(httptest.NewRecorder(), req)
		}
		method := fuzzStorageMethods[int(m)%len(fuzzStorageMethods)]
		body := []byte(`{"method":"` + method + `","id":1,"params":`)
		if json.Valid(params) {
			body = append(append(body, params...), '}')
		} else {
			b, _ := json.Marshal(string(params))
			body = append(append(body, b...), '}')
		}
		rec := post(body)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s %s: HTTP %d %s", method, params, rec.Code, rec.Body)
		}
		var env struct {
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Name string `json:"name"`
			} `json:"error"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil {
			t.Fatalf("%s %s: answer is not JSON: %s", method, params, rec.Body)
		}
		if (env.Error == nil) == (len(env.Result) == 0) {
			t.Fatalf("%s %s: want exactly one of result and error: %s", method, params, rec.Body)
		}
		if env.Error != nil && (env.Error.Name == "xInternalError" || !strings.HasPrefix(env.Error.Name, "x")) {
			t.Fatalf("%s %s: %s", method, params, rec.Body)
		}
	})
}
