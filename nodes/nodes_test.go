package nodes

import (
	"errors"
	"testing"
)

func TestTransitions(t *testing.T) {
	for _, c := range []struct {
		from State
		e    Event
		to   State
	}{{Pending, EventAdd, PendingActive}, {PendingActive, EventInstalled, Active}, {PendingActive, EventFailed, Pending},
		{Active, EventRemove, Pending}} {
		got, err := c.from.On(c.e)
		if err != nil || got != c.to {
			t.Fatalf("%s on %s = %s, %v; want %s", c.e, c.from, got, err, c.to)
		}
	}
	for _, c := range []struct {
		from State
		e    Event
	}{{Pending, EventInstalled}, {Pending, EventRemove}, {PendingActive, EventAdd}, {PendingActive, EventRemove}, {Active, EventAdd}} {
		if _, err := c.from.On(c.e); !errors.Is(err, ErrBadTransition) {
			t.Fatalf("%s on %s: %v, want ErrBadTransition", c.e, c.from, err)
		}
	}
}

func TestNewPending(t *testing.T) {
	n, err := NewPending(3, "u", Spec{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n.Name != "emu-pending-3" || n.MIP != "10.117.60.103" || n.CIP != "10.117.61.103" || n.Drives != DefaultDrives ||
		n.NodeType != DefaultNodeType || n.State != Pending || n.DriveSize != DefaultDriveSize {
		t.Fatalf("defaults: %+v", n)
	}
	bad := []struct {
		param string
		sp    Spec
	}{
		{"name", Spec{Name: "has space"}},
		{"name", Spec{Name: string(make([]byte, 64))}},
		{"nodeType", Spec{NodeType: "SF1"}},
		{"drives", Spec{Drives: 1}},
		{"drives", Spec{Drives: 25}},
		{"driveSize", Spec{DriveSize: 1}},
		{"mip", Spec{MIP: "10.0.0"}},
		{"cip", Spec{CIP: "::1"}},
		{"sip", Spec{SIP: "x"}},
	}
	for _, b := range bad {
		var ip *InvalidParam
		if _, err := NewPending(1, "u", b.sp, nil); !errors.As(err, &ip) || ip.Param != b.param {
			t.Errorf("%+v: %v, want invalid %s", b.sp, err, b.param)
		}
	}
	var e *Error
	if _, err := NewPending(1, "u", Spec{MIP: "10.117.60.11"}, []string{"10.117.60.11"}); !errors.As(err, &e) || e.Kind != KindAddressInUse {
		t.Errorf("taken address: %v", err)
	}
}

func TestCheckAdd(t *testing.T) {
	pending := []Node{{PendingNodeID: 1, State: Pending}, {PendingNodeID: 2, State: PendingActive}}
	got, err := CheckAdd([]int64{1, 1}, pending)
	if err != nil || len(got) != 1 || got[0].PendingNodeID != 1 {
		t.Fatalf("CheckAdd: %v %v", got, err)
	}
	var e *Error
	for _, ids := range [][]int64{{2}, {9}, {1, 9}} {
		if _, err := CheckAdd(ids, pending); !errors.As(err, &e) || e.Kind != KindNodeNotFound {
			t.Errorf("%v: %v", ids, err)
		}
	}
	var ip *InvalidParam
	if _, err := CheckAdd(nil, pending); !errors.As(err, &ip) {
		t.Errorf("empty: %v", err)
	}
}

func TestCheckRemove(t *testing.T) {
	four := []Member{{ID: 1}, {ID: 2}, {ID: 3}, {ID: 4, DrivesInUse: 2}}
	kind := func(err error) Kind {
		var e *Error
		if errors.As(err, &e) {
			return e.Kind
		}
		return 0
	}
	for _, c := range []struct {
		name   string
		ids    []int64
		active []Member
		ignore bool
		want   Kind
	}{
		{"one of four", []int64{1}, four, false, 0},
		{"drives in use", []int64{4}, four, false, KindHasActiveDrives},
		{"unknown", []int64{7}, four, false, KindNodeNotFound},
		{"two of four", []int64{1, 2}, four, false, KindEnsembleTolerance},
		{"two of four, ignored", []int64{1, 2}, four, true, 0},
		{"duplicate ID counts once", []int64{1, 1}, four, false, 0},
		{"all", []int64{1, 2, 3}, four[:3], true, KindLastNode},
		{"one of two", []int64{1}, four[:2], false, KindEnsembleTolerance},
		{"one of two, ignored", []int64{1}, four[:2], true, 0},
	} {
		if got := kind(CheckRemove(c.ids, c.active, c.ignore)); got != c.want {
			t.Errorf("%s: kind %d, want %d", c.name, got, c.want)
		}
	}
	var ip *InvalidParam
	if err := CheckRemove(nil, four, false); !errors.As(err, &ip) {
		t.Errorf("empty: %v", err)
	}
}

func TestBack(t *testing.T) {
	n := Node{PendingNodeID: 1, State: PendingActive, AssignedNodeID: 5, AsyncHandle: 3, ActiveNodeKey: "k", PendingActiveNodeID: 1}
	b, err := n.Back()
	if err != nil || b != (Node{PendingNodeID: 1, State: Pending}) {
		t.Fatalf("Back: %+v %v", b, err)
	}
	if _, err := b.Back(); !errors.Is(err, ErrBadTransition) {
		t.Fatalf("Back of a pending node: %v", err)
	}
}

func TestNewPendingSkipsTakenAddresses(t *testing.T) {
	n, err := NewPending(1, "u", Spec{}, []string{"10.117.60.101", "10.117.61.102"})
	if err != nil || n.MIP != "10.117.60.103" || n.CIP != "10.117.61.103" {
		t.Fatalf("%+v %v", n, err)
	}
	n, err = NewPending(54, "u", Spec{}, []string{"10.117.60.154"})
	if err != nil || n.MIP != "10.117.60.155" {
		t.Fatalf("%+v %v", n, err)
	}
}
