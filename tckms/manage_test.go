package tckms_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	kms "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/kms/v20190118"

	"github.com/element-emulator/element-emulator/cloudkms"
	"github.com/element-emulator/element-emulator/tckms"
)

func createKey(c *kms.Client, alias string, typ uint64) (string, error) {
	r := kms.NewCreateKeyRequest()
	r.Alias, r.Type = str(alias), u64(typ)
	resp, err := c.CreateKey(r)
	if err != nil {
		return "", err
	}
	return *resp.Response.KeyId, nil
}

// TestManagement: archive, aliases, descriptions, listing, and the
// refusals of CreateKey and of key IDs.
func TestManagement(t *testing.T) {
	e := newEnv(t, tckms.Config{})
	c := e.client()
	id, err := createKey(c, "kms-key-1", 1)
	requireCode(t, "InvalidParameterValue.InvalidAlias", err)
	id, err = createKey(c, "native", 1)
	require.NoError(t, err)
	md := describe(t, c, id)
	require.Equal(t, "Enabled", *md.KeyState)
	require.Equal(t, "TENCENT_KMS", *md.Origin)
	require.Equal(t, "creatorUin/100000000001/"+id, *md.ResourceId)
	require.Equal(t, uint64(e.clock().Unix()), *md.CreateTime)
	_, err = createKey(c, "native", 2)
	requireCode(t, "InvalidParameterValue.AliasAlreadyExists", err)
	_, err = createKey(c, "x", 3)
	requireCode(t, "InvalidParameterValue.InvalidType", err)
	for _, a := range []string{"kms-x", "-x", "", strings.Repeat("a", 61), "a b"} {
		_, err = createKey(c, a, 1)
		if a == "" {
			requireCode(t, "MissingParameter", err)
			continue
		}
		requireCode(t, "InvalidParameterValue.InvalidAlias", err)
	}
	r := kms.NewCreateKeyRequest()
	r.Alias, r.KeyUsage = str("asym"), str("ASYMMETRIC_DECRYPT_RSA_2048")
	_, err = c.CreateKey(r)
	requireCode(t, "UnsupportedOperation.UnsupportedKeyUsageInCurrentRegion", err)
	r.KeyUsage = str("SIGN")
	_, err = c.CreateKey(r)
	requireCode(t, "InvalidParameterValue.InvalidKeyUsage", err)
	r.KeyUsage, r.HsmClusterId = nil, str("cls-1")
	_, err = c.CreateKey(r)
	requireCode(t, "InvalidParameterValue.InvalidHsmClusterId", err)

	// Import actions on a Type 1 key.
	gp := kms.NewGetParametersForImportRequest()
	gp.KeyId, gp.WrappingAlgorithm, gp.WrappingKeySpec = str(id), str("RSAES_PKCS1_V1_5"), str("RSA_2048")
	_, err = c.GetParametersForImport(gp)
	requireCode(t, "UnsupportedOperation.NotExternalCmk", err)
	requireCode(t, "UnsupportedOperation.NotExternalCmk", simple(t, c, "DeleteImportedKeyMaterial", id))
	gp.WrappingAlgorithm = str("RSAES_OAEP_SHA_512")
	_, err = c.GetParametersForImport(gp)
	requireCode(t, "InvalidParameterValue", err)
	gp.WrappingAlgorithm, gp.WrappingKeySpec = str("RSAES_PKCS1_V1_5"), str("RSA_4096")
	_, err = c.GetParametersForImport(gp)
	requireCode(t, "InvalidParameterValue", err)

	// Key IDs.
	for _, bad := range []string{"nope", "3f6f4b1c-0b3a-11ef-9e5a-525400d3a88"} {
		dr := kms.NewDescribeKeyRequest()
		dr.KeyId = str(bad)
		_, err = c.DescribeKey(dr)
		requireCode(t, "InvalidParameterValue.InvalidKeyId", err)
	}
	dr := kms.NewDescribeKeyRequest()
	dr.KeyId = str("3f6f4b1c-0b3a-11ef-9e5a-525400d3a886")
	_, err = c.DescribeKey(dr)
	requireCode(t, "ResourceUnavailable.CmkNotFound", err)
	dr.KeyId = str(strings.ToUpper(id))
	_, err = c.DescribeKey(dr)
	require.NoError(t, err, "key IDs are case-insensitive")

	// Archive: no new ciphertext, old ones still decrypt.
	blob, err := encrypt(c, id, "before")
	require.NoError(t, err)
	require.NoError(t, simple(t, c, "ArchiveKey", id))
	_, err = encrypt(c, id, "after")
	requireCode(t, "ResourceUnavailable.CmkArchived", err)
	pt, err := decrypt(c, blob)
	require.NoError(t, err)
	require.Equal(t, "before", pt)
	require.NoError(t, simple(t, c, "CancelKeyArchive", id))
	require.Equal(t, "Enabled", *describe(t, c, id).KeyState)

	// Alias and description.
	other, err := createKey(c, "other", 2)
	require.NoError(t, err)
	ua := kms.NewUpdateAliasRequest()
	ua.KeyId, ua.Alias = str(id), str("other")
	_, err = c.UpdateAlias(ua)
	requireCode(t, "InvalidParameterValue.AliasAlreadyExists", err)
	ua.Alias = str("renamed")
	_, err = c.UpdateAlias(ua)
	require.NoError(t, err)
	ud := kms.NewUpdateKeyDescriptionRequest()
	ud.KeyId, ud.Description = str(id), str("the native key")
	_, err = c.UpdateKeyDescription(ud)
	require.NoError(t, err)
	ud.Description = str(strings.Repeat("d", 1025))
	_, err = c.UpdateKeyDescription(ud)
	requireCode(t, "InvalidParameterValue", err)
	md = describe(t, c, id)
	require.Equal(t, "renamed", *md.Alias)
	require.Equal(t, "the native key", *md.Description)

	// Listing, in creation order.
	for i := 0; i < 3; i++ {
		_, err := createKey(c, "list-"+string(rune('a'+i)), 1)
		require.NoError(t, err)
	}
	lr := kms.NewListKeysRequest()
	lr.Offset, lr.Limit = u64(0), u64(2)
	resp, err := c.ListKeys(lr)
	require.NoError(t, err)
	require.Equal(t, uint64(5), *resp.Response.TotalCount)
	require.Len(t, resp.Response.Keys, 2)
	require.Equal(t, id, *resp.Response.Keys[0].KeyId)
	require.Equal(t, other, *resp.Response.Keys[1].KeyId)
	lr.Limit = u64(201)
	_, err = c.ListKeys(lr)
	requireCode(t, "InvalidParameterValue", err)

	dk := kms.NewDescribeKeysRequest()
	dk.KeyIds = []*string{str(id), str(other), str("3f6f4b1c-0b3a-11ef-9e5a-525400d3a886")}
	dresp, err := c.DescribeKeys(dk)
	require.NoError(t, err)
	require.Len(t, dresp.Response.KeyMetadatas, 2, "unknown IDs are left out")
	dk.KeyIds = []*string{str(id), str(id)}
	_, err = c.DescribeKeys(dk)
	requireCode(t, "InvalidParameterValue.DuplicatedKeyId", err)
}

