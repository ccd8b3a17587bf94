package main

import (
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/clock"
)

// Config is the emulator's whole configuration. Flags win, then
// ELEMENT_EMULATOR_* environment variables (read as flag defaults), then the
// built-in defaults (D41; docs/element-api.md, The default cluster).
type Config struct {
	Data          string
	Ephemeral     bool
	HTTPSAddr     string
	HTTPAddr      string
	NodeAddr      string
	KMIPAddr      string
	User          string
	Password      string
	Clock         string
	SoftwareEAR   bool
	Bootstrap     bool
	Nodes         int
	DrivesPerNode int
	RekeyDuration time.Duration
	EARTransition time.Duration
	MaxCalls      int
	Seed          string
	APIVersion    string
	Cert, Key     string
	LogLevel      string
	MasterKey     string // base64 KEK (env only in practice)
	Fixture       string // scenario file applied once to a fresh state (lab.go)
	UI            bool   // the dashboard at /_emulator/ui/ (docs/dashboard.md)

	KMIPCustomAttribute  string
	KMIPDecommission     string
	KMIPVerifyHostname   bool
	KMIPLegacyCiphers    bool
	KMIPClientCertDays   int
	KMIPConnectTimeout   time.Duration
	KMIPHandshakeTimeout time.Duration
	KMIPRequestTimeout   time.Duration
	KMIPDestroy          string
	KMIPClientEKU        string
	KMIPIdentity         string
	KMIPOwnership        string
	KMIPServerKey        string
	KMIPTimestampWindow  time.Duration
	KMIPSANs             stringList
	KMIPClientCAs        stringList

	// The KACLS (docs/kacls.md). KACLSAddrGiven is set when --kacls-addr
	// or its environment variable was given: then a busy port is an error.
	KACLSAddr            string
	KACLSAddrGiven       bool
	KACLSTLS             bool
	KACLSInstances       string
	KACLSPeers           stringList
	KACLSPeerCAs         stringList
	KACLSTestJWKS        stringList
	KACLSTestIssuers     bool
	KACLSAuthnIssuers    stringList
	KACLSAuthzIssuers    stringList
	KACLSAuthnAudiences  stringList
	KACLSPrivilegedUsers stringList
	KACLSTokenValidation string
	KACLSAllowGuests     bool
	KACLSOwnerDomain     string

	// The Alibaba Cloud KMS (docs/alibaba-kms.md; alikms.go).
	AlikmsAddr        string
	AlikmsAddrGiven   bool
	AlikmsTLS         bool
	AlikmsRegion      string
	AlikmsAccount     string
	AlikmsCredentials stringList
	AlikmsCredFile    string
	// Tencent Cloud KMS (docs/tencent-kms.md). TCKMSAddrGiven: as KACLSAddrGiven.
	TCKMSAddr        string
	TCKMSAddrGiven   bool
	TCKMSTLS         bool
	TCKMSCredentials stringList
	TCKMSCredFile    string
	TCKMSFlavour     string
	TCKMSUIN         string
}

// stringList is a repeatable flag (comma-separated in the environment).
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// Sentinel validation errors.
var (
	ErrClockMode      = errors.New("--clock must be real or virtual")
	ErrAPIVersion     = errors.New("--api-version must be 12.3, 12.5 or 12.7")
	ErrNodes          = errors.New("--nodes must be from 1 to 100 and --drives-per-node from 1 to 24")
	ErrRekeyDuration  = errors.New("--rekey-duration must not be negative")
	ErrEARTransition  = errors.New("--ear-transition must not be negative")
	ErrMaxCalls       = errors.New("--max-calls must not be negative")
	ErrSeed           = errors.New("--seed must be an unsigned integer")
	ErrCustomAttr     = errors.New("--kmip-custom-attribute must be fallback, required or off")
	ErrDecommission   = errors.New("--kmip-decommission must be revoke-destroy, revoke or none")
	ErrDestroy        = errors.New("--kmip-destroy must be keep-metadata or delete")
	ErrClientEKU      = errors.New("--kmip-client-eku must be require or lenient")
	ErrIdentity       = errors.New("--kmip-identity must be cn or ou")
	ErrOwnership      = errors.New("--kmip-ownership must be off or owner")
	ErrServerKey      = errors.New("--kmip-server-key must be ecdsa or rsa")
	ErrCertKey        = errors.New("--cert and --key must be given together")
	ErrMasterKey      = errors.New("ELEMENT_EMULATOR_MASTER_KEY must be 32 bytes in base64")
	ErrDataEphemeral  = errors.New("--data must not be empty unless --ephemeral")
	ErrClientCertDays = errors.New("--kmip-client-cert-days must be from 1 to 36500")
	ErrKACLSNames     = errors.New("--kacls takes instance names separated by commas: 1 to 32 of A-Z a-z 0-9 _ -, each once")
	ErrKACLSIssuer    = errors.New("--kacls-authn-issuer and --kacls-authz-issuer take NAME=JWKS_URL or NAME=FILE")
	ErrKACLSPeer      = errors.New("--kacls-peer takes an instance URL, https (or http on loopback), e.g. https://127.0.0.1:9440/old/v1")
	ErrKACLSTokenVal  = errors.New("--kacls-token-validation must be on or off")

	ErrTCKMSFlavour = errors.New("--tckms-flavour must be fips or sm")
	ErrTCKMSUIN     = errors.New("--tckms-uin must be a positive integer")
	ErrTCKMSCred    = errors.New("--tckms-credential takes SecretId:SecretKey or SecretId:SecretKey:Token")
)

