package dashboard

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/asyncjobs"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/drives"
)

// The wire shapes below are what the pages read. They carry identifiers
// (key IDs, provider IDs) and states, never key material, certificates'
// private keys, passwords or tokens.

// State is the cluster page's whole content, pushed on every change.
type State struct {
	Bootstrap    bool           `json:"bootstrap"` // no cluster yet (CreateCluster pending)
	Cluster      clusterView    `json:"cluster"`
	Nodes        []nodeView     `json:"nodes"`
	EAR          earView        `json:"ear"`
	SEAR         searView       `json:"sear"`
	KeyServers   []serverView   `json:"keyServers"`
	KeyProviders []providerView `json:"keyProviders"`
	Jobs         []jobView      `json:"jobs"`
	Faults       []faultView    `json:"faults"` // current first, then the newest resolved
	Events       []eventView    `json:"events"` // newest first
	Rules        []ruleView     `json:"rules"`  // active rules, then used-up rules that fired
	Snapshots    []string       `json:"snapshots"`
	Sections     []sectionView  `json:"sections"`
	Health       Health         `json:"health"`
}

type clusterView struct {
	Name      string `json:"name"`
	UniqueID  string `json:"uniqueID"`
	MVIP      string `json:"mvip"`
	SVIP      string `json:"svip"`
	Clock     string `json:"clock"` // emulator time, RFC 3339
	ClockMode string `json:"clockMode"`
	Lab       bool   `json:"lab"` // a lab overview exists
}

type nodeView struct {
	ID     int64       `json:"id"`
	Name   string      `json:"name"`
	MIP    string      `json:"mip"`
	Type   string      `json:"type"`
	Drives []driveView `json:"drives"`
}

type driveView struct {
	ID            int64  `json:"id"`
	Slot          int    `json:"slot"`
	Type          string `json:"type"`
	Status        string `json:"status"`
	Capability    string `json:"capability"`
	Serial        string `json:"serial"`
	SecurityOn    bool   `json:"securityEnabled"`
	Locked        bool   `json:"locked"`
	KeyID         string `json:"keyID,omitempty"`
	ProviderID    int64  `json:"keyProviderID,omitempty"`
	FailureDetail string `json:"failureDetail,omitempty"`
	SecurityFault string `json:"securityFault,omitempty"`
}

type keyView struct {
	KeyID      string `json:"keyID"`
	Type       string `json:"type"` // internal or external
	ProviderID int64  `json:"keyProviderID,omitempty"`
	Provider   string `json:"keyProviderName,omitempty"`
	Created    string `json:"created,omitempty"`
}

type earView struct {
	State      string   `json:"state"`
	Key        *keyView `json:"key,omitempty"`
	Generation int      `json:"generation"`
}

type searView struct {
	Enabled     bool     `json:"enabled"`
	Version     int      `json:"version"`
	MasterKey   *keyView `json:"masterKey,omitempty"`
	RekeyHandle int64    `json:"rekeyHandle,omitempty"`
}

type contactView struct {
	Operation string `json:"operation"`
	At        string `json:"at"`
	OK        bool   `json:"ok"`
	Error     string `json:"error,omitempty"`
}

type serverView struct {
	ID          int64        `json:"id"`
	Name        string       `json:"name"`
	Address     string       `json:"address"`
	ProviderID  int64        `json:"keyProviderID,omitempty"`
	CertExpires string       `json:"certExpires,omitempty"`
	LastContact *contactView `json:"lastContact,omitempty"`
}

type providerView struct {
	ID        int64   `json:"id"`
	Name      string  `json:"name"`
	Active    bool    `json:"active"`
	ServerIDs []int64 `json:"keyServerIDs"`
}

