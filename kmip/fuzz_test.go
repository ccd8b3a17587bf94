package kmip_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipclient"
	"github.com/ovh/kmip-go/kmipserver"
	"github.com/ovh/kmip-go/payloads"
	"github.com/ovh/kmip-go/ttlv"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/kmip"
	"github.com/element-emulator/element-emulator/sqlite"
	"github.com/element-emulator/element-emulator/sqlite/sqlitetest"
)

// FuzzServerTTLV feeds raw bytes to the embedded KMIP server's connection
// loop, the code a peer's bytes reach once TLS is up: framing, the TTLV
// check, decoding, the batch executor with this package's middleware and
// operations, and encoding the answers, for every message in the input in
// order. The store, CA and servers are built once per fuzz process; an
// input that wrote is undone by restoring the baseline rows, so every
// input starts from the same objects.
//
// mode bit 0 picks the peer (alice, the cluster, or bob), bit 1 the server
// (defaults, or ownership "owner" + destroy "delete").
//
// Invariants: no panic, none recovered either, no internal error (an
// error log line); every answer decodes as a response message with a
// consistent batch count and well-formed items (answering the request's
// operations in order, or refusing the message as a whole); no more
// answers than messages; when every answer refuses, no write was
// committed; no write inside a read-only transaction.
func FuzzServerTTLV(f *testing.F) {
	h := newKMIPFuzz(f)
	for i, msg := range h.seeds {
		f.Add(uint8(i%4), msg)
	}
	f.Add(uint8(0), bytes.Join(h.seeds, nil)) // the whole captured session on one connection
	f.Add(uint8(3), bytes.Join(h.seeds, nil))
	f.Fuzz(func(t *testing.T, mode uint8, data []byte) {
		h.exec(t, mode, data)
	})
}

// kmipFuzz is the once-per-process state of FuzzServerTTLV.
type kmipFuzz struct {
	store   *sqlite.Store
	counted *countingStore
	servers [2]*kmip.Server
	peers   [2][]*x509.Certificate
	seeds   [][]byte
	baseUID int64
	errs    *errorLog
}

func newKMIPFuzz(f *testing.F) *kmipFuzz {
	f.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, "memory:kmip-fuzz", sqlitetest.KEK())
	require.NoError(f, err)
	f.Cleanup(func() { _ = st.Close() })
	clock := &testClock{now: t0}
	ca, err := kmip.LoadOrCreateCA(ctx, st, clock.Now())
	require.NoError(f, err)

	// Panics recovered by kmipserver's batch executor are logged through
	// the default logger; count them with the server's error lines.
	errs := &errorLog{}
	prev := slog.Default()
	slog.SetDefault(slog.New(errs))
	f.Cleanup(func() { slog.SetDefault(prev) })

	h := &kmipFuzz{store: st, counted: &countingStore{Store: st}, errs: errs}
	for i, mut := range []func(*kmip.ServerConfig){
		func(*kmip.ServerConfig) {},
		func(c *kmip.ServerConfig) { c.Ownership, c.DestroyMode = "owner", "delete" },
	} {
		cfg := kmip.ServerConfig{Store: h.counted, CA: ca, Now: clock.Now, Logger: slog.New(errs), Faults: noFaults{}}
		mut(&cfg)
		h.servers[i], err = kmip.NewServer(cfg)
		require.NoError(f, err)
	}
	h.capture(f, ca, clock)
	h.saveBaseline(f)
	return h
}

