package alikms

import (
	"sync"
	"time"
)

// record is one request as the request log keeps it: never a signature,
// a secret, material or a plaintext.
type record struct {
	ID          int64     `json:"id"`
	Time        time.Time `json:"time"`
	Action      string    `json:"action"`
	AccessKeyID string    `json:"accessKeyId,omitempty"`
	Signature   string    `json:"signature,omitempty"` // the scheme
	KeyID       string    `json:"keyId,omitempty"`
	Status      int       `json:"status"`
	Code        string    `json:"code,omitempty"`
}

// Record is a request-log entry as the lab control returns it.
type Record = record

// requestLog keeps the newest requests in memory.
type requestLog struct {
	mu   sync.Mutex
	max  int
	next int64
	list []record
}

func (l *requestLog) add(now time.Time, r record) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.next++
	r.ID, r.Time = l.next, now.UTC()
	// Trimmed in bulk when twice the size: amortised O(1) per request.
	if len(l.list) >= 2*l.max {
		n := copy(l.list, l.list[len(l.list)-l.max+1:])
		clear(l.list[n:])
		l.list = l.list[:n]
	}
	l.list = append(l.list, r)
}

// kept is the newest max records.
func (l *requestLog) kept() []record {
	if len(l.list) > l.max {
		return l.list[len(l.list)-l.max:]
	}
	return l.list
}

func (l *requestLog) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = nil
}

// Requests returns the logged requests with an id above since, oldest
// first.
func (s *Service) Requests(since int64) []Record {
	s.reqs.mu.Lock()
	defer s.reqs.mu.Unlock()
	out := []Record{}
	for _, r := range s.reqs.kept() {
		if r.ID > since {
			out = append(out, r)
		}
	}
	return out
}
