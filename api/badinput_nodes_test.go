package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// Bad-input tables for node membership, network configuration and virtual
// networks (docs/nodes.md): every parameter missing, of the wrong type,
// out of range or naming nothing gets its documented error, and the whole
// observable state (biSnapshot plus the node, drive, network views) does
// not move.

// nbFixture: pending node 1 and virtual network 1 (tag 2010).
func nbFixture(t *testing.T) *apitest.Server {
	s := apitest.NewServer(t)
	status, body := s.Control(http.MethodPost, "nodes", map[string]any{"name": "spare"})
	require.Equal(t, http.StatusOK, status, body)
	s.OK("AddVirtualNetwork", map[string]any{"virtualNetworkTag": 2010, "name": "tenant-a", "netmask": "255.255.255.0",
		"svip": "10.20.0.5", "addressBlocks": []any{map[string]any{"start": "10.20.0.10", "size": 8}}})
	return s
}

func nbSnapshot(t *testing.T, s *apitest.Server) map[string]any {
	t.Helper()
	snap := biSnapshot(t, s)
	for _, m := range []string{"ListAllNodes", "ListPendingActiveNodes", "ListVirtualNetworks", "GetNetworkConfig", "ListDrives"} {
		snap[m] = biOK(t, s, m, "")
	}
	snap["node GetNetworkConfig"] = dvNode(t, s, "GetNetworkConfig", "").Result
	return snap
}

func nbRunBad(t *testing.T, s *apitest.Server, via dvVia, cases []biBadCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.err+"/"+c.method+"/"+c.name, func(t *testing.T) {
			before := nbSnapshot(t, s)
			biRequireError(t, via(t, s, c.method, c.params), c)
			biRequireSameState(t, before, nbSnapshot(t, s), "a failing "+c.method)
		})
	}
}

