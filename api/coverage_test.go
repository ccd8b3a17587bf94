package api

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// coverageDoc is the method table of record for humans; this test keeps it
// in step with api/methods.go.
const coverageDoc = "../docs/api-coverage.md"

// coverageRow is one method row of docs/api-coverage.md:
// | `Method` | status | since | listener | async | faults | notes |
type coverageRow struct {
	line        int
	name        string
	implemented bool
	since       string
	listener    string
}

// readCoverageRows returns the rows of the markdown table whose first cell
// is a method name in backticks.
func readCoverageRows(t *testing.T) []coverageRow {
	t.Helper()
	f, err := os.Open(coverageDoc)
	require.NoError(t, err, "docs/api-coverage.md must exist")
	defer f.Close()
	var rows []coverageRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		require.GreaterOrEqual(t, len(cells), 4, "%s:%d: a method row needs method, status, since and listener", coverageDoc, n)
		name := strings.Trim(cells[0], "`")
		require.NotEmpty(t, name, "%s:%d: empty method name", coverageDoc, n)
		status := strings.ToLower(cells[1])
		impl := strings.HasPrefix(status, "implemented")
		require.True(t, impl || strings.HasPrefix(status, "not yet"),
			"%s:%d: status of %s must start with \"implemented\" or \"not yet\", got %q", coverageDoc, n, name, cells[1])
		rows = append(rows, coverageRow{line: n, name: name, implemented: impl, since: cells[2], listener: cells[3]})
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, rows, "no method rows found in %s", coverageDoc)
	return rows
}

// listenerCell is how docs/api-coverage.md spells a method's scope.
func listenerCell(s scope) string {
	switch s {
	case scopeCluster:
		return "cluster"
	case scopeNode:
		return "node"
	case scopeAll:
		return "cluster, node"
	case scopeBootstrap:
		return "bootstrap"
	}
	return "?"
}

// TestAPICoverageDoc checks docs/api-coverage.md against the method table:
// every registered method has a row marked implemented with the same
// since-version and listener, every row marked implemented is registered,
// and no name appears twice in either.
func TestAPICoverageDoc(t *testing.T) {
	table := (&Server{}).methods() // method values only; no cluster needed

	registered := map[string]method{}
	for _, m := range table {
		key := strings.ToLower(m.name)
		_, dup := registered[key]
		require.False(t, dup, "method %s is registered twice in api/methods.go", m.name)
		registered[key] = m
	}
	_, err := buildIndex(table)
	require.NoError(t, err)

	rows := readCoverageRows(t)
	documented := map[string]coverageRow{}
	for _, r := range rows {
		key := strings.ToLower(r.name)
		prev, dup := documented[key]
		require.False(t, dup, "%s:%d: %s already has a row (line %d)", coverageDoc, r.line, r.name, prev.line)
		documented[key] = r
	}

	for _, m := range table {
		r, ok := documented[strings.ToLower(m.name)]
		require.True(t, ok, "%s is registered in api/methods.go but has no row in %s", m.name, coverageDoc)
		require.Equal(t, m.name, r.name, "%s:%d: spell the method as api/methods.go does", coverageDoc, r.line)
		require.True(t, r.implemented, "%s:%d: %s is registered; mark it implemented", coverageDoc, r.line, m.name)
		require.Equal(t, m.since, r.since, "%s:%d: since-version of %s", coverageDoc, r.line, m.name)
		require.Equal(t, listenerCell(m.scope), r.listener, "%s:%d: listener of %s", coverageDoc, r.line, m.name)
	}
	for _, r := range rows {
		if r.implemented {
			_, ok := registered[strings.ToLower(r.name)]
			require.True(t, ok, "%s:%d: %s is marked implemented but is not registered in api/methods.go", coverageDoc, r.line, r.name)
		}
	}
}
