package faults_test

import (
	"testing"

	"github.com/element-emulator/element-emulator/faults"
	"github.com/stretchr/testify/require"
)

func TestValidate(t *testing.T) {
	for _, tt := range []struct {
		name string
		rule faults.Rule
		ok   bool
	}{
		{"ClientUnreachable", faults.Rule{Target: faults.KMIPClient, Effect: "unreachable"}, true},
		{"UnknownTarget", faults.Rule{Target: "disk", Effect: "unreachable"}, false},
		{"WrongEffect", faults.Rule{Target: faults.KMIPClient, Effect: "refuse"}, false},
		{"NegativeTimes", faults.Rule{Target: faults.KMIPClient, Effect: "unreachable", Times: -1}, false},
		{"BadMs", faults.Rule{Target: faults.KMIPClient, Effect: "delay", Params: map[string]string{"ms": "x"}}, false},
		{"MethodNeedsName", faults.Rule{Target: faults.ElementMethod, Effect: "error", Match: map[string]string{"method": "ListDrives"}}, false},
		{"MethodOK", faults.Rule{Target: faults.ElementMethod, Effect: "error", Match: map[string]string{"method": "ListDrives"}, Params: map[string]string{"name": "xDBVersionMismatch"}}, true},
		{"TLSNeedsMode", faults.Rule{Target: faults.KMIPServer, Effect: "tls"}, false},
		{"TLSMode", faults.Rule{Target: faults.KMIPServer, Effect: "tls", Params: map[string]string{"mode": "unknown-ca"}}, true},
		{"KACLSDrop", faults.Rule{Target: faults.KACLS, Effect: "drop", Match: map[string]string{"instance": "old", "endpoint": "privilegedunwrap"}}, true},
		{"KACLSErrorStatus", faults.Rule{Target: faults.KACLS, Effect: "error", Params: map[string]string{"status": "429"}}, true},
		{"KACLSBadStatus", faults.Rule{Target: faults.KACLS, Effect: "http-status", Params: map[string]string{"status": "99"}}, false},
		{"KACLSUnknownMatch", faults.Rule{Target: faults.KACLS, Effect: "drop", Match: map[string]string{"method": "wrap"}}, false},
		{"KACLSNoUnreachable", faults.Rule{Target: faults.KACLS, Effect: "unreachable"}, false},
		{"KACLSPeerUnreachable", faults.Rule{Target: faults.KACLSPeer, Effect: "unreachable", Match: map[string]string{"instance": "new"}}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.rule.Validate()
			if tt.ok {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, faults.ErrInvalid)
			}
		})
	}
}

func TestFirstMatchAndConsume(t *testing.T) {
	rules := []faults.Rule{
		{ID: 3, Target: faults.KMIPClient, Match: map[string]string{"keyServerID": "1"}, Effect: "error"},
		{ID: 2, Target: faults.KMIPClient, Match: map[string]string{"keyServerID": "1"}, Effect: "unreachable", Times: 2},
		{ID: 1, Target: faults.KMIPClient, Match: map[string]string{"keyServerID": "2"}, Effect: "unreachable"},
	}
	ev := faults.Event{Target: faults.KMIPClient, Attrs: map[string]string{"keyServerID": "1", "operation": "Create"}}
	r, ok := faults.First(rules, ev)
	require.True(t, ok)
	require.Equal(t, int64(2), r.ID)

	r, gone := faults.Consume(r)
	require.False(t, gone)
	require.Equal(t, 1, r.Times)
	_, gone = faults.Consume(r)
	require.True(t, gone)

	forever, gone := faults.Consume(rules[0])
	require.False(t, gone)
	require.Equal(t, 0, forever.Times)

	_, ok = faults.First(rules, faults.Event{Target: faults.KMIPServer, Attrs: map[string]string{"keyServerID": "1"}})
	require.False(t, ok)
	_, ok = faults.First(rules, faults.Event{Target: faults.KMIPClient, Attrs: map[string]string{}})
	require.False(t, ok)
}

func TestListAttributeMatches(t *testing.T) {
	r := faults.Rule{Target: faults.DriveSecurity, Match: map[string]string{"driveIDs": "3"}, Effect: "fail"}
	require.True(t, r.Matches(faults.Event{Target: faults.DriveSecurity, Attrs: map[string]string{"driveIDs": "1,3,5"}}))
	require.False(t, r.Matches(faults.Event{Target: faults.DriveSecurity, Attrs: map[string]string{"driveIDs": "1,33"}}))
}

func TestCloudKMSRules(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    faults.Rule
		ok   bool
	}{
		{"TencentError", faults.Rule{Target: faults.TencentKMS, Effect: "error", Match: map[string]string{"action": "Encrypt"}, Params: map[string]string{"code": "InternalError"}}, true},
		{"AlibabaHTTPStatus", faults.Rule{Target: faults.AlibabaKMS, Effect: "http-status", Params: map[string]string{"status": "503"}}, true},
		{"TencentDelay", faults.Rule{Target: faults.TencentKMS, Effect: "delay", Params: map[string]string{"ms": "10"}}, true},
		{"ErrHTTPStatusWithoutStatus", faults.Rule{Target: faults.TencentKMS, Effect: "http-status"}, false},
		{"ErrBadStatus", faults.Rule{Target: faults.AlibabaKMS, Effect: "error", Params: map[string]string{"status": "99"}}, false},
		{"ErrMatchInstance", faults.Rule{Target: faults.TencentKMS, Effect: "drop", Match: map[string]string{"instance": "x"}}, false},
		{"ErrUnreachable", faults.Rule{Target: faults.TencentKMS, Effect: "unreachable"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			if tt.ok {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, faults.ErrInvalid)
			}
		})
	}
	r := faults.Rule{Target: faults.TencentKMS, Effect: "error", Match: map[string]string{"action": "encrypt"}}
	require.True(t, r.Matches(faults.Event{Target: faults.TencentKMS, Attrs: map[string]string{"action": "Encrypt"}}))
	require.False(t, r.Matches(faults.Event{Target: faults.AlibabaKMS, Attrs: map[string]string{"action": "Encrypt"}}))
}
