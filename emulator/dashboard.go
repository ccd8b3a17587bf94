package emulator

import (
	"context"
	"net/http"
	"time"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/dashboard"
	"github.com/element-emulator/element-emulator/tckms"
)

// buildUI builds the dashboard (docs/dashboard.md) unless Config.NoUI,
// with the KACLS section when the KACLS is on.
func (e *Emulator) buildUI() {
	if e.cfg.NoUI {
		return
	}
	e.ui = dashboard.New(dashboard.Deps{
		Cluster: e.cluster,
		Clock:   func() (time.Time, string) { return e.clock.Now(), string(e.clock.Mode()) },
		Snapshots: func(ctx context.Context) ([]string, error) {
			list, err := e.Snapshots(ctx)
			names := make([]string, 0, len(list))
			for _, s := range list {
				names = append(names, s.Name)
			}
			return names, err
		},
		Hub:    e.hub,
		Logger: e.log.With("component", "dashboard"),
	})
	if e.kacls != nil {
		e.ui.Register(dashboard.KACLSSection(e.kacls))
	}
	if e.alikms != nil {
		e.ui.Register(dashboard.AlikmsSection(func() *alikms.Service { return e.alikms }, func() string { return e.Addr("alikms") }))
	}
	if e.tckms != nil {
		e.ui.Register(dashboard.TCKMSSection(func() *tckms.Service { return e.tckms }, func() string { return e.Addr("tckms") }))
	}
}

// uiHandler is the dashboard's handler, or nil when it is off.
func (e *Emulator) uiHandler() http.Handler {
	if e.ui == nil {
		return nil
	}
	return e.ui
}

// Dashboard returns the dashboard (nil when Config.NoUI), for the lab
// overview and for sections added by other packages.
func (e *Emulator) Dashboard() *dashboard.Server { return e.ui }
