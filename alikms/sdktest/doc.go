// Package sdktest drives the Alibaba Cloud KMS emulator (package alikms)
// with the official Go SDK, unchanged: github.com/alibabacloud-go/kms-20160120/v3
// over darabonba-openapi/v2, in all three signing modes. It is a module of
// its own so that the SDK's dependency tree stays out of the emulator's
// go.mod; .ci/run runs its tests.
package sdktest
