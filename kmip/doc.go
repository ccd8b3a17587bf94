// Package kmip holds both ends of the emulator's KMIP wire, built on
// github.com/ovh/kmip-go v0.8.1 (docs/kmip.md):
//
//   - the embedded key server (Server): mutual TLS with client certificates
//     verified against the embedded CA on the emulator clock, SymmetricKey and
//     SecretData objects with never-reused decimal UIDs, generic attribute
//     storage (custom x- attributes of any TTLV type round-trip), key material
//     sealed by the Store, one log line per batch item, statistics and
//     kmip-server fault hooks (FaultSource, SetRefuse); its own accept and
//     connection loops around kmipserver's batch executor check every
//     message is well-formed TTLV before ovh's decoder sees it (conn.go);
//   - the embedded certificate authority (CA) that signs the cluster's CSRs and
//     issues the server leaf of the KMIP and HTTPS listeners;
//   - the cluster-side client (Client): its own hostname loop, one connection
//     per flow and one operation per message, every failure classified as a
//     *ClientError (connection, authentication or server).
//
// The package knows TTLV and nothing about Element; it imports no other
// package of the project. Persistence goes through the Store interface,
// which package sqlite implements.
package kmip
