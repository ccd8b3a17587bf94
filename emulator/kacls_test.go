package emulator_test

import (
	"testing"

	"github.com/element-emulator/element-emulator/emulator"
)

// TestKACLSBusyPort: a busy default port leaves the KACLS off and the
// emulator up; the same port given explicitly stops start-up (KA1).
func TestKACLSBusyPort(t *testing.T) {
	requireBusyPortRule(t, "kacls", "KACLS", func(cfg *emulator.Config, addr string, isDefault bool) {
		cfg.KACLSAddr, cfg.KACLSAddrDefault = addr, isDefault
		cfg.KACLS.TestIssuers = true
	}, func(e *emulator.Emulator) any { return e.KACLS() })
}
