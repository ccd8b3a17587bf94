package cluster

import (
	"errors"
	"fmt"
	"strings"
)

// Error is an Element API failure: Name is the x-name, Message the exact
// client-visible text. It is the only error type that reaches the wire with
// its text; api/errors.go maps it to Element's error object.
type Error struct {
	Name    string
	Message string
}

func (e *Error) Error() string { return e.Name + ": " + e.Message }

// Is makes errors.Is(err, &Error{Name: "xFoo"}) match on the name alone.
func (e *Error) Is(target error) bool {
	var t *Error
	if !errors.As(target, &t) {
		return false
	}
	return t.Name == e.Name && (t.Message == "" || t.Message == e.Message)
}

// Element error names (docs/element-api.md, Error object and catalogue).
// x-names live only in this file.
const (
	NameInvalidRequest          = "xInvalidRequest"
	NameUnknownAPIMethod        = "xUnknownAPIMethod"
	NameMissingParameter        = "xMissingParameter"
	NameInvalidParameterType    = "xInvalidParameterType"
	NameUnrecognizedEnumString  = "xUnrecognizedEnumString"
	NameInvalidParameter        = "xInvalidParameter"
	NameAsyncHandleDoesNotExist = "xAsyncHandleDoesNotExist"
	NameDriveIDDoesNotExist     = "xDriveIDDoesNotExist"
	NameKeyServerIDDoesNotExist = "xKeyServerIDDoesNotExist"
	NameKeyProviderIDNotExist   = "xKeyProviderIDDoesNotExist"
	NameAPINotPermitted         = "xAPINotPermitted"
	NameKeyPairDoesNotExist     = "xKeyPairDoesNotExist"
	NameKmipConnectionFailure   = "xKmipConnectionFailure"
	NameKmipAuthFailure         = "xKmipAuthenticationFailure"
	NameKmipServerError         = "xKmipServerError"
	NameClusterAlreadyCreated   = "xClusterAlreadyCreated"
)

// ErrInvalidRequest reports an envelope problem.
func ErrInvalidRequest(reason string) *Error {
	return &Error{Name: NameInvalidRequest, Message: "Invalid JSON-RPC request: " + reason}
}

// ErrUnknownMethod reports a method that is not served. The real message is
// unknown; clients print it with method=<Name> (docs/fidelity.md).
func ErrUnknownMethod(name string) *Error {
	return &Error{Name: NameUnknownAPIMethod, Message: "method=" + name}
}

// ErrMissingParam reports a required parameter that is absent or null.
func ErrMissingParam(param string) *Error {
	return &Error{Name: NameMissingParameter, Message: fmt.Sprintf("Missing member=[%s]", param)}
}

// ErrParamType reports a parameter of the wrong JSON type.
func ErrParamType(param, expected string) *Error {
	return &Error{Name: NameInvalidParameterType, Message: fmt.Sprintf("Invalid type for member=[%s]: expected %s", param, expected)}
}

// ErrEnum reports an enum value that is not recognised.
func ErrEnum(param, value string) *Error {
	return &Error{Name: NameUnrecognizedEnumString, Message: fmt.Sprintf("Unrecognized enum string=[%s] for member=[%s]", value, param)}
}

// ErrInvalidParam reports an out-of-range or inconsistent value.
func ErrInvalidParam(param, reason string) *Error {
	return &Error{Name: NameInvalidParameter, Message: fmt.Sprintf("Invalid value for member=[%s]: %s", param, reason)}
}

// ErrAsyncHandle reports an unknown or purged async handle.
func ErrAsyncHandle(h int64) *Error {
	return &Error{Name: NameAsyncHandleDoesNotExist, Message: fmt.Sprintf("Async handle %d does not exist.", h)}
}

// ErrDriveID reports an unknown drive.
func ErrDriveID(id int64) *Error {
	return &Error{Name: NameDriveIDDoesNotExist, Message: fmt.Sprintf("Drive %d does not exist.", id)}
}

// ErrKeyServerID reports an unknown key server (D9).
func ErrKeyServerID(id int64) *Error {
	return &Error{Name: NameKeyServerIDDoesNotExist, Message: fmt.Sprintf("KMIP key server %d does not exist.", id)}
}

// ErrKeyProviderID reports an unknown key provider (D9).
func ErrKeyProviderID(id int64) *Error {
	return &Error{Name: NameKeyProviderIDNotExist, Message: fmt.Sprintf("KMIP key provider %d does not exist.", id)}
}

// ErrNotPermitted reports a well-formed request forbidden by state (D10).
func ErrNotPermitted(format string, args ...any) *Error {
	return &Error{Name: NameAPINotPermitted, Message: fmt.Sprintf(format, args...)}
}

// ErrNoKeyPair reports a CSR request before CreatePublicPrivateKeyPair (D16).
func ErrNoKeyPair() *Error {
	return &Error{Name: NameKeyPairDoesNotExist, Message: "No public/private key pair exists; call CreatePublicPrivateKeyPair first."}
}

// ErrProviderHasNoServer is the D10 exception: a provider without a server.
func ErrProviderHasNoServer(id int64) *Error {
	return ErrInvalidParam("keyProviderID", fmt.Sprintf("Key provider %d has no key servers assigned.", id))
}

// ErrClusterAlreadyCreated is CreateCluster's refusal; it names the cluster.
func ErrClusterAlreadyCreated(name string) *Error {
	return &Error{Name: NameClusterAlreadyCreated, Message: "xClusterAlreadyCreated: node is already a member of cluster " + name}
}

// KMIP failure classes (docs/kmip.md, failure classes; D11). The kmip package
// reports them through errors with a FailureClass() string method, so neither
// package imports the other.
const (
	ClassConnection     = "connection"
	ClassAuthentication = "authentication"
	ClassServer         = "server"
)

// kmipErrPrefix is the text each class puts in front of its message.
var kmipErrPrefix = map[string]string{
	ClassConnection:     "Connection failure: ",
	ClassAuthentication: "Authentication failure: ",
	ClassServer:         "Server error: ",
}

var kmipErrName = map[string]string{
	ClassConnection:     NameKmipConnectionFailure,
	ClassAuthentication: NameKmipAuthFailure,
	ClassServer:         NameKmipServerError,
}

// classified is what a key-server error looks like to the cluster.
type classified interface {
	error
	FailureClass() string
}

// kmipError turns any key-server error into the Element error of its class.
// Unclassified errors count as server errors.
func kmipError(err error) *Error {
	var ce *Error
	if errors.As(err, &ce) {
		return ce
	}
	class, msg := ClassServer, err.Error()
	var c classified
	if errors.As(err, &c) {
		class = c.FailureClass()
		if _, ok := kmipErrName[class]; !ok {
			class = ClassServer
		}
		msg = c.Error()
	}
	prefix := kmipErrPrefix[class]
	if !strings.HasPrefix(msg, prefix) {
		msg = prefix + msg
	}
	return &Error{Name: kmipErrName[class], Message: msg}
}