// capture runs real client sessions (the cluster's kmip.Client as alice,
// ovh's kmipclient as bob) over mutual TLS against the default server's
// handler, keeping every request message as a seed.
func (h *kmipFuzz) capture(f *testing.F, ca *kmip.CA, clock *testClock) {
	f.Helper()
	ctx := context.Background()
	leaf, err := ca.IssueServerCert([]string{"127.0.0.1"}, clock.Now())
	require.NoError(f, err)
	pool := x509.NewCertPool()
	pool.AddCert(ca.Certificate())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(f, err)
	ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{leaf}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool})
	rec := &recorder{inner: h.servers[0].Handler()}
	srv := kmipserver.NewServer(ln, rec)
	served := make(chan error, 1)
	go func() { served <- srv.Serve() }()
	defer func() {
		_ = srv.Shutdown()
		<-served
	}()
	_, port, err := net.SplitHostPort(ln.Addr().String())
	require.NoError(f, err)

	// The cluster (alice): what Element sends for Test, key creation, boot
	// key retrieval (by UID, then by Locate) and decommissioning.
	e := &env{store: h.store, ca: ca, clock: clock}
	certPEM, keyPEM := e.clientCert(f, "alice")
	h.peers[0] = parseChain(f, certPEM)
	var portN int
	_, err = fmt.Sscan(port, &portN)
	require.NoError(f, err)
	tgt := kmip.Target{Hostnames: []string{"127.0.0.1"}, Port: portN, CAPEM: ca.CertPEM(), ClientCertPEM: certPEM, ClientKeyPEM: keyPEM, Now: clock.Now()}
	cl := kmip.NewClient(kmip.ClientConfig{})
	require.NoError(f, cl.Probe(ctx, tgt))
	uid1, err := cl.CreateKey(ctx, tgt, "3f1c", kmip.PurposeSoftwareEarKeyEncryptionKey)
	require.NoError(f, err)
	uid2, err := cl.CreateKey(ctx, tgt, "77aa", kmip.PurposeEarSedAuthenticationKey)
	require.NoError(f, err)
	_, err = cl.GetKey(ctx, tgt, uid1, "3f1c")
	require.NoError(f, err)
	_, err = cl.GetKey(ctx, tgt, "4242", "77aa") // ItemNotFound, then Locate
	require.NoError(f, err)
	require.NoError(f, cl.DecommissionKey(ctx, tgt, uid2))

	// Another client (bob) with ovh's kmipclient: every routed operation.
	bc, bk := e.clientCert(f, "bob")
	h.peers[1] = parseChain(f, bc)
	c, err := kmipclient.Dial(ln.Addr().String(), kmipclient.WithRootCAPem([]byte(ca.CertPEM())),
		kmipclient.WithClientCertPEM([]byte(bc), bk), kmipclient.WithServerName("127.0.0.1"))
	require.NoError(f, err)
	defer c.Close()
	cr, err := c.Create().AES(128, okmip.CryptographicUsageEncrypt).WithName("bob-key").
		WithAttribute("x-Owner-Tag", "b").ExecContext(ctx)
	require.NoError(f, err)
	secret := []byte("0123456789abcdef")
	reg, err := c.Register().Object(&okmip.SecretData{SecretDataType: okmip.SecretDataTypePassword, KeyBlock: okmip.KeyBlock{
		KeyFormatType: okmip.KeyFormatTypeOpaque,
		KeyValue:      &okmip.KeyValue{Plain: &okmip.PlainKeyValue{KeyMaterial: okmip.KeyMaterial{Bytes: &secret}}},
	}}).ExecContext(ctx)
	require.NoError(f, err)
	for _, pl := range []okmip.OperationPayload{
		&payloads.QueryRequestPayload{QueryFunction: []okmip.QueryFunction{okmip.QueryFunctionOperations, okmip.QueryFunctionObjects}},
		&payloads.GetAttributesRequestPayload{UniqueIdentifier: cr.UniqueIdentifier},
		&payloads.GetAttributesRequestPayload{UniqueIdentifier: uid1, AttributeName: []okmip.AttributeName{okmip.AttributeNameState, "x-SolidFire-KeyID-3f1c"}},
		&payloads.GetAttributeListRequestPayload{UniqueIdentifier: reg.UniqueIdentifier},
		&payloads.AddAttributeRequestPayload{UniqueIdentifier: cr.UniqueIdentifier, Attribute: okmip.Attribute{AttributeName: "x-Extra", AttributeValue: "one"}},
		&payloads.ModifyAttributeRequestPayload{UniqueIdentifier: cr.UniqueIdentifier, Attribute: okmip.Attribute{AttributeName: "x-Extra", AttributeValue: "two"}},
		&payloads.DeleteAttributeRequestPayload{UniqueIdentifier: cr.UniqueIdentifier, AttributeName: "x-Extra"},
		&payloads.LocateRequestPayload{Attribute: []okmip.Attribute{{AttributeName: okmip.AttributeNameName,
			AttributeValue: okmip.Name{NameValue: "bob-key", NameType: okmip.NameTypeUninterpretedTextString}}}},
		&payloads.LocateRequestPayload{Attribute: []okmip.Attribute{{AttributeName: okmip.AttributeNameObjectType, AttributeValue: okmip.ObjectTypeSecretData}}},
		&payloads.GetRequestPayload{UniqueIdentifier: reg.UniqueIdentifier, KeyFormatType: okmip.KeyFormatTypeRaw},
		&payloads.ActivateRequestPayload{UniqueIdentifier: cr.UniqueIdentifier},
		&payloads.RevokeRequestPayload{UniqueIdentifier: cr.UniqueIdentifier, RevocationReason: okmip.RevocationReason{
			RevocationReasonCode: okmip.RevocationReasonCodeKeyCompromise, RevocationMessage: "lost"}},
		&payloads.DestroyRequestPayload{UniqueIdentifier: cr.UniqueIdentifier},
		&payloads.GetRequestPayload{UniqueIdentifier: uid1}, // alice's key
		&payloads.DiscoverVersionsRequestPayload{},
	} {
		_, err := c.Request(ctx, pl)
		_ = err // failures (bob reading alice's key, ...) are seeds too
	}
	_, err = c.Batch(ctx,
		&payloads.CreateRequestPayload{ObjectType: okmip.ObjectTypeSymmetricKey, TemplateAttribute: aesTemplate(256)},
		&payloads.ActivateRequestPayload{},
		&payloads.GetRequestPayload{})
	require.NoError(f, err)
	h.seeds = rec.messages()
	require.NotEmpty(f, h.seeds)
}

