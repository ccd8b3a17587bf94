package sdktest

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"net/http"
	"testing"
	"time"

	kms "github.com/alibabacloud-go/kms-20160120/v3/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/alikms"
)

// cryptoModule is the seed's "cryptographic module": an RSA-2048 pair whose
// public half goes to KMS as PublicKeyBlob.
type cryptoModule struct {
	priv *rsa.PrivateKey
	blob string
}

func newModule(t *testing.T) cryptoModule { return newModuleTB(t) }

func newModuleTB(t testing.TB) cryptoModule {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	der, err := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	require.NoError(t, err)
	return cryptoModule{priv, base64.StdEncoding.EncodeToString(der)}
}

func (m cryptoModule) open(t *testing.T, exported string, sha1Hash bool) []byte {
	ct, err := base64.StdEncoding.DecodeString(exported)
	require.NoError(t, err)
	h := sha256.New()
	if sha1Hash {
		h = sha1.New()
	}
	pt, err := rsa.DecryptOAEP(h, nil, m.priv, ct, nil)
	require.NoError(t, err)
	return pt
}

var example = map[string]interface{}{"Example": "Example"}

func createKey(t *testing.T, c *kms.Client) *kms.CreateKeyResponseBodyKeyMetadata {
	r, err := c.CreateKey(&kms.CreateKeyRequest{Description: tea.String("seed 003")})
	require.NoError(t, err)
	return r.Body.KeyMetadata
}

