package faults

import (
	"fmt"
	"strconv"
)

// validateAlikms checks an alikms rule: match action only; status an HTTP
// status; code the Alibaba error Code the answer carries (error effect).
func validateAlikms(r Rule) error {
	if v, ok := r.Params["status"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 100 || n > 599 {
			return fmt.Errorf("%w: status must be an HTTP status from 100 to 599", ErrInvalid)
		}
	}
	if v, ok := r.Params["code"]; ok && (v == "" || len(v) > 64) {
		return fmt.Errorf("%w: code is an Alibaba error Code such as Throttling (1 to 64 characters)", ErrInvalid)
	}
	for k := range r.Match {
		if k != "action" {
			return fmt.Errorf("%w: alikms rules match action, not %q", ErrInvalid, k)
		}
	}
	return nil
}
