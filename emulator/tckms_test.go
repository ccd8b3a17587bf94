package emulator_test

import (
	"testing"

	"github.com/element-emulator/element-emulator/emulator"
)

// TestTCKMSBusyPort: a busy default port leaves the Tencent KMS off and
// the emulator up; the same port given explicitly stops start-up (TK1).
func TestTCKMSBusyPort(t *testing.T) {
	requireBusyPortRule(t, "tckms", "Tencent KMS", func(cfg *emulator.Config, addr string, isDefault bool) {
		cfg.TCKMSAddr, cfg.TCKMSAddrDefault = addr, isDefault
	}, func(e *emulator.Emulator) any { return e.TCKMS() })
}
