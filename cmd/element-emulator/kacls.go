package main

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"strings"

	"github.com/element-emulator/element-emulator/emulator"
	"github.com/element-emulator/element-emulator/kacls"
)

// version is what the KACLS status endpoint reports.
const version = "element-emulator dev"

// kaclsConfig maps the --kacls-* flags into the emulator's configuration,
// reading the files they name (docs/kacls.md, flags).
func kaclsConfig(c Config, e *emulator.Config) error {
	e.KACLSAddr, e.KACLSAddrDefault, e.KACLSPlainHTTP = c.KACLSAddr, !c.KACLSAddrGiven, !c.KACLSTLS
	kc := kacls.Config{
		Peers: c.KACLSPeers, AuthnAudiences: c.KACLSAuthnAudiences, TestIssuers: c.KACLSTestIssuers,
		PrivilegedUsers: c.KACLSPrivilegedUsers, TokenValidationOff: c.KACLSTokenValidation == "off",
		AllowGuests: c.KACLSAllowGuests, OwnerDomain: c.KACLSOwnerDomain, Version: version,
	}
	if c.KACLSInstances != "" {
		for _, n := range strings.Split(c.KACLSInstances, ",") {
			kc.Instances = append(kc.Instances, strings.TrimSpace(n))
		}
	}
	for _, f := range c.KACLSTestJWKS {
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("--kacls-test-jwks: %w", err)
		}
		if _, err := kacls.ParseJWKS(b); err != nil {
			return fmt.Errorf("--kacls-test-jwks %s: %w", f, err)
		}
		kc.TestJWKS = append(kc.TestJWKS, b)
	}
	issuers := func(flag string, list stringList) ([]kacls.Issuer, error) {
		var out []kacls.Issuer
		for _, x := range list {
			name, src, _ := strings.Cut(x, "=")
			if strings.HasPrefix(src, "https://") || strings.HasPrefix(src, "http://") {
				out = append(out, kacls.Issuer{Name: name, JWKSURL: src})
				continue
			}
			b, err := os.ReadFile(src)
			if err != nil {
				return nil, fmt.Errorf("--%s %s: %w", flag, name, err)
			}
			if _, err := kacls.ParseJWKS(b); err != nil {
				return nil, fmt.Errorf("--%s %s: %w", flag, name, err)
			}
			out = append(out, kacls.Issuer{Name: name, JWKS: b})
		}
		return out, nil
	}
	var err error
	if kc.AuthnIssuers, err = issuers("kacls-authn-issuer", c.KACLSAuthnIssuers); err != nil {
		return err
	}
	if kc.AuthzIssuers, err = issuers("kacls-authz-issuer", c.KACLSAuthzIssuers); err != nil {
		return err
	}
	for _, f := range c.KACLSPeerCAs {
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("--kacls-peer-ca: %w", err)
		}
		n := 0
		for {
			var blk *pem.Block
			blk, b = pem.Decode(b)
			if blk == nil {
				break
			}
			cert, err := x509.ParseCertificate(blk.Bytes)
			if err != nil {
				return fmt.Errorf("--kacls-peer-ca %s: %w", f, err)
			}
			e.KACLSPeerCAs = append(e.KACLSPeerCAs, cert)
			n++
		}
		if n == 0 {
			return fmt.Errorf("--kacls-peer-ca %s: no PEM certificate", f)
		}
	}
	e.KACLS = kc
	return nil
}
