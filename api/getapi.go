package api

import (
	"context"
	"slices"
)

// getAPI serves GetAPI (docs/element-api.md, GetAPI): the current version, the
// supported versions cut at it (D1, D2: strings) and a member named after the
// current version listing every method served at that version, sorted. The
// answer does not depend on the URL version.
func (s *Server) getAPI(_ context.Context, _ struct{}) (map[string]any, error) {
	return map[string]any{
		"currentVersion":    s.current,
		"supportedVersions": slices.Clone(s.versions),
		s.current:           slices.Clone(s.names),
	}, nil
}
