package cluster

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/drives"
)

// Fault codes the simulation raises (docs/element-api.md, Faults).
const (
	CodeDriveFailed            = "driveFailed"
	CodeDriveAvailable         = "driveAvailable"
	CodeSliceServiceUnhealthy  = "sliceServiceUnhealthy"
	CodeKMIPCertificateFault   = "kmipCertificateFault"
	CodeEnableSecurityFailed   = "enableDriveSecurityFailed"
	CodeDisableSecurityFailed  = "disableDriveSecurityFailed"
	sliceEscalateAfter         = 360 * time.Second // D33: warning → error
	sliceRecoverAfter          = 210 * time.Second // D33: resolved after the drive is back
	metadataEjectAfter         = 360 * time.Second // D31: locked metadata drive → available
	certWarnBefore             = 30 * 24 * time.Hour
	sliceUnhealthyFaultDetails = "SolidFire Application cannot communicate with a metadata service."
)

// SliceRecovery is how long after its metadata drive is back a slice
// service counts as healthy again (D33; the documented 3–4 minutes).
// Config.SliceRecovery overrides it.
func (c *Cluster) sliceRecovery() time.Duration {
	if c.cfg.SliceRecovery > 0 {
		return c.cfg.SliceRecovery
	}
	return sliceRecoverAfter
}

func nodeCond(code string, node int64) string { return fmt.Sprintf("%s/node/%d", code, node) }

func serverCond(code string, id int64) string { return fmt.Sprintf("%s/server/%d", code, id) }

// openFaults indexes the unresolved fault records by condition.
func openFaults(all []Fault) map[string]Fault {
	out := map[string]Fault{}
	for _, f := range all {
		if !f.Resolved && f.Cond != "" {
			out[f.Cond] = f
		}
	}
	return out
}

// evaluate re-derives every condition-based fault from the current state
// at time now (D34): raising, updating in place, or resolving records, and
// moving the slice-service health timers.
//
// Only the conditions whose inputs the transaction changed are looked at:
// drives, nodes and the cluster row feed the drive and slice conditions, key
// servers the certificate condition, and condition records both. Inputs that
// did not change cannot change a condition, except with time, and the
// health timers (stepHealth) evaluate those with every input.
func (c *Cluster) evaluate(ctx context.Context, tx Tx, now time.Time, ch changes) error {
	if !ch.topology && !ch.servers && !ch.faults {
		return nil
	}
	if _, err := tx.State(ctx); errors.Is(err, ErrNotFound) {
		return nil // no cluster yet (bootstrap mode): no conditions
	} else if err != nil {
		return err
	}
	all, err := tx.OpenClusterFaults(ctx)
	if err != nil {
		return err
	}
	open := openFaults(all)
	if ch.topology || ch.faults {
		if err := c.evaluateDrives(ctx, tx, open, now); err != nil {
			return err
		}
	}
	if ch.servers || ch.faults {
		return c.evaluateCerts(ctx, tx, open, now)
	}
	return nil
}

// evaluateDrives derives the drive and slice-service conditions of every
// active node.
func (c *Cluster) evaluateDrives(ctx context.Context, tx Tx, open map[string]Fault, now time.Time) error {
	nodes, err := tx.Nodes(ctx)
	if err != nil {
		return err
	}
	ds, err := tx.Drives(ctx)
	if err != nil {
		return err
	}
	byNode := map[int64][]drives.Drive{}
	for _, d := range ds {
		if !d.Removed {
			byNode[d.NodeID] = append(byNode[d.NodeID], d)
		}
	}
	for _, n := range nodes {
		if !n.Active { // a removed node's conditions go with it (docs/nodes.md)
			for _, code := range []string{CodeDriveFailed, CodeDriveAvailable, CodeSliceServiceUnhealthy} {
				if _, ok := open[nodeCond(code, n.ID)]; ok {
					if err := c.resolve(ctx, tx, nodeCond(code, n.ID), now); err != nil {
						return err
					}
				}
			}
			continue
		}
		var failed, available []int64
		var meta *drives.Drive
		for _, d := range byNode[n.ID] {
			d := d
			switch d.Status {
			case drives.Failed:
				failed = append(failed, int64(d.ID))
			case drives.Available:
				available = append(available, int64(d.ID))
			}
			if d.Type == drives.Volume && meta == nil {
				meta = &d
			}
		}
		if err := c.condition(ctx, tx, open, now, len(failed) > 0, Fault{Code: CodeDriveFailed, Severity: "warning", Type: "drive",
			NodeID: n.ID, DriveIDs: failed, Details: fmt.Sprintf("Node ID %d has %d failed drive(s).", n.ID, len(failed)),
			Cond: nodeCond(CodeDriveFailed, n.ID)}); err != nil {
			return err
		}
		if err := c.condition(ctx, tx, open, now, len(available) > 0, Fault{Code: CodeDriveAvailable, Severity: "warning", Type: "drive",
			NodeID: n.ID, DriveIDs: []int64{}, Details: fmt.Sprintf("Node ID %d has %d available drive(s).", n.ID, len(available)),
			Cond: nodeCond(CodeDriveAvailable, n.ID)}); err != nil {
			return err
		}
		if err := c.evaluateSlice(ctx, tx, open, n, meta, now); err != nil {
			return err
		}
	}
	return nil
}

