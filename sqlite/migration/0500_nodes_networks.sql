-- Node membership and networks (docs/nodes.md): pending and pendingActive
-- nodes (doc is the node as JSON), virtual networks (doc as JSON, tag
-- unique), and the network configuration a node was given with
-- SetNetworkConfig (a node without a row has its default one). A reset
-- deletes every row; emulator snapshots carry them with the database.
CREATE TABLE pending_nodes (
	id  INTEGER PRIMARY KEY,
	doc TEXT NOT NULL
);

CREATE TABLE virtual_networks (
	id  INTEGER PRIMARY KEY,
	tag INTEGER NOT NULL UNIQUE,
	doc TEXT NOT NULL
);

CREATE TABLE node_network_config (
	node_id INTEGER PRIMARY KEY,
	doc     TEXT NOT NULL
);
