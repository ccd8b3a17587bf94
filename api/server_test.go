package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/cluster"
)

const (
	testUser = "admin"
	testPass = "s3cret-pw"
)

// echoParams exercises the decoder through the wire.
type echoParams struct {
	N    int64    `param:"n"`
	Flag *bool    `param:"flag"`
	Kind string   `param:"kind" enum:"Internal,External"`
	List []string `param:"list"`
	New  *int64   `param:"newer" since:"12.5"`
}

// testTable is a method table that covers scopes, since-gating, failures
// and panics without depending on api/methods.go.
func testTable(s *Server) []method {
	return []method{
		{name: "GetAPI", since: "1.0", scope: scopeAll, call: typed(s.getAPI)},
		{name: "ClusterOnly", since: "1.0", scope: scopeCluster, call: typed(func(ctx context.Context, _ struct{}) (map[string]any, error) {
			return map[string]any{"listener": listenerFrom(ctx).String(), "version": versionFrom(ctx), "method": methodFrom(ctx)}, nil
		})},
		{name: "NodeOnly", since: "1.0", scope: scopeNode, call: typed(func(ctx context.Context, _ struct{}) (map[string]any, error) {
			return map[string]any{"host": hostFrom(ctx)}, nil
		})},
		{name: "CreateCluster", since: "1.0", scope: scopeBootstrap, call: typed(func(context.Context, struct{}) (struct{}, error) {
			return struct{}{}, nil
		})},
		{name: "NewInTwelveFive", since: "12.5", scope: scopeAll, call: typed(func(context.Context, struct{}) (*struct{}, error) {
			return nil, nil
		})},
		{name: "Echo", since: "1.0", scope: scopeAll, call: typed(func(_ context.Context, p echoParams) (echoParams, error) {
			return p, nil
		})},
		{name: "Nil", since: "1.0", scope: scopeAll, call: func(context.Context, json.RawMessage) (any, error) { return nil, nil }},
		{name: "NotObject", since: "1.0", scope: scopeAll, call: func(context.Context, json.RawMessage) (any, error) { return []int{1}, nil }},
		{name: "Panic", since: "1.0", scope: scopeAll, call: func(context.Context, json.RawMessage) (any, error) { panic("boom") }},
		{name: "Fail", since: "1.0", scope: scopeAll, call: func(context.Context, json.RawMessage) (any, error) {
			return nil, errors.New("database is locked at /secret/path")
		}},
		{name: "DriveErr", since: "1.0", scope: scopeAll, call: func(context.Context, json.RawMessage) (any, error) {
			return nil, fmt.Errorf("remove: %w", cluster.ErrDriveID(42))
		}},
		{name: "HTML", since: "1.0", scope: scopeAll, call: func(context.Context, json.RawMessage) (any, error) {
			return map[string]string{"pem": "<a&b>"}, nil
		}},
	}
}

// logBuffer is a concurrency-safe log sink.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

type env struct {
	cluster, node *httptest.Server
	logs          *logBuffer
}

func newEnv(t *testing.T, mod func(*Deps)) env {
	t.Helper()
	logs := &logBuffer{}
	d := Deps{
		User: testUser, Password: testPass,
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
	}
	if mod != nil {
		mod(&d)
	}
	s, err := newServer(d, testTable)
	require.NoError(t, err)
	e := env{cluster: httptest.NewServer(s.ClusterHandler()), node: httptest.NewServer(s.NodeHandler()), logs: logs}
	t.Cleanup(e.cluster.Close)
	t.Cleanup(e.node.Close)
	return e
}

type resp struct {
	status int
	header http.Header
	body   string
}

// do sends one request; auth is applied unless user is "-".
func do(t *testing.T, method, url, contentType, body string, user, pass string) resp {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, url, rd)
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if user != "-" {
		req.SetBasicAuth(user, pass)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return resp{res.StatusCode, res.Header, string(b)}
}

