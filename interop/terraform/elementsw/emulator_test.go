package elementsw

// This file is not part of the upstream provider: it is the Element
// emulator's harness around the provider's own acceptance tests (see
// interop/terraform/README.md). TestMain builds the emulator from the
// repository that holds this module, starts it on a free loopback port with
// a throwaway data directory, points the ELEMENTSW_* variables at it, sets
// TF_ACC=1 and runs every test of the package: upstream's
// resource_elementsw_*_test.go and the TestEmulator* tests below, which
// cover what upstream leaves out (accounts, whose upstream tests return at
// once, volume updates, imports, and the initiator and access group calls
// upstream never makes).

import (
	"bufio"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform/helper/resource"
	"github.com/hashicorp/terraform/terraform"
	"github.com/netapp/terraform-provider-netapp-elementsw/elementsw/element/jsonrpc"
)

const (
	emuUser     = "admin"
	emuPassword = "emulator-password"
	// emuAPIVersion is the endpoint the provider calls (/json-rpc/12.3):
	// the oldest version the emulated 12.x cluster serves.
	emuAPIVersion = "12.3"
	// emuStartTimeout bounds the build-free part of the start: the process
	// printing its listener and answering /_emulator/healthz.
	emuStartTimeout = 60 * time.Second
)

// upstreamSkipped are the upstream tests not run against the emulator: the
// initiator tests name their initiator "terraform-acceptance-test", which is
// neither an IQN nor a WWPN, and the emulator refuses such a name with
// xInvalidParameter (decision V11). TestEmulatorInitiator_* run the same
// configurations and checks with an IQN. -skip on the command line wins.
const upstreamSkipped = "^TestInitiator_(basic|update|removeVolumeAccessGroup)$"

func TestMain(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("test.skip"); f != nil && f.Value.String() == "" {
		_ = f.Value.Set(upstreamSkipped)
	}
	// Terraform's helper/resource refuses to run without -v; a plain
	// "go test ./..." (which prints only the summary unless a test fails)
	// must run them too.
	if err := flag.Set("test.v", "true"); err != nil {
		fmt.Fprintln(os.Stderr, "emulator harness: -test.v:", err)
		os.Exit(1)
	}
	os.Exit(runWithEmulator(m))
}

// runWithEmulator is TestMain's body, so that deferred clean-ups run before
// os.Exit. With ELEMENTSW_SERVER already set (a real cluster, or an emulator
// started by hand) it only sets TF_ACC and runs the tests.
func runWithEmulator(m *testing.M) int {
	if os.Getenv("ELEMENTSW_SERVER") != "" {
		os.Setenv("TF_ACC", "1")
		return m.Run()
	}
	tmp, err := os.MkdirTemp("", "elementsw-emulator-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "emulator harness:", err)
		return 1
	}
	defer os.RemoveAll(tmp)

	bin, err := buildEmulator(tmp)
	if err != nil {
		fmt.Fprintln(os.Stderr, "emulator harness: build:", err)
		return 1
	}
	addr, stop, err := startEmulator(bin, filepath.Join(tmp, "data"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "emulator harness: start:", err)
		return 1
	}
	defer stop()

	for k, v := range map[string]string{
		"TF_ACC":                "1",
		"ELEMENTSW_USERNAME":    emuUser,
		"ELEMENTSW_PASSWORD":    emuPassword,
		"ELEMENTSW_SERVER":      addr,
		"ELEMENTSW_API_VERSION": emuAPIVersion,
	} {
		os.Setenv(k, v)
	}
	return m.Run()
}

// emulatorRoot finds the emulator's module: the nearest directory above this
// package whose go.mod declares it.
func emulatorRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(b), "module github.com/element-emulator/element-emulator\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no github.com/element-emulator/element-emulator go.mod above this package")
		}
		dir = parent
	}
}

func buildEmulator(tmp string) (string, error) {
	root, err := emulatorRoot()
	if err != nil {
		return "", err
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(tmp, "element-emulator")
	cmd := exec.Command(goBin, "build", "-o", bin, "./cmd/element-emulator")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("%v: %s", err, out)
	}
	return bin, nil
}

