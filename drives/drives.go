// Package drives models a cluster drive: its lifecycle status with one
// transition table, its role, and its self-encrypting-drive security state.
// It is pure and uses only the standard library; the cluster applies
// Element's policy on top.
package drives

import (
	"errors"
	"fmt"
	"time"
)

// ID identifies a drive; IDs count from 1 and are never reused.
type ID int64

// Status is a drive's lifecycle status as Element reports it.
type Status string

const (
	Available Status = "available"
	Active    Status = "active"
	Removing  Status = "removing"
	Erasing   Status = "erasing"
	Failed    Status = "failed"
)

// Type is the drive's role.
type Type string

const (
	Volume  Type = "volume" // metadata (slice service) drive
	Block   Type = "block"
	Unknown Type = "unknown"
)

// Capability is the drive's encryption capability.
type Capability string

const (
	CapNone Capability = "none"
	CapSED  Capability = "sed"
	CapFIPS Capability = "fips"
)

// Event is something that happens to a drive.
type Event string

const (
	EventAdd         Event = "add"         // AddDrives
	EventRemove      Event = "remove"      // RemoveDrives on an active drive
	EventRemoved     Event = "removed"     // DriveRemoval job done
	EventErase       Event = "erase"       // SecureEraseDrives
	EventErased      Event = "erased"      // DriveSecureErase job done
	EventFail        Event = "fail"        // failure, pull, or locked with key unavailable
	EventRecover     Event = "recover"     // unlocked after a lock failure
	EventEject       Event = "eject"       // metadata drive ejected to available
	EventRemoveFaild Event = "remove-fail" // RemoveDrives on a failed drive
	EventReset       Event = "reset"       // ResetDrives
)

// ErrBadTransition is returned when the table has no entry.
var ErrBadTransition = errors.New("drive status transition not allowed")

var transitions = map[Status]map[Event]Status{
	Available: {EventAdd: Active, EventErase: Erasing, EventReset: Available, EventFail: Failed},
	Active:    {EventRemove: Removing, EventFail: Failed},
	Removing:  {EventRemoved: Available, EventFail: Failed},
	Erasing:   {EventErased: Available},
	Failed:    {EventRecover: Active, EventEject: Available, EventRemoveFaild: Failed, EventReset: Failed},
}

// On returns the status after e, or ErrBadTransition.
func (s Status) On(e Event) (Status, error) {
	if to, ok := transitions[s][e]; ok {
		return to, nil
	}
	return "", fmt.Errorf("%w: %s on %s", ErrBadTransition, e, s)
}

// Security is the self-encrypting-drive view of a drive.
type Security struct {
	Enabled    bool   // a drive password is set
	Locked     bool   // password set and not unlocked since power-on
	KeyID      string // authentication key ID ("" = none)
	ProviderID int64  // key provider of the key (0 = internal or none)
}

// Drive is one drive.
type Drive struct {
	ID         ID
	NodeID     int64
	Slot       int
	Type       Type
	Status     Status
	Capacity   int64
	Serial     string
	Capability Capability
	Security   Security
	// FailureDetail is Element's driveFailureDetail ("" = None).
	FailureDetail string
	// SecurityFault is Element's driveSecurityFaultReason ("" = None).
	SecurityFault string
	// LockFailed is set when the drive failed because it stayed locked at
	// power-on (its key was unavailable); FailedAt is when.
	LockFailed bool
	FailedAt   time.Time
	// Removed hides a failed drive removed with RemoveDrives (D28).
	Removed bool
}

// Healthy reports whether the drive serves data: active and unlocked.
func (d Drive) Healthy() bool { return d.Status == Active && !d.Security.Locked }
