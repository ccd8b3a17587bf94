package alikms

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// Error is the only error whose text reaches a client: Alibaba's error
// object {"RequestId", "HostId", "Code", "Message", "Recommend"}, sent with
// HTTP status Status (docs/alibaba-kms.md, errors).
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message) }

func newError(status int, code, format string, a ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, a...)}
}

// The errors of the contract, one constructor per code.

const msgInvalidParameter = "The specified parameter is not valid."

// errInvalid is 400 InvalidParameter; detail, when given, follows the
// documented message.
func errInvalid(format string, a ...any) *Error {
	msg := msgInvalidParameter
	if format != "" {
		msg += " " + fmt.Sprintf(format, a...)
	}
	return &Error{Status: http.StatusBadRequest, Code: "InvalidParameter", Message: msg}
}

func errMissing(param string) *Error {
	return newError(http.StatusBadRequest, "Missing"+param, "%s is mandatory for this action.", param)
}

var errKeyNotFound = &Error{Status: http.StatusNotFound, Code: "Forbidden.KeyNotFound", Message: "The specified Key is not found."}

func errAliasNotFound() *Error {
	return newError(http.StatusNotFound, "Forbidden.AliasNotFound", "The specified Alias is not found.")
}

func errRejected(reason string) *Error {
	msgs := map[string]string{
		"Enabled":             "The key state is Enabled, the request is rejected.",
		"Disabled":            "The key is Disabled.",
		"PendingDeletion":     "The key is PendingDeletion.",
		"PendingImport":       "The key is PendingImport.",
		"StateModifiedFailed": "The key state cannot be modified in its current state.",
		"DeletionProtection":  "The key is protected against deletion.",
	}
	return &Error{Status: http.StatusConflict, Code: "Rejected." + reason, Message: msgs[reason]}
}

var errUnknownAccessKey = &Error{Status: http.StatusNotFound, Code: "InvalidAccessKeyId.NotFound",
	Message: "The Access Key ID provided does not exist in our records."}

func errIncompleteSignature(format string, a ...any) *Error {
	return newError(http.StatusBadRequest, "IncompleteSignature", format, a...)
}

func errTimestamp(format string, a ...any) *Error {
	return newError(http.StatusBadRequest, "InvalidTimeStamp.Expired", format, a...)
}

var errNonceUsed = &Error{Status: http.StatusBadRequest, Code: "SignatureNonceUsed",
	Message: "The request signature nonce has been used."}

var errSecurityToken = &Error{Status: http.StatusBadRequest, Code: "InvalidSecurityToken.MismatchWithAccessKey",
	Message: "The security token does not match the access key."}

var errUnknownAction = &Error{Status: http.StatusNotFound, Code: "InvalidAction.NotFound",
	Message: "Specified api is not found, please check your url and method."}

var errDryRun = &Error{Status: http.StatusBadRequest, Code: "DryRunOperationError",
	Message: "The request would have succeeded, but the DryRun flag is set."}

var errAliasExists = &Error{Status: http.StatusConflict, Code: "EntityAlreadyExists.Alias",
	Message: "The specified alias already exists."}

// errInternal is what any error that is not an *Error becomes on the wire;
// its own text is logged, never sent.
var errInternal = &Error{Status: http.StatusInternalServerError, Code: "InternalFailure", Message: "InternalFailure"}

// asError returns err as the *Error a client sees.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return errInternal
}

// writeError writes Alibaba's error object.
func writeError(w http.ResponseWriter, requestID, host string, e *Error) {
	writeJSON(w, e.Status, requestID, map[string]any{"RequestId": requestID, "HostId": host,
		"Code": e.Code, "Message": e.Message, "Recommend": ""})
}

func writeJSON(w http.ResponseWriter, status int, requestID string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"Code":"InternalFailure","Message":"InternalFailure","RequestId":"` + requestID + `"}`)
	}
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.Header().Set("x-acs-request-id", requestID)
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// Sentinels of the store.
var (
	// ErrNotFound: no such key, version or alias.
	ErrNotFound = errors.New("alikms: not found")
	// ErrExists: the alias is taken.
	ErrExists = errors.New("alikms: already exists")
)