var listenerLine = regexp.MustCompile(`listener=https addr=(\S+)`)

// startEmulator runs the emulator with only its HTTPS cluster listener, on a
// port the kernel picks, and returns host:port once the listener logged its
// address and /_emulator/healthz answers.
func startEmulator(bin, data string) (string, func(), error) {
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin,
		"--data", data,
		"--user", emuUser, "--password", emuPassword,
		"--https-addr", "127.0.0.1:0",
		"--http-addr", "",
		"--node-addr", "",
		"--kmip-addr", "off",
		"--kacls-addr", "off",
		"--alikms-addr", "off",
		"--tckms-addr", "off",
		"--ui=false",
	)
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		cancel()
		return "", nil, err
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		pw.Close()
		close(exited)
	}()
	stop := func() {
		cancel()
		<-exited
	}

	found := make(chan string, 1)
	logPath := filepath.Join(filepath.Dir(data), "emulator.log")
	go func() {
		logFile, _ := os.Create(logPath)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if logFile != nil {
				fmt.Fprintln(logFile, sc.Text())
			}
			if os.Getenv("ELEMENTSW_EMULATOR_LOG") != "" {
				fmt.Fprintln(os.Stderr, "emulator:", sc.Text())
			}
			if m := listenerLine.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		_, _ = io.Copy(io.Discard, pr)
	}()

	deadline := time.NewTimer(emuStartTimeout)
	defer deadline.Stop()
	var addr string
	select {
	case addr = <-found:
	case <-exited:
		cancel()
		log, _ := os.ReadFile(logPath)
		return "", nil, fmt.Errorf("emulator exited before listening: %s", log)
	case <-deadline.C:
		stop()
		return "", nil, fmt.Errorf("emulator printed no HTTPS listener within %v", emuStartTimeout)
	}

	client := &http.Client{
		Timeout:   2 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
	}
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		req, err := http.NewRequest(http.MethodGet, "https://"+addr+"/_emulator/healthz", nil)
		if err != nil {
			stop()
			return "", nil, err
		}
		req.SetBasicAuth(emuUser, emuPassword)
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return addr, stop, nil
			}
			err = fmt.Errorf("HTTP %s", resp.Status)
		}
		select {
		case <-tick.C:
		case <-exited:
			return "", nil, fmt.Errorf("emulator exited before it was healthy")
		case <-deadline.C:
			stop()
			return "", nil, fmt.Errorf("emulator at %s not healthy within %v (last error %v)", addr, emuStartTimeout, err)
		}
	}
}

// ---------------------------------------------------------------------------
// Tests of what the upstream acceptance tests leave out.

func emuClient() *Client { return testAccProvider.Meta().(*Client) }

// elementError returns the Element error name of err, or "".
func elementError(err error) string {
	if e, ok := err.(*jsonrpc.ResponseError); ok {
		return e.Name
	}
	return ""
}

func checkAccountGone(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "elementsw_account" {
			continue
		}
		id, err := strconv.Atoi(rs.Primary.ID)
		if err != nil {
			return err
		}
		_, err = emuClient().getAccountByID(id)
		if name := elementError(err); name != "xUnknownAccount" {
			return fmt.Errorf("account %d after destroy: GetAccountByID error %v, want xUnknownAccount", id, err)
		}
	}
	return nil
}

