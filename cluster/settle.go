package cluster

import (
	"context"
	"errors"
	"time"

	"github.com/element-emulator/element-emulator/asyncjobs"
)

// maxSteps bounds one settlement, so a bug can never spin forever.
const maxSteps = 100000

// Settle applies every timer that is due at the current emulator time, in
// deadline order, each at its own deadline. Every operation calls it first;
// the clock-advance control and the background ticker call it too.
func (c *Cluster) Settle(ctx context.Context) error {
	c.settleMu.Lock()
	defer c.settleMu.Unlock()
	return c.settleLocked(ctx)
}

func (c *Cluster) settleLocked(ctx context.Context) error {
	var last time.Time
	repeats := 0
	for i := 0; i < maxSteps; i++ {
		now := c.now()
		// Fast path: no write since the last look, and nothing due yet.
		if w := c.wake.Load(); w != nil && w.gen == c.gens.timers.Load() && (w.at.IsZero() || now.Before(w.at)) {
			return nil
		}
		gen := c.gens.timers.Load()
		step, at, err := c.nextDue(ctx, now)
		if err != nil {
			return err
		}
		if step == nil {
			c.wake.Store(&wakeCache{gen: gen, at: at})
			return nil
		}
		// Timers run in deadline order; many may share one instant, but a
		// timer that stays due after it ran would loop: stop and say so.
		if at.Equal(last) {
			repeats++
			if repeats > 1000 {
				c.log.Error("settlement stuck on a timer that stays due", "at", at)
				return errors.New("cluster: settlement did not converge")
			}
		} else {
			last, repeats = at, 0
		}
		if err := step(ctx, at); err != nil {
			return err
		}
	}
	return errors.New("cluster: settlement did not converge")
}

// nextDue finds the earliest timer due at or before now. When none is due
// it returns a nil step and the earliest future deadline (zero if none).
func (c *Cluster) nextDue(ctx context.Context, now time.Time) (func(context.Context, time.Time) error, time.Time, error) {
	var step func(context.Context, time.Time) error
	var at, future time.Time
	consider := func(due time.Time, fn func(context.Context, time.Time) error) {
		if due.IsZero() {
			return
		}
		if due.After(now) {
			if future.IsZero() || due.Before(future) {
				future = due
			}
			return
		}
		if step == nil || due.Before(at) {
			step, at = fn, due
		}
	}
	err := c.store.View(ctx, func(tx Tx) error {
		st, err := tx.State(ctx)
		switch {
		case errors.Is(err, ErrNotFound): // no cluster yet
		case err != nil:
			return err
		default:
			consider(st.BootDue, c.stepBoot)
			consider(st.EARDue, c.stepEAR)
			timers, err := c.healthTimers(ctx, tx)
			if err != nil {
				return err
			}
			for _, t := range timers {
				consider(t, c.stepHealth)
			}
		}
		jobs, err := tx.Jobs(ctx)
		if err != nil {
			return err
		}
		for _, j := range jobs {
			if j.Done() {
				continue
			}
			j := j
			switch j.ResultType {
			case ResultTypeRekey:
				consider(j.Due, func(ctx context.Context, at time.Time) error { return c.stepRekey(ctx, j, at) })
			case ResultTypeDriveAdd, ResultTypeDriveRemoval, ResultTypeDriveSecureErase:
				consider(j.Due, func(ctx context.Context, at time.Time) error { return c.stepDriveJob(ctx, j, at) })
			case ResultTypeAddNodes:
				consider(j.Due, func(ctx context.Context, at time.Time) error { return c.stepAddNode(ctx, j, at) })
			default:
				consider(j.Due, func(ctx context.Context, at time.Time) error { return c.completeJob(ctx, j, at) })
			}
		}
		return nil
	})
	if step == nil {
		at = future
	}
	return step, at, err
}

// completeJob finishes a simple job successfully at its deadline.
func (c *Cluster) completeJob(ctx context.Context, j asyncjobs.Job, at time.Time) error {
	return c.commit(ctx, at, func(tx Tx) error {
		j.Complete(at, nil)
		return tx.PutJob(ctx, j)
	})
}

// trySettle settles unless another settlement is under way, in which case
// it returns at once: that settlement runs every timer that is due, and an
// operation never waits behind its key-server calls (decisions (q)).
func (c *Cluster) trySettle(ctx context.Context) error {
	if !c.settleMu.TryLock() {
		return nil
	}
	defer c.settleMu.Unlock()
	return c.settleLocked(ctx)
}
