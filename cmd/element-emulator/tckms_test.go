package main

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/tckms"
)

// TestTCKMSFlags: the --tckms-* flags, their refusals, and the credential
// set they build (the default pair, a file, and flags).
func TestTCKMSFlags(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	c, _, err := parseConfig("element-emulator", nil, env(nil), io.Discard)
	require.NoError(t, err)
	require.Equal(t, "127.0.0.1:9442", c.TCKMSAddr)
	require.False(t, c.TCKMSAddrGiven)
	e, err := emulatorConfig(c, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	require.True(t, e.TCKMSAddrDefault, "a busy default port only warns")
	require.Equal(t, []string{tckms.DefaultSecretID}, e.TCKMS.Credentials.IDs())

	file := filepath.Join(t.TempDir(), "creds.json")
	require.NoError(t, os.WriteFile(file, []byte(`[{"id":"AKIDFILE","secret":"from-file"}]`), 0o600))
	c, _, err = parseConfig("element-emulator", []string{"--tckms-addr", "127.0.0.1:19442", "--tckms-credential", "AKIDFLAG:k1",
		"--tckms-credential", "AKIDSTS:k2:tok", "--tckms-credentials", file, "--tckms-flavour", "sm", "--tckms-uin", "42", "--tckms-tls"}, env(nil), io.Discard)
	require.NoError(t, err)
	require.True(t, c.TCKMSAddrGiven)
	e, err = emulatorConfig(c, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	require.False(t, e.TCKMSAddrDefault)
	require.True(t, e.TCKMSTLS)
	require.Equal(t, []string{tckms.DefaultSecretID, "AKIDFILE", "AKIDFLAG", "AKIDSTS"}, e.TCKMS.Credentials.IDs())
	sts, _ := e.TCKMS.Credentials.Lookup("AKIDSTS")
	require.Equal(t, "tok", sts.Token.Reveal())
	require.Equal(t, tckms.FlavourSM, e.TCKMS.Flavour)
	require.Equal(t, uint64(42), e.TCKMS.UIN)

	c, _, err = parseConfig("element-emulator", nil, env(map[string]string{"ELEMENT_EMULATOR_TCKMS_ADDR": "off"}), io.Discard)
	require.NoError(t, err)
	require.True(t, c.TCKMSAddrGiven)

	for _, tt := range []struct {
		args []string
		want error
	}{
		{[]string{"--tckms-flavour", "gm"}, ErrTCKMSFlavour},
		{[]string{"--tckms-uin", "0"}, ErrTCKMSUIN},
		{[]string{"--tckms-credential", "no-secret"}, ErrTCKMSCred},
	} {
		_, _, err := parseConfig("element-emulator", tt.args, env(nil), io.Discard)
		require.ErrorIs(t, err, tt.want, "%v", tt.args)
	}
	c, _, err = parseConfig("element-emulator", []string{"--tckms-credentials", filepath.Join(t.TempDir(), "none.json")}, env(nil), io.Discard)
	require.NoError(t, err)
	_, err = emulatorConfig(c, slog.New(slog.DiscardHandler))
	require.ErrorContains(t, err, "--tckms-credentials")
}

// TestTCKMSInLab: each lab cluster has its own Tencent KMS at its base
// port + 6, shown in the class table.
func TestTCKMSInLab(t *testing.T) {
	o := labOptions{BasePort: 18000, Host: "127.0.0.1", Credentials: "same"}
	require.Equal(t, "127.0.0.1:18016", o.addr(2, labPortTCKMS))
	lc := openTestLabCluster(t, o, "--kacls-addr", "off")
	require.NotNil(t, lc.Emu.TCKMS())
	require.Equal(t, "http://"+lc.Emu.Addr("tckms"), lc.TCKMS)
	requireLabTableShows(t, lc, "TENCENT KMS", lc.TCKMS)
}