// saveBaseline copies the KMIP rows the capture left, for restore.
func (h *kmipFuzz) saveBaseline(f *testing.F) {
	f.Helper()
	db := h.store.DB()
	_, err := db.Exec(`CREATE TABLE fuzz_objects AS SELECT * FROM kmip_objects;
		CREATE TABLE fuzz_attributes AS SELECT * FROM kmip_attributes`)
	require.NoError(f, err)
	require.NoError(f, db.QueryRow(`SELECT next_uid FROM kmip_uid_seq`).Scan(&h.baseUID))
	h.counted.commits.Store(0)
}

func (h *kmipFuzz) restoreBaseline(t *testing.T) {
	_, err := h.store.DB().Exec(`BEGIN;
		DELETE FROM kmip_attributes; DELETE FROM kmip_objects;
		INSERT INTO kmip_objects SELECT * FROM fuzz_objects;
		INSERT INTO kmip_attributes SELECT * FROM fuzz_attributes;
		UPDATE kmip_uid_seq SET next_uid = ?;
		COMMIT`, h.baseUID)
	require.NoError(t, err)
	h.counted.commits.Store(0)
}

func parseChain(tb testing.TB, certPEM string) []*x509.Certificate {
	tb.Helper()
	block, _ := pem.Decode([]byte(certPEM))
	require.NotNil(tb, block)
	c, err := x509.ParseCertificate(block.Bytes)
	require.NoError(tb, err)
	return []*x509.Certificate{c}
}

// memConn is a connection seen from the server: the peer's bytes, then
// EOF; what the server writes is kept.
type memConn struct {
	r   *bytes.Reader
	out bytes.Buffer
}

