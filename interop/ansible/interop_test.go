package ansible

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

// requireEnv makes a missing ansible-playbook or a busy port a failure
// instead of a skip (.ci/run sets it).
const requireEnv = "ELEMENT_EMULATOR_REQUIRE_ANSIBLE"

// The modules connect to fixed ports: the cluster (MVIP) on 443, the node
// on 442. The playbook's inventory names this address.
const (
	mvipAddr = "127.0.0.2:443"
	nodeAddr = "127.0.0.2:442"
)

// wantChanged is the number of tasks of playbook.yml that must report
// changed (each is also asserted in the playbook itself): cluster_config 1,
// account 4, qos_policy 5, volume 6, access_group 5 (with
// na_elementsw_access_group_volumes), initiators 3, snapshot 4,
// snapshot_schedule 4, admin_users 4, drive 3.
const wantChanged = 39

// plays are the play names of playbook.yml, in order.
var plays = []string{"info", "cluster_config", "account", "qos_policy", "volume", "access_group",
	"initiators", "snapshot", "snapshot_schedule", "admin_users", "drive"}

func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv(requireEnv) == "1" {
		t.Fatalf(format+" ("+requireEnv+"=1)", args...)
	}
	t.Skipf(format, args...)
}

// TestAnsiblePlaybook runs playbook.yml with ansible-playbook against an
// in-process emulator, requires a PLAY RECAP without failures and with the
// expected changes, and then reads back what the playbook left behind.
func TestAnsiblePlaybook(t *testing.T) {
	playbook, err := exec.LookPath("ansible-playbook")
	if err != nil {
		skipOrFail(t, "ansible-playbook is not installed (apt-get install ansible python3-future)")
	}
	for _, a := range []string{mvipAddr, nodeAddr} {
		ln, err := net.Listen("tcp", a)
		if err != nil {
			skipOrFail(t, "cannot bind %s, which the modules need: %v", a, err)
		}
		require.NoError(t, ln.Close())
	}
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) {
		c.HTTPSAddr, c.NodeAddr = mvipAddr, nodeAddr
		// Drive jobs finish on the next read, so the drive play's
		// remove, erase and add need no clock advance.
		c.Cluster.DriveAdd, c.Cluster.DriveRemoval, c.Cluster.DriveSecureErase = 0, 0, 0
	}))

	sdk, err := filepath.Abs("python")
	require.NoError(t, err)
	tmp := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 9*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, playbook, "-i", "inventory.ini", "playbook.yml")
	cmd.Env = append(os.Environ(),
		"PYTHONPATH="+sdk,
		// Compile the SDK's 1.2 MB of models once for all the module runs,
		// outside the source tree.
		"PYTHONDONTWRITEBYTECODE=",
		"PYTHONPYCACHEPREFIX="+filepath.Join(tmp, "pycache"),
		"ANSIBLE_NOCOLOR=1",
		"ANSIBLE_FORCE_COLOR=0",
		"ANSIBLE_RETRY_FILES_ENABLED=0",
		"ANSIBLE_PIPELINING=1",
		"ANSIBLE_LOCAL_TEMP="+filepath.Join(tmp, "local"),
		"ANSIBLE_REMOTE_TEMP="+filepath.Join(tmp, "remote"),
		"ANSIBLE_CONFIG="+filepath.Join(tmp, "none.cfg"),
		"HOME="+tmp,
	)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	runErr := cmd.Run()
	t.Logf("ansible-playbook ran in %s", time.Since(start).Round(time.Second))
	if runErr != nil || testing.Verbose() {
		t.Log(out.String())
	}
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		require.NoError(t, runErr)
	}

	recap := parseRecap(t, out.String())
	require.Equal(t, 0, recap["failed"], "failed tasks")
	require.Equal(t, 0, recap["unreachable"])
	require.Equal(t, 0, recap["ignored"])
	require.Equal(t, wantChanged, recap["changed"], "tasks that reported changed")
	require.NoError(t, runErr)
	var ran []string
	for _, m := range regexp.MustCompile(`(?m)^PLAY \[(\S+)\]`).FindAllStringSubmatch(out.String(), -1) {
		ran = append(ran, m[1])
	}
	require.Equal(t, plays, ran)

	checkState(t, s)
}

