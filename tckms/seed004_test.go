package tckms_test

import (
	"encoding/base64"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	kms "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/kms/v20190118"

	"github.com/element-emulator/element-emulator/tckms"
)

// byok is an EXTERNAL key made by CreateKey Type 2 (seed 004, step 1).
func (e *env) byok(c *kms.Client, alias string) string {
	e.t.Helper()
	req := kms.NewCreateKeyRequest()
	req.Alias, req.Type = str(alias), u64(2)
	resp, err := c.CreateKey(req)
	require.NoError(e.t, err)
	require.Equal(e.t, "PendingImport", *resp.Response.KeyState)
	require.NotEmpty(e.t, *resp.Response.RequestId)
	return *resp.Response.KeyId
}

// params runs GetParametersForImport (seed 004, step 2).
func (e *env) params(c *kms.Client, id, alg string) (token, pub string) {
	e.t.Helper()
	req := kms.NewGetParametersForImportRequest()
	req.KeyId, req.WrappingAlgorithm, req.WrappingKeySpec = str(id), str(alg), str("RSA_2048")
	resp, err := c.GetParametersForImport(req)
	require.NoError(e.t, err)
	require.NotEmpty(e.t, *resp.Response.ImportToken)
	require.Equal(e.t, uint64(e.clock().Unix()+86400), *resp.Response.ParametersValidTo)
	require.Equal(e.t, id, *resp.Response.KeyId)
	return *resp.Response.ImportToken, *resp.Response.PublicKey
}

// importM runs ImportKeyMaterial (seed 004, step 4).
func importM(c *kms.Client, id, token, wrapped string, validTo uint64) error {
	req := kms.NewImportKeyMaterialRequest()
	req.KeyId, req.ImportToken, req.EncryptedKeyMaterial = str(id), str(token), str(wrapped)
	if validTo != 0 {
		req.ValidTo = u64(validTo)
	}
	_, err := c.ImportKeyMaterial(req)
	return err
}

func describe(t *testing.T, c *kms.Client, id string) *kms.KeyMetadata {
	t.Helper()
	req := kms.NewDescribeKeyRequest()
	req.KeyId = str(id)
	resp, err := c.DescribeKey(req)
	require.NoError(t, err)
	return resp.Response.KeyMetadata
}

func encrypt(c *kms.Client, id, plaintext string) (string, error) {
	req := kms.NewEncryptRequest()
	req.KeyId, req.Plaintext = str(id), str(base64.StdEncoding.EncodeToString([]byte(plaintext)))
	resp, err := c.Encrypt(req)
	if err != nil {
		return "", err
	}
	return *resp.Response.CiphertextBlob, nil
}

func decrypt(c *kms.Client, blob string) (string, error) {
	req := kms.NewDecryptRequest()
	req.CiphertextBlob = str(blob)
	resp, err := c.Decrypt(req)
	if err != nil {
		return "", err
	}
	pt, err := base64.StdEncoding.DecodeString(*resp.Response.Plaintext)
	return string(pt), err
}

func simple(t *testing.T, c *kms.Client, action, id string) error {
	t.Helper()
	var err error
	switch action {
	case "EnableKey":
		r := kms.NewEnableKeyRequest()
		r.KeyId = str(id)
		_, err = c.EnableKey(r)
	case "DisableKey":
		r := kms.NewDisableKeyRequest()
		r.KeyId = str(id)
		_, err = c.DisableKey(r)
	case "ArchiveKey":
		r := kms.NewArchiveKeyRequest()
		r.KeyId = str(id)
		_, err = c.ArchiveKey(r)
	case "CancelKeyArchive":
		r := kms.NewCancelKeyArchiveRequest()
		r.KeyId = str(id)
		_, err = c.CancelKeyArchive(r)
	case "CancelKeyDeletion":
		r := kms.NewCancelKeyDeletionRequest()
		r.KeyId = str(id)
		_, err = c.CancelKeyDeletion(r)
	case "DeleteImportedKeyMaterial":
		r := kms.NewDeleteImportedKeyMaterialRequest()
		r.KeyId = str(id)
		_, err = c.DeleteImportedKeyMaterial(r)
	default:
		t.Fatalf("unknown action %s", action)
	}
	return err
}

func schedule(c *kms.Client, id string, days uint64) (*kms.ScheduleKeyDeletionResponse, error) {
	r := kms.NewScheduleKeyDeletionRequest()
	r.KeyId, r.PendingWindowInDays = str(id), u64(days)
	return c.ScheduleKeyDeletion(r)
}

