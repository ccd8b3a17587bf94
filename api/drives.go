package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"reflect"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/drives"
)

// driveNamespace derives stable drive UUIDs from serials.
var driveNamespace = uuid.MustParse("6f1d2a7c-9e41-4c35-9b0e-5f0c2a9e2c1b")

func driveUUID(serial string) string { return uuid.NewSHA1(driveNamespace, []byte(serial)).String() }

func orNone(s string) string {
	if s == "" {
		return "None"
	}
	return s
}

// driveWire is ListDrives' Drive object (docs/element-api.md, ListDrives).
type driveWire struct {
	Attributes               map[string]any `json:"attributes"`
	Capacity                 int64          `json:"capacity"`
	ChassisSlot              string         `json:"chassisSlot"`
	DriveFailureDetail       string         `json:"driveFailureDetail"`
	DriveID                  int64          `json:"driveID"`
	DriveSecurityFaultReason string         `json:"driveSecurityFaultReason"`
	KeyID                    string         `json:"keyID"`
	KeyProviderID            int64          `json:"keyProviderID"`
	NodeID                   int64          `json:"nodeID"`
	SegmentFileSize          int64          `json:"segmentFileSize"`
	Serial                   string         `json:"serial"`
	Slot                     int            `json:"slot"`
	Status                   string         `json:"status"`
	Type                     string         `json:"type"`
	UsableCapacity           int64          `json:"usableCapacity"`
}

func toDriveWire(d drives.Drive) driveWire {
	key := d.Security.KeyID
	if key == "" {
		key = zeroUUID
	}
	return driveWire{Attributes: map[string]any{}, Capacity: d.Capacity, ChassisSlot: fmt.Sprint(d.Slot),
		DriveFailureDetail: orNone(d.FailureDetail), DriveID: int64(d.ID), DriveSecurityFaultReason: orNone(d.SecurityFault),
		KeyID: key, KeyProviderID: d.Security.ProviderID, NodeID: d.NodeID, SegmentFileSize: 10485760, Serial: d.Serial,
		Slot: d.Slot, Status: string(d.Status), Type: string(d.Type), UsableCapacity: d.Capacity}
}

func (s *Server) listDrives(ctx context.Context, _ noParams) (map[string][]driveWire, error) {
	ds, err := s.cluster.ListDrives(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]driveWire, 0, len(ds))
	for _, d := range ds {
		out = append(out, toDriveWire(d))
	}
	return map[string][]driveWire{"drives": out}, nil
}

// hwAge is how long the drive has been powered: since the cluster was made.
func hwAge(created, now time.Time) time.Duration {
	if now.Before(created) {
		return 0
	}
	return now.Sub(created)
}

// deviceLetter is the sd? letter of a slot.
func deviceLetter(slot int) string { return string(rune('a' + slot%26)) }

// driveHardwareWire is ListDriveHardware's DriveHardware object
// (docs/element-api.md, ListDriveHardware).
type driveHardwareWire struct {
	CanonicalName             string `json:"canonicalName"`
	Connected                 bool   `json:"connected"`
	Dev                       int64  `json:"dev"`
	DevPath                   string `json:"devPath"`
	DriveEncryptionCapability string `json:"driveEncryptionCapability"`
	DriveType                 string `json:"driveType"`
	LifeRemainingPercent      int64  `json:"lifeRemainingPercent"`
	LifetimeReadBytes         int64  `json:"lifetimeReadBytes"`
	LifetimeWriteBytes        int64  `json:"lifetimeWriteBytes"`
	Name                      string `json:"name"`
	Path                      string `json:"path"`
	PathLink                  string `json:"pathLink"`
	PowerOnHours              int64  `json:"powerOnHours"`
	Product                   string `json:"product"`
	ReallocatedSectors        int64  `json:"reallocatedSectors"`
	ReserveCapacityPercent    int64  `json:"reserveCapacityPercent"`
	ScsiCompatID              string `json:"scsiCompatId"`
	ScsiState                 string `json:"scsiState"`
	SecurityAtMaximum         bool   `json:"securityAtMaximum"`
	SecurityEnabled           bool   `json:"securityEnabled"`
	SecurityFrozen            bool   `json:"securityFrozen"`
	SecurityLocked            bool   `json:"securityLocked"`
	SecuritySupported         bool   `json:"securitySupported"`
	Serial                    string `json:"serial"`
	Size                      int64  `json:"size"`
	Slot                      int    `json:"slot"`
	UncorrectableErrors       int64  `json:"uncorrectableErrors"`
	UUID                      string `json:"uuid"`
	Vendor                    string `json:"vendor"`
	Version                   string `json:"version"`
}