// parseRecap reads the counters of the one host's PLAY RECAP line.
func parseRecap(t *testing.T, out string) map[string]int {
	t.Helper()
	i := strings.LastIndex(out, "PLAY RECAP")
	require.GreaterOrEqual(t, i, 0, "no PLAY RECAP")
	m := regexp.MustCompile(`(?m)^emulator\s+:(.*)$`).FindStringSubmatch(out[i:])
	require.NotNil(t, m, "no recap line for host emulator")
	got := map[string]int{}
	for _, f := range strings.Fields(m[1]) {
		k, v, ok := strings.Cut(f, "=")
		require.True(t, ok, f)
		n, err := strconv.Atoi(v)
		require.NoError(t, err, f)
		got[k] = n
	}
	return got
}

// byName returns the element of list whose key equals name, or nil.
func byName(t *testing.T, list any, key, name string) map[string]any {
	t.Helper()
	for _, x := range list.([]any) {
		if m := x.(map[string]any); m[key] == name {
			return m
		}
	}
	return nil
}

func ints(t *testing.T, v any) []int64 {
	t.Helper()
	var out []int64
	for _, x := range v.([]any) {
		out = append(out, apitest.Int(t, x))
	}
	slices.Sort(out)
	return out
}

// checkState reads, through the Element API, what each play created,
// modified and deleted.
func checkState(t *testing.T, s *apitest.Server) {
	// cluster_config
	ntp := s.OK("GetNtpInfo", nil)
	require.Equal(t, []any{"10.117.0.1", "10.117.0.2"}, ntp["servers"])
	require.Equal(t, false, ntp["broadcastclient"])
	th := s.OK("GetClusterFullThreshold", nil)
	require.Equal(t, int64(4), apitest.Int(t, th["stage2AwareThreshold"]))
	require.Equal(t, int64(5), apitest.Int(t, th["stage3BlockThresholdPercent"]))
	require.Equal(t, int64(6), apitest.Int(t, th["maxMetadataOverProvisionFactor"]))
	vv := s.OK("GetFeatureStatus", map[string]any{"feature": "vvols"})["features"].([]any)
	require.Equal(t, true, vv[0].(map[string]any)["enabled"])

	// account: the tenant with its secrets and attributes; the scratch
	// account, renamed and locked, then removed.
	accounts := s.OK("ListAccounts", nil)["accounts"]
	tenant := byName(t, accounts, "username", "ansible-tenant")
	require.NotNil(t, tenant)
	require.Equal(t, "tenantinit1234", tenant["initiatorSecret"])
	require.Equal(t, "tenanttarget1234", tenant["targetSecret"])
	require.Equal(t, "ansible", apitest.Obj(t, tenant, "attributes")["owner"])
	require.Equal(t, "active", tenant["status"])
	require.Nil(t, byName(t, accounts, "username", "ansible-scratch"))
	require.Nil(t, byName(t, accounts, "username", "ansible-scratch-renamed"))
	acct := apitest.Int(t, tenant["accountID"])

	// qos_policy: gold modified; bronze renamed silver, then deleted.
	policies := s.OK("ListQoSPolicies", nil)["qosPolicies"]
	gold := byName(t, policies, "name", "ansible-gold")
	require.NotNil(t, gold)
	q := apitest.Obj(t, gold, "qos")
	require.Equal(t, []int64{2000, 30000, 60000},
		[]int64{apitest.Int(t, q["minIOPS"]), apitest.Int(t, q["maxIOPS"]), apitest.Int(t, q["burstIOPS"])})
	require.Nil(t, byName(t, policies, "name", "ansible-bronze"))
	require.Nil(t, byName(t, policies, "name", "ansible-silver"))

	// volume: vol1 grown, its QoS raised, read-write again; vol2 on gold;
	// the scratch volume deleted and purged.
	vols := s.OK("ListVolumesForAccount", map[string]any{"accountID": acct})["volumes"]
	vol1 := byName(t, vols, "name", "ansible-vol1")
	require.NotNil(t, vol1)
	require.GreaterOrEqual(t, apitest.Int(t, vol1["totalSize"]), int64(20_000_000_000))
	require.Less(t, apitest.Int(t, vol1["totalSize"]), int64(20_020_000_000))
	require.Equal(t, "readWrite", vol1["access"])
	require.Equal(t, true, vol1["enable512e"])
	// The last task named no attributes, so only the module's own remain.
	require.Equal(t, map[string]any{"config-mgmt": "ansible", "event-source": "na_elementsw_volume"}, vol1["attributes"])
	require.Equal(t, int64(600), apitest.Int(t, apitest.Obj(t, vol1, "qos")["minIOPS"]))
	vol2 := byName(t, vols, "name", "ansible-vol2")
	require.NotNil(t, vol2)
	require.Equal(t, apitest.Int(t, gold["qosPolicyID"]), apitest.Int(t, vol2["qosPolicyID"]))
	require.Nil(t, byName(t, vols, "name", "ansible-scratch-vol"))
	require.Nil(t, byName(t, s.OK("ListDeletedVolumes", nil)["volumes"], "name", "ansible-scratch-vol"), "purged")
	id1, id2 := apitest.Int(t, vol1["volumeID"]), apitest.Int(t, vol2["volumeID"])

	// access_group: the group with both volumes; the scratch group gone.
	groups := s.OK("ListVolumeAccessGroups", nil)["volumeAccessGroups"]
	vag := byName(t, groups, "name", "ansible-vag")
	require.NotNil(t, vag)
	require.Equal(t, []int64{id1, id2}, ints(t, vag["volumes"]))
	require.Equal(t, "storage", apitest.Obj(t, vag, "attributes")["team"])
	require.Nil(t, byName(t, groups, "name", "ansible-vag-scratch"))

	// initiators: host1 renamed, host2 deleted.
	inits := s.OK("ListInitiators", nil)["initiators"]
	host1 := byName(t, inits, "initiatorName", "iqn.1998-01.com.example:ansible-host1")
	require.NotNil(t, host1)
	require.Equal(t, "host1-renamed", host1["alias"])
	require.Equal(t, "a1", apitest.Obj(t, host1, "attributes")["rack"])
	require.Nil(t, byName(t, inits, "initiatorName", "iqn.1998-01.com.example:ansible-host2"))

	// snapshot: the kept one modified, the scratch one deleted.
	snaps := s.OK("ListSnapshots", map[string]any{"volumeID": id1})["snapshots"]
	snap := byName(t, snaps, "name", "ansible-snap")
	require.NotNil(t, snap)
	require.Equal(t, true, snap["enableRemoteReplication"])
	require.Equal(t, "2037-06-16T12:24:56Z", snap["expirationTime"])
	require.Nil(t, byName(t, snaps, "name", "ansible-snap-scratch"))

	// snapshot_schedule: every 12 h on both volumes, kept 48 h; the weekly
	// schedule deleted.
	scheds := s.OK("ListSchedules", nil)["schedules"]
	daily := byName(t, scheds, "scheduleName", "ansible-daily")
	require.NotNil(t, daily)
	info := apitest.Obj(t, daily, "scheduleInfo")
	require.Equal(t, "48:00:00", info["retention"])
	require.Equal(t, "ansible-daily-snap", info["name"])
	require.Equal(t, []int64{id1, id2}, ints(t, info["volumes"]))
	require.Equal(t, "Time Interval", apitest.Obj(t, daily, "attributes")["frequency"])
	require.Equal(t, int64(12), apitest.Int(t, daily["hours"]))
	require.Equal(t, int64(0), apitest.Int(t, daily["minutes"]))
	require.Nil(t, byName(t, scheds, "scheduleName", "ansible-weekly"))

	// admin_users: access widened; the scratch admin removed. The new
	// admin's password opens the API.
	admins := s.OK("ListClusterAdmins", nil)["clusterAdmins"]
	admin := byName(t, admins, "username", "ansible-admin")
	require.NotNil(t, admin)
	require.ElementsMatch(t, []any{"accounts", "drives", "nodes"}, admin["access"])
	require.Nil(t, byName(t, admins, "username", "ansible-admin-scratch"))
	as := *s
	as.User, as.Pass = "ansible-admin", "ansible-pass-1"
	as.OK("GetClusterInfo", nil)

	// drive: removed, erased and added back, so active again.
	d := byName(t, s.OK("ListDrives", nil)["drives"], "serial", "EMU960N4S09")
	require.NotNil(t, d)
	require.Equal(t, "active", d["status"])
}
