package trident_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/netapp/trident/storage_drivers/solidfire/api"
	tridenterrors "github.com/netapp/trident/utils/errors"
)

const gib = int64(1) << 30

// driver is what Trident's solidfire-san driver holds after Initialize: the
// api.Client with its tenant account, and the default QoS it read.
type driver struct {
	client     *api.Client
	accountID  int64
	defaultQoS api.QoS
}

// newClient builds the client the way the driver does (api.NewFromParameters
// with the backend's Endpoint, SVIP and Config).
func newClient(t *testing.T, endpoint, tenant string) *api.Client {
	t.Helper()
	c, err := api.NewFromParameters(endpoint, "127.0.0.1:3260", api.Config{
		TenantName: tenant, EndPoint: endpoint, SVIP: "127.0.0.1:3260", InitiatorIFace: "default",
		LegacyNamePrefix: "netappdvp-", DefaultBlockSize: 512, DebugTraceFlags: map[string]bool{"api": true},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// initialize is the driver's start-up: look the tenant account up by name,
// create it when that fails, remember its ID, read the default QoS.
func initialize(t *testing.T, tenant string) *driver {
	t.Helper()
	c := newClient(t, emu.endpoint(), tenant)
	var accountID int64
	account, err := c.GetAccountByName(ctx(t), &api.GetAccountByNameRequest{Name: tenant})
	if err != nil {
		accountID, err = c.AddAccount(ctx(t), &api.AddAccountRequest{Username: tenant})
		if err != nil {
			t.Fatalf("AddAccount: %v", err)
		}
	} else {
		accountID = account.AccountID
	}
	c.AccountID = accountID
	qos, err := c.GetDefaultQoS(ctx(t))
	if err != nil {
		t.Fatalf("GetDefaultQoS: %v", err)
	}
	return &driver{client: c, accountID: accountID, defaultQoS: *qos}
}

// meta is the attributes map the driver sets on a volume it creates.
func meta(name string) map[string]string {
	telemetry, _ := json.Marshal(map[string]string{"version": "26.06.0", "platform": "kubernetes", "plugin": "solidfire-san"})
	return map[string]string{"trident": string(telemetry), "docker-name": name, "fstype": "ext4",
		"provisioning": `{"provisioning":{"cluster":"emu"}}`}
}

// create is the driver's Create: CreateVolume (which waits for the volume
// with ListVolumes) with the QoS, size, 512e flag, name and attributes.
func (d *driver) create(t *testing.T, name string, size int64, qos api.QoS) api.Volume {
	t.Helper()
	v, err := d.client.CreateVolume(ctx(t), &api.CreateVolumeRequest{Name: strings.ReplaceAll(name, "_", "-"),
		AccountID: d.accountID, TotalSize: size, Enable512e: true, Qos: qos, Attributes: meta(name)})
	if err != nil {
		t.Fatalf("CreateVolume %s: %v", name, err)
	}
	return v
}

// getVolume is the driver's GetVolume: the account's active volumes whose
// docker-name attribute is the name.
func (d *driver) getVolume(t *testing.T, name string) (api.Volume, bool) {
	t.Helper()
	vols, err := d.client.ListVolumesForAccount(ctx(t), &api.ListVolumesForAccountRequest{AccountID: d.accountID})
	if err != nil {
		t.Fatalf("ListVolumesForAccount: %v", err)
	}
	var found []api.Volume
	for _, v := range vols {
		attrs, _ := v.Attributes.(map[string]interface{})
		if attrs["docker-name"] == name && v.Status == "active" {
			found = append(found, v)
		}
	}
	if len(found) > 1 {
		t.Fatalf("%d volumes named %s", len(found), name)
	}
	if len(found) == 0 {
		return api.Volume{}, false
	}
	return found[0], true
}

// apiError is the Element error a raw api.Client.Request answered.
func apiError(t *testing.T, err error) api.Error {
	t.Helper()
	var e api.Error
	if !errors.As(err, &e) {
		t.Fatalf("want an api.Error, got %T %v", err, err)
	}
	if e.Fields.Code == 0 || e.Fields.Message == "" {
		t.Fatalf("error without code or message: %+v", e.Fields)
	}
	return e
}

func equal[T comparable](t *testing.T, want, got T, what string) {
	t.Helper()
	if want != got {
		t.Fatalf("%s: want %v, got %v", what, want, got)
	}
}

// TestInitialize runs the driver's start-up against a fresh tenant: the
// account lookup fails, AddAccount creates it, a second start finds it by
// name; the default QoS, hardware serial numbers and capacity read as the
// driver reads them.
func TestInitialize(t *testing.T) {
	c := newClient(t, emu.endpoint(), "trident-init")
	_, err := c.GetAccountByName(ctx(t), &api.GetAccountByNameRequest{Name: "trident-init"})
	equal(t, "xUnknownAccount", apiError(t, err).Fields.Name, "unknown account name")

	d := initialize(t, "trident-init")
	if d.accountID <= 0 {
		t.Fatalf("account ID %d", d.accountID)
	}
	again := initialize(t, "trident-init")
	equal(t, d.accountID, again.accountID, "a restart finds the account by name")

	a, err := c.GetAccountByName(ctx(t), &api.GetAccountByNameRequest{Name: "trident-init"})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, d.accountID, a.AccountID, "accountID")
	equal(t, "trident-init", a.Username, "username")
	equal(t, "active", a.Status, "status")
	if len(a.InitiatorSecret) < 12 || len(a.TargetSecret) < 12 || a.InitiatorSecret == a.TargetSecret {
		t.Fatalf("CHAP secrets %q %q", a.InitiatorSecret, a.TargetSecret)
	}
	byID, err := c.GetAccountByID(ctx(t), &api.GetAccountByIDRequest{AccountID: d.accountID})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, a.InitiatorSecret, byID.InitiatorSecret, "GetAccountByID initiatorSecret")
	equal(t, "trident-init", byID.Username, "GetAccountByID username")

	// Element's documented default QoS.
	equal(t, api.QoS{MinIOPS: 50, MaxIOPS: 15000, BurstIOPS: 15000}, d.defaultQoS, "GetDefaultQoS")

	// getNodeSerialNumbers: nodes is an object of node objects with a serial.
	hw, err := d.client.GetClusterHardwareInfo(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	nodes, ok := hw.Nodes.(map[string]interface{})
	if !ok || len(nodes) == 0 {
		t.Fatalf("nodes: %T %v", hw.Nodes, hw.Nodes)
	}
	for id, n := range nodes {
		serial, _ := n.(map[string]interface{})["serial"].(string)
		if serial == "" {
			t.Fatalf("node %s has no serial", id)
		}
	}
	if drives, ok := hw.Drives.(map[string]interface{}); !ok || len(drives) == 0 {
		t.Fatalf("drives: %T", hw.Drives)
	}

	capacity, err := d.client.GetClusterCapacity(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if capacity.MaxProvisionedSpace <= 0 || capacity.MaxUsedSpace <= 0 || capacity.Timestamp == "" {
		t.Fatalf("capacity %+v", capacity)
	}
	if _, err := time.Parse(time.RFC3339, capacity.Timestamp); err != nil {
		t.Fatalf("capacity timestamp: %v", err)
	}
}

// TestAccessGroups is the driver's VAG handling: the default group found by
// name at start-up, VerifyVags, AddMissingVolumesToVag (also with nothing to
// add, as at every start with all volumes mapped), a volume mapped on publish
// (twice: xAlreadyInVolumeAccessGroup counts as success), and initiators
// added to the group.
func TestAccessGroups(t *testing.T) {
	d := initialize(t, "trident-vag")
	c := d.client
	vagID, err := c.CreateVolumeAccessGroup(ctx(t), &api.CreateVolumeAccessGroupRequest{
		Name: "trident", Initiators: []string{"iqn.1993-08.org.debian:01:node1"}})
	if err != nil || vagID <= 0 {
		t.Fatalf("CreateVolumeAccessGroup: %d %v", vagID, err)
	}
	vags, err := c.ListVolumeAccessGroups(ctx(t), &api.ListVolumeAccessGroupsRequest{StartVAGID: 0, Limit: 0})
	if err != nil {
		t.Fatal(err)
	}
	var found *api.VolumeAccessGroup
	for i := range vags {
		if vags[i].Name == "trident" {
			found = &vags[i]
		}
	}
	if found == nil {
		t.Fatalf("no VAG named trident in %+v", vags)
	}
	equal(t, vagID, found.VAGID, "volumeAccessGroupID")
	equal(t, "iqn.1993-08.org.debian:01:node1", strings.Join(found.Initiators, ","), "initiators")

	// Start-up with the group configured: nothing missing to add.
	one, err := c.ListVolumeAccessGroups(ctx(t), &api.ListVolumeAccessGroupsRequest{StartVAGID: vagID, Limit: 1})
	if err != nil || len(one) != 1 || one[0].VAGID != vagID {
		t.Fatalf("ListVolumeAccessGroups from %d limit 1: %+v %v", vagID, one, err)
	}
	if err := c.AddVolumesToAccessGroup(ctx(t), &api.AddVolumesToVolumeAccessGroupRequest{VolumeAccessGroupID: vagID}); err != nil {
		t.Fatalf("AddVolumesToVolumeAccessGroup with no volumes: %v", err)
	}

	// Publish: map the volume to the group, twice.
	v := d.create(t, "pvc-vag", gib, api.QoS{})
	for range 2 {
		if err := c.AddVolumesToAccessGroup(ctx(t), &api.AddVolumesToVolumeAccessGroupRequest{
			VolumeAccessGroupID: vagID, Volumes: []int64{v.VolumeID}}); err != nil {
			t.Fatalf("AddVolumesToVolumeAccessGroup: %v", err)
		}
	}
	_, err = c.Request(ctx(t), "AddVolumesToVolumeAccessGroup", api.AddVolumesToVolumeAccessGroupRequest{
		VolumeAccessGroupID: vagID, Volumes: []int64{v.VolumeID}}, api.NewReqID())
	equal(t, "xAlreadyInVolumeAccessGroup", apiError(t, err).Fields.Name, "volume mapped twice")

	if err := c.AddInitiatorsToVolumeAccessGroup(ctx(t), &api.AddInitiatorsToVolumeAccessGroupRequest{
		VAGID: vagID, Initiators: []string{"iqn.1993-08.org.debian:01:node2"}}); err != nil {
		t.Fatal(err)
	}
	one, err = c.ListVolumeAccessGroups(ctx(t), &api.ListVolumeAccessGroupsRequest{StartVAGID: vagID, Limit: 1})
	if err != nil || len(one) != 1 {
		t.Fatalf("%+v %v", one, err)
	}
	equal(t, "iqn.1993-08.org.debian:01:node1,iqn.1993-08.org.debian:01:node2", strings.Join(one[0].Initiators, ","), "initiators")
	equal(t, 1, len(one[0].Volumes), "volumes in the group")
	equal(t, v.VolumeID, one[0].Volumes[0], "volume in the group")
	got, err := c.GetVolumeByID(ctx(t), v.VolumeID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, 1, len(got.VolumeAccessGroups), "volume's access groups")
	equal(t, vagID, got.VolumeAccessGroups[0], "volume's access group")

	// VerifyVags: a configured group that does not exist is reported missing.
	all, err := c.ListVolumeAccessGroups(ctx(t), &api.ListVolumeAccessGroupsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[int64]bool{}
	for _, g := range all {
		ids[g.VAGID] = true
	}
	if !ids[vagID] || ids[vagID+1000] {
		t.Fatalf("VAG IDs %v", ids)
	}
	// An initiator already in the group, an unknown group.
	_, err = c.Request(ctx(t), "AddInitiatorsToVolumeAccessGroup", api.AddInitiatorsToVolumeAccessGroupRequest{
		VAGID: vagID, Initiators: []string{"iqn.1993-08.org.debian:01:node2"}}, api.NewReqID())
	equal(t, "xAlreadyInVolumeAccessGroup", apiError(t, err).Fields.Name, "initiator added twice")
	_, err = c.Request(ctx(t), "AddVolumesToVolumeAccessGroup", api.AddVolumesToVolumeAccessGroupRequest{
		VolumeAccessGroupID: vagID + 1000, Volumes: []int64{v.VolumeID}}, api.NewReqID())
	equal(t, "xVolumeAccessGroupIDDoesNotExist", apiError(t, err).Fields.Name, "unknown VAG")
	if err := c.AddVolumesToAccessGroup(ctx(t), &api.AddVolumesToVolumeAccessGroupRequest{
		VolumeAccessGroupID: vagID + 1000, Volumes: []int64{v.VolumeID}}); err == nil {
		t.Fatal("AddVolumesToAccessGroup to an unknown group succeeded")
	}
}

// TestVolumeLifecycle: create with QoS and the driver's attributes, find by
// name and by ID, resize, change QoS, re-label (Import), publish (the CHAP
// credentials), destroy (DeleteVolume then PurgeDeletedVolume).
func TestVolumeLifecycle(t *testing.T) {
	d := initialize(t, "trident-life")
	c := d.client
	qos := api.QoS{MinIOPS: 1000, MaxIOPS: 2000, BurstIOPS: 4000}
	v := d.create(t, "pvc_0a1b", gib, qos)
	equal(t, "pvc-0a1b", v.Name, "name")
	equal(t, d.accountID, v.AccountID, "accountID")
	equal(t, gib, v.TotalSize, "totalSize")
	equal(t, qos, v.Qos, "qos")
	equal(t, true, v.Enable512e, "enable512e")
	equal(t, "active", v.Status, "status")
	equal(t, "readWrite", v.Access, "access")
	equal(t, int64(4096), v.BlockSize, "blockSize")
	if !strings.HasPrefix(v.Iqn, "iqn.2010-01.com.solidfire:") || !strings.HasSuffix(v.Iqn, "."+"pvc-0a1b"+"."+itoa(v.VolumeID)) {
		t.Fatalf("iqn %q", v.Iqn)
	}
	if v.ScsiNAADeviceID == "" || v.ScsiEUIDeviceID == "" || v.CreateTime == "" {
		t.Fatalf("volume %+v", v)
	}
	attrs := v.GetAttributesAsMap()
	for k, want := range meta("pvc_0a1b") {
		equal(t, want, attrs[k], "attribute "+k)
	}

	// The default type: no QoS given, the cluster's default applies.
	plain := d.create(t, "pvc_plain", 3*gib, api.QoS{})
	equal(t, d.defaultQoS, plain.Qos, "qos of a volume created with qos {}")

	got, ok := d.getVolume(t, "pvc_0a1b")
	if !ok {
		t.Fatal("volume not found by its docker-name")
	}
	equal(t, v.VolumeID, got.VolumeID, "found volume")
	byID, err := c.GetVolumeByID(ctx(t), plain.VolumeID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "pvc-plain", byID.Name, "GetVolumeByID")
	all, err := c.ListVolumes(ctx(t), &api.ListVolumesRequest{Accounts: []int64{d.accountID}})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, 2, len(all), "ListVolumes of the account")

	// Resize as the driver does (volume ID, account ID, size; qos {}).
	if err := c.ModifyVolume(ctx(t), &api.ModifyVolumeRequest{VolumeID: v.VolumeID, AccountID: v.AccountID, TotalSize: 2 * gib}); err != nil {
		t.Fatal(err)
	}
	got, _ = c.GetVolumeByID(ctx(t), v.VolumeID)
	equal(t, 2*gib, got.TotalSize, "size after resize")
	equal(t, qos, got.Qos, "a resize keeps the QoS")
	// Shrinking is refused by Element.
	_, err = c.Request(ctx(t), "ModifyVolume", api.ModifyVolumeRequest{VolumeID: v.VolumeID, TotalSize: gib}, api.NewReqID())
	apiError(t, err)

	// A QoS change (a clone with -o qos / type).
	newQoS := api.QoS{MinIOPS: 500, MaxIOPS: 1500, BurstIOPS: 3000}
	if err := c.ModifyVolume(ctx(t), &api.ModifyVolumeRequest{VolumeID: v.VolumeID, Qos: newQoS}); err != nil {
		t.Fatal(err)
	}
	got, _ = c.GetVolumeByID(ctx(t), v.VolumeID)
	equal(t, newQoS, got.Qos, "qos after ModifyVolume")
	equal(t, 2*gib, got.TotalSize, "a QoS change keeps the size")

	// Import: the attributes are rewritten.
	a, _ := got.Attributes.(map[string]interface{})
	a["docker-name"] = "imported"
	if err := c.ModifyVolume(ctx(t), &api.ModifyVolumeRequest{VolumeID: v.VolumeID, Attributes: a}); err != nil {
		t.Fatal(err)
	}
	if _, ok := d.getVolume(t, "imported"); !ok {
		t.Fatal("relabelled volume not found by its new docker-name")
	}

	// Publish with CHAP: the volume's account holds the credentials.
	account, err := c.GetAccountByID(ctx(t), &api.GetAccountByIDRequest{AccountID: got.AccountID})
	if err != nil || account.Username != "trident-life" || account.InitiatorSecret == "" {
		t.Fatalf("GetAccountByID: %+v %v", account, err)
	}

	// Destroy.
	if err := c.DeleteVolume(ctx(t), v.VolumeID); err != nil {
		t.Fatal(err)
	}
	if _, ok := d.getVolume(t, "imported"); ok {
		t.Fatal("destroyed volume still found")
	}
	if _, err := c.GetVolumeByID(ctx(t), v.VolumeID); err == nil {
		t.Fatal("purged volume still listed")
	}
	deleted := call(t, "ListDeletedVolumes", map[string]any{})["volumes"].([]any)
	for _, x := range deleted {
		if int64(x.(map[string]any)["volumeID"].(float64)) == v.VolumeID {
			t.Fatal("purged volume still in ListDeletedVolumes")
		}
	}
	// Deleting again: the volume is gone.
	_, err = c.Request(ctx(t), "DeleteVolume", api.DeleteVolumeRequest{VolumeID: v.VolumeID}, api.NewReqID())
	equal(t, "xVolumeIDDoesNotExist", apiError(t, err).Fields.Name, "DeleteVolume of a purged volume")
	if err := c.DeleteVolume(ctx(t), v.VolumeID); err == nil {
		t.Fatal("DeleteVolume of a purged volume succeeded")
	}
	left, _ := c.ListVolumesForAccount(ctx(t), &api.ListVolumesForAccountRequest{AccountID: d.accountID})
	equal(t, 1, len(left), "volumes left")
	equal(t, plain.VolumeID, left[0].VolumeID, "volume left")
}

// TestSnapshots: CreateSnapshot (read back through ListSnapshots), the
// driver's lookups by name, RollbackToSnapshot with and without saving the
// current state, DeleteSnapshot, and the per-volume limit that Trident maps
// to its MaxLimitReachedError.
func TestSnapshots(t *testing.T) {
	d := initialize(t, "trident-snap")
	c := d.client
	v := d.create(t, "pvc-snap", gib, api.QoS{MinIOPS: 100, MaxIOPS: 1000, BurstIOPS: 2000})

	s, err := c.CreateSnapshot(ctx(t), &api.CreateSnapshotRequest{VolumeID: v.VolumeID, Name: "snapshot-1"})
	if err != nil {
		t.Fatal(err)
	}
	if s.SnapshotID <= 0 || s.CreateTime == "" || s.Checksum == "" {
		t.Fatalf("snapshot %+v", s)
	}
	equal(t, "snapshot-1", s.Name, "name")
	equal(t, v.VolumeID, s.VolumeID, "volumeID")
	equal(t, v.TotalSize, s.TotalSize, "totalSize")
	equal(t, "done", s.Status, "status")

	byName, err := c.GetSnapshot(ctx(t), -1, v.VolumeID, "snapshot-1")
	if err != nil {
		t.Fatal(err)
	}
	equal(t, s.SnapshotID, byName.SnapshotID, "GetSnapshot by name")
	list, err := c.ListSnapshots(ctx(t), &api.ListSnapshotsRequest{VolumeID: v.VolumeID})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, 1, len(list), "snapshots")

	// Grow the volume, then roll back: the volume is the snapshot again.
	if err := c.ModifyVolume(ctx(t), &api.ModifyVolumeRequest{VolumeID: v.VolumeID, TotalSize: 2 * gib}); err != nil {
		t.Fatal(err)
	}
	newID, err := c.RollbackToSnapshot(ctx(t), &api.RollbackToSnapshotRequest{VolumeID: v.VolumeID, SnapshotID: s.SnapshotID})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, int64(0), newID, "no snapshot of the current state")
	got, _ := c.GetVolumeByID(ctx(t), v.VolumeID)
	equal(t, gib, got.TotalSize, "size after rollback")
	equal(t, "active", got.Status, "status after rollback")

	saved, err := c.RollbackToSnapshot(ctx(t), &api.RollbackToSnapshotRequest{VolumeID: v.VolumeID, SnapshotID: s.SnapshotID,
		SaveCurrentState: true, Name: "before-rollback"})
	if err != nil || saved <= s.SnapshotID {
		t.Fatalf("rollback saving the current state: %d %v", saved, err)
	}
	kept, _ := c.GetSnapshot(ctx(t), saved, v.VolumeID, "")
	equal(t, "before-rollback", kept.Name, "saved state's name")

	for _, id := range []int64{s.SnapshotID, saved} {
		if err := c.DeleteSnapshot(ctx(t), id); err != nil {
			t.Fatal(err)
		}
	}
	list, _ = c.ListSnapshots(ctx(t), &api.ListSnapshotsRequest{VolumeID: v.VolumeID})
	equal(t, 0, len(list), "snapshots after delete")
	missing, err := c.GetSnapshot(ctx(t), -1, v.VolumeID, "snapshot-1")
	if err != nil || missing.SnapshotID != 0 {
		t.Fatalf("deleted snapshot found: %+v %v", missing, err)
	}

	_, err = c.Request(ctx(t), "DeleteSnapshot", api.DeleteSnapshotRequest{SnapshotID: s.SnapshotID}, api.NewReqID())
	equal(t, "xSnapshotIDDoesNotExist", apiError(t, err).Fields.Name, "DeleteSnapshot of a deleted snapshot")
	_, err = c.CreateSnapshot(ctx(t), &api.CreateSnapshotRequest{VolumeID: v.VolumeID + 1000, Name: "x"})
	equal(t, "xVolumeIDDoesNotExist", apiError(t, err).Fields.Name, "CreateSnapshot of an unknown volume")
	_, err = c.Request(ctx(t), "RollbackToSnapshot", api.RollbackToSnapshotRequest{VolumeID: v.VolumeID, SnapshotID: s.SnapshotID}, api.NewReqID())
	equal(t, "xSnapshotIDDoesNotExist", apiError(t, err).Fields.Name, "RollbackToSnapshot to a deleted snapshot")

	// The per-volume limit.
	for i := 0; ; i++ {
		_, err := c.CreateSnapshot(ctx(t), &api.CreateSnapshotRequest{VolumeID: v.VolumeID, Name: "s" + itoa(int64(i))})
		if err == nil {
			if i > 64 {
				t.Fatal("no snapshot limit")
			}
			continue
		}
		if !tridenterrors.IsMaxLimitReachedError(err) {
			t.Fatalf("snapshot %d: want Trident's MaxLimitReachedError, got %v", i+1, err)
		}
		equal(t, 32, i, "snapshots per volume")
		break
	}
}

// TestClone is the driver's CreateClone: from the volume and from a named
// snapshot, waited for with WaitForVolumeByID, then a QoS change on the
// clone; the clone job finishes on the emulator clock. A clone of a volume
// that does not exist fails at once (no retry: only SliceNotRegistered,
// xInvalidParameter and xNotReadyForIO are retried).
func TestClone(t *testing.T) {
	d := initialize(t, "trident-clone")
	c := d.client
	src := d.create(t, "pvc-src", 2*gib, api.QoS{MinIOPS: 100, MaxIOPS: 1000, BurstIOPS: 2000})
	if _, err := c.CreateSnapshot(ctx(t), &api.CreateSnapshotRequest{VolumeID: src.VolumeID, Name: "snap-a"}); err != nil {
		t.Fatal(err)
	}

	clone, err := c.CloneVolume(ctx(t), &api.CloneVolumeRequest{VolumeID: src.VolumeID, Name: "pvc-clone", Attributes: meta("pvc-clone")})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "pvc-clone", clone.Name, "clone name")
	equal(t, d.accountID, clone.AccountID, "clone account")
	equal(t, src.TotalSize, clone.TotalSize, "clone size")
	equal(t, src.Qos, clone.Qos, "clone QoS")
	equal(t, "pvc-clone", clone.GetAttributesAsMap()["docker-name"], "clone attributes")

	snap, err := c.GetSnapshot(ctx(t), 0, src.VolumeID, "snap-a")
	if err != nil || snap.SnapshotID == 0 {
		t.Fatalf("GetSnapshot snap-a: %+v %v", snap, err)
	}
	fromSnap, err := c.CloneVolume(ctx(t), &api.CloneVolumeRequest{VolumeID: src.VolumeID, SnapshotID: snap.SnapshotID,
		Name: "pvc-from-snap", Attributes: meta("pvc-from-snap")})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "pvc-from-snap", fromSnap.Name, "clone from snapshot")
	if err := c.ModifyVolume(ctx(t), &api.ModifyVolumeRequest{VolumeID: fromSnap.VolumeID,
		Qos: api.QoS{MinIOPS: 200, MaxIOPS: 800, BurstIOPS: 900}}); err != nil {
		t.Fatal(err)
	}

	advance(t, time.Minute)
	for _, name := range []string{"pvc-clone", "pvc-from-snap"} {
		v, ok := d.getVolume(t, name)
		if !ok {
			t.Fatalf("clone %s not active after its job", name)
		}
		if name == "pvc-from-snap" {
			equal(t, api.QoS{MinIOPS: 200, MaxIOPS: 800, BurstIOPS: 900}, v.Qos, "clone QoS after ModifyVolume")
		}
	}

	start := time.Now()
	_, err = c.CloneVolume(ctx(t), &api.CloneVolumeRequest{VolumeID: src.VolumeID + 1000, Name: "pvc-none"})
	if err == nil {
		t.Fatal("clone of an unknown volume succeeded")
	}
	if time.Since(start) > 10*time.Second {
		t.Fatalf("clone of an unknown volume was retried for %v: the error is one Trident retries", time.Since(start))
	}
	_, err = c.Request(ctx(t), "CloneVolume", api.CloneVolumeRequest{VolumeID: src.VolumeID + 1000, Name: "pvc-none"}, api.NewReqID())
	equal(t, "xVolumeIDDoesNotExist", apiError(t, err).Fields.Name, "CloneVolume of an unknown volume")

	for _, id := range []int64{clone.VolumeID, fromSnap.VolumeID, src.VolumeID} {
		if err := c.DeleteVolume(ctx(t), id); err != nil {
			t.Fatalf("DeleteVolume %d: %v", id, err)
		}
	}
	left, _ := c.ListVolumesForAccount(ctx(t), &api.ListVolumesForAccountRequest{AccountID: d.accountID})
	equal(t, 0, len(left), "volumes left")
}

