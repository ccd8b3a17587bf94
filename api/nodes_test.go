package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/scaleoutsean/solidfire-go/sdk"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
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

	// The new node's available drives raise driveAvailable, its metadata
	// drive not yet in use sliceServiceUnhealthy; they go with the node.
	faultsOf := func(node int64) []string {
		var codes []string
		for _, f := range objs(t, s.OK("ListClusterFaults", map[string]any{"faultTypes": "current"})["faults"]) {
			if apitest.Int(t, f["nodeID"]) == node {
				codes = append(codes, f["code"].(string))
			}
		}
		return codes
	}
	require.ElementsMatch(t, []string{"driveAvailable", "sliceServiceUnhealthy"}, faultsOf(5))

	// Drives in use refuse RemoveNodes; available drives leave with the node.
	s.Fail("RemoveNodes", map[string]any{"nodes": []int{1}}, "xNodeHasActiveDrives")
	s.Fail("RemoveNodes", map[string]any{"nodes": []int{42}}, "xNodeIDDoesNotExist")
	s.OK("RemoveNodes", map[string]any{"nodes": []int{5}})
	require.Len(t, objs(t, s.OK("ListActiveNodes", nil)["nodes"]), 4)
	require.Empty(t, faultsOf(5))
	status, body = s.Control(http.MethodPost, "restart", map[string]any{"nodeIDs": []int{5}})
	require.Equal(t, http.StatusBadRequest, status, body)
	status, body = s.Control(http.MethodPost, "drives/insert", map[string]any{"nodeID": 5, "slot": 1})
	require.Equal(t, http.StatusBadRequest, status, body)
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

