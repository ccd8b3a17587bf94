package api_test

import (
	"bytes"
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/scaleoutsean/solidfire-go/sdk"
	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// The solidfire-go SDK has no types for the 12.3 SEAR methods; these mirror
// docs/element-api.md (RekeySoftwareEncryptionAtRestMasterKey,
// GetSoftwareEncryptionAtRestInfo) and are decoded by the SDK's own
// MakeSFCall.
type (
	sfRekeyRequest struct {
		KeyManagementType string `json:"keyManagementType,omitempty"`
		KeyProviderID     int64  `json:"keyProviderID,omitempty"`
	}
	sfRekeyResult struct {
		AsyncHandle int64 `json:"asyncHandle"`
	}
	sfKeyInfo struct {
		KeyID             string `json:"keyID"`
		KeyManagementType string `json:"keyManagementType"`
		KeyProviderID     *int64 `json:"keyProviderID"`
		KeyCreatedTime    string `json:"keyCreatedTime"`
	}
	sfRekeyInfo struct {
		KeyToDecommission sfKeyInfo `json:"keyToDecommission"`
		NewKey            sfKeyInfo `json:"newKey"`
		Operation         string    `json:"operation"`
		State             string    `json:"state"`
	}
	sfAsyncResult struct {
		Status         string       `json:"status"`
		ResultType     string       `json:"resultType"`
		CreateTime     string       `json:"createTime"`
		LastUpdateTime string       `json:"lastUpdateTime"`
		Details        *sfRekeyInfo `json:"details"`
		Result         *sfRekeyInfo `json:"result"`
		Error          *struct {
			Name    string `json:"name"`
			Message string `json:"message"`
		} `json:"error"`
	}
	sfSEARInfo struct {
		State                       string    `json:"state"`
		Version                     int64     `json:"version"`
		MasterKeyInfo               sfKeyInfo `json:"masterKeyInfo"`
		RekeyMasterKeyAsyncResultID *int64    `json:"rekeyMasterKeyAsyncResultID"`
	}
)

// sfConnect connects an unmodified solidfire-go client to the emulator's
// HTTPS cluster listener; Connect itself calls GetAPI.
func sfConnect(t *testing.T, s *apitest.Server) *sdk.SFClient {
	t.Helper()
	var c sdk.SFClient
	host := strings.TrimPrefix(s.HTTPSURL, "https://")
	err := c.Connect(context.Background(), host, s.Version, s.User, s.Pass)
	require.Nil(t, err, "Connect: %v", err)
	return &c
}

// sfNoErr requires a nil *sdk.SdkError.
func sfNoErr(t *testing.T, err *sdk.SdkError) {
	t.Helper()
	require.Nil(t, err, "solidfire-go error: %v", err)
}

// sfDecodes calls method through the SDK's MakeSFCall and decodes the raw
// result into T with errors surfaced. MakeSFCall (and so every typed SDK
// method) silently ignores unmarshal errors, leaving zero values; this
// shows the exact field instead.
func sfDecodes[T any](t *testing.T, c *sdk.SFClient, method string, params any) T {
	t.Helper()
	var raw json.RawMessage
	resp, err := c.MakeSFCall(context.Background(), method, 1, params, &raw)
	sfNoErr(t, err)
	require.Equal(t, int32(1), resp.Id)
	var out T
	require.NoError(t, json.NewDecoder(bytes.NewReader(raw)).Decode(&out), "%s result does not decode into %T: %s", method, out, raw)
	return out
}

// sfCall is MakeSFCall for methods the SDK lacks.
func sfCall[T any](t *testing.T, c *sdk.SFClient, method string, params any) T {
	t.Helper()
	var out T
	resp, err := c.MakeSFCall(context.Background(), method, 1, params, &out)
	sfNoErr(t, err)
	require.Equal(t, int32(1), resp.Id)
	return out
}

// sfFail requires an Element error through the SDK: the SdkError surface
// (Code "sfapi.500", Detail "500:<message>") and the name in the raw
// BaseResponse, which is the only place the SDK keeps it.
func sfFail(t *testing.T, c *sdk.SFClient, method string, params any, name string) string {
	t.Helper()
	var out map[string]any
	resp, err := c.MakeSFCall(context.Background(), method, 1, params, &out)
	require.NotNil(t, err, "%s should fail with %s", method, name)
	require.Equal(t, "sfapi.500", err.Code)
	require.Equal(t, name, resp.Error.Name)
	require.Equal(t, int32(500), resp.Error.Code)
	require.Equal(t, "500:"+resp.Error.Message, err.Detail)
	require.Equal(t, int32(1), resp.Id)
	return resp.Error.Message
}

// TestSolidFireGoSeed001 runs seed 001's EKM setup and the software master-key
// rekey (the EKM setup, steps 1–8, and the rekey of docs/element-api.md's
// acceptance procedures) through the unmodified
// github.com/scaleoutsean/solidfire-go v1.0.1 client over HTTPS.
func TestSolidFireGoSeed001(t *testing.T) {
	s := apitest.NewServer(t)
	ctx := context.Background()
	c := sfConnect(t, s)
	t0 := apitest.Start().Format("2006-01-02T15:04:05Z")

	// GetAPI decodes into the SDK's type (string versions, D1).
	api, err := c.GetAPI(ctx, &sdk.GetAPIRequest{})
	sfNoErr(t, err)
	require.Equal(t, "12.7", api.CurrentVersion)
	require.Contains(t, api.SupportedVersions, "7.0")
	require.Contains(t, api.SupportedVersions, "12.7")
	require.Equal(t, api.CurrentVersion, api.SupportedVersions[len(api.SupportedVersions)-1])
	require.Equal(t, *api, sfDecodes[sdk.GetAPIResult](t, c, "GetAPI", nil))

	// GetClusterInfo decodes with the documented defaults (D41).
	ci, err := c.GetClusterInfo(ctx)
	sfNoErr(t, err)
	require.Equal(t, "emu-cluster", ci.ClusterInfo.Name)
	require.Equal(t, "emu1", ci.ClusterInfo.UniqueID)
	require.Equal(t, "disabled", ci.ClusterInfo.EncryptionAtRestState)
	require.Equal(t, "10.117.60.10", ci.ClusterInfo.Mvip)
	require.Equal(t, "10.117.61.10", ci.ClusterInfo.Svip)
	require.Equal(t, int64(2), ci.ClusterInfo.RepCount)
	require.Equal(t, int64(1), ci.ClusterInfo.MvipNodeID)
	require.Equal(t, []string{"10.117.61.11", "10.117.61.12", "10.117.61.13"}, ci.ClusterInfo.Ensemble)
	require.Equal(t, sdk.ProtectionScheme("doubleHelix"), ci.ClusterInfo.DefaultProtectionScheme)
	require.Regexp(t, uuidRE, ci.ClusterInfo.Uuid)
	require.Equal(t, *ci, sfDecodes[sdk.GetClusterInfoResult](t, c, "GetClusterInfo", nil))

	// Precondition: SEAR enabled with an internal key.
	sear := sfCall[sfSEARInfo](t, c, "GetSoftwareEncryptionAtRestInfo", nil)
	require.Equal(t, "enabled", sear.State)
	require.Equal(t, int64(1), sear.Version)
	require.Equal(t, "internal", sear.MasterKeyInfo.KeyManagementType)
	require.Nil(t, sear.MasterKeyInfo.KeyProviderID)
	require.Nil(t, sear.RekeyMasterKeyAsyncResultID)
	k0 := sear.MasterKeyInfo.KeyID
	require.Regexp(t, uuidRE, k0)

	// Steps 1–2: key pair and CSR.
	_, err = c.CreatePublicPrivateKeyPair(ctx, &sdk.CreatePublicPrivateKeyPairRequest{
		CommonName: "emu-cluster", Organization: "Lab", Country: "US", EmailAddress: "ops@lab.example"})
	sfNoErr(t, err)
	csrRes, err := c.GetClientCertificateSignRequest(ctx)
	sfNoErr(t, err)
	blk, _ := pem.Decode([]byte(csrRes.ClientCertificateSignRequest))
	require.NotNil(t, blk, "CSR is not PEM: %q", csrRes.ClientCertificateSignRequest)
	require.Equal(t, "CERTIFICATE REQUEST", blk.Type)
	csr, perr := x509.ParseCertificateRequest(blk.Bytes)
	require.NoError(t, perr)
	require.NoError(t, csr.CheckSignature())
	require.Equal(t, "emu-cluster", csr.Subject.CommonName)
	require.Equal(t, []string{"Lab"}, csr.Subject.Organization)
	pub, ok := csr.PublicKey.(*rsa.PublicKey)
	require.True(t, ok, "CSR key is %T", csr.PublicKey)
	require.Equal(t, 2048, pub.N.BitLen())

	// Step 3: the embedded KMS signs it.
	status, signed := s.Control(http.MethodPost, "kmip/sign", map[string]any{"csr": csrRes.ClientCertificateSignRequest})
	require.Equal(t, http.StatusOK, status, "%v", signed)
	caPEM, _ := signed["caCertificate"].(string)
	certPEM, _ := signed["certificate"].(string)
	require.Contains(t, caPEM, "-----BEGIN CERTIFICATE-----")
	require.Contains(t, certPEM, "-----BEGIN CERTIFICATE-----")

	// Step 4: provider.
	pr, err := c.CreateKeyProviderKmip(ctx, &sdk.CreateKeyProviderKmipRequest{KeyProviderName: "lab-provider"})
	sfNoErr(t, err)
	p := pr.KmipKeyProvider
	require.Equal(t, int64(1), p.KeyProviderID)
	require.Equal(t, "lab-provider", p.KeyProviderName)
	require.False(t, p.KeyProviderIsActive)
	require.NotNil(t, p.KeyServerIDs, "keyServerIDs must be [] (not null or absent)")
	require.Empty(t, p.KeyServerIDs)
	require.Equal(t, "SSL", p.KmipCapabilities)
	pid := p.KeyProviderID

	// Step 5: server, port given explicitly (the embedded server is on a free port).
	kport := int64(s.Emu.KMIPPort())
	ksr, err := c.CreateKeyServerKmip(ctx, &sdk.CreateKeyServerKmipRequest{KmipCaCertificate: caPEM, KmipClientCertificate: certPEM,
		KmipKeyServerHostnames: []string{"127.0.0.1"}, KmipKeyServerName: "lab-kms", KmipKeyServerPort: kport})
	sfNoErr(t, err)
	ks := ksr.KmipKeyServer
	require.Equal(t, int64(1), ks.KeyServerID)
	require.Equal(t, "lab-kms", ks.KmipKeyServerName)
	require.Equal(t, []string{"127.0.0.1"}, ks.KmipKeyServerHostnames)
	require.Equal(t, kport, ks.KmipKeyServerPort)
	require.Equal(t, caPEM, ks.KmipCaCertificate)
	require.Equal(t, certPEM, ks.KmipClientCertificate)
	require.Zero(t, ks.KeyProviderID, "unassigned (null)")
	require.False(t, ks.KmipAssignedProviderIsActive)
	sid := ks.KeyServerID

	// Step 6 with its variant: the SDK surfaces xKmipConnectionFailure, then the test passes.
	s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"keyServerID": sid}, "effect": "unreachable", "times": 1})
	_, err = c.TestKeyServerKmip(ctx, &sdk.TestKeyServerKmipRequest{KeyServerID: sid})
	require.NotNil(t, err)
	require.Equal(t, "sfapi.500", err.Code)
	require.True(t, strings.HasPrefix(err.Detail, "500:Connection failure: 127.0.0.1:"), err.Detail)
	_, err = c.TestKeyServerKmip(ctx, &sdk.TestKeyServerKmipRequest{KeyServerID: sid})
	sfNoErr(t, err)

	// Step 7.
	_, err = c.AddKeyServerToProviderKmip(ctx, &sdk.AddKeyServerToProviderKmipRequest{KeyProviderID: pid, KeyServerID: sid})
	sfNoErr(t, err)
	gks, err := c.GetKeyServerKmip(ctx, &sdk.GetKeyServerKmipRequest{KeyServerID: sid})
	sfNoErr(t, err)
	require.Equal(t, pid, gks.KmipKeyServer.KeyProviderID)
	require.False(t, gks.KmipKeyServer.KmipAssignedProviderIsActive)
	require.Equal(t, *gks, sfDecodes[sdk.GetKeyServerKmipResult](t, c, "GetKeyServerKmip", map[string]any{"keyServerID": sid}))
	gp, err := c.GetKeyProviderKmip(ctx, &sdk.GetKeyProviderKmipRequest{KeyProviderID: pid})
	sfNoErr(t, err)
	require.Equal(t, []int64{sid}, gp.KmipKeyProvider.KeyServerIDs)
	_, err = c.AddKeyServerToProviderKmip(ctx, &sdk.AddKeyServerToProviderKmipRequest{KeyProviderID: pid, KeyServerID: sid})
	sfNoErr(t, err) // repeat is a no-op

	// Step 8.
	_, err = c.TestKeyProviderKmip(ctx, &sdk.TestKeyProviderKmipRequest{KeyProviderID: pid})
	sfNoErr(t, err)

	// Rekey, step 1: the provider is listed (the SDK omits both filters).
	lp, err := c.ListKeyProvidersKmip(ctx, &sdk.ListKeyProvidersKmipRequest{})
	sfNoErr(t, err)
	require.Equal(t, []sdk.KeyProviderKmip{{KeyProviderName: "lab-provider", KeyProviderID: pid, KeyProviderIsActive: false,
		KeyServerIDs: []int64{sid}, KmipCapabilities: "SSL"}}, lp.KmipKeyProviders)
	require.Equal(t, *lp, sfDecodes[sdk.ListKeyProvidersKmipResult](t, c, "ListKeyProvidersKmip", &sdk.ListKeyProvidersKmipRequest{}))

	// Step 2: rekey to External through MakeSFCall (no SDK method).
	h := sfCall[sfRekeyResult](t, c, "RekeySoftwareEncryptionAtRestMasterKey", sfRekeyRequest{KeyManagementType: "External", KeyProviderID: pid}).AsyncHandle
	require.Equal(t, int64(1), h)
	gp, err = c.GetKeyProviderKmip(ctx, &sdk.GetKeyProviderKmipRequest{KeyProviderID: pid})
	sfNoErr(t, err)
	require.True(t, gp.KmipKeyProvider.KeyProviderIsActive)

	// Step 3: running, as the SDK sees it.
	run, err := c.GetAsyncResult(ctx, &sdk.GetAsyncResultRequest{AsyncHandle: h, KeepResult: true})
	sfNoErr(t, err)
	require.Equal(t, "running", run.Status)
	raw := sfCall[sfAsyncResult](t, c, "GetAsyncResult", &sdk.GetAsyncResultRequest{AsyncHandle: h, KeepResult: true})
	require.Equal(t, "running", raw.Status)
	require.NotNil(t, raw.Details)
	require.Equal(t, "CreateNewMasterKey", raw.Details.State)
	require.Nil(t, raw.Result)

	// Step 4.
	sfFail(t, c, "RekeySoftwareEncryptionAtRestMasterKey", sfRekeyRequest{KeyManagementType: "External", KeyProviderID: pid}, "xAPINotPermitted")

	// Step 5: advance past the job, then let the SDK's own poller
	// (keepResult: true every 500 ms) see it complete.
	s.Advance(6)
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	done, werr := c.WaitForAsyncResult(wctx, h)
	require.NoError(t, werr)
	require.Equal(t, "complete", done.Status)

	la, err := c.ListAsyncResults(ctx, &sdk.ListAsyncResultsRequest{AsyncResultTypes: []string{"RekeySoftwareEncryptionAtRestMasterKey"}})
	sfNoErr(t, err)
	require.Len(t, la.AsyncHandles, 1)
	ah := la.AsyncHandles[0]
	require.Equal(t, h, ah.AsyncResultID)
	require.True(t, ah.Completed)
	require.True(t, ah.Success)
	require.Equal(t, "RekeySoftwareEncryptionAtRestMasterKey", ah.ResultType)
	require.Equal(t, t0, ah.CreateTime)
	require.Equal(t, apitest.Start().Add(6*time.Second).Format("2006-01-02T15:04:05Z"), ah.LastUpdateTime)
	data, ok := ah.Data.(map[string]any)
	require.True(t, ok, "data is %T", ah.Data)
	require.Equal(t, "Ready", data["state"])

	fin := sfCall[sfAsyncResult](t, c, "GetAsyncResult", &sdk.GetAsyncResultRequest{AsyncHandle: h, KeepResult: true})
	require.Equal(t, "complete", fin.Status)
	require.Equal(t, "RekeySoftwareEncryptionAtRestMasterKey", fin.ResultType)
	require.Equal(t, t0, fin.CreateTime)
	require.Nil(t, fin.Error)
	require.Nil(t, fin.Details)
	require.NotNil(t, fin.Result)
	require.Equal(t, "Ready", fin.Result.State)
	require.Equal(t, "Rekeying Master Key. Master Key management being transferred from Internal Key Management to External Key Management with keyProviderID=1", fin.Result.Operation)
	require.Equal(t, sfKeyInfo{KeyID: k0, KeyManagementType: "internal"}, fin.Result.KeyToDecommission)
	k1 := fin.Result.NewKey.KeyID
	require.Regexp(t, uuidRE, k1)
	require.NotEqual(t, k0, k1)
	require.Equal(t, sfKeyInfo{KeyID: k1, KeyManagementType: "external", KeyProviderID: &pid}, fin.Result.NewKey)

	// The typed read without keepResult purges it; the next read is the
	// Element error xAsyncHandleDoesNotExist through the SDK's error surface.
	last, err := c.GetAsyncResult(ctx, &sdk.GetAsyncResultRequest{AsyncHandle: h})
	sfNoErr(t, err)
	require.Equal(t, "complete", last.Status)
	_, err = c.GetAsyncResult(ctx, &sdk.GetAsyncResultRequest{AsyncHandle: h})
	require.NotNil(t, err)
	require.Equal(t, "sfapi.500", err.Code)
	require.Equal(t, "500:Async handle 1 does not exist.", err.Detail)
	require.Equal(t, "Async handle 1 does not exist.",
		sfFail(t, c, "GetAsyncResult", &sdk.GetAsyncResultRequest{AsyncHandle: h}, "xAsyncHandleDoesNotExist"))
	require.Equal(t, "Async handle 999 does not exist.",
		sfFail(t, c, "GetAsyncResult", &sdk.GetAsyncResultRequest{AsyncHandle: 999, KeepResult: true}, "xAsyncHandleDoesNotExist"))

	// Step 6: the new master key.
	sear = sfCall[sfSEARInfo](t, c, "GetSoftwareEncryptionAtRestInfo", nil)
	require.Equal(t, "enabled", sear.State)
	require.Equal(t, int64(1), sear.Version)
	require.Equal(t, sfKeyInfo{KeyID: k1, KeyManagementType: "external", KeyProviderID: &pid, KeyCreatedTime: t0}, sear.MasterKeyInfo)
	require.NotNil(t, sear.RekeyMasterKeyAsyncResultID)
	require.Equal(t, h, *sear.RekeyMasterKeyAsyncResultID)

	// Follow-up: the active provider cannot be deleted.
	require.Equal(t, "Key provider 1 is active and cannot be deleted.",
		sfFail(t, c, "DeleteKeyProviderKmip", map[string]any{"keyProviderID": pid}, "xAPINotPermitted"))
	lp, err = c.ListKeyProvidersKmip(ctx, &sdk.ListKeyProvidersKmipRequest{KeyProviderIsActive: true})
	sfNoErr(t, err)
	require.Len(t, lp.KmipKeyProviders, 1)
	require.True(t, lp.KmipKeyProviders[0].KeyProviderIsActive)
	ci, err = c.GetClusterInfo(ctx)
	sfNoErr(t, err)
	require.Equal(t, "disabled", ci.ClusterInfo.EncryptionAtRestState, "software EAR leaves hardware EAR alone")
}

// TestSolidFireGoConnectErrors: wrong credentials and an unsupported API
// version reach the SDK as HTTP errors from Connect's GetAPI (its
// "http.<status>" codes; docs/element-api.md, HTTP status codes), not as
// Element errors.
func TestSolidFireGoConnectErrors(t *testing.T) {
	s := apitest.NewServer(t)
	for _, tt := range []struct {
		name, version, password, code, detail string
	}{
		{"ErrBadCredentials", s.Version, "wrong", "http.401", "401 Unauthorized"},
		{"ErrUnknownVersion", "99.0", s.Pass, "http.404", "404 Not Found"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var c sdk.SFClient
			err := c.Connect(context.Background(), strings.TrimPrefix(s.HTTPSURL, "https://"), tt.version, s.User, tt.password)
			require.NotNil(t, err)
			require.Equal(t, tt.code, err.Code)
			require.Equal(t, tt.detail, err.Detail)
		})
	}
}
