package cluster

import (
	"errors"

	"github.com/element-emulator/element-emulator/admins"
)

// adminNames gives each cluster-admin failure kind its Element x-name
// (docs/admins.md). x-names live only in this package.
var adminNames = map[admins.Kind]string{
	admins.KindAdminNotFound:     "xClusterAdminIDDoesNotExist",
	admins.KindDuplicateUsername: "xDuplicateUsername",
	admins.KindNotPermitted:      NameAPINotPermitted,
}

// AdminError turns a cluster-admin error into the Element error the
// client sees; any other error passes through unchanged (an internal error).
func AdminError(err error) error {
	var ip *admins.InvalidParam
	if errors.As(err, &ip) {
		return ErrInvalidParam(ip.Param, ip.Why)
	}
	var e *admins.Error
	if errors.As(err, &e) {
		if name, ok := adminNames[e.Kind]; ok {
			return &Error{Name: name, Message: e.Message}
		}
	}
	return err
}

// NamePermissionDenied refuses a method outside an added cluster admin's
// access list (docs/admins.md, Access; inferred).
const NamePermissionDenied = "xPermissionDenied"

// ErrPermissionDenied is the answer to a method the caller's access list
// does not allow.
func ErrPermissionDenied(method string) *Error {
	return &Error{Name: NamePermissionDenied, Message: "Permission denied: this cluster admin's access does not allow " + method + "."}
}
