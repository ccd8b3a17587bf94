package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// TestNodeMembership: a lab-made pending node is added with AddNodes, is
// pendingActive while its handle runs on the emulator clock, then joins
// with its drives available for AddDrives; RemoveNodes sends it back to
// pending; state survives a restart and goes with a reset.
func TestNodeMembership(t *testing.T) {
	s := apitest.NewServer(t)
	status, body := s.Control(http.MethodPost, "nodes", map[string]any{"name": "new-node", "drives": 4})
	require.Equal(t, http.StatusOK, status, body)
	pn := apitest.Obj(t, body, "pendingNode")
	require.Equal(t, int64(1), apitest.Int(t, pn["pendingNodeID"]))
	require.Equal(t, "new-node", pn["name"])
	require.Equal(t, "10.117.60.101", pn["mip"])
	require.Equal(t, "10.117.61.101", pn["cip"])

	all := s.OK("ListAllNodes", nil)
	require.Len(t, objs(t, all["nodes"]), 4)
	require.Len(t, objs(t, all["pendingNodes"]), 1)
	require.Empty(t, all["pendingActiveNodes"])
	require.Len(t, objs(t, s.OK("ListPendingNodes", nil)["pendingNodes"]), 1)

	s.Fail("AddNodes", map[string]any{"pendingNodes": []int{9}}, "xNodeIDDoesNotExist")
	r := s.OK("AddNodes", map[string]any{"pendingNodes": []int{1}})
	require.Equal(t, true, r["autoInstall"])
	added := objs(t, r["nodes"])
	require.Len(t, added, 1)
	require.Equal(t, int64(5), apitest.Int(t, added[0]["assignedNodeID"]))
	h := apitest.Int(t, added[0]["asyncHandle"])
	require.NotEmpty(t, added[0]["activeNodeKey"])

	// pendingActive while the handle runs; a second AddNodes of it fails.
	require.Empty(t, s.OK("ListPendingNodes", nil)["pendingNodes"])
	pa := objs(t, s.OK("ListPendingActiveNodes", nil)["pendingActiveNodes"])
	require.Len(t, pa, 1)
	require.Equal(t, h, apitest.Int(t, pa[0]["asyncHandle"]))
	s.Fail("AddNodes", map[string]any{"pendingNodes": []int{1}}, "xNodeIDDoesNotExist")
	require.Equal(t, "running", s.OK("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})["status"])
	require.Len(t, objs(t, s.OK("ListActiveNodes", nil)["nodes"]), 4)

	s.Advance(60)
	res := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h, "keepResult": true})
	require.Equal(t, "complete", res["status"], res)
	active := objs(t, s.OK("ListActiveNodes", nil)["nodes"])
	require.Len(t, active, 5)
	require.Equal(t, int64(5), apitest.Int(t, active[4]["nodeID"]))
	require.Equal(t, "new-node", active[4]["name"])
	require.Empty(t, s.OK("ListPendingActiveNodes", nil)["pendingActiveNodes"])
	var avail []int64
	for _, d := range objs(t, s.OK("ListDrives", nil)["drives"]) {
		if apitest.Int(t, d["nodeID"]) == 5 {
			require.Equal(t, "available", d["status"])
			avail = append(avail, apitest.Int(t, d["driveID"]))
		}
	}
	require.Len(t, avail, 4)

	// Drives in use refuse RemoveNodes; available drives leave with the node.
	s.Fail("RemoveNodes", map[string]any{"nodes": []int{1}}, "xNodeHasActiveDrives")
	s.Fail("RemoveNodes", map[string]any{"nodes": []int{42}}, "xNodeIDDoesNotExist")
	s.OK("RemoveNodes", map[string]any{"nodes": []int{5}})
	require.Len(t, objs(t, s.OK("ListActiveNodes", nil)["nodes"]), 4)
	back := objs(t, s.OK("ListPendingNodes", nil)["pendingNodes"])
	require.Len(t, back, 1)
	require.Equal(t, int64(2), apitest.Int(t, back[0]["pendingNodeID"]))
	require.Equal(t, "10.117.60.101", back[0]["mip"])
	for _, d := range objs(t, s.OK("ListDrives", nil)["drives"]) {
		require.NotEqual(t, int64(5), apitest.Int(t, d["nodeID"]))
	}

	// Re-adding assigns a new node ID; the state survives a restart.
	r = s.OK("AddNodes", map[string]any{"pendingNodes": []int{2}, "autoInstall": false})
	require.Equal(t, false, r["autoInstall"])
	require.Equal(t, int64(6), apitest.Int(t, objs(t, r["nodes"])[0]["assignedNodeID"]))
	s = s.Restart()
	require.Len(t, objs(t, s.OK("ListPendingActiveNodes", nil)["pendingActiveNodes"]), 1)
	s.Advance(10)
	require.Len(t, objs(t, s.OK("ListActiveNodes", nil)["nodes"]), 5)

	status, _ = s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status)
	all = s.OK("ListAllNodes", nil)
	require.Len(t, objs(t, all["nodes"]), 4)
	require.Empty(t, all["pendingNodes"])
	status, body = s.Control(http.MethodPost, "nodes", nil)
	require.Equal(t, http.StatusOK, status, body)
	require.Equal(t, int64(1), apitest.Int(t, apitest.Obj(t, body, "pendingNode")["pendingNodeID"]))
}
