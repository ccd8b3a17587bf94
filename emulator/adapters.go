package emulator

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"strconv"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/api"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/faults"
	"github.com/element-emulator/element-emulator/kmip"
)

// subtleEqual compares SHA-256 digests in constant time, so neither the
// contents nor the lengths of credentials leak through timing.
func subtleEqual(a, b string) bool {
	ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(ha[:], hb[:]) == 1
}

// keyServerAdapter lets kmip.Client serve as cluster.KeyServer; the two
// packages do not import each other.
type keyServerAdapter struct{ c *kmip.Client }

var _ cluster.KeyServer = keyServerAdapter{}

func target(t cluster.KeyServerTarget) kmip.Target {
	return kmip.Target{Hostnames: t.Hostnames, Port: t.Port, CAPEM: t.CAPEM, ClientCertPEM: t.ClientCertPEM,
		ClientKeyPEM: []byte(t.ClientKeyPEM), Now: t.Now}
}

func (a keyServerAdapter) Probe(ctx context.Context, t cluster.KeyServerTarget) error {
	return a.c.Probe(ctx, target(t))
}

func (a keyServerAdapter) CreateKey(ctx context.Context, t cluster.KeyServerTarget, keyID, purpose string) (string, error) {
	return a.c.CreateKey(ctx, target(t), keyID, purpose)
}

func (a keyServerAdapter) GetKey(ctx context.Context, t cluster.KeyServerTarget, uid, keyID string) ([]byte, error) {
	return a.c.GetKey(ctx, target(t), uid, keyID)
}

func (a keyServerAdapter) DecommissionKey(ctx context.Context, t cluster.KeyServerTarget, uid string) error {
	return a.c.DecommissionKey(ctx, target(t), uid)
}

// faultSource gives the embedded KMIP server the persisted kmip-server
// rules, firing only the kinds that belong to each stage (docs/kmip.md, fault
// injection).
type faultSource struct{ c *cluster.Cluster }

var _ kmip.FaultSource = faultSource{}

// stageOf says at which stage a rule of kind/phase acts.
func stageOf(r faults.Rule) string {
	switch r.Effect {
	case kmip.FaultBlackhole:
		return kmip.StageAccept
	case kmip.FaultDrop:
		if r.Params["phase"] == "request" {
			return kmip.StageRequest
		}
		return kmip.StageAccept
	case kmip.FaultTLS:
		return kmip.StageHandshake
	case kmip.FaultDelay:
		if r.Params["phase"] == "handshake" {
			return kmip.StageHandshake
		}
		return kmip.StageOperation
	case kmip.FaultError:
		return kmip.StageOperation
	}
	return "" // refuse acts on the listener
}

func (f faultSource) Fire(ctx context.Context, ev kmip.FaultEvent) (*kmip.Fault, error) {
	r, fired, err := f.c.FireRuleWhere(ctx, func(r faults.Rule) bool {
		if r.Target != faults.KMIPServer || stageOf(r) != ev.Stage {
			return false
		}
		if op := r.Params["operation"]; op != "" && ev.Stage == kmip.StageOperation && !equalFold(op, ev.Operation) {
			return false
		}
		if op := r.Match["operation"]; op != "" && !equalFold(op, ev.Operation) {
			return false
		}
		if uid := firstOf(r.Match["uid"], r.Params["uid"]); uid != "" && uid != ev.UID {
			return false
		}
		if kid := firstOf(r.Match["keyID"], r.Params["keyID"]); kid != "" {
			hit := false
			for _, k := range ev.KeyIDs {
				hit = hit || equalFold(k, kid)
			}
			if !hit {
				return false
			}
		}
		return true
	})
	if err != nil || !fired {
		return nil, err
	}
	ms, _ := strconv.Atoi(r.Params["ms"])
	return &kmip.Fault{Kind: r.Effect, Phase: r.Params["phase"], Mode: r.Params["mode"], Operation: firstOf(r.Params["operation"], r.Match["operation"]),
		Reason: r.Params["reason"], Message: r.Params["message"], Ms: ms}, nil
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func equalFold(a, b string) bool {
	return strings.EqualFold(a, b)
}

// control implements api.Control over the emulator.
type control struct{ e *Emulator }

var _ api.Control = control{}

func (c control) ClockNow() (time.Time, string) { return c.e.clock.Now(), string(c.e.clock.Mode()) }

func (c control) AdvanceClock(ctx context.Context, d time.Duration) (time.Time, error) {
	defer c.e.hub.Notify() // the cluster time moved, even if nothing was due
	return c.e.Advance(ctx, d)
}

// Reset rebuilds the default cluster, or restores the fixture's starting
// snapshot when one was set (snapshot.go).
func (c control) Reset(ctx context.Context, ca bool) error {
	defer c.e.hub.Notify()
	return c.e.reset(ctx)
}

func (c control) Restart(ctx context.Context, nodeIDs []int64) error {
	return c.e.cluster.PowerCycle(ctx, nodeIDs)
}

func (c control) KMIPAddr() string { return c.e.KMIPAddr() }

func (c control) KMIPCA() string { return c.e.ca.CertPEM() }

func (c control) SignCSR(ctx context.Context, csrPEM string, days int) (string, error) {
	return c.e.SignCSR(ctx, csrPEM, days)
}

func (c control) KMIPStats() any {
	if c.e.kmipSrv == nil {
		return map[string]any{}
	}
	return c.e.kmipSrv.Stats()
}

func (c control) KMIPObjects(ctx context.Context) (any, error) {
	if c.e.kmipSrv == nil {
		return []any{}, nil
	}
	return c.e.kmipSrv.Objects(ctx)
}

func (c control) KMIPCerts(ctx context.Context) (any, error) { return c.e.ca.IssuedCerts(ctx) }

func (c control) FaultRulesChanged(ctx context.Context) error { return c.e.applyListenerFaults(ctx) }

func (c control) Snapshot(ctx context.Context, name string) (api.SnapshotInfo, error) {
	defer c.e.hub.Notify() // the snapshot list changed
	return c.e.Snapshot(ctx, name)
}

func (c control) Restore(ctx context.Context, name string) error {
	defer c.e.hub.Notify()
	return c.e.Restore(ctx, name)
}

func (c control) Snapshots(ctx context.Context) ([]api.SnapshotInfo, error) {
	return c.e.Snapshots(ctx)
}
