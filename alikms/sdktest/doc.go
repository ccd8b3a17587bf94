// Package sdktest drives the Alibaba Cloud KMS emulator (package alikms)
// with the official Go SDK, unchanged: github.com/alibabacloud-go/kms-20160120/v3
// over darabonba-openapi/v2, in all three signing modes. The SDK is
// imported by test files only, so it is not linked into the emulator.
package sdktest
