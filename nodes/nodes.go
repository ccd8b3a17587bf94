// Package nodes models cluster membership: a node that is not in the
// cluster waits as a pending node, AddNodes makes it pendingActive while
// its software installs, and it then joins as an active node; RemoveNodes
// sends an active node back to pending. It holds the pending-node model,
// the one transition table and the rules that accept or refuse AddNodes
// and RemoveNodes. It is pure and uses only the standard library; the
// cluster applies it inside its transaction.
package nodes

import (
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// State is a pending node's membership state.
type State string

const (
	Pending       State = "pending"
	PendingActive State = "pendingActive"
	Active        State = "active"
)

// Event is something that happens to a node's membership.
type Event string

const (
	EventAdd       Event = "add"       // AddNodes
	EventInstalled Event = "installed" // the AddNodes handle completed
	EventFailed    Event = "failed"    // the AddNodes handle failed (a job fault rule)
	EventRemove    Event = "remove"    // RemoveNodes
)

// ErrBadTransition is returned when the table has no entry.
var ErrBadTransition = errors.New("node membership transition not allowed")

var transitions = map[State]map[Event]State{
	Pending:       {EventAdd: PendingActive},
	PendingActive: {EventInstalled: Active, EventFailed: Pending},
	Active:        {EventRemove: Pending},
}

// On returns the state after e, or ErrBadTransition.
func (s State) On(e Event) (State, error) {
	if to, ok := transitions[s][e]; ok {
		return to, nil
	}
	return "", fmt.Errorf("%w: %s on %s", ErrBadTransition, e, s)
}

// Defaults of a pending node made by the lab control.
const (
	DefaultNodeType    = "SF4805"
	DefaultChassisType = "R630"
	DefaultDrives      = 10
	MaxDrives          = 24
	DefaultDriveSize   = 960197124096
	MaxNameLen         = 63
	// EnsembleSize is the number of active nodes the database ensemble
	// wants; fewer lowers its failure tolerance.
	EnsembleSize = 3
)

// NodeTypes are the storage node models a pending node may be.
var NodeTypes = []string{"SF4805", "SF9605", "SF19210", "SF38410", "H410S", "H610S", "H610S-NE"}

// Node is a node outside the cluster: pending, or pendingActive while its
// AddNodes handle runs. Fields are what ListPendingNodes and
// ListPendingActiveNodes report.
type Node struct {
	PendingNodeID int64  `json:"pendingNodeID"`
	State         State  `json:"state"`
	Name          string `json:"name"`
	MIP           string `json:"mip"`
	CIP           string `json:"cip"`
	SIP           string `json:"sip"`
	UUID          string `json:"uuid"`
	NodeType      string `json:"nodeType"`
	ChassisType   string `json:"chassisType"`
	// Drives is how many drives the node brings (slot 0 the metadata drive).
	Drives    int   `json:"drives"`
	DriveSize int64 `json:"driveSize"`
	// Set while pendingActive: the node ID it will have, the AddNodes
	// handle and the key it joins with.
	AssignedNodeID int64  `json:"assignedNodeID"`
	AsyncHandle    int64  `json:"asyncHandle"`
	ActiveNodeKey  string `json:"activeNodeKey"`
	// PendingActiveNodeID numbers pendingActive nodes (the pending ID).
	PendingActiveNodeID int64 `json:"pendingActiveNodeID"`
}

// Back returns n as it was before AddNodes: pending, without its
// assigned node ID, handle and key (the install failed).
func (n Node) Back() (Node, error) {
	st, err := n.State.On(EventFailed)
	if err != nil {
		return n, err
	}
	n.State, n.AssignedNodeID, n.AsyncHandle, n.ActiveNodeKey, n.PendingActiveNodeID = st, 0, 0, "", 0
	return n, nil
}

// Spec is the lab control's request for a new pending node; zero fields
// take defaults derived from the pending node ID.
type Spec struct {
	Name        string
	MIP         string
	CIP         string
	SIP         string
	NodeType    string
	ChassisType string
	Drives      int
	DriveSize   int64
}

// InvalidParam is an out-of-range or inconsistent parameter.
type InvalidParam struct{ Param, Why string }

func (e *InvalidParam) Error() string { return e.Param + ": " + e.Why }

func invalid(param, format string, args ...any) error {
	return &InvalidParam{Param: param, Why: fmt.Sprintf(format, args...)}
}

// Kind classifies a refusal; cluster gives it its Element name.
type Kind int

const (
	KindNodeNotFound      Kind = iota + 1 // no such pending or active node
	KindHasActiveDrives                   // RemoveNodes on a node whose drives are still in use
	KindEnsembleTolerance                 // RemoveNodes would shrink the ensemble
	KindLastNode                          // RemoveNodes would remove every node
	KindAddressInUse                      // a pending node's address is taken
)

// Error is a refusal with an Element-facing message.
type Error struct {
	Kind    Kind
	Message string
}

func (e *Error) Error() string { return e.Message }

// Address is a node's address set.
type Address struct{ MIP, CIP, SIP string }

// NewPending validates a lab Spec and builds pending node id; taken lists
// the addresses already used by other nodes.
func NewPending(id int64, uuid string, sp Spec, taken []string) (Node, error) {
	n := Node{PendingNodeID: id, State: Pending, UUID: uuid, Name: strings.TrimSpace(sp.Name), NodeType: sp.NodeType,
		ChassisType: sp.ChassisType, Drives: sp.Drives, DriveSize: sp.DriveSize}
	if n.Name == "" {
		n.Name = fmt.Sprintf("emu-pending-%d", id)
	}
	if len(n.Name) > MaxNameLen || strings.ContainsFunc(n.Name, func(r rune) bool {
		return !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) {
		return Node{}, invalid("name", "must be a host name of letters, digits and '-' (at most %d)", MaxNameLen)
	}
	if n.NodeType == "" {
		n.NodeType = DefaultNodeType
	}
	if !slices.Contains(NodeTypes, n.NodeType) {
		return Node{}, invalid("nodeType", "must be one of %s", strings.Join(NodeTypes, ", "))
	}
	if n.ChassisType == "" {
		n.ChassisType = DefaultChassisType
	}
	if n.Drives == 0 {
		n.Drives = DefaultDrives
	}
	if n.Drives < 2 || n.Drives > MaxDrives {
		return Node{}, invalid("drives", "must be 2 to %d", MaxDrives)
	}
	if n.DriveSize == 0 {
		n.DriveSize = DefaultDriveSize
	}
	if n.DriveSize < 1<<30 || n.DriveSize > 1<<45 {
		return Node{}, invalid("driveSize", "must be 1 GiB to 32 TiB")
	}
	// Default addresses: the first host number from 100+id%100 on (wrapping
	// within 100–254) whose MIP and CIP are both free.
	host := 100 + id%100
	for range 155 {
		if !slices.Contains(taken, fmt.Sprintf("10.117.60.%d", host)) && !slices.Contains(taken, fmt.Sprintf("10.117.61.%d", host)) {
			break
		}
		if host++; host > 254 {
			host = 100
		}
	}
	def := map[string]string{"mip": fmt.Sprintf("10.117.60.%d", host), "cip": fmt.Sprintf("10.117.61.%d", host),
		"sip": fmt.Sprintf("10.117.61.%d", host)}
	for _, f := range []struct {
		name string
		in   string
		out  *string
	}{{"mip", sp.MIP, &n.MIP}, {"cip", sp.CIP, &n.CIP}, {"sip", sp.SIP, &n.SIP}} {
		v := strings.TrimSpace(f.in)
		if v == "" {
			v = def[f.name]
		}
		a, err := netip.ParseAddr(v)
		if err != nil || !a.Is4() {
			return Node{}, invalid(f.name, "%q is not an IPv4 address", f.in)
		}
		*f.out = a.String()
	}
	for _, a := range []string{n.MIP, n.CIP} {
		if slices.Contains(taken, a) {
			return Node{}, &Error{Kind: KindAddressInUse, Message: fmt.Sprintf("Address %s is already used by a node.", a)}
		}
	}
	return n, nil
}

// CheckAdd checks AddNodes' pendingNodes against the pending nodes: each
// must name a node that is pending (not already pendingActive).
func CheckAdd(ids []int64, pending []Node) ([]Node, error) {
	if len(ids) == 0 {
		return nil, invalid("pendingNodes", "must name at least one pending node")
	}
	var out []Node
	seen := map[int64]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		i := slices.IndexFunc(pending, func(n Node) bool { return n.PendingNodeID == id })
		if i < 0 || pending[i].State != Pending {
			return nil, &Error{Kind: KindNodeNotFound, Message: fmt.Sprintf("PendingNodeID %d does not exist.", id)}
		}
		out = append(out, pending[i])
	}
	return out, nil
}

// Member is an active node as RemoveNodes sees it: its ID and how many
// of its drives are still in use (any status but available).
type Member struct {
	ID          int64
	DrivesInUse int
}

// CheckRemove checks RemoveNodes: every ID must be an active node with no
// drive in use; at least one node must stay; and unless ignoreTolerance,
// the nodes that stay must still fill the ensemble (EnsembleSize, or as
// many as there were).
func CheckRemove(ids []int64, active []Member, ignoreTolerance bool) error {
	if len(ids) == 0 {
		return invalid("nodes", "must name at least one node")
	}
	remove := map[int64]bool{}
	for _, id := range ids {
		i := slices.IndexFunc(active, func(m Member) bool { return m.ID == id })
		if i < 0 {
			return &Error{Kind: KindNodeNotFound, Message: fmt.Sprintf("NodeID %d does not exist.", id)}
		}
		if n := active[i].DrivesInUse; n > 0 {
			return &Error{Kind: KindHasActiveDrives, Message: fmt.Sprintf(
				"Node %d has %d drive(s) in use; remove them with RemoveDrives first.", id, n)}
		}
		remove[id] = true
	}
	left := len(active) - len(remove)
	if left == 0 {
		return &Error{Kind: KindLastNode, Message: "Cannot remove every node of the cluster."}
	}
	if !ignoreTolerance && left < min(EnsembleSize, len(active)) {
		return &Error{Kind: KindEnsembleTolerance, Message: fmt.Sprintf(
			"Removing %d node(s) leaves %d node(s) for the %d-node ensemble; set ignoreEnsembleToleranceChange to proceed.",
			len(remove), left, min(EnsembleSize, len(active)))}
	}
	return nil
}
