package main

import (
	"errors"
	"regexp"
	"strings"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/emulator"
)

// Validation errors of the --alikms-* flags.
var (
	ErrAlikmsCredential = errors.New("--alikms-credential takes ACCESS_KEY_ID:SECRET or ACCESS_KEY_ID:SECRET:SECURITY_TOKEN, each ID once")
	ErrAlikmsRegion     = errors.New("--alikms-region is a region ID such as cn-hangzhou (a-z 0-9 -)")
	ErrAlikmsAccount    = errors.New("--alikms-account is an account ID (digits)")
)

var (
	alikmsRegionRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
	alikmsAccountRE = regexp.MustCompile(`^[0-9]{1,32}$`)
)

// parseAlikmsCredential reads ID:SECRET[:TOKEN].
func parseAlikmsCredential(s string) (alikms.Credential, error) {
	parts := strings.SplitN(s, ":", 3)
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" || strings.ContainsAny(parts[0], ",/ ") {
		return alikms.Credential{}, ErrAlikmsCredential
	}
	c := alikms.Credential{AccessKeyID: parts[0], AccessKeySecret: parts[1]}
	if len(parts) == 3 {
		if parts[2] == "" {
			return alikms.Credential{}, ErrAlikmsCredential
		}
		c.SecurityToken = parts[2]
	}
	return c, nil
}

func (c Config) validateAlikms() error {
	if !alikmsRegionRE.MatchString(c.AlikmsRegion) {
		return ErrAlikmsRegion
	}
	if !alikmsAccountRE.MatchString(c.AlikmsAccount) {
		return ErrAlikmsAccount
	}
	seen := map[string]bool{}
	for _, s := range c.AlikmsCredentials {
		cr, err := parseAlikmsCredential(s)
		if err != nil || seen[cr.AccessKeyID] {
			return ErrAlikmsCredential
		}
		seen[cr.AccessKeyID] = true
	}
	return nil
}

// alikmsConfig maps the --alikms-* flags (validated) into the emulator's
// configuration.
func alikmsConfig(c Config, e *emulator.Config) {
	e.AlikmsAddr, e.AlikmsAddrDefault = c.AlikmsAddr, !c.AlikmsAddrGiven
	e.Alikms = alikms.Config{Region: c.AlikmsRegion, Account: c.AlikmsAccount}
	for _, s := range c.AlikmsCredentials {
		cr, _ := parseAlikmsCredential(s)
		e.Alikms.Credentials = append(e.Alikms.Credentials, cr)
	}
}
