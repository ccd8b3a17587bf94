package dashboard

import (
	"context"
	"strconv"
)

// Section is one extra panel of the cluster page, shown after the built-in
// ones in the order registered. Build runs on every refresh of every open
// page, so it must be cheap and must not block; it returns text only, and
// never secrets (key material, passwords, tokens).
type Section struct {
	// ID is the panel's HTML id suffix (section-<ID>): letters, digits, -.
	ID string
	// Title is the panel's heading.
	Title string
	// Build returns the panel's tables.
	Build func(ctx context.Context) ([]Table, error)
}

// Table is a captioned table of text cells.
type Table struct {
	Caption string     `json:"caption,omitempty"`
	Columns []string   `json:"columns"`
	Rows    [][]string `json:"rows"`
	// Empty is shown instead of the table when there are no rows.
	Empty string `json:"empty,omitempty"`
}

type sectionView struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Tables []Table `json:"tables"`
	Error  string  `json:"error,omitempty"`
}

// Register adds a section to the cluster page; call it before serving.
func (s *Server) Register(sec Section) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sections = append(s.sections, sec)
}

func (s *Server) buildSections(ctx context.Context) []sectionView {
	s.mu.Lock()
	secs := append([]Section(nil), s.sections...)
	s.mu.Unlock()
	out := make([]sectionView, 0, len(secs))
	for _, sec := range secs {
		v := sectionView{ID: sec.ID, Title: sec.Title, Tables: []Table{}}
		tables, err := sec.Build(ctx)
		if err != nil {
			// The section's own failure shows in its panel; the page lives on.
			s.log.WarnContext(ctx, "dashboard section failed", "section", sec.ID, "error", err)
			v.Error = "this section could not be read; see the emulator log"
		}
		for _, t := range tables {
			if t.Rows == nil {
				t.Rows = [][]string{}
			}
			v.Tables = append(v.Tables, t)
		}
		out = append(out, v)
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