func checkAccount(n, username, initiatorSecret, targetSecret string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[n]
		if !ok {
			return fmt.Errorf("not found: %s", n)
		}
		id, err := strconv.Atoi(rs.Primary.ID)
		if err != nil {
			return err
		}
		a, err := emuClient().getAccountByID(id)
		if err != nil {
			return err
		}
		byName, err := emuClient().getAccountByName(username)
		if err != nil {
			return err
		}
		if a.AccountID != id || byName.AccountID != id || a.Username != username || a.Status != "active" {
			return fmt.Errorf("account %d: got %+v (by name %d), want username %q, active", id, a, byName.AccountID, username)
		}
		if initiatorSecret != "" && a.InitiatorSecret != initiatorSecret {
			return fmt.Errorf("initiatorSecret %q, want %q", a.InitiatorSecret, initiatorSecret)
		}
		if targetSecret != "" && a.TargetSecret != targetSecret {
			return fmt.Errorf("targetSecret %q, want %q", a.TargetSecret, targetSecret)
		}
		if len(a.InitiatorSecret) < 12 || len(a.TargetSecret) < 12 {
			return fmt.Errorf("CHAP secrets too short: %+v", a)
		}
		return nil
	}
}

const emuAccountConfig = `
resource "elementsw_account" "emu" {
	username = "%s"
	%s
}
`

// TestEmulatorAccount: AddAccount (generated and given secrets),
// GetAccountByID/ByName, ModifyAccount (username and both secrets), import,
// RemoveAccount.
func TestEmulatorAccount(t *testing.T) {
	const n = "elementsw_account.emu"
	resource.Test(t, resource.TestCase{
		PreCheck:     func() { testAccPreCheck(t) },
		Providers:    testAccProviders,
		CheckDestroy: checkAccountGone,
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(emuAccountConfig, "tf-emu-account", ""),
				Check: resource.ComposeTestCheckFunc(
					checkAccount(n, "tf-emu-account", "", ""),
					resource.TestCheckResourceAttr(n, "username", "tf-emu-account"),
				),
			},
			{
				Config: fmt.Sprintf(emuAccountConfig, "tf-emu-account-2",
					"target_secret = \"ABC123456XYZ\"\n\tinitiator_secret = \"SecretSecret1\""),
				Check: resource.ComposeTestCheckFunc(
					checkAccount(n, "tf-emu-account-2", "SecretSecret1", "ABC123456XYZ"),
					resource.TestCheckResourceAttr(n, "username", "tf-emu-account-2"),
					resource.TestCheckResourceAttr(n, "target_secret", "ABC123456XYZ"),
					resource.TestCheckResourceAttr(n, "initiator_secret", "SecretSecret1"),
				),
			},
			{
				Config: fmt.Sprintf(emuAccountConfig, "tf-emu-account-2",
					"target_secret = \"ABC123456XYZU\"\n\tinitiator_secret = \"SecretSecret1U\""),
				Check: resource.ComposeTestCheckFunc(
					checkAccount(n, "tf-emu-account-2", "SecretSecret1U", "ABC123456XYZU"),
					resource.TestCheckResourceAttr(n, "target_secret", "ABC123456XYZU"),
					resource.TestCheckResourceAttr(n, "initiator_secret", "SecretSecret1U"),
				),
			},
			{
				// The provider's Read sets only the attributes already in
				// the state, so an import carries the ID alone: checked.
				ResourceName:      n,
				ImportState:       true,
				ImportStateCheck:  importedIDs(1),
				ImportStateVerify: false,
			},
		},
	})
}

// TestEmulatorAccountCreatedSecrets: the upstream TestAccount_secrets
// configuration (given CHAP secrets at creation), which upstream disables.
func TestEmulatorAccountCreatedSecrets(t *testing.T) {
	const n = "elementsw_account.terraform-acceptance-account-1"
	resource.Test(t, resource.TestCase{
		PreCheck:     func() { testAccPreCheck(t) },
		Providers:    testAccProviders,
		CheckDestroy: checkAccountGone,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(testAccCheckElementSwAccountConfigSecrets, "terraform-acceptance-test", "ABC123456XYZ", "SecretSecret1"),
			Check: resource.ComposeTestCheckFunc(
				checkAccount(n, "terraform-acceptance-test", "SecretSecret1", "ABC123456XYZ"),
				resource.TestCheckResourceAttr(n, "target_secret", "ABC123456XYZ"),
				resource.TestCheckResourceAttr(n, "initiator_secret", "SecretSecret1"),
			),
		}},
	})
}

