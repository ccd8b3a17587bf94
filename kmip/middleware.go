package kmip

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipserver"
	"github.com/ovh/kmip-go/payloads"
	"github.com/ovh/kmip-go/ttlv"
)

func (s *Server) fire(ctx context.Context, ev FaultEvent) *Fault {
	if s.cfg.Faults == nil {
		return nil
	}
	f, err := s.cfg.Faults.Fire(ctx, ev)
	if err != nil {
		s.log.Error("kmip fault source", "stage", ev.Stage, "err", err)
		return nil
	}
	if f != nil {
		s.log.Info("kmip fault fired", "stage", ev.Stage, "kind", f.Kind, "phase", f.Phase, "mode", f.Mode, "operation", ev.Operation, "uid", ev.UID)
	}
	return f
}

const maxDelay = 120 * time.Second

// sleep waits ms milliseconds of real time (capped), or until ctx ends.
func (s *Server) sleep(ctx context.Context, ms int) {
	d := min(time.Duration(ms)*time.Millisecond, maxDelay)
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	case <-s.ctx.Done():
	}
}

type connKey struct{}

// connInfo is what serveConn puts in the context of a connection's requests.
type connInfo struct {
	cancel context.CancelFunc  // ends the connection without an answer (drop fault)
	peers  []*x509.Certificate // the peer's verified TLS chain, leaf first
}

// peerCertificates is the peer's chain: from serveConn, or from kmipserver
// when the handler runs under a kmipserver.Server (kmiptest in tests).
func peerCertificates(ctx context.Context) []*x509.Certificate {
	if ci, ok := ctx.Value(connKey{}).(*connInfo); ok {
		return ci.peers
	}
	return kmipserver.PeerCertificates(ctx)
}

// messageMiddleware: Stop as the default batch error continuation (KD5),
// the optional timestamp window, and the drop-request fault.
func (s *Server) messageMiddleware(next kmipserver.Next, ctx context.Context, msg *okmip.RequestMessage) (*okmip.ResponseMessage, error) {
	if len(msg.BatchItem) == 0 {
		// A request carries at least one batch item; kmipserver would answer
		// with an empty batch, which no client can read as an answer.
		return nil, kmipserver.Errorf(okmip.ResultReasonInvalidMessage, "Request has no batch item")
	}
	if msg.Header.BatchErrorContinuationOption == 0 {
		msg.Header.BatchErrorContinuationOption = okmip.BatchErrorContinuationOptionStop
	}
	if w := s.cfg.TimestampWindow; w > 0 && msg.Header.TimeStamp != nil {
		d := time.Since(*msg.Header.TimeStamp) // real time: clients stamp real time
		if d > w || d < -w {
			return nil, kmipserver.Errorf(okmip.ResultReasonInvalidMessage, "Stale or future request time stamp")
		}
	}
	op := ""
	if len(msg.BatchItem) > 0 {
		op = ttlv.EnumStr(msg.BatchItem[0].Operation)
	}
	if f := s.fire(ctx, FaultEvent{Stage: StageRequest, Operation: op}); f != nil && f.Kind == FaultDrop {
		if ci, ok := ctx.Value(connKey{}).(*connInfo); ok {
			ci.cancel() // the server closes the connection without answering
			return nil, kmipserver.Errorf(okmip.ResultReasonGeneralFailure, "Connection dropped")
		}
	}
	return next(ctx, msg)
}

func requestUID(pl okmip.OperationPayload) string {
	switch p := pl.(type) {
	case *payloads.GetRequestPayload:
		return p.UniqueIdentifier
	case *payloads.GetAttributesRequestPayload:
		return p.UniqueIdentifier
	case *payloads.GetAttributeListRequestPayload:
		return p.UniqueIdentifier
	case *payloads.AddAttributeRequestPayload:
		return p.UniqueIdentifier
	case *payloads.ModifyAttributeRequestPayload:
		return p.UniqueIdentifier
	case *payloads.DeleteAttributeRequestPayload:
		return p.UniqueIdentifier
	case *payloads.ActivateRequestPayload:
		return p.UniqueIdentifier
	case *payloads.RevokeRequestPayload:
		return p.UniqueIdentifier
	case *payloads.DestroyRequestPayload:
		return p.UniqueIdentifier
	}
	return ""
}

