// Package cloudkms holds what the emulator's cloud key-management
// personalities (Tencent Cloud KMS in package tckms, Alibaba Cloud KMS in
// package alikms) share, so that each personality keeps only its wire
// dialect and its key rules. Standard library only; it imports no other
// package of the project.
//
// # Credentials
//
// A Credentials set maps an access key ID (Tencent: SecretId; Alibaba:
// AccessKeyId) to its secret and, for STS-style temporary credentials, the
// security token every request must carry. A personality builds one from its
// default pair plus the pairs given with its --<personality>-credential
// flags (ParseCredential reads "ID:SECRET[:TOKEN]") or a credentials file
// (ParseCredentialFile reads a JSON list). A Secret never prints: its
// String, LogValue and MarshalJSON all say REDACTED; Reveal gives the bytes
// to the signature check.
//
//	creds, err := cloudkms.NewCredentials(cloudkms.Credential{ID: "AKIDEMULATOR0000000000", Secret: "emulator-tencent-secret"})
//	c, ok := creds.Lookup(id) // c.Secret.Reveal() keys the HMAC
//
// # Real time: timestamp window and nonce cache
//
// Signatures are stamped by real SDKs with real time, so their checks use
// the wall clock, never the emulator clock (a clock advance must not break
// signing). Window.Check(t) says whether a request's timestamp is within
// Skew of Wall(); NonceCache.Use(scope, nonce) records a nonce for TTL of
// wall time and reports a replay. The cache is bounded (Max entries): when
// full, the oldest entry goes first.
//
// # Emulator clock: deletion dates
//
// Key dates are state and follow the emulator clock. DeletionDate(now,
// days) is when a key scheduled for deletion with a pending window of days
// goes; Due(now, at) says whether a date stored as that has been reached.
// Personalities settle such dates lazily, at the next request that reads
// the key, like every deadline of the emulator.
//
// # Request log
//
// RequestLog keeps the newest Max requests of a personality in memory for
// GET /_emulator/<personality>/requests and the dashboard: id, time,
// action, the access key ID, the signature mode, the key ID, the HTTP
// status and the result code. A Record has no field for a secret, a
// signature, a token, key material or a plaintext, so none can be logged.
// Reset clears it.
//
// # Faults
//
// FaultEvent, Fault and FaultSource carry the lab's fault rules (targets
// "tckms" and "alikms", matched on "action") into a personality, which
// renders the effect in its own dialect: error (with an optional code and
// status), http-status (a raw status and an empty body), delay (ms of real
// time, then the request goes on) and drop (the connection closes without
// an answer).
package cloudkms
