package api

import (
	"context"

	"github.com/element-emulator/element-emulator/admins"
)

// NTP, SNMP and LDAP settings (docs/admins.md, Network settings): stored
// and validated, never contacted.

func (s *Server) getNtpInfo(ctx context.Context, _ noParams) (admins.NTP, error) {
	n, err := s.deps.Admins.NTP(ctx)
	return n, aerr(err)
}

type setNtpInfoParams struct {
	Servers         []string `param:"servers,required"`
	Broadcastclient bool     `param:"broadcastclient"`
}

func (s *Server) setNtpInfo(ctx context.Context, p setNtpInfoParams) (empty, error) {
	return empty{}, aerr(s.deps.Admins.SetNTP(ctx, admins.NTP{Servers: p.Servers, Broadcastclient: p.Broadcastclient}))
}

type snmpNetworkParams struct {
	Access    string `param:"access,required"`
	CIDR      int64  `param:"cidr,required"`
	Community string `param:"community,required"`
	Network   string `param:"network,required"`
}

type snmpUserParams struct {
	Access     string `param:"access,required"`
	Name       string `param:"name,required"`
	Password   string `param:"password"`
	Passphrase string `param:"passphrase"`
	SecLevel   string `param:"secLevel,required"`
}

type setSnmpInfoParams struct {
	Networks      []snmpNetworkParams `param:"networks"`
	Enabled       *bool               `param:"enabled"`
	SnmpV3Enabled *bool               `param:"snmpV3Enabled"`
	UsmUsers      []snmpUserParams    `param:"usmUsers"`
}

func (s *Server) setSnmpInfo(ctx context.Context, p setSnmpInfoParams) (empty, error) {
	c := admins.SNMPChange{Enabled: p.Enabled, V3Enabled: p.SnmpV3Enabled}
	if p.Networks != nil {
		c.Networks = []admins.SNMPNetwork{}
		for _, n := range p.Networks {
			c.Networks = append(c.Networks, admins.SNMPNetwork{Access: n.Access, CIDR: n.CIDR, Community: n.Community, Network: n.Network})
		}
	}
	if p.UsmUsers != nil {
		c.Users = []admins.SNMPUser{}
		for _, u := range p.UsmUsers {
			c.Users = append(c.Users, admins.SNMPUser{Access: u.Access, Name: u.Name, Password: u.Password, Passphrase: u.Passphrase,
				SecLevel: u.SecLevel})
		}
	}
	return empty{}, aerr(s.deps.Admins.SetSNMP(ctx, c))
}

type snmpInfoWire struct {
	Networks      []admins.SNMPNetwork `json:"networks"`
	Enabled       bool                 `json:"enabled"`
	SnmpV3Enabled bool                 `json:"snmpV3Enabled"`
	UsmUsers      []admins.SNMPUser    `json:"usmUsers"`
}

func (s *Server) getSnmpInfo(ctx context.Context, _ noParams) (snmpInfoWire, error) {
	sn, err := s.deps.Admins.SNMP(ctx)
	if err != nil {
		return snmpInfoWire{}, aerr(err)
	}
	w := snmpInfoWire{Networks: sn.Networks, Enabled: sn.Enabled, SnmpV3Enabled: sn.V3Enabled, UsmUsers: sn.Users}
	if w.Networks == nil {
		w.Networks = []admins.SNMPNetwork{}
	}
	if w.UsmUsers == nil {
		w.UsmUsers = []admins.SNMPUser{}
	}
	return w, nil
}

func (s *Server) getSnmpState(ctx context.Context, _ noParams) (map[string]bool, error) {
	sn, err := s.deps.Admins.SNMP(ctx)
	if err != nil {
		return nil, aerr(err)
	}
	return map[string]bool{"enabled": sn.Enabled, "snmpV3Enabled": sn.V3Enabled}, nil
}

type enableSnmpParams struct {
	SnmpV3Enabled bool `param:"snmpV3Enabled,required"`
}

func (s *Server) enableSnmp(ctx context.Context, p enableSnmpParams) (empty, error) {
	on := true
	return empty{}, aerr(s.deps.Admins.SetSNMP(ctx, admins.SNMPChange{Enabled: &on, V3Enabled: &p.SnmpV3Enabled}))
}

func (s *Server) disableSnmp(ctx context.Context, _ noParams) (empty, error) {
	off := false
	return empty{}, aerr(s.deps.Admins.SetSNMP(ctx, admins.SNMPChange{Enabled: &off}))
}

func (s *Server) getLdapConfiguration(ctx context.Context, _ noParams) (map[string]admins.LDAP, error) {
	l, err := s.deps.Admins.LDAP(ctx)
	if err != nil {
		return nil, aerr(err)
	}
	return map[string]admins.LDAP{"ldapConfiguration": l}, nil
}

type enableLdapParams struct {
	AuthType                string   `param:"authType" enum:"DirectBind,SearchAndBind"`
	GroupSearchBaseDN       string   `param:"groupSearchBaseDN"`
	GroupSearchCustomFilter string   `param:"groupSearchCustomFilter"`
	GroupSearchType         string   `param:"groupSearchType" enum:"ActiveDirectory,NoGroups,MemberDN"`
	SearchBindDN            string   `param:"searchBindDN"`
	SearchBindPassword      string   `param:"searchBindPassword"`
	ServerURIs              []string `param:"serverURIs,required"`
	UserDNTemplate          string   `param:"userDNTemplate"`
	UserSearchBaseDN        string   `param:"userSearchBaseDN"`
	UserSearchFilter        string   `param:"userSearchFilter"`
}

func (s *Server) enableLdapAuthentication(ctx context.Context, p enableLdapParams) (empty, error) {
	return empty{}, aerr(s.deps.Admins.EnableLDAP(ctx, admins.LDAPSpec{SearchBindPassword: p.SearchBindPassword, LDAP: admins.LDAP{
		AuthType: p.AuthType, GroupSearchBaseDN: p.GroupSearchBaseDN, GroupSearchCustomFilter: p.GroupSearchCustomFilter,
		GroupSearchType: p.GroupSearchType, SearchBindDN: p.SearchBindDN, ServerURIs: p.ServerURIs, UserDNTemplate: p.UserDNTemplate,
		UserSearchBaseDN: p.UserSearchBaseDN, UserSearchFilter: p.UserSearchFilter}}))
}

func (s *Server) disableLdapAuthentication(ctx context.Context, _ noParams) (empty, error) {
	return empty{}, aerr(s.deps.Admins.DisableLDAP(ctx))
}