// envName is the environment variable of a flag.
func envName(flagName string) string {
	return "ELEMENT_EMULATOR_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// envDefault returns the flag default: the environment variable of flag n
// parsed by parse when set, else def. The first unparsable value is kept
// in *envErr.
func envDefault[T any](getenv func(string) string, n string, def T, parse func(string) (T, error), kind string, envErr *error) T {
	v := getenv(envName(n))
	if v == "" {
		return def
	}
	x, err := parse(v)
	if err != nil {
		if *envErr == nil {
			*envErr = fmt.Errorf("%s: %q is not %s", envName(n), v, kind)
		}
		return def
	}
	return x
}

// parseConfig parses args with env-backed defaults.
func parseConfig(name string, args []string, getenv func(string) string, stderr io.Writer) (Config, *flag.FlagSet, error) {
	var c Config
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, `Usage: %s [flags]

Runs the Element 12.x control-plane emulator (zero configuration needed).
Other commands:
  element-emulator kmip sign [--days N] < csr.pem   sign a CSR with the running emulator's KMIP CA (kmip --help)
  element-emulator kmip ca                          print that KMIP CA certificate
  element-emulator control COMMAND ...              drive the /_emulator/ lab controls (control --help)
  element-emulator replay [--target URL] FILE|DIR   replay scenario files (replay --help)
  element-emulator record --target URL --listen ADDR --out FILE   record a session as a scenario
  element-emulator lab --clusters N                 serve N independent clusters for a class (lab --help)

Flags (each also read from its ELEMENT_EMULATOR_* environment variable; flags win):
`, name)
		fs.PrintDefaults()
	}
	var envErr error
	str := func(p *string, n, def, usage string) {
		fs.StringVar(p, n, envDefault(getenv, n, def, func(v string) (string, error) { return v, nil }, "", &envErr), usage+" (env "+envName(n)+")")
	}
	boolean := func(p *bool, n string, def bool, usage string) {
		fs.BoolVar(p, n, envDefault(getenv, n, def, strconv.ParseBool, "a boolean", &envErr), usage+" (env "+envName(n)+")")
	}
	integer := func(p *int, n string, def int, usage string) {
		fs.IntVar(p, n, envDefault(getenv, n, def, strconv.Atoi, "an integer", &envErr), usage+" (env "+envName(n)+")")
	}
	duration := func(p *time.Duration, n string, def time.Duration, usage string) {
		fs.DurationVar(p, n, envDefault(getenv, n, def, time.ParseDuration, "a duration", &envErr), usage+" (env "+envName(n)+")")
	}
	list := func(p *stringList, n, usage string) {
		if v := getenv(envName(n)); v != "" {
			for _, x := range strings.Split(v, ",") {
				*p = append(*p, strings.TrimSpace(x))
			}
		}
		fs.Var(p, n, usage+" (repeatable; env "+envName(n)+", comma-separated)")
	}

	str(&c.Data, "data", "./element-emulator-data", "directory holding the SQLite database and the master key")
	boolean(&c.Ephemeral, "ephemeral", false, "keep all state in memory; nothing is written")
	str(&c.HTTPSAddr, "https-addr", "127.0.0.1:8443", "cluster listener (MVIP role), HTTPS")
	str(&c.HTTPAddr, "http-addr", "127.0.0.1:8080", "the same API and /_emulator/ over plain HTTP; empty disables")
	str(&c.NodeAddr, "node-addr", "127.0.0.1:8442", "node listener (MIP role), HTTPS; empty disables")
	str(&c.KMIPAddr, "kmip-addr", "127.0.0.1:5696", "embedded KMIP server; empty or off disables")
	str(&c.User, "user", "admin", "Basic-auth user of the pre-created cluster")
	str(&c.Password, "password", "admin", "Basic-auth password of the pre-created cluster")
	str(&c.Clock, "clock", "real", "real (wall clock plus advances) or virtual (frozen until advanced)")
	boolean(&c.SoftwareEAR, "software-ear", true, "pre-created cluster has software encryption at rest enabled")
	boolean(&c.Bootstrap, "bootstrap", false, "start with no cluster: the nodes wait for CreateCluster (any credentials until then)")
	integer(&c.Nodes, "nodes", 4, "nodes of the pre-created cluster")
	integer(&c.DrivesPerNode, "drives-per-node", 10, "drives per node of the pre-created cluster")
	duration(&c.RekeyDuration, "rekey-duration", 6*time.Second, "total master-key rekey time in emulator time (0 = completes on the next read)")
	integer(&c.MaxCalls, "max-calls", max(4, 2*runtime.GOMAXPROCS(0)), "JSON-RPC calls that run at once (a call waiting on a key server gives up its turn); more wait in arrival order (0 = no bound)")
	duration(&c.EARTransition, "ear-transition", 5*time.Second, "how long EnableEncryptionAtRest/DisableEncryptionAtRest stay enabling/disabling, in emulator time (0 = done on the next read)")
	str(&c.Seed, "seed", "", "fixed RNG seed: UUIDs and key IDs repeat across runs")
	str(&c.APIVersion, "api-version", "12.7", "cluster API version: 12.3, 12.5 or 12.7")
	str(&c.Cert, "cert", "", "PEM certificate for the HTTPS listeners (default: issued by the embedded CA)")
	str(&c.Key, "key", "", "PEM private key for --cert")
	str(&c.LogLevel, "log-level", "info", "debug, info, warn or error")
	str(&c.MasterKey, "master-key", "", "base64 32-byte key encryption key (default: DIR/master.key, created on first start)")
	str(&c.Fixture, "fixture", "", "scenario file whose steps are applied once to a fresh state; its result is snapshot \"initial\", which reset then restores")
	boolean(&c.UI, "ui", true, "serve the live dashboard at /_emulator/ui/ on the cluster listeners (same credentials); false turns it off")

	str(&c.KMIPCustomAttribute, "kmip-custom-attribute", "fallback", "x-SolidFire-KeyID attribute on created keys: fallback, required or off")
	str(&c.KMIPDecommission, "kmip-decommission", "revoke-destroy", "what decommissioning a key does on its server: revoke-destroy, revoke or none")
	boolean(&c.KMIPVerifyHostname, "kmip-verify-hostname", true, "check key-server certificates against the dialled hostname")
	boolean(&c.KMIPLegacyCiphers, "kmip-legacy-ciphers", false, "also offer TLS 1.2 CBC-SHA256 suites (PyKMIP with RSA certificates)")
	integer(&c.KMIPClientCertDays, "kmip-client-cert-days", 365, "validity of certificates signed by /_emulator/kmip/sign")
	duration(&c.KMIPConnectTimeout, "kmip-connect-timeout", 5*time.Second, "TCP connect timeout per key-server hostname")
	duration(&c.KMIPHandshakeTimeout, "kmip-handshake-timeout", 10*time.Second, "TLS handshake and version negotiation timeout")
	duration(&c.KMIPRequestTimeout, "kmip-request-timeout", 30*time.Second, "timeout of each KMIP request")
	str(&c.KMIPDestroy, "kmip-destroy", "keep-metadata", "embedded server Destroy: keep-metadata or delete")
	str(&c.KMIPClientEKU, "kmip-client-eku", "require", "embedded server client-certificate EKU check: require or lenient")
	str(&c.KMIPIdentity, "kmip-identity", "cn", "embedded server client identity: cn or ou")
	str(&c.KMIPOwnership, "kmip-ownership", "off", "embedded server object ownership: off (owner recorded only) or owner (other identities get PermissionDenied)")
	str(&c.KMIPServerKey, "kmip-server-key", "ecdsa", "embedded server certificate key: ecdsa (P-256) or rsa (RSA-2048; PyKMIP clients then need --kmip-legacy-ciphers)")
	duration(&c.KMIPTimestampWindow, "kmip-timestamp-window", 0, "reject KMIP requests whose header time is further off (0 = off)")
	list(&c.KMIPSANs, "kmip-san", "extra subject alternative name of the embedded KMIP server certificate")
	list(&c.KMIPClientCAs, "kmip-client-ca", "PEM file of an extra CA trusted for KMIP client certificates")

	str(&c.KACLSAddr, "kacls-addr", "127.0.0.1:9440", "Google CSE KACLS listener; off disables (a busy default port only warns)")
	boolean(&c.KACLSTLS, "kacls-tls", true, "serve the KACLS over HTTPS (leaf of the embedded CA); false: plain HTTP")
	str(&c.KACLSInstances, "kacls", "", "KACLS instance names, comma-separated, each at /<name>/v1 and peered with the others (default: one at /v1)")
	list(&c.KACLSPeers, "kacls-peer", "URL of a KACLS instance in another process: called by rewrap, its migration tokens accepted")
	list(&c.KACLSPeerCAs, "kacls-peer-ca", "PEM file of a CA trusted for KACLS peers (another emulator's GET /_emulator/kmip/ca)")
	list(&c.KACLSTestJWKS, "kacls-test-jwks", "JWKS file of another process's test issuers (its GET /_emulator/kacls/jwks), trusted as the test issuers")
	boolean(&c.KACLSTestIssuers, "kacls-test-issuers", true, "trust the emulator's own test issuers (tokens from POST /_emulator/kacls/token)")
	list(&c.KACLSAuthnIssuers, "kacls-authn-issuer", "trusted identity provider NAME=JWKS_URL or NAME=FILE")
	list(&c.KACLSAuthzIssuers, "kacls-authz-issuer", "trusted authorization issuer NAME=JWKS_URL or NAME=FILE")
	list(&c.KACLSAuthnAudiences, "kacls-authn-audience", "audience of authentication tokens (default kacls-emulator)")
	list(&c.KACLSPrivilegedUsers, "kacls-privileged-user", "email allowed to call the privileged endpoints with an IdP token (default: any)")
	str(&c.KACLSTokenValidation, "kacls-token-validation", "on", "on, or off to skip signature, issuer, audience and time checks (policy still applies)")
	boolean(&c.KACLSAllowGuests, "kacls-allow-guests", false, "accept email_type google-visitor and customer-idp")
	str(&c.KACLSOwnerDomain, "kacls-owner-domain", "", "when set, a kacls_owner_domain claim must equal it")

	str(&c.AlikmsAddr, "alikms-addr", "127.0.0.1:9441", "Alibaba Cloud KMS listener, plain HTTP; off disables (a busy default port only warns)")
	boolean(&c.AlikmsTLS, "alikms-tls", false, "serve the Alibaba KMS over HTTPS (leaf of the embedded CA; SDK Protocol https with Config.Ca)")
	str(&c.AlikmsCredFile, "alikms-credentials", "", `JSON file of Alibaba access keys: [{"id": "...", "secret": "...", "token": "..."}]`)
	str(&c.AlikmsRegion, "alikms-region", "cn-hangzhou", "Alibaba KMS region (in key ARNs)")
	str(&c.AlikmsAccount, "alikms-account", "1234567890123456", "Alibaba KMS account ID (in key ARNs and GetCallerIdentity)")
	list(&c.AlikmsCredentials, "alikms-credential", "Alibaba KMS access key ID:SECRET[:SECURITY_TOKEN] (default: LTAIEMULATOR0000000000:emulator-alibaba-secret)")
	str(&c.TCKMSAddr, "tckms-addr", "127.0.0.1:9442", "Tencent Cloud KMS listener, plain HTTP; off disables (a busy default port only warns)")
	boolean(&c.TCKMSTLS, "tckms-tls", false, "serve the Tencent KMS over HTTPS (leaf of the embedded CA) instead of plain HTTP")
	list(&c.TCKMSCredentials, "tckms-credential", "Tencent SecretId:SecretKey[:Token] accepted besides the default pair")
	str(&c.TCKMSCredFile, "tckms-credentials", "", `JSON file of Tencent credentials: [{"id": "...", "secret": "...", "token": "..."}]`)
	str(&c.TCKMSFlavour, "tckms-flavour", "fips", "Tencent KMS flavour: fips (KeyMetadata.Type 2, 32-byte material) or sm (Type 4, 16-byte material)")
	str(&c.TCKMSUIN, "tckms-uin", "100000000001", "Tencent account UIN the keys belong to (CreatorUin, ResourceId)")

	if envErr != nil {
		return c, fs, envErr
	}
	if err := fs.Parse(args); err != nil {
		return c, fs, err
	}
	c.KACLSAddrGiven = getenv(envName("kacls-addr")) != ""
	fs.Visit(func(f *flag.Flag) { c.KACLSAddrGiven = c.KACLSAddrGiven || f.Name == "kacls-addr" })
	c.AlikmsAddrGiven = getenv(envName("alikms-addr")) != ""
	fs.Visit(func(f *flag.Flag) { c.AlikmsAddrGiven = c.AlikmsAddrGiven || f.Name == "alikms-addr" })
	c.TCKMSAddrGiven = getenv(envName("tckms-addr")) != ""
	fs.Visit(func(f *flag.Flag) { c.TCKMSAddrGiven = c.TCKMSAddrGiven || f.Name == "tckms-addr" })
	return c, fs, c.Validate()
}

