package admins

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// Network settings kept with the cluster admins: NTP, SNMP and LDAP. Each
// is one JSON row of cluster_settings; nothing is ever contacted (V21).

const (
	keyNTP  = "ntp"
	keySNMP = "snmp"
	keyLDAP = "ldap"

	// MaxNTPServers bounds SetNtpInfo's servers (inferred).
	MaxNTPServers = 5
)

// NTP is GetNtpInfo's answer.
type NTP struct {
	Servers         []string `json:"servers"`
	Broadcastclient bool     `json:"broadcastclient"`
}

// SNMPNetwork is one network (v2c community) allowed to query.
type SNMPNetwork struct {
	Access    string `json:"access"`
	CIDR      int64  `json:"cidr"`
	Community string `json:"community"`
	Network   string `json:"network"`
}

// SNMPUser is an SNMP v3 USM user. Password and Passphrase are never
// returned (V21).
type SNMPUser struct {
	Access     string `json:"access"`
	Name       string `json:"name"`
	Password   string `json:"password,omitempty"`
	Passphrase string `json:"passphrase,omitempty"`
	SecLevel   string `json:"secLevel"`
}

// SNMP is the SNMP state and configuration.
type SNMP struct {
	Enabled   bool          `json:"enabled"`
	V3Enabled bool          `json:"snmpV3Enabled"`
	Networks  []SNMPNetwork `json:"networks"`
	Users     []SNMPUser    `json:"usmUsers"`
}

// LDAP is GetLdapConfiguration's answer; the bind password is not kept.
type LDAP struct {
	AuthType                string   `json:"authType"`
	Enabled                 bool     `json:"enabled"`
	GroupSearchBaseDN       string   `json:"groupSearchBaseDN"`
	GroupSearchCustomFilter string   `json:"groupSearchCustomFilter"`
	GroupSearchType         string   `json:"groupSearchType"`
	SearchBindDN            string   `json:"searchBindDN"`
	ServerURIs              []string `json:"serverURIs"`
	UserDNTemplate          string   `json:"userDNTemplate"`
	UserSearchBaseDN        string   `json:"userSearchBaseDN"`
	UserSearchFilter        string   `json:"userSearchFilter"`
}

// DefaultLDAP is a new cluster's LDAP configuration: off.
func DefaultLDAP() LDAP {
	return LDAP{AuthType: "SearchAndBind", GroupSearchType: "ActiveDirectory", ServerURIs: []string{}}
}

func getJSON[T any](ctx context.Context, s *Service, key string, def T) (T, error) {
	out := def
	err := s.d.Store.ViewAdmins(ctx, func(tx Tx) error {
		v, err := tx.Setting(ctx, key)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return json.Unmarshal([]byte(v), &out)
	})
	return out, err
}

func putJSON(ctx context.Context, tx Tx, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return tx.PutSetting(ctx, key, string(b))
}

