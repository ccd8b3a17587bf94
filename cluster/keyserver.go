package cluster

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/faults"
)

// KeyServerTarget says how the cluster reaches one key server.
type KeyServerTarget struct {
	KeyServerID   int64
	Hostnames     []string
	Port          int
	CAPEM         string
	ClientCertPEM string
	ClientKeyPEM  Secret
	// Now is the emulator time used for certificate validity.
	Now time.Time
}

// KeyServer is the cluster's KMIP client. Every error it returns should carry
// a FailureClass() of ClassConnection, ClassAuthentication or ClassServer
// (docs/kmip.md, failure classes); unclassified errors count as server errors.
type KeyServer interface {
	// Probe connects and runs Discover Versions and Query.
	Probe(ctx context.Context, t KeyServerTarget) error
	// CreateKey creates and activates an AES-256 key tagged with keyID and
	// returns its KMIP unique identifier.
	CreateKey(ctx context.Context, t KeyServerTarget, keyID, purpose string) (uid string, err error)
	// GetKey reads a key back by UID (or by its keyID tag).
	GetKey(ctx context.Context, t KeyServerTarget, uid, keyID string) ([]byte, error)
	// DecommissionKey revokes and destroys a key.
	DecommissionKey(ctx context.Context, t KeyServerTarget, uid string) error
}

// kmipFailure is an error the cluster makes itself (fault rules, local checks).
type kmipFailure struct{ class, msg string }

func (e *kmipFailure) Error() string        { return kmipErrPrefix[e.class] + e.msg }
func (e *kmipFailure) FailureClass() string { return e.class }

// contact runs one key-server operation for server ks, applying any
// kmip-client fault rule first (docs/kmip.md, client-side faults; (r)). No
// transaction is held.
func (c *Cluster) contact(ctx context.Context, t KeyServerTarget, op string, fn func() error) (err error) {
	if len(t.Hostnames) == 0 {
		return &kmipFailure{ClassConnection, "no hostnames"}
	}
	var rule faults.Rule
	var fired bool
	rule, fired, err = c.fireRule(ctx, faults.Event{Target: faults.KMIPClient, Attrs: map[string]string{
		"keyServerID": strconv.FormatInt(t.KeyServerID, 10), "operation": op,
	}})
	if err != nil {
		return err
	}
	defer func() {
		// The result as the cluster saw it, for the dashboard.
		c.watch.contacted(Contact{KeyServerID: t.KeyServerID, Operation: op, At: c.now(), Err: errText(err)})
	}()
	if fired {
		addr := hostPort(t.Hostnames[0], t.Port)
		switch rule.Effect {
		case "unreachable":
			return &kmipFailure{ClassConnection, fmt.Sprintf("%s: connection refused (fault rule %d)", addr, rule.ID)}
		case "tls-fail":
			return &kmipFailure{ClassAuthentication, fmt.Sprintf("%s: remote error: tls: bad certificate (fault rule %d)", addr, rule.ID)}
		case "error":
			reason := rule.Params["reason"]
			if reason == "" {
				reason = "GeneralFailure"
			}
			msg := rule.Params["message"]
			if msg == "" {
				msg = "injected by fault rule " + strconv.FormatInt(rule.ID, 10)
			}
			return &kmipFailure{ClassServer, fmt.Sprintf("%s: %s: %s: %s", addr, op, reason, msg)}
		case "delay":
			ms, _ := strconv.Atoi(rule.Params["ms"])
			if err := outsideGate(ctx, func() error {
				timer := time.NewTimer(time.Duration(ms) * time.Millisecond)
				defer timer.Stop()
				select {
				case <-ctx.Done():
					return &kmipFailure{ClassConnection, addr + ": " + ctx.Err().Error()}
				case <-timer.C:
					return nil
				}
			}); err != nil {
				return err
			}
		}
	}
	return outsideGate(ctx, fn)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func hostPort(host string, port int) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:" + strconv.Itoa(port)
	}
	return host + ":" + strconv.Itoa(port)
}

// fireRule finds the first rule matching ev and consumes one use of it.
func (c *Cluster) fireRule(ctx context.Context, ev faults.Event) (faults.Rule, bool, error) {
	return c.FireRuleWhere(ctx, func(r faults.Rule) bool { return r.Matches(ev) })
}

