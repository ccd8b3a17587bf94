package kmip

import "context"

// Fault stages, in the order a connection meets them (docs/kmip.md, fault
// injection).
const (
	StageAccept    = "accept"    // blackhole; drop with phase accept
	StageHandshake = "handshake" // tls; delay with phase handshake
	StageRequest   = "request"   // drop with phase request
	StageOperation = "operation" // delay with phase operation; error
)

// Fault kinds for target "kmip-server"; refuse is applied through SetRefuse.
const (
	FaultRefuse    = "refuse"
	FaultBlackhole = "blackhole"
	FaultDrop      = "drop"
	FaultDelay     = "delay"
	FaultTLS       = "tls"
	FaultError     = "error"
)

// TLS fault modes.
const (
	TLSRejectClient = "reject-client"
	TLSUnknownCA    = "unknown-ca"
	TLSExpired      = "expired"
	TLSWrongHost    = "wrong-host"
	TLSOldProtocol  = "old-protocol"
)

// FaultEvent is one point where a kmip-server rule may fire. The source must
// only fire rules whose kind (and phase) belong to Stage: accept → blackhole,
// drop/accept; handshake → tls, delay/handshake; request → drop/request;
// operation → delay/operation, error (matched on Operation, UID, KeyIDs).
type FaultEvent struct {
	Stage     string   // "accept", "handshake", "request", "operation"
	Operation string   // KMIP operation name, e.g. "Get" (request: the first batch item's)
	UID       string   // operation stage: the object the item names, if any
	KeyIDs    []string // x-SolidFire-KeyID-<id> values of that object, if any
}

// Fault is the effect of a rule that fired.
type Fault struct {
	Kind      string // blackhole, drop, delay, tls, error
	Phase     string // drop: accept|request; delay: handshake|operation
	Mode      string // tls: reject-client, unknown-ca, expired, wrong-host, old-protocol
	Operation string // error/delay: the operation the rule matched
	Reason    string // error: a ResultReason name, e.g. "ItemNotFound"
	Message   string // error: the Result Message
	Ms        int    // delay: milliseconds (capped at 120 s)
}

// FaultSource decides whether a rule fires for ev; it returns nil when none
// does and consumes one use of a rule that fires.
type FaultSource interface {
	Fire(ctx context.Context, ev FaultEvent) (*Fault, error)
}
