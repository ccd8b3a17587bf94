package kmip_test

import (
	"context"
	"testing"

	okmip "github.com/ovh/kmip-go"
	"github.com/stretchr/testify/require"
)

// Locate by a Name or a custom attribute reads only the objects that store
// it (locateCandidates); the answers are the same as a scan of every
// object: every instance counts, the Name type is part of the value,
// destroyed objects only with a State, and other attributes still filter.
func TestLocateByNameAndCustomAttribute(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	c := dialOVH(t, e, e.srv.Addr())
	create := func(name string, attrs ...okmip.Attribute) string {
		t.Helper()
		ex := c.Create().AES(256, okmip.CryptographicUsageEncrypt)
		if name != "" {
			ex = ex.WithName(name)
		}
		cr, err := ex.WithAttributes(attrs...).ExecContext(ctx)
		require.NoError(t, err)
		return cr.UniqueIdentifier
	}
	locate := func(attrs ...okmip.Attribute) []string {
		t.Helper()
		lr, err := c.Locate().WithAttributes(attrs...).ExecContext(ctx)
		require.NoError(t, err)
		return lr.UniqueIdentifier
	}
	name := func(v string, typ okmip.NameType) okmip.Attribute {
		return okmip.Attribute{AttributeName: okmip.AttributeNameName, AttributeValue: okmip.Name{NameValue: v, NameType: typ}}
	}
	text := okmip.NameTypeUninterpretedTextString

	destroyed := create("n1")
	first := create("n1", okmip.Attribute{AttributeName: "x-K", AttributeValue: "v"})
	second := create("other")
	_, err := c.AddAttribute(second, okmip.AttributeNameName, okmip.Name{NameValue: "n1", NameType: text}).ExecContext(ctx)
	require.NoError(t, err)
	uri := create("", name("n1", okmip.NameTypeUri))
	create("", okmip.Attribute{AttributeName: "x-K", AttributeValue: "w"})
	for range 20 {
		create("filler", okmip.Attribute{AttributeName: "x-Filler", AttributeValue: "f"})
	}
	_, err = c.Destroy(destroyed).ExecContext(ctx)
	require.NoError(t, err)

	require.Equal(t, []string{first, second}, locate(name("n1", text)), "any instance, destroyed hidden")
	require.Equal(t, []string{uri}, locate(name("n1", okmip.NameTypeUri)), "the Name type is part of the value")
	require.Equal(t, []string{destroyed}, locate(name("n1", text), okmip.Attribute{AttributeName: okmip.AttributeNameState, AttributeValue: okmip.StateDestroyed}))
	require.Equal(t, []string{second}, locate(name("n1", text), name("other", text)), "every wanted attribute")
	require.Equal(t, []string{first}, locate(okmip.Attribute{AttributeName: "x-K", AttributeValue: "v"}, name("n1", text)))
	require.Empty(t, locate(name("nobody", text)))
	require.Empty(t, locate(okmip.Attribute{AttributeName: "x-Nobody", AttributeValue: "v"}))
	require.Len(t, locate(okmip.Attribute{AttributeName: okmip.AttributeNameCryptographicLength, AttributeValue: int32(256)}), 24,
		"a query on a server-managed attribute still scans every object")
}
