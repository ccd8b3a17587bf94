package cluster

import (
	"sort"
	"sync"
	"time"

	"github.com/element-emulator/element-emulator/faults"
)

// watch keeps what an observer (the dashboard) wants to see but the state
// does not hold: how often each fault rule fired and the last result of
// each key server contact. It lives in memory only, since the process
// start or the last Reset, and calls changed after every committed write,
// rule firing and contact, so an observer can refresh without polling.
type watch struct {
	changed func()

	mu       sync.Mutex
	fired    map[int64]*RuleFiring
	contacts map[int64]Contact
}

// RuleFiring says how often a fault rule fired and when last (emulator
// time). Rule is the rule as it was at its last firing, so a rule whose
// uses ran out (and was deleted) still shows.
type RuleFiring struct {
	Rule  faults.Rule
	Count int
	Last  time.Time
}

// Contact is the result of the cluster's last contact with a key server.
type Contact struct {
	KeyServerID int64
	Operation   string // Probe, Create, Get, Destroy
	At          time.Time
	// Err is the failure's text ("" on success); it names the server and
	// the failure class, never key material or credentials.
	Err string
}

func newWatch(changed func()) *watch {
	if changed == nil {
		changed = func() {}
	}
	return &watch{changed: changed, fired: map[int64]*RuleFiring{}, contacts: map[int64]Contact{}}
}

func (w *watch) ruleFired(r faults.Rule, at time.Time) {
	w.mu.Lock()
	f := w.fired[r.ID]
	if f == nil {
		f = &RuleFiring{}
		w.fired[r.ID] = f
	}
	f.Rule, f.Last = r, at
	f.Count++
	w.mu.Unlock()
	w.changed()
}

func (w *watch) contacted(c Contact) {
	w.mu.Lock()
	w.contacts[c.KeyServerID] = c
	w.mu.Unlock()
	w.changed()
}

func (w *watch) forget(ruleID int64) {
	w.mu.Lock()
	delete(w.fired, ruleID)
	w.mu.Unlock()
}

func (w *watch) reset() {
	w.mu.Lock()
	w.fired = map[int64]*RuleFiring{}
	w.contacts = map[int64]Contact{}
	w.mu.Unlock()
}

// RuleFirings lists the fault rules that fired since the process start or
// the last Reset, by rule ID.
func (c *Cluster) RuleFirings() []RuleFiring {
	c.watch.mu.Lock()
	defer c.watch.mu.Unlock()
	out := make([]RuleFiring, 0, len(c.watch.fired))
	for _, f := range c.watch.fired {
		g := *f
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Rule.ID < out[j].Rule.ID })
	return out
}

// LastContacts returns the last contact result of each key server the
// cluster talked to since the process start or the last Reset.
func (c *Cluster) LastContacts() map[int64]Contact {
	c.watch.mu.Lock()
	defer c.watch.mu.Unlock()
	out := make(map[int64]Contact, len(c.watch.contacts))
	for k, v := range c.watch.contacts {
		out[k] = v
	}
	return out
}
