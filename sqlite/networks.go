package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/element-emulator/element-emulator/networks"
	"github.com/element-emulator/element-emulator/nodes"
)

var _ networks.Store = (*Store)(nil)

// nodeTables are wiped with the cluster (cluster.go, Wipe).
var nodeTables = []string{"pending_nodes", "virtual_networks", "node_network_config"}

// ntx is a networks-domain transaction.
type ntx struct{ tx *sql.Tx }

// UpdateNetworks implements networks.Store.
func (s *Store) UpdateNetworks(ctx context.Context, fn func(networks.Tx) error) error {
	return s.inTx(ctx, false, func(t *sql.Tx) error { return fn(ntx{tx: t}) })
}

// ViewNetworks implements networks.Store.
func (s *Store) ViewNetworks(ctx context.Context, fn func(networks.Tx) error) error {
	return s.inTx(ctx, true, func(t *sql.Tx) error { return fn(ntx{tx: t}) })
}

func (t ntx) NextVirtualNetworkID(ctx context.Context) (int64, error) {
	return nextCounter(ctx, t.tx, "virtualNetwork")
}

func nextCounter(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO counters (name, last) VALUES (?, 1)
		ON CONFLICT(name) DO UPDATE SET last = last + 1 RETURNING last`, name).Scan(&id)
	return id, err
}

func (t ntx) VirtualNetworks(ctx context.Context) ([]networks.VirtualNetwork, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT doc FROM virtual_networks ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []networks.VirtualNetwork
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		var v networks.VirtualNetwork
		if err := json.Unmarshal([]byte(d), &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (t ntx) PutVirtualNetwork(ctx context.Context, v networks.VirtualNetwork) error {
	d, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO virtual_networks (id, tag, doc) VALUES (?, ?, ?)`, v.ID, v.Tag, string(d))
	return err
}

func (t ntx) DeleteVirtualNetwork(ctx context.Context, id int64) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM virtual_networks WHERE id = ?`, id)
	return err
}

func (t ntx) NetworkConfig(ctx context.Context, nodeID int64) (networks.Config, bool, error) {
	var d string
	err := t.tx.QueryRowContext(ctx, `SELECT doc FROM node_network_config WHERE node_id = ?`, nodeID).Scan(&d)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var c networks.Config
	return c, true, json.Unmarshal([]byte(d), &c)
}

func (t ntx) PutNetworkConfig(ctx context.Context, nodeID int64, c networks.Config) error {
	if c == nil {
		_, err := t.tx.ExecContext(ctx, `DELETE FROM node_network_config WHERE node_id = ?`, nodeID)
		return err
	}
	d, err := json.Marshal(c)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO node_network_config (node_id, doc) VALUES (?, ?)`, nodeID, string(d))
	return err
}

// Pending nodes are part of the cluster transaction (cluster.Tx).

func (t *tx) PendingNodes(ctx context.Context) ([]nodes.Node, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT doc FROM pending_nodes ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []nodes.Node
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		var n nodes.Node
		if err := json.Unmarshal([]byte(d), &n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (t *tx) PutPendingNode(ctx context.Context, n nodes.Node) error {
	d, err := json.Marshal(n)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO pending_nodes (id, doc) VALUES (?, ?)`, n.PendingNodeID, string(d))
	return err
}

func (t *tx) DeletePendingNode(ctx context.Context, id int64) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM pending_nodes WHERE id = ?`, id)
	return err
}
