package cloudkms

import (
	"sync"
	"time"
)

// Record is one request in a personality's request log. It has no field
// for a secret, a signature, a token, key material or a plaintext.
type Record struct {
	ID   int64     `json:"id"`
	Time time.Time `json:"time"` // real time
	// Action is the API action ("" when the request named none).
	Action string `json:"action"`
	// AccessKeyID (Alibaba) or SecretID (Tencent): who signed.
	AccessKeyID string `json:"accessKeyId,omitempty"`
	SecretID    string `json:"secretId,omitempty"`
	// Signature is the signing mode (TC3-HMAC-SHA256, HmacSHA256,
	// ACS3-HMAC-SHA256, ...), never the signature.
	Signature string `json:"signature,omitempty"`
	KeyID     string `json:"keyId,omitempty"`
	Status    int    `json:"status"`
	// Code is the error code, "" on success.
	Code string `json:"code,omitempty"`
	// Fault is the effect of a lab fault rule that fired, if any.
	Fault string `json:"fault,omitempty"`
}

// RequestLog keeps the newest Max records in memory, in a ring; safe for
// concurrent use. The ring grows with the records up to its maximum, so an
// idle personality (a lab of 30 clusters has two per cluster) holds no
// records' worth of memory.
type RequestLog struct {
	mu    sync.Mutex
	next  int64
	max   int
	ring  []Record // grows by append up to max, then wraps
	start int      // index of the oldest record once the ring is full
}

// NewRequestLog keeps the newest max records (≤ 0: 1000).
func NewRequestLog(max int) *RequestLog {
	if max <= 0 {
		max = 1000
	}
	return &RequestLog{max: max}
}

// Add stores r with the next ID and time now (UTC), and returns the ID.
func (l *RequestLog) Add(now time.Time, r Record) int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.next++
	r.ID, r.Time = l.next, now.UTC()
	if len(l.ring) < l.max {
		l.ring = append(l.ring, r)
	} else {
		l.ring[l.start] = r
		l.start = (l.start + 1) % len(l.ring)
	}
	return r.ID
}

// Since returns the records with an ID above since, oldest first (never
// nil).
func (l *RequestLog) Since(since int64) []Record {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := []Record{}
	for i := range l.ring {
		if r := l.ring[(l.start+i)%len(l.ring)]; r.ID > since {
			out = append(out, r)
		}
	}
	return out
}

// Clear empties the log and gives its memory back; IDs keep growing, so a
// poller's since stays valid.
func (l *RequestLog) Clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ring, l.start = nil, 0
}