// FireRuleWhere finds the lowest-ID rule for which pred holds and consumes
// one use of it (a rule whose uses run out is deleted), in one transaction.
func (c *Cluster) FireRuleWhere(ctx context.Context, pred func(faults.Rule) bool) (faults.Rule, bool, error) {
	// Most calls meet no rule: look first at the cached rules, without
	// taking the write lock.
	rules, err := c.cachedRules(ctx)
	if err != nil {
		return faults.Rule{}, false, err
	}
	any := false
	for _, r := range rules {
		any = any || pred(r)
	}
	if !any {
		return faults.Rule{}, false, nil
	}
	var rule faults.Rule
	var fired bool
	err = c.store.Update(ctx, func(tx Tx) error {
		rules, err := tx.FaultRules(ctx)
		if err != nil {
			return err
		}
		for _, r := range rules {
			if !pred(r) {
				continue
			}
			rule, fired = r, true
			next, gone := faults.Consume(r)
			if gone {
				return tx.DeleteFaultRule(ctx, r.ID)
			}
			if next.Times != r.Times {
				return tx.PutFaultRule(ctx, next)
			}
			return nil
		}
		return nil
	})
	if err == nil && fired {
		c.watch.ruleFired(rule, c.now())
	}
	return rule, fired, err
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// cachedRules returns the fault rules, read again only after a write.
func (c *Cluster) cachedRules(ctx context.Context) ([]faults.Rule, error) {
	gen := c.gens.rules.Load()
	if rc := c.rules.Load(); rc != nil && rc.gen == gen {
		return rc.rules, nil
	}
	var rules []faults.Rule
	if err := c.store.View(ctx, func(tx Tx) error {
		var err error
		rules, err = tx.FaultRules(ctx)
		return err
	}); err != nil {
		return nil, err
	}
	c.rules.Store(&rulesCache{gen: gen, rules: rules})
	return rules, nil
}

// target builds the connection parameters of key server ks. A missing key
// pair is an authentication failure found locally.
func (c *Cluster) target(ctx context.Context, tx Tx, ks KMIPServer, now time.Time) (KeyServerTarget, error) {
	t := KeyServerTarget{
		KeyServerID: ks.ID, Hostnames: ks.Hostnames, Port: ks.Port, CAPEM: ks.CAPEM,
		ClientCertPEM: ks.ClientCertPEM, Now: now,
	}
	kp, err := tx.KeyPair(ctx)
	switch {
	case errors.Is(err, ErrNotFound):
		return t, nil // the KMIP client reports the missing key as an authentication failure
	case err != nil:
		return t, err
	}
	t.ClientKeyPEM = kp.PrivateKey
	return t, nil
}

// keyTarget returns how to reach the server that holds external key k; ok
// is false when that server no longer exists.
func (c *Cluster) keyTarget(ctx context.Context, tx Tx, k Key, at time.Time) (t KeyServerTarget, ok bool, err error) {
	ks, err := tx.KeyServer(ctx, k.ServerID)
	if errors.Is(err, ErrNotFound) {
		return t, false, nil
	}
	if err != nil {
		return t, false, err
	}
	t, err = c.target(ctx, tx, ks, at)
	return t, err == nil, err
}

// decommission revokes and destroys external key k on its server (reached
// through t; ok false: the server is gone) and returns the Element error
// of a failure, or nil.
func (c *Cluster) decommission(ctx context.Context, k Key, t KeyServerTarget, ok bool) *Error {
	if !ok {
		return &Error{Name: NameKmipServerError, Message: fmt.Sprintf("Server error: key server %d of key %s no longer exists", k.ServerID, k.KeyID)}
	}
	if err := c.contact(ctx, t, "Destroy", func() error { return c.keys.DecommissionKey(ctx, t, k.UID) }); err != nil {
		return kmipError(err)
	}
	return nil
}

// ErrNoClientKey is what a KeyServer should report when the target has no
// client key: the cluster has no key pair yet.
var ErrNoClientKey = &kmipFailure{ClassAuthentication, "the cluster has no public/private key pair; call CreatePublicPrivateKeyPair"}

// probe tests one server end to end, outside any transaction.
func (c *Cluster) probe(ctx context.Context, t KeyServerTarget) error {
	if len(t.ClientKeyPEM) == 0 {
		return ErrNoClientKey
	}
	return c.contact(ctx, t, "Probe", func() error { return c.keys.Probe(ctx, t) })
}