// TestErrors: the failures Trident's code tells apart.
func TestErrors(t *testing.T) {
	d := initialize(t, "trident-err")
	c := d.client

	// A tenant name already taken.
	_, err := c.Request(ctx(t), "AddAccount", api.AddAccountRequest{Username: "trident-err"}, api.NewReqID())
	equal(t, "xDuplicateUsername", apiError(t, err).Fields.Name, "AddAccount of a taken name")
	if _, err := c.AddAccount(ctx(t), &api.AddAccountRequest{Username: "trident-err"}); err == nil {
		t.Fatal("AddAccount of a taken name succeeded")
	}
	// An unknown account ID.
	_, err = c.Request(ctx(t), "GetAccountByID", api.GetAccountByIDRequest{AccountID: d.accountID + 1000}, api.NewReqID())
	equal(t, "xUnknownAccount", apiError(t, err).Fields.Name, "GetAccountByID of an unknown ID")
	if _, err := c.GetAccountByID(ctx(t), &api.GetAccountByIDRequest{AccountID: d.accountID + 1000}); err == nil {
		t.Fatal("GetAccountByID of an unknown ID succeeded")
	}
	// A volume for an unknown account.
	_, err = c.Request(ctx(t), "CreateVolume", api.CreateVolumeRequest{Name: "x", AccountID: d.accountID + 1000,
		TotalSize: gib, Enable512e: true}, api.NewReqID())
	equal(t, "xUnknownAccount", apiError(t, err).Fields.Name, "CreateVolume for an unknown account")
	// ModifyVolume of an unknown volume.
	if err := c.ModifyVolume(ctx(t), &api.ModifyVolumeRequest{VolumeID: 99999, TotalSize: 2 * gib}); err == nil {
		t.Fatal("ModifyVolume of an unknown volume succeeded")
	}
	_, err = c.Request(ctx(t), "ModifyVolume", api.ModifyVolumeRequest{VolumeID: 99999, TotalSize: 2 * gib}, api.NewReqID())
	equal(t, "xVolumeIDDoesNotExist", apiError(t, err).Fields.Name, "ModifyVolume of an unknown volume")
	// GetVolumeByID of an unknown volume.
	if _, err := c.GetVolumeByID(ctx(t), 99999); err == nil {
		t.Fatal("GetVolumeByID of an unknown volume succeeded")
	}
	// Wrong credentials: an HTTP 401, which Trident returns as HTTPError.
	bad := newClient(t, strings.Replace(emu.endpoint(), "admin:admin@", "admin:wrong@", 1), "x")
	_, err = bad.GetDefaultQoS(ctx(t))
	if err == nil {
		t.Fatal("wrong password accepted")
	}
	_, err = bad.Request(ctx(t), "GetDefaultQoS", api.DefaultQoSRequest{}, api.NewReqID())
	var httpErr api.HTTPError
	if !errors.As(err, &httpErr) || httpErr.StatusCode != http.StatusUnauthorized {
		t.Fatalf("want HTTPError 401, got %T %v", err, err)
	}
}

