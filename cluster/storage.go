package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/element-emulator/element-emulator/asyncjobs"
	"github.com/element-emulator/element-emulator/volumes"
)

// storageNames gives each storage failure kind its Element x-name
// (docs/storage.md, Errors). x-names live only in this package.
var storageNames = map[volumes.Kind]string{
	volumes.KindInvalidParam:          NameInvalidParameter,
	volumes.KindUnknownAccount:        "xUnknownAccount",
	volumes.KindDuplicateUsername:     "xDuplicateUsername",
	volumes.KindVolumeNotFound:        "xVolumeIDDoesNotExist",
	volumes.KindSnapshotNotFound:      "xSnapshotIDDoesNotExist",
	volumes.KindAccessGroupNotFound:   "xVolumeAccessGroupIDDoesNotExist",
	volumes.KindInitiatorNotFound:     "xInitiatorDoesNotExist",
	volumes.KindInitiatorExists:       "xInitiatorExists",
	volumes.KindAlreadyInAccessGroup:  "xAlreadyInVolumeAccessGroup",
	volumes.KindNotInAccessGroup:      "xNotInVolumeAccessGroup",
	volumes.KindExceededLimit:         "xExceededLimit",
	volumes.KindMaxSnapshots:          "xMaxSnapshotsPerVolumeExceeded",
	volumes.KindQoSPolicyNotFound:     "xQoSPolicyDoesNotExist",
	volumes.KindNotPermitted:          NameAPINotPermitted,
	volumes.KindNotEnoughSpace:        "xSliceFull",
	volumes.KindGroupSnapshotNotFound: "xGroupSnapshotIDDoesNotExist",
	volumes.KindScheduleNotFound:      "xScheduleIDDoesNotExist",
}

// StorageError turns a storage-domain error into the Element error the
// client sees; any other error passes through unchanged (an internal error).
func StorageError(err error) error {
	if err == nil {
		return nil
	}
	var ip *volumes.InvalidParam
	if errors.As(err, &ip) {
		return ErrInvalidParam(ip.Param, ip.Why)
	}
	var e *volumes.Error
	if errors.As(err, &e) {
		if name, ok := storageNames[e.Kind]; ok {
			return &Error{Name: name, Message: e.Message}
		}
	}
	return err
}

// StartJob records a job of another domain (a volume clone) in the async
// handle table: it runs for d and then completes with details as its
// result. It is the storage domain's only write to cluster state.
func (c *Cluster) StartJob(ctx context.Context, resultType string, d time.Duration, details map[string]any) (int64, error) {
	data, err := json.Marshal(details)
	if err != nil {
		return 0, err
	}
	var h int64
	err = c.update(ctx, func(tx Tx, now time.Time) error {
		id, err := tx.NextID(ctx, "asyncHandle")
		if err != nil {
			return err
		}
		created := now.UTC().Truncate(time.Second)
		j := asyncjobs.Job{Handle: asyncjobs.Handle(id), ResultType: resultType, Status: asyncjobs.Running, Created: created,
			Updated: created, Due: now.Add(d), Data: data}
		h = id
		return tx.PutJob(ctx, j)
	})
	return h, err
}

// Now is the emulator time (the injected clock).
func (c *Cluster) Now() time.Time { return c.now() }

// CancelJob removes a running job of another domain and its handle (a
// cancelled clone); it reports false, changing nothing, when the job has
// completed or is gone.
func (c *Cluster) CancelJob(ctx context.Context, h int64) (bool, error) {
	var running bool
	err := c.update(ctx, func(tx Tx, _ time.Time) error {
		j, err := tx.Job(ctx, asyncjobs.Handle(h))
		if errors.Is(err, ErrNotFound) || (err == nil && j.Done()) {
			return nil
		}
		if err != nil {
			return err
		}
		running = true
		return tx.DeleteJob(ctx, j.Handle)
	})
	return running, err
}