// TestDataKeys: GenerateDataKey, ReEncrypt, GenerateRandom, and the
// encryption context.
func TestDataKeys(t *testing.T) {
	e := newEnv(t, tckms.Config{})
	c := e.client()
	a, err := createKey(c, "a", 1)
	require.NoError(t, err)
	b, err := createKey(c, "b", 1)
	require.NoError(t, err)

	g := kms.NewGenerateDataKeyRequest()
	g.KeyId, g.KeySpec, g.EncryptionContext = str(a), str("AES_256"), str(`{"b":"2","a":"1"}`)
	gr, err := c.GenerateDataKey(g)
	require.NoError(t, err)
	dk, err := base64.StdEncoding.DecodeString(*gr.Response.Plaintext)
	require.NoError(t, err)
	require.Len(t, dk, 32)

	d := kms.NewDecryptRequest()
	d.CiphertextBlob, d.EncryptionContext = gr.Response.CiphertextBlob, str(`{"a":"1","b":"2"}`)
	dr, err := c.Decrypt(d)
	require.NoError(t, err, "the context is compared in canonical form")
	require.Equal(t, *gr.Response.Plaintext, *dr.Response.Plaintext)
	d.EncryptionContext = str(`{"a":"1"}`)
	_, err = c.Decrypt(d)
	requireCode(t, "InvalidParameterValue.InvalidCiphertext", err)
	d.EncryptionContext = str(`not json`)
	_, err = c.Decrypt(d)
	requireCode(t, "InvalidParameterValue", err)
	d.EncryptionContext, d.EncryptionPublicKey = nil, str("MIIB")
	_, err = c.Decrypt(d)
	requireCode(t, "UnsupportedOperation", err)

	raw, _ := base64.StdEncoding.DecodeString(*gr.Response.CiphertextBlob)
	raw[len(raw)-1] ^= 1
	d = kms.NewDecryptRequest()
	d.CiphertextBlob, d.EncryptionContext = str(base64.StdEncoding.EncodeToString(raw)), str(`{"a":"1","b":"2"}`)
	_, err = c.Decrypt(d)
	requireCode(t, "InvalidParameterValue.InvalidCiphertext", err)
	d.CiphertextBlob = str("aGVsbG8=")
	_, err = c.Decrypt(d)
	requireCode(t, "InvalidParameterValue.InvalidCiphertext", err)

	re := kms.NewReEncryptRequest()
	re.CiphertextBlob, re.DestinationKeyId = gr.Response.CiphertextBlob, str(b)
	re.SourceEncryptionContext, re.DestinationEncryptionContext = str(`{"a":"1","b":"2"}`), str(`{"to":"b"}`)
	rr, err := c.ReEncrypt(re)
	require.NoError(t, err)
	require.Equal(t, b, *rr.Response.KeyId)
	require.Equal(t, a, *rr.Response.SourceKeyId)
	require.True(t, *rr.Response.ReEncrypted)
	d = kms.NewDecryptRequest()
	d.CiphertextBlob, d.EncryptionContext = rr.Response.CiphertextBlob, str(`{"to":"b"}`)
	dr, err = c.Decrypt(d)
	require.NoError(t, err)
	require.Equal(t, b, *dr.Response.KeyId)
	require.Equal(t, *gr.Response.Plaintext, *dr.Response.Plaintext)
	require.NoError(t, simple(t, c, "DisableKey", b))
	_, err = c.ReEncrypt(re)
	requireCode(t, "ResourceUnavailable.CmkDisabled", err)

	g = kms.NewGenerateDataKeyRequest()
	g.KeyId = str(a)
	_, err = c.GenerateDataKey(g)
	requireCode(t, "MissingParameter", err)
	g.NumberOfBytes = u64(1025)
	_, err = c.GenerateDataKey(g)
	requireCode(t, "InvalidParameterValue", err)
	g.NumberOfBytes = u64(7)
	gr, err = c.GenerateDataKey(g)
	require.NoError(t, err)
	dk, _ = base64.StdEncoding.DecodeString(*gr.Response.Plaintext)
	require.Len(t, dk, 7)

	rnd := kms.NewGenerateRandomRequest()
	rnd.NumberOfBytes = u64(1024)
	rres, err := c.GenerateRandom(rnd)
	require.NoError(t, err)
	out, _ := base64.StdEncoding.DecodeString(*rres.Response.Plaintext)
	require.Len(t, out, 1024)
	rnd.NumberOfBytes = u64(0)
	_, err = c.GenerateRandom(rnd)
	requireCode(t, "InvalidParameterValue", err)

	decrypts := 0
	for _, r := range e.svc.Requests(0) {
		if r.Action == "Decrypt" && r.Code == "" {
			require.Contains(t, []string{a, b}, r.KeyID, "the log names the key a blob belongs to")
			decrypts++
		}
	}
	require.Equal(t, 2, decrypts)

	big := kms.NewEncryptRequest()
	big.KeyId, big.Plaintext = str(a), str(base64.StdEncoding.EncodeToString(make([]byte, 4097)))
	_, err = c.Encrypt(big)
	requireCode(t, "InvalidParameterValue.InvalidPlaintext", err)
}

