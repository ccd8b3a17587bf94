package admins

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseTimeout(t *testing.T) {
	for in, want := range map[string]int64{"01:30:00": 5400, "00:90:00": 5400, "00:00:5400": 5400, "1:00": 60, "20:00": 1200,
		"168:00:00": MaxTimeout} {
		got, err := ParseTimeout(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "59", "0:59", "1:2:3:4", "a:00", "-1:00", "1::00", "169:00:00", "99999999:00"} {
		_, err := ParseTimeout(in)
		require.Error(t, err, in)
	}
	require.Equal(t, "1:30:00", FormatTimeout(5400))
	require.Equal(t, "30:00", FormatTimeout(1800))
}

func TestHash(t *testing.T) {
	s := New(Deps{})
	h, err := s.hash("correct-horse")
	require.NoError(t, err)
	require.NotContains(t, h, "correct-horse")
	require.True(t, matches(h, "correct-horse"))
	require.False(t, matches(h, "correct-Horse"))
	require.False(t, matches("garbage", "pw"))
	require.False(t, matches(dummyHash, ""))
	h2, err := s.hash("correct-horse")
	require.NoError(t, err)
	require.NotEqual(t, h, h2, "salted")
	require.Equal(t, `admin 2 "ops"`, Admin{ID: 2, Username: "ops", Hash: h}.String())
}
