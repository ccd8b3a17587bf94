package api_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
)

// TestConcurrentClients: several clients at once (reads, creations, a
// rekey, clock advances) get only well-formed answers, and every creation
// acknowledged is there afterwards. Bounded: 6 workers × 40 requests.
func TestConcurrentClients(t *testing.T) {
	s := apitest.NewServer(t)
	p, _ := s.SetupEKM()
	const workers, rounds = 6, 40
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds)
	created := make(chan int64, workers*rounds)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				var body string
				switch (w + i) % 5 {
				case 0:
					body = fmt.Sprintf(`{"method":"CreateKeyProviderKmip","params":{"keyProviderName":"w%d-%d"},"id":1}`, w, i)
				case 1:
					body = `{"method":"GetClusterInfo","id":1}`
				case 2:
					body = `{"method":"ListDrives","id":1}`
				case 3:
					body = fmt.Sprintf(`{"method":"RekeySoftwareEncryptionAtRestMasterKey","params":{"keyProviderID":%d},"id":1}`, p)
				case 4:
					body = `{"method":"ListAsyncResults","id":1}`
				}
				status, raw := s.Post(body)
				if status != http.StatusOK {
					errs <- fmt.Errorf("HTTP %d: %s", status, raw)
					continue
				}
				r := decode(t, raw)
				if e, ok := r["error"].(map[string]any); ok {
					// A rekey may meet one already running: the documented refusal.
					if e["name"] != "xAPINotPermitted" {
						errs <- fmt.Errorf("%s: %v", body, e)
					}
					continue
				}
				res := r["result"].(map[string]any)
				if kp, ok := res["kmipKeyProvider"].(map[string]any); ok {
					created <- apitest.Int(t, kp["keyProviderID"])
				}
				if i%10 == 0 {
					s.Advance(2)
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	close(created)
	for err := range errs {
		require.NoError(t, err)
	}
	ids := map[int64]bool{}
	for id := range created {
		require.False(t, ids[id], "provider ID %d handed out twice", id)
		ids[id] = true
	}
	listed := s.OK("ListKeyProvidersKmip", nil)["kmipKeyProviders"].([]any)
	require.Len(t, listed, len(ids)+1, "every acknowledged creation is stored (plus the setup's provider)")
	s.Advance(60)
	for _, j := range s.OK("ListAsyncResults", nil)["asyncHandles"].([]any) {
		require.Equal(t, true, j.(map[string]any)["completed"], "no job is left running once the clock has passed")
	}
}
