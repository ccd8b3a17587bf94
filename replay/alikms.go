package replay

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/alikms"
)

// The signing schemes an alikms step may ask for (docs/scenarios.md,
// alikms steps).
var alikmsSchemes = map[string]string{
	"acs3": alikms.SchemeACS3, "acs4": alikms.SchemeACS4, "v1": alikms.SchemeV1,
}

// runAlikms sends an alikms step to the target's Alibaba Cloud KMS: the
// action with params, signed with the default access key (or credential
// "ID:SECRET") in the scheme asked for (acs3 by default); the endpoint
// comes from GET /_emulator/alikms, asked once per run.
func (r *runner) runAlikms(ctx context.Context, st *Step) error {
	v, err := r.sub(st.Value)
	if err != nil {
		return err
	}
	action := strings.TrimSpace(fmt.Sprint(v))
	version := ""
	if a, ver, ok := strings.Cut(action, " "); ok {
		action, version = a, strings.TrimSpace(ver)
	}
	raw, err := r.sub(st.Fields["params"])
	if err != nil {
		return err
	}
	params := map[string]string{}
	if m, ok := raw.(map[string]any); ok {
		for k, x := range m {
			params[k] = alikmsParam(x)
		}
	}
	id, secret := alikms.DefaultAccessKeyID, alikms.DefaultAccessKeySecret
	if c, ok := st.Fields["credential"]; ok {
		cv, err := r.sub(c)
		if err != nil {
			return err
		}
		i, s, _ := strings.Cut(fmt.Sprint(cv), ":")
		id, secret = i, s
	}
	scheme := alikms.SchemeACS3
	if s, ok := st.Fields["signature"].(string); ok {
		scheme = alikmsSchemes[s]
	}
	base, err := r.alikmsURL(ctx)
	if err != nil {
		return err
	}
	// Signatures carry real time, whatever the emulator clock says.
	req, err := alikms.NewSignedRequest(ctx, base, scheme, action, version, params, id, secret, time.Now())
	if err != nil {
		return err
	}
	status, body, err := r.send(req)
	if err != nil {
		return err
	}
	if r.tr != nil {
		pb, _ := json.Marshal(params)
		fmt.Fprintf(r.tr, "> alikms %s\n%s\n< %d\n%s\n", action, r.normalise(pb), status, r.normalise(body))
	}
	return r.checkAnswer(st, status, decodeAnswer(body))
}

// alikmsParam renders a parameter value as the wire carries it: strings
// as they are, numbers and booleans as text, objects and arrays as JSON
// (EncryptionContext, Tags).
func alikmsParam(x any) string {
	switch v := x.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	case nil:
		return ""
	}
	b, _ := json.Marshal(x)
	return string(b)
}

// alikmsURL finds the target's Alibaba KMS through GET /_emulator/alikms.
func (r *runner) alikmsURL(ctx context.Context) (string, error) {
	if r.alikms != "" {
		return r.alikms, nil
	}
	status, out, err := r.control(ctx, http.MethodGet, "alikms", nil)
	if err != nil {
		return "", err
	}
	if status != http.StatusOK {
		return "", failf("GET /_emulator/alikms answered HTTP %d: %s (does the target serve the Alibaba KMS?)", status, show(out))
	}
	u, _ := out.(map[string]any)["url"].(string)
	if u == "" {
		return "", failf("GET /_emulator/alikms gave no url: %s", show(out))
	}
	r.alikms = u
	return u, nil
}

// validateAlikmsStep checks an alikms step when the scenario loads.
func validateAlikmsStep(st *Step, v any) error {
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" {
		return fmt.Errorf(`alikms takes an action ("GenerateAndExportDataKey"), or an action and a version ("GetCallerIdentity 2015-04-01")`)
	}
	if p, ok := st.Fields["params"]; ok {
		if _, ok := p.(map[string]any); !ok {
			return fmt.Errorf("alikms params must be a map of parameter names to values")
		}
	}
	if x, ok := st.Fields["signature"]; ok {
		if s, _ := x.(string); alikmsSchemes[s] == "" {
			return fmt.Errorf("alikms signature must be acs3, acs4 or v1")
		}
	}
	if x, ok := st.Fields["credential"]; ok {
		if s, _ := x.(string); !strings.Contains(s, ":") && !varRef.MatchString(s) {
			return fmt.Errorf(`alikms credential is "ACCESS_KEY_ID:SECRET"`)
		}
	}
	if x, ok := st.Fields["status"]; ok {
		if n, ok := number(x); !ok || n < 100 || n > 599 {
			return fmt.Errorf("status must be an HTTP status code")
		}
	}
	return nil
}
