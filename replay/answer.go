package replay

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// send sends req to a service of the target (a KACLS instance, a cloud
// KMS) and reads the answer, at most 64 MiB.
func (r *runner) send(req *http.Request) (status int, body []byte, err error) {
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err = io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, body, nil
}

// decodeAnswer is body decoded as JSON (numbers kept as json.Number), or
// {"text": body} when it is not JSON.
func decodeAnswer(body []byte) any {
	var out any = map[string]any{"text": string(body)}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err == nil {
		out = x
	}
	return out
}

// checkAnswer checks an answer against its step: the HTTP status (200
// unless the step's status says otherwise), then expect, then capture.
func (r *runner) checkAnswer(st *Step, status int, out any) error {
	want := 200
	if n, ok := number(st.Fields["status"]); ok {
		want = int(n)
	}
	if status != want {
		return failf("expected HTTP %d, got %d: %s", want, status, show(out))
	}
	if err := r.expect(st.Fields["expect"], out); err != nil {
		return err
	}
	return r.capture(st, out)
}