func (c *memConn) Read(p []byte) (int, error)  { return c.r.Read(p) }
func (c *memConn) Write(p []byte) (int, error) { return c.out.Write(p) }
func (c *memConn) Close() error                { return nil }

// wireMsg decodes what a peer may send: a request or a response message.
type wireMsg struct{ msg any }

func (m *wireMsg) DecodeTTLV(d *ttlv.Decoder) error {
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

// requestOps lists, for each request message of data that the server
// should answer in turn, its batch item operations (nil for a message
// that does not decode: the last one answered). Response messages get no
// answer and are skipped. The harness's own decoding may panic where the
// server refuses; that ends the list too.
func requestOps(data []byte) (list [][]okmip.Operation) {
	defer func() {
		if recover() != nil {
			list = append(list, nil)
		}
	}()
	stream := ttlv.NewStream(&memConn{r: bytes.NewReader(data)}, ttlv.DefaultMaxMessageSize)
	for {
		var m wireMsg
		err := stream.Recv(&m)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return list
		}
		if err != nil {
			return append(list, nil)
		}
		req, ok := m.msg.(*okmip.RequestMessage)
		if !ok {
			continue
		}
		ops := []okmip.Operation{}
		for _, bi := range req.BatchItem {
			ops = append(ops, bi.Operation)
		}
		list = append(list, ops)
	}
}

func (h *kmipFuzz) exec(t *testing.T, mode uint8, data []byte) {
	srv, peer := h.servers[(mode>>1)&1], h.peers[mode&1]
	h.errs.reset()
	h.counted.viewWrites.Store(0)
	conn := &memConn{r: bytes.NewReader(data)}
	srv.ServeConn(conn, peer)
	if n, last := h.errs.get(); n > 0 {
		t.Fatalf("%d internal error(s), the last: %s", n, last)
	}
	require.Zero(t, h.counted.viewWrites.Load(), "a write inside a read-only transaction")

	want := requestOps(data)
	stream := ttlv.NewStream(&memConn{r: bytes.NewReader(conn.out.Bytes())}, 0)
	refused := true
	for k := 0; ; k++ {
		var resp okmip.ResponseMessage
		err := stream.Recv(&resp)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		require.NoError(t, err, "answer %d does not decode", k)
		require.Less(t, k, len(want), "more answers than request messages")
		if !checkResponse(t, &resp, want[k]) {
			refused = false
		}
	}
	if refused && h.counted.commits.Load() != 0 {
		t.Fatalf("refused requests committed %d write transaction(s)", h.counted.commits.Load())
	}
	if h.counted.commits.Load() > 0 {
		h.restoreBaseline(t)
	}
}

// checkResponse checks resp is a well-formed answer to a request with the
// given batch item operations (nil: not known), and reports whether it
// refused every item.
func checkResponse(t *testing.T, resp *okmip.ResponseMessage, ops []okmip.Operation) bool {
	t.Helper()
	require.Equal(t, int(resp.Header.BatchCount), len(resp.BatchItem), "batch count")
	require.NotEmpty(t, resp.BatchItem)
	if whole := len(resp.BatchItem) == 1 && resp.BatchItem[0].Operation == 0; whole || ops == nil || len(resp.BatchItem) != len(ops) {
		// A refusal of the message as a whole: one failed item, no operation.
		require.Len(t, resp.BatchItem, 1, "%s", ttlv.MarshalText(resp))
		require.Zero(t, resp.BatchItem[0].Operation, "%s", ttlv.MarshalText(resp))
		require.Equal(t, okmip.ResultStatusOperationFailed, resp.BatchItem[0].ResultStatus, "%s", ttlv.MarshalText(resp))
		require.NotZero(t, resp.BatchItem[0].ResultReason)
		return true
	}
	refused := true
	for i, bi := range resp.BatchItem {
		require.Equal(t, ops[i], bi.Operation, "item %d operation", i)
		switch bi.ResultStatus {
		case okmip.ResultStatusSuccess:
			refused = false
			require.Zero(t, bi.ResultReason, "item %d: a success with a reason", i)
		case okmip.ResultStatusOperationFailed:
			require.NotZero(t, bi.ResultReason, "item %d: a failure without a reason", i)
			require.NotEqual(t, okmip.ResultReasonGeneralFailure, bi.ResultReason, "item %d: %s", i, bi.ResultMessage)
		default:
			t.Fatalf("item %d: result status %s", i, ttlv.EnumStr(bi.ResultStatus))
		}
	}
	return refused
}

