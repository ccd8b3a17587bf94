package kacls

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// migrationTTL is the lifetime of the migration JWT a KACLS sends with
// privilegedunwrap (KA10).
const migrationTTL = 60 * time.Minute

// POST rewrap: the migration of the seed. The migration service's token
// (role migrator) names this instance; original_kacls_url must be this
// instance or a peer, else 403 with no outbound connection. A peer is
// asked for the key with privilegedunwrap and a migration JWT signed by
// this instance; the key is wrapped again under this instance's key,
// binding the token's resource_name and perimeter_id (KA10).
func (s *Service) rewrapEP(ctx context.Context, in *instance, body []byte, rec *record) (any, error) {
	r, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	if err := r.reason(rec, true); err != nil {
		return nil, err
	}
	blob, err := r.bytes("wrapped_key", true, 1, maxWrappedKey)
	if err != nil {
		return nil, err
	}
	orig, err := r.str("original_kacls_url", true, 2048)
	if err != nil {
		return nil, err
	}
	if err := checkPeerURL(orig); err != nil {
		return nil, errBadRequest("original_kacls_url %q: %v", orig, err)
	}
	rec.Peer = orig
	az, err := s.serviceToken(ctx, in, r, rec, "migrator")
	if err != nil {
		return nil, err
	}
	peer := NormalizeURL(orig)
	var dek []byte
	if peer == in.url {
		p, err := s.unwrapKey(ctx, in, blob)
		if err != nil {
			return nil, err
		}
		if p.ResourceName != az.ResourceName {
			return nil, errPermission("the key was wrapped for resource %q, the authorization token is for %q", p.ResourceName, az.ResourceName)
		}
		dek = p.DEK
	} else {
		if !s.isPeer(peer) {
			return nil, errPermission("original_kacls_url %q is not a configured peer (--kacls-peer); no request was sent", orig)
		}
		reason, _ := r.str("reason", false, maxReason)
		if dek, err = s.callPeer(ctx, in, peer, blob, az.ResourceName, reason); err != nil {
			return nil, err
		}
	}
	out, err := s.wrapKey(ctx, in, keyPayload{DEK: dek, ResourceName: az.ResourceName, PerimeterID: az.PerimeterID})
	if err != nil {
		return nil, err
	}
	return map[string]string{"wrapped_key": b64(out), "resource_key_hash": ResourceKeyHash(dek, az.ResourceName, az.PerimeterID)}, nil
}

// callPeer is the outbound privilegedunwrap. It holds no transaction:
// everything it read is read and committed before it dials.
func (s *Service) callPeer(ctx context.Context, in *instance, peer string, blob []byte, resourceName, reason string) ([]byte, error) {
	if f := s.fault(ctx, FaultEvent{Target: TargetPeer, Instance: in.name, Endpoint: "privilegedunwrap", Peer: peer}); f != nil {
		switch f.Effect {
		case EffectUnreachable:
			return nil, errUpstream("privilegedunwrap at %s: unreachable (fault rule)", peer)
		case EffectDelay:
			s.sleep(ctx, f.Ms)
		case EffectError:
			status := f.Status
			if status == 0 {
				status = http.StatusServiceUnavailable
			}
			return nil, errUpstream("privilegedunwrap at %s answered HTTP %d (fault rule): %s", peer, status, firstNonEmpty(f.Message, "unavailable"))
		}
	}
	now := s.cfg.Now()
	jwt, err := s.signWith(ctx, ownerOf(in.name), map[string]any{"iss": in.url, "aud": AudMigration, "kacls_url": peer,
		"resource_name": resourceName, "iat": now.Unix(), "exp": now.Add(migrationTTL).Unix()})
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(map[string]string{"authentication": jwt, "wrapped_key": b64(blob), "reason": reason, "resource_name": resourceName})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.PeerTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, peer+"/privilegedunwrap", bytes.NewReader(body))
	if err != nil {
		return nil, errUpstream("privilegedunwrap at %s: %v", peer, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client().Do(req)
	if err != nil {
		return nil, errUpstream("privilegedunwrap at %s: %v", peer, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, errUpstream("privilegedunwrap at %s: reading the answer: %v", peer, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
			Details string `json:"details"`
		}
		_ = json.Unmarshal(raw, &e)
		return nil, errUpstream("privilegedunwrap at %s answered HTTP %d: %s", peer, resp.StatusCode, firstNonEmpty(joinNonEmpty(e.Message, e.Details), http.StatusText(resp.StatusCode)))
	}
	var ok struct {
		Key string `json:"key"`
	}
	if err := json.Unmarshal(raw, &ok); err != nil {
		return nil, errUpstream("privilegedunwrap at %s: the answer is not JSON with a key", peer)
	}
	dek, err := base64.StdEncoding.DecodeString(ok.Key)
	if err != nil || len(dek) == 0 || len(dek) > maxKeyLen {
		return nil, errUpstream("privilegedunwrap at %s: the answer's key is not 1 to %d bytes of base64", peer, maxKeyLen)
	}
	return dek, nil
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return fmt.Sprintf("%s: %s", a, b)
}
