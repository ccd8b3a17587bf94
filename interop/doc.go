// Package interop runs the interop proofs: real clients of Element (and of
// the emulator's other services) that live in their own Go modules under
// interop/<name>/ (each with its own go.mod, so that their dependencies stay
// out of the emulator's module) are tested from here, so that the README's
// single test command, go test -race ./..., runs them too. A directory of
// interop/ without a go.mod is an ordinary package of the main module and
// is tested by go test ./... directly.
package interop
