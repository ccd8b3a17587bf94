package kmip_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipclient"
	"github.com/ovh/kmip-go/payloads"
	"github.com/ovh/kmip-go/ttlv"
	"github.com/stretchr/testify/require"
)

// The OASIS SA-SED v1.0 profile vectors (docs/kmip.md, the OASIS SA-SED
// profile), copied from the ovh module's kmiptest/testdata (Apache-2.0; the
// vectors are OASIS test cases).
var (
	sasedMessageRe = regexp.MustCompile(`(?s)<(RequestMessage|ResponseMessage)>.*?</(RequestMessage|ResponseMessage)>`)
	sasedNowRe     = regexp.MustCompile(`\$NOW([+-]\d+)?`)
	sasedVarRe     = regexp.MustCompile(`\$UNIQUE_IDENTIFIER_\d+`)
)

// TestSASEDVectors replays SASED-M-1-14, -2-14 and -3-14 (8 messages) in
// order against one server, with the header version rewritten to 1.0, 1.3
// and 1.4; $UNIQUE_IDENTIFIER_n is bound to the UID the server returns.
func TestSASEDVectors(t *testing.T) {
	files, err := filepath.Glob("testdata/sased/SASED-M-*-14.xml")
	require.NoError(t, err)
	require.Len(t, files, 3)
	for _, minor := range []string{"0", "3", "4"} {
		t.Run("v1."+minor, func(t *testing.T) {
			e := newEnv(t)
			e.clock.set(time.Now()) // vectors carry real-time $NOW dates
			c := dialOVH(t, e, e.srv.Addr())
			vars := map[string]string{}
			total := 0
			for _, file := range files {
				total += replaySASED(t, c, file, minor, vars)
			}
			require.Equal(t, 8, total)
			require.Contains(t, vars, "$UNIQUE_IDENTIFIER_0")
		})
	}
}

var sasedMinorRe = regexp.MustCompile(`(<ProtocolVersionMinor type="Integer" value=")4(")`)

func replaySASED(t *testing.T, c *kmipclient.Client, file, minor string, vars map[string]string) int {
	t.Helper()
	raw, err := os.ReadFile(file)
	require.NoError(t, err)
	now := time.Now()
	text := sasedNowRe.ReplaceAllStringFunc(string(raw), func(s string) string {
		var off time.Duration
		if len(s) > 4 {
			d, err := time.ParseDuration(s[4:] + "s")
			require.NoError(t, err)
			off = d
		}
		return now.Add(off).UTC().Format(time.RFC3339)
	})
	text = sasedMinorRe.ReplaceAllString(text, "${1}"+minor+"${2}")
	msgs := sasedMessageRe.FindAllString(text, -1)
	require.NotEmpty(t, msgs)
	require.Zero(t, len(msgs)%2)
	subst := func(s string) string {
		return sasedVarRe.ReplaceAllStringFunc(s, func(v string) string {
			if got, ok := vars[v]; ok {
				return got
			}
			return v
		})
	}
	name := filepath.Base(file)
	for i := 0; i < len(msgs); i += 2 {
		var req okmip.RequestMessage
		require.NoError(t, ttlv.UnmarshalXML([]byte(subst(msgs[i])), &req), "%s request %d", name, i/2)
		resp, err := c.Roundtrip(context.Background(), &req)
		require.NoError(t, err)
		expText := subst(msgs[i+1])
		// Bind a variable the expected answer defines to the UID we returned.
		if m := sasedVarRe.FindString(expText); m != "" && len(resp.BatchItem) == 1 {
			switch p := resp.BatchItem[0].ResponsePayload.(type) {
			case *payloads.RegisterResponsePayload:
				vars[m] = p.UniqueIdentifier
			case *payloads.LocateResponsePayload:
				if len(p.UniqueIdentifier) == 1 {
					vars[m] = p.UniqueIdentifier[0]
				}
			}
			expText = subst(expText)
		}
		var want okmip.ResponseMessage
		require.NoError(t, ttlv.UnmarshalXML([]byte(expText), &want), "%s response %d", name, i/2)
		require.Len(t, resp.BatchItem, len(want.BatchItem))
		for bi := range want.BatchItem {
			w, g := want.BatchItem[bi], resp.BatchItem[bi]
			require.Equal(t, ttlv.EnumStr(w.Operation), ttlv.EnumStr(g.Operation), "%s message %d", name, i/2)
			require.Equal(t, ttlv.EnumStr(w.ResultStatus), ttlv.EnumStr(g.ResultStatus),
				"%s message %d (%s): %s %s", name, i/2, ttlv.EnumStr(g.Operation), ttlv.EnumStr(g.ResultReason), g.ResultMessage)
			if l, ok := w.ResponsePayload.(*payloads.LocateResponsePayload); ok {
				require.Equal(t, l.UniqueIdentifier, g.ResponsePayload.(*payloads.LocateResponsePayload).UniqueIdentifier,
					"%s message %d: Locate result", name, i/2)
			}
		}
	}
	return len(msgs) / 2
}
