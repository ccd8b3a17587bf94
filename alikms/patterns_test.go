package alikms

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAliasLengths(t *testing.T) {
	for name, ok := range map[string]bool{
		"alias/a": true, "alias/" + strings.Repeat("a", 255): true, "alias/" + strings.Repeat("a", 256): false,
		"alias/": false, "alias/a b": false, "alias/x/y_z-1": true, "other/a": false,
	} {
		assert.Equal(t, ok, validAlias(name), "%q", name)
	}
}