func TestBadInputNodes(t *testing.T) {
	s := nbFixture(t)
	vn := `"netmask":"255.255.255.0","svip":"10.30.0.5","addressBlocks":[{"start":"10.30.0.10","size":4}]`
	nbRunBad(t, s, dvCluster, []biBadCase{
		// AddNodes
		biMissing("no pendingNodes", "AddNodes", `{}`, "pendingNodes"),
		biWrongType("pendingNodes string", "AddNodes", `{"pendingNodes":"1"}`, "pendingNodes"),
		biInvalid("pendingNodes empty", "AddNodes", `{"pendingNodes":[]}`, "pendingNodes"),
		biWrongType("autoInstall string", "AddNodes", `{"pendingNodes":[1],"autoInstall":"maybe"}`, "autoInstall"),
		{"unknown pending node", "AddNodes", `{"pendingNodes":[99]}`, "xNodeIDDoesNotExist", "PendingNodeID 99 does not exist.", biExact, ""},
		{"one unknown of two", "AddNodes", `{"pendingNodes":[1,99]}`, "xNodeIDDoesNotExist", "PendingNodeID 99 does not exist.", biExact, ""},
		{"active node ID", "AddNodes", `{"pendingNodes":[2]}`, "xNodeIDDoesNotExist", "PendingNodeID 2 does not exist.", biExact, ""},
		// RemoveNodes
		biMissing("no nodes", "RemoveNodes", `{}`, "nodes"),
		biWrongType("nodes string", "RemoveNodes", `{"nodes":"1"}`, "nodes"),
		biInvalid("nodes empty", "RemoveNodes", `{"nodes":[]}`, "nodes"),
		biWrongType("ignoreEnsembleToleranceChange string", "RemoveNodes", `{"nodes":[1],"ignoreEnsembleToleranceChange":"x"}`,
			"ignoreEnsembleToleranceChange"),
		{"unknown node", "RemoveNodes", `{"nodes":[99]}`, "xNodeIDDoesNotExist", "NodeID 99 does not exist.", biExact, ""},
		{"pending node", "RemoveNodes", `{"nodes":[5]}`, "xNodeIDDoesNotExist", "NodeID 5 does not exist.", biExact, ""},
		{"active drives", "RemoveNodes", `{"nodes":[1]}`, "xNodeHasActiveDrives", "Node 1 has 10 drive(s) in use", biPrefix, ""},
		// SetNetworkConfig is served by the node listener only.
		biErr("on the cluster listener", "SetNetworkConfig", `{"network":{"Bond1G":{"mtu":1500}}}`, "xUnknownAPIMethod"),
		// AddVirtualNetwork
		biMissing("no virtualNetworkTag", "AddVirtualNetwork", `{"name":"n",`+vn+`}`, "virtualNetworkTag"),
		biMissing("no name", "AddVirtualNetwork", `{"virtualNetworkTag":7,`+vn+`}`, "name"),
		biMissing("no addressBlocks", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","netmask":"255.255.255.0","svip":"10.30.0.5"}`,
			"addressBlocks"),
		biMissing("no netmask", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","svip":"10.30.0.5","addressBlocks":[{"start":"10.30.0.10","size":4}]}`,
			"netmask"),
		biMissing("no svip", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","netmask":"255.255.255.0","addressBlocks":[{"start":"10.30.0.10","size":4}]}`,
			"svip"),
		biWrongType("tag string", "AddVirtualNetwork", `{"virtualNetworkTag":"seven","name":"n",`+vn+`}`, "virtualNetworkTag"),
		biInvalid("tag 0", "AddVirtualNetwork", `{"virtualNetworkTag":0,"name":"n",`+vn+`}`, "virtualNetworkTag"),
		biInvalid("tag 4095", "AddVirtualNetwork", `{"virtualNetworkTag":4095,"name":"n",`+vn+`}`, "virtualNetworkTag"),
		biErr("tag taken", "AddVirtualNetwork", `{"virtualNetworkTag":2010,"name":"n",`+vn+`}`, "xVirtualNetworkTagAlreadyExists"),
		biInvalid("name empty", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"",`+vn+`}`, "name"),
		biInvalid("addressBlocks empty", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","netmask":"255.255.255.0","svip":"10.30.0.5","addressBlocks":[]}`,
			"addressBlocks"),
		{"block without start", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","netmask":"255.255.255.0","svip":"10.30.0.5","addressBlocks":[{"size":4}]}`,
			"xMissingParameter", "start]", biContains, ""},
		{"block size string", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","netmask":"255.255.255.0","svip":"10.30.0.5","addressBlocks":[{"start":"10.30.0.10","size":"four"}]}`,
			"xInvalidParameterType", "size]", biContains, ""},
		biInvalid("block outside the subnet", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","netmask":"255.255.255.0","svip":"10.30.0.5","addressBlocks":[{"start":"10.30.1.10","size":4}]}`,
			"addressBlocks[0]"),
		biInvalid("block size 0", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","netmask":"255.255.255.0","svip":"10.30.0.5","addressBlocks":[{"start":"10.30.0.10","size":0}]}`,
			"addressBlocks[0].size"),
		biInvalid("netmask holes", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","netmask":"255.0.255.0","svip":"10.30.0.5","addressBlocks":[{"start":"10.30.0.10","size":4}]}`,
			"netmask"),
		biInvalid("svip in a block", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","netmask":"255.255.255.0","svip":"10.30.0.11","addressBlocks":[{"start":"10.30.0.10","size":4}]}`,
			"svip"),
		biInvalid("gateway without namespace", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","gateway":"10.30.0.1",`+vn+`}`, "gateway"),
		biWrongType("namespace string", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","namespace":"x",`+vn+`}`, "namespace"),
		biWrongType("attributes array", "AddVirtualNetwork", `{"virtualNetworkTag":7,"name":"n","attributes":[],`+vn+`}`, "attributes"),
		// ModifyVirtualNetwork
		biInvalid("neither ID nor tag", "ModifyVirtualNetwork", `{"name":"x"}`, "virtualNetworkID"),
		biInvalid("both ID and tag", "ModifyVirtualNetwork", `{"virtualNetworkID":1,"virtualNetworkTag":2010,"name":"x"}`, "virtualNetworkID"),
		biWrongType("ID string", "ModifyVirtualNetwork", `{"virtualNetworkID":"one"}`, "virtualNetworkID"),
		{"unknown ID", "ModifyVirtualNetwork", `{"virtualNetworkID":9,"name":"x"}`, "xVirtualNetworkIDDoesNotExist", "VirtualNetworkID 9 does not exist.", biExact, ""},
		{"unknown tag", "ModifyVirtualNetwork", `{"virtualNetworkTag":9,"name":"x"}`, "xVirtualNetworkTagDoesNotExist", "VirtualNetworkTag 9 does not exist.", biExact, ""},
		biInvalid("block shrinks", "ModifyVirtualNetwork", `{"virtualNetworkID":1,"addressBlocks":[{"start":"10.20.0.10","size":2}]}`, "addressBlocks"),
		biInvalid("block dropped", "ModifyVirtualNetwork", `{"virtualNetworkID":1,"addressBlocks":[{"start":"10.20.0.100","size":8}]}`, "addressBlocks"),
		biInvalid("name empty", "ModifyVirtualNetwork", `{"virtualNetworkID":1,"name":""}`, "name"),
		biInvalid("svip off the subnet", "ModifyVirtualNetwork", `{"virtualNetworkID":1,"svip":"10.21.0.5"}`, "addressBlocks[0]"),
		biInvalid("gateway without namespace", "ModifyVirtualNetwork", `{"virtualNetworkID":1,"gateway":"10.20.0.1"}`, "gateway"),
		// ListVirtualNetworks
		biWrongType("IDs string", "ListVirtualNetworks", `{"virtualNetworkIDs":"1"}`, "virtualNetworkIDs"),
		biWrongType("tag string", "ListVirtualNetworks", `{"virtualNetworkTag":"x"}`, "virtualNetworkTag"),
		// RemoveVirtualNetwork
		biInvalid("neither", "RemoveVirtualNetwork", `{}`, "virtualNetworkID"),
		biInvalid("both", "RemoveVirtualNetwork", `{"virtualNetworkID":1,"virtualNetworkTag":2010}`, "virtualNetworkID"),
		biWrongType("tag string", "RemoveVirtualNetwork", `{"virtualNetworkTag":"x"}`, "virtualNetworkTag"),
		{"unknown ID", "RemoveVirtualNetwork", `{"virtualNetworkID":9}`, "xVirtualNetworkIDDoesNotExist", "VirtualNetworkID 9 does not exist.", biExact, ""},
		{"unknown tag", "RemoveVirtualNetwork", `{"virtualNetworkTag":9}`, "xVirtualNetworkTagDoesNotExist", "VirtualNetworkTag 9 does not exist.", biExact, ""},
		// CreateVolumeAccessGroup's references
		{"unknown virtual network", "CreateVolumeAccessGroup", `{"name":"g","virtualNetworkID":[9]}`, "xVirtualNetworkIDDoesNotExist",
			"VirtualNetworkID 9 does not exist.", biExact, ""},
		{"unknown virtual network tag", "CreateVolumeAccessGroup", `{"name":"g","virtualNetworkTags":[2010,7]}`, "xVirtualNetworkTagDoesNotExist",
			"VirtualNetworkTag 7 does not exist.", biExact, ""},
	})

	nbRunBad(t, s, dvNode, []biBadCase{
		biMissing("no network", "SetNetworkConfig", `{}`, "network"),
		biWrongType("network string", "SetNetworkConfig", `{"network":"x"}`, "network"),
		biInvalid("network empty", "SetNetworkConfig", `{"network":{}}`, "network"),
		biInvalid("eth0", "SetNetworkConfig", `{"network":{"eth0":{"mtu":1500}}}`, "network.eth0"),
		biInvalid("interface not an object", "SetNetworkConfig", `{"network":{"Bond1G":7}}`, "network.Bond1G"),
		biInvalid("unknown member", "SetNetworkConfig", `{"network":{"Bond1G":{"speed":"fast"}}}`, "network.Bond1G.speed"),
		biInvalid("address", "SetNetworkConfig", `{"network":{"Bond1G":{"address":"10.117.60.256"}}}`, "network.Bond1G.address"),
		biInvalid("broadcast address", "SetNetworkConfig", `{"network":{"Bond1G":{"address":"10.117.60.255"}}}`, "network.Bond1G.address"),
		biInvalid("netmask", "SetNetworkConfig", `{"network":{"Bond1G":{"netmask":"255.255.0.255"}}}`, "network.Bond1G.netmask"),
		biInvalid("gateway off the subnet", "SetNetworkConfig", `{"network":{"Bond1G":{"gateway":"10.1.1.1"}}}`, "network.Bond1G.gateway"),
		biInvalid("mtu low", "SetNetworkConfig", `{"network":{"Bond10G":{"mtu":576}}}`, "network.Bond10G.mtu"),
		biInvalid("mtu high", "SetNetworkConfig", `{"network":{"Bond10G":{"mtu":"9216"}}}`, "network.Bond10G.mtu"),
		biInvalid("bond-mode", "SetNetworkConfig", `{"network":{"Bond10G":{"bond-mode":"BalanceRR"}}}`, "network.Bond10G.bond-mode"),
		biInvalid("bond-lacp_rate", "SetNetworkConfig", `{"network":{"Bond10G":{"bond-lacp_rate":"Never"}}}`, "network.Bond10G.bond-lacp_rate"),
		biInvalid("dns-nameservers", "SetNetworkConfig", `{"network":{"Bond1G":{"dns-nameservers":"dns.example"}}}`, "network.Bond1G.dns-nameservers"),
		biInvalid("same subnet", "SetNetworkConfig", `{"network":{"Bond10G":{"address":"10.117.60.50"}}}`, "network.Bond10G.address"),
		biInvalid("valid bond then bad", "SetNetworkConfig", `{"network":{"Bond10G":{"mtu":1500},"Bond1G":{"mtu":1}}}`, "network.Bond1G.mtu"),
	})

	// The lab control refuses bad nodes with 400 and changes nothing.
	for _, body := range []map[string]any{{"drives": 1}, {"nodeType": "SF1"}, {"mip": "10.117.60.11"}, {"cip": "nope"},
		{"name": "bad name"}, {"driveSize": 5}} {
		before := nbSnapshot(t, s)
		status, out := s.Control(http.MethodPost, "nodes", body)
		require.Equal(t, http.StatusBadRequest, status, "%v: %v", body, out)
		biRequireSameState(t, before, nbSnapshot(t, s), "a refused POST /_emulator/nodes")
	}
}