// condition raises f (or refreshes its open record) when present, and
// resolves its open record when not.
func (c *Cluster) condition(ctx context.Context, tx Tx, open map[string]Fault, now time.Time, present bool, f Fault) error {
	o, isOpen := open[f.Cond]
	switch {
	case present && !isOpen:
		return c.raise(ctx, tx, f, now)
	case present && isOpen:
		if o.Details != f.Details || o.Severity != f.Severity || !sameIDs(o.DriveIDs, f.DriveIDs) {
			o.Details, o.Severity, o.DriveIDs = f.Details, f.Severity, f.DriveIDs
			return tx.PutClusterFault(ctx, o)
		}
		return nil
	case !present && isOpen:
		return c.resolve(ctx, tx, f.Cond, now)
	}
	return nil
}

func sameIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// evaluateSlice keeps a node's sliceServiceUnhealthy in step with its
// metadata drive: raised (warning) when the drive is not active and
// unlocked, escalated to error 360 s after it was raised, resolved 210 s
// after the drive is healthy again (D33).
func (c *Cluster) evaluateSlice(ctx context.Context, tx Tx, open map[string]Fault, n Node, meta *drives.Drive, now time.Time) error {
	cond := nodeCond(CodeSliceServiceUnhealthy, n.ID)
	healthy := meta != nil && meta.Healthy()
	o, isOpen := open[cond]
	orig := n
	switch {
	case !healthy:
		n.SliceRecoverAt = time.Time{}
		if n.SliceUnhealthySince.IsZero() {
			n.SliceUnhealthySince = now
			if err := c.event(ctx, tx, now, "sliceEvent", fmt.Sprintf("Slice service %d unhealthy", n.SliceService),
				map[string]any{"serviceID": n.SliceService}); err != nil {
				return err
			}
		}
		ids := []int64{}
		if meta != nil {
			ids = []int64{int64(meta.ID)}
		}
		sev := "warning"
		if isOpen && !now.Before(o.Date.Add(sliceEscalateAfter)) {
			sev = "error"
		}
		f := Fault{Code: CodeSliceServiceUnhealthy, Severity: sev, Type: "service", NodeID: n.ID, ServiceID: n.SliceService,
			DriveIDs: ids, Details: sliceUnhealthyFaultDetails, Cond: cond}
		if err := c.condition(ctx, tx, open, now, true, f); err != nil {
			return err
		}
	case isOpen:
		if n.SliceRecoverAt.IsZero() {
			n.SliceRecoverAt = now.Add(c.sliceRecovery())
		}
		if !now.Before(n.SliceRecoverAt) {
			if err := c.resolve(ctx, tx, cond, now); err != nil {
				return err
			}
			n.SliceUnhealthySince, n.SliceRecoverAt = time.Time{}, time.Time{}
			if err := c.event(ctx, tx, now, "sliceEvent", fmt.Sprintf("Slice service %d healthy", n.SliceService),
				map[string]any{"serviceID": n.SliceService}); err != nil {
				return err
			}
		}
	default:
		n.SliceUnhealthySince, n.SliceRecoverAt = time.Time{}, time.Time{}
	}
	if n != orig {
		return tx.PutNode(ctx, n)
	}
	return nil
}

