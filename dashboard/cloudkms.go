package dashboard

import (
	"context"
	"strconv"

	"github.com/element-emulator/element-emulator/cloudkms"
)

// cloudKMSRecent is how many of the newest requests a cloud KMS section
// shows.
const cloudKMSRecent = 15

// cloudKMSPanel describes the cluster page's panel of one cloud KMS
// personality: where to point the SDK, and its newest requests from the
// request log, which holds no secret, signature, token, material or
// plaintext.
type cloudKMSPanel struct {
	id, title string
	// flag is the listener's flag, named when the service is off.
	flag string
	// callerColumn heads the column of who signed; caller reads it.
	callerColumn string
	caller       func(cloudkms.Record) string
	// open returns the endpoint table for the listener address addr and
	// the request log; on is false when the service is off.
	open func(addr string) (endpoint Table, log []cloudkms.Record, on bool)
	// keys returns the table of keys and their states (never material).
	keys func(ctx context.Context) (Table, error)
}

// cloudKMSKeys is how many keys a cloud KMS section lists.
const cloudKMSKeys = 50

// keysTable builds a keys table with columns from list, which returns the
// first cloudKMSKeys keys' rows and how many keys there are; list is nil
// when the service is off.
func keysTable(ctx context.Context, columns []string, list func(ctx context.Context, limit int) ([][]string, int, error)) (Table, error) {
	t := Table{Columns: columns, Empty: "no keys yet"}
	if list == nil {
		return t, nil
	}
	rows, total, err := list(ctx, cloudKMSKeys)
	if err != nil {
		return t, err
	}
	t.Rows, t.Caption = rows, "Keys"
	if total > len(rows) {
		t.Caption = "Keys (the first " + strconv.Itoa(len(rows)) + " of " + strconv.Itoa(total) + ")"
	}
	return t, nil
}

// cloudKMSSection builds p's section; addr returns the listener address
// ("" when off), read with the service at every refresh.
func cloudKMSSection(p cloudKMSPanel, addr func() string) Section {
	return Section{ID: p.id, Title: p.title, Build: func(ctx context.Context) ([]Table, error) {
		var (
			ep   Table
			reqs []cloudkms.Record
			on   bool
		)
		if a := addr(); a != "" {
			ep, reqs, on = p.open(a)
		}
		if !on {
			return []Table{{Caption: "Endpoint", Columns: []string{"Endpoint"}, Empty: "off (--" + p.flag + " off, or its default port was busy)"}}, nil
		}
		if len(reqs) > cloudKMSRecent {
			reqs = reqs[len(reqs)-cloudKMSRecent:]
		}
		log := Table{Caption: "Recent requests (newest first)", Columns: []string{"#", "Time", "Action", p.callerColumn, "Signature", "KeyId", "Status", "Code"},
			Empty: "no requests yet"}
		for i := len(reqs) - 1; i >= 0; i-- {
			r := reqs[i]
			code := r.Code
			if code == "" {
				code = "OK"
			}
			if r.Fault != "" {
				code += " (fault: " + r.Fault + ")"
			}
			log.Rows = append(log.Rows, []string{strconv.FormatInt(r.ID, 10), ts(r.Time), r.Action, p.caller(r), r.Signature, r.KeyID,
				strconv.Itoa(r.Status), code})
		}
		keys, err := p.keys(ctx)
		if err != nil {
			return nil, err
		}
		return []Table{ep, keys, log}, nil
	}}
}
