package cluster

import "context"

// Gate bounds how many operations run at once. An edge that admits
// operations through one (the API does) puts it in their context; the
// cluster leaves it while the operation waits on a key server, since
// waiting on the network uses no CPU and may last seconds (a timeout, a
// delay fault rule), and enters again before it goes on.
type Gate interface {
	Leave()
	Enter(ctx context.Context) error
}

type gateKey struct{}

// WithGate returns ctx carrying g.
func WithGate(ctx context.Context, g Gate) context.Context {
	return context.WithValue(ctx, gateKey{}, g)
}

// outsideGate runs fn, which waits on the network, outside the context's
// gate if it has one.
func outsideGate(ctx context.Context, fn func() error) error {
	g, ok := ctx.Value(gateKey{}).(Gate)
	if !ok {
		return fn()
	}
	g.Leave()
	err := fn()
	if gerr := g.Enter(ctx); gerr != nil && err == nil {
		err = gerr
	}
	return err
}
