package api

import (
	"context"
	"slices"

	"github.com/element-emulator/element-emulator/cluster"
)

// Access control of added cluster admins (docs/admins.md, Access; AD1–AD3).
//
// Every registered method has exactly one entry in methodAccess: the access
// type it belongs to and whether it only reads. An admin added with
// AddClusterAdmin may call a method when its access list holds
//   - "administrator" (everything), or
//   - the method's own type (a "volumes" admin lists and changes volumes),
//     or for the storage methods NetApp's reference also lists under
//     clusterAdmin (snapshots, access groups, group clones…), that type, or
//   - "read" or "reporting", and the method only reads, or
//   - "write", and the method is not of type administrator or clusterAdmin.
// The primary admin (and every caller in bootstrap mode) may call anything.
// Others get xPermissionDenied (AD2). TestMethodAccessCoversTable fails when
// a method is registered without an entry here; such a method is refused to
// every added admin but an administrator.

// access type names, as AddClusterAdmin's access list spells them
// (admins.Access).
const (
	accAccounts      = "accounts"
	accAdministrator = "administrator"
	accClusterAdmin  = "clusterAdmin"
	accDrives        = "drives"
	accNodes         = "nodes"
	accRead          = "read"
	accReporting     = "reporting"
	accVolumes       = "volumes"
	accWrite         = "write"
	// accAny marks a method every authenticated admin may call (GetAPI).
	accAny = "*"
)

// need is what a method requires: its access type, a second type that
// also opens it (the reference's clusterAdmin list, AD1), and whether it
// only reads.
type need struct {
	access string
	also   string
	reads  bool
}

func rd(access string) need { return need{access: access, reads: true} }
func wr(access string) need { return need{access: access} }

// orClusterAdmin marks a method the reference also lists under clusterAdmin.
func (n need) orClusterAdmin() need { n.also = accClusterAdmin; return n }