// TestNetworkConfigAndVirtualNetworks: the node listener's network
// configuration and the cluster's per-node form, virtual networks through
// their lifecycle, and both surviving a restart, carried by an emulator
// snapshot and wiped by a reset.
func TestNetworkConfigAndVirtualNetworks(t *testing.T) {
	s := apitest.NewServer(t)
	node := dvNode(t, s, "GetNetworkConfig", "")
	require.Nil(t, node.Error)
	bond1 := node.Result["network"].(map[string]any)["Bond1G"].(map[string]any)
	require.Equal(t, "10.117.60.11", bond1["address"])
	require.Equal(t, true, bond1["#default"])

	set := dvNode(t, s, "SetNetworkConfig", `{"network":{"Bond10G":{"mtu":1500,"bond-mode":"lacp","bond-lacp_rate":"Fast"},
		"Bond1G":{"dns-nameservers":"10.117.60.2 10.117.60.3","macAddress":"ignored"}}}`)
	require.Nil(t, set.Error, string(set.raw))
	bond10 := set.Result["network"].(map[string]any)["Bond10G"].(map[string]any)
	require.Equal(t, "1500", bond10["mtu"])
	require.Equal(t, "LACP", bond10["bond-mode"])
	require.Equal(t, "Fast", bond10["bond-lacp_rate"])

	cl := objs(t, s.OK("GetNetworkConfig", nil)["nodes"])
	require.Len(t, cl, 4)
	for i, n := range cl {
		require.Equal(t, int64(i+1), apitest.Int(t, n["nodeID"]))
		mtu := apitest.Obj(t, apitest.Obj(t, apitest.Obj(t, n, "result"), "network"), "Bond10G")["mtu"]
		if i == 0 {
			require.Equal(t, "1500", mtu)
		} else {
			require.Equal(t, "9000", mtu)
		}
	}

	r := s.OK("AddVirtualNetwork", map[string]any{"virtualNetworkTag": 2010, "name": "tenant-a", "netmask": "255.255.255.0",
		"svip": "10.20.0.5", "addressBlocks": []any{map[string]any{"start": "10.20.0.10", "size": 6}}, "attributes": map[string]any{"a": 1}})
	require.Equal(t, int64(1), apitest.Int(t, r["virtualNetworkID"]))
	s.OK("AddVirtualNetwork", map[string]any{"virtualNetworkTag": 2020, "name": "tenant-b", "netmask": "255.255.0.0", "namespace": true,
		"gateway": "10.40.0.1", "svip": "10.40.0.5", "addressBlocks": []any{map[string]any{"start": "10.40.1.0", "size": 256}}})
	vns := objs(t, s.OK("ListVirtualNetworks", map[string]any{"virtualNetworkTag": 2010})["virtualNetworks"])
	require.Len(t, vns, 1)
	require.Equal(t, map[string]any{"virtualNetworkID": json1(1), "virtualNetworkTag": json1(2010), "name": "tenant-a",
		"netmask": "255.255.255.0", "svip": "10.20.0.5", "gateway": "", "namespace": false, "attributes": map[string]any{"a": json1(1)},
		"addressBlocks": []any{map[string]any{"start": "10.20.0.10", "size": json1(6), "available": "000011"}}}, vns[0])
	active := objs(t, s.OK("ListActiveNodes", nil)["nodes"])
	require.Equal(t, []any{map[string]any{"address": "10.20.0.10", "virtualNetworkID": json1(1)},
		map[string]any{"address": "10.40.1.0", "virtualNetworkID": json1(2)}}, active[0]["virtualNetworks"])
	require.Equal(t, "10.20.0.13", objs(t, active[3]["virtualNetworks"])[0]["address"])
	s.OK("ModifyVirtualNetwork", map[string]any{"virtualNetworkTag": 2010, "name": "tenant-a2",
		"addressBlocks": []any{map[string]any{"start": "10.20.0.10", "size": 10}}})
	require.Len(t, objs(t, s.OK("ListVirtualNetworks", map[string]any{"virtualNetworkIDs": []int{1, 2}})["virtualNetworks"]), 2)
	s.OK("CreateVolumeAccessGroup", map[string]any{"name": "g", "virtualNetworkID": []int{1}, "virtualNetworkTags": []int{2020}})

	// Restart, snapshot, change, restore.
	s = s.Restart()
	vns = objs(t, s.OK("ListVirtualNetworks", nil)["virtualNetworks"])
	require.Len(t, vns, 2)
	require.Equal(t, "tenant-a2", vns[0]["name"])
	status, body := s.Control(http.MethodPost, "snapshot", map[string]any{"name": "nets"})
	require.Equal(t, http.StatusOK, status, body)
	s.OK("RemoveVirtualNetwork", map[string]any{"virtualNetworkID": 1})
	require.Nil(t, dvNode(t, s, "SetNetworkConfig", `{"network":{"Bond10G":{"mtu":9000}}}`).Error)
	status, body = s.Control(http.MethodPost, "restore", map[string]any{"name": "nets"})
	require.Equal(t, http.StatusOK, status, body)
	require.Len(t, objs(t, s.OK("ListVirtualNetworks", nil)["virtualNetworks"]), 2)
	got := dvNode(t, s, "GetNetworkConfig", "").Result["network"].(map[string]any)["Bond10G"].(map[string]any)
	require.Equal(t, "1500", got["mtu"])

	status, _ = s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status)
	require.Empty(t, s.OK("ListVirtualNetworks", nil)["virtualNetworks"])
	got = dvNode(t, s, "GetNetworkConfig", "").Result["network"].(map[string]any)["Bond10G"].(map[string]any)
	require.Equal(t, "9000", got["mtu"])
	require.Equal(t, int64(1), apitest.Int(t, s.OK("AddVirtualNetwork", map[string]any{"virtualNetworkTag": 2010, "name": "again",
		"netmask": "255.255.255.0", "svip": "10.20.0.5", "addressBlocks": []any{map[string]any{"start": "10.20.0.10", "size": 6}}})["virtualNetworkID"]))
}

// json1 is n as the test client decodes numbers.
func json1(n int64) json.Number { return json.Number(strconv.FormatInt(n, 10)) }