type jobView struct {
	Handle     int64  `json:"handle"`
	ResultType string `json:"resultType"`
	Status     string `json:"status"`
	Phase      int    `json:"phase"`
	Step       string `json:"step,omitempty"` // the rekey's state name
	Operation  string `json:"operation,omitempty"`
	Created    string `json:"created"`
	Updated    string `json:"updated"`
	Due        string `json:"due,omitempty"`
	DueIn      int64  `json:"dueInSeconds,omitempty"`
	Error      string `json:"error,omitempty"`
	Stuck      bool   `json:"stuck"`
	// Progress is the share of the job's phases done, 0 to 100.
	Progress int `json:"progress"`
}

// rekeyPhases is the number of phases of a master-key rekey
// (CreateNewMasterKey, RewrapDataEncryptionKeys, DecommissionOldMasterKey);
// the other jobs have one.
const rekeyPhases = 3

type faultView struct {
	ID       int64   `json:"id"`
	Code     string  `json:"code"`
	Severity string  `json:"severity"`
	Type     string  `json:"type"`
	Details  string  `json:"details"`
	NodeID   int64   `json:"nodeID,omitempty"`
	DriveIDs []int64 `json:"driveIDs,omitempty"`
	Date     string  `json:"date"`
	Resolved bool    `json:"resolved"`
	Cleared  string  `json:"resolvedDate,omitempty"`
}

type eventView struct {
	ID      int64  `json:"id"`
	Type    string `json:"type"`
	Message string `json:"message"`
	Time    string `json:"time"`
	NodeID  int64  `json:"nodeID,omitempty"`
	DriveID int64  `json:"driveID,omitempty"`
}

type ruleView struct {
	ID        int64             `json:"id"`
	Target    string            `json:"target"`
	Match     map[string]string `json:"match"`
	Effect    string            `json:"effect"`
	Params    map[string]string `json:"params"`
	Times     int               `json:"times"` // uses left; 0 = until deleted
	Fired     int               `json:"fired"`
	LastFired string            `json:"lastFired,omitempty"`
	Gone      bool              `json:"gone"` // used up and deleted
}

// Health is a cluster's one-line summary (the lab overview's row).
type Health struct {
	OK           bool     `json:"ok"`
	Faults       int      `json:"faults"`
	FaultCodes   []string `json:"faultCodes"`
	RunningJobs  int      `json:"runningJobs"`
	StuckJobs    int      `json:"stuckJobs"`
	LockedDrives int      `json:"lockedDrives"`
	FailedDrives int      `json:"failedDrives"`
}

// Limits of what a state carries.
const (
	maxEvents   = 40
	maxResolved = 30
	// stuckAfter is how long (emulator time) a running job may go without
	// progress before the page calls it stuck.
	stuckAfter = 5 * time.Minute
)

