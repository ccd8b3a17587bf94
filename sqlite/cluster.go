package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/element-emulator/element-emulator/asyncjobs"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/drives"
	"github.com/element-emulator/element-emulator/faults"
)

var (
	_ cluster.Store = (*Store)(nil)
	_ cluster.Tx    = (*tx)(nil)
)

// tx implements cluster.Tx over one *sql.Tx.
type tx struct {
	s  *Store
	tx *sql.Tx
}

// Update runs fn in one write transaction.
func (s *Store) Update(ctx context.Context, fn func(cluster.Tx) error) error {
	return s.inTx(ctx, false, func(t *sql.Tx) error { return fn(&tx{s: s, tx: t}) })
}

// View runs fn in one read transaction.
func (s *Store) View(ctx context.Context, fn func(cluster.Tx) error) error {
	return s.inTx(ctx, true, func(t *sql.Tx) error { return fn(&tx{s: s, tx: t}) })
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return cluster.ErrNotFound
	}
	return err
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("sqlite: marshal %T: %v", v, err)) // only plain data types reach here
	}
	return string(b)
}

func (t *tx) NextID(ctx context.Context, counter string) (int64, error) {
	var id int64
	err := t.tx.QueryRowContext(ctx, `INSERT INTO counters (name, last) VALUES (?, 1)
		ON CONFLICT(name) DO UPDATE SET last = last + 1 RETURNING last`, counter).Scan(&id)
	return id, err
}

func (t *tx) State(ctx context.Context) (cluster.State, error) {
	var st cluster.State
	var pw []byte
	var created, due, bootDue string
	var sear int
	err := t.tx.QueryRowContext(ctx, `SELECT name, unique_id, uuid, mvip, svip, rep_count, admin_user, admin_password,
		created, sear_enabled, sear_version, rekey_handle, ear_state, ear_due, ear_provider_id, ear_key_id, ear_generation, boot_due,
		ear_pending_key_id FROM cluster WHERE id = 1`).Scan(&st.Name, &st.UniqueID, &st.UUID, &st.MVIP, &st.SVIP, &st.RepCount, &st.User, &pw,
		&created, &sear, &st.SEARVersion, &st.RekeyHandle, &st.EAR, &due, &st.EARProviderID, &st.EARKeyID, &st.EARGeneration, &bootDue,
		&st.EARPendingKeyID)
	if err != nil {
		return st, notFound(err)
	}
	st.SEAREnabled = sear != 0
	if st.Created, err = parseTime(created); err != nil {
		return st, err
	}
	if st.EARDue, err = parseTime(due); err != nil {
		return st, err
	}
	if st.BootDue, err = parseTime(bootDue); err != nil {
		return st, err
	}
	p, err := t.s.Unseal("cluster/1/admin_password", pw)
	st.Password = p
	return st, err
}

func (t *tx) PutState(ctx context.Context, st cluster.State) error {
	pw, err := t.s.Seal("cluster/1/admin_password", st.Password)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO cluster (id, name, unique_id, uuid, mvip, svip, rep_count, admin_user,
		admin_password, created, sear_enabled, sear_version, rekey_handle, ear_state, ear_due, ear_provider_id, ear_key_id, ear_generation,
		boot_due, ear_pending_key_id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		st.Name, st.UniqueID, st.UUID, st.MVIP, st.SVIP, st.RepCount, st.User, pw, fmtTime(st.Created),
		b2i(st.SEAREnabled), st.SEARVersion, int64(st.RekeyHandle), string(st.EAR), fmtTime(st.EARDue), st.EARProviderID,
		st.EARKeyID, st.EARGeneration, fmtTime(st.BootDue), st.EARPendingKeyID)
	return err
}

