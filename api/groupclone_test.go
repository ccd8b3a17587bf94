package api_test

import (
	"context"
	"testing"

	"github.com/scaleoutsean/solidfire-go/sdk"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// TestCloneMultipleVolumes: a group clone makes every new volume at once
// with one async handle, from the live volumes or from a group snapshot,
// inheriting or overriding name, account, size and access; bad input
// changes nothing; CancelGroupClone removes a running group's volumes and
// handle and refuses a finished or unknown one.
func TestCloneMultipleVolumes(t *testing.T) {
	s := apitest.NewServer(t)
	acct := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "grp"})["accountID"])
	other := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "other"})["accountID"])
	a := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "a", "accountID": acct, "totalSize": 1e9})["volumeID"])
	b := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "b", "accountID": acct, "totalSize": 2e9, "access": "readOnly"})["volumeID"])
	count := func() int { return len(objs(t, s.OK("ListVolumes", nil)["volumes"])) }
	before := count()

	// Bad input: nothing changes.
	s.Fail("CloneMultipleVolumes", map[string]any{"volumes": []any{}}, "xInvalidParameter")
	s.Fail("CloneMultipleVolumes", map[string]any{"volumes": []any{map[string]any{"volumeID": a}, map[string]any{"volumeID": a}}}, "xInvalidParameter")
	s.Fail("CloneMultipleVolumes", map[string]any{"volumes": []any{map[string]any{"volumeID": a}, map[string]any{"volumeID": 999}}}, "xVolumeIDDoesNotExist")
	s.Fail("CloneMultipleVolumes", map[string]any{"volumes": []any{map[string]any{"volumeID": a}}, "newAccountID": 999}, "xUnknownAccount")
	s.Fail("CloneMultipleVolumes", map[string]any{"volumes": []any{map[string]any{"volumeID": a, "newAccountID": 999}}}, "xUnknownAccount")
	s.Fail("CloneMultipleVolumes", map[string]any{"volumes": []any{map[string]any{"volumeID": a}}, "access": "open"}, "xUnrecognizedEnumString")
	s.Fail("CloneMultipleVolumes", map[string]any{"volumes": []any{map[string]any{"volumeID": a}}, "groupSnapshotID": 77}, "xGroupSnapshotIDDoesNotExist")
	s.Fail("CloneMultipleVolumes", map[string]any{"volumes": []any{map[string]any{"volumeID": a, "newSize": 1}}}, "xInvalidParameter")
	s.Fail("CloneMultipleVolumes", map[string]any{}, "xMissingParameter")
	require.Equal(t, before, count())

	g := s.OK("CloneMultipleVolumes", map[string]any{"access": "locked", "newAccountID": other, "volumes": []any{
		map[string]any{"volumeID": a, "name": "a-clone", "newSize": 3e9, "attributes": map[string]any{"k": "v"}},
		map[string]any{"volumeID": b, "access": "readWrite", "newAccountID": acct},
	}})
	require.ElementsMatch(t, []string{"asyncHandle", "groupCloneID", "members"}, keys(g))
	ms := objs(t, g["members"])
	require.Len(t, ms, 2)
	require.Equal(t, a, apitest.Int(t, ms[0]["srcVolumeID"]))
	require.Equal(t, b, apitest.Int(t, ms[1]["srcVolumeID"]))
	ac, bc := apitest.Int(t, ms[0]["volumeID"]), apitest.Int(t, ms[1]["volumeID"])
	vs := objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{ac, bc}})["volumes"])
	require.Len(t, vs, 2)
	require.Equal(t, "a-clone", vs[0]["name"])
	require.Equal(t, other, apitest.Int(t, vs[0]["accountID"]))
	require.Equal(t, "locked", vs[0]["access"])
	require.Equal(t, int64(3001024512), apitest.Int(t, vs[0]["totalSize"]))
	require.Equal(t, "v", apitest.Obj(t, vs[0], "attributes")["k"])
	require.Equal(t, "b", vs[1]["name"])
	require.Equal(t, acct, apitest.Int(t, vs[1]["accountID"]))
	require.Equal(t, "readWrite", vs[1]["access"])

	h := apitest.Int(t, g["asyncHandle"])
	require.Equal(t, "running", s.OK("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})["status"])
	s.Advance(2)
	ar := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
	require.Equal(t, "complete", ar["status"])
	res := apitest.Obj(t, ar, "result")
	require.Equal(t, apitest.Int(t, g["groupCloneID"]), apitest.Int(t, res["groupCloneID"]))
	require.Len(t, objs(t, res["members"]), 2)
	s.Fail("CancelGroupClone", map[string]any{"groupCloneID": apitest.Int(t, g["groupCloneID"])}, "xAPINotPermitted")
	s.Fail("CancelGroupClone", map[string]any{"groupCloneID": 999}, "xInvalidParameter")

	// From a group snapshot: the sizes are the snapshot's; a volume outside
	// it is refused.
	gs := s.OK("CreateGroupSnapshot", map[string]any{"volumes": []int64{a, b}})
	gsID := apitest.Int(t, gs["groupSnapshotID"])
	s.OK("ModifyVolume", map[string]any{"volumeID": a, "totalSize": 4e9})
	s.Fail("CloneMultipleVolumes", map[string]any{"groupSnapshotID": gsID, "volumes": []any{map[string]any{"volumeID": ac}}}, "xInvalidParameter")
	g2 := s.OK("CloneMultipleVolumes", map[string]any{"groupSnapshotID": gsID, "volumes": []any{map[string]any{"volumeID": a}}})
	nv := apitest.Int(t, objs(t, g2["members"])[0]["volumeID"])
	v := objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{nv}})["volumes"])[0]
	require.Equal(t, int64(1000341504), apitest.Int(t, v["totalSize"]))

	// A running group clone is cancelled: its volumes and handle go.
	s.OK("CancelGroupClone", map[string]any{"groupCloneID": apitest.Int(t, g2["groupCloneID"])})
	require.Empty(t, objs(t, s.OK("ListVolumes", map[string]any{"volumeIDs": []int64{nv}})["volumes"]))
	s.Fail("GetAsyncResult", map[string]any{"asyncHandle": apitest.Int(t, g2["asyncHandle"])}, "xAsyncHandleDoesNotExist")
	s.Fail("CancelGroupClone", map[string]any{"groupCloneID": apitest.Int(t, g2["groupCloneID"])}, "xInvalidParameter")
}

