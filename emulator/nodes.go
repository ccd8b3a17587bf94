package emulator

import (
	"context"

	"github.com/element-emulator/element-emulator/networks"
)

// buildNetworks builds node network configuration and virtual networks on
// the same store; each active node holds one address of every virtual
// network (docs/nodes.md).
func (e *Emulator) buildNetworks() *networks.Service {
	return networks.New(networks.Deps{Store: e.store, Changed: e.hub.Notify,
		ActiveNodes: func(ctx context.Context) (int, error) {
			ns, err := e.cluster.Nodes(ctx, true)
			return len(ns), err
		}})
}
