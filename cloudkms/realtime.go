package cloudkms

import (
	"sync"
	"time"
)

// Window checks request timestamps against real time.
type Window struct {
	// Wall is the real clock (time.Now in production; never the emulator
	// clock, which a lab may move by days).
	Wall func() time.Time
	// Skew is how far a timestamp may be from Wall(), either way.
	Skew time.Duration
}

// Check reports whether t is within Skew of now.
func (w Window) Check(t time.Time) bool {
	d := w.Wall().Sub(t)
	return d <= w.Skew && d >= -w.Skew
}

// NonceCache remembers nonces for TTL of real time, at most Max of them;
// safe for concurrent use.
type NonceCache struct {
	wall func() time.Time
	ttl  time.Duration
	max  int

	mu    sync.Mutex
	seen  map[string]time.Time // scope "\x00" nonce → expiry
	order []nonceEntry         // insertion order, oldest first
}

type nonceEntry struct {
	key string
	exp time.Time
}

// NewNonceCache makes a cache on the wall clock; max ≤ 0 means 100000.
func NewNonceCache(wall func() time.Time, ttl time.Duration, max int) *NonceCache {
	if max <= 0 {
		max = 100000
	}
	return &NonceCache{wall: wall, ttl: ttl, max: max, seen: map[string]time.Time{}}
}

// Use records nonce within scope (e.g. the access key ID) and reports
// whether it is fresh: false when the same scope used it within the TTL.
func (c *NonceCache) Use(scope, nonce string) bool {
	now := c.wall()
	key := scope + "\x00" + nonce
	c.mu.Lock()
	defer c.mu.Unlock()
	// Expire from the front; entries are in insertion order, and all share
	// one TTL, so the front expires first.
	i := 0
	for ; i < len(c.order) && !now.Before(c.order[i].exp); i++ {
		if c.seen[c.order[i].key] == c.order[i].exp {
			delete(c.seen, c.order[i].key)
		}
	}
	c.order = c.order[i:]
	if exp, ok := c.seen[key]; ok && now.Before(exp) {
		return false
	}
	for len(c.order) >= c.max {
		old := c.order[0]
		c.order = c.order[1:]
		if c.seen[old.key] == old.exp {
			delete(c.seen, old.key)
		}
	}
	exp := now.Add(c.ttl)
	c.seen[key] = exp
	c.order = append(c.order, nonceEntry{key, exp})
	return true
}

// Len is the number of nonces remembered.
func (c *NonceCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.seen)
}

// Clear forgets every nonce.
func (c *NonceCache) Clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen, c.order = map[string]time.Time{}, nil
}
