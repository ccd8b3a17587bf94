package sdktest

import (
	"testing"

	kms "github.com/alibabacloud-go/kms-20160120/v3/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/element-emulator/element-emulator/alikms"
)

// BenchmarkSDK measures whole calls of the official SDK (signing, HTTP on
// loopback, verification, SQLite, the answer) against the KMS.
func BenchmarkSDK(b *testing.B) {
	e := newEnvTB(b, alikms.Config{})
	c := e.sdk()
	r, err := c.CreateKey(&kms.CreateKeyRequest{})
	if err != nil {
		b.Fatal(err)
	}
	k := r.Body.KeyMetadata.KeyId
	mod := newModuleTB(b)
	b.Run("DescribeKey", func(b *testing.B) {
		for b.Loop() {
			if _, err := c.DescribeKey(&kms.DescribeKeyRequest{KeyId: k}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("GenerateDataKey", func(b *testing.B) {
		for b.Loop() {
			if _, err := c.GenerateDataKey(&kms.GenerateDataKeyRequest{KeyId: k}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("GenerateAndExportDataKey", func(b *testing.B) {
		for b.Loop() {
			if _, err := c.GenerateAndExportDataKey(&kms.GenerateAndExportDataKeyRequest{KeyId: k, PublicKeyBlob: tea.String(mod.blob),
				WrappingKeySpec: tea.String("RSA_2048"), WrappingAlgorithm: tea.String("RSAES_OAEP_SHA_256")}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
