package dashboard

import (
	"context"
	"strconv"
	"strings"

	"github.com/element-emulator/element-emulator/alikms"
)

// alikmsRecent is how many of the newest Alibaba KMS requests the section
// shows.
const alikmsRecent = 15

// AlikmsSection is the cluster page's panel of the Alibaba Cloud KMS
// (docs/alibaba-kms.md): where to point the SDK, and its newest requests
// from the request log, which holds no secret, signature, material or
// plaintext. svc returns the service (nil when it is off) and addr its
// listener address, both read at every refresh.
func AlikmsSection(svc func() *alikms.Service, addr func() string) Section {
	return Section{ID: "alikms", Title: "Alibaba Cloud KMS", Build: func(ctx context.Context) ([]Table, error) {
		s := svc()
		if s == nil || addr() == "" {
			return []Table{{Caption: "Endpoint", Columns: []string{"Endpoint"}, Empty: "off (--alikms-addr off, or its default port was busy)"}}, nil
		}
		ep := Table{Caption: "Endpoint", Columns: []string{"Config.Endpoint", "Protocol", "Region", "AccessKeyIds"}, Rows: [][]string{
			{addr(), "http", s.Region(), strings.Join(s.AccessKeyIDs(), ", ")}}}
		reqs := s.Requests(0)
		if len(reqs) > alikmsRecent {
			reqs = reqs[len(reqs)-alikmsRecent:]
		}
		log := Table{Caption: "Recent requests (newest first)", Columns: []string{"#", "Time", "Action", "AccessKeyId", "Signature", "KeyId", "Status", "Code"},
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
			log.Rows = append(log.Rows, []string{strconv.FormatInt(r.ID, 10), ts(r.Time), r.Action, r.AccessKeyID, r.Signature, r.KeyID,
				strconv.Itoa(r.Status), code})
		}
		return []Table{ep, log}, nil
	}}
}
