package dashboard

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/element-emulator/element-emulator/volumes"
)

// storageMaxRows caps each storage table, so a cluster with thousands of
// volumes still refreshes cheaply; the caption says when rows are left off.
const storageMaxRows = 200

// StorageSection is the cluster page's panel of the storage domain
// (docs/storage.md): volumes, accounts, volume access groups and the
// initiators, four tables from one read of the domain, so they always agree
// with each other. It shows no CHAP secret: the columns are picked field by
// field, and secrets are never one.
func StorageSection(svc *volumes.Service) Section {
	return Section{ID: "storage", Title: "Storage: volumes, accounts, access groups", Build: func(ctx context.Context) ([]Table, error) {
		o, err := svc.Overview(ctx)
		if err != nil {
			return nil, err
		}
		return []Table{volumesTable(o), accountsTable(o), groupsTable(o), initiatorsTable(o)}, nil
	}}
}

// capped keeps the first storageMaxRows of n rows and says so in caption.
func capped(caption string, n int) (string, int) {
	if n > storageMaxRows {
		return fmt.Sprintf("%s (the first %d of %d)", caption, storageMaxRows, n), storageMaxRows
	}
	return caption, n
}

func volumesTable(o volumes.Overview) Table {
	users := map[int64]string{}
	for _, a := range o.Accounts {
		users[a.ID] = a.Username
	}
	caption, n := capped("Volumes, active and deleted (until purged)", len(o.Volumes))
	t := Table{Caption: caption, Columns: []string{"ID", "Name", "Account", "Size", "Status", "Access", "QoS min/max/burst", "Snapshots", "Access groups", "Created"},
		Empty: "no volumes"}
	for _, v := range o.Volumes[:n] {
		status := string(v.Status)
		if v.Status == volumes.Deleted {
			status += " (purge " + ts(v.PurgeTime) + ")"
		}
		qos := fmt.Sprintf("%d/%d/%d", v.QoS.MinIOPS, v.QoS.MaxIOPS, v.QoS.BurstIOPS)
		if v.QoSPolicyID != 0 {
			qos += " (policy " + itoa(v.QoSPolicyID) + ")"
		}
		t.Rows = append(t.Rows, []string{itoa(v.ID), v.Name, account(v.AccountID, users), size(v.TotalSize), status, string(v.Access), qos,
			strconv.Itoa(o.Snapshots[v.ID]), ids(v.AccessGroups), ts(v.Created)})
	}
	return t
}

func accountsTable(o volumes.Overview) Table {
	caption, n := capped("Accounts", len(o.Accounts))
	t := Table{Caption: caption, Columns: []string{"ID", "Username", "Status", "CHAP", "Volumes"}, Empty: "no accounts"}
	for _, a := range o.Accounts[:n] {
		chap := "off"
		if a.EnableChap {
			chap = "on"
		}
		t.Rows = append(t.Rows, []string{itoa(a.ID), a.Username, a.Status, chap, strconv.Itoa(len(a.Volumes))})
	}
	return t
}

func groupsTable(o volumes.Overview) Table {
	caption, n := capped("Access groups", len(o.AccessGroups))
	t := Table{Caption: caption, Columns: []string{"ID", "Name", "Volumes", "Deleted volumes", "Initiators"}, Empty: "no access groups"}
	for _, g := range o.AccessGroups[:n] {
		t.Rows = append(t.Rows, []string{itoa(g.ID), g.Name, ids(g.Active), ids(g.DeletedVolumes), strings.Join(g.InitiatorNames, ", ")})
	}
	return t
}

func initiatorsTable(o volumes.Overview) Table {
	caption, n := capped("Initiators", len(o.Initiators))
	t := Table{Caption: caption, Columns: []string{"ID", "Name", "Alias", "Access groups", "CHAP"}, Empty: "no initiators"}
	for _, in := range o.Initiators[:n] {
		chap := "not required"
		if in.RequireChap {
			chap = "required (user " + in.ChapUsername + ")"
		}
		t.Rows = append(t.Rows, []string{itoa(in.ID), in.Name, in.Alias, ids(in.AccessGroups), chap})
	}
	return t
}

// account is "username (ID)", or the ID alone for an unknown account.
func account(id int64, users map[int64]string) string {
	if u, ok := users[id]; ok {
		return u + " (" + itoa(id) + ")"
	}
	return itoa(id)
}

// ids joins IDs with commas; "–" when there are none.
func ids(list []int64) string {
	if len(list) == 0 {
		return "–"
	}
	parts := make([]string, len(list))
	for i, id := range list {
		parts[i] = itoa(id)
	}
	return strings.Join(parts, ", ")
}

// size is a byte count in decimal units (Element sizes volumes in GB), with
// the exact count.
func size(n int64) string {
	return fmt.Sprintf("%.2f GB (%d B)", float64(n)/1e9, n)
}
