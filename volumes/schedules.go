package volumes

import (
	"context"
	"errors"
	"time"
)

// Frequency is how a schedule repeats.
type Frequency string

const (
	TimeInterval Frequency = "Time Interval"
	DaysOfWeek   Frequency = "Days Of Week"
	DaysOfMonth  Frequency = "Days Of Month"
)

// Weekday is one day of a Days Of Week schedule (0 = Sunday).
type Weekday struct{ Day, Offset int64 }

// Schedule takes snapshots on the clock: of one volume, or a group
// snapshot of several.
type Schedule struct {
	ID        int64
	Name      string
	Frequency Frequency
	// Hours and Minutes are the interval (Time Interval) or the time of
	// day, UTC (the others).
	Hours, Minutes int64
	Weekdays       []Weekday
	Monthdays      []int64
	Paused         bool
	Recurring      bool
	Starting       time.Time
	// What each run takes.
	VolumeIDs    []int64
	SnapName     string
	Retention    time.Duration
	Remote       bool
	MirrorLabel  string
	Attributes   Attributes
	NextRun      time.Time // zero: never (paused, or a one-off that ran)
	LastRun      time.Time
	LastStatus   string // "", "Success" or "Failed"
	HasError     bool
	ToBeDeleted  bool
	RunNextIntvl bool
}

func errSchedule(id int64) error {
	return newErr(KindScheduleNotFound, "Schedule %d does not exist.", id)
}

// next is the first run of s strictly after t (zero when none).
func (s Schedule) next(t time.Time) time.Time {
	t = t.UTC()
	switch s.Frequency {
	case TimeInterval:
		step := time.Duration(s.Hours)*time.Hour + time.Duration(s.Minutes)*time.Minute
		if step <= 0 {
			return time.Time{}
		}
		start := s.Starting
		if !t.Before(start) {
			k := t.Sub(start)/step + 1
			return start.Add(k * step)
		}
		return start
	case DaysOfWeek, DaysOfMonth:
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		for i := 0; i < 62; i++ {
			d := day.AddDate(0, 0, i)
			ok := false
			if s.Frequency == DaysOfWeek {
				for _, w := range s.Weekdays {
					ok = ok || int64(d.Weekday()) == w.Day
				}
			} else {
				for _, m := range s.Monthdays {
					ok = ok || int64(d.Day()) == m
				}
			}
			at := d.Add(time.Duration(s.Hours)*time.Hour + time.Duration(s.Minutes)*time.Minute)
			if ok && at.After(t) && !at.Before(s.Starting) {
				return at
			}
		}
	}
	return time.Time{}
}

func checkSchedule(s *Schedule) error {
	if err := checkName("scheduleName", s.Name); err != nil {
		return err
	}
	if len(s.VolumeIDs) == 0 {
		return invalid("scheduleInfo.volumeID", "a schedule needs a volume")
	}
	if s.SnapName != "" {
		if err := checkName("scheduleInfo.name", s.SnapName); err != nil {
			return err
		}
	}
	switch s.Frequency {
	case TimeInterval:
		if s.Hours < 0 || s.Minutes < 0 || s.Minutes > 59 || s.Hours*60+s.Minutes == 0 {
			return invalid("hours", "a Time Interval schedule needs a positive interval (minutes 0-59)")
		}
	case DaysOfWeek, DaysOfMonth:
		if s.Hours < 0 || s.Hours > 23 || s.Minutes < 0 || s.Minutes > 59 {
			return invalid("hours", "hours must be 0-23 and minutes 0-59")
		}
		if s.Frequency == DaysOfWeek {
			if len(s.Weekdays) == 0 {
				return invalid("weekdays", "a Days Of Week schedule needs weekdays")
			}
			for _, w := range s.Weekdays {
				if w.Day < 0 || w.Day > 6 {
					return invalid("weekdays", "day must be 0 (Sunday) to 6")
				}
			}
		} else {
			if len(s.Monthdays) == 0 {
				return invalid("monthdays", "a Days Of Month schedule needs monthdays")
			}
			for _, m := range s.Monthdays {
				if m < 1 || m > 31 {
					return invalid("monthdays", "days must be 1 to 31")
				}
			}
		}
	default:
		return invalid("attributes.frequency", "must be Time Interval, Days Of Week or Days Of Month")
	}
	return checkAttributes("attributes", s.Attributes)
}

