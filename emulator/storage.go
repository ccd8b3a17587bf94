package emulator

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/element-emulator/element-emulator/admins"
	"github.com/element-emulator/element-emulator/volumes"
)

// cloneDuration is how long a CloneVolume's async job runs on the emulator
// clock before GetAsyncResult reports it complete (V8).
const cloneDuration = 2 * time.Second

// buildVolumes builds the storage domain on the same store and clock as the
// cluster; its committed writes notify the dashboard's hub. The functions below are its whole adapter to the cluster: the
// provisionable space, the unique ID in each IQN, and the async job table.
func (e *Emulator) buildVolumes(newUUID func() string, random io.Reader) *volumes.Service {
	c := e.cluster
	return volumes.New(volumes.Deps{
		Store: e.store, Now: e.clock.Now, NewUUID: newUUID, Rand: random,
		Capacity: func(ctx context.Context) (int64, error) {
			cap, err := c.ClusterCapacity(ctx)
			return cap.MaxProvisionedSpace, err
		},
		UniqueID: func(ctx context.Context) (string, error) {
			info, err := c.ClusterInfo(ctx)
			return info.State.UniqueID, err
		},
		StartJob:      c.StartJob,
		CloneDuration: cloneDuration,
		Changed:       e.hub.Notify,
	})
}

// buildAdmins builds the cluster-admin surface on the same store; the admin
// of the cached credentials is its primary admin (clusterAdminID 1).
func (e *Emulator) buildAdmins(random io.Reader) *admins.Service {
	return admins.New(admins.Deps{Store: e.store, Now: e.clock.Now, Rand: random, Primary: func() string {
		if c := e.creds.Load(); c != nil {
			return c.user
		}
		return ""
	}})
}

// ClusterHandler is the cluster listener's handler, for in-process callers
// (fuzzing) that skip the sockets.
func (e *Emulator) ClusterHandler() http.Handler { return e.api.ClusterHandler() }

// Volumes is the storage domain (the lab's --volumes fills it).
func (e *Emulator) Volumes() *volumes.Service { return e.volumes }
