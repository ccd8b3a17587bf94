package tckms

import (
	"regexp"
	"strings"
)

// State is a key's state.
type State string

// Key states.
const (
	Enabled       State = "Enabled"
	Disabled      State = "Disabled"
	PendingDelete State = "PendingDelete"
	PendingImport State = "PendingImport"
	Archived      State = "Archived"
)

// Origin says where a key's material comes from.
type Origin string

// Origins.
const (
	OriginKMS      Origin = "TENCENT_KMS" // CreateKey Type 1
	OriginExternal Origin = "EXTERNAL"    // CreateKey Type 2: imported material
)

// Tag is one resource tag.
type Tag struct{ Key, Value string }

// Key is one customer master key. Times are unix seconds on the emulator
// clock; 0 = none.
type Key struct {
	ID           string
	Alias        string
	Description  string
	Usage        string
	Origin       Origin
	State        State
	CreateTime   int64
	DeletionDate int64 // PendingDelete only
	ValidTo      int64 // EXTERNAL: when the imported material expires
	// Material is the AES key (32 bytes, or 16 in the sm flavour); nil for an
	// EXTERNAL key whose material was never imported, deleted or expired.
	// Sealed at rest, never logged.
	Material []byte
	// Fingerprint is the HMAC-SHA256 of the first imported material, kept
	// after the material is deleted so that only the same one imports again.
	Fingerprint []byte
	Tags        []Tag
	Seq         int64 // creation order (set by the store)
}

// Event is what may happen to a key; each has a row in the state table.
type Event string

// Events of the state table.
const (
	evImport        Event = "ImportKeyMaterial"
	evDeleteImport  Event = "DeleteImportedKeyMaterial"
	evEnable        Event = "EnableKey"
	evDisable       Event = "DisableKey"
	evArchive       Event = "ArchiveKey"
	evCancelArchive Event = "CancelKeyArchive"
	evSchedule      Event = "ScheduleKeyDeletion"
	evCancelDelete  Event = "CancelKeyDeletion"
	evEncrypt       Event = "Encrypt"
	evDecrypt       Event = "Decrypt"
	evGetParams     Event = "GetParametersForImport"
)

// same marks a cell where the state stays; "" is a refusal.
type cell struct {
	to   State  // "" = stays
	code string // refusal code ("" = allowed)
}

func to(s State) cell         { return cell{to: s} }
func refuse(code string) cell { return cell{code: code} }

var stay = cell{}

// transitions is the one state table (docs/tencent-kms.md, key states).
// CancelKeyDeletion's PendingDelete cell and the material effects of the
// import events are applied by their handlers.
var transitions = map[Event]map[State]cell{
	evImport: {Enabled: stay, Disabled: stay, Archived: stay, PendingImport: to(Enabled),
		PendingDelete: refuse(codeKeyPendingDelete)},
	evDeleteImport: {Enabled: to(PendingImport), Disabled: to(PendingImport), Archived: to(PendingImport),
		PendingImport: stay, PendingDelete: stay},
	evGetParams: {Enabled: stay, Disabled: stay, Archived: stay, PendingImport: stay,
		PendingDelete: refuse(codeKeyPendingDelete)},
	evDisable: {Enabled: to(Disabled), Disabled: stay, PendingImport: refuse(codeCmkStateNotSupport),
		PendingDelete: refuse(codeKeyPendingDelete), Archived: refuse(codeCmkStateNotSupport)},
	evEnable: {Enabled: stay, Disabled: to(Enabled), PendingImport: refuse(codeCmkStateNotSupport),
		PendingDelete: refuse(codeKeyPendingDelete), Archived: refuse(codeCmkStateNotSupport)},
	evArchive: {Enabled: to(Archived), Disabled: refuse(codeCmkStateNotSupport), PendingImport: refuse(codeCmkStateNotSupport),
		PendingDelete: refuse(codeKeyPendingDelete), Archived: stay},
	evCancelArchive: {Enabled: refuse(codeCmkStateNotSupport), Disabled: refuse(codeCmkStateNotSupport),
		PendingImport: refuse(codeCmkStateNotSupport), PendingDelete: refuse(codeKeyPendingDelete), Archived: to(Enabled)},
	evSchedule: {Enabled: refuse(codeCmkShouldBeDisable), Disabled: to(PendingDelete), PendingImport: to(PendingDelete),
		PendingDelete: refuse(codeKeyPendingDelete), Archived: refuse(codeCmkShouldBeDisable)},
	evCancelDelete: {Enabled: refuse(codeCmkNotPendingDel), Disabled: refuse(codeCmkNotPendingDel),
		PendingImport: refuse(codeCmkNotPendingDel), Archived: refuse(codeCmkNotPendingDel), PendingDelete: stay},
	evEncrypt: {Enabled: stay, Disabled: refuse(codeCmkDisabled), PendingImport: refuse(codeCmkStateNotSupport),
		PendingDelete: refuse(codeKeyPendingDelete), Archived: refuse(codeCmkArchived)},
	evDecrypt: {Enabled: stay, Disabled: refuse(codeCmkDisabled), PendingImport: refuse(codeCmkStateNotSupport),
		PendingDelete: refuse(codeKeyPendingDelete), Archived: stay},
}

// On returns the state after ev, or the refusal.
func (k *Key) On(ev Event) (State, *Error) {
	c, ok := transitions[ev][k.State]
	if !ok {
		return "", errState(codeCmkStateNotSupport, k, string(ev))
	}
	if c.code != "" {
		return "", errState(c.code, k, string(ev))
	}
	if c.to == "" {
		return k.State, nil
	}
	return c.to, nil
}

// keyIDRE is a key ID: a lower-case UUID (the emulator's own IDs).
var keyIDRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// validKeyID reports whether id can name a key; the real service also
// takes upper case, which is folded.
func validKeyID(id string) (string, bool) {
	id = strings.ToLower(id)
	return id, keyIDRE.MatchString(id)
}

// aliasRE is an alias: 1-60 of letters, digits, - and _, first a letter or
// digit (the length is checked beside it).
// A bounded repetition such as {1,64} compiles to that many copies of the
// class (milliseconds of start-up for each such package-level pattern), so
// the pattern is unbounded and the length is checked beside it.
var aliasRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

func checkAlias(a string) *Error {
	if len(a) > 60 || !aliasRE.MatchString(a) {
		return newErr(codeInvalidAlias, "The alias %q is invalid: 1 to 60 letters, digits, - and _, starting with a letter or digit.", a)
	}
	if strings.HasPrefix(strings.ToLower(a), "kms-") {
		return newErr(codeInvalidAlias, "The alias %q is invalid: the prefix kms- is reserved.", a)
	}
	return nil
}
