// Package alikms is the emulator's Alibaba Cloud KMS (docs/alibaba-kms.md):
// the RPC-style shared-gateway endpoint (version 2016-01-20) that the
// official SDKs, Terraform's alicloud provider and the CLI call, with
// symmetric customer master keys (CMKs), their versions and aliases, tags,
// the key state machine, rotation and deletion on the emulator clock, and
// data keys: GenerateDataKey, GenerateAndExportDataKey (the data key
// returned under a CMK and under a public key the caller supplies),
// ExportDataKey, Encrypt, Decrypt and ReEncrypt.
//
// Every request is signed: ACS3-HMAC-SHA256 (the Go SDK's default),
// ACS4-HMAC-SHA256 and RPC V1 HMAC-SHA1 are verified against the
// configured access keys, with a timestamp window and a nonce cache on
// real time (SDKs stamp real time; key dates follow the emulator clock).
//
// The package knows the Alibaba wire and nothing about Element: it imports
// no other package of the project. It depends on a Store (package sqlite
// implements it; CMK material is sealed there), the emulator clock (Now), a
// FaultSource fed from the emulator's fault rules, and a logger. Data keys
// are never stored; material, plaintexts and secrets are never logged.
package alikms