func ts(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// build reads the cluster into a State.
func (s *Server) build(ctx context.Context) (*State, error) {
	c := s.d.Cluster
	now, mode := s.d.Clock()
	st := &State{Cluster: clusterView{Clock: ts(now), ClockMode: mode, Lab: s.lab.Load() != nil},
		Nodes: []nodeView{}, KeyServers: []serverView{}, KeyProviders: []providerView{}, Jobs: []jobView{},
		Faults: []faultView{}, Events: []eventView{}, Rules: []ruleView{}, Snapshots: []string{}, Sections: []sectionView{}}
	exists, err := c.Exists(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.buildRules(ctx, st); err != nil {
		return nil, err
	}
	if s.d.Snapshots != nil {
		names, err := s.d.Snapshots(ctx)
		if err != nil {
			// Not fatal: the rest of the page is still worth showing.
			s.log.WarnContext(ctx, "dashboard: cannot list snapshots", "error", err)
		}
		st.Snapshots = append(st.Snapshots, names...)
	}
	st.Sections = s.buildSections(ctx)
	if !exists {
		st.Bootstrap = true
		st.Health = Health{OK: true, FaultCodes: []string{}}
		return st, nil
	}
	info, err := c.ClusterInfo(ctx)
	if err != nil {
		return nil, err
	}
	st.Cluster.Name, st.Cluster.UniqueID = info.State.Name, info.State.UniqueID
	st.Cluster.MVIP, st.Cluster.SVIP = info.State.MVIP, info.State.SVIP

	providers, err := c.ListKeyProviders(ctx, cluster.KeyProviderFilter{})
	if err != nil {
		return nil, err
	}
	pname := map[int64]string{}
	for _, p := range providers {
		pname[p.ID] = p.Name
		ids := append([]int64{}, p.ServerIDs...)
		st.KeyProviders = append(st.KeyProviders, providerView{ID: p.ID, Name: p.Name, Active: p.Active, ServerIDs: ids})
	}
	key := func(k *cluster.KeyInfo) *keyView {
		if k == nil {
			return nil
		}
		return &keyView{KeyID: k.KeyID, Type: string(k.Type), ProviderID: k.ProviderID, Provider: pname[k.ProviderID], Created: ts(k.Created)}
	}

	nds, err := c.DrivesByNode(ctx)
	if err != nil {
		return nil, err
	}
	for _, nd := range nds {
		nv := nodeView{ID: nd.Node.ID, Name: nd.Node.Name, MIP: nd.Node.MIP, Type: nd.Node.NodeType, Drives: []driveView{}}
		for _, d := range nd.Drives {
			nv.Drives = append(nv.Drives, driveOf(d))
			if d.Security.Locked {
				st.Health.LockedDrives++
			}
			if d.Status == drives.Failed {
				st.Health.FailedDrives++
			}
		}
		st.Nodes = append(st.Nodes, nv)
	}

	ear, err := c.EncryptionAtRestInfo(ctx)
	if err != nil {
		return nil, err
	}
	st.EAR = earView{State: string(ear.State), Key: key(ear.Key), Generation: ear.Generation}
	sear, err := c.SoftwareEARInfo(ctx)
	if err != nil {
		return nil, err
	}
	st.SEAR = searView{Enabled: sear.Enabled, Version: sear.Version, MasterKey: key(sear.MasterKey), RekeyHandle: int64(sear.RekeyHandle)}

	servers, err := c.ListKeyServers(ctx, cluster.KeyServerFilter{})
	if err != nil {
		return nil, err
	}
	contacts := c.LastContacts()
	for _, ks := range servers {
		sv := serverView{ID: ks.ID, Name: ks.Name, ProviderID: ks.ProviderID, CertExpires: ts(ks.CertExpires)}
		if len(ks.Hostnames) > 0 {
			sv.Address = strings.Join(ks.Hostnames, ",") + ":" + itoa(int64(ks.Port))
		}
		if ct, ok := contacts[ks.ID]; ok {
			sv.LastContact = &contactView{Operation: ct.Operation, At: ts(ct.At), OK: ct.Err == "", Error: ct.Err}
		}
		st.KeyServers = append(st.KeyServers, sv)
	}

	jobs, err := c.ListAsyncResults(ctx, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range jobs {
		jv := jobOf(r, now)
		if !r.Job.Done() {
			st.Health.RunningJobs++
			if jv.Stuck {
				st.Health.StuckJobs++
			}
		}
		st.Jobs = append(st.Jobs, jv)
	}
	sort.Slice(st.Jobs, func(i, j int) bool { return st.Jobs[i].Handle > st.Jobs[j].Handle })

	fs, err := c.ListFaults(ctx, cluster.FaultsAll, false)
	if err != nil {
		return nil, err
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].ID > fs[j].ID })
	st.Health.FaultCodes = []string{}
	var resolved []faultView
	for _, f := range fs {
		fv := faultView{ID: f.ID, Code: f.Code, Severity: f.Severity, Type: f.Type, Details: f.Details, NodeID: f.NodeID,
			DriveIDs: f.DriveIDs, Date: ts(f.Date), Resolved: f.Resolved, Cleared: ts(f.ResolvedDate)}
		if f.Resolved {
			if len(resolved) < maxResolved {
				resolved = append(resolved, fv)
			}
			continue
		}
		st.Faults = append(st.Faults, fv)
		st.Health.Faults++
		if !contains(st.Health.FaultCodes, f.Code) {
			st.Health.FaultCodes = append(st.Health.FaultCodes, f.Code)
		}
	}
	st.Faults = append(st.Faults, resolved...)
	sort.Strings(st.Health.FaultCodes)
	st.Health.OK = st.Health.Faults == 0 && st.Health.StuckJobs == 0 && st.Health.LockedDrives == 0

	n := int64(maxEvents)
	evs, err := c.ListEvents(ctx, cluster.EventFilter{MaxEvents: &n})
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		st.Events = append(st.Events, eventView{ID: e.ID, Type: e.Type, Message: e.Message, Time: ts(e.Time), NodeID: e.NodeID, DriveID: e.DriveID})
	}
	sort.Slice(st.Events, func(i, j int) bool { return st.Events[i].ID > st.Events[j].ID })
	return st, nil
}