// TestSolidFireGoNodes drives membership and virtual networks through the
// unmodified solidfire-go SDK's typed client.
func TestSolidFireGoNodes(t *testing.T) {
	s := apitest.NewServer(t)
	c := sfConnect(t, s)
	ctx := context.Background()
	status, body := s.Control(http.MethodPost, "nodes", map[string]any{"nodeType": "H610S", "drives": 12})
	require.Equal(t, http.StatusOK, status, body)

	pending, err := c.ListPendingNodes(ctx)
	sfNoErr(t, err)
	require.Len(t, pending.PendingNodes, 1)
	p := pending.PendingNodes[0]
	require.Equal(t, int64(1), p.PendingNodeID)
	require.Equal(t, "H610S", p.PlatformInfo.NodeType)
	require.True(t, p.Compatible)
	sfDecodes[sdk.ListPendingNodesResult](t, c, "ListPendingNodes", nil)

	added, err := c.AddNodes(ctx, &sdk.AddNodesRequest{PendingNodes: []int64{1}, AutoInstall: true})
	sfNoErr(t, err)
	require.Len(t, added.Nodes, 1)
	require.Equal(t, int64(5), added.Nodes[0].AssignedNodeID)
	pa, err := c.ListPendingActiveNodes(ctx)
	sfNoErr(t, err)
	require.Len(t, pa.PendingActiveNodes, 1)
	require.Equal(t, added.Nodes[0].AsyncHandle, pa.PendingActiveNodes[0].AsyncHandle)
	sfDecodes[sdk.ListPendingActiveNodesResult](t, c, "ListPendingActiveNodes", nil)
	s.Advance(60)
	sfWait(t, c, added.Nodes[0].AsyncHandle)
	all, err := c.ListAllNodes(ctx)
	sfNoErr(t, err)
	require.Len(t, all.Nodes, 5)
	require.Empty(t, all.PendingNodes)
	sfDecodes[sdk.ListAllNodesResult](t, c, "ListAllNodes", nil)
	drives := 0
	for _, d := range sfListDrives(t, c) {
		if d.NodeID == 5 {
			require.Equal(t, "available", d.Status)
			drives++
		}
	}
	require.Equal(t, 12, drives)
	_, err = c.RemoveNodes(ctx, &sdk.RemoveNodesRequest{Nodes: []int64{5}})
	sfNoErr(t, err)

	vn, err := c.AddVirtualNetwork(ctx, &sdk.AddVirtualNetworkRequest{VirtualNetworkTag: 300, Name: "sdk", Netmask: "255.255.255.0",
		Svip: "10.50.0.5", AddressBlocks: []sdk.AddressBlockParams{{Start: "10.50.0.10", Size: 8}}})
	sfNoErr(t, err)
	require.Equal(t, int64(1), vn.VirtualNetworkID)
	list, err := c.ListVirtualNetworks(ctx, &sdk.ListVirtualNetworksRequest{VirtualNetworkTags: []int64{300}})
	sfNoErr(t, err)
	require.Len(t, list.VirtualNetworks, 1)
	require.Equal(t, "00001111", list.VirtualNetworks[0].AddressBlocks[0].Available)
	sfDecodes[sdk.ListVirtualNetworksResult](t, c, "ListVirtualNetworks", nil)
	_, err = c.ModifyVirtualNetwork(ctx, &sdk.ModifyVirtualNetworkRequest{VirtualNetworkID: 1, Name: "sdk2"})
	sfNoErr(t, err)
	_, err = c.RemoveVirtualNetwork(ctx, &sdk.RemoveVirtualNetworkRequest{VirtualNetworkTag: 300})
	sfNoErr(t, err)
	sfFail(t, c, "RemoveVirtualNetwork", map[string]any{"virtualNetworkTag": 300}, "xVirtualNetworkTagDoesNotExist")
}

// TestAddNodesJobFault: a job fault rule fails the AddNodes handle; the
// node goes back to pending and a second AddNodes brings it in.
func TestAddNodesJobFault(t *testing.T) {
	s := apitest.NewServer(t)
	status, body := s.Control(http.MethodPost, "nodes", nil)
	require.Equal(t, http.StatusOK, status, body)
	s.AddRule(map[string]any{"target": "job", "match": map[string]any{"resultType": "AddNodes"}, "effect": "error",
		"name": "xDBConnectionLoss", "message": "lost", "times": 1})
	h := apitest.Int(t, objs(t, s.OK("AddNodes", map[string]any{"pendingNodes": []int{1}})["nodes"])[0]["asyncHandle"])
	s.Advance(60)
	r := s.OK("GetAsyncResult", map[string]any{"asyncHandle": h})
	require.Equal(t, "complete", r["status"])
	require.Equal(t, map[string]any{"name": "xDBConnectionLoss", "message": "lost"}, r["error"])
	back := objs(t, s.OK("ListPendingNodes", nil)["pendingNodes"])
	require.Len(t, back, 1)
	require.Equal(t, int64(0), apitest.Int(t, back[0]["assignedNodeID"]))
	require.Len(t, objs(t, s.OK("ListActiveNodes", nil)["nodes"]), 4)

	r = s.OK("AddNodes", map[string]any{"pendingNodes": []int{1}, "autoInstall": false})
	require.Equal(t, int64(6), apitest.Int(t, objs(t, r["nodes"])[0]["assignedNodeID"]), "node IDs are never reused")
	s.Advance(10)
	require.Len(t, objs(t, s.OK("ListActiveNodes", nil)["nodes"]), 5)
}

