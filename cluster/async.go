package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/element-emulator/element-emulator/asyncjobs"
)

// AsyncResult is one async job as clients see it.
type AsyncResult struct {
	Job asyncjobs.Job
	// Rekey is the SearRekeyMasterKeyInfo payload of a rekey job.
	Rekey *RekeyInfo
	// Details is the payload of any other job ({"driveIDs": [...]}).
	Details map[string]any
}

func asyncResult(j asyncjobs.Job) (AsyncResult, error) {
	r := AsyncResult{Job: j}
	if j.ResultType == ResultTypeRekey {
		ri, err := rekeyInfo(j)
		if err != nil {
			return r, err
		}
		r.Rekey = &ri
		return r, nil
	}
	r.Details = map[string]any{}
	if len(j.Data) > 0 {
		if err := json.Unmarshal(j.Data, &r.Details); err != nil {
			return r, err
		}
	}
	return r, nil
}

// GetAsyncResult returns a job; a completed job is deleted unless keep is
// set (D24).
func (c *Cluster) GetAsyncResult(ctx context.Context, h asyncjobs.Handle, keep bool) (AsyncResult, error) {
	var out AsyncResult
	err := c.update(ctx, func(tx Tx, _ time.Time) error {
		j, err := tx.Job(ctx, h)
		if errors.Is(err, ErrNotFound) {
			return ErrAsyncHandle(int64(h))
		}
		if err != nil {
			return err
		}
		if out, err = asyncResult(j); err != nil {
			return err
		}
		if asyncjobs.PurgeAfterRead(j, keep) {
			return tx.DeleteJob(ctx, h)
		}
		return nil
	})
	return out, err
}

// ListAsyncResults lists jobs of the given result types (all when empty);
// it never purges.
func (c *Cluster) ListAsyncResults(ctx context.Context, types []string) ([]AsyncResult, error) {
	out := []AsyncResult{}
	err := c.view(ctx, func(tx Tx, _ time.Time) error {
		jobs, err := tx.Jobs(ctx)
		if err != nil {
			return err
		}
		for _, j := range asyncjobs.Filter(jobs, types) {
			r, err := asyncResult(j)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}
