package dashboard

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/cloudkms"
	"github.com/element-emulator/element-emulator/tckms"
)

// TCKMSSection is the cluster page's panel of the Tencent Cloud KMS
// (docs/tencent-kms.md): where to point the SDK, and its newest requests
// from the request log, which holds no secret, signature, token, material
// or plaintext. svc returns the service (nil when it is off) and addr its
// listener address, both read at every refresh.
func TCKMSSection(svc func() *tckms.Service, addr func() string) Section {
	return cloudKMSSection(cloudKMSPanel{id: "tckms", title: "Tencent Cloud KMS", flag: "tckms-addr",
		callerColumn: "SecretId", caller: func(r cloudkms.Record) string { return r.SecretID },
		open: func(a string) (Table, []cloudkms.Record, bool) {
			s := svc()
			if s == nil {
				return Table{}, nil, false
			}
			info := s.Info()
			return Table{Caption: "Endpoint", Columns: []string{"HttpProfile.Endpoint", "Scheme", "Flavour", "SecretIds"}, Rows: [][]string{
				{a, "HTTP", info.Flavour + " (KeyMetadata.Type " + strconv.FormatInt(info.Type, 10) + ")", strings.Join(info.SecretIDs, ", ")}}}, s.Requests(0), true
		},
		keys: func(ctx context.Context) (Table, error) {
			var list func(context.Context, int) ([][]string, int, error)
			if s := svc(); s != nil {
				list = func(ctx context.Context, limit int) ([][]string, int, error) {
					keys, total, err := s.Keys(ctx, limit)
					rows := make([][]string, 0, len(keys))
					for _, k := range keys {
						rows = append(rows, []string{k.ID, k.Alias, string(k.State), string(k.Origin), unixTS(k.CreateTime), unixTS(k.DeletionDate), unixTS(k.ValidTo)})
					}
					return rows, total, err
				}
			}
			return keysTable(ctx, []string{"KeyId", "Alias", "State", "Origin", "Created", "Deletion date", "Material valid to"}, list)
		}}, addr)
}

// unixTS shows a unix time in seconds ("" for 0).
func unixTS(sec int64) string {
	if sec == 0 {
		return ""
	}
	return ts(time.Unix(sec, 0))
}
