package kacls

import "context"

// Fault targets and effects (docs/kacls.md, faults; KA14).
const (
	TargetKACLS = "kacls"      // a request to an instance
	TargetPeer  = "kacls-peer" // an instance's outbound privilegedunwrap

	EffectError       = "error"       // structured error, 503 unless status is given
	EffectHTTPStatus  = "http-status" // that status with an empty body
	EffectDelay       = "delay"       // wait ms (real time), then go on
	EffectDrop        = "drop"        // close the connection without answering
	EffectUnreachable = "unreachable" // kacls-peer: the call is refused
)

// FaultEvent is something a fault rule may apply to.
type FaultEvent struct {
	Target   string // TargetKACLS or TargetPeer
	Instance string // the instance answering (kacls) or calling (kacls-peer)
	Endpoint string // kacls: the endpoint; kacls-peer: privilegedunwrap
	Peer     string // kacls-peer: the peer's URL
}

// Fault is the effect of a rule that fired.
type Fault struct {
	Effect  string
	Status  int    // error, http-status: the HTTP status (0 = default)
	Message string // error: the details
	Ms      int    // delay
}

// FaultSource decides whether a rule fires for ev, consuming one use of
// it; nil when none does. The emulator feeds it from its fault rules.
type FaultSource interface {
	Fire(ctx context.Context, ev FaultEvent) (*Fault, error)
}