// methodAccess is the one access table: canonical method name → need.
var methodAccess = map[string]need{
	// Cluster basics
	"GetAPI":                rd(accAny),
	"GetClusterInfo":        rd(accAny), // AD4
	"GetClusterVersionInfo": rd(accAny), // AD4
	"ListActiveNodes":       rd(accNodes),
	"ListAllNodes":          rd(accNodes),
	"GetClusterCapacity":    rd(accReporting),
	"ListEvents":            rd(accReporting),
	"CreateCluster":         wr(accAdministrator),

	// Node membership, network configuration, virtual networks
	// (docs/nodes.md); the node listener's GetConfig (AN1).
	"GetConfig":              rd(accNodes),
	"ListPendingNodes":       rd(accNodes),
	"ListPendingActiveNodes": rd(accNodes),
	"AddNodes":               wr(accNodes),
	"RemoveNodes":            wr(accNodes),
	"GetNetworkConfig":       rd(accNodes),
	"SetNetworkConfig":       wr(accNodes),
	"ListVirtualNetworks":    rd(accNodes),
	"AddVirtualNetwork":      wr(accNodes),
	"ModifyVirtualNetwork":   wr(accNodes),
	"RemoveVirtualNetwork":   wr(accNodes),

	// Key management and encryption at rest: administrator only
	"CreatePublicPrivateKeyPair":             wr(accAdministrator),
	"GetClientCertificateSignRequest":        wr(accAdministrator),
	"CreateKeyServerKmip":                    wr(accAdministrator),
	"ModifyKeyServerKmip":                    wr(accAdministrator),
	"DeleteKeyServerKmip":                    wr(accAdministrator),
	"GetKeyServerKmip":                       rd(accAdministrator),
	"ListKeyServersKmip":                     rd(accAdministrator),
	"TestKeyServerKmip":                      wr(accAdministrator),
	"CreateKeyProviderKmip":                  wr(accAdministrator),
	"DeleteKeyProviderKmip":                  wr(accAdministrator),
	"GetKeyProviderKmip":                     rd(accAdministrator),
	"ListKeyProvidersKmip":                   rd(accAdministrator),
	"TestKeyProviderKmip":                    wr(accAdministrator),
	"AddKeyServerToProviderKmip":             wr(accAdministrator),
	"RemoveKeyServerFromProviderKmip":        wr(accAdministrator),
	"RekeySoftwareEncryptionAtRestMasterKey": wr(accAdministrator),
	"GetSoftwareEncryptionAtRestInfo":        rd(accAdministrator),
	"EnableEncryptionAtRest":                 wr(accAdministrator),
	"DisableEncryptionAtRest":                wr(accAdministrator),
	"GetEncryptionAtRestInfo":                rd(accAdministrator),

	// Drives
	"ListDrives":           rd(accDrives),
	"ListDriveHardware":    rd(accDrives).orClusterAdmin(),
	"GetDriveHardwareInfo": rd(accDrives),
	"GetDriveStats":        rd(accDrives),
	"AddDrives":            wr(accDrives),
	"RemoveDrives":         wr(accDrives),
	"SecureEraseDrives":    wr(accDrives),
	"ResetDrives":          wr(accDrives),
	"TestDrives":           wr(accDrives),

	// Async results and cluster faults
	"GetAsyncResult":     rd(accRead),
	"ListAsyncResults":   rd(accRead),
	"ListClusterFaults":  rd(accReporting),
	"ClearClusterFaults": wr(accAdministrator),

	// Accounts
	"AddAccount":           wr(accAccounts),
	"GetAccountByID":       rd(accAccounts),
	"GetAccountByName":     rd(accAccounts),
	"GetAccountEfficiency": rd(accAccounts),
	"ListAccounts":         rd(accAccounts),
	"ModifyAccount":        wr(accAccounts),
	"RemoveAccount":        wr(accAccounts),

	// Volumes, clones, QoS
	"CreateVolume":                       wr(accVolumes),
	"ModifyVolume":                       wr(accVolumes),
	"DeleteVolume":                       wr(accVolumes),
	"DeleteVolumes":                      wr(accVolumes),
	"RestoreDeletedVolume":               wr(accVolumes),
	"PurgeDeletedVolume":                 wr(accVolumes),
	"PurgeDeletedVolumes":                wr(accVolumes),
	"ListDeletedVolumes":                 rd(accVolumes),
	"ListVolumes":                        rd(accVolumes),
	"ListActiveVolumes":                  rd(accVolumes),
	"ListVolumesForAccount":              rd(accVolumes),
	"GetVolumeStats":                     rd(accVolumes),
	"ListVolumeStats":                    rd(accVolumes),
	"ListVolumeStatsByVolume":            rd(accVolumes),
	"ListVolumeStatsByVolumeAccessGroup": rd(accVolumes),
	"ListVolumeStatsByAccount":           rd(accVolumes),
	"GetVolumeEfficiency":                rd(accVolumes),
	"CloneVolume":                        wr(accVolumes),
	"CancelClone":                        wr(accVolumes),
	"CloneMultipleVolumes":               wr(accVolumes).orClusterAdmin(),
	"CancelGroupClone":                   wr(accVolumes),
	"CopyVolume":                         wr(accVolumes),
	"GetDefaultQoS":                      rd(accVolumes),
	"SetDefaultQoS":                      wr(accVolumes),
	"CreateQoSPolicy":                    wr(accVolumes),
	"GetQoSPolicy":                       rd(accVolumes),
	"ListQoSPolicies":                    rd(accVolumes),
	"ModifyQoSPolicy":                    wr(accVolumes),
	"DeleteQoSPolicy":                    wr(accVolumes),

	// Volume access groups and initiators
	"CreateVolumeAccessGroup":               wr(accVolumes).orClusterAdmin(),
	"ListVolumeAccessGroups":                rd(accVolumes),
	"ModifyVolumeAccessGroup":               wr(accVolumes).orClusterAdmin(),
	"DeleteVolumeAccessGroup":               wr(accVolumes).orClusterAdmin(),
	"AddVolumesToVolumeAccessGroup":         wr(accVolumes).orClusterAdmin(),
	"RemoveVolumesFromVolumeAccessGroup":    wr(accVolumes).orClusterAdmin(),
	"AddInitiatorsToVolumeAccessGroup":      wr(accVolumes).orClusterAdmin(),
	"RemoveInitiatorsFromVolumeAccessGroup": wr(accVolumes).orClusterAdmin(),
	"CreateInitiators":                      wr(accVolumes),
	"ModifyInitiators":                      wr(accVolumes),
	"DeleteInitiators":                      wr(accVolumes),
	"ListInitiators":                        rd(accVolumes),

	// Snapshots and schedules
	"CreateSnapshot":          wr(accVolumes).orClusterAdmin(),
	"DeleteSnapshot":          wr(accVolumes).orClusterAdmin(),
	"ModifySnapshot":          wr(accVolumes),
	"ListSnapshots":           rd(accVolumes),
	"RollbackToSnapshot":      wr(accVolumes).orClusterAdmin(),
	"CreateGroupSnapshot":     wr(accVolumes).orClusterAdmin(),
	"ListGroupSnapshots":      rd(accVolumes).orClusterAdmin(),
	"ModifyGroupSnapshot":     wr(accVolumes).orClusterAdmin(),
	"DeleteGroupSnapshot":     wr(accVolumes).orClusterAdmin(),
	"RollbackToGroupSnapshot": wr(accVolumes).orClusterAdmin(),
	"CreateSchedule":          wr(accVolumes).orClusterAdmin(),
	"GetSchedule":             rd(accVolumes),
	"ListSchedules":           rd(accVolumes),
	"ModifySchedule":          wr(accVolumes),

	// Cluster hardware and settings
	"GetClusterHardwareInfo":     rd(accRead),
	"GetFeatureStatus":           rd(accRead),
	"EnableFeature":              wr(accAdministrator),
	"GetClusterFullThreshold":    rd(accClusterAdmin),
	"ModifyClusterFullThreshold": wr(accClusterAdmin),

	// Cluster admins, login session, NTP, SNMP, LDAP
	"AddClusterAdmin":           wr(accClusterAdmin),
	"ListClusterAdmins":         rd(accClusterAdmin),
	"ModifyClusterAdmin":        wr(accClusterAdmin),
	"RemoveClusterAdmin":        wr(accClusterAdmin),
	"GetLoginSessionInfo":       rd(accClusterAdmin),
	"SetLoginSessionInfo":       wr(accClusterAdmin),
	"GetNtpInfo":                rd(accClusterAdmin),
	"SetNtpInfo":                wr(accClusterAdmin),
	"GetSnmpInfo":               rd(accClusterAdmin),
	"SetSnmpInfo":               wr(accClusterAdmin),
	"EnableSnmp":                wr(accClusterAdmin),
	"DisableSnmp":               wr(accClusterAdmin),
	"GetSnmpState":              rd(accClusterAdmin),
	"GetLdapConfiguration":      rd(accClusterAdmin),
	"EnableLdapAuthentication":  wr(accClusterAdmin),
	"DisableLdapAuthentication": wr(accClusterAdmin),
}

// allows reports whether an admin holding access may call method.
func allows(access []string, method string) bool {
	if slices.Contains(access, accAdministrator) {
		return true
	}
	n, ok := methodAccess[method]
	switch {
	case !ok:
		return false
	case n.access == accAny, slices.Contains(access, n.access), n.also != "" && slices.Contains(access, n.also):
		return true
	case n.reads && (slices.Contains(access, accRead) || slices.Contains(access, accReporting)):
		return true
	case !n.reads && slices.Contains(access, accWrite) && n.access != accAdministrator && n.access != accClusterAdmin:
		return true
	}
	return false
}

// caller is who sent a request: the primary admin (all) or an added one.
type caller struct {
	added  bool     // an admin of AddClusterAdmin
	access []string // its access list (added only)
}

type callerKey struct{}

func withCaller(ctx context.Context, c caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

// checkAccess refuses a method the caller's access list does not allow.
func checkAccess(ctx context.Context, method string) error {
	c, _ := ctx.Value(callerKey{}).(caller)
	if !c.added || allows(c.access, method) {
		return nil
	}
	return cluster.ErrPermissionDenied(method)
}