// TestSeed003GenerateAndExportDataKey is the seed's flow: a data key made
// by KMS, returned under a CMK (CiphertextBlob, for backup and recovery)
// and under the module's public key (ExportedDataKey, for the module).
func TestSeed003GenerateAndExportDataKey(t *testing.T) {
	e := newEnv(t, alikms.Config{})
	c := e.sdk()

	// 1. A CMK and an alias.
	md := createKey(t, c)
	k, v := tea.StringValue(md.KeyId), tea.StringValue(md.PrimaryKeyVersion)
	require.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$`, k)
	require.Equal(t, "Enabled", tea.StringValue(md.KeyState))
	require.Equal(t, "acs:kms:cn-hangzhou:1234567890123456:key/"+k, tea.StringValue(md.Arn))
	_, err := c.CreateAlias(&kms.CreateAliasRequest{AliasName: tea.String("alias/hsm-export"), KeyId: tea.String(k)})
	require.NoError(t, err)

	// 2-3. The module's key pair; GenerateAndExportDataKey through the alias.
	mod := newModule(t)
	r, err := c.GenerateAndExportDataKey(&kms.GenerateAndExportDataKeyRequest{
		KeyId: tea.String("alias/hsm-export"), KeySpec: tea.String("AES_256"), EncryptionContext: example,
		PublicKeyBlob: tea.String(mod.blob), WrappingKeySpec: tea.String("RSA_2048"), WrappingAlgorithm: tea.String("RSAES_OAEP_SHA_256")})
	require.NoError(t, err)
	require.Equal(t, int32(http.StatusOK), tea.Int32Value(r.StatusCode))
	require.Equal(t, k, tea.StringValue(r.Body.KeyId), "the key ID, not the alias")
	require.Equal(t, v, tea.StringValue(r.Body.KeyVersionId))
	require.Regexp(t, `^[0-9a-f-]{36}$`, tea.StringValue(r.Body.RequestId))

	// 4. The module opens ExportedDataKey; the blob names the version.
	d := mod.open(t, tea.StringValue(r.Body.ExportedDataKey), false)
	require.Len(t, d, 32)
	raw, err := base64.StdEncoding.DecodeString(tea.StringValue(r.Body.CiphertextBlob))
	require.NoError(t, err)
	require.Equal(t, v, string(raw[:36]))

	// 5. Backup and recovery: Decrypt gives the same key, with the context only.
	dr, err := c.Decrypt(&kms.DecryptRequest{CiphertextBlob: r.Body.CiphertextBlob, EncryptionContext: example})
	require.NoError(t, err)
	require.Equal(t, base64.StdEncoding.EncodeToString(d), tea.StringValue(dr.Body.Plaintext))
	require.Equal(t, k, tea.StringValue(dr.Body.KeyId))
	require.Equal(t, v, tea.StringValue(dr.Body.KeyVersionId))
	_, err = c.Decrypt(&kms.DecryptRequest{CiphertextBlob: r.Body.CiphertextBlob})
	sdkErr(t, err, 400, "InvalidParameter")

	// 6. ARN as KeyId; NumberOfBytes wins over KeySpec; neither gives 32; SHA-1 OAEP.
	gen := func(req *kms.GenerateAndExportDataKeyRequest) (*kms.GenerateAndExportDataKeyResponseBody, error) {
		req.PublicKeyBlob, req.WrappingKeySpec = tea.String(mod.blob), tea.String("RSA_2048")
		if req.WrappingAlgorithm == nil {
			req.WrappingAlgorithm = tea.String("RSAES_OAEP_SHA_256")
		}
		out, err := c.GenerateAndExportDataKey(req)
		if err != nil {
			return nil, err
		}
		return out.Body, nil
	}
	b, err := gen(&kms.GenerateAndExportDataKeyRequest{KeyId: md.Arn, NumberOfBytes: tea.Int32(24), KeySpec: tea.String("AES_256")})
	require.NoError(t, err)
	require.Equal(t, k, tea.StringValue(b.KeyId))
	require.Len(t, mod.open(t, tea.StringValue(b.ExportedDataKey), false), 24)
	b, err = gen(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	require.Len(t, mod.open(t, tea.StringValue(b.ExportedDataKey), false), 32)
	b, err = gen(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(k), KeySpec: tea.String("AES_128"), WrappingAlgorithm: tea.String("RSAES_OAEP_SHA_1")})
	require.NoError(t, err)
	d1 := mod.open(t, tea.StringValue(b.ExportedDataKey), true)
	require.Len(t, d1, 16)
	dr, err = c.Decrypt(&kms.DecryptRequest{CiphertextBlob: b.CiphertextBlob})
	require.NoError(t, err)
	require.Equal(t, base64.StdEncoding.EncodeToString(d1), tea.StringValue(dr.Body.Plaintext))

	// 7. Refusals, status and code exactly.
	for _, ref := range []string{"0b9c4a1e-5f0d-4f7e-9d1a-2b3c4d5e6f70", "no-such-key", "alias/none",
		"acs:kms:cn-shanghai:1234567890123456:key/" + k, "acs:kms:cn-hangzhou:999:key/" + k} {
		_, err = gen(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(ref)})
		sdkErr(t, err, 404, "Forbidden.KeyNotFound")
	}
	for _, req := range []*kms.GenerateAndExportDataKeyRequest{
		{KeyId: tea.String(k), NumberOfBytes: tea.Int32(0)},
		{KeyId: tea.String(k), NumberOfBytes: tea.Int32(1025)},
		{KeyId: tea.String(k), NumberOfBytes: tea.Int32(191)}, // longer than one OAEP-SHA-256 block
		{KeyId: tea.String(k), WrappingAlgorithm: tea.String("SM2PKE")},
		{KeyId: tea.String(k), EncryptionContext: map[string]interface{}{"n": 1}},
	} {
		_, err = gen(req)
		sdkErr(t, err, 400, "InvalidParameter")
	}
	_, err = c.GenerateAndExportDataKey(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(k),
		PublicKeyBlob: tea.String(mod.blob), WrappingKeySpec: tea.String("RSA_4096"), WrappingAlgorithm: tea.String("RSAES_OAEP_SHA_256")})
	sdkErr(t, err, 400, "InvalidParameter")
	se := sdkErr(t, func() error {
		_, err := c.GenerateAndExportDataKey(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(k),
			PublicKeyBlob: tea.String(mod.blob), WrappingKeySpec: tea.String("EC_SM2"), WrappingAlgorithm: tea.String("SM2PKE")})
		return err
	}(), 400, "InvalidParameter")
	require.Contains(t, tea.StringValue(se.Message), "not supported by the emulator")
	_, err = c.GenerateAndExportDataKey(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(k),
		PublicKeyBlob: tea.String("bm90IGEga2V5"), WrappingKeySpec: tea.String("RSA_2048"), WrappingAlgorithm: tea.String("RSAES_OAEP_SHA_256")})
	sdkErr(t, err, 400, "InvalidParameter")
	_, err = c.GenerateAndExportDataKey(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(k),
		WrappingKeySpec: tea.String("RSA_2048"), WrappingAlgorithm: tea.String("RSAES_OAEP_SHA_256")})
	sdkErr(t, err, 400, "MissingPublicKeyBlob")
	_, err = gen(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(k), DryRun: tea.String("true")})
	sdkErr(t, err, 400, "DryRunOperationError")
	_, err = e.client("", "LTAINOSUCHKEY0000000000", "x").DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
	sdkErr(t, err, 404, "InvalidAccessKeyId.NotFound")
	_, err = e.client("", alikms.DefaultAccessKeyID, "wrong").DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
	se = sdkErr(t, err, 400, "SignatureDoesNotMatch")
	require.Contains(t, tea.StringValue(se.Message), "server StringToSign is [ACS3-HMAC-SHA256\n")

	// 8. No copy kept: a new service on the same database still decrypts,
	// and the database holds neither the data key nor its base64.
	e.start(alikms.Config{})
	c = e.sdk()
	dr, err = c.Decrypt(&kms.DecryptRequest{CiphertextBlob: r.Body.CiphertextBlob, EncryptionContext: example})
	require.NoError(t, err)
	require.Equal(t, base64.StdEncoding.EncodeToString(d), tea.StringValue(dr.Body.Plaintext))
	requireNotInDB(t, e, d)

	// 9. GenerateDataKeyWithoutPlaintext → ExportDataKey = Decrypt; ReEncrypt; Encrypt.
	w, err := c.GenerateDataKeyWithoutPlaintext(&kms.GenerateDataKeyWithoutPlaintextRequest{KeyId: tea.String(k), EncryptionContext: example})
	require.NoError(t, err)
	x, err := c.ExportDataKey(&kms.ExportDataKeyRequest{CiphertextBlob: w.Body.CiphertextBlob, EncryptionContext: example,
		PublicKeyBlob: tea.String(mod.blob), WrappingKeySpec: tea.String("RSA_2048"), WrappingAlgorithm: tea.String("RSAES_OAEP_SHA_256")})
	require.NoError(t, err)
	dr, err = c.Decrypt(&kms.DecryptRequest{CiphertextBlob: w.Body.CiphertextBlob, EncryptionContext: example})
	require.NoError(t, err)
	require.Equal(t, tea.StringValue(dr.Body.Plaintext), base64.StdEncoding.EncodeToString(mod.open(t, tea.StringValue(x.Body.ExportedDataKey), false)))
	k2 := tea.StringValue(createKey(t, c).KeyId)
	other := map[string]interface{}{"purpose": "moved"}
	re, err := c.ReEncrypt(&kms.ReEncryptRequest{CiphertextBlob: w.Body.CiphertextBlob, SourceEncryptionContext: example,
		DestinationKeyId: tea.String(k2), DestinationEncryptionContext: other})
	require.NoError(t, err)
	require.Equal(t, k, tea.StringValue(re.Body.KeyId))
	require.Equal(t, v, tea.StringValue(re.Body.KeyVersionId))
	dr2, err := c.Decrypt(&kms.DecryptRequest{CiphertextBlob: re.Body.CiphertextBlob, EncryptionContext: other})
	require.NoError(t, err)
	require.Equal(t, k2, tea.StringValue(dr2.Body.KeyId))
	require.Equal(t, tea.StringValue(dr.Body.Plaintext), tea.StringValue(dr2.Body.Plaintext))
	en, err := c.Encrypt(&kms.EncryptRequest{KeyId: tea.String(k), Plaintext: tea.String(base64.StdEncoding.EncodeToString([]byte("hello")))})
	require.NoError(t, err)
	dr, err = c.Decrypt(&kms.DecryptRequest{CiphertextBlob: en.Body.CiphertextBlob})
	require.NoError(t, err)
	require.Equal(t, "aGVsbG8=", tea.StringValue(dr.Body.Plaintext))
	gd, err := c.GenerateDataKey(&kms.GenerateDataKeyRequest{KeyId: tea.String(k), NumberOfBytes: tea.Int32(48)})
	require.NoError(t, err)
	pt, _ := base64.StdEncoding.DecodeString(tea.StringValue(gd.Body.Plaintext))
	require.Len(t, pt, 48)

	// 10. A fault fires once, then the action works again.
	e.faults.add("GenerateAndExportDataKey", 1, alikms.Fault{Effect: alikms.EffectError})
	_, err = gen(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(k)})
	sdkErr(t, err, 500, "InternalFailure")
	_, err = gen(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
}

// requireNotInDB reads every table and checks the secret appears nowhere,
// raw or base64.
func requireNotInDB(t *testing.T, e *env, secret []byte) {
	t.Helper()
	b64 := []byte(base64.StdEncoding.EncodeToString(secret))
	rows, err := e.store.DB().Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	require.NoError(t, err)
	var tables []string
	for rows.Next() {
		var n string
		require.NoError(t, rows.Scan(&n))
		tables = append(tables, n)
	}
	require.NoError(t, rows.Close())
	for _, tb := range tables {
		rs, err := e.store.DB().Query(`SELECT * FROM "` + tb + `"`)
		require.NoError(t, err)
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, rs.Scan(ptrs...))
			for _, v := range vals {
				var cell []byte
				switch x := v.(type) {
				case []byte:
					cell = x
				case string:
					cell = []byte(x)
				}
				require.False(t, bytes.Contains(cell, secret) || bytes.Contains(cell, b64), "table %s holds the data key", tb)
			}
		}
		require.NoError(t, rs.Close())
	}
}

var _ = time.Second
