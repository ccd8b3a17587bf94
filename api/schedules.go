package api

import (
	"context"
	"fmt"
	"time"

	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/volumes"
)

// Snapshot schedules (docs/storage.md, Schedules): they run on the
// emulator clock, settled at the start of every storage call.

type weekdayWire struct {
	Day    int64 `json:"day" param:"day,required"`
	Offset int64 `json:"offset" param:"offset"`
}

type scheduleInfoWire struct {
	VolumeID                *int64  `json:"volumeID,omitempty"`
	Volumes                 []int64 `json:"volumes,omitempty"`
	Name                    string  `json:"name,omitempty"`
	Retention               string  `json:"retention,omitempty"`
	EnableRemoteReplication bool    `json:"enableRemoteReplication"`
}

type scheduleWire struct {
	ScheduleID         int64            `json:"scheduleID"`
	ScheduleName       string           `json:"scheduleName"`
	ScheduleType       string           `json:"scheduleType"`
	ScheduleInfo       scheduleInfoWire `json:"scheduleInfo"`
	Attributes         map[string]any   `json:"attributes"`
	Hours              int64            `json:"hours"`
	Minutes            int64            `json:"minutes"`
	Weekdays           []weekdayWire    `json:"weekdays"`
	Monthdays          []int64          `json:"monthdays"`
	Paused             bool             `json:"paused"`
	Recurring          bool             `json:"recurring"`
	RunNextInterval    bool             `json:"runNextInterval"`
	StartingDate       string           `json:"startingDate"`
	LastRunStatus      string           `json:"lastRunStatus"`
	LastRunTimeStarted *string          `json:"lastRunTimeStarted"`
	HasError           bool             `json:"hasError"`
	ToBeDeleted        bool             `json:"toBeDeleted"`
	SnapMirrorLabel    string           `json:"snapMirrorLabel"`
}

func fmtRetention(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	s := int64(d / time.Second)
	return fmt.Sprintf("%02d:%02d:%02d", s/3600, s/60%60, s%60)
}

func toScheduleWire(sc volumes.Schedule) scheduleWire {
	attrs := map[string]any{}
	for k, v := range sc.Attributes {
		attrs[k] = v
	}
	attrs["frequency"] = string(sc.Frequency)
	w := scheduleWire{ScheduleID: sc.ID, ScheduleName: sc.Name, ScheduleType: "Snapshot", Attributes: attrs, Hours: sc.Hours,
		Minutes: sc.Minutes, Weekdays: []weekdayWire{}, Monthdays: sc.Monthdays, Paused: sc.Paused, Recurring: sc.Recurring,
		RunNextInterval: sc.RunNextIntvl, StartingDate: fmtSeconds(sc.Starting), LastRunStatus: sc.LastStatus, HasError: sc.HasError,
		ToBeDeleted: sc.ToBeDeleted, SnapMirrorLabel: sc.MirrorLabel,
		ScheduleInfo: scheduleInfoWire{Name: sc.SnapName, Retention: fmtRetention(sc.Retention), EnableRemoteReplication: sc.Remote}}
	if w.Monthdays == nil {
		w.Monthdays = []int64{}
	}
	for _, d := range sc.Weekdays {
		w.Weekdays = append(w.Weekdays, weekdayWire{Day: d.Day, Offset: d.Offset})
	}
	if len(sc.VolumeIDs) == 1 {
		id := sc.VolumeIDs[0]
		w.ScheduleInfo.VolumeID = &id
	} else {
		w.ScheduleInfo.Volumes = sc.VolumeIDs
	}
	if !sc.LastRun.IsZero() {
		t := fmtSeconds(sc.LastRun)
		w.LastRunTimeStarted = &t
	}
	return w
}

type scheduleInfoParams struct {
	VolumeID                *int64  `param:"volumeID"`
	Volumes                 []int64 `param:"volumes"`
	Name                    *string `param:"name"`
	EnableRemoteReplication *bool   `param:"enableRemoteReplication"`
	Retention               *string `param:"retention"`
}

type scheduleParams struct {
	ScheduleName    *string             `param:"scheduleName"`
	ScheduleType    *string             `param:"scheduleType" enum:"Snapshot"`
	ScheduleInfo    *scheduleInfoParams `param:"scheduleInfo"`
	Attributes      map[string]any      `param:"attributes"`
	Hours           *int64              `param:"hours"`
	Minutes         *int64              `param:"minutes"`
	Weekdays        []weekdayWire       `param:"weekdays"`
	Monthdays       []int64             `param:"monthdays"`
	Paused          *bool               `param:"paused"`
	Recurring       *bool               `param:"recurring"`
	RunNextInterval *bool               `param:"runNextInterval"`
	StartingDate    *string             `param:"startingDate"`
	SnapMirrorLabel *string             `param:"snapMirrorLabel" since:"10.0"`
}