// TestSMFlavour: the sm flavour reports Type 4 and takes 16-byte material
// (the seed's openssl rand 16).
func TestSMFlavour(t *testing.T) {
	e := newEnv(t, tckms.Config{Flavour: tckms.FlavourSM})
	c := e.client()
	id := e.byok(c, "sm")
	require.Equal(t, int64(4), *describe(t, c, id).Type)
	tok, pub := e.params(c, id, "RSAES_PKCS1_V1_5")
	requireCode(t, "InvalidParameterValue", importM(c, id, tok, wrap(t, pub, "RSAES_PKCS1_V1_5", randBytes(t, 32)), 0))
	require.NoError(t, importM(c, id, tok, wrap(t, pub, "RSAES_PKCS1_V1_5", randBytes(t, 16)), 0))
	blob, err := encrypt(c, id, "hello")
	require.NoError(t, err)
	pt, err := decrypt(c, blob)
	require.NoError(t, err)
	require.Equal(t, "hello", pt)
}

// faultList fires the first rule whose action matches, once.
type faultList struct{ rules map[string]*cloudkms.Fault }

func (f *faultList) Fire(_ context.Context, ev cloudkms.FaultEvent) (*cloudkms.Fault, error) {
	r := f.rules[ev.Action]
	delete(f.rules, ev.Action)
	return r, nil
}

