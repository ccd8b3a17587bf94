package tckms

import (
	"errors"
	"fmt"
)

// Error is a Tencent Cloud API error: Code is the dotted code the SDK
// returns as TencentCloudSDKError.Code, Message the English text. It
// always travels with HTTP 200.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

func newErr(code, format string, a ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, a...)}
}

// Error codes (docs/tencent-kms.md, errors). Those of the KMS product come
// from the SDK's kms/v20190118/errors.go; the others are Tencent Cloud's
// common codes.
const (
	codeSignatureFailure   = "AuthFailure.SignatureFailure"
	codeSecretIDNotFound   = "AuthFailure.SecretIdNotFound"
	codeSignatureExpire    = "AuthFailure.SignatureExpire"
	codeTokenFailure       = "AuthFailure.TokenFailure"
	codeInvalidAuth        = "AuthFailure.InvalidAuthorization"
	codeInvalidAction      = "InvalidAction"
	codeNoSuchVersion      = "NoSuchVersion"
	codeMissingParameter   = "MissingParameter"
	codeInvalidParameter   = "InvalidParameter"
	codeInvalidParamValue  = "InvalidParameterValue"
	codeRequestTooLarge    = "RequestSizeLimitExceeded"
	codeInternalError      = "InternalError"
	codeUnsupportedOp      = "UnsupportedOperation"
	codeInvalidAlias       = "InvalidParameterValue.InvalidAlias"
	codeAliasExists        = "InvalidParameterValue.AliasAlreadyExists"
	codeInvalidType        = "InvalidParameterValue.InvalidType"
	codeInvalidKeyUsage    = "InvalidParameterValue.InvalidKeyUsage"
	codeInvalidHsmCluster  = "InvalidParameterValue.InvalidHsmClusterId"
	codeInvalidKeyID       = "InvalidParameterValue.InvalidKeyId"
	codeInvalidCiphertext  = "InvalidParameterValue.InvalidCiphertext"
	codeInvalidPlaintext   = "InvalidParameterValue.InvalidPlaintext"
	codeMaterialNotMatch   = "InvalidParameterValue.MaterialNotMatch"
	codeDuplicatedKeyID    = "InvalidParameterValue.DuplicatedKeyId"
	codeDecryptMaterial    = "InvalidParameter.DecryptMaterialError"
	codePendingWindow      = "InvalidParameter.InvalidPendingWindowInDays"
	codeCmkNotFound        = "ResourceUnavailable.CmkNotFound"
	codeCmkDisabled        = "ResourceUnavailable.CmkDisabled"
	codeCmkArchived        = "ResourceUnavailable.CmkArchived"
	codeCmkStateNotSupport = "ResourceUnavailable.CmkStateNotSupport"
	codeKeyPendingDelete   = "ResourceUnavailable.KeyPendingDelete"
	codeCmkShouldBeDisable = "ResourceUnavailable.CmkShouldBeDisabled"
	codeCmkNotPendingDel   = "ResourceUnavailable.CmkNotPendingDelete"
	codeTokenExpired       = "ResourceUnavailable.TokenExpired"
	codeNotExternalCmk     = "UnsupportedOperation.NotExternalCmk"
	codeUnsupportedUsage   = "UnsupportedOperation.UnsupportedKeyUsageInCurrentRegion"
)

func errMissing(name string) *Error {
	return newErr(codeMissingParameter, "The request is missing a required parameter `%s`.", name)
}

func errParamType(name, want string) *Error {
	return newErr(codeInvalidParameter, "The parameter `%s` must be %s.", name, want)
}

func errValue(name, why string) *Error {
	return newErr(codeInvalidParamValue, "The value of the parameter `%s` is invalid: %s.", name, why)
}

func errNotFound(id string) *Error {
	return newErr(codeCmkNotFound, "The CMK %s does not exist.", id)
}

// errState is the refusal of an action in a key state.
func errState(code string, k *Key, action string) *Error {
	return newErr(code, "The CMK %s is %s: %s is not allowed.", k.ID, k.State, action)
}

// Sentinels of the Store.
var (
	// ErrNotFound: no such key or import token.
	ErrNotFound = errors.New("tckms: not found")
	// ErrAliasTaken: another key has that alias.
	ErrAliasTaken = errors.New("tckms: alias taken")
)