func importedIDs(n int) resource.ImportStateCheckFunc {
	return func(is []*terraform.InstanceState) error {
		if len(is) != n {
			return fmt.Errorf("imported %d instances, want %d", len(is), n)
		}
		for _, s := range is {
			if _, err := strconv.Atoi(s.ID); err != nil {
				return fmt.Errorf("imported ID %q: %v", s.ID, err)
			}
		}
		return nil
	}
}

// TestUpstreamFilesVerbatim checks every file listed in UPSTREAM.sha256
// (upstream's files at the commit named in README.md, upstream's README.md
// kept as README.upstream.md) against its recorded hash, and that no .go file
// other than this one was added to the module.
func TestUpstreamFilesVerbatim(t *testing.T) {
	list, err := os.ReadFile(filepath.Join("..", "UPSTREAM.sha256"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for i, line := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok {
			t.Fatalf("UPSTREAM.sha256:%d: want \"SHA256  PATH\": %q", i+1, line)
		}
		listed[name] = true
		b, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		h := sha256.Sum256(b)
		if got := hex.EncodeToString(h[:]); got != sum {
			t.Errorf("%s differs from upstream: sha256 %s, want %s", name, got, sum)
		}
	}
	err = filepath.WalkDir("..", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		rel, err := filepath.Rel("..", p)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); !listed[rel] && rel != "elementsw/emulator_test.go" {
			t.Errorf("%s is neither upstream's nor the harness", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// emuIQN is the initiator name of the TestEmulatorInitiator_* tests, in
// place of upstream's "terraform-acceptance-test".
const emuIQN = "iqn.2022-02.com.netapp:terraform-acceptance-test"

// checkInitiatorGroup checks through ListInitiators and
// ListVolumeAccessGroups that the initiator of resource n is in the access
// group of resource g (none when g is "").
func checkInitiatorGroup(n, g string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[n]
		if !ok {
			return fmt.Errorf("not found: %s", n)
		}
		id, err := strconv.Atoi(rs.Primary.ID)
		if err != nil {
			return err
		}
		res, err := emuClient().listInitiators(listInitiatorRequest{Initiators: []int{id}})
		if err != nil {
			return err
		}
		if len(res.Initiators) != 1 || res.Initiators[0].Name != emuIQN {
			return fmt.Errorf("ListInitiators [%d]: %+v", id, res.Initiators)
		}
		groups := res.Initiators[0].VolumeAccessGroups
		if g == "" {
			if len(groups) != 0 {
				return fmt.Errorf("initiator %d in groups %v, want none", id, groups)
			}
			return nil
		}
		gs, ok := s.RootModule().Resources[g]
		if !ok {
			return fmt.Errorf("not found: %s", g)
		}
		vag, err := emuClient().getVolumeAccessGroupByID(gs.Primary.ID)
		if err != nil {
			return err
		}
		if len(groups) != 1 || groups[0] != vag.VolumeAccessGroupID || len(vag.Initiators) != 1 || vag.Initiators[0] != emuIQN {
			return fmt.Errorf("initiator %d groups %v, group %+v", id, groups, vag)
		}
		return nil
	}
}

// TestEmulatorInitiator_basic is upstream's TestInitiator_basic with an IQN:
// CreateVolumeAccessGroup, CreateInitiators into it, ListInitiators,
// DeleteInitiators and DeleteVolumeAccessGroup.
func TestEmulatorInitiator_basic(t *testing.T) {
	var in initiator
	const n = "elementsw_initiator.terraform-acceptance-test-1"
	resource.Test(t, resource.TestCase{
		PreCheck:     func() { testAccPreCheck(t) },
		Providers:    testAccProviders,
		CheckDestroy: resource.ComposeTestCheckFunc(testAccCheckElementSwInitiatorDestroy, testAccCheckElementSwVolumeAccessGroupDestroy),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(testAccCheckElementSwInitiatorConfig, emuIQN, "terraform-acceptance-test-alias"),
			Check: resource.ComposeTestCheckFunc(
				testAccCheckElementSwInitiatorExists(n, &in),
				checkInitiatorGroup(n, "elementsw_volume_access_group.terraform-acceptance-test-1"),
				resource.TestCheckResourceAttr(n, "name", emuIQN),
				resource.TestCheckResourceAttr(n, "alias", "terraform-acceptance-test-alias"),
			),
		}},
	})
}

// TestEmulatorInitiator_update is upstream's TestInitiator_update with an
// IQN: ModifyInitiators moves the initiator to a new access group and
// changes its alias, then the first group is deleted.
func TestEmulatorInitiator_update(t *testing.T) {
	var in initiator
	const n = "elementsw_initiator.terraform-acceptance-test-1"
	resource.Test(t, resource.TestCase{
		PreCheck:     func() { testAccPreCheck(t) },
		Providers:    testAccProviders,
		CheckDestroy: resource.ComposeTestCheckFunc(testAccCheckElementSwInitiatorDestroy, testAccCheckElementSwVolumeAccessGroupDestroy),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(testAccCheckElementSwInitiatorConfig, emuIQN, "terraform-acceptance-test-alias"),
				Check: resource.ComposeTestCheckFunc(
					testAccCheckElementSwInitiatorExists(n, &in),
					checkInitiatorGroup(n, "elementsw_volume_access_group.terraform-acceptance-test-1"),
				),
			},
			{
				Config: fmt.Sprintf(testAccCheckElementSwInitiatorConfigUpdate, emuIQN, "terraform-acceptance-test-alias-update"),
				Check: resource.ComposeTestCheckFunc(
					testAccCheckElementSwInitiatorExists(n, &in),
					checkInitiatorGroup(n, "elementsw_volume_access_group.terraform-acceptance-test-2"),
					resource.TestCheckResourceAttr(n, "name", emuIQN),
					resource.TestCheckResourceAttr(n, "alias", "terraform-acceptance-test-alias-update"),
				),
			},
			{
				ResourceName:     n,
				ImportState:      true,
				ImportStateCheck: importedIDs(1),
			},
		},
	})
}