// TestNodesBootstrap: before CreateCluster there is no cluster to add a
// node to (409); the configured nodes CreateCluster leaves out wait as
// pending nodes, and AddNodes brings one in with the next node ID.
func TestNodesBootstrap(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) { c.Cluster.Bootstrap = true }))
	s.User, s.Pass = "anyone", "anything"
	status, body := s.Control(http.MethodPost, "nodes", nil)
	require.Equal(t, http.StatusConflict, status, body)
	require.Empty(t, s.OK("CreateCluster", map[string]any{"mvip": "10.1.0.10", "svip": "10.1.1.10", "username": "ops",
		"password": "pw", "nodes": []string{"10.117.61.11", "10.117.61.12", "10.117.61.13"}, "acceptEula": true}))
	s.User, s.Pass = "ops", "pw"
	all := s.OK("ListAllNodes", nil)
	require.Len(t, objs(t, all["nodes"]), 3)
	pending := objs(t, all["pendingNodes"])
	require.Len(t, pending, 1)
	require.Equal(t, "10.117.61.14", pending[0]["cip"])
	require.Equal(t, "emu-node-4", pending[0]["name"])
	r := s.OK("AddNodes", map[string]any{"pendingNodes": []any{pending[0]["pendingNodeID"]}})
	require.Equal(t, int64(4), apitest.Int(t, objs(t, r["nodes"])[0]["assignedNodeID"]))
	s.Advance(60)
	require.Len(t, objs(t, s.OK("ListActiveNodes", nil)["nodes"]), 4)
}

// TestSolidFireGoNetworkConfig reads and changes a node's network
// configuration through the solidfire-go SDK's typed client on the node
// listener, and reads the result back strictly.
func TestSolidFireGoNetworkConfig(t *testing.T) {
	s := apitest.NewServer(t)
	var c sdk.SFClient
	require.Nil(t, c.Connect(context.Background(), strings.TrimPrefix(s.NodeURL, "https://"), s.Version, s.User, s.Pass))
	ctx := context.Background()
	got, err := c.GetNetworkConfig(ctx, &sdk.GetNetworkConfigRequest{})
	sfNoErr(t, err)
	require.Equal(t, "10.117.60.11", got.Network.Bond1G.Address)
	require.Equal(t, "9000", got.Network.Bond10G.Mtu)
	require.Equal(t, "Bond10G", got.Network.Eth2.Bond_master)
	set, err := c.SetNetworkConfig(ctx, &sdk.SetNetworkConfigRequest{Network: sdk.NetworkParams{
		Bond10G: sdk.NetworkConfigParams{Mtu: "1500", Bond_mode: "ALB", Address: "10.117.61.11", Netmask: "255.255.255.0"}}})
	sfNoErr(t, err)
	require.Equal(t, "1500", set.Network.Bond10G.Mtu)
	require.Equal(t, "ALB", set.Network.Bond10G.Bond_mode)
	strict := sfDecodes[sdk.GetNetworkConfigResult](t, &c, "GetNetworkConfig", nil)
	require.Equal(t, "1500", strict.Network.Bond10G.Mtu)
	sfFail(t, &c, "SetNetworkConfig", map[string]any{"network": map[string]any{"Bond10G": map[string]any{"mtu": "100"}}}, "xInvalidParameter")
}

// TestNodesSnapshotRestore: an emulator snapshot carries the pending
// nodes; restoring it undoes a later AddNodes.
func TestNodesSnapshotRestore(t *testing.T) {
	s := apitest.NewServer(t)
	status, body := s.Control(http.MethodPost, "nodes", nil)
	require.Equal(t, http.StatusOK, status, body)
	status, body = s.Control(http.MethodPost, "snapshot", map[string]any{"name": "pending"})
	require.Equal(t, http.StatusOK, status, body)
	s.OK("AddNodes", map[string]any{"pendingNodes": []int{1}})
	s.Advance(60)
	require.Len(t, objs(t, s.OK("ListActiveNodes", nil)["nodes"]), 5)
	status, body = s.Control(http.MethodPost, "restore", map[string]any{"name": "pending"})
	require.Equal(t, http.StatusOK, status, body)
	all := s.OK("ListAllNodes", nil)
	require.Len(t, objs(t, all["nodes"]), 4)
	require.Len(t, objs(t, all["pendingNodes"]), 1)
	r := s.OK("AddNodes", map[string]any{"pendingNodes": []int{1}})
	require.Equal(t, int64(5), apitest.Int(t, objs(t, r["nodes"])[0]["assignedNodeID"]), "the counters came back too")
}
