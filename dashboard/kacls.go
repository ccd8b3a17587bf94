package dashboard

import (
	"context"
	"strconv"
	"strings"

	"github.com/element-emulator/element-emulator/kacls"
)

// kaclsRecent is how many of the newest KACLS requests the section shows.
const kaclsRecent = 15

// KACLSSection is the cluster page's panel of the Google CSE KACLS
// instances (docs/kacls.md): their URLs and their newest requests with the
// decisions taken, from the request log (which holds no tokens or keys).
func KACLSSection(svc *kacls.Service) Section {
	return Section{ID: "kacls", Title: "KACLS (Google Workspace CSE)", Build: func(ctx context.Context) ([]Table, error) {
		inst := Table{Caption: "Instances", Columns: []string{"Instance", "URL"}, Empty: "no instances"}
		for _, in := range svc.URLs() {
			inst.Rows = append(inst.Rows, []string{in.Name, in.URL})
		}
		reqs, err := svc.Requests("", 0)
		if err != nil {
			return nil, err
		}
		if len(reqs) > kaclsRecent {
			reqs = reqs[len(reqs)-kaclsRecent:]
		}
		log := Table{Caption: "Recent requests (newest first)", Columns: []string{"#", "Time", "Instance", "Endpoint", "Status", "Decision", "User", "Role", "Resource", "Reason"},
			Empty: "no requests yet"}
		for i := len(reqs) - 1; i >= 0; i-- {
			r := reqs[i]
			log.Rows = append(log.Rows, []string{strconv.FormatInt(r.ID, 10), ts(r.Time), r.Instance, r.Endpoint, strconv.Itoa(r.Status),
				r.Result, r.Email, r.Role, r.ResourceName, strings.TrimSpace(r.Reason)})
		}
		return []Table{inst, log}, nil
	}}
}
