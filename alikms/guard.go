package alikms

import (
	"sync"
	"time"

	"github.com/element-emulator/element-emulator/cloudkms"
)

// Default credentials (docs/alibaba-kms.md, credentials).
const (
	DefaultAccessKeyID     = "LTAIEMULATOR0000000000"
	DefaultAccessKeySecret = "emulator-alibaba-secret"
)

// window is how far a request's date may be from real time, and how long a
// nonce is remembered.
const window = 15 * time.Minute

// DefaultCredential is the pair every Alibaba KMS accepts unless
// configured otherwise.
func DefaultCredential() cloudkms.Credential {
	return cloudkms.Credential{ID: DefaultAccessKeyID, Secret: DefaultAccessKeySecret}
}

// dueCache remembers the earliest date at which some key is due for
// deletion or rotation, so that requests before it skip the store. It is
// noted before the store is written, so it is never later than the truth.
type dueCache struct {
	mu    sync.Mutex
	known bool
	at    time.Time // zero: nothing due
	gen   uint64    // bumped by note and forget
}

func (d *dueCache) mayBeDue(now time.Time) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return !d.known || (!d.at.IsZero() && !now.Before(d.at))
}

// generation is taken before reading the store; set applies only if no
// note or forget came in between.
func (d *dueCache) generation() uint64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.gen
}

func (d *dueCache) set(t time.Time, gen uint64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if gen == d.gen {
		d.known, d.at = true, t
	}
}

func (d *dueCache) note(t time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gen++
	if d.known && (d.at.IsZero() || t.Before(d.at)) {
		d.at = t
	}
}

// forget makes the next request ask the store (reset, restore).
func (d *dueCache) forget() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gen++
	d.known = false
}
