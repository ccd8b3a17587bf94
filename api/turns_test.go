package api

import (
	"context"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

// queued waits until the turns have nBack returning and nNext new calls
// waiting (goroutines started by the test reach their wait).
func queued(t *testing.T, q *turns, nBack, nNext int) {
	t.Helper()
	for i := 0; ; i++ {
		q.mu.Lock()
		ok := len(q.back) == nBack && len(q.next) == nNext
		q.mu.Unlock()
		if ok {
			return
		}
		require.Less(t, i, 1_000_000, "waiters never queued")
		runtime.Gosched()
	}
}

func TestTurnsReturningCallsGoFirstThenArrivalOrder(t *testing.T) {
	ctx := context.Background()
	q := newTurns(1)
	require.NoError(t, q.enter(ctx, false)) // A runs
	order := make(chan string, 3)
	run := func(name string, back bool) {
		go func() {
			if q.enter(ctx, back) == nil {
				order <- name
				q.leave()
			}
		}()
	}
	run("new1", false)
	queued(t, q, 0, 1)
	run("new2", false)
	queued(t, q, 0, 2)
	run("back", true)
	queued(t, q, 1, 2)
	q.leave() // A done
	require.Equal(t, "back", <-order)
	require.Equal(t, "new1", <-order)
	require.Equal(t, "new2", <-order)
	// All done: the one turn is free again.
	require.NoError(t, q.enter(ctx, false))
	q.leave()
	require.Equal(t, 1, q.free)
}

func TestTurnsAWaiterThatGivesUpLeavesTheCountRight(t *testing.T) {
	q := newTurns(1)
	require.NoError(t, q.enter(context.Background(), false))
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- q.enter(ctx, false) }()
	queued(t, q, 0, 1)
	cancel()
	require.ErrorIs(t, <-errc, context.Canceled)
	queued(t, q, 0, 0)
	q.leave()
	require.Equal(t, 1, q.free, "the turn is free, not lost")
	require.NoError(t, q.enter(context.Background(), true))
}

func TestTurnLeaveIsIdempotent(t *testing.T) {
	q := newTurns(2)
	tn := &turn{turns: q}
	require.NoError(t, tn.enter(context.Background(), false))
	tn.Leave()
	tn.Leave()
	require.Equal(t, 2, q.free)
}
