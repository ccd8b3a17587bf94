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
			t := Table{Columns: []string{"KeyId", "State", "KeySpec", "Primary version", "Created", "Deletion date", "Next rotation"}, Empty: "no keys yet"}
			s := svc()
			if s == nil {
				return t, nil
			}
			keys, total, err := s.Keys(ctx, cloudKMSKeys)
			if err != nil {
				return t, err
			}
			t.Caption = keysCaption(len(keys), total)
			for _, k := range keys {
				t.Rows = append(t.Rows, []string{k.ID, k.State, k.KeySpec, k.Primary, ts(k.Created), ts(k.DeleteDate), ts(k.NextRotation)})
			}
			return t, nil
		}}, addr)
}
