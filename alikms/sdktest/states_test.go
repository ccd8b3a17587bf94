package sdktest

import (
	"encoding/base64"
	"fmt"
	"sync"
	"testing"
	"time"

	kms "github.com/alibabacloud-go/kms-20160120/v3/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/alikms"
)

// TestKeyStates walks a key through Disabled and PendingDeletion with
// every refusal of the state table, then lets the window pass on the
// emulator clock.
func TestKeyStates(t *testing.T) {
	e := newEnv(t, alikms.Config{})
	c := e.sdk()
	k := tea.StringValue(createKey(t, c).KeyId)
	_, err := c.CreateAlias(&kms.CreateAliasRequest{AliasName: tea.String("alias/k3"), KeyId: tea.String(k)})
	require.NoError(t, err)
	_, err = c.CreateAlias(&kms.CreateAliasRequest{AliasName: tea.String("alias/k3"), KeyId: tea.String(k)})
	sdkErr(t, err, 409, "EntityAlreadyExists.Alias")
	enc, err := c.Encrypt(&kms.EncryptRequest{KeyId: tea.String("alias/k3"), Plaintext: tea.String("aGk=")})
	require.NoError(t, err)
	blob := enc.Body.CiphertextBlob
	mod := newModule(t)

	// Every cryptographic action with a refusal code for the key's state.
	crypto := func(code string) {
		t.Helper()
		for name, call := range map[string]func() error{
			"GenerateDataKey": func() error {
				_, err := c.GenerateDataKey(&kms.GenerateDataKeyRequest{KeyId: tea.String(k)})
				return err
			},
			"GenerateDataKeyWithoutPlaintext": func() error {
				_, err := c.GenerateDataKeyWithoutPlaintext(&kms.GenerateDataKeyWithoutPlaintextRequest{KeyId: tea.String(k)})
				return err
			},
			"GenerateAndExportDataKey": func() error {
				_, err := c.GenerateAndExportDataKey(&kms.GenerateAndExportDataKeyRequest{KeyId: tea.String(k), PublicKeyBlob: tea.String(mod.blob),
					WrappingKeySpec: tea.String("RSA_2048"), WrappingAlgorithm: tea.String("RSAES_OAEP_SHA_256")})
				return err
			},
			"ExportDataKey": func() error {
				_, err := c.ExportDataKey(&kms.ExportDataKeyRequest{CiphertextBlob: blob, PublicKeyBlob: tea.String(mod.blob),
					WrappingKeySpec: tea.String("RSA_2048"), WrappingAlgorithm: tea.String("RSAES_OAEP_SHA_256")})
				return err
			},
			"Encrypt": func() error {
				_, err := c.Encrypt(&kms.EncryptRequest{KeyId: tea.String(k), Plaintext: tea.String("aGk=")})
				return err
			},
			"Decrypt": func() error {
				_, err := c.Decrypt(&kms.DecryptRequest{CiphertextBlob: blob})
				return err
			},
			"ReEncrypt": func() error {
				_, err := c.ReEncrypt(&kms.ReEncryptRequest{CiphertextBlob: blob, DestinationKeyId: tea.String(k)})
				return err
			},
		} {
			if code == "" {
				require.NoError(t, call(), name)
				continue
			}
			se := sdkErr(t, call(), 409, code)
			require.NotEmpty(t, tea.StringValue(se.Message), name)
		}
	}
	state := func(want string) *kms.DescribeKeyResponseBodyKeyMetadata {
		t.Helper()
		r, err := c.DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
		require.NoError(t, err)
		require.Equal(t, want, tea.StringValue(r.Body.KeyMetadata.KeyState))
		return r.Body.KeyMetadata
	}
	keyOnly := &kms.EnableKeyRequest{KeyId: tea.String(k)}

	// Enabled.
	crypto("")
	_, err = c.EnableKey(keyOnly)
	require.NoError(t, err, "EnableKey on Enabled: no change")
	_, err = c.CancelKeyDeletion(&kms.CancelKeyDeletionRequest{KeyId: tea.String(k)})
	sdkErr(t, err, 409, "Rejected.Enabled")

	// Disabled.
	_, err = c.DisableKey(&kms.DisableKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	state("Disabled")
	crypto("Rejected.Disabled")
	_, err = c.DisableKey(&kms.DisableKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err, "DisableKey on Disabled: no change")
	_, err = c.CancelKeyDeletion(&kms.CancelKeyDeletionRequest{KeyId: tea.String(k)})
	sdkErr(t, err, 409, "Rejected.Disabled")
	_, err = c.UpdateKeyDescription(&kms.UpdateKeyDescriptionRequest{KeyId: tea.String(k), Description: tea.String("off")})
	require.NoError(t, err)
	_, err = c.EnableKey(keyOnly)
	require.NoError(t, err)
	state("Enabled")

	// The deletion window: 7 to 366 days.
	for _, days := range []int32{6, 367, 0} {
		_, err = c.ScheduleKeyDeletion(&kms.ScheduleKeyDeletionRequest{KeyId: tea.String(k), PendingWindowInDays: tea.Int32(days)})
		sdkErr(t, err, 400, "InvalidParameter")
	}
	state("Enabled")
	// Deletion protection refuses scheduling.
	arn := "acs:kms:cn-hangzhou:1234567890123456:key/" + k
	_, err = c.SetDeletionProtection(&kms.SetDeletionProtectionRequest{ProtectedResourceArn: tea.String(arn), EnableDeletionProtection: tea.Bool(true),
		DeletionProtectionDescription: tea.String("keep")})
	require.NoError(t, err)
	require.Equal(t, "Enabled", tea.StringValue(state("Enabled").DeletionProtection))
	_, err = c.ScheduleKeyDeletion(&kms.ScheduleKeyDeletionRequest{KeyId: tea.String(k), PendingWindowInDays: tea.Int32(7)})
	sdkErr(t, err, 409, "Rejected.DeletionProtection")
	_, err = c.SetDeletionProtection(&kms.SetDeletionProtectionRequest{ProtectedResourceArn: tea.String(arn), EnableDeletionProtection: tea.Bool(false)})
	require.NoError(t, err)

	// PendingDeletion.
	before := e.now().UTC().Truncate(time.Second)
	_, err = c.ScheduleKeyDeletion(&kms.ScheduleKeyDeletionRequest{KeyId: tea.String(k), PendingWindowInDays: tea.Int32(7)})
	require.NoError(t, err)
	md := state("PendingDeletion")
	del, err := time.Parse("2006-01-02T15:04:05Z", tea.StringValue(md.DeleteDate))
	require.NoError(t, err)
	require.WithinDuration(t, before.Add(7*24*time.Hour), del, 2*time.Second)
	crypto("Rejected.PendingDeletion")
	_, err = c.UpdateKeyDescription(&kms.UpdateKeyDescriptionRequest{KeyId: tea.String(k), Description: tea.String("x")})
	sdkErr(t, err, 409, "Rejected.PendingDeletion")
	_, err = c.CreateKeyVersion(&kms.CreateKeyVersionRequest{KeyId: tea.String(k)})
	sdkErr(t, err, 409, "Rejected.PendingDeletion")
	_, err = c.EnableKey(keyOnly)
	sdkErr(t, err, 409, "Rejected.StateModifiedFailed")
	_, err = c.DisableKey(&kms.DisableKeyRequest{KeyId: tea.String(k)})
	sdkErr(t, err, 409, "Rejected.StateModifiedFailed")
	_, err = c.ScheduleKeyDeletion(&kms.ScheduleKeyDeletionRequest{KeyId: tea.String(k), PendingWindowInDays: tea.Int32(7)})
	sdkErr(t, err, 409, "Rejected.PendingDeletion")
	_, err = c.TagResources(&kms.TagResourcesRequest{ResourceType: tea.String("key"), ResourceId: []*string{tea.String(k)},
		Tag: []*kms.TagResourcesRequestTag{{Key: tea.String("env"), Value: tea.String("lab")}}})
	require.NoError(t, err, "tags in any state")
	_, err = c.CancelKeyDeletion(&kms.CancelKeyDeletionRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	require.Empty(t, tea.StringValue(state("Enabled").DeleteDate))

	// Scheduled again: one second before the date the key still answers;
	// after it, the key, its versions and its alias are gone.
	_, err = c.ScheduleKeyDeletion(&kms.ScheduleKeyDeletionRequest{KeyId: tea.String(k), PendingWindowInDays: tea.Int32(7)})
	require.NoError(t, err)
	e.advance(7*24*time.Hour - 5*time.Second)
	state("PendingDeletion")
	e.advance(6 * time.Second)
	_, err = c.DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
	sdkErr(t, err, 404, "Forbidden.KeyNotFound")
	_, err = c.DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String("alias/k3")})
	sdkErr(t, err, 404, "Forbidden.KeyNotFound")
	_, err = c.Decrypt(&kms.DecryptRequest{CiphertextBlob: blob})
	sdkErr(t, err, 404, "Forbidden.KeyNotFound")
	al, err := c.ListAliases(&kms.ListAliasesRequest{})
	require.NoError(t, err)
	require.Zero(t, tea.Int32Value(al.Body.TotalCount))
}

