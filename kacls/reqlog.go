package kacls

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// record is one request as the request log keeps it: who asked what, for
// which resource and why, and the outcome. Never a token, a key or a
// wrapped blob (KA12).
type record struct {
	ID           int64     `json:"id"`
	Time         time.Time `json:"time"`
	Instance     string    `json:"instance"`
	Endpoint     string    `json:"endpoint"`
	Status       int       `json:"status"`
	Result       string    `json:"result"`
	Iss          string    `json:"iss,omitempty"`
	Aud          []string  `json:"aud,omitempty"`
	Kid          string    `json:"kid,omitempty"`
	Email        string    `json:"email,omitempty"`
	Role         string    `json:"role,omitempty"`
	ResourceName string    `json:"resource_name,omitempty"`
	KaclsURL     string    `json:"kacls_url,omitempty"`
	DelegatedTo  string    `json:"delegated_to,omitempty"`
	AuthnIss     string    `json:"authn_iss,omitempty"`
	Peer         string    `json:"peer,omitempty"`
	Reason       string    `json:"reason,omitempty"`
}

// Record is a request-log entry as the lab control returns it.
type Record = record

// noteTokens fills the token fields: the authorization token's issuer,
// role and resource, and the authentication token's user (KA12).
func (r *record) noteTokens(authn, authz *token) {
	main := authz
	if main == nil {
		main = authn
	}
	if main == nil {
		return
	}
	r.Iss, r.Aud, r.Kid = main.Iss, main.Aud, main.Kid
	r.Role, r.ResourceName, r.KaclsURL, r.DelegatedTo = main.Role, main.ResourceName, main.KaclsURL, main.DelegatedTo
	r.Email = main.userEmail()
	if authn != nil && authz != nil {
		r.Email, r.AuthnIss = authn.userEmail(), authn.Iss
		if r.DelegatedTo == "" {
			r.DelegatedTo = authn.DelegatedTo
		}
	}
	if r.ResourceName == "" && authn != nil {
		r.ResourceName = authn.ResourceName
	}
}

// sanitizeReason escapes what is not printable (the reason is opaque
// JSON-ish text from the caller) so that a log line stays one line.
func sanitizeReason(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) < 0 {
		return s
	}
	q := strconv.QuoteToGraphic(s)
	return q[1 : len(q)-1]
}

// requestLog keeps the newest requests in memory.
type requestLog struct {
	mu     sync.Mutex
	max    int
	next   int64
	list   []record
	logged func() // Config.Logged, may be nil
}

func (l *requestLog) add(now time.Time, r record) int64 {
	l.mu.Lock()
	l.next++
	r.ID, r.Time = l.next, now.UTC()
	l.list = append(l.list, r)
	// Trim in bulk, once the log holds twice its size, so that a full log
	// does not copy all its records on every request.
	if len(l.list) >= 2*l.max {
		l.list = append(l.list[:0:0], l.list[len(l.list)-l.max:]...)
	}
	l.mu.Unlock()
	if l.logged != nil {
		l.logged()
	}
	return r.ID
}

func (l *requestLog) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = nil
}

// Requests returns the logged requests of one instance ("" = all) with an
// id above since, oldest first.
func (s *Service) Requests(instance string, since int64) ([]Record, error) {
	if instance != "" {
		if _, err := s.instanceNamed(instance); err != nil {
			return nil, err
		}
	}
	s.reqs.mu.Lock()
	defer s.reqs.mu.Unlock()
	out := []Record{}
	list := s.reqs.list
	if len(list) > s.reqs.max {
		list = list[len(list)-s.reqs.max:] // the newest max (add trims in bulk)
	}
	for _, r := range list {
		if r.ID > since && (instance == "" || r.Instance == instance) {
			out = append(out, r)
		}
	}
	return out, nil
}

// ClearRequests empties the request log (a reset that restores a
// fixture's snapshot).
func (s *Service) ClearRequests() { s.reqs.clear() }
