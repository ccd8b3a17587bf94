package emulator

import (
	"context"
	"strconv"

	"github.com/element-emulator/element-emulator/cloudkms"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/faults"
)

// cloudKMSFaults feeds the persisted fault rules of the cloud KMS targets
// (alikms, tckms; match action) to a personality.
type cloudKMSFaults struct{ c *cluster.Cluster }

var _ cloudkms.FaultSource = cloudKMSFaults{}

func (f cloudKMSFaults) Fire(ctx context.Context, ev cloudkms.FaultEvent) (*cloudkms.Fault, error) {
	fe := faults.Event{Target: faults.Target(ev.Target), Attrs: map[string]string{"action": ev.Action}}
	r, fired, err := f.c.FireRuleWhere(ctx, func(r faults.Rule) bool { return r.Matches(fe) })
	if err != nil || !fired {
		return nil, err
	}
	ms, _ := strconv.Atoi(r.Params["ms"])
	status, _ := strconv.Atoi(r.Params["status"])
	return &cloudkms.Fault{Effect: r.Effect, Status: status, Code: r.Params["code"], Message: r.Params["message"], Ms: ms}, nil
}