// TestEmulatorInitiator_removeVolumeAccessGroup is upstream's
// TestInitiator_removeVolumeAccessGroup with an IQN: the access group is
// deleted while the initiator is still in it (DeleteVolumeAccessGroup with
// deleteOrphanInitiators false keeps the initiator) and ModifyInitiators
// changes the alias.
func TestEmulatorInitiator_removeVolumeAccessGroup(t *testing.T) {
	var in initiator
	const n = "elementsw_initiator.terraform-acceptance-test-1"
	resource.Test(t, resource.TestCase{
		PreCheck:     func() { testAccPreCheck(t) },
		Providers:    testAccProviders,
		CheckDestroy: testAccCheckElementSwInitiatorDestroy,
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(testAccCheckElementSwInitiatorConfig, emuIQN, "terraform-acceptance-test-alias"),
				Check:  testAccCheckElementSwInitiatorExists(n, &in),
			},
			{
				Config: fmt.Sprintf(testAccCheckElementSwInitiatorConfigRemoveVAG, emuIQN, "terraform-acceptance-test-alias-update"),
				Check: resource.ComposeTestCheckFunc(
					testAccCheckElementSwInitiatorExists(n, &in),
					checkInitiatorGroup(n, ""),
					resource.TestCheckResourceAttr(n, "alias", "terraform-acceptance-test-alias-update"),
				),
			},
		},
	})
}

const emuVolumeConfig = `
resource "elementsw_volume" "emu" {
	name = "tf-emu-volume"
	account = %s
	total_size = "%d"
	enable512e = "true"
	min_iops = "%d"
	max_iops = "%d"
	burst_iops = "%d"
}
resource "elementsw_account" "emu" {
	username = "tf-emu-volume-owner"
}
`

