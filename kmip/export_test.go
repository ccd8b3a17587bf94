package kmip

import (
	"crypto/x509"
	"io"
)

// ServeConn runs the loop that serves one connection over rw, as for a TLS
// peer whose verified chain is peers (FuzzServerConn's way in).
func (s *Server) ServeConn(rw io.ReadWriter, peers []*x509.Certificate) {
	s.serveConn(rw, peers, func() {})
}
