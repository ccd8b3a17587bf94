// Package docs holds the repository's documentation: the wire contract
// (element-api.md, kmip.md), the decisions the code cites (decisions.md), the
// architecture, labs and scenario pages. It has no code; its test checks that
// the repository stands on its own, that is, that no tracked file names a
// path outside the repository or cites a section of a document that is not
// in it.
package docs
