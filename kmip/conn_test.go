package kmip_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"io"
	"testing"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/payloads"
	"github.com/ovh/kmip-go/ttlv"
	"github.com/stretchr/testify/require"
)

// tlsDial opens a raw mutual-TLS connection to the embedded server.
func tlsDial(t *testing.T, e *env) *tls.Conn {
	t.Helper()
	certPEM, keyPEM := e.clientCert(t, "raw-peer")
	cert, err := tls.X509KeyPair([]byte(certPEM), keyPEM)
	require.NoError(t, err)
	roots := x509.NewCertPool()
	roots.AddCert(e.ca.Certificate())
	c, err := tls.Dial("tcp", e.srv.Addr(), &tls.Config{Certificates: []tls.Certificate{cert}, RootCAs: roots, ServerName: "127.0.0.1"})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// TestServerAnswersMalformedTTLV: bytes that ovh/kmip-go's decoder would
// index out of range on (a structure or a fixed-size value shorter than its
// header says) get an Invalid Message answer and a closed connection; the
// server keeps serving.
func TestServerAnswersMalformedTTLV(t *testing.T) {
	e := newEnv(t)
	for name, msg := range map[string]string{
		// RequestMessage, a structure of 1 byte (padded to 8).
		"structure shorter than a header": "42007801000000013030303030303030",
		// RequestMessage { RequestHeader { ProtocolVersion { Major: Integer of length 2 } } }
		"integer of 2 bytes": "42007801000000204200770100000018420069010000001042006a02000000020001000000000000",
		// A structure whose member claims more than the structure holds.
		"member overruns its structure": "420078010000001042007701000000403030303030303030",
	} {
		t.Run(name, func(t *testing.T) {
			raw, err := hex.DecodeString(msg)
			require.NoError(t, err)
			c := tlsDial(t, e)
			require.NoError(t, c.SetDeadline(time.Now().Add(10*time.Second)))
			_, err = c.Write(raw)
			require.NoError(t, err)
			var resp okmip.ResponseMessage
			s := ttlv.NewStream(c, 0)
			require.NoError(t, s.Recv(&resp))
			require.Len(t, resp.BatchItem, 1)
			require.Equal(t, okmip.ResultStatusOperationFailed, resp.BatchItem[0].ResultStatus)
			require.Equal(t, okmip.ResultReasonInvalidMessage, resp.BatchItem[0].ResultReason)
			_, err = c.Read(make([]byte, 1))
			require.ErrorIs(t, err, io.EOF, "the connection is closed after an Invalid Message answer")
		})
	}
	c := dialOVH(t, e, e.srv.Addr())
	_, err := c.Request(context.Background(), &payloads.QueryRequestPayload{QueryFunction: []okmip.QueryFunction{okmip.QueryFunctionOperations}})
	require.NoError(t, err)
}
