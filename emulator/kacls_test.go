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

// TestKACLSBusyPort: a busy default port leaves the KACLS off and the
// emulator up; the same port given explicitly stops start-up (KA1).
func TestKACLSBusyPort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()
	for _, tt := range []struct {
		name        string
		defaultAddr bool
	}{{"default port busy: off with a warning", true}, {"explicit port busy: an error", false}} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := apitest.Config(filepath.Join(t.TempDir(), "data"))
			cfg.KACLSAddr, cfg.KACLSAddrDefault = busy.Addr().String(), tt.defaultAddr
			cfg.KACLS.TestIssuers = true
			e, err := emulator.New(context.Background(), cfg)
			require.NoError(t, err)
			defer e.Close()
			err = e.Start(context.Background())
			if tt.defaultAddr {
				require.NoError(t, err)
				require.Nil(t, e.KACLS())
				require.Empty(t, e.Addr("kacls"))
				return
			}
			require.ErrorContains(t, err, "KACLS listener on "+busy.Addr().String())
		})
	}
}