// certExpiry returns the earliest NotAfter among the PEM certificates.
// CertExpiry returns the earliest NotAfter of the PEM certificates in
// pemText (zero when there is none).
func CertExpiry(pemText string) time.Time {
	var earliest time.Time
	rest := []byte(pemText)
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		cert, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			continue
		}
		if earliest.IsZero() || cert.NotAfter.Before(earliest) {
			earliest = cert.NotAfter
		}
	}
	return earliest
}

// evaluateCerts raises kmipCertificateFault for servers in a provider whose
// CA or client certificate expires within 30 days (warning) or has expired
// (error), on the emulator clock (D45).
func (c *Cluster) evaluateCerts(ctx context.Context, tx Tx, open map[string]Fault, now time.Time) error {
	servers, err := tx.AssignedKeyServerCerts(ctx)
	if err != nil {
		return err
	}
	inProvider := map[int64]bool{}
	for _, ks := range servers {
		inProvider[ks.ID] = true
		var problems []string
		sev := ""
		for _, cert := range []struct {
			what string
			na   time.Time
		}{{"CA", ks.CAExpires}, {"Client", ks.CertExpires}} {
			na := cert.na
			switch {
			case na.IsZero():
			case !now.Before(na):
				sev = "error"
				problems = append(problems, fmt.Sprintf("%s certificate for key server %d expired %s", cert.what, ks.ID, na.UTC().Format(time.RFC3339)))
			case na.Sub(now) <= certWarnBefore:
				if sev == "" {
					sev = "warning"
				}
				problems = append(problems, fmt.Sprintf("%s certificate for key server %d expires %s", cert.what, ks.ID, na.UTC().Format(time.RFC3339)))
			}
		}
		f := Fault{Code: CodeKMIPCertificateFault, Severity: sev, Type: "cluster", DriveIDs: []int64{},
			Details: strings.Join(problems, "; "), Cond: serverCond(CodeKMIPCertificateFault, ks.ID)}
		if err := c.condition(ctx, tx, open, now, sev != "", f); err != nil {
			return err
		}
	}
	// Servers deleted or unassigned since: resolve their records.
	conds := make([]string, 0)
	for cond := range open {
		if strings.HasPrefix(cond, CodeKMIPCertificateFault+"/server/") {
			conds = append(conds, cond)
		}
	}
	sort.Strings(conds)
	for _, cond := range conds {
		var id int64
		fmt.Sscanf(strings.TrimPrefix(cond, CodeKMIPCertificateFault+"/server/"), "%d", &id)
		if !inProvider[id] {
			if err := c.resolve(ctx, tx, cond, now); err != nil {
				return err
			}
		}
	}
	return nil
}

// healthTimers returns the instants at which evaluate must run again
// because a health rule changes on its own: slice escalation and recovery,
// metadata-drive ejection, certificate thresholds.
func (c *Cluster) healthTimers(ctx context.Context, tx Tx) ([]time.Time, error) {
	var out []time.Time
	nodes, err := tx.Nodes(ctx)
	if err != nil {
		return nil, err
	}
	all, err := tx.OpenClusterFaults(ctx)
	if err != nil {
		return nil, err
	}
	open := openFaults(all)
	for _, n := range nodes {
		if f, ok := open[nodeCond(CodeSliceServiceUnhealthy, n.ID)]; ok {
			if f.Severity == "warning" && n.SliceRecoverAt.IsZero() {
				out = append(out, f.Date.Add(sliceEscalateAfter))
			}
			if !n.SliceRecoverAt.IsZero() {
				out = append(out, n.SliceRecoverAt)
			}
		}
	}
	ds, err := tx.FailedDrives(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		if d.LockFailed && d.Type == drives.Volume {
			out = append(out, d.FailedAt.Add(metadataEjectAfter))
		}
	}
	servers, err := tx.AssignedKeyServerCerts(ctx)
	if err != nil {
		return nil, err
	}
	for _, ks := range servers {
		// Only thresholds the open record does not reflect yet: a passed
		// threshold is due once, then evaluate has caught up with it.
		sev := open[serverCond(CodeKMIPCertificateFault, ks.ID)].Severity
		for _, na := range []time.Time{ks.CAExpires, ks.CertExpires} {
			if na.IsZero() {
				continue
			}
			if sev == "" {
				out = append(out, na.Add(-certWarnBefore))
			}
			if sev != "error" {
				out = append(out, na)
			}
		}
	}
	return out, nil
}
