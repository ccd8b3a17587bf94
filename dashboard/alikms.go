package dashboard

import (
	"context"
	"strings"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/cloudkms"
)

// AlikmsSection is the cluster page's panel of the Alibaba Cloud KMS
// (docs/alibaba-kms.md): where to point the SDK, and its newest requests
// from the request log, which holds no secret, signature, material or
// plaintext. svc returns the service (nil when it is off) and addr its
// listener address, both read at every refresh.
func AlikmsSection(svc func() *alikms.Service, addr func() string) Section {
	return cloudKMSSection(cloudKMSPanel{id: "alikms", title: "Alibaba Cloud KMS", flag: "alikms-addr",
		callerColumn: "AccessKeyId", caller: func(r cloudkms.Record) string { return r.AccessKeyID },
		open: func(a string) (Table, []cloudkms.Record, bool) {
			s := svc()
			if s == nil {
				return Table{}, nil, false
			}
			return Table{Caption: "Endpoint", Columns: []string{"Config.Endpoint", "Protocol", "Region", "AccessKeyIds"}, Rows: [][]string{
				{a, "http", s.Region(), strings.Join(s.AccessKeyIDs(), ", ")}}}, s.Requests(0), true
		},
		keys: func(ctx context.Context) (Table, error) {
			var list func(context.Context, int) ([][]string, int, error)
			if s := svc(); s != nil {
				list = func(ctx context.Context, limit int) ([][]string, int, error) {
					keys, total, err := s.Keys(ctx, limit)
					rows := make([][]string, 0, len(keys))
					for _, k := range keys {
						rows = append(rows, []string{k.ID, k.State, k.KeySpec, k.Primary, ts(k.Created), ts(k.DeleteDate), ts(k.NextRotation)})
					}
					return rows, total, err
				}
			}
			return keysTable(ctx, []string{"KeyId", "State", "KeySpec", "Primary version", "Created", "Deletion date", "Next rotation"}, list)
		}}, addr)
}
