package api

import (
	"encoding/json"
	"errors"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/cluster"
)

func TestParseEnvelope(t *testing.T) {
	for _, tt := range []struct {
		name    string
		body    string
		want    envelope
		wantErr error
	}{
		{"Full", `{"method":"GetAPI","params":{"a":1},"id":7}`,
			envelope{id: json.RawMessage(`7`), method: "GetAPI", params: json.RawMessage(`{"a":1}`)}, nil},
		{"ParamsNull", `{"method":"GetAPI","params":null}`, envelope{method: "GetAPI"}, nil},
		{"IDKeptOnError", `{"id":"abc","params":1}`, envelope{id: json.RawMessage(`"abc"`)},
			cluster.ErrInvalidRequest("method is missing")},
		{"IDObjectVerbatim", `{"id": {"b" : [1, 2]},"method":"x"}`,
			envelope{id: json.RawMessage(`{"b" : [1, 2]}`), method: "x"}, nil},
		{"EscapedMethod", `{"method":"Get\u0041PI"}`, envelope{method: "GetAPI"}, nil},
		{"DuplicateMemberLastWins", `{"method":"A","method":"B"}`, envelope{method: "B"}, nil},
		{"Number", `12`, envelope{}, cluster.ErrInvalidRequest("body is not a JSON object")},
		{"Null", `null`, envelope{}, cluster.ErrInvalidRequest("body is not a JSON object")},
		{"Spaces", " \n ", envelope{}, cluster.ErrInvalidRequest("empty body")},
		{"MethodNumber", `{"method":1}`, envelope{}, cluster.ErrInvalidRequest("method is not a string")},
		{"ParamsTrue", `{"method":"x","params":true}`, envelope{method: "x"}, cluster.ErrInvalidRequest("params is not an object")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseEnvelope([]byte(tt.body))
			require.Equal(t, tt.wantErr, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestQueryEnvelope(t *testing.T) {
	for _, tt := range []struct {
		name, query, want string
	}{
		{"MethodIDParams", "method=GetAsyncResult&asyncHandle=4&keepResult=true&id=12",
			`{"method":"GetAsyncResult","id":"12","params":{"asyncHandle":"4","keepResult":"true"}}`},
		{"NoID", "method=GetAPI", `{"method":"GetAPI","params":{}}`},
		{"JSONArray", "method=X&ids=%5B1%2C2%5D", `{"method":"X","params":{"ids":[1,2]}}`},
		{"JSONObject", "method=X&attributes=%7B%22a%22%3A1%7D", `{"method":"X","params":{"attributes":{"a":1}}}`},
		{"NotReallyJSON", "method=X&s=%7Bnope", `{"method":"X","params":{"s":"{nope"}}`},
		{"Repeated", "method=X&ids=1&ids=2", `{"method":"X","params":{"ids":["1","2"]}}`},
		{"FirstMethodWins", "method=A&method=B", `{"method":"A","params":{}}`},
		{"NoMethod", "a=1", `{"params":{"a":"1"}}`},
		{"HTMLKept", "method=X&s=%3Ca%26b%3E", `{"method":"X","params":{"s":"<a&b>"}}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			require.NoError(t, err)
			require.JSONEq(t, tt.want, string(queryEnvelope(q)))
		})
	}
	t.Run("IDIsAString", func(t *testing.T) {
		env, err := parseEnvelope(queryEnvelope(url.Values{"method": {"GetAPI"}, "id": {"7"}}))
		require.NoError(t, err)
		require.Equal(t, json.RawMessage(`"7"`), env.id)
	})
}

type panicky struct{}

func (panicky) MarshalJSON() ([]byte, error) { panic("marshal boom") }

func TestEncodeResult(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   any
		want string
	}{
		{"Nil", nil, `{}`},
		{"NilMap", map[string]any(nil), `{}`},
		{"NilPointer", (*struct{ A int })(nil), `{}`},
		{"EmptyStruct", struct{}{}, `{}`},
		{"Struct", struct {
			A int `json:"a"`
		}{1}, `{"a":1}`},
		{"NoHTMLEscape", map[string]string{"x": "<&>"}, `{"x":"<&>"}`},
		{"RawObject", json.RawMessage(`{"k":  1}`), `{"k":1}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := encodeResult(tt.in)
			require.NoError(t, err)
			require.Equal(t, tt.want, string(got))
		})
	}
	for _, tt := range []struct {
		name string
		in   any
	}{
		{"Slice", []int{1}},
		{"String", "x"},
		{"Number", 3},
		{"Unencodable", map[string]any{"c": make(chan int)}},
		{"Panics", panicky{}},
	} {
		t.Run("Err"+tt.name, func(t *testing.T) {
			_, err := encodeResult(tt.in)
			require.Error(t, err)
			var ce *cluster.Error
			require.False(t, errors.As(err, &ce))
		})
	}
}

func TestErrorObject(t *testing.T) {
	s, err := newServer(Deps{}, testTable)
	require.NoError(t, err)
	ctx := t.Context()
	require.JSONEq(t, `{"code":500,"name":"xKeyPairDoesNotExist","message":"No public/private key pair exists; call CreatePublicPrivateKeyPair first."}`,
		string(s.errorObject(ctx, cluster.ErrNoKeyPair())))
	require.JSONEq(t, `{"code":500,"name":"xInternalError","message":"Internal error; see the emulator log."}`,
		string(s.errorObject(ctx, errors.New("raw text"))))
	require.JSONEq(t, `{"code":500,"name":"xInternalError","message":"Internal error; see the emulator log."}`,
		string(s.errorObject(ctx, (*cluster.Error)(nil))))
	require.Equal(t, `{"code":500,"name":"xInvalidParameter","message":"Invalid value for member=[cert]: <bad> & worse"}`,
		string(s.errorObject(ctx, cluster.ErrInvalidParam("cert", "<bad> & worse"))))
}

func TestWriteEnvelopeHeaders(t *testing.T) {
	rec := httptest.NewRecorder()
	writeEnvelope(rec, json.RawMessage(`"x"`), "result", []byte(`{}`))
	require.Equal(t, 200, rec.Code)
	require.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	require.Equal(t, "{\"id\":\"x\",\"result\":{}}\n", rec.Body.String())
	require.Equal(t, "23", rec.Header().Get("Content-Length"))
}
