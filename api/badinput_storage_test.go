package api_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// Bad-input tables for the storage methods (docs/storage.md): every
// parameter missing, of the wrong type, out of range or naming nothing
// gets its documented error, and the whole observable state (biSnapshot,
// which lists every storage object) does not move.

// biStorageFixture: account 1 owning volumes 1 (in group 1, with snapshot
// 1) and 2 (deleted), initiator 1 in group 1, QoS policy 1, group
// snapshot 1 of volume 1, schedule 1 (hourly, of volume 1).
func biStorageFixture(t *testing.T) *apitest.Server {
	s := apitest.NewServer(t)
	s.OK("AddAccount", map[string]any{"username": "fixture"})
	s.OK("CreateVolume", map[string]any{"name": "v1", "accountID": 1, "totalSize": 2e9})
	s.OK("CreateVolume", map[string]any{"name": "v2", "accountID": 1, "totalSize": 1e9})
	s.OK("DeleteVolume", map[string]any{"volumeID": 2})
	s.OK("CreateVolumeAccessGroup", map[string]any{"name": "g1", "volumes": []int{1}, "initiators": []any{"iqn.2000-01.com.example:a"}})
	s.OK("CreateSnapshot", map[string]any{"volumeID": 1, "name": "s1"})
	s.OK("CreateQoSPolicy", map[string]any{"name": "p1", "qos": map[string]any{"minIOPS": 100, "maxIOPS": 1000, "burstIOPS": 2000}})
	s.OK("CreateGroupSnapshot", map[string]any{"volumes": []int{1}, "name": "gs1"})
	s.OK("CreateSchedule", map[string]any{"scheduleName": "s1", "attributes": map[string]any{"frequency": "Time Interval"}, "hours": 1,
		"scheduleInfo": map[string]any{"volumeID": 1}})
	s.OK("AddClusterAdmin", map[string]any{"username": "ops", "password": "pw", "access": []string{"read"}, "acceptEula": true})
	return s
}

func biErr(name, method, params, err string) biBadCase {
	return biBadCase{name, method, params, err, "", biPrefix, ""}
}

