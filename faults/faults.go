// Package faults holds the lab's deterministic fault-injection rules: a
// rule names a target (where it acts), a match (which events it applies to),
// an effect, and how many times it fires. There is no randomness: a rule
// fires on the first Times matching events (0 = until deleted).
//
// faults decides; the cluster and the KMIP server apply the decision. Keep
// these knobs apart from Element's cluster faults (ListClusterFaults
// records), which the simulation raises. Standard library only.
package faults

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Target is where a rule acts.
type Target string

const (
	KMIPClient    Target = "kmip-client"    // the cluster's client boundary, per keyServerID
	KMIPServer    Target = "kmip-server"    // the embedded key server's wire
	ElementMethod Target = "element-method" // an Element API method fails
	Job           Target = "job"            // an async job fails
	DriveSecurity Target = "drive-security" // drive security enable/disable fails
	KACLS         Target = "kacls"          // a request to a KACLS instance (match instance, endpoint)
	KACLSPeer     Target = "kacls-peer"     // a KACLS instance's outbound privilegedunwrap (match instance, peer)

	// Cloud KMS personalities (package cloudkms): match action.
	TencentKMS Target = "tckms"  // a request to the Tencent Cloud KMS emulator
	AlibabaKMS Target = "alikms" // a request to the Alibaba Cloud KMS emulator
)

// effects lists the effects each target understands.
var effects = map[Target][]string{
	KMIPClient:    {"unreachable", "tls-fail", "error", "delay"},
	KMIPServer:    {"refuse", "blackhole", "drop", "delay", "tls", "error"},
	ElementMethod: {"error"},
	Job:           {"error"},
	DriveSecurity: {"fail"},
	KACLS:         {"error", "http-status", "delay", "drop"},
	KACLSPeer:     {"unreachable", "delay", "error"},
	TencentKMS:    {"error", "http-status", "delay", "drop"},
	AlibabaKMS:    {"error", "http-status", "delay", "drop"},
}

// ErrInvalid wraps every rule validation failure.
var ErrInvalid = errors.New("invalid fault rule")

// Rule is one fault-injection rule.
type Rule struct {
	ID     int64
	Target Target
	// Match holds the attributes an event must carry (all must be equal,
	// compared as strings; a list value matches if any element is equal).
	Match map[string]string
	// Effect is what happens (for kmip-server rules also called "kind").
	Effect string
	// Params are the effect's parameters (reason, ms, mode, phase, name,
	// message, operation...), as strings.
	Params map[string]string
	// Times is how many more times the rule fires; 0 means until deleted.
	Times int
}

// Validate checks a rule's target, effect and parameters.
func (r Rule) Validate() error {
	known, ok := effects[r.Target]
	if !ok {
		return fmt.Errorf("%w: unknown target %q (one of %s)", ErrInvalid, r.Target, strings.Join(Targets(), ", "))
	}
	found := false
	for _, e := range known {
		if e == r.Effect {
			found = true
		}
	}
	if !found {
		return fmt.Errorf("%w: target %s has no effect %q (one of %s)", ErrInvalid, r.Target, r.Effect, strings.Join(known, ", "))
	}
	if r.Times < 0 {
		return fmt.Errorf("%w: times must be >= 0", ErrInvalid)
	}
	if ms, ok := r.Params["ms"]; ok {
		n, err := strconv.Atoi(ms)
		if err != nil || n < 0 || n > 120000 {
			return fmt.Errorf("%w: ms must be an integer from 0 to 120000", ErrInvalid)
		}
	}
	switch {
	case r.Target == ElementMethod && r.Effect == "error":
		if r.Match["method"] == "" || r.Params["name"] == "" {
			return fmt.Errorf("%w: element-method rules need match.method and name", ErrInvalid)
		}
	case r.Target == Job && r.Effect == "error":
		if r.Params["name"] == "" {
			return fmt.Errorf("%w: job rules need name", ErrInvalid)
		}
	case r.Target == KACLS || r.Target == KACLSPeer:
		for _, k := range []string{"status", "code"} {
			if v, ok := r.Params[k]; ok {
				n, err := strconv.Atoi(v)
				if err != nil || n < 100 || n > 599 {
					return fmt.Errorf("%w: %s must be an HTTP status from 100 to 599", ErrInvalid, k)
				}
			}
		}
		for k := range r.Match {
			switch k {
			case "instance", "endpoint", "peer":
			default:
				return fmt.Errorf("%w: %s rules match instance, endpoint or peer, not %q", ErrInvalid, r.Target, k)
			}
		}
	case r.Target == TencentKMS || r.Target == AlibabaKMS:
		if v, ok := r.Params["status"]; ok {
			n, err := strconv.Atoi(v)
			if err != nil || n < 100 || n > 599 {
				return fmt.Errorf("%w: status must be an HTTP status from 100 to 599", ErrInvalid)
			}
		}
		if r.Effect == "http-status" && r.Params["status"] == "" {
			return fmt.Errorf("%w: http-status rules need status", ErrInvalid)
		}
		if c := r.Params["code"]; len(c) > 128 {
			return fmt.Errorf("%w: code is longer than 128 characters", ErrInvalid)
		}
		for k := range r.Match {
			if k != "action" {
				return fmt.Errorf("%w: %s rules match action, not %q", ErrInvalid, r.Target, k)
			}
		}
	case r.Target == KMIPServer && r.Effect == "tls":
		switch r.Params["mode"] {
		case "reject-client", "unknown-ca", "expired", "wrong-host", "old-protocol":
		default:
			return fmt.Errorf("%w: tls rules need mode reject-client, unknown-ca, expired, wrong-host or old-protocol", ErrInvalid)
		}
	}
	return nil
}

// Targets lists the known targets, sorted.
func Targets() []string {
	out := make([]string, 0, len(effects))
	for t := range effects {
		out = append(out, string(t))
	}
	sort.Strings(out)
	return out
}

// Event is something a rule may apply to: a target and its attributes.
type Event struct {
	Target Target
	Attrs  map[string]string
}

// Matches reports whether r applies to ev: same target, and every match
// attribute present in the event with an equal value (case-insensitive for
// names such as methods and operations). An event attribute holding a
// comma-separated list matches if any element is equal.
func (r Rule) Matches(ev Event) bool {
	if r.Target != ev.Target {
		return false
	}
	for k, want := range r.Match {
		got, ok := ev.Attrs[k]
		if !ok {
			return false
		}
		if !anyEqual(got, want) {
			return false
		}
	}
	return true
}

func anyEqual(got, want string) bool {
	if strings.EqualFold(got, want) {
		return true
	}
	if !strings.Contains(got, ",") {
		return false
	}
	for _, g := range strings.Split(got, ",") {
		if strings.EqualFold(strings.TrimSpace(g), want) {
			return true
		}
	}
	return false
}

// First returns the first rule (lowest ID) matching ev.
func First(rules []Rule, ev Event) (Rule, bool) {
	best := -1
	for i, r := range rules {
		if r.Matches(ev) && (best < 0 || r.ID < rules[best].ID) {
			best = i
		}
	}
	if best < 0 {
		return Rule{}, false
	}
	return rules[best], true
}

// Consume records one firing: it returns the rule as it should be stored
// and whether it is used up (and must be deleted).
func Consume(r Rule) (Rule, bool) {
	if r.Times == 0 {
		return r, false
	}
	r.Times--
	return r, r.Times == 0
}
