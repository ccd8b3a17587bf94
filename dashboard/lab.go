package dashboard

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"sync"
)

// Lab is the class of "element-emulator lab": one member per cluster.
type Lab struct {
	Members []LabMember
}

// LabMember is one student cluster.
type LabMember struct {
	Index int
	Name  string
	// HTTP and HTTPS are the cluster listeners' addresses (host:port, ""
	// when off); the overview links to the one the viewer uses.
	HTTP, HTTPS string
	Dashboard   *Server
}

type labRow struct {
	Index  int    `json:"index"`
	Name   string `json:"name"`
	Clock  string `json:"clock"`
	URL    string `json:"url"`
	Health Health `json:"health"`
	Error  string `json:"error,omitempty"`
}

type labState struct {
	Lab      bool     `json:"lab"`
	Clusters []labRow `json:"clusters"`
	Healthy  int      `json:"healthy"`
}

// labState reads every member's health; the links use the scheme and host
// the viewer used, with the member's own port.
func (s *Server) labState(ctx context.Context, r *http.Request) labState {
	l := s.lab.Load()
	out := labState{Clusters: []labRow{}}
	if l == nil {
		return out
	}
	out.Lab = true
	rows := make([]labRow, len(l.Members))
	var wg sync.WaitGroup
	for i, m := range l.Members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			row := labRow{Index: m.Index, Name: m.Name, URL: memberURL(r, m)}
			now, _ := m.Dashboard.d.Clock()
			row.Clock = ts(now)
			h, err := m.Dashboard.Health(ctx)
			if err != nil {
				row.Error = "unreadable; see the emulator log"
				h.FaultCodes = []string{}
			}
			row.Health = h
			rows[i] = row
		}()
	}
	wg.Wait()
	for _, row := range rows {
		if row.Health.OK && row.Error == "" {
			out.Healthy++
		}
	}
	out.Clusters = rows
	return out
}

func memberURL(r *http.Request, m LabMember) string {
	scheme, addr := "http", m.HTTP
	if r.TLS != nil || addr == "" {
		scheme, addr = "https", m.HTTPS
	}
	if addr == "" {
		return ""
	}
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return ""
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(r.Host); err == nil {
		host = h
	}
	if ip := net.ParseIP(host); ip != nil && ip.To4() == nil {
		host = "[" + host + "]"
	}
	if _, err := strconv.Atoi(port); err != nil {
		return ""
	}
	return scheme + "://" + host + ":" + port + Prefix + "/"
}

func (s *Server) serveLabState(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, s.labState(r.Context(), r))
}

func (s *Server) serveLabEvents(w http.ResponseWriter, r *http.Request) {
	var subs []<-chan struct{}
	if l := s.lab.Load(); l != nil {
		for _, m := range l.Members {
			c, cancel := m.Dashboard.d.Hub.Subscribe()
			defer cancel()
			subs = append(subs, c)
		}
	}
	s.stream(w, r, subs, s.d.LabGap, func(ctx context.Context) (any, error) { return s.labState(ctx, r), nil })
}