// recorder keeps every request message it passes on, TTLV-encoded.
type recorder struct {
	inner kmipserver.RequestHandler
	mu    sync.Mutex
	msgs  [][]byte
}

func (r *recorder) HandleRequest(ctx context.Context, req *okmip.RequestMessage) *okmip.ResponseMessage {
	r.mu.Lock()
	r.msgs = append(r.msgs, ttlv.MarshalTTLV(req))
	r.mu.Unlock()
	return r.inner.HandleRequest(ctx, req)
}

func (r *recorder) messages() [][]byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.msgs
}

// countingStore counts committed write transactions, and writes attempted
// inside read transactions (which the store silently discards).
type countingStore struct {
	kmip.Store
	commits    atomic.Int64
	viewWrites atomic.Int64
}

func (c *countingStore) KMIPUpdate(ctx context.Context, fn func(kmip.ObjectTx) error) error {
	w := &writeTx{}
	err := c.Store.KMIPUpdate(ctx, func(tx kmip.ObjectTx) error {
		w.ObjectTx = tx
		return fn(w)
	})
	if err == nil && w.writes > 0 {
		c.commits.Add(1)
	}
	return err
}

func (c *countingStore) KMIPView(ctx context.Context, fn func(kmip.ObjectTx) error) error {
	w := &writeTx{}
	err := c.Store.KMIPView(ctx, func(tx kmip.ObjectTx) error {
		w.ObjectTx = tx
		return fn(w)
	})
	c.viewWrites.Add(int64(w.writes))
	return err
}

type writeTx struct {
	kmip.ObjectTx
	writes int
}

func (w *writeTx) NextUID() (string, error) { w.writes++; return w.ObjectTx.NextUID() }
func (w *writeTx) CreateObject(o kmip.Object) error {
	w.writes++
	return w.ObjectTx.CreateObject(o)
}
func (w *writeTx) UpdateObject(o kmip.Object) error {
	w.writes++
	return w.ObjectTx.UpdateObject(o)
}
func (w *writeTx) DeleteObject(uid string) error { w.writes++; return w.ObjectTx.DeleteObject(uid) }
func (w *writeTx) PutAttribute(uid string, a kmip.StoredAttribute) error {
	w.writes++
	return w.ObjectTx.PutAttribute(uid, a)
}
func (w *writeTx) DeleteAttribute(uid, name string, index int32) error {
	w.writes++
	return w.ObjectTx.DeleteAttribute(uid, name, index)
}

// noFaults is a fault source with no rules: the item middleware still looks
// up the key IDs of the object each item names, as with the real source.
type noFaults struct{}

func (noFaults) Fire(context.Context, kmip.FaultEvent) (*kmip.Fault, error) { return nil, nil }

// errorLog counts error-level log records and keeps the last one.
type errorLog struct {
	mu   sync.Mutex
	n    int
	last string
}

func (l *errorLog) Enabled(_ context.Context, lv slog.Level) bool { return lv >= slog.LevelError }
func (l *errorLog) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	l.mu.Lock()
	l.n++
	l.last = b.String()
	l.mu.Unlock()
	return nil
}
func (l *errorLog) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *errorLog) WithGroup(string) slog.Handler      { return l }

func (l *errorLog) reset() {
	l.mu.Lock()
	l.n, l.last = 0, ""
	l.mu.Unlock()
}

func (l *errorLog) get() (int, string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n, l.last
}