func responseUID(pl okmip.OperationPayload) string {
	switch p := pl.(type) {
	case *payloads.CreateResponsePayload:
		return p.UniqueIdentifier
	case *payloads.RegisterResponsePayload:
		return p.UniqueIdentifier
	}
	return ""
}

// objectKeyIDs reads the x-SolidFire-KeyID values of uid (nil if none).
func (s *Server) objectKeyIDs(ctx context.Context, uid string) []string {
	if uid == "" {
		return nil
	}
	var ids []string
	_ = s.cfg.Store.KMIPView(ctx, func(tx ObjectTx) error {
		stored, err := tx.Attributes(uid)
		if err == nil {
			ids = keyIDs(stored)
		}
		return nil
	})
	return ids
}

// itemMiddleware applies operation-stage faults, hides internal errors from
// clients, counts and logs one line per batch item.
func (s *Server) itemMiddleware(next kmipserver.BatchItemNext, ctx context.Context, bi *okmip.RequestBatchItem) (*okmip.ResponseBatchItem, error) {
	op := ttlv.EnumStr(bi.Operation)
	uid := requestUID(bi.RequestPayload)
	if uid == "" {
		uid = kmipserver.IdPlaceholder(ctx)
	}
	var (
		resp *okmip.ResponseBatchItem
		err  error
	)
	f := (*Fault)(nil)
	if s.cfg.Faults != nil {
		f = s.fire(ctx, FaultEvent{Stage: StageOperation, Operation: op, UID: uid, KeyIDs: s.objectKeyIDs(ctx, uid)})
	}
	if f != nil && f.Kind == FaultDelay {
		s.sleep(ctx, f.Ms)
	}
	if f != nil && f.Kind == FaultError {
		resp = &okmip.ResponseBatchItem{Operation: bi.Operation, UniqueBatchItemID: bi.UniqueBatchItemID}
		reason := okmip.ResultReasonGeneralFailure
		if r, e := ttlv.EnumByName(okmip.TagResultReason, f.Reason); e == nil {
			reason = okmip.ResultReason(r)
		}
		msg := f.Message
		if msg == "" {
			msg = "Injected failure"
		}
		err = kmipserver.Errorf(reason, "%s", msg)
	} else {
		resp, err = next(ctx, bi)
	}
	result := "Success"
	if err != nil {
		var ke kmipserver.Error
		switch {
		case errors.As(err, &ke):
		case errors.Is(err, ErrNotFound):
			err = kmipserver.Errorf(okmip.ResultReasonItemNotFound, "Object %s not found", uid)
		default:
			s.log.Error("kmip operation failed", "operation", op, "uid", uid, "err", err)
			err = kmipserver.Errorf(okmip.ResultReasonGeneralFailure, "Internal server error")
		}
		errors.As(err, &ke)
		result = ttlv.EnumStr(ke.Reason)
	} else if resp != nil && resp.ResultStatus == okmip.ResultStatusOperationFailed {
		result = ttlv.EnumStr(resp.ResultReason)
		if resp.ResultReason == okmip.ResultReasonGeneralFailure {
			resp.ResultMessage = "Internal server error" // a recovered panic's text stays in the log
		}
	}
	if resp != nil && err == nil {
		if u := responseUID(resp.ResponsePayload); u != "" {
			uid = u
		}
	}
	s.count(func(st *Stats) {
		st.Operations[op]++
		st.Results[result]++
	})
	v := kmipserver.GetProtocolVersion(ctx)
	s.log.Info("kmip operation", "operation", op, "uid", uid, "identity", s.identity(ctx),
		"version", fmt.Sprintf("%d.%d", v.ProtocolVersionMajor, v.ProtocolVersionMinor), "result", result)
	return resp, err
}
