package emulator_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/element-emulator/element-emulator/clock"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/emulator"
)

// Example starts an in-memory emulator on free loopback ports, asks it for
// its cluster info over HTTP, and stops it.
func Example() {
	ctx := context.Background()
	e, err := emulator.New(ctx, emulator.Config{
		Ephemeral: true, Clock: clock.Virtual, Cluster: cluster.DefaultConfig(),
		HTTPAddr: "127.0.0.1:0", KMIPAddr: "127.0.0.1:0",
	})
	if err != nil {
		panic(err)
	}
	defer e.Close()
	if err := e.Start(ctx); err != nil {
		panic(err)
	}
	req, _ := http.NewRequest(http.MethodPost, "http://"+e.Addr("http")+"/json-rpc/12.7",
		strings.NewReader(`{"method":"GetClusterInfo","id":1}`))
	req.SetBasicAuth("admin", "admin")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var out struct {
		Result struct {
			ClusterInfo struct {
				Name                          string `json:"name"`
				SoftwareEncryptionAtRestState string `json:"softwareEncryptionAtRestState"`
			} `json:"clusterInfo"`
		} `json:"result"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		panic(err)
	}
	fmt.Println(out.Result.ClusterInfo.Name, out.Result.ClusterInfo.SoftwareEncryptionAtRestState)
	// Output: emu-cluster enabled
}
