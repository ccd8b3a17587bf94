package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// TestNetworkSettings: NTP, SNMP and LDAP settings are stored as given,
// keep no secrets, survive a restart and go with reset.
func TestNetworkSettings(t *testing.T) {
	s := apitest.NewServer(t)
	ntp := s.OK("GetNtpInfo", nil)
	require.Empty(t, ntp["servers"])
	require.Equal(t, false, ntp["broadcastclient"])
	s.OK("SetNtpInfo", map[string]any{"servers": []string{"10.0.0.1", "pool.ntp.org"}, "broadcastclient": true})

	require.Equal(t, map[string]any{"enabled": false, "snmpV3Enabled": false}, s.OK("GetSnmpState", nil))
	s.OK("EnableSnmp", map[string]any{"snmpV3Enabled": true})
	s.OK("SetSnmpInfo", map[string]any{"networks": []any{map[string]any{"access": "ro", "cidr": 24, "community": "public", "network": "10.0.0.0"}},
		"usmUsers": []any{map[string]any{"access": "rouser", "name": "mon", "password": "authpass1", "passphrase": "privpass1", "secLevel": "priv"}}})
	info := s.Call("GetSnmpInfo", nil)
	require.Nil(t, info.Error)
	require.NotContains(t, string(info.Raw), "authpass1")
	require.NotContains(t, string(info.Raw), "privpass1")
	require.Equal(t, true, info.Result["enabled"])
	require.Len(t, objs(t, info.Result["networks"]), 1)
	require.Equal(t, "mon", objs(t, info.Result["usmUsers"])[0]["name"])

	ldap := apitest.Obj(t, s.OK("GetLdapConfiguration", nil), "ldapConfiguration")
	require.Equal(t, false, ldap["enabled"])
	s.OK("EnableLdapAuthentication", map[string]any{"serverURIs": []string{"ldaps://dc1.example.com"}, "searchBindDN": "cn=svc,dc=example,dc=com",
		"searchBindPassword": "bindpass99", "userSearchBaseDN": "dc=example,dc=com"})
	l := s.Call("GetLdapConfiguration", nil)
	require.NotContains(t, string(l.Raw), "bindpass99")
	ldap = apitest.Obj(t, l.Result, "ldapConfiguration")
	require.Equal(t, true, ldap["enabled"])
	require.Equal(t, "SearchAndBind", ldap["authType"])

	s = s.Restart()
	require.Equal(t, []any{"10.0.0.1", "pool.ntp.org"}, s.OK("GetNtpInfo", nil)["servers"])
	require.Equal(t, map[string]any{"enabled": true, "snmpV3Enabled": true}, s.OK("GetSnmpState", nil))
	require.Equal(t, true, apitest.Obj(t, s.OK("GetLdapConfiguration", nil), "ldapConfiguration")["enabled"])

	s.OK("DisableSnmp", nil)
	require.Equal(t, false, s.OK("GetSnmpState", nil)["enabled"])
	s.OK("DisableLdapAuthentication", nil)
	require.Equal(t, false, apitest.Obj(t, s.OK("GetLdapConfiguration", nil), "ldapConfiguration")["enabled"])

	status, body := s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status, body)
	require.Empty(t, s.OK("GetNtpInfo", nil)["servers"])
	require.Equal(t, map[string]any{"enabled": false, "snmpV3Enabled": false}, s.OK("GetSnmpState", nil))
}
