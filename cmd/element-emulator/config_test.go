package main

import (
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestParseConfig(t *testing.T) {
	for _, tt := range []struct {
		name    string
		args    []string
		env     map[string]string
		check   func(t *testing.T, c Config)
		wantErr error
	}{
		{name: "Defaults", check: func(t *testing.T, c Config) {
			require.Equal(t, "./element-emulator-data", c.Data)
			require.Equal(t, "127.0.0.1:8443", c.HTTPSAddr)
			require.Equal(t, "127.0.0.1:8080", c.HTTPAddr)
			require.Equal(t, "127.0.0.1:8442", c.NodeAddr)
			require.Equal(t, "127.0.0.1:5696", c.KMIPAddr)
			require.Equal(t, "admin", c.User)
			require.Equal(t, "admin", c.Password)
			require.Equal(t, "real", c.Clock)
			require.True(t, c.SoftwareEAR)
			require.Equal(t, 6*time.Second, c.RekeyDuration)
			require.Equal(t, 5*time.Second, c.EARTransition)
			require.Equal(t, "fallback", c.KMIPCustomAttribute)
			require.True(t, c.KMIPVerifyHostname)
		}},
		{name: "EnvSetsDefault", env: map[string]string{"ELEMENT_EMULATOR_CLOCK": "virtual", "ELEMENT_EMULATOR_SOFTWARE_EAR": "false",
			"ELEMENT_EMULATOR_REKEY_DURATION": "0s", "ELEMENT_EMULATOR_KMIP_SAN": "kms.lab, 10.0.0.5"},
			check: func(t *testing.T, c Config) {
				require.Equal(t, "virtual", c.Clock)
				require.False(t, c.SoftwareEAR)
				require.Zero(t, c.RekeyDuration)
				require.Equal(t, stringList{"kms.lab", "10.0.0.5"}, c.KMIPSANs)
			}},
		{name: "FlagWinsOverEnv", args: []string{"--clock", "real", "-user=ops"}, env: map[string]string{"ELEMENT_EMULATOR_CLOCK": "virtual"},
			check: func(t *testing.T, c Config) {
				require.Equal(t, "real", c.Clock)
				require.Equal(t, "ops", c.User)
			}},
		{name: "EmptyDisablesListener", args: []string{"--http-addr", "", "--kmip-addr", "off"}, check: func(t *testing.T, c Config) {
			require.Empty(t, c.HTTPAddr)
			require.Equal(t, "off", c.KMIPAddr)
		}},
		{name: "UIOnByDefault", check: func(t *testing.T, c Config) { require.True(t, c.UI) }},
		{name: "UIOff", args: []string{"--ui=false"}, check: func(t *testing.T, c Config) { require.False(t, c.UI) }},
		{name: "UIOffFromEnv", env: map[string]string{"ELEMENT_EMULATOR_UI": "false"}, check: func(t *testing.T, c Config) { require.False(t, c.UI) }},
		{name: "Fixture", args: []string{"--fixture", "labs/ekm.yaml"}, check: func(t *testing.T, c Config) {
			require.Equal(t, "labs/ekm.yaml", c.Fixture)
		}},
		{name: "FixtureFromEnv", env: map[string]string{"ELEMENT_EMULATOR_FIXTURE": "f.yaml"}, check: func(t *testing.T, c Config) {
			require.Equal(t, "f.yaml", c.Fixture)
		}},
		{name: "KACLSDefaults", check: func(t *testing.T, c Config) {
			require.Equal(t, "127.0.0.1:9440", c.KACLSAddr)
			require.False(t, c.KACLSAddrGiven, "a busy default port only warns")
			require.True(t, c.KACLSTLS)
			require.True(t, c.KACLSTestIssuers)
			require.Equal(t, "on", c.KACLSTokenValidation)
			require.Empty(t, c.KACLSInstances)
		}},
		{name: "KACLSFlags", args: []string{"--kacls", "old,new", "--kacls-addr", "127.0.0.1:19440", "--kacls-peer", "https://127.0.0.1:19441/x/v1",
			"--kacls-peer", "https://127.0.0.1:19442/y/v1", "--kacls-authz-issuer", "idp=https://idp.example/jwks"},
			check: func(t *testing.T, c Config) {
				require.Equal(t, "old,new", c.KACLSInstances)
				require.True(t, c.KACLSAddrGiven)
				require.Equal(t, stringList{"https://127.0.0.1:19441/x/v1", "https://127.0.0.1:19442/y/v1"}, c.KACLSPeers)
				require.Equal(t, stringList{"idp=https://idp.example/jwks"}, c.KACLSAuthzIssuers)
			}},
		{name: "KACLSAddrFromEnvIsExplicit", env: map[string]string{"ELEMENT_EMULATOR_KACLS_ADDR": "127.0.0.1:19440"}, check: func(t *testing.T, c Config) {
			require.True(t, c.KACLSAddrGiven)
		}},
		{name: "BadKACLSNames", args: []string{"--kacls", "old,old"}, wantErr: ErrKACLSNames},
		{name: "BadKACLSName", args: []string{"--kacls", "a/b"}, wantErr: ErrKACLSNames},
		{name: "BadKACLSIssuer", args: []string{"--kacls-authn-issuer", "just-a-name"}, wantErr: ErrKACLSIssuer},
		{name: "BadKACLSPeer", args: []string{"--kacls-peer", "kacls.example.com"}, wantErr: ErrKACLSPeer},
		{name: "BadKACLSTokenValidation", args: []string{"--kacls-token-validation", "maybe"}, wantErr: ErrKACLSTokenVal},
		{name: "BadClock", args: []string{"--clock", "fast"}, wantErr: ErrClockMode},
		{name: "BadAPIVersion", args: []string{"--api-version", "11.0"}, wantErr: ErrAPIVersion},
		{name: "BadNodes", args: []string{"--nodes", "0"}, wantErr: ErrNodes},
		{name: "NegativeRekey", args: []string{"--rekey-duration", "-1s"}, wantErr: ErrRekeyDuration},
		{name: "NegativeEARTransition", args: []string{"--ear-transition", "-1s"}, wantErr: ErrEARTransition},
		{name: "BadSeed", args: []string{"--seed", "x"}, wantErr: ErrSeed},
		{name: "BadCustomAttr", args: []string{"--kmip-custom-attribute", "maybe"}, wantErr: ErrCustomAttr},
		{name: "CertWithoutKey", args: []string{"--cert", "a.pem"}, wantErr: ErrCertKey},
		{name: "BadOwnership", args: []string{"--kmip-ownership", "mine"}, wantErr: ErrOwnership},
		{name: "BadServerKey", args: []string{"--kmip-server-key", "dsa"}, wantErr: ErrServerKey},
		{name: "KMIPServerOptions", args: []string{"--kmip-ownership", "owner", "--kmip-server-key", "rsa"}, check: func(t *testing.T, c Config) {
			require.Equal(t, "owner", c.KMIPOwnership)
			require.Equal(t, "rsa", c.KMIPServerKey)
		}},
		{name: "BadMasterKey", env: map[string]string{"ELEMENT_EMULATOR_MASTER_KEY": "c2hvcnQ="}, wantErr: ErrMasterKey},
	} {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			c, _, err := parseConfig("test", tt.args, getenv, io.Discard)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			tt.check(t, c)
		})
	}
}

func TestBadEnvValueIsAnError(t *testing.T) {
	_, _, err := parseConfig("test", nil, func(k string) string {
		if k == "ELEMENT_EMULATOR_NODES" {
			return "four"
		}
		return ""
	}, io.Discard)
	require.ErrorContains(t, err, "ELEMENT_EMULATOR_NODES")
}