// TestEndpointVersion80: Trident's documentation writes the Endpoint with
// /json-rpc/8.0; start-up, a volume and its lookups work on that version.
func TestEndpointVersion80(t *testing.T) {
	endpoint := strings.Replace(emu.endpoint(), "/json-rpc/12.3", "/json-rpc/8.0", 1)
	c := newClient(t, endpoint, "trident-80")
	id, err := c.AddAccount(ctx(t), &api.AddAccountRequest{Username: "trident-80"})
	if err != nil {
		t.Fatal(err)
	}
	c.AccountID = id
	if _, err := c.GetDefaultQoS(ctx(t)); err != nil {
		t.Fatal(err)
	}
	v, err := c.CreateVolume(ctx(t), &api.CreateVolumeRequest{Name: "pvc-80", AccountID: id, TotalSize: gib, Enable512e: true,
		Attributes: meta("pvc-80")})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "pvc-80", v.Name, "volume created on 8.0")
	vols, err := c.ListVolumesForAccount(ctx(t), &api.ListVolumesForAccountRequest{AccountID: id})
	if err != nil || len(vols) != 1 {
		t.Fatalf("ListVolumesForAccount on 8.0: %v %v", vols, err)
	}
	if err := c.DeleteVolume(ctx(t), v.VolumeID); err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
