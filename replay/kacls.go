package replay

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// runKACLS sends a kacls step to a KACLS instance of the target: "METHOD
// [instance/]endpoint", with body as the JSON request; the instance URLs
// come from GET /_emulator/kacls (docs/scenarios.md, kacls steps).
func (r *runner) runKACLS(ctx context.Context, st *Step) error {
	v, err := r.sub(st.Value)
	if err != nil {
		return err
	}
	method, path, _ := strings.Cut(strings.TrimSpace(v.(string)), " ")
	method = strings.ToUpper(method)
	inst, ep, ok := strings.Cut(strings.Trim(strings.TrimSpace(path), "/"), "/")
	if !ok {
		inst, ep = "", inst
	}
	base, err := r.kaclsURL(ctx, inst)
	if err != nil {
		return err
	}
	body, err := r.sub(st.Fields["body"])
	if err != nil {
		return err
	}
	var b []byte
	if body != nil || method == http.MethodPost {
		if body == nil {
			body = map[string]any{}
		}
		if b, err = json.Marshal(body); err != nil {
			return err
		}
	}
	var rd io.Reader
	if b != nil {
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, base+"/"+ep, rd)
	if err != nil {
		return err
	}
	if b != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	status, raw, err := r.send(req)
	if err != nil {
		return err
	}
	if r.tr != nil {
		fmt.Fprintf(r.tr, "> %s kacls %s\n%s\n< %d\n%s\n", method, path, r.normalise(b), status, r.normalise(raw))
	}
	return r.checkAnswer(st, status, decodeAnswer(raw))
}

// kaclsURL finds an instance's URL ("" = the only one) through the
// target's GET /_emulator/kacls, asked once per run.
func (r *runner) kaclsURL(ctx context.Context, name string) (string, error) {
	if r.kacls == nil {
		status, out, err := r.control(ctx, http.MethodGet, "kacls", nil)
		if err != nil {
			return "", err
		}
		if status != http.StatusOK {
			return "", failf("GET /_emulator/kacls answered HTTP %d: %s (does the target serve a KACLS?)", status, show(out))
		}
		r.kacls = map[string]string{}
		list, _ := out.(map[string]any)["instances"].([]any)
		for _, x := range list {
			in, _ := x.(map[string]any)
			n, _ := in["name"].(string)
			u, _ := in["url"].(string)
			r.kacls[n] = u
		}
	}
	if name == "" && len(r.kacls) == 1 {
		for _, u := range r.kacls {
			return u, nil
		}
	}
	u, ok := r.kacls[name]
	if !ok {
		names := make([]string, 0, len(r.kacls))
		for n := range r.kacls {
			names = append(names, n)
		}
		return "", failf("no KACLS instance %q at the target (it has %s)", name, strings.Join(names, ", "))
	}
	return u, nil
}