func (t *tx) Nodes(ctx context.Context) ([]cluster.Node, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, name, mip, cip, sip, uuid, node_type, chassis_type, active, service_id,
		slice_service_id, slice_unhealthy_since, slice_recover_at FROM nodes ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []cluster.Node
	for rows.Next() {
		var n cluster.Node
		var active int
		var since, recover string
		if err := rows.Scan(&n.ID, &n.Name, &n.MIP, &n.CIP, &n.SIP, &n.UUID, &n.NodeType, &n.ChassisType, &active,
			&n.ServiceID, &n.SliceService, &since, &recover); err != nil {
			return nil, err
		}
		n.Active = active != 0
		if n.SliceUnhealthySince, err = parseTime(since); err != nil {
			return nil, err
		}
		if n.SliceRecoverAt, err = parseTime(recover); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (t *tx) PutNode(ctx context.Context, n cluster.Node) error {
	_, err := t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO nodes (id, name, mip, cip, sip, uuid, node_type, chassis_type,
		active, service_id, slice_service_id, slice_unhealthy_since, slice_recover_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.Name, n.MIP, n.CIP, n.SIP, n.UUID, n.NodeType, n.ChassisType, b2i(n.Active), n.ServiceID, n.SliceService,
		fmtTime(n.SliceUnhealthySince), fmtTime(n.SliceRecoverAt))
	return err
}

const driveCols = `id, node_id, slot, type, status, capacity, serial, capability, sec_enabled, sec_locked, key_id,
	key_provider_id, failure_detail, security_fault, failed_at, lock_failed, removed`

func scanDrive(sc interface{ Scan(...any) error }) (drives.Drive, error) {
	var d drives.Drive
	var en, lk, lf, rm int
	var failedAt string
	err := sc.Scan(&d.ID, &d.NodeID, &d.Slot, &d.Type, &d.Status, &d.Capacity, &d.Serial, &d.Capability, &en, &lk,
		&d.Security.KeyID, &d.Security.ProviderID, &d.FailureDetail, &d.SecurityFault, &failedAt, &lf, &rm)
	if err != nil {
		return d, err
	}
	d.Security.Enabled, d.Security.Locked, d.LockFailed, d.Removed = en != 0, lk != 0, lf != 0, rm != 0
	d.FailedAt, err = parseTime(failedAt)
	return d, err
}

func (t *tx) Drives(ctx context.Context) ([]drives.Drive, error) {
	return t.drives(ctx, `SELECT `+driveCols+` FROM drives ORDER BY id`)
}

func (t *tx) FailedDrives(ctx context.Context) ([]drives.Drive, error) {
	return t.drives(ctx, `SELECT `+driveCols+` FROM drives WHERE status = 'failed' AND removed = 0 ORDER BY id`)
}

func (t *tx) drives(ctx context.Context, query string) ([]drives.Drive, error) {
	rows, err := t.tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []drives.Drive
	for rows.Next() {
		d, err := scanDrive(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func (t *tx) Drive(ctx context.Context, id drives.ID) (drives.Drive, error) {
	d, err := scanDrive(t.tx.QueryRowContext(ctx, `SELECT `+driveCols+` FROM drives WHERE id = ?`, int64(id)))
	return d, notFound(err)
}

func (t *tx) PutDrive(ctx context.Context, d drives.Drive) error {
	_, err := t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO drives (`+driveCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		int64(d.ID), d.NodeID, d.Slot, string(d.Type), string(d.Status), d.Capacity, d.Serial, string(d.Capability),
		b2i(d.Security.Enabled), b2i(d.Security.Locked), d.Security.KeyID, d.Security.ProviderID, d.FailureDetail, d.SecurityFault,
		fmtTime(d.FailedAt), b2i(d.LockFailed), b2i(d.Removed))
	return err
}

func (t *tx) DeleteDrive(ctx context.Context, id drives.ID) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM drives WHERE id = ?`, int64(id))
	return err
}

func (t *tx) KeyPair(ctx context.Context) (cluster.KeyPair, error) {
	var kp cluster.KeyPair
	var subj, created string
	var sealed []byte
	err := t.tx.QueryRowContext(ctx, `SELECT subject, private_key, created FROM key_pair WHERE id = 1`).Scan(&subj, &sealed, &created)
	if err != nil {
		return kp, notFound(err)
	}
	if err := json.Unmarshal([]byte(subj), &kp.Subject); err != nil {
		return kp, err
	}
	if kp.Created, err = parseTime(created); err != nil {
		return kp, err
	}
	key, err := t.s.Unseal("key_pair/1/private_key", sealed)
	kp.PrivateKey = key
	return kp, err
}

func (t *tx) PutKeyPair(ctx context.Context, kp cluster.KeyPair) error {
	sealed, err := t.s.Seal("key_pair/1/private_key", kp.PrivateKey)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO key_pair (id, subject, private_key, created) VALUES (1, ?, ?, ?)`,
		toJSON(kp.Subject), sealed, fmtTime(kp.Created))
	return err
}

const keyServerCols = `id, name, hostnames, port, ca_pem, client_cert_pem, provider_id, ca_expires, cert_expires`

func scanKeyServer(sc interface{ Scan(...any) error }) (cluster.KMIPServer, error) {
	var ks cluster.KMIPServer
	var hosts, caExp, certExp string
	var pid sql.NullInt64
	if err := sc.Scan(&ks.ID, &ks.Name, &hosts, &ks.Port, &ks.CAPEM, &ks.ClientCertPEM, &pid, &caExp, &certExp); err != nil {
		return ks, err
	}
	ks.ProviderID = pid.Int64
	var err error
	if ks.CAExpires, err = parseTime(caExp); err != nil {
		return ks, err
	}
	if ks.CertExpires, err = parseTime(certExp); err != nil {
		return ks, err
	}
	return ks, json.Unmarshal([]byte(hosts), &ks.Hostnames)
}

func (t *tx) KeyServers(ctx context.Context) ([]cluster.KMIPServer, error) {
	return t.keyServers(ctx, `SELECT `+keyServerCols+` FROM key_servers ORDER BY id`)
}

func (t *tx) AssignedKeyServers(ctx context.Context) ([]cluster.KMIPServer, error) {
	return t.keyServers(ctx, `SELECT `+keyServerCols+` FROM key_servers WHERE provider_id IS NOT NULL ORDER BY id`)
}

func (t *tx) AssignedKeyServerCerts(ctx context.Context) ([]cluster.KeyServerCerts, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, provider_id, ca_expires, cert_expires FROM key_servers
		WHERE provider_id IS NOT NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []cluster.KeyServerCerts
	for rows.Next() {
		var k cluster.KeyServerCerts
		var caExp, certExp string
		if err := rows.Scan(&k.ID, &k.ProviderID, &caExp, &certExp); err != nil {
			return nil, err
		}
		if k.CAExpires, err = parseTime(caExp); err != nil {
			return nil, err
		}
		if k.CertExpires, err = parseTime(certExp); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

func (t *tx) keyServers(ctx context.Context, query string) ([]cluster.KMIPServer, error) {
	rows, err := t.tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []cluster.KMIPServer
	for rows.Next() {
		ks, err := scanKeyServer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, ks)
	}
	return out, rows.Err()
}

func (t *tx) KeyServer(ctx context.Context, id int64) (cluster.KMIPServer, error) {
	ks, err := scanKeyServer(t.tx.QueryRowContext(ctx, `SELECT `+keyServerCols+` FROM key_servers WHERE id = ?`, id))
	return ks, notFound(err)
}

func (t *tx) KeyServerProvider(ctx context.Context, id int64) (int64, error) {
	var pid sql.NullInt64
	err := t.tx.QueryRowContext(ctx, `SELECT provider_id FROM key_servers WHERE id = ?`, id).Scan(&pid)
	return pid.Int64, notFound(err)
}

func (t *tx) PutKeyServer(ctx context.Context, ks cluster.KMIPServer) error {
	var pid any
	if ks.ProviderID != 0 {
		pid = ks.ProviderID
	}
	_, err := t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO key_servers (`+keyServerCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ks.ID, ks.Name, toJSON(ks.Hostnames), ks.Port, ks.CAPEM, ks.ClientCertPEM, pid, fmtTime(ks.CAExpires), fmtTime(ks.CertExpires))
	return err
}

func (t *tx) DeleteKeyServer(ctx context.Context, id int64) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM key_servers WHERE id = ?`, id)
	return err
}

func (t *tx) KeyProviders(ctx context.Context) ([]cluster.KMIPProvider, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, name FROM key_providers ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []cluster.KMIPProvider
	for rows.Next() {
		var p cluster.KMIPProvider
		if err := rows.Scan(&p.ID, &p.Name); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func (t *tx) KeyProvider(ctx context.Context, id int64) (cluster.KMIPProvider, error) {
	var p cluster.KMIPProvider
	err := t.tx.QueryRowContext(ctx, `SELECT id, name FROM key_providers WHERE id = ?`, id).Scan(&p.ID, &p.Name)
	return p, notFound(err)
}

func (t *tx) PutKeyProvider(ctx context.Context, p cluster.KMIPProvider) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO key_providers (id, name) VALUES (?, ?)
		ON CONFLICT(id) DO UPDATE SET name = excluded.name`, p.ID, p.Name)
	return err
}

func (t *tx) DeleteKeyProvider(ctx context.Context, id int64) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM key_providers WHERE id = ?`, id)
	return err
}

func (t *tx) Keys(ctx context.Context) ([]cluster.Key, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT key_id, purpose, type, provider_id, server_id, uid, created, status, material
		FROM keys ORDER BY created, key_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []cluster.Key
	for rows.Next() {
		var k cluster.Key
		var created string
		var sealed []byte
		if err := rows.Scan(&k.KeyID, &k.Purpose, &k.Type, &k.ProviderID, &k.ServerID, &k.UID, &created, &k.Status, &sealed); err != nil {
			return nil, err
		}
		if k.Created, err = parseTime(created); err != nil {
			return nil, err
		}
		m, err := t.s.Unseal("keys/"+k.KeyID+"/material", sealed)
		if err != nil {
			return nil, err
		}
		k.Material = m
		out = append(out, k)
	}
	return out, rows.Err()
}

func (t *tx) PutKey(ctx context.Context, k cluster.Key) error {
	sealed, err := t.s.Seal("keys/"+k.KeyID+"/material", k.Material)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO keys (key_id, purpose, type, provider_id, server_id, uid, created,
		status, material) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, k.KeyID, string(k.Purpose), string(k.Type), k.ProviderID,
		k.ServerID, k.UID, fmtTime(k.Created), string(k.Status), sealed)
	return err
}

const jobCols = `handle, result_type, status, created, updated, phase, due, data, failure_name, failure_message`

func scanJob(sc interface{ Scan(...any) error }) (asyncjobs.Job, error) {
	var j asyncjobs.Job
	var created, updated, due string
	var fname, fmsg sql.NullString
	if err := sc.Scan(&j.Handle, &j.ResultType, &j.Status, &created, &updated, &j.Phase, &due, &j.Data, &fname, &fmsg); err != nil {
		return j, err
	}
	var err error
	if j.Created, err = parseTime(created); err != nil {
		return j, err
	}
	if j.Updated, err = parseTime(updated); err != nil {
		return j, err
	}
	if j.Due, err = parseTime(due); err != nil {
		return j, err
	}
	if fname.Valid {
		j.Failure = &asyncjobs.Failure{Name: fname.String, Message: fmsg.String}
	}
	return j, nil
}

func (t *tx) Jobs(ctx context.Context) ([]asyncjobs.Job, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT `+jobCols+` FROM async_jobs ORDER BY handle`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []asyncjobs.Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

func (t *tx) Job(ctx context.Context, h asyncjobs.Handle) (asyncjobs.Job, error) {
	j, err := scanJob(t.tx.QueryRowContext(ctx, `SELECT `+jobCols+` FROM async_jobs WHERE handle = ?`, int64(h)))
	return j, notFound(err)
}

func (t *tx) PutJob(ctx context.Context, j asyncjobs.Job) error {
	var fname, fmsg any
	if j.Failure != nil {
		fname, fmsg = j.Failure.Name, j.Failure.Message
	}
	_, err := t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO async_jobs (`+jobCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		int64(j.Handle), j.ResultType, string(j.Status), fmtTime(j.Created), fmtTime(j.Updated), j.Phase, fmtTime(j.Due),
		j.Data, fname, fmsg)
	return err
}

func (t *tx) DeleteJob(ctx context.Context, h asyncjobs.Handle) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM async_jobs WHERE handle = ?`, int64(h))
	return err
}

func (t *tx) FaultRules(ctx context.Context) ([]faults.Rule, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT id, target, match, effect, params, times FROM fault_rules ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []faults.Rule
	for rows.Next() {
		var r faults.Rule
		var match, params string
		if err := rows.Scan(&r.ID, &r.Target, &match, &r.Effect, &params, &r.Times); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(match), &r.Match); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(params), &r.Params); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (t *tx) PutFaultRule(ctx context.Context, r faults.Rule) error {
	if r.Match == nil {
		r.Match = map[string]string{}
	}
	if r.Params == nil {
		r.Params = map[string]string{}
	}
	_, err := t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO fault_rules (id, target, match, effect, params, times)
		VALUES (?, ?, ?, ?, ?, ?)`, r.ID, string(r.Target), toJSON(r.Match), r.Effect, toJSON(r.Params), r.Times)
	return err
}

func (t *tx) DeleteFaultRule(ctx context.Context, id int64) error {
	res, err := t.tx.ExecContext(ctx, `DELETE FROM fault_rules WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return cluster.ErrNotFound
	}
	return nil
}

func (t *tx) ClusterFaults(ctx context.Context) ([]cluster.Fault, error) {
	return t.faults(ctx, `SELECT id, code, severity, type, details, node_id, service_id, drive_ids, date,
		resolved, resolved_date, cond FROM cluster_faults ORDER BY id`)
}

func (t *tx) OpenClusterFaults(ctx context.Context) ([]cluster.Fault, error) {
	return t.faults(ctx, `SELECT id, code, severity, type, details, node_id, service_id, drive_ids, date,
		resolved, resolved_date, cond FROM cluster_faults WHERE resolved = 0 AND cond != '' ORDER BY id`)
}

func (t *tx) faults(ctx context.Context, query string) ([]cluster.Fault, error) {
	rows, err := t.tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []cluster.Fault
	for rows.Next() {
		var f cluster.Fault
		var ids, date, rdate string
		var resolved int
		if err := rows.Scan(&f.ID, &f.Code, &f.Severity, &f.Type, &f.Details, &f.NodeID, &f.ServiceID, &ids, &date,
			&resolved, &rdate, &f.Cond); err != nil {
			return nil, err
		}
		f.Resolved = resolved != 0
		if err := json.Unmarshal([]byte(ids), &f.DriveIDs); err != nil {
			return nil, err
		}
		if f.Date, err = parseTime(date); err != nil {
			return nil, err
		}
		if f.ResolvedDate, err = parseTime(rdate); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

func (t *tx) PutClusterFault(ctx context.Context, f cluster.Fault) error {
	if f.DriveIDs == nil {
		f.DriveIDs = []int64{}
	}
	_, err := t.tx.ExecContext(ctx, `INSERT OR REPLACE INTO cluster_faults (id, code, severity, type, details, node_id,
		service_id, drive_ids, date, resolved, resolved_date, cond) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.ID, f.Code, f.Severity, f.Type, f.Details, f.NodeID, f.ServiceID, toJSON(f.DriveIDs), fmtTime(f.Date),
		b2i(f.Resolved), fmtTime(f.ResolvedDate), f.Cond)
	return err
}

func (t *tx) DeleteClusterFault(ctx context.Context, id int64) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM cluster_faults WHERE id = ?`, id)
	return err
}

func (t *tx) AddEvent(ctx context.Context, e cluster.Event) error {
	if e.Details == nil {
		e.Details = map[string]any{}
	}
	if e.DriveIDs == nil {
		e.DriveIDs = []int64{}
	}
	_, err := t.tx.ExecContext(ctx, `INSERT INTO events (id, type, message, details, node_id, service_id, drive_id,
		drive_ids, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.ID, e.Type, e.Message, toJSON(e.Details), e.NodeID,
		e.ServiceID, e.DriveID, toJSON(e.DriveIDs), fmtTime(e.Time))
	return err
}

func (t *tx) Events(ctx context.Context, minID, maxID int64, fn func(cluster.Event) bool) error {
	if maxID == 0 {
		maxID = math.MaxInt64
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT id, type, message, details, node_id, service_id, drive_id, drive_ids, time
		FROM events WHERE id >= ? AND id <= ? ORDER BY id DESC`, minID, maxID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e cluster.Event
		var details, ids, tm string
		if err := rows.Scan(&e.ID, &e.Type, &e.Message, &details, &e.NodeID, &e.ServiceID, &e.DriveID, &ids, &tm); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(details), &e.Details); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(ids), &e.DriveIDs); err != nil {
			return err
		}
		if e.Time, err = parseTime(tm); err != nil {
			return err
		}
		if !fn(e) {
			break
		}
	}
	return rows.Err()
}

func (t *tx) TrimEvents(ctx context.Context, keep int) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM events WHERE id <= (SELECT id FROM events ORDER BY id DESC LIMIT 1 OFFSET ?)`, keep)
	return err
}

func (t *tx) Wipe(ctx context.Context) error {
	for _, tbl := range []string{"cluster", "nodes", "drives", "key_pair", "key_servers", "key_providers", "keys",
		"async_jobs", "fault_rules", "cluster_faults", "events", "counters"} {
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM `+tbl); err != nil {
			return err
		}
	}
	// The storage domain (storage.go) goes with the cluster it lives on.
	for _, tbl := range slices.Concat(storageTables, adminTables, nodeTables) {
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM `+tbl); err != nil {
			return err
		}
	}
	return nil
}

// Meta reads a value of the meta table ("" when absent).
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v []byte
	err := s.rdb.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return string(v), err
}

// SetMeta writes a value of the meta table.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`, key, []byte(value))
	return err
}
