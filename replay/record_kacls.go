package replay

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
)

// kaclsVolatile are members of KACLS answers whose values are fresh on
// every run (tokens, blobs, instance URLs with their free ports): captured
// on first sight, written as ${var} wherever they appear later.
var kaclsVolatile = map[string]bool{"token": true, "wrapped_key": true, "wrapped_private_key": true,
	"delegated_authentication": true, "url": true, "kid": true}

// KACLSHandler is a second recording proxy, for the target's KACLS
// listener at origin (scheme://host:port): a client pointed at it is
// forwarded there, and each exchange is written as a kacls step
// ("POST new/rewrap"). The instance and endpoint come from the path.
func (r *Recorder) KACLSHandler(origin string) (http.Handler, error) {
	u, err := url.Parse(origin)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("record: the KACLS origin must be a URL such as https://127.0.0.1:9440, not %q", origin)
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	if r.opt.Transport != nil {
		rp.Transport = r.opt.Transport
	} else {
		rp.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	}
	orig := rp.Director
	rp.Director = func(req *http.Request) {
		orig(req)
		req.Host = u.Host
	}
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(io.LimitReader(req.Body, 1<<20))
		if err != nil {
			http.Error(w, "reading the request: "+err.Error(), http.StatusBadRequest)
			return
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.ContentLength = int64(len(body))
		cw := &captureWriter{ResponseWriter: w}
		rp.ServeHTTP(cw, req)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.recordKACLS(req, body, cw.status, cw.body.Bytes())
	}), nil
}

// recordKACLS writes one kacls step: /v1/<ep> → "METHOD ep",
// /<name>/v1/<ep> → "METHOD name/ep".
func (r *Recorder) recordKACLS(req *http.Request, body []byte, status int, answer []byte) {
	parts := strings.Split(strings.Trim(req.URL.Path, "/"), "/")
	var target string
	switch {
	case len(parts) == 2 && parts[0] == "v1":
		target = parts[1]
	case len(parts) == 3 && parts[1] == "v1":
		target = parts[0] + "/" + parts[2]
	default:
		return // not a KACLS endpoint
	}
	name := DefaultKACLSInstance
	if len(parts) == 3 {
		name = parts[0]
	}
	r.addKACLSInstance(name)
	st := newOrdered()
	st.add("kacls", req.Method+" "+target)
	if b, ok := decodeJSON(body); ok {
		st.add("body", r.generalizeRequest("", b))
	}
	if status != http.StatusOK {
		st.add("status", status)
	}
	if a, ok := decodeJSON(answer); ok {
		caps := map[string]string{}
		exp := r.generalizeAnswer("", "", a, caps)
		if m, ok := exp.(map[string]any); ok {
			if _, ok := m["details"]; ok && status != http.StatusOK {
				m["details"] = map[string]any{"$type": "string"} // names URLs with free ports
			}
		}
		st.add("expect", exp)
		if len(caps) > 0 {
			st.add("capture", caps)
		}
	}
	r.steps = append(r.steps, st.node())
}

// DefaultKACLSInstance is the name of the one instance served at /v1.
const DefaultKACLSInstance = "default"

// addKACLSInstance notes an instance seen on the wire.
func (r *Recorder) addKACLSInstance(name string) {
	if r.kaclsInstances == nil {
		r.kaclsInstances = []string{}
	}
	for _, n := range r.kaclsInstances {
		if n == name {
			return
		}
	}
	if name != DefaultKACLSInstance {
		r.kaclsInstances = append(r.kaclsInstances, name)
	}
}

// noteKACLSInstances takes the instance list, in its order, from an answer
// of GET /_emulator/kacls.
func (r *Recorder) noteKACLSInstances(answer []byte) {
	a, ok := decodeJSON(answer)
	if !ok {
		return
	}
	list, _ := a.(map[string]any)["instances"].([]any)
	r.kaclsInstances = []string{}
	for _, x := range list {
		in, _ := x.(map[string]any)
		if n, _ := in["name"].(string); n != "" && n != DefaultKACLSInstance {
			r.kaclsInstances = append(r.kaclsInstances, n)
		}
	}
}