// Validate checks the configuration.
func (c Config) Validate() error {
	if _, err := clock.ParseMode(c.Clock); err != nil {
		return ErrClockMode
	}
	switch c.APIVersion {
	case "12.3", "12.5", "12.7":
	default:
		return ErrAPIVersion
	}
	if c.Nodes < 1 || c.Nodes > 100 || c.DrivesPerNode < 1 || c.DrivesPerNode > 24 {
		return ErrNodes
	}
	if c.RekeyDuration < 0 {
		return ErrRekeyDuration
	}
	if c.EARTransition < 0 {
		return ErrEARTransition
	}
	if c.MaxCalls < 0 {
		return ErrMaxCalls
	}
	if c.Seed != "" {
		if _, err := strconv.ParseUint(c.Seed, 10, 64); err != nil {
			return ErrSeed
		}
	}
	if !oneOf(c.KMIPCustomAttribute, "fallback", "required", "off") {
		return ErrCustomAttr
	}
	if !oneOf(c.KMIPDecommission, "revoke-destroy", "revoke", "none") {
		return ErrDecommission
	}
	if !oneOf(c.KMIPDestroy, "keep-metadata", "delete") {
		return ErrDestroy
	}
	if !oneOf(c.KMIPClientEKU, "require", "lenient") {
		return ErrClientEKU
	}
	if !oneOf(c.KMIPIdentity, "cn", "ou") {
		return ErrIdentity
	}
	if !oneOf(c.KMIPOwnership, "off", "owner") {
		return ErrOwnership
	}
	if !oneOf(c.KMIPServerKey, "ecdsa", "rsa") {
		return ErrServerKey
	}
	if (c.Cert == "") != (c.Key == "") {
		return ErrCertKey
	}
	if c.MasterKey != "" {
		if k, err := base64.StdEncoding.DecodeString(c.MasterKey); err != nil || len(k) != 32 {
			return ErrMasterKey
		}
	}
	if c.Data == "" && !c.Ephemeral {
		return ErrDataEphemeral
	}
	if c.KMIPClientCertDays < 1 || c.KMIPClientCertDays > 36500 {
		return ErrClientCertDays
	}
	if err := c.validateAlikms(); err != nil {
		return err
	}
	if err := c.validateKACLS(); err != nil {
		return err
	}
	return c.validateTCKMS()
}

// kaclsNameRE is an instance name, at most 32 long (checked beside it: a
// bounded repetition compiles to one copy of the class per count).
var kaclsNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

func (c Config) validateKACLS() error {
	if c.KACLSInstances != "" {
		seen := map[string]bool{}
		for _, n := range strings.Split(c.KACLSInstances, ",") {
			n = strings.TrimSpace(n)
			if len(n) > 32 || !kaclsNameRE.MatchString(n) || seen[n] {
				return ErrKACLSNames
			}
			seen[n] = true
		}
	}
	for _, is := range append(append(stringList{}, c.KACLSAuthnIssuers...), c.KACLSAuthzIssuers...) {
		name, src, ok := strings.Cut(is, "=")
		if !ok || name == "" || src == "" {
			return ErrKACLSIssuer
		}
	}
	for _, p := range c.KACLSPeers {
		u, err := url.Parse(p)
		if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			return ErrKACLSPeer
		}
	}
	if !oneOf(c.KACLSTokenValidation, "on", "off") {
		return ErrKACLSTokenVal
	}
	return nil
}

func oneOf(v string, opts ...string) bool {
	for _, o := range opts {
		if v == o {
			return true
		}
	}
	return false
}