// TestFaultsAndRequestLog: fault effects in Tencent's dialect, and a
// request log without secrets.
func TestFaultsAndRequestLog(t *testing.T) {
	fl := &faultList{rules: map[string]*cloudkms.Fault{
		"ListKeys":       {Effect: cloudkms.EffectError},
		"GenerateRandom": {Effect: cloudkms.EffectError, Code: "LimitExceeded"},
		"DescribeKeys":   {Effect: cloudkms.EffectHTTPStatus, Status: 502},
		"EnableKey":      {Effect: cloudkms.EffectDrop},
		"DisableKey":     {Effect: cloudkms.EffectDelay, Ms: 1},
	}}
	e := newEnv(t, tckms.Config{Faults: fl})
	c := e.client()
	_, err := c.ListKeys(kms.NewListKeysRequest())
	requireCode(t, "InternalError", err)
	_, err = c.ListKeys(kms.NewListKeysRequest())
	require.NoError(t, err, "times 1")
	rnd := kms.NewGenerateRandomRequest()
	rnd.NumberOfBytes = u64(8)
	_, err = c.GenerateRandom(rnd)
	requireCode(t, "LimitExceeded", err)
	dk := kms.NewDescribeKeysRequest()
	dk.KeyIds = []*string{str("3f6f4b1c-0b3a-11ef-9e5a-525400d3a886")}
	_, err = c.DescribeKeys(dk)
	// SDK v1.0.563 parses the body before it looks at the status, so an
	// empty 502 (like a gateway's HTML one) surfaces as a JSON error.
	requireCode(t, "ClientError.ParseJsonError", err)
	require.Contains(t, err.Error(), "Fail to parse json content")
	id, err := createKey(c, "faulty", 1)
	require.NoError(t, err)
	require.Error(t, simple(t, c, "EnableKey", id), "dropped")
	require.NoError(t, simple(t, c, "DisableKey", id), "delayed, then answered")

	blob, err := encrypt(c, id, "secret plaintext")
	requireCode(t, "ResourceUnavailable.CmkDisabled", err)
	require.Empty(t, blob)
	list := e.svc.Requests(0)
	require.NotEmpty(t, list)
	b, err := json.Marshal(list)
	require.NoError(t, err)
	require.NotContains(t, string(b), tckms.DefaultSecretKey)
	require.NotContains(t, string(b), base64.StdEncoding.EncodeToString([]byte("secret plaintext")))
	last := list[len(list)-1]
	require.Equal(t, "Encrypt", last.Action)
	require.Equal(t, tckms.DefaultSecretID, last.SecretID)
	require.Equal(t, "TC3-HMAC-SHA256", last.Signature)
	require.Equal(t, id, last.KeyID)
	require.Equal(t, http.StatusOK, last.Status)
	require.Equal(t, "ResourceUnavailable.CmkDisabled", last.Code)
	require.Len(t, e.svc.Requests(last.ID-1), 1)
	_, err = decrypt(c, "garbage")
	requireCode(t, "InvalidParameterValue.InvalidCiphertext", err)

	require.NoError(t, e.svc.Reset(context.Background()))
	require.Empty(t, e.svc.Requests(0))
	lr, err := c.ListKeys(kms.NewListKeysRequest())
	require.NoError(t, err)
	require.Equal(t, uint64(0), *lr.Response.TotalCount)
}
