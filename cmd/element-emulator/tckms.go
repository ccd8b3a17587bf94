package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/element-emulator/element-emulator/cloudkms"
	"github.com/element-emulator/element-emulator/emulator"
	"github.com/element-emulator/element-emulator/tckms"
)

func (c Config) validateTCKMS() error {
	if !oneOf(c.TCKMSFlavour, tckms.FlavourFIPS, tckms.FlavourSM) {
		return ErrTCKMSFlavour
	}
	if n, err := strconv.ParseUint(c.TCKMSUIN, 10, 64); err != nil || n == 0 {
		return ErrTCKMSUIN
	}
	for _, x := range c.TCKMSCredentials {
		if _, err := cloudkms.ParseCredential(x); err != nil {
			return ErrTCKMSCred
		}
	}
	return nil
}

// tckmsConfig maps the --tckms-* flags into the emulator's configuration,
// reading the credentials file (docs/tencent-kms.md, configuration).
func tckmsConfig(c Config, e *emulator.Config) error {
	e.TCKMSAddr, e.TCKMSAddrDefault, e.TCKMSTLS = c.TCKMSAddr, !c.TCKMSAddrGiven, c.TCKMSTLS
	list := []cloudkms.Credential{tckms.DefaultCredential()}
	if c.TCKMSCredFile != "" {
		b, err := os.ReadFile(c.TCKMSCredFile)
		if err != nil {
			return fmt.Errorf("--tckms-credentials: %w", err)
		}
		more, err := cloudkms.ParseCredentialFile(b)
		if err != nil {
			return fmt.Errorf("--tckms-credentials %s: %w", c.TCKMSCredFile, err)
		}
		list = append(list, more...)
	}
	for _, x := range c.TCKMSCredentials {
		cred, err := cloudkms.ParseCredential(x)
		if err != nil {
			return ErrTCKMSCred
		}
		list = append(list, cred)
	}
	creds, err := cloudkms.NewCredentials(list...)
	if err != nil {
		return err
	}
	uin, _ := strconv.ParseUint(c.TCKMSUIN, 10, 64)
	e.TCKMS = tckms.Config{Credentials: creds, Flavour: c.TCKMSFlavour, UIN: uin}
	return nil
}