// TestSolidFireGoGroupClone: CloneMultipleVolumes and CancelGroupClone
// through the solidfire-go SDK's typed client; the answer decodes into its
// types and an admin with only `read` access is refused by its client.
func TestSolidFireGoGroupClone(t *testing.T) {
	s := apitest.NewServer(t)
	c := sfConnect(t, s)
	ctx := context.Background()
	acct, err := c.AddAccount(ctx, &sdk.AddAccountRequest{Username: "sdk-grp"})
	sfNoErr(t, err)
	a, err := c.CreateVolume(ctx, &sdk.CreateVolumeRequest{Name: "a", AccountID: acct.AccountID, TotalSize: 1 << 30})
	sfNoErr(t, err)
	b, err := c.CreateVolume(ctx, &sdk.CreateVolumeRequest{Name: "b", AccountID: acct.AccountID, TotalSize: 1 << 30})
	sfNoErr(t, err)
	g, err := c.CloneMultipleVolumes(ctx, &sdk.CloneMultipleVolumesRequest{Access: "readOnly",
		Volumes: []sdk.CloneMultipleVolumeParams{{VolumeID: a.VolumeID, Name: "a-c"}, {VolumeID: b.VolumeID}}})
	sfNoErr(t, err)
	require.Positive(t, g.AsyncHandle)
	require.Len(t, g.Members, 2)
	require.Equal(t, a.VolumeID, g.Members[0].SrcVolumeID)
	require.Equal(t, b.VolumeID, g.Members[1].SrcVolumeID)
	_, err = c.CancelGroupClone(ctx, &sdk.CancelGroupCloneRequest{GroupCloneID: g.GroupCloneID})
	sfNoErr(t, err)

	_, err = c.AddClusterAdmin(ctx, &sdk.AddClusterAdminRequest{Username: "viewer", Password: "viewer-pass", Access: []string{"read"}, AcceptEula: true})
	sfNoErr(t, err)
	v := sfConnect(t, as(s, "viewer", "viewer-pass"))
	_, err = v.ListVolumes(ctx, &sdk.ListVolumesRequest{})
	sfNoErr(t, err)
	_, err = v.CloneMultipleVolumes(ctx, &sdk.CloneMultipleVolumesRequest{Volumes: []sdk.CloneMultipleVolumeParams{{VolumeID: a.VolumeID}}})
	require.NotNil(t, err)
	require.Contains(t, err.Error(), "Permission denied")
}
