package cluster

import (
	"errors"

	"github.com/element-emulator/element-emulator/networks"
)

// networkNames gives each networks-domain failure kind its Element x-name
// (docs/nodes.md, Errors). x-names live only in this package.
var networkNames = map[networks.Kind]string{
	networks.KindNotFound:     "xVirtualNetworkIDDoesNotExist",
	networks.KindTagNotFound:  "xVirtualNetworkTagDoesNotExist",
	networks.KindTagExists:    "xVirtualNetworkTagAlreadyExists",
	networks.KindNodeNotFound: "xNodeIDDoesNotExist",
}

// NetworkError turns a networks-domain error into the Element error the
// client sees; any other error passes through unchanged.
func NetworkError(err error) error {
	var ip *networks.InvalidParam
	if errors.As(err, &ip) {
		return ErrInvalidParam(ip.Param, ip.Why)
	}
	var e *networks.Error
	if errors.As(err, &e) {
		if name, ok := networkNames[e.Kind]; ok {
			return &Error{Name: name, Message: e.Message}
		}
	}
	return err
}
