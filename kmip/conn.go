package kmip

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/ttlv"
)

// The embedded server runs its own accept and connection loops around the
// kmipserver batch executor instead of kmipserver.Server: ovh/kmip-go
// v0.8.1's TTLV reader indexes out of range on a structure or fixed-size
// value shorter than its header claims, and kmipserver decodes in a
// goroutine without recover, so one such message from any peer with a
// client certificate would end the whole emulator. Here every message is
// checked for well-formed TTLV before it is decoded.

// maxMessageSize bounds one request message, as kmipserver does (1 MiB).
const maxMessageSize = ttlv.DefaultMaxMessageSize

// maxDepth bounds structure nesting; KMIP 1.x messages nest about 10 deep.
const maxDepth = 64

// errMalformed marks a message refused before decoding (Invalid Message).
var errMalformed = errors.New("malformed TTLV")

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errMalformed, fmt.Sprintf(format, args...))
}

// fixedLen is the value length of the fixed-size TTLV types.
var fixedLen = map[ttlv.Type]int64{
	ttlv.TypeInteger: 4, ttlv.TypeEnumeration: 4, ttlv.TypeInterval: 4,
	ttlv.TypeLongInteger: 8, ttlv.TypeDateTime: 8, ttlv.TypeBoolean: 8,
}

// checkTTLV reports whether b is a sequence of well-formed TTLV items: known
// types, fixed-size values of their exact size, big integers in 8-byte
// steps, each value and its padding inside b, structures holding exactly
// well-formed items, nesting at most maxDepth deep.
func checkTTLV(b []byte, depth int) error {
	if depth > maxDepth {
		return malformed("structures nested more than %d deep", maxDepth)
	}
	for len(b) > 0 {
		if len(b) < 8 {
			return malformed("TTLV header too short")
		}
		typ := ttlv.Type(b[3])
		n := int64(binary.BigEndian.Uint32(b[4:8]))
		padded := n + (8-n%8)%8
		if int64(len(b)-8) < padded {
			return malformed("TTLV value of %d bytes, %d left", n, len(b)-8)
		}
		switch typ {
		case ttlv.TypeStructure:
			if err := checkTTLV(b[8:8+n], depth+1); err != nil {
				return err
			}
		case ttlv.TypeInteger, ttlv.TypeEnumeration, ttlv.TypeInterval,
			ttlv.TypeLongInteger, ttlv.TypeDateTime, ttlv.TypeBoolean:
			if n != fixedLen[typ] {
				return malformed("%s of %d bytes, want %d", typ, n, fixedLen[typ])
			}
		case ttlv.TypeBigInteger:
			if n == 0 || n%8 != 0 {
				return malformed("BigInteger of %d bytes, want a multiple of 8", n)
			}
		case ttlv.TypeTextString, ttlv.TypeByteString:
		default:
			return malformed("invalid TTLV type 0x%02X", byte(typ))
		}
		b = b[8+padded:]
	}
	return nil
}

// readMessage reads one TTLV item (header, value, padding) from r.
func readMessage(r io.Reader) ([]byte, error) {
	hdr := make([]byte, 8)
	if _, err := io.ReadFull(r, hdr); err != nil {
		return nil, err
	}
	n := int64(binary.BigEndian.Uint32(hdr[4:8]))
	size := 8 + n + (8-n%8)%8
	if size > maxMessageSize {
		return nil, malformed("message of %d bytes, at most %d", size, maxMessageSize)
	}
	msg := make([]byte, size)
	copy(msg, hdr)
	if _, err := io.ReadFull(r, msg[8:]); err != nil {
		return nil, err
	}
	return msg, nil
}

// wireMessage is what a peer may send: a request message, or a response
// message (ignored, as kmipserver does); any other tag is an encoding error.
type wireMessage struct{ msg any }

func (m *wireMessage) DecodeTTLV(d *ttlv.Decoder) error {
	switch d.Tag() {
	case okmip.TagRequestMessage:
		m.msg = new(okmip.RequestMessage)
	case okmip.TagResponseMessage:
		m.msg = new(okmip.ResponseMessage)
	default:
		return ttlv.Errorf("Unexpected tag %q", ttlv.TagString(d.Tag()))
	}
	return d.Any(&m.msg)
}

