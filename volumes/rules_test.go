package volumes_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/volumes"
)

func TestRoundSize(t *testing.T) {
	for _, tt := range []struct{ in, want int64 }{
		{1_000_000_000, 1_000_341_504},
		{1 << 30, 1 << 30},
		{1, 1 << 20},
		{(1 << 20) + 1, 2 << 20},
	} {
		require.Equal(t, tt.want, volumes.RoundSize(tt.in), tt.in)
	}
}

func i64(n int64) *int64 { return &n }

func TestQoSChange(t *testing.T) {
	for _, tt := range []struct {
		name      string
		change    volumes.QoSChange
		want      volumes.QoS
		wantParam string
	}{
		{"Default", volumes.QoSChange{}, volumes.DefaultQoS, ""},
		{"RaisedMaxLiftsBurst", volumes.QoSChange{MaxIOPS: i64(20000)}, volumes.QoS{MinIOPS: 50, MaxIOPS: 20000, BurstIOPS: 20000, BurstTime: 60}, ""},
		{"AllThree", volumes.QoSChange{MinIOPS: i64(100), MaxIOPS: i64(1000), BurstIOPS: i64(2000)}, volumes.QoS{MinIOPS: 100, MaxIOPS: 1000, BurstIOPS: 2000, BurstTime: 60}, ""},
		{"ErrMinLow", volumes.QoSChange{MinIOPS: i64(49)}, volumes.QoS{}, "qos.minIOPS"},
		{"ErrMinAboveMax", volumes.QoSChange{MinIOPS: i64(2000), MaxIOPS: i64(1000)}, volumes.QoS{}, "qos.minIOPS"},
		{"ErrMaxHigh", volumes.QoSChange{MaxIOPS: i64(200001)}, volumes.QoS{}, "qos.maxIOPS"},
		{"ErrBurstBelowMax", volumes.QoSChange{MaxIOPS: i64(3000), BurstIOPS: i64(2000)}, volumes.QoS{}, "qos.maxIOPS"},
		{"ErrBurstLow", volumes.QoSChange{BurstIOPS: i64(99)}, volumes.QoS{}, "qos.burstIOPS"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.change.Apply("qos", volumes.DefaultQoS)
			if tt.wantParam == "" {
				require.NoError(t, err)
				require.Equal(t, tt.want, got)
				return
			}
			var ip *volumes.InvalidParam
			require.True(t, errors.As(err, &ip), "%v", err)
			require.Equal(t, tt.wantParam, ip.Param)
		})
	}
}

func TestCanonicalInitiator(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"iqn.1993-08.org.debian:01:abcdef", "iqn.1993-08.org.debian:01:abcdef", true},
		{"IQN.2010-01.COM.Example:Host", "iqn.2010-01.com.example:host", true},
		{"iqn.2010-01.com.example", "iqn.2010-01.com.example", true},
		{"eui.02004567A425678D", "eui.02004567a425678d", true},
		{"naa.52004567BA64678D", "naa.52004567ba64678d", true},
		{"21:00:00:24:FF:48:AB:CD", "21:00:00:24:ff:48:ab:cd", true},
		{"21000024ff48abcd", "21000024ff48abcd", true},
		{"iqn.bad", "", false},
		{"iqn.2010-1.com.example:x", "", false},
		{"21:00:00:24:ff:48:ab", "", false},
		{"host1", "", false},
		{"", "", false},
		{"eui.123", "", false},
	} {
		got, err := volumes.CanonicalInitiator("initiators[0]", tt.in)
		if !tt.ok {
			require.Error(t, err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		require.Equal(t, tt.want, got)
	}
}

func TestParseRetention(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"00:00:01", time.Second, true},
		{"01:30:00", 90 * time.Minute, true},
		{"720:00:00", 720 * time.Hour, true},
		{"1:2:3", time.Hour + 2*time.Minute + 3*time.Second, true},
		{"01:60:00", 0, false},
		{"01:00", 0, false},
		{"aa:00:00", 0, false},
		{"-1:00:00", 0, false},
		{"", 0, false},
	} {
		got, err := volumes.ParseRetention("retention", tt.in)
		if !tt.ok {
			require.Error(t, err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		require.Equal(t, tt.want, got)
	}
}
