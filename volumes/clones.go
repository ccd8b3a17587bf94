package volumes

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Clone jobs, CopyVolume, CancelClone and the cluster's default QoS.
//
// Every clone or copy is remembered under the setting "clone.<cloneID>"
// with the async handle of its job, so CancelClone can find the job while
// it runs (V16). The record lives in the storage settings table and so
// follows reset and emulator snapshots.

const (
	keyClone      = "clone."
	keyDefaultQoS = "defaultQoS"
)

// cloneRecord is what CancelClone needs of a clone or copy.
type cloneRecord struct {
	Handle   int64 `json:"asyncHandle"`
	VolumeID int64 `json:"volumeID"`
	// Copy is true for CopyVolume: cancelling leaves the destination.
	Copy bool `json:"copy,omitempty"`
}

// startCloneJob starts the async job of a clone or copy and remembers it.
func (s *Service) startCloneJob(ctx context.Context, cloneID, volumeID int64, copied bool) (int64, error) {
	if s.d.StartJob == nil {
		return 0, nil
	}
	h, err := s.d.StartJob(ctx, ResultTypeClone, s.d.CloneDuration, map[string]any{
		"cloneID": cloneID, "volumeID": volumeID, "message": "Clone complete.",
	})
	if err != nil {
		return 0, err
	}
	rec, err := json.Marshal(cloneRecord{Handle: h, VolumeID: volumeID, Copy: copied})
	if err != nil {
		return 0, err
	}
	return h, s.update(ctx, func(tx Tx, _ time.Time) error {
		return tx.PutSetting(ctx, keyClone+strconv.FormatInt(cloneID, 10), string(rec))
	})
}

// CopyVolume overwrites the data of an existing volume of the same size
// with that of another volume or of one of its snapshots. Nothing of the
// destination but its data changes, and no data is modelled, so the copy
// is its async job (V17).
func (s *Service) CopyVolume(ctx context.Context, volumeID, dstVolumeID int64, snapshotID *int64) (Clone, error) {
	var out Clone
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		src, err := getActive(ctx, tx, volumeID)
		if err != nil {
			return err
		}
		dst, err := getActive(ctx, tx, dstVolumeID)
		if err != nil {
			return err
		}
		size := src.TotalSize
		if snapshotID != nil {
			sn, err := tx.Snapshot(ctx, *snapshotID)
			if errors.Is(err, ErrNotFound) || (err == nil && sn.VolumeID != src.ID) {
				return errSnapshot(*snapshotID)
			}
			if err != nil {
				return err
			}
			size = sn.TotalSize
		}
		if dst.ID == src.ID && snapshotID == nil {
			return invalid("dstVolumeID", "must differ from volumeID")
		}
		if dst.TotalSize != size {
			return invalid("dstVolumeID", "must be the same size as the source (%d bytes, not %d)", size, dst.TotalSize)
		}
		if out.CloneID, err = tx.NextID(ctx, "clone"); err != nil {
			return err
		}
		out.Volume = VolumeView{Volume: dst}
		return nil
	})
	if err != nil {
		return Clone{}, err
	}
	out.AsyncHandle, err = s.startCloneJob(ctx, out.CloneID, dstVolumeID, true)
	return out, err
}

// CancelClone stops a clone or copy whose job is still running: the job
// and its handle go (cancel reports false when it had already finished),
// a cancelled clone's new volume is removed, a copy's destination stays.
func (s *Service) CancelClone(ctx context.Context, cloneID int64, cancel func(ctx context.Context, handle int64) (bool, error)) error {
	key := keyClone + strconv.FormatInt(cloneID, 10)
	rec, err := stopRecordedJob(ctx, s, key, "cloneID", "clone", cloneID, func(r cloneRecord) int64 { return r.Handle }, cancel)
	if err != nil {
		return err
	}
	return s.update(ctx, func(tx Tx, _ time.Time) error {
		if err := tx.DeleteSetting(ctx, key); err != nil {
			return err
		}
		if rec.Copy {
			return nil
		}
		if _, err := tx.Volume(ctx, rec.VolumeID); errors.Is(err, ErrNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		return purge(ctx, tx, []int64{rec.VolumeID})
	})
}

// defaultQoS is the cluster's default QoS: DefaultQoS until SetDefaultQoS.
func defaultQoS(ctx context.Context, tx Tx) (QoS, error) {
	v, err := tx.Setting(ctx, keyDefaultQoS)
	if errors.Is(err, ErrNotFound) {
		return DefaultQoS, nil
	}
	if err != nil {
		return QoS{}, err
	}
	var q QoS
	return q, json.Unmarshal([]byte(v), &q)
}

// DefaultQoS returns the QoS a new volume or QoS policy gets.
func (s *Service) DefaultQoS(ctx context.Context) (QoS, error) {
	var q QoS
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		var err error
		q, err = defaultQoS(ctx, tx)
		return err
	})
	return q, err
}

// SetDefaultQoS changes the default QoS; unset values keep theirs.
func (s *Service) SetDefaultQoS(ctx context.Context, c QoSChange) (QoS, error) {
	var q QoS
	err := s.update(ctx, func(tx Tx, _ time.Time) error {
		cur, err := defaultQoS(ctx, tx)
		if err != nil {
			return err
		}
		if q, err = c.Apply("qos", cur); err != nil {
			var ip *InvalidParam
			if errors.As(err, &ip) {
				ip.Param = strings.TrimPrefix(ip.Param, "qos.")
			}
			return err
		}
		b, err := json.Marshal(q)
		if err != nil {
			return err
		}
		return tx.PutSetting(ctx, keyDefaultQoS, string(b))
	})
	return q, err
}

// stopRecordedJob reads the JSON record of a clone or a group clone kept
// under key and cancels its job: an unknown id is param's invalid value
// ("clone 7 does not exist"), a job that already finished is not permitted
// ("Clone 7 is not running.").
func stopRecordedJob[R any](ctx context.Context, s *Service, key, param, what string, id int64, handle func(R) int64,
	cancel func(ctx context.Context, handle int64) (bool, error)) (R, error) {
	var rec R
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		v, err := tx.Setting(ctx, key)
		if errors.Is(err, ErrNotFound) {
			return invalid(param, "%s %d does not exist", what, id)
		}
		if err != nil {
			return err
		}
		return json.Unmarshal([]byte(v), &rec)
	})
	if err != nil {
		return rec, err
	}
	running, err := cancel(ctx, handle(rec))
	if err != nil {
		return rec, err
	}
	if !running {
		return rec, newErr(KindNotPermitted, "%s %d is not running.", strings.ToUpper(what[:1])+what[1:], id)
	}
	return rec, nil
}
