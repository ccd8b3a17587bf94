package kmip

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"slices"
	"time"
)

func (s *Server) sans() []string {
	return append([]string{"127.0.0.1", "::1", "localhost"}, s.cfg.SANs...)
}

// currentCertLocked returns the leaf, re-issuing it when it does not cover
// real and emulator time with at least 30 days left (KD2).
func (s *Server) currentCertLocked() (*tls.Certificate, error) {
	now := s.cfg.Now()
	if c := s.cert; c != nil {
		wall := time.Now()
		ok := true
		for _, t := range []time.Time{now, wall} {
			if t.Before(c.Leaf.NotBefore) || c.Leaf.NotAfter.Sub(t) < 30*24*time.Hour {
				ok = false
			}
		}
		if ok {
			return c, nil
		}
	}
	issue := s.cfg.CA.IssueServerCert
	if s.cfg.ServerKey == "rsa" {
		issue = s.cfg.CA.IssueServerCertRSA
	}
	c, err := issue(s.sans(), now)
	if err != nil {
		return nil, fmt.Errorf("kmip server certificate: %w", err)
	}
	s.cert = &c
	return s.cert, nil
}

func (s *Server) currentCert() (*tls.Certificate, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.currentCertLocked()
}

// legacySuites are added by LegacyCiphers (PyKMIP with RSA certificates).
var legacySuites = []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, tls.TLS_RSA_WITH_AES_128_CBC_SHA256}

func (s *Server) clientCAs() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(s.cfg.CA.Certificate())
	for _, c := range s.cfg.ExtraClientCAs {
		pool.AddCert(c)
	}
	return pool
}

// configForClient builds the per-connection TLS config, applying handshake
// faults (tls modes, delay handshake).
func (s *Server) configForClient(hello *tls.ClientHelloInfo) (*tls.Config, error) {
	tc, _ := hello.Conn.(*trackedConn)
	cert, err := s.currentCert()
	if err != nil {
		s.log.Error("kmip server certificate", "err", err)
		return nil, err
	}
	cfg := &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{*cert},
		// Verified below (on the emulator clock, EKU rule), so that a
		// rejection is counted before the alert reaches the client.
		ClientAuth:            tls.RequireAnyClientCert,
		VerifyPeerCertificate: s.verifyClient(tc),
		VerifyConnection: func(tls.ConnectionState) error {
			tc.handshakeDone(true)
			return nil
		},
	}
	if s.cfg.LegacyCiphers {
		for _, cs := range tls.CipherSuites() {
			cfg.CipherSuites = append(cfg.CipherSuites, cs.ID)
		}
		cfg.CipherSuites = append(cfg.CipherSuites, legacySuites...)
	}
	f := s.fire(s.ctx, FaultEvent{Stage: StageHandshake})
	if f == nil {
		return cfg, nil
	}
	switch f.Kind {
	case FaultDelay:
		s.sleep(s.ctx, f.Ms)
	case FaultTLS:
		if err := s.applyTLSFault(hello, cfg, f.Mode); err != nil {
			s.log.Error("kmip tls fault", "mode", f.Mode, "err", err)
			return nil, err
		}
	}
	return cfg, nil
}

func (s *Server) applyTLSFault(hello *tls.ClientHelloInfo, cfg *tls.Config, mode string) error {
	now := s.cfg.Now()
	wall := time.Now()
	early := now
	if wall.Before(early) {
		early = wall
	}
	var (
		leaf tls.Certificate
		err  error
	)
	switch mode {
	case TLSRejectClient:
		tc, _ := hello.Conn.(*trackedConn)
		cfg.VerifyPeerCertificate = func([][]byte, [][]*x509.Certificate) error {
			tc.handshakeDone(false)
			return errors.New("client certificate rejected by fault rule")
		}
		return nil
	case TLSOldProtocol:
		cfg.MinVersion, cfg.MaxVersion = tls.VersionTLS10, tls.VersionTLS10
		return nil
	case TLSUnknownCA:
		nb, na := validity(now, leafValidity)
		leaf, err = throwawayLeaf(s.sans(), nb, na)
	case TLSExpired:
		var key *ecdsa.PrivateKey
		if key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err == nil {
			leaf, err = s.cfg.CA.issueLeaf(key, s.sans(), early.AddDate(-1, 0, 0), early.Add(-24*time.Hour), x509.ExtKeyUsageServerAuth)
		}
	case TLSWrongHost:
		var key *ecdsa.PrivateKey
		if key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err == nil {
			nb, na := validity(now, leafValidity)
			leaf, err = s.cfg.CA.issueLeaf(key, []string{"wrong-host.invalid"}, nb, na, x509.ExtKeyUsageServerAuth)
		}
	default:
		return fmt.Errorf("unknown tls fault mode %q", mode)
	}
	if err != nil {
		return err
	}
	cfg.Certificates = []tls.Certificate{leaf}
	return nil
}

// verifyClient checks the client chain against the CA and the extra client
// CAs at emulator time, then the EKU rule (KD4).
func (s *Server) verifyClient(tc *trackedConn) func([][]byte, [][]*x509.Certificate) error {
	return func(raw [][]byte, _ [][]*x509.Certificate) error {
		err := s.checkClientChain(raw)
		if err != nil {
			tc.handshakeDone(false)
		}
		return err
	}
}

func (s *Server) checkClientChain(raw [][]byte) error {
	if len(raw) == 0 {
		return errors.New("no client certificate")
	}
	certs := make([]*x509.Certificate, len(raw))
	for i, der := range raw {
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return fmt.Errorf("client certificate: %w", err)
		}
		certs[i] = c
	}
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	_, err := certs[0].Verify(x509.VerifyOptions{
		Roots: s.clientCAs(), Intermediates: inter, CurrentTime: s.cfg.Now(),
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	})
	if err != nil {
		return &tls.CertificateVerificationError{UnverifiedCertificates: certs, Err: err}
	}
	if s.cfg.ClientEKU == "require" && !slices.Contains(certs[0].ExtKeyUsage, x509.ExtKeyUsageClientAuth) {
		return errors.New("client certificate has no clientAuth extended key usage")
	}
	return nil
}
