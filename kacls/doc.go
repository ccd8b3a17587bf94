// Package kacls is the emulator's Google Workspace client-side encryption
// Key Access Control List Service (docs/kacls.md): one or more KACLS
// instances, each with its own base URL, its own AES-256 wrapping keys and
// its own RS256 JWT signing key published at <instance>/certs, serving the
// whole KACLS API (status, certs, wrap, unwrap, rewrap, digest,
// privilegedwrap, privilegedunwrap, privilegedprivatekeydecrypt,
// privatekeydecrypt, privatekeysign, wrapprivatekey, delegate) under real
// JWT authentication and authorization (github.com/go-jose/go-jose/v4).
//
// Rewrap is the migration of Google's seed: the new instance asks the old
// one for the data-encryption key with privilegedunwrap over HTTPS, proving
// itself with a JWT that the old instance verifies through the new one's
// /certs, and wraps the key under its own key. Only listed peers are
// called.
//
// The package knows the KACLS wire and nothing about Element: it imports
// no other package of the project. It depends on a Store (package sqlite
// implements it; secrets are sealed there), the emulator clock (Now), a
// FaultSource fed from the emulator's fault rules, and a logger. Its errors
// are *Error values written as Google's error object; data-encryption keys,
// private keys and tokens are never stored or logged.
package kacls
