package api_test

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

// With room for one call at a time, a call that waits on a key server (here
// a 60 s delay rule) gives up its turn while it waits: another call is
// answered meanwhile, and the waiting call still completes its work.
func TestMaxCallsAWaitOnTheKeyServerHoldsNoTurn(t *testing.T) {
	s := apitest.NewServer(t, apitest.WithConfig(func(c *emulator.Config) { c.MaxCalls = 1 }))
	_, sid := s.SetupEKM()
	rule := s.AddRule(map[string]any{"target": "kmip-client", "match": map[string]any{"operation": "Probe"},
		"effect": "delay", "ms": 60000, "times": 1})

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL+"/json-rpc/12.7",
			bytes.NewReader([]byte(`{"method":"TestKeyServerKmip","params":{"keyServerID":`+strconv.FormatInt(sid, 10)+`},"id":1}`)))
		req.SetBasicAuth(s.User, s.Pass)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
		done <- 1
	}()
	// The rule fires (and, used up, goes away) once the probe is waiting.
	for deadline := time.Now().Add(30 * time.Second); ; {
		_, body := s.Control(http.MethodGet, "faults", nil)
		if rules, _ := body["rules"].([]any); len(rules) == 0 {
			break
		}
		require.True(t, time.Now().Before(deadline), "the delay rule never fired (rule %d)", rule)
		time.Sleep(5 * time.Millisecond) // bounded readiness poll; no assertion depends on time
	}
	s.Client.Timeout = 20 * time.Second // far below the 60 s delay
	info := s.OK("GetClusterInfo", nil)
	require.Equal(t, "emu-cluster", apitest.Obj(t, info, "clusterInfo")["name"])
	cancel()
	<-done
}
