package main

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAlikmsFlags: the Alibaba KMS is on by default on 127.0.0.1:9441 with
// the default pair; flags add pairs, change the address, region and
// account; bad values are refused before anything starts.
func TestAlikmsFlags(t *testing.T) {
	parse := func(args []string, env map[string]string) (Config, error) {
		c, _, err := parseConfig("test", args, func(k string) string { return env[k] }, io.Discard)
		return c, err
	}
	c, err := parse(nil, nil)
	require.NoError(t, err)
	require.Equal(t, "127.0.0.1:9441", c.AlikmsAddr)
	require.False(t, c.AlikmsAddrGiven, "a busy default port only warns")
	e, err := emulatorConfig(c, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	require.True(t, e.AlikmsAddrDefault)
	require.Equal(t, []string{"LTAIEMULATOR0000000000"}, e.Alikms.Credentials.IDs())
	require.Equal(t, "cn-hangzhou", e.Alikms.Region)

	c, err = parse([]string{"--alikms-addr", "127.0.0.1:19441", "--alikms-credential", "LTAIOPS:s3cret", "--alikms-credential", "STS.X:k:tok",
		"--alikms-region", "cn-shanghai", "--alikms-account", "42"}, nil)
	require.NoError(t, err)
	require.True(t, c.AlikmsAddrGiven)
	e, err = emulatorConfig(c, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	require.False(t, e.AlikmsAddrDefault)
	require.Equal(t, []string{"LTAIEMULATOR0000000000", "LTAIOPS", "STS.X"}, e.Alikms.Credentials.IDs())
	cr, _ := e.Alikms.Credentials.Lookup("STS.X")
	require.Equal(t, "tok", cr.Token.Reveal())
	require.Equal(t, "cn-shanghai", e.Alikms.Region)
	require.Equal(t, "42", e.Alikms.Account)

	c, err = parse(nil, map[string]string{"ELEMENT_EMULATOR_ALIKMS_ADDR": "off"})
	require.NoError(t, err)
	require.True(t, c.AlikmsAddrGiven)
	require.Equal(t, "off", c.AlikmsAddr)

	for _, bad := range [][]string{{"--alikms-credential", "no-secret"}, {"--alikms-credential", "a/b:s"}, {"--alikms-credential", ":s"}} {
		_, err = parse(bad, nil)
		require.ErrorIs(t, err, ErrAlikmsCredential, "%v", bad)
	}
	// A credentials file, as for the Tencent KMS.
	f := filepath.Join(t.TempDir(), "ali.json")
	require.NoError(t, os.WriteFile(f, []byte(`[{"id": "LTAIFILE", "secret": "file-secret"}, {"id": "STS.F", "secret": "s", "token": "t"}]`), 0o600))
	c, err = parse([]string{"--alikms-credentials", f}, nil)
	require.NoError(t, err)
	e, err = emulatorConfig(c, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	require.Equal(t, []string{"LTAIEMULATOR0000000000", "LTAIFILE", "STS.F"}, e.Alikms.Credentials.IDs())
	require.NoError(t, os.WriteFile(f, []byte(`{"not": "a list"}`), 0o600))
	c, err = parse([]string{"--alikms-credentials", f}, nil)
	require.NoError(t, err)
	_, err = emulatorConfig(c, slog.New(slog.DiscardHandler))
	require.ErrorContains(t, err, "--alikms-credentials")

	_, err = parse([]string{"--alikms-region", "CN Hangzhou"}, nil)
	require.ErrorIs(t, err, ErrAlikmsRegion)
	_, err = parse([]string{"--alikms-account", "acct"}, nil)
	require.ErrorIs(t, err, ErrAlikmsAccount)
}

// TestAlikmsInLab: each lab cluster has its own Alibaba KMS at its base
// port + 5, shown in the class table.
func TestAlikmsInLab(t *testing.T) {
	o := labOptions{BasePort: 18000, Host: "127.0.0.1", Credentials: "same"}
	require.Equal(t, "127.0.0.1:18015", o.addr(2, labPortAlikms))
	lc := openTestLabCluster(t, o, "--kacls-addr", "off", "--tckms-addr", "off")
	require.NotNil(t, lc.Emu.Alikms())
	require.Equal(t, "http://"+lc.Emu.Addr("alikms"), lc.Alikms)
	requireLabTableShows(t, lc, "ALIBABA KMS", lc.Alikms)
}