var algorithms = []string{"RSAES_PKCS1_V1_5", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"}

// TestSeed004ImportFlow is seed 004 end to end with the official SDK, once
// per wrapping algorithm: create an external key, get the import
// parameters, wrap 32 random bytes locally, import, use the key, delete
// the material, and import the same material again under another
// algorithm.
func TestSeed004ImportFlow(t *testing.T) {
	e := newEnv(t, tckms.Config{})
	c := e.client()
	for i, alg := range algorithms {
		t.Run(alg, func(t *testing.T) {
			id := e.byok(c, "byok-"+string(rune('a'+i)))
			md := describe(t, c, id)
			require.Equal(t, "EXTERNAL", *md.Origin)
			require.Equal(t, int64(2), *md.Type, "KeyMetadata.Type is the FIPS flavour, not CreateKey's Type")
			require.Equal(t, uint64(0), *md.ValidTo)
			require.Equal(t, "PendingImport", *md.KeyState)

			token, pub := e.params(c, id, alg)
			m := randBytes(t, 32)
			require.NoError(t, importM(c, id, token, wrap(t, pub, alg, m), 0))
			require.Equal(t, "Enabled", *describe(t, c, id).KeyState)

			blob, err := encrypt(c, id, "hello")
			require.NoError(t, err)
			pt, err := decrypt(c, blob)
			require.NoError(t, err)
			require.Equal(t, "hello", pt)

			require.NoError(t, simple(t, c, "DeleteImportedKeyMaterial", id))
			require.Equal(t, "PendingImport", *describe(t, c, id).KeyState)
			_, err = decrypt(c, blob)
			requireCode(t, "ResourceUnavailable.CmkStateNotSupport", err)
			_, err = encrypt(c, id, "hello")
			requireCode(t, "ResourceUnavailable.CmkStateNotSupport", err)

			other := algorithms[(i+1)%len(algorithms)]
			token2, pub2 := e.params(c, id, other)
			requireCode(t, "InvalidParameterValue.MaterialNotMatch", importM(c, id, token2, wrap(t, pub2, other, randBytes(t, 32)), 0))
			require.Equal(t, "PendingImport", *describe(t, c, id).KeyState, "a refused import changes nothing")
			require.NoError(t, importM(c, id, token2, wrap(t, pub2, other, m), 0))
			require.Equal(t, "Enabled", *describe(t, c, id).KeyState)
			pt, err = decrypt(c, blob)
			require.NoError(t, err)
			require.Equal(t, "hello", pt, "the old ciphertext decrypts with the same material again")
		})
	}
}

// TestImportTokens: a newer GetParametersForImport supersedes the older
// token, a token serves until its 24 h pass on the emulator clock, and the
// material must decrypt under the token's algorithm and have the right
// length.
func TestImportTokens(t *testing.T) {
	e := newEnv(t, tckms.Config{})
	c := e.client()
	id := e.byok(c, "byok-tokens")
	m := randBytes(t, 32)
	tok1, pub1 := e.params(c, id, "RSAES_OAEP_SHA_256")
	tok2, pub2 := e.params(c, id, "RSAES_OAEP_SHA_256")
	requireCode(t, "ResourceUnavailable.TokenExpired", importM(c, id, tok1, wrap(t, pub1, "RSAES_OAEP_SHA_256", m), 0))
	require.Equal(t, "PendingImport", *describe(t, c, id).KeyState)

	requireCode(t, "InvalidParameter.DecryptMaterialError", importM(c, id, tok2, wrap(t, pub2, "RSAES_PKCS1_V1_5", m), 0))
	requireCode(t, "InvalidParameterValue", importM(c, id, tok2, wrap(t, pub2, "RSAES_OAEP_SHA_256", m[:16]), 0))
	requireCode(t, "InvalidParameterValue", importM(c, id, base64.StdEncoding.EncodeToString(randBytes(t, 32)), wrap(t, pub2, "RSAES_OAEP_SHA_256", m), 0))
	require.Equal(t, "PendingImport", *describe(t, c, id).KeyState)

	require.NoError(t, importM(c, id, tok2, wrap(t, pub2, "RSAES_OAEP_SHA_256", m), 0))
	require.NoError(t, importM(c, id, tok2, wrap(t, pub2, "RSAES_OAEP_SHA_256", m), 0), "a token serves more than once")

	other := e.byok(c, "byok-other")
	requireCode(t, "InvalidParameterValue", importM(c, other, tok2, wrap(t, pub2, "RSAES_OAEP_SHA_256", m), 0))

	e.advance(86401 * time.Second) // the SDK still signs with real time
	requireCode(t, "ResourceUnavailable.TokenExpired", importM(c, id, tok2, wrap(t, pub2, "RSAES_OAEP_SHA_256", m), 0))
	require.Equal(t, "Enabled", *describe(t, c, id).KeyState)
}

// TestValidToExpiry: material with its own ValidTo expires on the
// emulator clock and the key waits for an import again.
func TestValidToExpiry(t *testing.T) {
	e := newEnv(t, tckms.Config{})
	c := e.client()
	id := e.byok(c, "byok-expiry")
	m := randBytes(t, 32)
	tok, pub := e.params(c, id, "RSAES_OAEP_SHA_1")
	now := uint64(e.clock().Unix())
	requireCode(t, "InvalidParameterValue", importM(c, id, tok, wrap(t, pub, "RSAES_OAEP_SHA_1", m), now-1))
	requireCode(t, "InvalidParameterValue", importM(c, id, tok, wrap(t, pub, "RSAES_OAEP_SHA_1", m), 2147443201))
	require.NoError(t, importM(c, id, tok, wrap(t, pub, "RSAES_OAEP_SHA_1", m), now+3600))
	md := describe(t, c, id)
	require.Equal(t, "Enabled", *md.KeyState)
	require.Equal(t, now+3600, *md.ValidTo)
	blob, err := encrypt(c, id, "hello")
	require.NoError(t, err)

	e.advance(3601 * time.Second)
	md = describe(t, c, id)
	require.Equal(t, "PendingImport", *md.KeyState)
	require.Equal(t, uint64(0), *md.ValidTo)
	_, err = decrypt(c, blob)
	requireCode(t, "ResourceUnavailable.CmkStateNotSupport", err)

	tok, pub = e.params(c, id, "RSAES_PKCS1_V1_5")
	require.NoError(t, importM(c, id, tok, wrap(t, pub, "RSAES_PKCS1_V1_5", m), 0))
	pt, err := decrypt(c, blob)
	require.NoError(t, err)
	require.Equal(t, "hello", pt)
}

// TestScheduledDeletion: the deletion rules of seed 004's "more
// operations", then the key is gone when the pending window passes.
func TestScheduledDeletion(t *testing.T) {
	e := newEnv(t, tckms.Config{})
	c := e.client()
	id := e.byok(c, "byok-1")
	m := randBytes(t, 32)
	tok, pub := e.params(c, id, "RSAES_PKCS1_V1_5")
	require.NoError(t, importM(c, id, tok, wrap(t, pub, "RSAES_PKCS1_V1_5", m), 0))

	_, err := schedule(c, id, 7)
	requireCode(t, "ResourceUnavailable.CmkShouldBeDisabled", err)
	require.NoError(t, simple(t, c, "DisableKey", id))
	for _, d := range []uint64{6, 31} {
		_, err = schedule(c, id, d)
		requireCode(t, "InvalidParameter.InvalidPendingWindowInDays", err)
	}
	resp, err := schedule(c, id, 7)
	require.NoError(t, err)
	want := uint64(e.clock().Unix() + 604800)
	require.Equal(t, want, *resp.Response.DeletionDate)
	md := describe(t, c, id)
	require.Equal(t, "PendingDelete", *md.KeyState)
	require.Equal(t, want, *md.DeletionDate)

	require.NoError(t, simple(t, c, "DeleteImportedKeyMaterial", id))
	md = describe(t, c, id)
	require.Equal(t, "PendingDelete", *md.KeyState)
	require.Equal(t, want, *md.DeletionDate)

	require.NoError(t, simple(t, c, "CancelKeyDeletion", id))
	md = describe(t, c, id)
	require.Equal(t, "PendingImport", *md.KeyState, "the material is gone")
	require.Equal(t, uint64(0), *md.DeletionDate)
	requireCode(t, "ResourceUnavailable.CmkNotPendingDelete", simple(t, c, "CancelKeyDeletion", id))

	_, err = schedule(c, id, 7)
	require.NoError(t, err)
	e.advance(604800*time.Second - time.Second)
	require.Equal(t, "PendingDelete", *describe(t, c, id).KeyState)
	e.advance(2 * time.Second)
	r := kms.NewDescribeKeyRequest()
	r.KeyId = str(id)
	_, err = c.DescribeKey(r)
	requireCode(t, "ResourceUnavailable.CmkNotFound", err)
	e.byok(c, "byok-1") // the alias is free again
}