const (
	driveProduct = "SAMSUNG MZ7LM960HCHP-0E003"
	driveVendor  = "ATA"
	driveVersion = "GXT3003Q"
)

func toDriveHardware(d drives.Drive, age time.Duration) driveHardwareWire {
	hours := int64(age / time.Hour)
	typ := "Block"
	if d.Type == drives.Volume {
		typ = "Slice"
	}
	letter := deviceLetter(d.Slot)
	return driveHardwareWire{
		CanonicalName: "sd" + letter, Connected: d.Status != drives.Failed || d.FailureDetail != "DriveMissing",
		Dev: int64(2048 + 16*d.Slot), DevPath: fmt.Sprintf("/dev/slot%d", d.Slot), DriveEncryptionCapability: string(d.Capability),
		DriveType: typ, LifeRemainingPercent: 100 - min(hours/8760, 10), LifetimeReadBytes: hours * 3600 * 1 << 20,
		LifetimeWriteBytes: hours * 3600 * 1 << 19, Name: "/dev/sd" + letter, Path: "/dev/sd" + letter,
		PathLink: fmt.Sprintf("/dev/slot%d", d.Slot), PowerOnHours: hours, Product: driveProduct, ReserveCapacityPercent: 100,
		ScsiCompatID: "SATA_" + strings.ReplaceAll(driveProduct, " ", "_") + "_" + d.Serial, ScsiState: "Running",
		SecurityEnabled: d.Security.Enabled, SecurityLocked: d.Security.Locked, SecuritySupported: d.Capability != drives.CapNone,
		Serial: d.Serial, Size: d.Capacity, Slot: d.Slot, UUID: driveUUID(d.Serial), Vendor: driveVendor, Version: driveVersion,
	}
}

type listDriveHardwareParams struct {
	Force *bool `param:"force"`
}

type nodeDriveHardware struct {
	NodeID int64                          `json:"nodeID"`
	Result map[string][]driveHardwareWire `json:"result"`
}

// listDriveHardware serves both listeners: on the cluster listener it needs
// force: true and lists every node; on the node listener it lists that
// node's drives (D43, D8).
func (s *Server) listDriveHardware(ctx context.Context, p listDriveHardwareParams) (map[string]any, error) {
	created, now, err := s.cluster.Created(ctx)
	if err != nil {
		return nil, err
	}
	age := hwAge(created, now)
	byNode, err := s.cluster.DrivesByNode(ctx)
	if err != nil {
		return nil, err
	}
	hw := func(ds []drives.Drive) []driveHardwareWire {
		out := make([]driveHardwareWire, 0, len(ds))
		for _, d := range ds {
			out = append(out, toDriveHardware(d, age))
		}
		return out
	}
	if listenerFrom(ctx) == listenerNode {
		node, err := s.nodeOf(ctx)
		if err != nil {
			return nil, err
		}
		for _, nd := range byNode {
			if nd.Node.ID == node.ID {
				return map[string]any{"driveHardware": hw(nd.Drives)}, nil
			}
		}
		return map[string]any{"driveHardware": []driveHardwareWire{}}, nil
	}
	if p.Force == nil {
		return nil, cluster.ErrMissingParam("force")
	}
	if !*p.Force {
		return nil, cluster.ErrInvalidParam("force", "must be true on the cluster listener")
	}
	nodes := make([]nodeDriveHardware, 0, len(byNode))
	for _, nd := range byNode {
		nodes = append(nodes, nodeDriveHardware{NodeID: nd.Node.ID, Result: map[string][]driveHardwareWire{"driveHardware": hw(nd.Drives)}})
	}
	return map[string]any{"nodes": nodes}, nil
}

