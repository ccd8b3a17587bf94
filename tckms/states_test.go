package tckms_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	kms "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/kms/v20190118"

	"github.com/element-emulator/element-emulator/tckms"
)

// keyInState is an external key brought into a state, with what a test
// needs to use it.
type keyInState struct {
	id, token, pub, blob string
	m                    []byte
}

func (e *env) keyIn(c *kms.Client, alias, state string) keyInState {
	t := e.t
	t.Helper()
	k := keyInState{id: e.byok(c, alias), m: randBytes(t, 32)}
	k.token, k.pub = e.params(c, k.id, "RSAES_OAEP_SHA_256")
	require.NoError(t, importM(c, k.id, k.token, wrap(t, k.pub, "RSAES_OAEP_SHA_256", k.m), 0))
	var err error
	k.blob, err = encrypt(c, k.id, "hello")
	require.NoError(t, err)
	switch state {
	case "PendingImport": // material imported, used, and deleted again
		require.NoError(t, simple(t, c, "DeleteImportedKeyMaterial", k.id))
	case "Disabled":
		require.NoError(t, simple(t, c, "DisableKey", k.id))
	case "PendingDelete":
		require.NoError(t, simple(t, c, "DisableKey", k.id))
		_, err = schedule(c, k.id, 7)
		require.NoError(t, err)
	case "Archived":
		require.NoError(t, simple(t, c, "ArchiveKey", k.id))
	}
	require.Equal(t, state, *describe(t, c, k.id).KeyState)
	return k
}

// TestStateTable drives every action of the key state table in every
// state and compares the refusal code, or the state reached.
func TestStateTable(t *testing.T) {
	e := newEnv(t, tckms.Config{})
	c := e.client()
	const (
		csns = "ResourceUnavailable.CmkStateNotSupport"
		kpd  = "ResourceUnavailable.KeyPendingDelete"
		cnpd = "ResourceUnavailable.CmkNotPendingDelete"
		csbd = "ResourceUnavailable.CmkShouldBeDisabled"
	)
	// Each cell: "" (allowed, the state stays), "→State", or a refusal code.
	// Rows in this order: ImportKeyMaterial first, while the set-up token
	// is the newest; DeleteImportedKeyMaterial last.
	events := []string{"ImportKeyMaterial", "EnableKey", "DisableKey", "ArchiveKey", "CancelKeyArchive", "ScheduleKeyDeletion",
		"CancelKeyDeletion", "Encrypt", "Decrypt", "GetParametersForImport", "DeleteImportedKeyMaterial"}
	table := map[string][]string{
		"Enabled":       {"", "", "→Disabled", "→Archived", csns, csbd, cnpd, "", "", "", "→PendingImport"},
		"Disabled":      {"", "→Enabled", "", csns, csns, "→PendingDelete", cnpd, "ResourceUnavailable.CmkDisabled", "ResourceUnavailable.CmkDisabled", "", "→PendingImport"},
		"PendingImport": {"→Enabled", csns, csns, csns, csns, "→PendingDelete", cnpd, csns, csns, "", ""},
		"PendingDelete": {kpd, kpd, kpd, kpd, kpd, kpd, "→Disabled", kpd, kpd, kpd, ""},
		"Archived":      {"", csns, csns, "", "→Enabled", csbd, cnpd, "ResourceUnavailable.CmkArchived", "", "", "→PendingImport"},
	}
	n := 0
	alias := func() string { n++; return "state-" + string(rune('a'+n/26)) + string(rune('a'+n%26)) }
	for state, row := range table {
		t.Run(state, func(t *testing.T) {
			shared := e.keyIn(c, alias(), state)
			for i, ev := range events {
				want := row[i]
				k := shared
				if len(want) > 0 && want[0] == "→"[0] {
					k = e.keyIn(c, alias(), state)
				}
				var err error
				switch ev {
				case "ImportKeyMaterial":
					err = importM(c, k.id, k.token, wrap(t, k.pub, "RSAES_OAEP_SHA_256", k.m), 0)
				case "ScheduleKeyDeletion":
					_, err = schedule(c, k.id, 7)
				case "Encrypt":
					_, err = encrypt(c, k.id, "x")
				case "Decrypt":
					_, err = decrypt(c, k.blob)
				case "GetParametersForImport":
					r := kms.NewGetParametersForImportRequest()
					r.KeyId, r.WrappingAlgorithm, r.WrappingKeySpec = str(k.id), str("RSAES_PKCS1_V1_5"), str("RSA_2048")
					_, err = c.GetParametersForImport(r)
				default:
					err = simple(t, c, ev, k.id)
				}
				after := *describe(t, c, k.id).KeyState
				switch {
				case want == "":
					require.NoError(t, err, "%s in %s", ev, state)
					require.Equal(t, state, after, "%s in %s", ev, state)
				case want[0] == "→"[0]:
					require.NoError(t, err, "%s in %s", ev, state)
					require.Equal(t, want[len("→"):], after, "%s in %s", ev, state)
				default:
					requireCode(t, want, err)
					require.Equal(t, state, after, "a refused %s changes nothing", ev)
				}
			}
		})
	}
}