// checkVolume reads the volume of resource n with ListVolumes (by ID and by
// account and name) and checks its size (rounded up to whole MiB, as
// Element does), QoS, owner and IQN.
func checkVolume(n string, size, minIOPS, maxIOPS, burstIOPS int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[n]
		if !ok {
			return fmt.Errorf("not found: %s", n)
		}
		id, err := strconv.Atoi(rs.Primary.ID)
		if err != nil {
			return err
		}
		acct, err := emuClient().getAccountByName("tf-emu-volume-owner")
		if err != nil {
			return err
		}
		byName, err := emuClient().getVolumeByIDOrName("tf-emu-volume", acct.AccountID)
		if err != nil {
			return err
		}
		byID, err := emuClient().getVolumeByIDOrName(rs.Primary.ID, acct.AccountID)
		if err != nil {
			return err
		}
		if byName.Volumes[0].VolumeID != id || byID.Volumes[0].VolumeID != id {
			return fmt.Errorf("volume %d: by name %+v, by ID %+v", id, byName.Volumes, byID.Volumes)
		}
		iqn := rs.Primary.Attributes["iqn"]
		if iqn == "" || iqn != byID.Volumes[0].Iqn || !strings.HasSuffix(iqn, ".tf-emu-volume."+rs.Primary.ID) {
			return fmt.Errorf("volume %d: iqn %q in state, %q listed", id, iqn, byID.Volumes[0].Iqn)
		}
		raw, err := emuClient().CallAPIMethod("ListVolumes", map[string]interface{}{"volumeIDs": []int{id}})
		if err != nil {
			return err
		}
		var res struct {
			Volumes []struct {
				AccountID int `json:"accountID"`
				TotalSize int `json:"totalSize"`
				QoS       struct {
					MinIOPS, MaxIOPS, BurstIOPS int
				} `json:"qos"`
			} `json:"volumes"`
		}
		if err := json.Unmarshal(*raw, &res); err != nil {
			return err
		}
		const mib = 1 << 20
		v := res.Volumes[0]
		if want := (size + mib - 1) / mib * mib; v.TotalSize != want || v.AccountID != acct.AccountID ||
			v.QoS.MinIOPS != minIOPS || v.QoS.MaxIOPS != maxIOPS || v.QoS.BurstIOPS != burstIOPS {
			return fmt.Errorf("volume %d: %+v, want size %d, account %d, QoS %d/%d/%d", id, v, want, acct.AccountID, minIOPS, maxIOPS, burstIOPS)
		}
		return nil
	}
}

// TestEmulatorVolume: CreateVolume for an account given by name
// (GetAccountByName), ModifyVolume (size and QoS), import, then DeleteVolume,
// PurgeDeletedVolume and RemoveAccount.
func TestEmulatorVolume(t *testing.T) {
	const n = "elementsw_volume.emu"
	resource.Test(t, resource.TestCase{
		PreCheck:     func() { testAccPreCheck(t) },
		Providers:    testAccProviders,
		CheckDestroy: resource.ComposeTestCheckFunc(testAccCheckElementSwVolumeDestroy, checkAccountGone),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(emuVolumeConfig, `elementsw_account.emu.username`, 1000000000, 500, 10000, 10000),
				Check: resource.ComposeTestCheckFunc(
					checkVolume(n, 1000000000, 500, 10000, 10000),
					resource.TestCheckResourceAttr(n, "name", "tf-emu-volume"),
				),
			},
			{
				// Before the last apply: a state after an import step has lost
				// the volume's dependency on the account in Terraform 0.13's
				// test harness, and the final destroy would then remove both at
				// once, the account possibly first (xAPINotPermitted while it
				// owns the volume, V4).
				ResourceName:     n,
				ImportState:      true,
				ImportStateCheck: importedIDs(1),
			},
			{
				Config: fmt.Sprintf(emuVolumeConfig, `elementsw_account.emu.username`, 2000000000, 1000, 12000, 15000),
				Check: resource.ComposeTestCheckFunc(
					checkVolume(n, 2000000000, 1000, 12000, 15000),
					resource.TestCheckResourceAttr(n, "total_size", "2000000000"),
				),
			},
		},
	})
}