// nodeOf is the node the node listener answers for (D8).
func (s *Server) nodeOf(ctx context.Context) (cluster.Node, error) {
	host := hostFrom(ctx)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return s.cluster.NodeForHost(ctx, host)
}

type driveIDParams struct {
	DriveID int64 `param:"driveID,required"`
}

type driveHardwareInfoWire struct {
	Description              string `json:"description"`
	Dev                      string `json:"dev"`
	Devpath                  string `json:"devpath"`
	DriveSecurityAtMaximum   bool   `json:"driveSecurityAtMaximum"`
	DriveSecurityFrozen      bool   `json:"driveSecurityFrozen"`
	DriveSecurityLocked      bool   `json:"driveSecurityLocked"`
	Logicalname              string `json:"logicalname"`
	Product                  string `json:"product"`
	ScsiCompatID             string `json:"scsiCompatID"`
	SecurityFeatureEnabled   bool   `json:"securityFeatureEnabled"`
	SecurityFeatureSupported bool   `json:"securityFeatureSupported"`
	Serial                   string `json:"serial"`
	Size                     int64  `json:"size"`
	UUID                     string `json:"uuid"`
	Version                  string `json:"version"`
}

func (s *Server) getDriveHardwareInfo(ctx context.Context, p driveIDParams) (map[string]driveHardwareInfoWire, error) {
	d, err := s.cluster.GetDrive(ctx, p.DriveID)
	if err != nil {
		return nil, err
	}
	h := toDriveHardware(d, 0)
	return map[string]driveHardwareInfoWire{"driveHardwareInfo": {
		Description: "ATA Drive", Dev: fmt.Sprintf("8:%d", 16*d.Slot), Devpath: h.DevPath, DriveSecurityLocked: h.SecurityLocked,
		Logicalname: h.Path, Product: h.Product, ScsiCompatID: h.ScsiCompatID, SecurityFeatureEnabled: h.SecurityEnabled,
		SecurityFeatureSupported: h.SecuritySupported, Serial: d.Serial, Size: d.Capacity, UUID: h.UUID, Version: h.Version,
	}}, nil
}

func (s *Server) getDriveStats(ctx context.Context, p driveIDParams) (map[string]map[string]any, error) {
	d, err := s.cluster.GetDrive(ctx, p.DriveID)
	if err != nil {
		return nil, err
	}
	created, now, err := s.cluster.Created(ctx)
	if err != nil {
		return nil, err
	}
	secs := int64(hwAge(created, now) / time.Second)
	hours := secs / 3600
	st := map[string]any{
		"driveID": int64(d.ID), "failedDieCount": 0, "lifeRemainingPercent": 100 - min(hours/8760, 10),
		"lifetimeReadBytes": secs << 20, "lifetimeWriteBytes": secs << 19, "powerOnHours": hours,
		"readBytes": secs << 16, "readOps": secs * 16, "reallocatedSectors": 0, "reserveCapacityPercent": 100,
		"timestamp": fmtMicros(now), "totalCapacity": d.Capacity, "usedMemory": 0, "writeBytes": secs << 15,
		"writeOps": secs * 8, "iosInProgress": 0, "reads": secs * 16, "readsCombined": 0, "readMsec": secs * 2,
		"writes": secs * 8, "writesCombined": 0, "writeMsec": secs * 3, "uncorrectableErrors": 0,
	}
	if d.Type == drives.Volume {
		st["usedCapacity"] = nil
		st["activeSessions"] = 0
	} else {
		st["usedCapacity"] = int64(0)
	}
	return map[string]map[string]any{"driveStats": st}, nil
}

type addDriveEntry struct {
	DriveID int64   `param:"driveID,required"`
	Type    *string `param:"type" enum:"slice,volume,block"`
}

