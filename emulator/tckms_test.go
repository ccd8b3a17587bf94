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

// TestTCKMSBusyPort: a busy default port leaves the Tencent KMS off and
// the emulator up; the same port given explicitly stops start-up (TK1).
func TestTCKMSBusyPort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()
	for _, defaultAddr := range []bool{true, false} {
		cfg := apitest.Config(filepath.Join(t.TempDir(), "data"))
		cfg.TCKMSAddr, cfg.TCKMSAddrDefault = busy.Addr().String(), defaultAddr
		e, err := emulator.New(context.Background(), cfg)
		require.NoError(t, err)
		err = e.Start(context.Background())
		if defaultAddr {
			require.NoError(t, err)
			require.Nil(t, e.TCKMS())
			require.Empty(t, e.Addr("tckms"))
		} else {
			require.ErrorContains(t, err, "Tencent KMS listener on "+busy.Addr().String())
		}
		require.NoError(t, e.Close())
	}
}