// decodeRequest checks and decodes one message. It returns nil, nil for a
// response message, and on error the partly decoded request (its header
// shapes the answer) when there is one.
func (s *Server) decodeRequest(raw []byte) (req *okmip.RequestMessage, err error) {
	if err := checkTTLV(raw, 0); err != nil {
		return nil, err
	}
	var m wireMessage
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("kmip: TTLV decoder panicked on a checked message", "panic", fmt.Sprint(p))
			req, err = nil, malformed("undecodable message")
		}
	}()
	err = ttlv.UnmarshalTTLV(raw, &m)
	req, _ = m.msg.(*okmip.RequestMessage)
	return req, err
}

// messageError is the answer to a message refused as a whole: one failed
// batch item, the request's version and correlation values when known.
func messageError(req *okmip.RequestMessage, reason okmip.ResultReason, msg string) *okmip.ResponseMessage {
	h := okmip.ResponseHeader{ProtocolVersion: okmip.V1_0, TimeStamp: time.Now(), BatchCount: 1}
	if req != nil {
		if req.Header.ProtocolVersion != (okmip.ProtocolVersion{}) {
			h.ProtocolVersion = req.Header.ProtocolVersion
		}
		h.ClientCorrelationValue = req.Header.ClientCorrelationValue
		h.ServerCorrelationValue = req.Header.ServerCorrelationValue
	}
	return &okmip.ResponseMessage{Header: h, BatchItem: []okmip.ResponseBatchItem{{
		ResultStatus: okmip.ResultStatusOperationFailed, ResultReason: reason, ResultMessage: msg,
	}}}
}

// handle runs one request through the batch executor and encodes the
// answer; a panic outside the executor's own recover is logged and ends
// the connection instead of the process.
func (s *Server) handle(ctx context.Context, req *okmip.RequestMessage) (out []byte, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("kmip: request handling panicked", "panic", fmt.Sprint(p))
			out, ok = nil, false
		}
	}()
	return ttlv.MarshalTTLV(s.exec.HandleRequest(ctx, req)), true
}

// serveConn answers the messages a peer sends on rw until it closes the
// connection, sends a message that does not decode (answered Invalid
// Message, then closed), or a drop fault or Close ends it (closeConn is
// called then).
func (s *Server) serveConn(rw io.ReadWriter, peers []*x509.Certificate, closeConn func()) {
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	stop := context.AfterFunc(ctx, closeConn)
	defer stop()
	ctx = context.WithValue(ctx, connKey{}, &connInfo{cancel: cancel, peers: peers})
	invalid := func(req *okmip.RequestMessage, err error) {
		s.log.Info("kmip: invalid message", "err", err)
		_, _ = rw.Write(ttlv.MarshalTTLV(messageError(req, okmip.ResultReasonInvalidMessage, err.Error())))
	}
	for {
		raw, err := readMessage(rw)
		if err != nil {
			if errors.Is(err, errMalformed) {
				invalid(nil, err) // too big
			}
			return // closed, or the peer went away mid-message
		}
		req, err := s.decodeRequest(raw)
		if err != nil {
			invalid(req, err)
			return
		}
		if req == nil {
			continue // a response message from the peer: ignored
		}
		out, ok := s.handle(ctx, req)
		if !ok || ctx.Err() != nil {
			return
		}
		if _, err := rw.Write(out); err != nil {
			return
		}
	}
}

// serve accepts connections until the listener is closed.
func (s *Server) serve(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		s.conns.Add(1)
		go func() {
			defer s.conns.Done()
			defer c.Close()
			s.serveTLS(c)
		}()
	}
}

// serveTLS completes the handshake (the connection closes when the server
// does) and serves the connection.
func (s *Server) serveTLS(c net.Conn) {
	stop := context.AfterFunc(s.ctx, func() { _ = c.Close() })
	defer stop()
	tc, ok := c.(*tls.Conn)
	if !ok {
		return
	}
	if err := tc.HandshakeContext(s.ctx); err != nil {
		s.log.Debug("kmip: TLS handshake failed", "remote", c.RemoteAddr().String(), "err", err)
		return
	}
	s.serveConn(tc, tc.ConnectionState().PeerCertificates, func() { _ = c.Close() })
}
