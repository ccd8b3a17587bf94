package api_test

import (
	"context"
	"testing"

	"github.com/scaleoutsean/solidfire-go/sdk"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// TestSolidFireGoAdminsAndCopies drives the methods of docs/admins.md and
// the copy/cancel/default-QoS methods of docs/storage.md through the
// solidfire-go SDK's typed client: every answer decodes into its types,
// and the SDK can connect as an added cluster admin.
func TestSolidFireGoAdminsAndCopies(t *testing.T) {
	s := apitest.NewServer(t)
	c := sfConnect(t, s)
	ctx := context.Background()

	q, err := c.SetDefaultQoS(ctx, &sdk.SetDefaultQoSRequest{MinIOPS: 100, MaxIOPS: 3000, BurstIOPS: 6000})
	sfNoErr(t, err)
	require.Equal(t, sdk.SetDefaultQoSResult{MinIOPS: 100, MaxIOPS: 3000, BurstIOPS: 6000}, *q)
	acct, err := c.AddAccount(ctx, &sdk.AddAccountRequest{Username: "sdk"})
	sfNoErr(t, err)
	a, err := c.CreateVolume(ctx, &sdk.CreateVolumeRequest{Name: "a", AccountID: acct.AccountID, TotalSize: 1 << 30})
	sfNoErr(t, err)
	require.Equal(t, int64(3000), a.Volume.Qos.MaxIOPS)
	b, err := c.CreateVolume(ctx, &sdk.CreateVolumeRequest{Name: "b", AccountID: acct.AccountID, TotalSize: 1 << 30})
	sfNoErr(t, err)
	cp, err := c.CopyVolume(ctx, &sdk.CopyVolumeRequest{VolumeID: a.VolumeID, DstVolumeID: b.VolumeID})
	sfNoErr(t, err)
	require.Positive(t, cp.AsyncHandle)
	_, err = c.CancelClone(ctx, &sdk.CancelCloneRequest{CloneID: cp.CloneID})
	sfNoErr(t, err)
	st, err := c.ListVolumeStatsByAccount(ctx, &sdk.ListVolumeStatsByAccountRequest{Accounts: []int64{acct.AccountID}})
	sfNoErr(t, err)
	require.Len(t, st.VolumeStats, 1)
	require.Equal(t, int64(2<<30), st.VolumeStats[0].VolumeSize)

	add, err := c.AddClusterAdmin(ctx, &sdk.AddClusterAdminRequest{Username: "automation", Password: "sdk-pass-1",
		Access: []string{"volumes", "read"}, AcceptEula: true})
	sfNoErr(t, err)
	admins, err := c.ListClusterAdmins(ctx, &sdk.ListClusterAdminsRequest{})
	sfNoErr(t, err)
	require.Len(t, admins.ClusterAdmins, 2)
	require.Equal(t, add.ClusterAdminID, admins.ClusterAdmins[1].ClusterAdminID)
	require.Equal(t, []string{"volumes", "read"}, admins.ClusterAdmins[1].Access)

	as := *s
	as.User, as.Pass = "automation", "sdk-pass-1"
	c2 := sfConnect(t, &as)
	lsi, err := c2.GetLoginSessionInfo(ctx)
	sfNoErr(t, err)
	require.Equal(t, "30:00", lsi.LoginSessionInfo.Timeout)

	_, err = c.SetNtpInfo(ctx, &sdk.SetNtpInfoRequest{Servers: []string{"time.example.com"}})
	sfNoErr(t, err)
	ntp, err := c2.GetNtpInfo(ctx)
	sfNoErr(t, err)
	require.Equal(t, []string{"time.example.com"}, ntp.Servers)
	_, err = c.EnableSnmp(ctx, &sdk.EnableSnmpRequest{SnmpV3Enabled: true})
	sfNoErr(t, err)
	sn, err := c.GetSnmpState(ctx)
	sfNoErr(t, err)
	require.True(t, sn.Enabled && sn.SnmpV3Enabled)
	ldap, err := c.GetLdapConfiguration(ctx)
	sfNoErr(t, err)
	require.False(t, ldap.LdapConfiguration.Enabled)

	_, err = c.RemoveClusterAdmin(ctx, &sdk.RemoveClusterAdminRequest{ClusterAdminID: add.ClusterAdminID})
	sfNoErr(t, err)
	_, err = c2.GetNtpInfo(ctx)
	require.NotNil(t, err, "a removed admin is refused")
}