type addDrivesParams struct {
	// Drives holds {"driveID", "type"} objects or bare driveIDs (AN2):
	// entries decodes them.
	Drives []json.RawMessage `param:"drives,required"`
}

// entries decodes each member of drives: an object, or a JSON number that
// stands for {"driveID": number}, as the Ansible drive module sends (AN2).
func (p addDrivesParams) entries() ([]addDriveEntry, error) {
	out := make([]addDriveEntry, len(p.Drives))
	d := paramDecoder{}
	for i, raw := range p.Drives {
		path := fmt.Sprintf("drives[%d]", i)
		raw = bytes.TrimSpace(raw)
		if len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
			id, err := coerceInt(raw, path)
			if err != nil {
				return nil, err
			}
			out[i].DriveID = id
			continue
		}
		if err := d.decodeValue(raw, reflect.ValueOf(&out[i]).Elem(), path, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}

type asyncHandleResult struct {
	AsyncHandle int64 `json:"asyncHandle"`
}

func (s *Server) addDrives(ctx context.Context, p addDrivesParams) (asyncHandleResult, error) {
	entries, err := p.entries()
	if err != nil {
		return asyncHandleResult{}, err
	}
	adds := make([]cluster.DriveAdd, len(entries))
	for i, e := range entries {
		adds[i].ID = e.DriveID
		if e.Type != nil {
			t := drives.Block
			if *e.Type != "block" {
				t = drives.Volume
			}
			adds[i].Type = &t
		}
	}
	h, err := s.cluster.AddDrives(ctx, adds)
	return asyncHandleResult{int64(h)}, err
}

type drivesParams struct {
	Drives []int64 `param:"drives,required"`
}

func (s *Server) removeDrives(ctx context.Context, p drivesParams) (asyncHandleResult, error) {
	h, err := s.cluster.RemoveDrives(ctx, p.Drives)
	return asyncHandleResult{int64(h)}, err
}

func (s *Server) secureEraseDrives(ctx context.Context, p drivesParams) (asyncHandleResult, error) {
	h, err := s.cluster.SecureEraseDrives(ctx, p.Drives)
	return asyncHandleResult{int64(h)}, err
}

type resetDrivesParams struct {
	Drives string `param:"drives,required"`
	Force  bool   `param:"force,required"`
}

type resetDriveDetail struct {
	Drive      string `json:"drive"`
	ReturnCode int    `json:"returnCode"`
	Stderr     string `json:"stderr"`
	Stdout     string `json:"stdout"`
}

func (s *Server) resetDrives(ctx context.Context, p resetDrivesParams) (map[string]any, error) {
	var names []string
	for _, n := range strings.Split(p.Drives, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil, cluster.ErrInvalidParam("drives", "must name at least one drive, e.g. \"slot3\"")
	}
	if !p.Force {
		return nil, cluster.ErrInvalidParam("force", "must be true")
	}
	node, err := s.nodeOf(ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.cluster.ResetDrives(ctx, node.ID, names)
	if err != nil {
		return nil, err
	}
	details := make([]resetDriveDetail, 0, len(res))
	for _, r := range res {
		details = append(details, resetDriveDetail{Drive: r.Name})
	}
	return map[string]any{"details": map[string]any{"drives": details}, "duration": "00:00:01.000000", "result": "Passed"}, nil
}

type testDrivesParams struct {
	Force   bool   `param:"force,required"`
	Minutes *int64 `param:"minutes"`
}

// testDrives runs only on a node outside a cluster; the emulated nodes are
// all cluster members (docs/element-api.md, TestDrives; (ai)).
func (s *Server) testDrives(ctx context.Context, p testDrivesParams) (empty, error) {
	if !p.Force {
		return empty{}, cluster.ErrInvalidParam("force", "must be true")
	}
	if p.Minutes != nil && *p.Minutes < 1 {
		return empty{}, cluster.ErrInvalidParam("minutes", "must be at least 1")
	}
	return empty{}, cluster.ErrNotPermitted("TestDrives is only allowed on a node that is not part of a cluster.")
}