// TestRotation: CreateKeyVersion and automatic rotation on the emulator
// clock make new primary versions; old ciphertexts still decrypt.
func TestRotation(t *testing.T) {
	e := newEnv(t, alikms.Config{})
	c := e.sdk()
	md := createKey(t, c)
	k, v1 := tea.StringValue(md.KeyId), tea.StringValue(md.PrimaryKeyVersion)
	g1, err := c.GenerateDataKey(&kms.GenerateDataKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	kv, err := c.CreateKeyVersion(&kms.CreateKeyVersionRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	v2 := tea.StringValue(kv.Body.KeyVersion.KeyVersionId)
	require.NotEqual(t, v1, v2)
	g2, err := c.GenerateDataKey(&kms.GenerateDataKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	require.Equal(t, v2, tea.StringValue(g2.Body.KeyVersionId))
	d, err := c.Decrypt(&kms.DecryptRequest{CiphertextBlob: g1.Body.CiphertextBlob})
	require.NoError(t, err)
	require.Equal(t, v1, tea.StringValue(d.Body.KeyVersionId))
	require.Equal(t, tea.StringValue(g1.Body.Plaintext), tea.StringValue(d.Body.Plaintext))

	_, err = c.UpdateRotationPolicy(&kms.UpdateRotationPolicyRequest{KeyId: tea.String(k), EnableAutomaticRotation: tea.Bool(true), RotationInterval: tea.String("86400s")})
	sdkErr(t, err, 400, "InvalidParameter")
	_, err = c.UpdateRotationPolicy(&kms.UpdateRotationPolicyRequest{KeyId: tea.String(k), EnableAutomaticRotation: tea.Bool(true)})
	sdkErr(t, err, 400, "MissingRotationInterval")
	_, err = c.UpdateRotationPolicy(&kms.UpdateRotationPolicyRequest{KeyId: tea.String(k), EnableAutomaticRotation: tea.Bool(true), RotationInterval: tea.String("604800s")})
	require.NoError(t, err)
	r, err := c.DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	require.Equal(t, "Enabled", tea.StringValue(r.Body.KeyMetadata.AutomaticRotation))
	require.Equal(t, "604800s", tea.StringValue(r.Body.KeyMetadata.RotationInterval))
	require.NotEmpty(t, tea.StringValue(r.Body.KeyMetadata.NextRotationDate))
	e.advance(604801 * time.Second)
	r, err = c.DescribeKey(&kms.DescribeKeyRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	v3 := tea.StringValue(r.Body.KeyMetadata.PrimaryKeyVersion)
	require.NotContains(t, []string{v1, v2}, v3)
	require.NotEmpty(t, tea.StringValue(r.Body.KeyMetadata.LastRotationDate))
	lv, err := c.ListKeyVersions(&kms.ListKeyVersionsRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	require.Equal(t, int32(3), tea.Int32Value(lv.Body.TotalCount))
	require.Equal(t, v1, tea.StringValue(lv.Body.KeyVersions.KeyVersion[0].KeyVersionId))
	dv, err := c.DescribeKeyVersion(&kms.DescribeKeyVersionRequest{KeyId: tea.String(k), KeyVersionId: tea.String(v3)})
	require.NoError(t, err)
	require.Equal(t, k, tea.StringValue(dv.Body.KeyVersion.KeyId))
	other := tea.StringValue(createKey(t, c).KeyId)
	_, err = c.DescribeKeyVersion(&kms.DescribeKeyVersionRequest{KeyId: tea.String(other), KeyVersionId: tea.String(v3)})
	sdkErr(t, err, 404, "Forbidden.KeyNotFound")
	for _, g := range []*kms.GenerateDataKeyResponseBody{g1.Body, g2.Body} {
		d, err := c.Decrypt(&kms.DecryptRequest{CiphertextBlob: g.CiphertextBlob})
		require.NoError(t, err)
		require.Equal(t, tea.StringValue(g.Plaintext), tea.StringValue(d.Body.Plaintext))
	}
}

// TestTagsAndLists: the calls Terraform's provider makes on every refresh.
func TestTagsAndLists(t *testing.T) {
	e := newEnv(t, alikms.Config{})
	c := e.sdk()
	r, err := c.CreateKey(&kms.CreateKeyRequest{Description: tea.String("tf"), Tags: tea.String(`[{"TagKey":"team","TagValue":"a"}]`),
		EnableAutomaticRotation: tea.Bool(true), RotationInterval: tea.String("2592000s"), ProtectionLevel: tea.String("HSM")})
	require.NoError(t, err)
	k := tea.StringValue(r.Body.KeyMetadata.KeyId)
	require.Equal(t, "HSM", tea.StringValue(r.Body.KeyMetadata.ProtectionLevel))
	_, err = c.TagResources(&kms.TagResourcesRequest{ResourceType: tea.String("key"), ResourceId: []*string{tea.String(k)},
		Tag: []*kms.TagResourcesRequestTag{{Key: tea.String("env"), Value: tea.String("lab")}, {Key: tea.String("team"), Value: tea.String("b")}}})
	require.NoError(t, err)
	lt, err := c.ListTagResources(&kms.ListTagResourcesRequest{ResourceType: tea.String("key"), ResourceId: []*string{tea.String(k)}})
	require.NoError(t, err)
	got := map[string]string{}
	for _, tr := range lt.Body.TagResources.TagResource {
		require.Equal(t, k, tea.StringValue(tr.ResourceId))
		got[tea.StringValue(tr.TagKey)] = tea.StringValue(tr.TagValue)
	}
	require.Equal(t, map[string]string{"env": "lab", "team": "b"}, got)
	_, err = c.UntagResources(&kms.UntagResourcesRequest{ResourceType: tea.String("key"), ResourceId: []*string{tea.String(k)}, TagKey: []*string{tea.String("env")}})
	require.NoError(t, err)
	lt, err = c.ListTagResources(&kms.ListTagResourcesRequest{ResourceType: tea.String("key"), ResourceId: []*string{tea.String(k)}})
	require.NoError(t, err)
	require.Len(t, lt.Body.TagResources.TagResource, 1)
	_, err = c.ListTagResources(&kms.ListTagResourcesRequest{ResourceType: tea.String("key"), ResourceId: []*string{tea.String("no-such-key")}})
	sdkErr(t, err, 404, "Forbidden.KeyNotFound")
	_, err = c.TagResources(&kms.TagResourcesRequest{ResourceType: tea.String("secret"), ResourceId: []*string{tea.String(k)},
		Tag: []*kms.TagResourcesRequestTag{{Key: tea.String("x"), Value: tea.String("y")}}})
	sdkErr(t, err, 400, "InvalidParameter")

	// The older one-key tag actions, as Terraform's provider calls them.
	_, err = c.TagResource(&kms.TagResourceRequest{KeyId: tea.String(k), Tags: tea.String(`[{"TagKey":"owner","TagValue":"ops"}]`)})
	require.NoError(t, err)
	rt, err := c.ListResourceTags(&kms.ListResourceTagsRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	require.Len(t, rt.Body.Tags.Tag, 2)
	require.Equal(t, "owner", tea.StringValue(rt.Body.Tags.Tag[0].TagKey))
	_, err = c.UntagResource(&kms.UntagResourceRequest{KeyId: tea.String(k), TagKeys: tea.String(`["owner"]`)})
	require.NoError(t, err)
	rt, err = c.ListResourceTags(&kms.ListResourceTagsRequest{KeyId: tea.String(k)})
	require.NoError(t, err)
	require.Len(t, rt.Body.Tags.Tag, 1)
	_, err = c.TagResource(&kms.TagResourceRequest{SecretName: tea.String("s"), KeyId: tea.String(k), Tags: tea.String(`[{"TagKey":"a","TagValue":"b"}]`)})
	sdkErr(t, err, 400, "InvalidParameter")

	for i := 0; i < 11; i++ {
		createKey(t, c)
	}
	lk, err := c.ListKeys(&kms.ListKeysRequest{PageSize: tea.Int32(5), PageNumber: tea.Int32(3)})
	require.NoError(t, err)
	require.Equal(t, int32(12), tea.Int32Value(lk.Body.TotalCount))
	require.Len(t, lk.Body.Keys.Key, 2)
	_, err = c.ListKeys(&kms.ListKeysRequest{PageSize: tea.Int32(101)})
	sdkErr(t, err, 400, "InvalidParameter")
	_, err = c.UpdateKeyDescription(&kms.UpdateKeyDescriptionRequest{KeyId: tea.String(k)})
	sdkErr(t, err, 400, "MissingDescription")
	_, err = c.CreateKey(&kms.CreateKeyRequest{KeySpec: tea.String("RSA_2048")})
	sdkErr(t, err, 400, "InvalidParameter")
	_, err = c.CreateKey(&kms.CreateKeyRequest{Origin: tea.String("EXTERNAL")})
	sdkErr(t, err, 400, "InvalidParameter")
	_, err = c.DescribeKey(&kms.DescribeKeyRequest{})
	sdkErr(t, err, 400, "MissingKeyId")
	_, err = c.Encrypt(&kms.EncryptRequest{KeyId: tea.String(k), Plaintext: tea.String("not base64!")})
	sdkErr(t, err, 400, "InvalidParameter")
	_, err = c.Decrypt(&kms.DecryptRequest{CiphertextBlob: tea.String(base64.StdEncoding.EncodeToString(make([]byte, 80)))})
	sdkErr(t, err, 400, "InvalidParameter")
	_, err = c.ReEncrypt(&kms.ReEncryptRequest{CiphertextBlob: tea.String("AAAA"), DestinationKeyId: tea.String(k), SourceKeyId: tea.String(k)})
	sdkErr(t, err, 400, "InvalidParameter")
}

// TestConcurrentSDKCalls: data keys made and opened from several
// goroutines at once, with rotation and tagging alongside (run with -race).
// Each goroutine has its own client: darabonba-openapi v2.0.9's client is
// not safe for concurrent use (GetRpcHeaders writes a shared field).
func TestConcurrentSDKCalls(t *testing.T) {
	e := newEnv(t, alikms.Config{})
	c := e.sdk()
	k := createKey(t, c).KeyId
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := e.sdk()
			for j := range 5 {
				g, err := c.GenerateDataKey(&kms.GenerateDataKeyRequest{KeyId: k, EncryptionContext: map[string]interface{}{"i": fmt.Sprint(i)}})
				if err != nil {
					errs <- err
					return
				}
				d, err := c.Decrypt(&kms.DecryptRequest{CiphertextBlob: g.Body.CiphertextBlob, EncryptionContext: map[string]interface{}{"i": fmt.Sprint(i)}})
				if err != nil {
					errs <- err
					return
				}
				if tea.StringValue(d.Body.Plaintext) != tea.StringValue(g.Body.Plaintext) {
					errs <- fmt.Errorf("goroutine %d: another plaintext", i)
					return
				}
				if j == 2 {
					if _, err := c.CreateKeyVersion(&kms.CreateKeyVersionRequest{KeyId: k}); err != nil {
						errs <- err
						return
					}
					if _, err := c.TagResources(&kms.TagResourcesRequest{ResourceType: tea.String("key"), ResourceId: []*string{k},
						Tag: []*kms.TagResourcesRequestTag{{Key: tea.String(fmt.Sprint("g", i)), Value: tea.String("x")}}}); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	lv, err := c.ListKeyVersions(&kms.ListKeyVersionsRequest{KeyId: k, PageSize: tea.Int32(100)})
	require.NoError(t, err)
	require.Equal(t, int32(9), tea.Int32Value(lv.Body.TotalCount))
	lt, err := c.ListTagResources(&kms.ListTagResourcesRequest{ResourceType: tea.String("key"), ResourceId: []*string{k}})
	require.NoError(t, err)
	require.Len(t, lt.Body.TagResources.TagResource, 8)
}
