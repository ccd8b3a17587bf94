package admins

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The name patterns are unbounded and their lengths are checked beside
// them; these are the edges the bounded patterns used to draw.
func TestHostNameLengths(t *testing.T) {
	label63, label64 := strings.Repeat("a", 63), strings.Repeat("a", 64)
	for h, ok := range map[string]bool{
		"ntp.example.com": true, "ntp.example.com.": true, "10.0.0.1": true, "a": true,
		label63 + ".example.com": true, label64 + ".example.com": false, "example." + label64: false,
		"-bad.example.com": false, "a..b": false, "": false, "a b": false,
	} {
		assert.Equal(t, ok, checkHost("p", h) == nil, "%q", h)
	}
}
