package sdktest

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	kms "github.com/alibabacloud-go/kms-20160120/v3/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/element-emulator/element-emulator/alikms"
	"github.com/element-emulator/element-emulator/sqlite"
)

// Example is the Go walk-through of docs/alibaba-kms.md, run against a KMS
// on a free port: the official SDK with an explicit endpoint and
// credentials, then the seed 003 flow.
func Example() {
	dir, _ := os.MkdirTemp("", "alikms-example")
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "emu.db"), []byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		panic(err)
	}
	defer store.Close()
	svc, _ := alikms.New(alikms.Config{Store: store, Now: timeNow})
	srv := httptest.NewServer(svc.Handler())
	defer srv.Close()
	endpoint := strings.TrimPrefix(srv.URL, "http://") // "127.0.0.1:9441" for a plain element-emulator

	// --- as in docs/alibaba-kms.md ---
	client, err := kms.NewClient(&openapi.Config{
		AccessKeyId:     tea.String("LTAIEMULATOR0000000000"),
		AccessKeySecret: tea.String("emulator-alibaba-secret"),
		RegionId:        tea.String("cn-hangzhou"),
		Endpoint:        tea.String(endpoint),
		Protocol:        tea.String("http"),
	})
	if err != nil {
		panic(err)
	}
	key, err := client.CreateKey(&kms.CreateKeyRequest{Description: tea.String("hsm export")})
	if err != nil {
		panic(err)
	}
	keyID := tea.StringValue(key.Body.KeyMetadata.KeyId)

	// The cryptographic module's key pair; KMS gets the public half.
	priv, _ := rsa.GenerateKey(rand.Reader, 2048)
	der, _ := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	out, err := client.GenerateAndExportDataKey(&kms.GenerateAndExportDataKeyRequest{
		KeyId:             tea.String(keyID),
		KeySpec:           tea.String("AES_256"),
		EncryptionContext: map[string]interface{}{"Example": "Example"},
		PublicKeyBlob:     tea.String(base64.StdEncoding.EncodeToString(der)),
		WrappingKeySpec:   tea.String("RSA_2048"),
		WrappingAlgorithm: tea.String("RSAES_OAEP_SHA_256"),
	})
	if err != nil {
		panic(err)
	}
	// The module opens ExportedDataKey with its private key ...
	ct, _ := base64.StdEncoding.DecodeString(tea.StringValue(out.Body.ExportedDataKey))
	dataKey, err := rsa.DecryptOAEP(sha256.New(), nil, priv, ct, nil)
	if err != nil {
		panic(err)
	}
	// ... and the backup (CiphertextBlob) gives the same key through Decrypt.
	back, err := client.Decrypt(&kms.DecryptRequest{
		CiphertextBlob:    out.Body.CiphertextBlob,
		EncryptionContext: map[string]interface{}{"Example": "Example"},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(dataKey), tea.StringValue(back.Body.Plaintext) == base64.StdEncoding.EncodeToString(dataKey))

	// Errors are *tea.SDKError with the HTTP status and Alibaba's Code.
	_, err = client.DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String("no-such-key")})
	if se, ok := err.(*tea.SDKError); ok {
		fmt.Println(tea.IntValue(se.StatusCode), tea.StringValue(se.Code))
	}
	// Output:
	// 32 true
	// 404 Forbidden.KeyNotFound
}
