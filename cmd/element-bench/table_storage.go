package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"
)

// ---------------------------------------------------------------------------
// Volumes: CreateVolume+DeleteVolume+PurgeDeletedVolume (docs/performance.md,
// Storage)

// volumeClients is the number of keep-alive HTTP clients of the volumes figure
// (as many as the mutation figure's).
const volumeClients = mutationClients

// volumeAnswer is what both sides answer to CreateVolume.
type volumeAnswer struct {
	Result struct {
		VolumeID int64 `json:"volumeID"`
	} `json:"result"`
	Error *rpcError `json:"error"`
}

// measureVolumes times a volume's whole life over HTTP (create, delete,
// purge: three write transactions, the table stays the same size) against
// the raw SQLite peer doing one INSERT, UPDATE and DELETE transaction each
// for the same three requests.
func measureVolumes(ctx context.Context, t *tableRun) ([]row, error) {
	p, c, err := t.emulator(ctx, "volumes")
	if err != nil {
		return nil, err
	}
	defer p.kill()
	acct, err := c.call(ctx, "AddAccount", map[string]any{"username": "bench"})
	if err != nil {
		return nil, err
	}
	accountID := acct["accountID"]
	dir, err := t.dir("volumes-peer")
	if err != nil {
		return nil, err
	}
	peer, err := startPeerReady(ctx, "sqlite", filepath.Join(dir, "raw.db"))
	if err != nil {
		return nil, err
	}
	defer peer.kill()

	var n atomic.Int64
	run := func(url string) func(context.Context) (float64, error) {
		l := newHTTPLoad(url, volumeClients, nil)
		bufs := make([]bytes.Buffer, volumeClients)
		return func(ctx context.Context) (float64, error) {
			return throughput(ctx, volumeClients, t.o.roundTime, func(ctx context.Context, w int) error {
				create, err := json.Marshal(map[string]any{"method": "CreateVolume", "id": 1, "params": map[string]any{
					"name": fmt.Sprintf("bench-%d", n.Add(1)), "accountID": accountID, "totalSize": 1e9, "enable512e": true,
					"qos": map[string]any{"minIOPS": 100, "maxIOPS": 1000, "burstIOPS": 2000}}})
				if err != nil {
					return err
				}
				if err := l.post(ctx, create, &bufs[w]); err != nil {
					return err
				}
				var a volumeAnswer
				if err := json.Unmarshal(bufs[w].Bytes(), &a); err != nil {
					return err
				}
				if a.Error != nil || a.Result.VolumeID == 0 {
					return fmt.Errorf("CreateVolume: %.300s", bufs[w].Bytes())
				}
				for _, m := range []string{"DeleteVolume", "PurgeDeletedVolume"} {
					b, err := json.Marshal(map[string]any{"method": m, "id": 1, "params": map[string]any{"volumeID": a.Result.VolumeID}})
					if err != nil {
						return err
					}
					if err := l.post(ctx, b, &bufs[w]); err != nil {
						return err
					}
					if bytes.Contains(bufs[w].Bytes(), []byte(`"error"`)) {
						return fmt.Errorf("%s: %.300s", m, bufs[w].Bytes())
					}
				}
				return nil
			})
		}
	}
	emuRun, peerRun := run(c.base+"/json-rpc/12.7"), run("http://"+peer.addr+"/json-rpc/12.7")
	if err := warmUp(ctx, emuRun, peerRun); err != nil {
		return nil, err
	}
	var emuCPU, peerCPU cpuMeter
	e, pr, err := t.alternate(ctx, "volumes", func(ctx context.Context) (float64, error) {
		return emuCPU.measure(func() time.Duration { return cpuTime(p.cmd.Process.Pid) }, func() (float64, error) { return emuRun(ctx) })
	}, func(ctx context.Context) (float64, error) {
		return peerCPU.measure(func() time.Duration { return cpuTime(peer.pid()) }, func() (float64, error) { return peerRun(ctx) })
	})
	if err != nil {
		return nil, err
	}
	r := ratioRow(fmt.Sprintf("CreateVolume+DeleteVolume+PurgeDeletedVolume, %d clients, vs raw SQLite WAL writes behind net/http", volumeClients),
		"lives/s", e, pr, "≥ 0.3×", atLeast(0.3))
	r.notes = append(r.notes, fmt.Sprintf("volumes: server CPU per volume life: emulator %s, raw SQLite peer %s",
		micros(emuCPU.perOp()), micros(peerCPU.perOp())))
	return []row{r}, nil
}

// The raw SQLite peer's volume methods: one row per volume, its wire
// document as JSON, one write transaction per request.

const peerVolumesTable = `CREATE TABLE IF NOT EXISTS volumes (id INTEGER PRIMARY KEY,
	name TEXT NOT NULL, account_id INTEGER NOT NULL, status TEXT NOT NULL, total_size INTEGER NOT NULL, doc TEXT NOT NULL)`

func (s *sqlitePeer) createVolume(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		Name       string         `json:"name"`
		AccountID  int64          `json:"accountID"`
		TotalSize  int64          `json:"totalSize"`
		Enable512e bool           `json:"enable512e"`
		QoS        map[string]any `json:"qos"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, err
	}
	vol := map[string]any{"name": p.Name, "accountID": p.AccountID, "totalSize": p.TotalSize, "enable512e": p.Enable512e,
		"qos": p.QoS, "status": "active", "access": "readWrite"}
	doc, err := json.Marshal(vol)
	if err != nil {
		return nil, err
	}
	var id int64
	err = s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO volumes (name, account_id, status, total_size, doc) VALUES (?, ?, 'active', ?, ?)`,
			p.Name, p.AccountID, p.TotalSize, string(doc))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return nil, err
	}
	vol["volumeID"] = id
	return map[string]any{"volumeID": id, "volume": vol}, nil
}

func (s *sqlitePeer) volumeWrite(ctx context.Context, raw json.RawMessage, query string) (any, error) {
	var p struct {
		ID int64 `json:"volumeID"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, query, p.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("volume %d not found", p.ID)
		}
		return nil
	})
	return map[string]any{}, err
}

// ---------------------------------------------------------------------------
// Lab with volumes

const labVolumes = 1000

// measureLabVolumes starts lab --clusters 30 --volumes 1000 (30,000
// volumes) against the same lab without volumes: start-up and VmRSS.
func measureLabVolumes(ctx context.Context, t *tableRun) ([]row, error) {
	var start, rss [2][]float64 // [0] with volumes, [1] without
	lab := func(i int, extra ...string) side {
		return func(ctx context.Context) (float64, error) {
			s, r, err := labSample(ctx, t, labClusters, extra...)
			if err != nil {
				return 0, err
			}
			start[i], rss[i] = append(start[i], s), append(rss[i], r)
			return s, nil
		}
	}
	saved := t.o.rounds
	t.o.rounds = max(1, t.o.runs/2)
	_, _, err := t.alternate(ctx, "labvolumes", lab(0, "--volumes", strconv.Itoa(labVolumes)), lab(1))
	t.o.rounds = saved
	if err != nil {
		return nil, err
	}
	return []row{
		ratioRow(fmt.Sprintf("lab --clusters %d --volumes %d start-up, vs no volumes", labClusters, labVolumes), "ms", start[0], start[1], "≤ 3000 ms", emuAtMost(3000)),
		ratioRow(fmt.Sprintf("lab --clusters %d --volumes %d VmRSS, vs no volumes", labClusters, labVolumes), "MiB", rss[0], rss[1], "≤ 100 MiB", emuAtMost(100)),
	}, nil
}
