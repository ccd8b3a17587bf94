package main

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

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
	// Unbounded, with the lengths (at most 64 and 32) checked beside them:
	// a bounded repetition compiles to one copy of the class per count.
	alikmsRegionRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	alikmsAccountRE = regexp.MustCompile(`^[0-9]+$`)
)

// alikmsCredentials is the default pair, then the pairs of
// --alikms-credentials FILE, then the --alikms-credential pairs (a later
// pair with an earlier one's ID replaces it).
func (c Config) alikmsCredentials() (*cloudkms.Credentials, error) {
	list := []cloudkms.Credential{alikms.DefaultCredential()}
	if c.AlikmsCredFile != "" {
		b, err := os.ReadFile(c.AlikmsCredFile)
		if err != nil {
			return nil, fmt.Errorf("--alikms-credentials: %w", err)
		}
		more, err := cloudkms.ParseCredentialFile(b)
		if err != nil {
			return nil, fmt.Errorf("--alikms-credentials %s: %w", c.AlikmsCredFile, err)
		}
		list = append(list, more...)
	}
	for _, s := range c.AlikmsCredentials {
		cr, err := cloudkms.ParseCredential(s)
		if err != nil {
			return nil, ErrAlikmsCredential
		}
		list = append(list, cr)
	}
	for _, cr := range list {
		if strings.Contains(cr.ID, "/") {
			return nil, fmt.Errorf("%w: %q", ErrAlikmsCredential, cr.ID)
		}
	}
	return cloudkms.NewCredentials(list...)
}

func (c Config) validateAlikms() error {
	if len(c.AlikmsRegion) > 64 || !alikmsRegionRE.MatchString(c.AlikmsRegion) {
		return ErrAlikmsRegion
	}
	if len(c.AlikmsAccount) > 32 || !alikmsAccountRE.MatchString(c.AlikmsAccount) {
		return ErrAlikmsAccount
	}
	if c.AlikmsCredFile != "" {
		return nil // read, and checked, when the emulator is configured
	}
	_, err := c.alikmsCredentials()
	return err
}

// alikmsConfig maps the --alikms-* flags into the emulator's
// configuration, reading the credentials file.
func alikmsConfig(c Config, e *emulator.Config) error {
	e.AlikmsAddr, e.AlikmsAddrDefault, e.AlikmsTLS = c.AlikmsAddr, !c.AlikmsAddrGiven, c.AlikmsTLS
	creds, err := c.alikmsCredentials()
	if err != nil {
		return err
	}
	e.Alikms = alikms.Config{Region: c.AlikmsRegion, Account: c.AlikmsAccount, Credentials: creds}
	return nil
}
