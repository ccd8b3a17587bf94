package dashboard

import (
	"strconv"
	"strings"

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
		}}, addr)
}
