package main

import (
	"errors"
	"regexp"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/cloudkms"
	"github.com/element-emulator/element-emulator/emulator"
)

// Validation errors of the --alikms-* flags.
var (
	ErrAlikmsCredential = errors.New("--alikms-credential takes ACCESS_KEY_ID:SECRET or ACCESS_KEY_ID:SECRET:SECURITY_TOKEN (the ID without '/', ':', ',' or spaces)")
	ErrAlikmsRegion     = errors.New("--alikms-region is a region ID such as cn-hangzhou (a-z 0-9 -)")
	ErrAlikmsAccount    = errors.New("--alikms-account is an account ID (digits)")
)

var (
	alikmsRegionRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
	alikmsAccountRE = regexp.MustCompile(`^[0-9]{1,32}$`)
)

// alikmsCredentials is the default pair plus the --alikms-credential
// pairs (a pair with the default's ID replaces it).
func (c Config) alikmsCredentials() (*cloudkms.Credentials, error) {
	list := []cloudkms.Credential{alikms.DefaultCredential()}
	for _, s := range c.AlikmsCredentials {
		cr, err := cloudkms.ParseCredential(s)
		if err != nil {
			return nil, ErrAlikmsCredential
		}
		for _, r := range cr.ID {
			if r == '/' {
				return nil, ErrAlikmsCredential
			}
		}
		list = append(list, cr)
	}
	return cloudkms.NewCredentials(list...)
}

func (c Config) validateAlikms() error {
	if !alikmsRegionRE.MatchString(c.AlikmsRegion) {
		return ErrAlikmsRegion
	}
	if !alikmsAccountRE.MatchString(c.AlikmsAccount) {
		return ErrAlikmsAccount
	}
	_, err := c.alikmsCredentials()
	return err
}

// alikmsConfig maps the --alikms-* flags (validated) into the emulator's
// configuration.
func alikmsConfig(c Config, e *emulator.Config) {
	e.AlikmsAddr, e.AlikmsAddrDefault, e.AlikmsTLS = c.AlikmsAddr, !c.AlikmsAddrGiven, c.AlikmsTLS
	creds, _ := c.alikmsCredentials()
	e.Alikms = alikms.Config{Region: c.AlikmsRegion, Account: c.AlikmsAccount, Credentials: creds}
}
