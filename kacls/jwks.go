package kacls

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// jwksCacheTTL is how long a fetched JWKS is kept, in real time (KA8).
const jwksCacheTTL = 5 * time.Minute

// ParseJWKS reads a JWKS document (RFC 7517), keeping the public keys.
func ParseJWKS(b []byte) ([]jose.JSONWebKey, error) {
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(b, &set); err != nil {
		return nil, fmt.Errorf("JWKS: %w", err)
	}
	out := make([]jose.JSONWebKey, 0, len(set.Keys))
	for _, k := range set.Keys {
		if !k.Valid() {
			continue
		}
		if !k.IsPublic() {
			k = k.Public()
		}
		out = append(out, k)
	}
	return out, nil
}

// remoteJWKS is a JWKS fetched over HTTPS and cached for jwksCacheTTL.
type remoteJWKS struct {
	mu      sync.Mutex
	keys    []jose.JSONWebKey
	fetched time.Time
}

// jwksCache holds the remote key sets by URL.
type jwksCache struct {
	mu   sync.Mutex
	sets map[string]*remoteJWKS
}

// keys returns the keys at url, fetching them when the cache is older
// than the TTL or when refresh is set (a kid was not found).
func (s *Service) remoteKeys(ctx context.Context, url string, refresh bool) ([]jose.JSONWebKey, error) {
	s.jwks.mu.Lock()
	if s.jwks.sets == nil {
		s.jwks.sets = map[string]*remoteJWKS{}
	}
	r := s.jwks.sets[url]
	if r == nil {
		r = &remoteJWKS{}
		s.jwks.sets[url] = r
	}
	s.jwks.mu.Unlock()

	r.mu.Lock()
	defer r.mu.Unlock()
	wall := s.cfg.Wall()
	if !refresh && r.keys != nil && wall.Sub(r.fetched) < jwksCacheTTL {
		return r.keys, nil
	}
	keys, err := s.fetchJWKS(ctx, url)
	if err != nil {
		if r.keys != nil && !refresh {
			return r.keys, nil // keep serving the last good set
		}
		return nil, err
	}
	r.keys, r.fetched = keys, wall
	return keys, nil
}

func (s *Service) fetchJWKS(ctx context.Context, url string) ([]jose.JSONWebKey, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.PeerTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.client().Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: HTTP %d", url, resp.StatusCode)
	}
	return ParseJWKS(b)
}

// forget drops the cached key sets (reset, restore).
func (c *jwksCache) forget() {
	c.mu.Lock()
	c.sets = nil
	c.mu.Unlock()
}