func driveOf(d drives.Drive) driveView {
	return driveView{ID: int64(d.ID), Slot: d.Slot, Type: string(d.Type), Status: string(d.Status), Capability: string(d.Capability),
		Serial: d.Serial, SecurityOn: d.Security.Enabled, Locked: d.Security.Locked, KeyID: d.Security.KeyID,
		ProviderID: d.Security.ProviderID, FailureDetail: d.FailureDetail, SecurityFault: d.SecurityFault}
}

func jobOf(r cluster.AsyncResult, now time.Time) jobView {
	j := r.Job
	jv := jobView{Handle: int64(j.Handle), ResultType: j.ResultType, Status: string(j.Status), Phase: j.Phase,
		Created: ts(j.Created), Updated: ts(j.Updated)}
	if r.Rekey != nil {
		jv.Step, jv.Operation = r.Rekey.State, r.Rekey.Operation
	}
	if j.Failure != nil {
		jv.Error = j.Failure.Name
	}
	phases := 1
	if j.ResultType == cluster.ResultTypeRekey {
		phases = rekeyPhases
	}
	jv.Progress = 100
	if j.Status == asyncjobs.Running {
		jv.Progress = min(100, 100*j.Phase/phases)
		if !j.Due.IsZero() {
			jv.Due = ts(j.Due)
			jv.DueIn = int64(j.Due.Sub(now).Round(time.Second) / time.Second)
		}
		jv.Stuck = (!j.Due.IsZero() && now.Sub(j.Due) > stuckAfter) || now.Sub(j.Updated) > stuckAfter
	}
	return jv
}

func (s *Server) buildRules(ctx context.Context, st *State) error {
	c := s.d.Cluster
	rules, err := c.FaultRules(ctx)
	if err != nil && !errors.Is(err, cluster.ErrNotFound) {
		return err
	}
	fired := map[int64]cluster.RuleFiring{}
	for _, f := range c.RuleFirings() {
		fired[f.Rule.ID] = f
	}
	live := map[int64]bool{}
	for _, r := range rules {
		live[r.ID] = true
		rv := ruleView{ID: r.ID, Target: string(r.Target), Match: r.Match, Effect: r.Effect, Params: r.Params, Times: r.Times}
		if f, ok := fired[r.ID]; ok {
			rv.Fired, rv.LastFired = f.Count, ts(f.Last)
		}
		st.Rules = append(st.Rules, rv)
	}
	for _, f := range c.RuleFirings() {
		if live[f.Rule.ID] {
			continue
		}
		r := f.Rule
		st.Rules = append(st.Rules, ruleView{ID: r.ID, Target: string(r.Target), Match: r.Match, Effect: r.Effect, Params: r.Params,
			Fired: f.Count, LastFired: ts(f.Last), Gone: true})
	}
	for i := range st.Rules {
		if st.Rules[i].Match == nil {
			st.Rules[i].Match = map[string]string{}
		}
		if st.Rules[i].Params == nil {
			st.Rules[i].Params = map[string]string{}
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
