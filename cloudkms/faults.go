package cloudkms

import "context"

// Fault targets of the cloud personalities; rules match on "action".
const (
	TargetTencent = "tckms"
	TargetAlibaba = "alikms"
)

// Fault effects, rendered by each personality in its own dialect.
const (
	EffectError      = "error"       // the dialect's internal error, or Code/Status when given
	EffectHTTPStatus = "http-status" // Status with an empty body
	EffectDelay      = "delay"       // wait Ms of real time, then answer normally
	EffectDrop       = "drop"        // close the connection without an answer
)

// FaultEvent is a request a fault rule may apply to.
type FaultEvent struct {
	Target string // TargetTencent or TargetAlibaba
	Action string
}

// Fault is the effect of a rule that fired.
type Fault struct {
	Effect  string
	Code    string // error: the error code ("" = the dialect's internal error)
	Status  int    // error, http-status: the HTTP status (0 = the dialect's default)
	Message string // error: the message
	Ms      int    // delay
}

// FaultSource decides whether a rule fires for ev, using up one of its
// times; nil when none does. The emulator feeds it from its fault rules.
type FaultSource interface {
	Fire(ctx context.Context, ev FaultEvent) (*Fault, error)
}

// NoFaults is a FaultSource that never fires.
type NoFaults struct{}

// Fire implements FaultSource.
func (NoFaults) Fire(context.Context, FaultEvent) (*Fault, error) { return nil, nil }