// apply overlays the parameters given on sc.
func (p scheduleParams) apply(sc *volumes.Schedule) error {
	if p.ScheduleName != nil {
		sc.Name = *p.ScheduleName
	}
	if p.Attributes != nil {
		a := volumes.Attributes{}
		for k, v := range p.Attributes {
			if k == "frequency" {
				f, ok := v.(string)
				if !ok {
					return cluster.ErrParamType("attributes.frequency", "string")
				}
				sc.Frequency = volumes.Frequency(f)
				continue
			}
			a[k] = v
		}
		sc.Attributes = a
	}
	if i := p.ScheduleInfo; i != nil {
		switch {
		case i.VolumeID != nil && i.Volumes != nil:
			return cluster.ErrInvalidParam("scheduleInfo.volumes", "give volumeID or volumes, not both")
		case i.VolumeID != nil:
			sc.VolumeIDs = []int64{*i.VolumeID}
		case i.Volumes != nil:
			sc.VolumeIDs = i.Volumes
		}
		if i.Name != nil {
			sc.SnapName = *i.Name
		}
		if i.EnableRemoteReplication != nil {
			sc.Remote = *i.EnableRemoteReplication
		}
		if i.Retention != nil {
			d, err := volumes.ParseRetention("scheduleInfo.retention", *i.Retention)
			if err != nil {
				return cluster.StorageError(err)
			}
			sc.Retention = d
		}
	}
	for _, f := range []struct {
		dst *int64
		src *int64
	}{{&sc.Hours, p.Hours}, {&sc.Minutes, p.Minutes}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if p.Weekdays != nil {
		sc.Weekdays = nil
		for _, w := range p.Weekdays {
			sc.Weekdays = append(sc.Weekdays, volumes.Weekday{Day: w.Day, Offset: w.Offset})
		}
	}
	if p.Monthdays != nil {
		sc.Monthdays = p.Monthdays
	}
	for _, f := range []struct {
		dst *bool
		src *bool
	}{{&sc.Paused, p.Paused}, {&sc.Recurring, p.Recurring}, {&sc.RunNextIntvl, p.RunNextInterval}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if p.StartingDate != nil {
		t, err := parseTime("startingDate", *p.StartingDate)
		if err != nil {
			return err
		}
		sc.Starting = t
	}
	if p.SnapMirrorLabel != nil {
		sc.MirrorLabel = *p.SnapMirrorLabel
	}
	return nil
}

func (s *Server) createSchedule(ctx context.Context, p scheduleParams) (map[string]any, error) {
	switch {
	case p.ScheduleName == nil:
		return nil, cluster.ErrMissingParam("scheduleName")
	case p.ScheduleInfo == nil:
		return nil, cluster.ErrMissingParam("scheduleInfo")
	case p.Attributes == nil || p.Attributes["frequency"] == nil:
		return nil, cluster.ErrMissingParam("attributes.frequency")
	}
	sc := volumes.Schedule{Recurring: true}
	if err := p.apply(&sc); err != nil {
		return nil, err
	}
	sc, err := s.volumes.CreateSchedule(ctx, sc)
	if err != nil {
		return nil, serr(err)
	}
	return map[string]any{"scheduleID": sc.ID, "schedule": toScheduleWire(sc)}, nil
}

type scheduleIDParams struct {
	ScheduleID int64 `param:"scheduleID,required"`
}

func (s *Server) getSchedule(ctx context.Context, p scheduleIDParams) (map[string]scheduleWire, error) {
	scs, err := s.volumes.Schedules(ctx, p.ScheduleID)
	if err == nil && p.ScheduleID == 0 {
		err = cluster.StorageError(&volumes.Error{Kind: volumes.KindScheduleNotFound, Message: "Schedule 0 does not exist."})
	}
	if err != nil {
		return nil, serr(err)
	}
	return map[string]scheduleWire{"schedule": toScheduleWire(scs[0])}, nil
}

func (s *Server) listSchedules(ctx context.Context, _ noParams) (map[string][]scheduleWire, error) {
	scs, err := s.volumes.Schedules(ctx, 0)
	if err != nil {
		return nil, serr(err)
	}
	out := make([]scheduleWire, 0, len(scs))
	for _, sc := range scs {
		out = append(out, toScheduleWire(sc))
	}
	return map[string][]scheduleWire{"schedules": out}, nil
}

type modifyScheduleParams struct {
	ScheduleID  int64 `param:"scheduleID,required"`
	ToBeDeleted *bool `param:"toBeDeleted"`
	scheduleParams
}

func (s *Server) modifySchedule(ctx context.Context, p modifyScheduleParams) (map[string]scheduleWire, error) {
	sc, err := s.volumes.ModifySchedule(ctx, p.ScheduleID, func(sc *volumes.Schedule) error {
		if p.ToBeDeleted != nil {
			sc.ToBeDeleted = *p.ToBeDeleted
		}
		return p.apply(sc)
	})
	if err != nil {
		return nil, serr(err)
	}
	return map[string]scheduleWire{"schedule": toScheduleWire(sc)}, nil
}
