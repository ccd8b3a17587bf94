package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

// TestBootstrapCreateCluster: with --bootstrap the nodes wait for
// CreateCluster (docs/element-api.md, CreateCluster; D42): any credentials,
// only GetAPI and CreateCluster; the cluster then exists with the admin it was
// given.
func TestBootstrapCreateCluster(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) { c.Cluster.Bootstrap = true }))
	s.User, s.Pass = "anyone", "anything"
	api := s.OK("GetAPI", nil)
	require.Equal(t, "12.7", api["currentVersion"])
	require.Contains(t, api["12.7"], "CreateCluster")
	s.Fail("GetClusterInfo", nil, "xUnknownAPIMethod")

	for _, tt := range []struct {
		name   string
		params map[string]any
		want   string
	}{
		{"NoEula", map[string]any{"mvip": "10.0.0.1", "svip": "10.0.1.1", "username": "ops", "password": "pw", "nodes": []string{"10.117.61.11"}, "acceptEula": false}, "xInvalidParameter"},
		{"UnknownNode", map[string]any{"mvip": "10.0.0.1", "svip": "10.0.1.1", "username": "ops", "password": "pw", "nodes": []string{"10.9.9.9"}, "acceptEula": true}, "xInvalidParameter"},
		{"NoNodes", map[string]any{"mvip": "10.0.0.1", "svip": "10.0.1.1", "username": "ops", "password": "pw", "acceptEula": true}, "xMissingParameter"},
		{"RepCount3", map[string]any{"mvip": "10.0.0.1", "svip": "10.0.1.1", "username": "ops", "password": "pw", "nodes": []string{"10.117.61.11"}, "acceptEula": true, "repCount": 3}, "xInvalidParameter"},
	} {
		t.Run(tt.name, func(t *testing.T) { s.Fail("CreateCluster", tt.params, tt.want) })
	}
	s.Fail("GetClusterInfo", nil, "xUnknownAPIMethod") // still bootstrapping: nothing was created

	require.Empty(t, s.OK("CreateCluster", map[string]any{"mvip": "10.1.0.10", "svip": "10.1.1.10", "username": "ops",
		"password": "s3cret", "nodes": []string{"10.117.61.11", "10.117.61.12", "10.117.61.13"}, "acceptEula": true,
		"enableSoftwareEncryptionAtRest": true}))

	// Now the admin given is the credential, and the cluster methods are served.
	status, body := s.Post(`{"method":"GetClusterInfo","id":1}`)
	require.Equal(t, http.StatusUnauthorized, status, string(body))
	s.User, s.Pass = "ops", "s3cret"
	info := apitest.Obj(t, s.OK("GetClusterInfo", nil), "clusterInfo")
	require.Equal(t, "10.1.0.10", info["mvip"])
	require.Equal(t, "enabled", info["softwareEncryptionAtRestState"])
	require.Len(t, s.OK("ListActiveNodes", nil)["nodes"], 3, "the node left out is not in the cluster")
	require.Len(t, s.OK("ListDrives", nil)["drives"], 30)
	sear := s.OK("GetSoftwareEncryptionAtRestInfo", nil)
	require.Equal(t, int64(1), apitest.Int(t, sear["version"]))
	msg := s.Fail("CreateCluster", map[string]any{"mvip": "10.1.0.10", "svip": "10.1.1.10", "username": "ops",
		"password": "s3cret", "nodes": []string{"10.117.61.14"}, "acceptEula": true}, "xUnknownAPIMethod")
	require.True(t, strings.Contains(msg, "CreateCluster"))

	// The created cluster survives a restart; reset goes back to bootstrap mode.
	s = s.Restart(apitest.WithConfig(func(c *emulator.Config) { c.Cluster.Bootstrap = true }))
	s.User, s.Pass = "ops", "s3cret"
	require.Equal(t, "10.1.0.10", apitest.Obj(t, s.OK("GetClusterInfo", nil), "clusterInfo")["mvip"])
	status, _ = s.Control(http.MethodPost, "reset", nil)
	require.Equal(t, http.StatusOK, status)
	s.Fail("GetClusterInfo", nil, "xUnknownAPIMethod")
}

// TestBootstrapNodeListenerNeedsCredentials: before CreateCluster there is
// no admin, so the node listener (which still authenticates) refuses all.
func TestBootstrapNodeListenerNeedsCredentials(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) { c.Cluster.Bootstrap = true }))
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: insecureTLS()}}
	req, err := http.NewRequest(http.MethodPost, s.NodeURL+"/json-rpc/12.7", strings.NewReader(`{"method":"GetAPI","id":1}`))
	require.NoError(t, err)
	req.SetBasicAuth("admin", "admin")
	resp, err := client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
}
