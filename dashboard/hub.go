package dashboard

import (
	"sync"
	"sync/atomic"
)

// Hub fans a "something changed" signal out to the open event streams.
// Notify never blocks: each subscriber holds at most one pending signal,
// so a burst of changes becomes one refresh.
type Hub struct {
	mu   sync.Mutex
	subs map[chan struct{}]struct{}
	// gen counts notifications, so a summary computed at one generation
	// is known to be current until the next.
	gen atomic.Uint64
}

// NewHub returns an empty hub.
func NewHub() *Hub { return &Hub{subs: map[chan struct{}]struct{}{}} }

// Notify signals every subscriber (coalescing with a signal not yet taken).
func (h *Hub) Notify() {
	h.gen.Add(1)
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- struct{}{}:
		default:
		}
	}
}

// Subscribe returns a channel that receives a signal after changes, and a
// function that ends the subscription.
func (h *Hub) Subscribe() (<-chan struct{}, func()) {
	c := make(chan struct{}, 1)
	h.mu.Lock()
	h.subs[c] = struct{}{}
	h.mu.Unlock()
	return c, func() {
		h.mu.Lock()
		delete(h.subs, c)
		h.mu.Unlock()
	}
}

// Subscribers returns the number of open subscriptions.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}