func (s *Schedule) plan(now time.Time) {
	s.NextRun = time.Time{}
	if !s.Paused && !s.ToBeDeleted && (s.Recurring || s.LastRun.IsZero()) {
		s.NextRun = s.next(now)
	}
}

// CreateSchedule records a schedule; it runs on the emulator clock.
func (s *Service) CreateSchedule(ctx context.Context, sc Schedule) (Schedule, error) {
	if err := checkSchedule(&sc); err != nil {
		return Schedule{}, err
	}
	err := s.update(ctx, func(tx Tx, now time.Time) error {
		if err := checkVolumesExist(ctx, tx, sc.VolumeIDs); err != nil {
			return err
		}
		id, err := tx.NextID(ctx, "schedule")
		if err != nil {
			return err
		}
		sc.ID = id
		if sc.Starting.IsZero() {
			sc.Starting = now.UTC().Truncate(time.Minute)
		}
		if sc.Attributes == nil {
			sc.Attributes = Attributes{}
		}
		sc.plan(now)
		return tx.PutSchedule(ctx, sc)
	})
	return sc, err
}

// Schedules lists every schedule, or the one with id (non-zero).
func (s *Service) Schedules(ctx context.Context, id int64) ([]Schedule, error) {
	out := []Schedule{}
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		if id != 0 {
			sc, err := tx.Schedule(ctx, id)
			if errors.Is(err, ErrNotFound) {
				return errSchedule(id)
			}
			out = append(out, sc)
			return err
		}
		all, err := tx.Schedules(ctx)
		out = append(out, all...)
		return err
	})
	return out, err
}

// ModifySchedule replaces a schedule with fn's change of it; toBeDeleted
// deletes it.
func (s *Service) ModifySchedule(ctx context.Context, id int64, fn func(*Schedule) error) (Schedule, error) {
	var out Schedule
	err := s.update(ctx, func(tx Tx, now time.Time) error {
		sc, err := tx.Schedule(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return errSchedule(id)
		}
		if err != nil {
			return err
		}
		if err := fn(&sc); err != nil {
			return err
		}
		if sc.ToBeDeleted {
			out = sc
			return tx.DeleteSchedule(ctx, id)
		}
		if err := checkSchedule(&sc); err != nil {
			return err
		}
		if err := checkVolumesExist(ctx, tx, sc.VolumeIDs); err != nil {
			return err
		}
		sc.plan(now)
		out = sc
		return tx.PutSchedule(ctx, sc)
	})
	return out, err
}

// runSchedule takes a due schedule's snapshots at its run time at (runs
// missed while the clock jumped are skipped: one run, at the latest due
// instant) and plans the next run after now.
func (s *Service) runSchedule(ctx context.Context, tx Tx, sc Schedule, now time.Time) error {
	at := sc.NextRun
	for n := sc.next(at); !n.IsZero() && !n.After(now); n = sc.next(n) {
		at = n
	}
	sp := SnapshotSpec{Remote: sc.Remote, Attributes: sc.Attributes, MirrorLabel: sc.MirrorLabel}
	if sc.SnapName != "" {
		name := sc.SnapName
		sp.Name = &name
	}
	if sc.Retention > 0 {
		r := sc.Retention
		sp.Retention = &r
	}
	sc.LastRun, sc.LastStatus, sc.HasError = at, "Success", false
	var vs []Volume
	for _, id := range sc.VolumeIDs {
		v, err := getActive(ctx, tx, id)
		if err != nil {
			sc.LastStatus, sc.HasError = "Failed", true
			continue
		}
		vs = append(vs, v)
	}
	if !sc.HasError {
		var gid int64
		var guuid string
		if len(vs) > 1 {
			var err error
			if gid, err = tx.NextID(ctx, "groupSnapshot"); err != nil {
				return err
			}
			if s.d.NewUUID != nil {
				guuid = s.d.NewUUID()
			}
		}
		for _, v := range vs {
			sn, err := s.takeSnapshot(ctx, tx, v, sp, at)
			var ve *Error
			if errors.As(err, &ve) {
				sc.LastStatus, sc.HasError = "Failed", true
				break
			}
			if err != nil {
				return err
			}
			if gid != 0 {
				sn.GroupID, sn.GroupUUID = gid, guuid
				if err := tx.PutSnapshot(ctx, sn); err != nil {
					return err
				}
			}
		}
	}
	sc.plan(now)
	return tx.PutSchedule(ctx, sc)
}