func post(t *testing.T, url, body string) resp {
	t.Helper()
	return do(t, http.MethodPost, url, "application/json", body, testUser, testPass)
}

// requireRPC checks the status and headers of a JSON-RPC answer and returns
// its body without the final newline.
func requireRPC(t *testing.T, r resp) string {
	t.Helper()
	require.Equal(t, http.StatusOK, r.status, r.body)
	require.Equal(t, "application/json", r.header.Get("Content-Type"))
	return strings.TrimSpace(r.body)
}

func TestIDEcho(t *testing.T) {
	e := newEnv(t, nil)
	url := e.cluster.URL + "/json-rpc/12.7"
	for _, tt := range []struct {
		name, body, want string
	}{
		{"Zero", `{"method":"Nil","id":0}`, `{"id":0,"result":{}}`},
		{"One", `{"method":"Nil","id":1}`, `{"id":1,"result":{}}`},
		{"HugeKeepsDigits", `{"method":"Nil","id":12345678901234567890}`, `{"id":12345678901234567890,"result":{}}`},
		{"FloatVerbatim", `{"method":"Nil","id":1.50e3}`, `{"id":1.50e3,"result":{}}`},
		{"String", `{"method":"Nil","id":"abc-1"}`, `{"id":"abc-1","result":{}}`},
		{"StringEscapesVerbatim", `{"method":"Nil","id":"<\u00e9>"}`, `{"id":"<\u00e9>","result":{}}`},
		{"Null", `{"method":"Nil","id":null}`, `{"id":null,"result":{}}`},
		{"Missing", `{"method":"Nil"}`, `{"id":null,"result":{}}`},
		{"OnError", `{"method":"Nope","id":7}`, `{"id":7,"error":{"code":500,"name":"xUnknownAPIMethod","message":"method=Nope"}}`},
		{"OnEnvelopeError", `{"id":9,"method":5}`, `{"id":9,"error":{"code":500,"name":"xInvalidRequest","message":"Invalid JSON-RPC request: method is not a string"}}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, requireRPC(t, post(t, url, tt.body)))
		})
	}
}

func TestContentTypesAllWork(t *testing.T) {
	e := newEnv(t, nil)
	for _, ct := range []string{"", "application/json", "application/json-rpc", "json-rpc", "text/plain", "application/json; charset=utf-8", "application/x-www-form-urlencoded"} {
		t.Run("CT="+ct, func(t *testing.T) {
			r := do(t, http.MethodPost, e.cluster.URL+"/json-rpc/12.7", ct, `{"method":"GetAPI","params":{},"id":3}`, testUser, testPass)
			body := requireRPC(t, r)
			require.Contains(t, body, `"currentVersion":"12.7"`)
			require.True(t, strings.HasPrefix(body, `{"id":3,"result":{`), body)
		})
	}
}

func TestGetForm(t *testing.T) {
	e := newEnv(t, nil)
	base := e.cluster.URL + "/json-rpc/12.7"
	get := func(t *testing.T, query string) string {
		t.Helper()
		return requireRPC(t, do(t, http.MethodGet, base+"?"+query, "", "", testUser, testPass))
	}
	t.Run("IDEchoedAsString", func(t *testing.T) {
		body := get(t, "method=GetAPI&id=7")
		require.True(t, strings.HasPrefix(body, `{"id":"7","result":{"12.7":["ClusterOnly",`), body)
	})
	t.Run("NoIDIsNull", func(t *testing.T) {
		require.Equal(t, `{"id":null,"result":{}}`, get(t, "method=nil"))
	})
	t.Run("ParamsCoerced", func(t *testing.T) {
		require.JSONEq(t, `{"id":"x","result":{"N":4,"Flag":true,"Kind":"External","List":null,"New":null}}`,
			get(t, "method=Echo&id=x&n=4&flag=TRUE&kind=external&unknown=zz"))
	})
	t.Run("JSONValuesDecoded", func(t *testing.T) {
		require.JSONEq(t, `{"id":null,"result":{"N":0,"Flag":null,"Kind":"","List":["a","b"],"New":null}}`,
			get(t, `method=Echo&list=%5B%22a%22%2C%22b%22%5D`))
	})
	t.Run("RepeatedKeysArray", func(t *testing.T) {
		require.JSONEq(t, `{"id":null,"result":{"N":0,"Flag":null,"Kind":"","List":["x","y","z"],"New":null}}`,
			get(t, `method=Echo&list=x&list=y&list=z`))
	})
	t.Run("BadJSONLookingValueStaysString", func(t *testing.T) {
		require.Equal(t, `{"id":null,"error":{"code":500,"name":"xInvalidParameterType","message":"Invalid type for member=[list]: expected array"}}`,
			get(t, `method=Echo&list=%5Bnope`))
	})
	t.Run("MissingMethod", func(t *testing.T) {
		require.Equal(t, `{"id":"1","error":{"code":500,"name":"xInvalidRequest","message":"Invalid JSON-RPC request: method is missing"}}`,
			get(t, "id=1"))
	})
	t.Run("PostEmptyBodyWithQueryMethod", func(t *testing.T) {
		body := requireRPC(t, do(t, http.MethodPost, base+"?method=echo&id=5&n=2", "application/json", "", testUser, testPass))
		require.JSONEq(t, `{"id":"5","result":{"N":2,"Flag":null,"Kind":"","List":null,"New":null}}`, body)
	})
	t.Run("PostBodyWinsOverQuery", func(t *testing.T) {
		body := requireRPC(t, do(t, http.MethodPost, base+"?method=Fail", "", `{"method":"Nil","id":2}`, testUser, testPass))
		require.Equal(t, `{"id":2,"result":{}}`, body)
	})
}

func TestMethodNamesCaseInsensitive(t *testing.T) {
	e := newEnv(t, nil)
	for _, name := range []string{"getapi", "GETAPI", "GetAPI", "gEtApI"} {
		body := requireRPC(t, post(t, e.cluster.URL+"/json-rpc/12.7", `{"method":"`+name+`"}`))
		require.Contains(t, body, `"currentVersion":"12.7"`, name)
	}
	// The handler sees the canonical name.
	body := requireRPC(t, post(t, e.cluster.URL+"/json-rpc/12.7", `{"method":"clusteronly"}`))
	require.JSONEq(t, `{"id":null,"result":{"listener":"cluster","version":"12.7","method":"ClusterOnly"}}`, body)
}

func TestTrailingSlash(t *testing.T) {
	e := newEnv(t, nil)
	for _, p := range []string{"/json-rpc/12.7", "/json-rpc/12.7/", "/json-rpc/7.0/"} {
		require.Equal(t, `{"id":1,"result":{}}`, requireRPC(t, post(t, e.cluster.URL+p, `{"method":"Nil","id":1}`)), p)
	}
}

func TestHTTPStatuses(t *testing.T) {
	e := newEnv(t, nil)
	u := e.cluster.URL
	t.Run("401NoCredentials", func(t *testing.T) {
		r := do(t, http.MethodPost, u+"/json-rpc/12.7", "", `{"method":"GetAPI"}`, "-", "")
		require.Equal(t, http.StatusUnauthorized, r.status)
		require.Contains(t, r.body, "401 Unauthorized.")
		require.Equal(t, `Basic realm="SolidFire"`, r.header.Get("WWW-Authenticate"))
		require.True(t, strings.HasPrefix(r.header.Get("Content-Type"), "text/html"))
	})
	t.Run("401WrongPassword", func(t *testing.T) {
		r := do(t, http.MethodPost, u+"/json-rpc/12.7", "", `{"method":"GetAPI"}`, testUser, "nope")
		require.Equal(t, http.StatusUnauthorized, r.status)
		require.Contains(t, r.body, "401 Unauthorized.")
	})
	t.Run("401WrongUser", func(t *testing.T) {
		r := do(t, http.MethodGet, u+"/json-rpc/12.7?method=GetAPI", "", "", "root", testPass)
		require.Equal(t, http.StatusUnauthorized, r.status)
	})
	t.Run("401BeforePath", func(t *testing.T) {
		for _, p := range []string{"/json-rpc/99.0", "/foo", "/_emulator/healthz"} {
			r := do(t, http.MethodGet, u+p, "", "", "-", "")
			require.Equal(t, http.StatusUnauthorized, r.status, p)
		}
	})
	t.Run("404", func(t *testing.T) {
		for _, p := range []string{"/foo", "/", "/json-rpcx"} {
			r := do(t, http.MethodPost, u+p, "", `{"method":"GetAPI"}`, testUser, testPass)
			require.Equal(t, http.StatusNotFound, r.status, p)
			require.Equal(t, "404 Not Found", strings.TrimSpace(r.body), p)
		}
	})
	t.Run("404NamesTheVersions", func(t *testing.T) {
		hint := "supported: 1.0 … 12.7 (GetAPI lists them); use /json-rpc/12.7"
		for p, why := range map[string]string{
			"/json-rpc/99.0":   `unknown API version "99.0"`,
			"/json-rpc/13.0":   `unknown API version "13.0"`,
			"/json-rpc/12.70":  `unknown API version "12.70"`,
			"/json-rpc/12.7.0": `unknown API version "12.7.0"`,
			"/json-rpc/13.0/":  `unknown API version "13.0"`,
			"/json-rpc":        "no API version in the path",
			"/json-rpc/":       "no API version in the path",
			"/json-rpc/12.7/x": "nothing is served under /json-rpc/12.7/x",
		} {
			for _, m := range []string{http.MethodPost, http.MethodGet} {
				r := do(t, m, u+p, "", `{"method":"GetAPI"}`, testUser, testPass)
				require.Equal(t, http.StatusNotFound, r.status, p)
				require.Equal(t, "404 Not Found\n"+why+"; "+hint+"\n", r.body, p)
				require.True(t, strings.HasPrefix(r.header.Get("Content-Type"), "text/plain"), p)
			}
		}
	})
	t.Run("405BeforeAuth", func(t *testing.T) {
		for _, m := range []string{http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodHead} {
			r := do(t, m, u+"/json-rpc/12.7", "", "", "-", "")
			require.Equal(t, http.StatusMethodNotAllowed, r.status, m)
			require.Equal(t, "GET, POST", r.header.Get("Allow"), m)
		}
	})
	t.Run("413", func(t *testing.T) {
		big := `{"method":"GetAPI","params":{"pad":"` + strings.Repeat("a", maxBodyBytes) + `"}}`
		r := do(t, http.MethodPost, u+"/json-rpc/12.7", "", big, testUser, testPass)
		require.Equal(t, http.StatusRequestEntityTooLarge, r.status)
	})
	t.Run("413Chunked", func(t *testing.T) {
		pr, pw := io.Pipe()
		go func() {
			chunk := bytes.Repeat([]byte("a"), 1<<20)
			for range 17 {
				if _, err := pw.Write(chunk); err != nil {
					return
				}
			}
			_ = pw.Close()
		}()
		req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, u+"/json-rpc/12.7", pr)
		require.NoError(t, err)
		req.SetBasicAuth(testUser, testPass)
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		_ = pr.Close()
		require.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
	})
	t.Run("JustUnder16MiBAccepted", func(t *testing.T) {
		prefix := `{"method":"Nil","params":{"pad":"`
		suffix := `"}}`
		body := prefix + strings.Repeat("a", maxBodyBytes-len(prefix)-len(suffix)) + suffix
		require.Equal(t, `{"id":null,"result":{}}`, requireRPC(t, post(t, u+"/json-rpc/12.7", body)))
	})
}

func TestEnvelopeErrors(t *testing.T) {
	e := newEnv(t, nil)
	url := e.cluster.URL + "/json-rpc/12.7"
	for _, tt := range []struct {
		name, body, reason string
	}{
		{"NotJSON", `{"method":`, "body is not valid JSON"},
		{"Garbage", `hello`, "body is not valid JSON"},
		{"Empty", ``, "empty body"},
		{"Batch", `[{"method":"GetAPI","id":1}]`, "batch requests are not supported"},
		{"NotObject", `"GetAPI"`, "body is not a JSON object"},
		{"MethodMissing", `{"params":{}}`, "method is missing"},
		{"MethodNull", `{"method":null}`, "method is missing"},
		{"MethodNotString", `{"method":["GetAPI"]}`, "method is not a string"},
		{"ParamsArray", `{"method":"GetAPI","params":[1]}`, "params is not an object"},
		{"ParamsString", `{"method":"GetAPI","params":"x"}`, "params is not an object"},
		{"TrailingGarbage", `{"method":"GetAPI"} x`, "body is not valid JSON"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body := requireRPC(t, post(t, url, tt.body))
			require.Equal(t, `{"id":null,"error":{"code":500,"name":"xInvalidRequest","message":"Invalid JSON-RPC request: `+tt.reason+`"}}`, body)
		})
	}
	t.Run("UnknownMembersIgnored", func(t *testing.T) {
		body := requireRPC(t, post(t, url, `{"jsonrpc":"2.0","method":"Nil","params":null,"id":1,"extra":{"a":[]}}`))
		require.Equal(t, `{"id":1,"result":{}}`, body)
	})
	t.Run("EnvelopeBeforeMethod", func(t *testing.T) {
		body := requireRPC(t, post(t, url, `{"method":"NoSuchMethod","params":7}`))
		require.Contains(t, body, `"xInvalidRequest"`)
	})
}

func TestUnknownAPIMethod(t *testing.T) {
	e := newEnv(t, nil)
	unknown := func(name string) string {
		return `{"id":1,"error":{"code":500,"name":"xUnknownAPIMethod","message":"method=` + name + `"}}`
	}
	call := func(t *testing.T, base, version, name string) string {
		t.Helper()
		return requireRPC(t, post(t, base+"/json-rpc/"+version, `{"method":"`+name+`","id":1}`))
	}
	t.Run("Unknown", func(t *testing.T) {
		require.Equal(t, unknown("ListVolumes"), call(t, e.cluster.URL, "12.7", "ListVolumes"))
	})
	t.Run("NameAsSent", func(t *testing.T) {
		require.Equal(t, unknown("listvolumes"), call(t, e.cluster.URL, "12.7", "listvolumes"))
	})
	t.Run("NewerThanURLVersion", func(t *testing.T) {
		require.Equal(t, unknown("newintwelvefive"), call(t, e.cluster.URL, "12.3", "newintwelvefive"))
		require.Equal(t, unknown("NewInTwelveFive"), call(t, e.cluster.URL, "7.0", "NewInTwelveFive"))
		require.Equal(t, `{"id":1,"result":{}}`, call(t, e.cluster.URL, "12.5", "NewInTwelveFive"))
	})
	t.Run("NodeRefusesClusterMethods", func(t *testing.T) {
		require.Equal(t, unknown("ClusterOnly"), call(t, e.node.URL, "12.7", "ClusterOnly"))
	})
	t.Run("ClusterRefusesNodeMethods", func(t *testing.T) {
		require.Equal(t, unknown("NodeOnly"), call(t, e.cluster.URL, "12.7", "NodeOnly"))
	})
	t.Run("NodeServesNodeMethodsAndGetAPI", func(t *testing.T) {
		body := call(t, e.node.URL, "12.7", "NodeOnly")
		require.Contains(t, body, `"host":"127.0.0.1:`)
		require.Contains(t, call(t, e.node.URL, "12.7", "GetAPI"), `"currentVersion":"12.7"`)
	})
	t.Run("CreateClusterOnlyInBootstrap", func(t *testing.T) {
		require.Equal(t, unknown("CreateCluster"), call(t, e.cluster.URL, "12.7", "CreateCluster"))
	})
	t.Run("NodeHasNoControlSurface", func(t *testing.T) {
		r := do(t, http.MethodGet, e.node.URL+"/_emulator/healthz", "", "", testUser, testPass)
		require.Equal(t, http.StatusNotFound, r.status)
	})
}

func TestBootstrapMode(t *testing.T) {
	var mu sync.Mutex
	boot := true
	e := newEnv(t, func(d *Deps) {
		d.Bootstrap = func() bool { mu.Lock(); defer mu.Unlock(); return boot }
	})
	u := e.cluster.URL + "/json-rpc/12.7"
	// Any credentials, or none.
	r := do(t, http.MethodPost, u, "", `{"method":"GetAPI","id":1}`, "-", "")
	require.Contains(t, requireRPC(t, r), `"currentVersion":"12.7"`)
	r = do(t, http.MethodPost, u, "", `{"method":"createcluster","id":1}`, "who", "ever")
	require.Equal(t, `{"id":1,"result":{}}`, requireRPC(t, r))
	r = do(t, http.MethodPost, u, "", `{"method":"ClusterOnly","id":1}`, "who", "ever")
	require.Equal(t, `{"id":1,"error":{"code":500,"name":"xUnknownAPIMethod","message":"method=ClusterOnly"}}`, requireRPC(t, r))
	// The node listener still checks credentials.
	r = do(t, http.MethodPost, e.node.URL+"/json-rpc/12.7", "", `{"method":"GetAPI"}`, "who", "ever")
	require.Equal(t, http.StatusUnauthorized, r.status)

	mu.Lock()
	boot = false
	mu.Unlock()
	r = do(t, http.MethodPost, u, "", `{"method":"GetAPI","id":1}`, "who", "ever")
	require.Equal(t, http.StatusUnauthorized, r.status)
}

func TestAuthenticateHook(t *testing.T) {
	e := newEnv(t, func(d *Deps) {
		d.Authenticate = func(user, pass string) bool { return user == "clusteradmin" && pass == "pw" }
	})
	r := do(t, http.MethodPost, e.cluster.URL+"/json-rpc/12.7", "", `{"method":"Nil"}`, "clusteradmin", "pw")
	require.Equal(t, `{"id":null,"result":{}}`, requireRPC(t, r))
	r = do(t, http.MethodPost, e.cluster.URL+"/json-rpc/12.7", "", `{"method":"Nil"}`, testUser, testPass)
	require.Equal(t, http.StatusUnauthorized, r.status)
}

func TestResultsAndInternalErrors(t *testing.T) {
	e := newEnv(t, nil)
	url := e.cluster.URL + "/json-rpc/12.7"
	internal := `{"id":1,"error":{"code":500,"name":"xInternalError","message":"Internal error; see the emulator log."}}`
	t.Run("NilResultIsEmptyObject", func(t *testing.T) {
		require.Equal(t, `{"id":1,"result":{}}`, requireRPC(t, post(t, url, `{"method":"Nil","id":1}`)))
	})
	t.Run("TypedNilPointerIsEmptyObject", func(t *testing.T) {
		require.Equal(t, `{"id":1,"result":{}}`, requireRPC(t, post(t, url, `{"method":"NewInTwelveFive","id":1}`)))
	})
	t.Run("NoHTMLEscaping", func(t *testing.T) {
		require.Equal(t, `{"id":1,"result":{"pem":"<a&b>"}}`, requireRPC(t, post(t, url, `{"method":"HTML","id":1}`)))
	})
	t.Run("ClusterErrorWrapped", func(t *testing.T) {
		require.Equal(t, `{"id":1,"error":{"code":500,"name":"xDriveIDDoesNotExist","message":"Drive 42 does not exist."}}`,
			requireRPC(t, post(t, url, `{"method":"DriveErr","id":1}`)))
	})
	t.Run("PlainErrorHidden", func(t *testing.T) {
		require.Equal(t, internal, requireRPC(t, post(t, url, `{"method":"Fail","id":1}`)))
		require.Contains(t, e.logs.String(), "database is locked at /secret/path")
		require.Contains(t, e.logs.String(), "method=Fail")
	})
	t.Run("NonObjectResult", func(t *testing.T) {
		require.Equal(t, internal, requireRPC(t, post(t, url, `{"method":"NotObject","id":1}`)))
	})
	t.Run("PanicRecovered", func(t *testing.T) {
		require.Equal(t, internal, requireRPC(t, post(t, url, `{"method":"Panic","id":1}`)))
		require.Equal(t, 1, strings.Count(e.logs.String(), "panic while serving"))
		require.Contains(t, e.logs.String(), "boom")
		// The server keeps serving.
		require.Equal(t, `{"id":2,"result":{}}`, requireRPC(t, post(t, url, `{"method":"Nil","id":2}`)))
	})
	t.Run("ParamErrorsAndSince", func(t *testing.T) {
		require.Equal(t, `{"id":1,"error":{"code":500,"name":"xInvalidParameter","message":"Invalid value for member=[newer]: not available before API version 12.5"}}`,
			requireRPC(t, post(t, e.cluster.URL+"/json-rpc/12.3", `{"method":"Echo","id":1,"params":{"newer":1}}`)))
		require.JSONEq(t, `{"id":1,"result":{"N":0,"Flag":null,"Kind":"","List":null,"New":1}}`,
			requireRPC(t, post(t, e.cluster.URL+"/json-rpc/12.5", `{"method":"Echo","id":1,"params":{"newer":"1"}}`)))
		require.Equal(t, `{"id":1,"error":{"code":500,"name":"xUnrecognizedEnumString","message":"Unrecognized enum string=[middle] for member=[kind]"}}`,
			requireRPC(t, post(t, url, `{"method":"Echo","id":1,"params":{"kind":"middle"}}`)))
	})
}

func TestNeverLogsCredentials(t *testing.T) {
	e := newEnv(t, nil)
	url := e.cluster.URL + "/json-rpc/12.7"
	_ = do(t, http.MethodPost, url, "", `{"method":"Fail"}`, testUser, testPass)
	_ = do(t, http.MethodPost, url, "", `{"method":"Panic"}`, testUser, testPass)
	_ = do(t, http.MethodPost, url, "", `{"method":"Fail"}`, testUser, "wrong-pw-xyz")
	logs := e.logs.String()
	require.NotEmpty(t, logs)
	require.NotContains(t, logs, testPass)
	require.NotContains(t, logs, "wrong-pw-xyz")
	require.NotContains(t, logs, "Basic ")
}

func TestGetAPI(t *testing.T) {
	for _, tt := range []struct {
		current string
		last    string
		count   int
	}{
		{"", "12.7", 46},
		{"12.7", "12.7", 46},
		{"12.5", "12.5", 45},
		{"12.3", "12.3", 44},
	} {
		t.Run("Current="+tt.current, func(t *testing.T) {
			e := newEnv(t, func(d *Deps) { d.CurrentVersion = tt.current })
			var got struct {
				ID     any `json:"id"`
				Result map[string]json.RawMessage
			}
			// The answer does not depend on the URL version.
			for _, v := range []string{"7.0", tt.last} {
				body := requireRPC(t, post(t, e.cluster.URL+"/json-rpc/"+v, `{"method":"GetAPI","id":0,"params":null}`))
				require.NoError(t, json.Unmarshal([]byte(body), &got))
				require.Equal(t, float64(0), got.ID)
				require.Len(t, got.Result, 3)
				require.JSONEq(t, `"`+tt.last+`"`, string(got.Result["currentVersion"]))
				var versions []string
				require.NoError(t, json.Unmarshal(got.Result["supportedVersions"], &versions))
				require.Len(t, versions, tt.count)
				require.Equal(t, "1.0", versions[0])
				require.Contains(t, versions, "7.0")
				require.Equal(t, tt.last, versions[len(versions)-1])
				var names []string
				require.NoError(t, json.Unmarshal(got.Result[tt.last], &names))
				require.IsNonDecreasing(t, names)
				require.Contains(t, names, "GetAPI")
				require.Contains(t, names, "CreateCluster")
				if tt.last == "12.3" {
					require.NotContains(t, names, "NewInTwelveFive")
				} else {
					require.Contains(t, names, "NewInTwelveFive")
				}
			}
			// Versions above current are not served.
			if tt.last != "12.7" {
				r := post(t, e.cluster.URL+"/json-rpc/12.7", `{"method":"GetAPI"}`)
				require.Equal(t, http.StatusNotFound, r.status)
			}
		})
	}
	t.Run("RealTableServesGetAPI", func(t *testing.T) {
		s, err := NewServer(Deps{User: testUser, Password: testPass})
		require.NoError(t, err)
		srv := httptest.NewServer(s.ClusterHandler())
		t.Cleanup(srv.Close)
		body := requireRPC(t, post(t, srv.URL+"/json-rpc/12.7", `{"method":"GetAPI","id":0}`))
		require.Contains(t, body, `"GetAPI"`)
	})
}

func TestNewServerErrors(t *testing.T) {
	ok := func(context.Context, json.RawMessage) (any, error) { return nil, nil }
	for _, tt := range []struct {
		name    string
		deps    Deps
		table   []method
		wantErr string
	}{
		{"DuplicateCaseInsensitive", Deps{}, []method{
			{name: "GetAPI", since: "1.0", scope: scopeAll, call: ok},
			{name: "getapi", since: "1.0", scope: scopeAll, call: ok},
		}, "duplicate method"},
		{"NoName", Deps{}, []method{{since: "1.0", scope: scopeAll, call: ok}}, "has no name"},
		{"NoHandler", Deps{}, []method{{name: "X", since: "1.0", scope: scopeAll}}, "has no handler"},
		{"NoScope", Deps{}, []method{{name: "X", since: "1.0", call: ok}}, "no valid scope"},
		{"BadSince", Deps{}, []method{{name: "X", since: "twelve", scope: scopeAll, call: ok}}, "bad since"},
		{"BadCurrentVersion", Deps{CurrentVersion: "12.4"}, nil, "unsupported current version"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newServer(tt.deps, func(*Server) []method { return tt.table })
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
}

func TestVersionCompare(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		less bool
	}{
		{"9.0", "10.0", true},
		{"12.3", "12.10", true},
		{"12.7", "12.7", false},
		{"12.7", "11.7", false},
		{"1.0", "1.1", true},
	} {
		a, ok1 := parseVersion(tt.a)
		b, ok2 := parseVersion(tt.b)
		require.True(t, ok1 && ok2)
		require.Equal(t, tt.less, a.less(b), "%s < %s", tt.a, tt.b)
	}
	for _, bad := range []string{"", "12", "a.b", "12.-1", "12.7.0"} {
		_, ok := parseVersion(bad)
		require.False(t, ok, bad)
	}
}

func BenchmarkGetAPI(b *testing.B) {
	s, err := NewServer(Deps{User: testUser, Password: testPass})
	require.NoError(b, err)
	h := s.ClusterHandler()
	body := []byte(`{"method":"GetAPI","params":{},"id":1}`)
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/json-rpc/12.7", bytes.NewReader(body))
		req.SetBasicAuth(testUser, testPass)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