func TestBadInputStorage(t *testing.T) {
	s := biStorageFixture(t)
	long := strings.Repeat("x", 65)
	cases := []biBadCase{
		// AddAccount
		biMissing("no username", "AddAccount", `{}`, "username"),
		biWrongType("username number", "AddAccount", `{"username":7}`, "username"),
		biInvalid("username empty", "AddAccount", `{"username":""}`, "username"),
		biInvalid("username too long", "AddAccount", `{"username":"`+long+`"}`, "username"),
		biErr("username taken", "AddAccount", `{"username":"fixture"}`, "xDuplicateUsername"),
		biInvalid("initiatorSecret short", "AddAccount", `{"username":"n","initiatorSecret":"short"}`, "initiatorSecret"),
		biInvalid("targetSecret long", "AddAccount", `{"username":"n","targetSecret":"12345678901234567"}`, "targetSecret"),
		biInvalid("secret with space", "AddAccount", `{"username":"n","initiatorSecret":"abc def ghijkl"}`, "initiatorSecret"),
		biInvalid("equal secrets", "AddAccount", `{"username":"n","initiatorSecret":"abcdefghijkl","targetSecret":"abcdefghijkl"}`, "targetSecret"),
		biWrongType("attributes array", "AddAccount", `{"username":"n","attributes":[]}`, "attributes"),
		biInvalid("attributes too big", "AddAccount", `{"username":"n","attributes":{"a":"`+strings.Repeat("y", 1000)+`"}}`, "attributes"),
		// GetAccountByID / ByName / Efficiency / Remove
		biMissing("no accountID", "GetAccountByID", `{}`, "accountID"),
		biWrongType("accountID string", "GetAccountByID", `{"accountID":"one"}`, "accountID"),
		biErr("unknown accountID", "GetAccountByID", `{"accountID":99}`, "xUnknownAccount"),
		biMissing("no username", "GetAccountByName", `{}`, "username"),
		biWrongType("username bool", "GetAccountByName", `{"username":true}`, "username"),
		biErr("unknown username", "GetAccountByName", `{"username":"nobody"}`, "xUnknownAccount"),
		biMissing("no accountID", "GetAccountEfficiency", `{}`, "accountID"),
		biErr("unknown accountID", "GetAccountEfficiency", `{"accountID":99}`, "xUnknownAccount"),
		biMissing("no accountID", "RemoveAccount", `{}`, "accountID"),
		biErr("unknown accountID", "RemoveAccount", `{"accountID":99}`, "xUnknownAccount"),
		biErr("owns volumes", "RemoveAccount", `{"accountID":1}`, "xAPINotPermitted"),
		// ListAccounts
		biWrongType("limit string", "ListAccounts", `{"limit":"ten"}`, "limit"),
		biInvalid("limit negative", "ListAccounts", `{"limit":-1}`, "limit"),
		biWrongType("startAccountID float", "ListAccounts", `{"startAccountID":1.5}`, "startAccountID"),
		// ModifyAccount
		biMissing("no accountID", "ModifyAccount", `{"username":"x"}`, "accountID"),
		biErr("unknown accountID", "ModifyAccount", `{"accountID":99,"username":"x"}`, "xUnknownAccount"),
		biBadEnum("status bogus", "ModifyAccount", `{"accountID":1,"status":"frozen"}`, "frozen", "status"),
		biInvalid("username too long", "ModifyAccount", `{"accountID":1,"username":"`+long+`"}`, "username"),
		biInvalid("secret short", "ModifyAccount", `{"accountID":1,"initiatorSecret":"abc"}`, "initiatorSecret"),
		// CreateVolume
		biMissing("no name", "CreateVolume", `{"accountID":1,"totalSize":1000000000}`, "name"),
		biMissing("no accountID", "CreateVolume", `{"name":"n","totalSize":1000000000}`, "accountID"),
		biMissing("no totalSize", "CreateVolume", `{"name":"n","accountID":1}`, "totalSize"),
		biWrongType("totalSize string", "CreateVolume", `{"name":"n","accountID":1,"totalSize":"big"}`, "totalSize"),
		biWrongType("accountID array", "CreateVolume", `{"name":"n","accountID":[1],"totalSize":1000000000}`, "accountID"),
		biInvalid("name of 65", "CreateVolume", `{"name":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","accountID":1,"totalSize":1000000000}`, "name"),
		biInvalid("totalSize too small", "CreateVolume", `{"name":"n","accountID":1,"totalSize":999999999}`, "totalSize"),
		biInvalid("totalSize too big", "CreateVolume", `{"name":"n","accountID":1,"totalSize":17592186044417}`, "totalSize"),
		biInvalid("name with space", "CreateVolume", `{"name":"a b","accountID":1,"totalSize":1000000000}`, "name"),
		biInvalid("name too long", "CreateVolume", `{"name":"`+long+`","accountID":1,"totalSize":1000000000}`, "name"),
		biErr("unknown account", "CreateVolume", `{"name":"n","accountID":99,"totalSize":1000000000}`, "xUnknownAccount"),
		biWrongType("enable512e string", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"enable512e":"yes"}`, "enable512e"),
		biWrongType("qos array", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"qos":[]}`, "qos"),
		biInvalid("minIOPS low", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"qos":{"minIOPS":49}}`, "qos.minIOPS"),
		biInvalid("minIOPS high", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"qos":{"minIOPS":15001,"maxIOPS":20000}}`, "qos.minIOPS"),
		biInvalid("maxIOPS high", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"qos":{"maxIOPS":200001}}`, "qos.maxIOPS"),
		biInvalid("burst below max", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"qos":{"maxIOPS":5000,"burstIOPS":4000}}`, "qos.maxIOPS"),
		biInvalid("min above max", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"qos":{"minIOPS":2000,"maxIOPS":1000}}`, "qos.minIOPS"),
		biWrongType("minIOPS string", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"qos":{"minIOPS":"x"}}`, "qos.minIOPS"),
		biBadEnum("access bogus", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"access":"open"}`, "open", "access"),
		biErr("unknown qosPolicyID", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"qosPolicyID":9}`, "xQoSPolicyDoesNotExist"),
		biInvalid("qos and policy", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"qosPolicyID":1,"qos":{"minIOPS":100}}`, "qosPolicyID"),
		biInvalid("sliceCount 2", "CreateVolume", `{"name":"n","accountID":1,"totalSize":1000000000,"sliceCount":2}`, "sliceCount"),
		// ModifyVolume
		biMissing("no volumeID", "ModifyVolume", `{"access":"locked"}`, "volumeID"),
		biErr("unknown volumeID", "ModifyVolume", `{"volumeID":99,"access":"locked"}`, "xVolumeIDDoesNotExist"),
		biErr("deleted volume", "ModifyVolume", `{"volumeID":2,"access":"locked"}`, "xVolumeIDDoesNotExist"),
		biBadEnum("access bogus", "ModifyVolume", `{"volumeID":1,"access":"open"}`, "open", "access"),
		biInvalid("shrink", "ModifyVolume", `{"volumeID":1,"totalSize":1500000000}`, "totalSize"),
		biInvalid("totalSize too big", "ModifyVolume", `{"volumeID":1,"totalSize":17592186044417}`, "totalSize"),
		biErr("unknown account", "ModifyVolume", `{"volumeID":1,"accountID":99}`, "xUnknownAccount"),
		biInvalid("burstIOPS low", "ModifyVolume", `{"volumeID":1,"qos":{"burstIOPS":99}}`, "qos.burstIOPS"),
		biMissing("setCreateTime without createTime", "ModifyVolume", `{"volumeID":1,"setCreateTime":true}`, "createTime"),
		biInvalid("createTime bad", "ModifyVolume", `{"volumeID":1,"setCreateTime":true,"createTime":"yesterday"}`, "createTime"),
		// DeleteVolume(s), restore, purge
		biMissing("no volumeID", "DeleteVolume", `{}`, "volumeID"),
		biErr("unknown volumeID", "DeleteVolume", `{"volumeID":99}`, "xVolumeIDDoesNotExist"),
		biErr("already deleted", "DeleteVolume", `{"volumeID":2}`, "xVolumeIDDoesNotExist"),
		biInvalid("no list", "DeleteVolumes", `{}`, "volumeIDs"),
		biInvalid("two lists", "DeleteVolumes", `{"volumeIDs":[1],"accountIDs":[1]}`, "volumeIDs"),
		biErr("one unknown of two", "DeleteVolumes", `{"volumeIDs":[1,99]}`, "xVolumeIDDoesNotExist"),
		biWrongType("volumeIDs object", "DeleteVolumes", `{"volumeIDs":{}}`, "volumeIDs"),
		biErr("unknown account", "DeleteVolumes", `{"accountIDs":[99]}`, "xUnknownAccount"),
		biErr("unknown group", "DeleteVolumes", `{"volumeAccessGroupIDs":[99]}`, "xVolumeAccessGroupIDDoesNotExist"),
		biMissing("no volumeID", "RestoreDeletedVolume", `{}`, "volumeID"),
		biErr("active volume", "RestoreDeletedVolume", `{"volumeID":1}`, "xAPINotPermitted"),
		biErr("unknown volume", "RestoreDeletedVolume", `{"volumeID":99}`, "xVolumeIDDoesNotExist"),
		biMissing("no volumeID", "PurgeDeletedVolume", `{}`, "volumeID"),
		biErr("active volume", "PurgeDeletedVolume", `{"volumeID":1}`, "xAPINotPermitted"),
		biErr("unknown volume", "PurgeDeletedVolume", `{"volumeID":99}`, "xVolumeIDDoesNotExist"),
		biInvalid("no list", "PurgeDeletedVolumes", `{}`, "volumeIDs"),
		biErr("active in list", "PurgeDeletedVolumes", `{"volumeIDs":[2,1]}`, "xAPINotPermitted"),
		biErr("unknown account", "PurgeDeletedVolumes", `{"accountIDs":[99]}`, "xUnknownAccount"),
		// Listing
		biInvalid("limit negative", "ListVolumes", `{"limit":-5}`, "limit"),
		biInvalid("startVolumeID negative", "ListVolumes", `{"startVolumeID":-5}`, "startVolumeID"),
		biBadEnum("volumeStatus bogus", "ListVolumes", `{"volumeStatus":"gone"}`, "gone", "volumeStatus"),
		biInvalid("volumeIDs with limit", "ListVolumes", `{"volumeIDs":[1],"limit":1}`, "volumeIDs"),
		biWrongType("accounts string", "ListVolumes", `{"accounts":"1"}`, "accounts"),
		biInvalid("limit negative", "ListActiveVolumes", `{"limit":-1}`, "limit"),
		biMissing("no accountID", "ListVolumesForAccount", `{}`, "accountID"),
		biErr("unknown account", "ListVolumesForAccount", `{"accountID":99}`, "xUnknownAccount"),
		biMissing("no volumeID", "GetVolumeStats", `{}`, "volumeID"),
		biErr("unknown volume", "GetVolumeStats", `{"volumeID":99}`, "xVolumeIDDoesNotExist"),
		biErr("unknown volume", "ListVolumeStats", `{"volumeIDs":[99]}`, "xVolumeIDDoesNotExist"),
		biErr("unknown group", "ListVolumeStatsByVolumeAccessGroup", `{"volumeAccessGroups":[99]}`, "xVolumeAccessGroupIDDoesNotExist"),
		biMissing("no volumeID", "GetVolumeEfficiency", `{}`, "volumeID"),
		biErr("unknown volume", "GetVolumeEfficiency", `{"volumeID":99}`, "xVolumeIDDoesNotExist"),
		// CloneVolume
		biMissing("no volumeID", "CloneVolume", `{"name":"c"}`, "volumeID"),
		biMissing("no name", "CloneVolume", `{"volumeID":1}`, "name"),
		biErr("unknown volume", "CloneVolume", `{"volumeID":99,"name":"c"}`, "xVolumeIDDoesNotExist"),
		biErr("deleted volume", "CloneVolume", `{"volumeID":2,"name":"c"}`, "xVolumeIDDoesNotExist"),
		biInvalid("newSize small", "CloneVolume", `{"volumeID":1,"name":"c","newSize":5}`, "newSize"),
		biErr("unknown newAccountID", "CloneVolume", `{"volumeID":1,"name":"c","newAccountID":99}`, "xUnknownAccount"),
		biErr("unknown snapshot", "CloneVolume", `{"volumeID":1,"name":"c","snapshotID":99}`, "xSnapshotIDDoesNotExist"),
		biBadEnum("access bogus", "CloneVolume", `{"volumeID":1,"name":"c","access":"open"}`, "open", "access"),
		// CopyVolume, CancelClone, SetDefaultQoS, ListVolumeStatsByAccount
		biMissing("no volumeID", "CopyVolume", `{"dstVolumeID":1}`, "volumeID"),
		biMissing("no dstVolumeID", "CopyVolume", `{"volumeID":1}`, "dstVolumeID"),
		biWrongType("dstVolumeID string", "CopyVolume", `{"volumeID":1,"dstVolumeID":"one"}`, "dstVolumeID"),
		biErr("unknown source", "CopyVolume", `{"volumeID":99,"dstVolumeID":1}`, "xVolumeIDDoesNotExist"),
		biErr("deleted destination", "CopyVolume", `{"volumeID":1,"dstVolumeID":2}`, "xVolumeIDDoesNotExist"),
		biErr("unknown snapshot", "CopyVolume", `{"volumeID":1,"dstVolumeID":1,"snapshotID":99}`, "xSnapshotIDDoesNotExist"),
		biInvalid("onto itself", "CopyVolume", `{"volumeID":1,"dstVolumeID":1}`, "dstVolumeID"),
		biMissing("no cloneID", "CancelClone", `{}`, "cloneID"),
		biWrongType("cloneID string", "CancelClone", `{"cloneID":"one"}`, "cloneID"),
		biInvalid("unknown cloneID", "CancelClone", `{"cloneID":99}`, "cloneID"),
		biInvalid("minIOPS high", "SetDefaultQoS", `{"minIOPS":15001}`, "minIOPS"),
		biInvalid("maxIOPS low", "SetDefaultQoS", `{"maxIOPS":10}`, "maxIOPS"),
		biInvalid("min above max", "SetDefaultQoS", `{"minIOPS":2000,"maxIOPS":1000,"burstIOPS":1000}`, "minIOPS"),
		biWrongType("burstIOPS string", "SetDefaultQoS", `{"burstIOPS":"many"}`, "burstIOPS"),
		biWrongType("accounts object", "ListVolumeStatsByAccount", `{"accounts":{}}`, "accounts"),
		biErr("unknown account", "ListVolumeStatsByAccount", `{"accounts":[99]}`, "xUnknownAccount"),
		// Access groups
		biMissing("no name", "CreateVolumeAccessGroup", `{}`, "name"),
		biInvalid("name too long", "CreateVolumeAccessGroup", `{"name":"`+long+`"}`, "name"),
		biErr("unknown volume", "CreateVolumeAccessGroup", `{"name":"g","volumes":[99]}`, "xVolumeIDDoesNotExist"),
		biInvalid("bad IQN", "CreateVolumeAccessGroup", `{"name":"g","initiators":["iqn.bad"]}`, "initiators[0]"),
		biWrongType("initiator object", "CreateVolumeAccessGroup", `{"name":"g","initiators":[{}]}`, "initiators[0]"),
		biErr("unknown initiator ID", "CreateVolumeAccessGroup", `{"name":"g","initiators":[99]}`, "xInitiatorDoesNotExist"),
		biInvalid("limit negative", "ListVolumeAccessGroups", `{"limit":-1}`, "limit"),
		biMissing("no group", "ModifyVolumeAccessGroup", `{"name":"x"}`, "volumeAccessGroupID"),
		biErr("unknown group", "ModifyVolumeAccessGroup", `{"volumeAccessGroupID":99,"name":"x"}`, "xVolumeAccessGroupIDDoesNotExist"),
		biInvalid("name empty", "ModifyVolumeAccessGroup", `{"volumeAccessGroupID":1,"name":""}`, "name"),
		biErr("unknown volume", "ModifyVolumeAccessGroup", `{"volumeAccessGroupID":1,"volumes":[99]}`, "xVolumeIDDoesNotExist"),
		biMissing("no group", "DeleteVolumeAccessGroup", `{}`, "volumeAccessGroupID"),
		biErr("unknown group", "DeleteVolumeAccessGroup", `{"volumeAccessGroupID":99}`, "xVolumeAccessGroupIDDoesNotExist"),
		biMissing("no volumes", "AddVolumesToVolumeAccessGroup", `{"volumeAccessGroupID":1}`, "volumes"),
		biInvalid("empty volumes", "AddVolumesToVolumeAccessGroup", `{"volumeAccessGroupID":1,"volumes":[]}`, "volumes"),
		biErr("already in", "AddVolumesToVolumeAccessGroup", `{"volumeAccessGroupID":1,"volumes":[1]}`, "xAlreadyInVolumeAccessGroup"),
		biErr("deleted volume", "AddVolumesToVolumeAccessGroup", `{"volumeAccessGroupID":1,"volumes":[2]}`, "xVolumeIDDoesNotExist"),
		biErr("not in", "RemoveVolumesFromVolumeAccessGroup", `{"volumeAccessGroupID":1,"volumes":[2]}`, "xNotInVolumeAccessGroup"),
		biMissing("no initiators", "AddInitiatorsToVolumeAccessGroup", `{"volumeAccessGroupID":1}`, "initiators"),
		biErr("already in", "AddInitiatorsToVolumeAccessGroup", `{"volumeAccessGroupID":1,"initiators":["IQN.2000-01.com.example:a"]}`, "xAlreadyInVolumeAccessGroup"),
		biInvalid("bad WWPN", "AddInitiatorsToVolumeAccessGroup", `{"volumeAccessGroupID":1,"initiators":["21:00:00:24:ff:48:ab"]}`, "initiators[0]"),
		biErr("not in", "RemoveInitiatorsFromVolumeAccessGroup", `{"volumeAccessGroupID":1,"initiators":["iqn.2000-01.com.example:zz"]}`, "xNotInVolumeAccessGroup"),
		// Initiators
		biMissing("no initiators", "CreateInitiators", `{}`, "initiators"),
		biMissing("no name", "CreateInitiators", `{"initiators":[{}]}`, "initiators[0].name"),
		biInvalid("bad name", "CreateInitiators", `{"initiators":[{"name":"host1"}]}`, "initiators[0].name"),
		biErr("exists", "CreateInitiators", `{"initiators":[{"name":"iqn.2000-01.com.example:a"}]}`, "xInitiatorExists"),
		biErr("twice", "CreateInitiators", `{"initiators":[{"name":"iqn.2000-01.com.example:b"},{"name":"iqn.2000-01.com.example:b"}]}`, "xInitiatorExists"),
		biErr("unknown group", "CreateInitiators", `{"initiators":[{"name":"iqn.2000-01.com.example:c","volumeAccessGroupID":99}]}`, "xVolumeAccessGroupIDDoesNotExist"),
		biInvalid("alias too long", "CreateInitiators", `{"initiators":[{"name":"iqn.2000-01.com.example:c","alias":"`+long+`"}]}`, "initiators[0].alias"),
		biInvalid("secret short", "CreateInitiators", `{"initiators":[{"name":"iqn.2000-01.com.example:c","requireChap":true,"initiatorSecret":"x"}]}`, "initiators[0].initiatorSecret"),
		biMissing("no initiatorID", "ModifyInitiators", `{"initiators":[{"alias":"x"}]}`, "initiators[0].initiatorID"),
		biErr("unknown", "ModifyInitiators", `{"initiators":[{"initiatorID":99}]}`, "xInitiatorDoesNotExist"),
		biErr("unknown group", "ModifyInitiators", `{"initiators":[{"initiatorID":1,"volumeAccessGroupID":99}]}`, "xVolumeAccessGroupIDDoesNotExist"),
		biMissing("no initiators", "DeleteInitiators", `{}`, "initiators"),
		biErr("unknown", "DeleteInitiators", `{"initiators":[1,99]}`, "xInitiatorDoesNotExist"),
		biErr("unknown", "ListInitiators", `{"initiators":[99]}`, "xInitiatorDoesNotExist"),
		// Snapshots
		biMissing("no volumeID", "CreateSnapshot", `{}`, "volumeID"),
		biErr("unknown volume", "CreateSnapshot", `{"volumeID":99}`, "xVolumeIDDoesNotExist"),
		biErr("deleted volume", "CreateSnapshot", `{"volumeID":2}`, "xVolumeIDDoesNotExist"),
		biInvalid("retention bad", "CreateSnapshot", `{"volumeID":1,"retention":"1h"}`, "retention"),
		biInvalid("retention minutes", "CreateSnapshot", `{"volumeID":1,"retention":"01:60:00"}`, "retention"),
		biInvalid("name too long", "CreateSnapshot", `{"volumeID":1,"name":"`+long+`"}`, "name"),
		biErr("unknown source snapshot", "CreateSnapshot", `{"volumeID":1,"snapshotID":99}`, "xSnapshotIDDoesNotExist"),
		biMissing("no snapshotID", "DeleteSnapshot", `{}`, "snapshotID"),
		biErr("unknown", "DeleteSnapshot", `{"snapshotID":99}`, "xSnapshotIDDoesNotExist"),
		biErr("unknown", "ModifySnapshot", `{"snapshotID":99,"name":"x"}`, "xSnapshotIDDoesNotExist"),
		biInvalid("expirationTime bad", "ModifySnapshot", `{"snapshotID":1,"expirationTime":"soon"}`, "expirationTime"),
		biErr("unknown volume", "ListSnapshots", `{"volumeID":99}`, "xVolumeIDDoesNotExist"),
		biErr("unknown snapshot", "ListSnapshots", `{"snapshotID":99}`, "xSnapshotIDDoesNotExist"),
		biMissing("no saveCurrentState", "RollbackToSnapshot", `{"volumeID":1,"snapshotID":1}`, "saveCurrentState"),
		biMissing("no snapshotID", "RollbackToSnapshot", `{"volumeID":1,"saveCurrentState":false}`, "snapshotID"),
		biErr("unknown snapshot", "RollbackToSnapshot", `{"volumeID":1,"snapshotID":99,"saveCurrentState":true}`, "xSnapshotIDDoesNotExist"),
		biErr("deleted volume", "RollbackToSnapshot", `{"volumeID":2,"snapshotID":1,"saveCurrentState":true}`, "xVolumeIDDoesNotExist"),
		// QoS policies
		biMissing("no name", "CreateQoSPolicy", `{"qos":{}}`, "name"),
		biMissing("no qos", "CreateQoSPolicy", `{"name":"p"}`, "qos"),
		biInvalid("maxIOPS low", "CreateQoSPolicy", `{"name":"p","qos":{"maxIOPS":10}}`, "qos.maxIOPS"),
		biErr("unknown", "GetQoSPolicy", `{"qosPolicyID":99}`, "xQoSPolicyDoesNotExist"),
		biErr("unknown", "ModifyQoSPolicy", `{"qosPolicyID":99}`, "xQoSPolicyDoesNotExist"),
		biInvalid("minIOPS high", "ModifyQoSPolicy", `{"qosPolicyID":1,"qos":{"minIOPS":1001}}`, "qos.minIOPS"),
		biErr("unknown", "DeleteQoSPolicy", `{"qosPolicyID":99}`, "xQoSPolicyDoesNotExist"),
		// Hardware
		biBadEnum("type bogus", "GetClusterHardwareInfo", `{"type":"fans"}`, "fans", "type"),
		// Group snapshots
		biMissing("no volumes", "CreateGroupSnapshot", `{}`, "volumes"),
		biInvalid("empty volumes", "CreateGroupSnapshot", `{"volumes":[]}`, "volumes"),
		biErr("unknown volume", "CreateGroupSnapshot", `{"volumes":[1,99]}`, "xVolumeIDDoesNotExist"),
		biErr("deleted volume", "CreateGroupSnapshot", `{"volumes":[2]}`, "xVolumeIDDoesNotExist"),
		biInvalid("retention bad", "CreateGroupSnapshot", `{"volumes":[1],"retention":"x"}`, "retention"),
		biErr("unknown group snapshot", "ListGroupSnapshots", `{"groupSnapshotID":99}`, "xGroupSnapshotIDDoesNotExist"),
		biErr("unknown volume", "ListGroupSnapshots", `{"volumes":[99]}`, "xVolumeIDDoesNotExist"),
		biMissing("no groupSnapshotID", "ModifyGroupSnapshot", `{"name":"x"}`, "groupSnapshotID"),
		biErr("unknown", "ModifyGroupSnapshot", `{"groupSnapshotID":99,"name":"x"}`, "xGroupSnapshotIDDoesNotExist"),
		biMissing("no saveMembers", "DeleteGroupSnapshot", `{"groupSnapshotID":1}`, "saveMembers"),
		biErr("unknown", "DeleteGroupSnapshot", `{"groupSnapshotID":99,"saveMembers":true}`, "xGroupSnapshotIDDoesNotExist"),
		biMissing("no saveCurrentState", "RollbackToGroupSnapshot", `{"groupSnapshotID":1}`, "saveCurrentState"),
		biErr("unknown", "RollbackToGroupSnapshot", `{"groupSnapshotID":99,"saveCurrentState":false}`, "xGroupSnapshotIDDoesNotExist"),
		// Schedules
		biMissing("no scheduleName", "CreateSchedule", `{"attributes":{"frequency":"Time Interval"},"hours":1,"scheduleInfo":{"volumeID":1}}`, "scheduleName"),
		biMissing("no scheduleInfo", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":"Time Interval"},"hours":1}`, "scheduleInfo"),
		biMissing("no frequency", "CreateSchedule", `{"scheduleName":"s","hours":1,"scheduleInfo":{"volumeID":1}}`, "attributes.frequency"),
		biInvalid("bad frequency", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":"Hourly"},"hours":1,"scheduleInfo":{"volumeID":1}}`, "attributes.frequency"),
		biWrongType("frequency number", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":1},"hours":1,"scheduleInfo":{"volumeID":1}}`, "attributes.frequency"),
		biInvalid("zero interval", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":"Time Interval"},"scheduleInfo":{"volumeID":1}}`, "hours"),
		biInvalid("hour 24", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":"Days Of Week"},"weekdays":[{"day":1}],"hours":24,"scheduleInfo":{"volumeID":1}}`, "hours"),
		biInvalid("weekday 7", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":"Days Of Week"},"weekdays":[{"day":7}],"scheduleInfo":{"volumeID":1}}`, "weekdays"),
		biMissing("weekday without day", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":"Days Of Week"},"weekdays":[{"offset":1}],"scheduleInfo":{"volumeID":1}}`, "weekdays[0].day"),
		biInvalid("monthday 32", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":"Days Of Month"},"monthdays":[32],"scheduleInfo":{"volumeID":1}}`, "monthdays"),
		biInvalid("no volume", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":"Time Interval"},"hours":1,"scheduleInfo":{}}`, "scheduleInfo.volumeID"),
		biErr("unknown volume", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":"Time Interval"},"hours":1,"scheduleInfo":{"volumeID":99}}`, "xVolumeIDDoesNotExist"),
		biInvalid("bad retention", "CreateSchedule", `{"scheduleName":"s","attributes":{"frequency":"Time Interval"},"hours":1,"scheduleInfo":{"volumeID":1,"retention":"2h"}}`, "scheduleInfo.retention"),
		biBadEnum("scheduleType bogus", "CreateSchedule", `{"scheduleName":"s","scheduleType":"Backup","attributes":{"frequency":"Time Interval"},"hours":1,"scheduleInfo":{"volumeID":1}}`, "Backup", "scheduleType"),
		biMissing("no scheduleID", "GetSchedule", `{}`, "scheduleID"),
		biErr("unknown", "GetSchedule", `{"scheduleID":99}`, "xScheduleIDDoesNotExist"),
		biErr("unknown", "ModifySchedule", `{"scheduleID":99,"paused":true}`, "xScheduleIDDoesNotExist"),
		biInvalid("minutes 60", "ModifySchedule", `{"scheduleID":1,"minutes":60}`, "hours"),
		biErr("unknown volume", "ModifySchedule", `{"scheduleID":1,"scheduleInfo":{"volumeID":99}}`, "xVolumeIDDoesNotExist"),
		// Cluster settings
		biBadEnum("feature bogus", "GetFeatureStatus", `{"feature":"dedupe"}`, "dedupe", "feature"),
		biMissing("no feature", "EnableFeature", `{}`, "feature"),
		biWrongType("feature number", "EnableFeature", `{"feature":1}`, "feature"),
		biBadEnum("feature bogus", "EnableFeature", `{"feature":"dedupe"}`, "dedupe", "feature"),
		biInvalid("factor zero", "ModifyClusterFullThreshold", `{"maxMetadataOverProvisionFactor":0}`, "maxMetadataOverProvisionFactor"),
		biInvalid("factor high", "ModifyClusterFullThreshold", `{"maxMetadataOverProvisionFactor":21}`, "maxMetadataOverProvisionFactor"),
		biInvalid("stage3 percent high", "ModifyClusterFullThreshold", `{"stage3BlockThresholdPercent":101}`, "stage3BlockThresholdPercent"),
		biInvalid("stage2 negative", "ModifyClusterFullThreshold", `{"stage2AwareThreshold":-1}`, "stage2AwareThreshold"),
		biWrongType("factor string", "ModifyClusterFullThreshold", `{"maxMetadataOverProvisionFactor":"five"}`, "maxMetadataOverProvisionFactor"),
		// Cluster admins (fixture: admin 2 "ops") and the login session
		biMissing("no username", "AddClusterAdmin", `{"password":"p","access":["read"],"acceptEula":true}`, "username"),
		biMissing("no password", "AddClusterAdmin", `{"username":"n","access":["read"],"acceptEula":true}`, "password"),
		biMissing("no access", "AddClusterAdmin", `{"username":"n","password":"p","acceptEula":true}`, "access"),
		biMissing("no acceptEula", "AddClusterAdmin", `{"username":"n","password":"p","access":["read"]}`, "acceptEula"),
		biInvalid("eula refused", "AddClusterAdmin", `{"username":"n","password":"p","access":["read"],"acceptEula":false}`, "acceptEula"),
		biInvalid("username empty", "AddClusterAdmin", `{"username":"","password":"p","access":["read"],"acceptEula":true}`, "username"),
		biInvalid("username colon", "AddClusterAdmin", `{"username":"a:b","password":"p","access":["read"],"acceptEula":true}`, "username"),
		biInvalid("username too long", "AddClusterAdmin", `{"username":"`+strings.Repeat("u", 1025)+`","password":"p","access":["read"],"acceptEula":true}`, "username"),
		biInvalid("password empty", "AddClusterAdmin", `{"username":"n","password":"","access":["read"],"acceptEula":true}`, "password"),
		biInvalid("access empty", "AddClusterAdmin", `{"username":"n","password":"p","access":[],"acceptEula":true}`, "access"),
		biInvalid("access bogus", "AddClusterAdmin", `{"username":"n","password":"p","access":["root"],"acceptEula":true}`, "access[0]"),
		biWrongType("access string", "AddClusterAdmin", `{"username":"n","password":"p","access":"read","acceptEula":true}`, "access"),
		biWrongType("password number", "AddClusterAdmin", `{"username":"n","password":7,"access":["read"],"acceptEula":true}`, "password"),
		biErr("username taken", "AddClusterAdmin", `{"username":"ops","password":"p","access":["read"],"acceptEula":true}`, "xDuplicateUsername"),
		biMissing("no clusterAdminID", "ModifyClusterAdmin", `{"password":"p"}`, "clusterAdminID"),
		biErr("unknown admin", "ModifyClusterAdmin", `{"clusterAdminID":99,"password":"p"}`, "xClusterAdminIDDoesNotExist"),
		biErr("primary admin", "ModifyClusterAdmin", `{"clusterAdminID":1,"password":"p"}`, "xAPINotPermitted"),
		biInvalid("password empty", "ModifyClusterAdmin", `{"clusterAdminID":2,"password":""}`, "password"),
		biInvalid("access bogus", "ModifyClusterAdmin", `{"clusterAdminID":2,"access":["read","root"]}`, "access[1]"),
		biMissing("no clusterAdminID", "RemoveClusterAdmin", `{}`, "clusterAdminID"),
		biWrongType("clusterAdminID string", "RemoveClusterAdmin", `{"clusterAdminID":"two"}`, "clusterAdminID"),
		biErr("unknown admin", "RemoveClusterAdmin", `{"clusterAdminID":99}`, "xClusterAdminIDDoesNotExist"),
		biErr("primary admin", "RemoveClusterAdmin", `{"clusterAdminID":1}`, "xAPINotPermitted"),
		biMissing("no timeout", "SetLoginSessionInfo", `{}`, "timeout"),
		biWrongType("timeout number", "SetLoginSessionInfo", `{"timeout":30}`, "timeout"),
		biInvalid("timeout garbage", "SetLoginSessionInfo", `{"timeout":"half an hour"}`, "timeout"),
		biInvalid("timeout under a minute", "SetLoginSessionInfo", `{"timeout":"00:00:59"}`, "timeout"),
		biInvalid("timeout four parts", "SetLoginSessionInfo", `{"timeout":"1:00:00:00"}`, "timeout"),
		biInvalid("timeout over a week", "SetLoginSessionInfo", `{"timeout":"169:00:00"}`, "timeout"),
		// NTP, SNMP, LDAP
		biMissing("no servers", "SetNtpInfo", `{}`, "servers"),
		biWrongType("servers string", "SetNtpInfo", `{"servers":"pool.ntp.org"}`, "servers"),
		biInvalid("server with space", "SetNtpInfo", `{"servers":["bad host"]}`, "servers[0]"),
		biInvalid("six servers", "SetNtpInfo", `{"servers":["a","b","c","d","e","f"]}`, "servers"),
		biMissing("no snmpV3Enabled", "EnableSnmp", `{}`, "snmpV3Enabled"),
		biWrongType("snmpV3Enabled string", "EnableSnmp", `{"snmpV3Enabled":"maybe"}`, "snmpV3Enabled"),
		biInvalid("network access", "SetSnmpInfo", `{"networks":[{"access":"all","cidr":24,"community":"c","network":"10.0.0.0"}]}`, "networks[0].access"),
		biInvalid("network cidr", "SetSnmpInfo", `{"networks":[{"access":"ro","cidr":33,"community":"c","network":"10.0.0.0"}]}`, "networks[0].cidr"),
		biInvalid("network empty community", "SetSnmpInfo", `{"networks":[{"access":"ro","cidr":24,"community":"","network":"10.0.0.0"}]}`, "networks[0].community"),
		biMissing("network without cidr", "SetSnmpInfo", `{"networks":[{"access":"ro","community":"c","network":"10.0.0.0"}]}`, "networks[0].cidr"),
		biInvalid("user secLevel", "SetSnmpInfo", `{"usmUsers":[{"access":"rouser","name":"m","secLevel":"max"}]}`, "usmUsers[0].secLevel"),
		biInvalid("user short password", "SetSnmpInfo", `{"usmUsers":[{"access":"rouser","name":"m","secLevel":"auth","password":"short"}]}`, "usmUsers[0].password"),
		biInvalid("user no passphrase", "SetSnmpInfo", `{"usmUsers":[{"access":"rouser","name":"m","secLevel":"priv","password":"longenough"}]}`, "usmUsers[0].passphrase"),
		biMissing("no serverURIs", "EnableLdapAuthentication", `{"authType":"DirectBind","userDNTemplate":"uid=%USERNAME%"}`, "serverURIs"),
		biInvalid("empty serverURIs", "EnableLdapAuthentication", `{"serverURIs":[],"authType":"DirectBind","userDNTemplate":"uid=%USERNAME%"}`, "serverURIs"),
		biInvalid("http URI", "EnableLdapAuthentication", `{"serverURIs":["http://dc"],"authType":"DirectBind","userDNTemplate":"uid=%USERNAME%"}`, "serverURIs[0]"),
		biBadEnum("authType bogus", "EnableLdapAuthentication", `{"serverURIs":["ldap://dc"],"authType":"Kerberos"}`, "Kerberos", "authType"),
		biInvalid("DirectBind without template", "EnableLdapAuthentication", `{"serverURIs":["ldap://dc"],"authType":"DirectBind"}`, "userDNTemplate"),
		biInvalid("SearchAndBind without bind DN", "EnableLdapAuthentication", `{"serverURIs":["ldap://dc"]}`, "searchBindDN"),
		biBadEnum("groupSearchType bogus", "EnableLdapAuthentication", `{"serverURIs":["ldap://dc"],"groupSearchType":"All"}`, "All", "groupSearchType"),
	}
	for _, m := range []string{"AddAccount", "CreateVolume", "ListVolumes", "CreateVolumeAccessGroup", "CreateInitiators",
		"CreateSnapshot", "CreateQoSPolicy", "GetDefaultQoS", "CopyVolume", "SetDefaultQoS", "AddClusterAdmin", "SetLoginSessionInfo", "SetNtpInfo", "SetSnmpInfo", "EnableLdapAuthentication"} {
		cases = append(cases, biNotObject(m, `[]`), biNotObject(m, `"x"`))
	}
	biRunBad(t, s, cases)

	// No failing call consumed an ID.
	require.Equal(t, int64(2), apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "next"})["accountID"]))
	require.Equal(t, int64(3), apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "n", "accountID": 2, "totalSize": 1e9})["volumeID"]))
}
