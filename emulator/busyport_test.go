package emulator_test

import (
	"context"
	"net"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

// requireBusyPortRule checks a key service's listener rule: a busy default
// port leaves the service off and the emulator up; the same port given
// explicitly stops start-up with "<label> listener on <addr>". set points
// the configuration at addr; service returns the service (nil when off);
// name is its listener name.
func requireBusyPortRule(t *testing.T, name, label string, set func(cfg *emulator.Config, addr string, isDefault bool),
	service func(*emulator.Emulator) any) {
	t.Helper()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()
	for _, tt := range []struct {
		name        string
		defaultAddr bool
	}{{"default port busy: off with a warning", true}, {"explicit port busy: an error", false}} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := apitest.Config(filepath.Join(t.TempDir(), "data"))
			set(&cfg, busy.Addr().String(), tt.defaultAddr)
			e, err := emulator.New(context.Background(), cfg)
			require.NoError(t, err)
			defer func() { require.NoError(t, e.Close()) }()
			err = e.Start(context.Background())
			if tt.defaultAddr {
				require.NoError(t, err)
				require.Nil(t, service(e))
				require.Empty(t, e.Addr(name))
				return
			}
			require.ErrorContains(t, err, label+" listener on "+busy.Addr().String())
		})
	}
}