// hostRE is a host name: dot-separated labels of letters, digits and
// dashes, each starting with a letter or digit and at most 63 long (that
// length is checked by validHostName).
// A bounded repetition such as {1,64} compiles to that many copies of the
// class (milliseconds of start-up for each such package-level pattern), so
// the pattern is unbounded and the length is checked beside it.
var hostRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9][A-Za-z0-9-]*)*\.?$`)

func validHostName(h string) bool {
	if !hostRE.MatchString(h) {
		return false
	}
	for _, label := range strings.Split(strings.TrimSuffix(h, "."), ".") {
		if len(label) > 63 {
			return false
		}
	}
	return true
}

func checkHost(param, h string) error {
	if len(h) > 253 || (net.ParseIP(h) == nil && !validHostName(h)) {
		return invalid(param, "must be an IP address or a host name")
	}
	return nil
}

// NTP returns the NTP settings.
func (s *Service) NTP(ctx context.Context) (NTP, error) {
	return getJSON(ctx, s, keyNTP, NTP{Servers: []string{}})
}

// SetNTP replaces the NTP settings.
func (s *Service) SetNTP(ctx context.Context, n NTP) error {
	if len(n.Servers) > MaxNTPServers {
		return invalid("servers", "at most %d servers", MaxNTPServers)
	}
	for i, h := range n.Servers {
		if err := checkHost(fmt.Sprintf("servers[%d]", i), h); err != nil {
			return err
		}
	}
	n.Servers = slices.Clone(n.Servers)
	if n.Servers == nil {
		n.Servers = []string{}
	}
	return s.d.Store.UpdateAdmins(ctx, func(tx Tx) error { return putJSON(ctx, tx, keyNTP, n) })
}

// SNMP returns the SNMP state and configuration, without user secrets.
func (s *Service) SNMP(ctx context.Context) (SNMP, error) {
	sn, err := getJSON(ctx, s, keySNMP, SNMP{})
	for i := range sn.Users {
		sn.Users[i].Password, sn.Users[i].Passphrase = "", ""
	}
	return sn, err
}

// SNMPChange is SetSnmpInfo's input; nil fields do not change.
type SNMPChange struct {
	Enabled, V3Enabled *bool
	Networks           []SNMPNetwork
	Users              []SNMPUser
}

func checkSNMP(c SNMPChange) error {
	for i, n := range c.Networks {
		p := fmt.Sprintf("networks[%d]", i)
		switch {
		case !slices.Contains([]string{"ro", "rw", "rosys"}, n.Access):
			return invalid(p+".access", "must be ro, rw or rosys")
		case n.CIDR < 0 || n.CIDR > 32:
			return invalid(p+".cidr", "must be between 0 and 32")
		case n.Community == "" || len(n.Community) > 32 || strings.ContainsAny(n.Community, " \t\"'"):
			return invalid(p+".community", "must be 1 to 32 characters without spaces or quotes")
		}
		if n.Network != "default" {
			if err := checkHost(p+".network", n.Network); err != nil {
				return err
			}
		}
	}
	for i, u := range c.Users {
		p := fmt.Sprintf("usmUsers[%d]", i)
		switch {
		case !slices.Contains([]string{"rouser", "rwuser", "rosys"}, u.Access):
			return invalid(p+".access", "must be rouser, rwuser or rosys")
		case u.Name == "" || len(u.Name) > 32:
			return invalid(p+".name", "must be 1 to 32 characters")
		case !slices.Contains([]string{"noauth", "auth", "priv"}, u.SecLevel):
			return invalid(p+".secLevel", "must be noauth, auth or priv")
		case u.SecLevel != "noauth" && (len(u.Password) < 8 || len(u.Password) > 64):
			return invalid(p+".password", "must be 8 to 64 characters")
		case u.SecLevel == "priv" && (len(u.Passphrase) < 8 || len(u.Passphrase) > 64):
			return invalid(p+".passphrase", "must be 8 to 64 characters")
		}
	}
	return nil
}

// SetSNMP changes the SNMP configuration (SetSnmpInfo, EnableSnmp,
// DisableSnmp).
func (s *Service) SetSNMP(ctx context.Context, c SNMPChange) error {
	if err := checkSNMP(c); err != nil {
		return err
	}
	return s.d.Store.UpdateAdmins(ctx, func(tx Tx) error {
		var cur SNMP
		if v, err := tx.Setting(ctx, keySNMP); err == nil {
			if err := json.Unmarshal([]byte(v), &cur); err != nil {
				return err
			}
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		if c.Enabled != nil {
			cur.Enabled = *c.Enabled
		}
		if c.V3Enabled != nil {
			cur.V3Enabled = *c.V3Enabled
		}
		if c.Networks != nil {
			cur.Networks = slices.Clone(c.Networks)
		}
		if c.Users != nil {
			// The emulator answers no SNMP, so user secrets are checked and dropped.
			cur.Users = slices.Clone(c.Users)
			for i := range cur.Users {
				cur.Users[i].Password, cur.Users[i].Passphrase = "", ""
			}
		}
		return putJSON(ctx, tx, keySNMP, cur)
	})
}

// LDAP returns the LDAP configuration.
func (s *Service) LDAP(ctx context.Context) (LDAP, error) {
	return getJSON(ctx, s, keyLDAP, DefaultLDAP())
}

// LDAPSpec is EnableLdapAuthentication's input; empty strings take the defaults.
type LDAPSpec struct {
	LDAP
	SearchBindPassword string
}

// EnableLDAP validates and stores an LDAP configuration, enabled.
func (s *Service) EnableLDAP(ctx context.Context, sp LDAPSpec) error {
	c := sp.LDAP
	if c.AuthType == "" {
		c.AuthType = "SearchAndBind"
	}
	if c.GroupSearchType == "" {
		c.GroupSearchType = "ActiveDirectory"
	}
	if len(c.ServerURIs) == 0 {
		return invalid("serverURIs", "must name at least one server")
	}
	for i, u := range c.ServerURIs {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "ldap" && p.Scheme != "ldaps") || p.Host == "" {
			return invalid(fmt.Sprintf("serverURIs[%d]", i), "must be an ldap:// or ldaps:// URI")
		}
	}
	switch c.AuthType {
	case "DirectBind":
		if !strings.Contains(c.UserDNTemplate, "%USERNAME%") {
			return invalid("userDNTemplate", "must contain %%USERNAME%% for DirectBind")
		}
	case "SearchAndBind":
		for _, f := range []struct{ p, v string }{{"searchBindDN", c.SearchBindDN}, {"searchBindPassword", sp.SearchBindPassword},
			{"userSearchBaseDN", c.UserSearchBaseDN}} {
			if f.v == "" {
				return invalid(f.p, "is required for SearchAndBind")
			}
		}
	default:
		return invalid("authType", "must be DirectBind or SearchAndBind")
	}
	if !slices.Contains([]string{"ActiveDirectory", "NoGroups", "MemberDN"}, c.GroupSearchType) {
		return invalid("groupSearchType", "must be ActiveDirectory, NoGroups or MemberDN")
	}
	if c.UserSearchFilter == "" && c.AuthType == "SearchAndBind" {
		c.UserSearchFilter = "(&(objectClass=person)(sAMAccountName=%USERNAME%))"
	}
	c.Enabled = true
	c.ServerURIs = slices.Clone(c.ServerURIs)
	return s.d.Store.UpdateAdmins(ctx, func(tx Tx) error { return putJSON(ctx, tx, keyLDAP, c) })
}

// DisableLDAP turns LDAP off and forgets its configuration.
func (s *Service) DisableLDAP(ctx context.Context) error {
	return s.d.Store.UpdateAdmins(ctx, func(tx Tx) error { return putJSON(ctx, tx, keyLDAP, DefaultLDAP()) })
}
