package api

import (
	"context"
	"slices"
	"sync"
)

// turns bounds how many JSON-RPC calls run at once (decision (ar)). Calls
// wait in arrival order; a call coming back from a wait on a key server
// goes before calls that have not started, since it was admitted already
// and needs only to finish.
type turns struct {
	mu         sync.Mutex
	free       int
	back, next []chan struct{} // waiting: returning calls, new calls
}

func newTurns(n int) *turns { return &turns{free: n} }

// enter takes a turn, waiting if none is free; back says the call is
// returning from a wait on the network.
func (q *turns) enter(ctx context.Context, back bool) error {
	q.mu.Lock()
	if q.free > 0 && len(q.back) == 0 && (back || len(q.next) == 0) {
		q.free--
		q.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	if back {
		q.back = append(q.back, ch)
	} else {
		q.next = append(q.next, ch)
	}
	q.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		q.mu.Lock()
		queued := slices.Contains(q.back, ch) || slices.Contains(q.next, ch)
		q.back = slices.DeleteFunc(q.back, func(c chan struct{}) bool { return c == ch })
		q.next = slices.DeleteFunc(q.next, func(c chan struct{}) bool { return c == ch })
		q.mu.Unlock()
		if !queued {
			q.leave() // handed a turn just as the client went away: pass it on
		}
		return ctx.Err()
	}
}

// leave gives the turn to the first returning call, else the first new
// call, else frees it.
func (q *turns) leave() {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case len(q.back) > 0:
		close(q.back[0])
		q.back = q.back[1:]
	case len(q.next) > 0:
		close(q.next[0])
		q.next = q.next[1:]
	default:
		q.free++
	}
}

// turn is one call's hold on a turn; the cluster leaves and enters it
// around waits on a key server (cluster.Gate).
type turn struct {
	*turns
	held bool
}

func (t *turn) enter(ctx context.Context, back bool) error {
	if err := t.turns.enter(ctx, back); err != nil {
		return err
	}
	t.held = true
	return nil
}

// Enter takes a turn again after a wait on the network.
func (t *turn) Enter(ctx context.Context) error { return t.enter(ctx, true) }

// Leave gives the turn up (once).
func (t *turn) Leave() {
	if t.held {
		t.held = false
		t.turns.leave()
	}
}
