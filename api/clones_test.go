package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// TestStorageCopyAndCancelClone: CopyVolume onto a volume of the same size
// runs an async job; CancelClone stops a running clone (its volume and its
// handle go) or copy (the destination stays), and refuses a finished one.
func TestStorageCopyAndCancelClone(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "copier"})["accountID"])
	src := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "src", "accountID": acct, "totalSize": 1e9})["volumeID"])
	dst := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "dst", "accountID": acct, "totalSize": 1e9,
		"qos": map[string]any{"minIOPS": 500}})["volumeID"])
	big := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "big", "accountID": acct, "totalSize": 2e9})["volumeID"])

	s.Fail("CopyVolume", map[string]any{"volumeID": src, "dstVolumeID": big}, "xInvalidParameter")
	s.Fail("CopyVolume", map[string]any{"volumeID": src, "dstVolumeID": 999}, "xVolumeIDDoesNotExist")
	c := s.OK("CopyVolume", map[string]any{"volumeID": src, "dstVolumeID": dst})
	require.ElementsMatch(t, []string{"cloneID", "asyncHandle"}, keys(c))
	h := apitest.Int(t, c["asyncHandle"])
	ar := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
	require.Equal(t, "running", ar["status"])
	s.Advance(2)
	ar = s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})
	require.Equal(t, "complete", ar["status"])
	require.Equal(t, dst, apitest.Int(t, apitest.Obj(t, ar, "result")["volumeID"]))
	// The destination keeps its own attributes.
	v := objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{dst}})["volumes"])[0]
	require.Equal(t, "dst", v["name"])
	require.Equal(t, int64(500), apitest.Int(t, apitest.Obj(t, v, "qos")["minIOPS"]))
	s.Fail("CancelClone", map[string]any{"cloneID": apitest.Int(t, c["cloneID"])}, "xAPINotPermitted")

	// A running clone is cancelled: the handle and the new volume go.
	cl := s.OK("CloneVolume", map[string]any{"volumeID": src, "name": "doomed"})
	s.OK("CancelClone", map[string]any{"cloneID": apitest.Int(t, cl["cloneID"])})
	s.Fail("GetAsyncResult", map[string]any{"asyncHandle": apitest.Int(t, cl["asyncHandle"])}, "xAsyncHandleDoesNotExist")
	require.Empty(t, objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{apitest.Int(t, cl["volumeID"])}})["volumes"]))
	s.Fail("CancelClone", map[string]any{"cloneID": apitest.Int(t, cl["cloneID"])}, "xInvalidParameter")

	// A running copy is cancelled: the destination stays.
	c = s.OK("CopyVolume", map[string]any{"volumeID": src, "dstVolumeID": dst})
	s.OK("CancelClone", map[string]any{"cloneID": apitest.Int(t, c["cloneID"])})
	require.Len(t, objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{dst}})["volumes"]), 1)
	s.Advance(2)
	s.Fail("GetAsyncResult", map[string]any{"asyncHandle": apitest.Int(t, c["asyncHandle"])}, "xAsyncHandleDoesNotExist")
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestStorageDefaultQoSAndStatsByAccount: SetDefaultQoS changes what new
// volumes get, survives a restart and is wiped by reset; the statistics
// by account sum each account's volumes.
func TestStorageDefaultQoSAndStatsByAccount(t *testing.T) {
	s := apitest.NewServer(t)
	r := s.OK("SetDefaultQoS", map[string]any{"minIOPS": 100, "maxIOPS": 2000})
	require.Equal(t, []int64{100, 2000, 15000}, []int64{apitest.Int(t, r["minIOPS"]), apitest.Int(t, r["maxIOPS"]), apitest.Int(t, r["burstIOPS"])})
	require.Len(t, r, 3)
	s.Fail("SetDefaultQoS", map[string]any{"minIOPS": 5000}, "xInvalidParameter")
	require.Equal(t, int64(100), apitest.Int(t, s.OK("GetDefaultQoS", nil)["minIOPS"]))
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "stats"})["accountID"])
	other := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "idle"})["accountID"])
	v := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "a", "accountID": acct, "totalSize": 1e9})["volumeID"])
	s.OK("CreateVolume", map[string]any{"name": "b", "accountID": acct, "totalSize": 1e9})
	vol := objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{v}})["volumes"])[0]
	require.Equal(t, int64(2000), apitest.Int(t, apitest.Obj(t, vol, "qos")["maxIOPS"]))

	st := objs(t, s.OK("ListVolumeStatsByAccount", nil)["volumeStats"])
	require.Len(t, st, 2)
	require.Equal(t, acct, apitest.Int(t, st[0]["accountID"]))
	require.Equal(t, int64(0), apitest.Int(t, st[0]["volumeID"]))
	require.Equal(t, int64(2*1000341504), apitest.Int(t, st[0]["volumeSize"]))
	require.Equal(t, int64(0), apitest.Int(t, st[1]["volumeSize"]))
	only := objs(t, s.OK("ListVolumeStatsByAccount", map[string]any{"accounts": []int64{other}})["volumeStats"])
	require.Len(t, only, 1)
	require.Equal(t, other, apitest.Int(t, only[0]["accountID"]))
	s.Fail("ListVolumeStatsByAccount", map[string]any{"accounts": []int64{999}}, "xUnknownAccount")

	s = s.Restart()
	require.Equal(t, int64(2000), apitest.Int(t, s.OK("GetDefaultQoS", nil)["maxIOPS"]))
	status, body := s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status, body)
	require.Equal(t, int64(15000), apitest.Int(t, s.OK("GetDefaultQoS", nil)["maxIOPS"]))
}
