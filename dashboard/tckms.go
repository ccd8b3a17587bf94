package dashboard

import (
	"context"
	"strconv"
	"strings"

	"github.com/element-emulator/element-emulator/tckms"
)

// tckmsRecent is how many of the newest Tencent KMS requests the section
// shows.
const tckmsRecent = 15

// TCKMSSection is the cluster page's panel of the Tencent Cloud KMS
// (docs/tencent-kms.md): where to point the SDK, and its newest requests
// from the request log, which holds no secret, signature, token, material
// or plaintext. svc returns the service (nil when it is off) and addr its
// listener address, both read at every refresh.
func TCKMSSection(svc func() *tckms.Service, addr func() string) Section {
	return Section{ID: "tckms", Title: "Tencent Cloud KMS", Build: func(ctx context.Context) ([]Table, error) {
		s := svc()
		if s == nil || addr() == "" {
			return []Table{{Caption: "Endpoint", Columns: []string{"Endpoint"}, Empty: "off (--tckms-addr off, or its default port was busy)"}}, nil
		}
		info := s.Info()
		ep := Table{Caption: "Endpoint", Columns: []string{"HttpProfile.Endpoint", "Scheme", "Flavour", "SecretIds"}, Rows: [][]string{
			{addr(), "HTTP", info.Flavour + " (KeyMetadata.Type " + strconv.FormatInt(info.Type, 10) + ")", strings.Join(info.SecretIDs, ", ")}}}
		reqs := s.Requests(0)
		if len(reqs) > tckmsRecent {
			reqs = reqs[len(reqs)-tckmsRecent:]
		}
		log := Table{Caption: "Recent requests (newest first)", Columns: []string{"#", "Time", "Action", "SecretId", "Signature", "KeyId", "Status", "Code"},
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
			log.Rows = append(log.Rows, []string{strconv.FormatInt(r.ID, 10), ts(r.Time), r.Action, r.SecretID, r.Signature, r.KeyID,
				strconv.Itoa(r.Status), code})
		}
		return []Table{ep, log}, nil
	}}
}
