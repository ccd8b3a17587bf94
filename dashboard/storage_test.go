package dashboard_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// sectionTable returns the rows of the table captioned caption (by
// prefix) in the section id of a state, or nil.
func sectionTable(v map[string]any, id, caption string) [][]string {
	for _, sec := range v["sections"].([]any) {
		sm := sec.(map[string]any)
		if sm["id"] != id {
			continue
		}
		for _, tb := range sm["tables"].([]any) {
			tm := tb.(map[string]any)
			if c, _ := tm["caption"].(string); !strings.HasPrefix(c, caption) {
				continue
			}
			rows := [][]string{}
			for _, r := range tm["rows"].([]any) {
				row := []string{}
				for _, c := range r.([]any) {
					row = append(row, c.(string))
				}
				rows = append(rows, row)
			}
			return rows
		}
	}
	return nil
}

// TestStorageSectionFollowsTheAPI: an account, a volume with a snapshot,
// an initiator with CHAP and an access group created through the JSON-RPC
// API show in the event stream and the state, a deletion follows live, and
// no CHAP secret (given or generated) reaches the pages, the state or the
// stream.
func TestStorageSectionFollowsTheAPI(t *testing.T) {
	s := apitest.NewServer(t)
	st := openStream(t, s, "/_emulator/ui/events")
	first := st.next()
	require.Empty(t, sectionTable(first, "storage", "Volumes"))
	require.Empty(t, sectionTable(first, "storage", "Accounts"))
	require.Empty(t, sectionTable(first, "storage", "Access groups"))

	aid := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "tenant-a", "initiatorSecret": "InitSecret1234", "targetSecret": "TargSecret5678"})["accountID"])
	bid := apitest.Int(t, s.OK("AddAccount", map[string]any{"username": "tenant-b"})["accountID"])
	gen := s.OK("GetAccountByID", map[string]any{"accountID": bid})["account"].(map[string]any)
	vid := apitest.Int(t, s.OK("CreateVolume", map[string]any{"name": "vol-data", "accountID": aid, "totalSize": int64(2e9),
		"qos": map[string]any{"minIOPS": 100, "maxIOPS": 1000, "burstIOPS": 2000}})["volumeID"])
	s.OK("CreateSnapshot", map[string]any{"volumeID": vid})
	s.OK("CreateInitiators", map[string]any{"initiators": []any{map[string]any{"name": "iqn.1998-01.com.vmware:host-1", "alias": "esx-1",
		"requireChap": true, "chapUsername": "host-1", "initiatorSecret": "IniChapSec1234", "targetSecret": "TgtChapSec5678"}}})
	gid := apitest.Int(t, s.OK("CreateVolumeAccessGroup", map[string]any{"name": "hosts", "initiators": []any{"iqn.1998-01.com.vmware:host-1"},
		"volumes": []int64{vid}})["volumeAccessGroupID"])

	v := st.until(func(v map[string]any) bool { return len(sectionTable(v, "storage", "Access groups")) == 1 })
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	require.Equal(t, [][]string{{id(vid), "vol-data", "tenant-a (" + id(aid) + ")", "2.00 GB (2000683008 B)", "active", "readWrite", "100/1000/2000",
		"1", id(gid), "2026-03-04T10:00:00Z"}}, sectionTable(v, "storage", "Volumes"))
	require.Equal(t, [][]string{{id(aid), "tenant-a", "active", "on", "1"}, {id(bid), "tenant-b", "active", "on", "0"}}, sectionTable(v, "storage", "Accounts"))
	require.Equal(t, [][]string{{id(gid), "hosts", id(vid), "–", "iqn.1998-01.com.vmware:host-1"}}, sectionTable(v, "storage", "Access groups"))
	require.Equal(t, [][]string{{"1", "iqn.1998-01.com.vmware:host-1", "esx-1", id(gid), "required (user host-1)"}}, sectionTable(v, "storage", "Initiators"))

	// A deletion shows at once, with the purge time.
	s.OK("DeleteVolume", map[string]any{"volumeID": vid})
	v = st.until(func(v map[string]any) bool {
		rows := sectionTable(v, "storage", "Volumes")
		return len(rows) == 1 && strings.HasPrefix(rows[0][4], "deleted")
	})
	require.Equal(t, "deleted (purge 2026-03-04T18:00:00Z)", sectionTable(v, "storage", "Volumes")[0][4])
	require.Equal(t, "0", sectionTable(v, "storage", "Accounts")[0][4])
	require.Equal(t, id(vid), sectionTable(v, "storage", "Access groups")[0][3])

	_, state := get(t, s, s.URL, "/_emulator/ui/state", s.User, s.Pass)
	require.Contains(t, state, "vol-data")
	var pages strings.Builder
	for _, p := range []string{"/_emulator/ui/", "/_emulator/ui/lab", "/_emulator/ui/lab/state", "/_emulator/ui/static/cluster.js"} {
		resp, b := get(t, s, s.URL, p, s.User, s.Pass)
		require.Equal(t, http.StatusOK, resp.StatusCode, p)
		pages.WriteString(b)
	}
	secrets := []string{"InitSecret1234", "TargSecret5678", "IniChapSec1234", "TgtChapSec5678", gen["initiatorSecret"].(string), gen["targetSecret"].(string)}
	for _, sec := range secrets {
		require.GreaterOrEqual(t, len(sec), 12)
		require.NotContains(t, state, sec)
		require.NotContains(t, st.raw.String(), sec)
		require.NotContains(t, pages.String(), sec)
	}
}
