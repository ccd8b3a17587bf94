package api_test

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/api/apitest"
	"github.com/element-emulator/element-emulator/emulator"
)

type emulatorConfig = emulator.Config

func jsonNum(n int64) json.Number { return json.Number(strconv.FormatInt(n, 10)) }

func decode(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var m map[string]any
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	require.NoError(t, d.Decode(&m), string(body))
	return m
}

func kmipStats(t *testing.T, s *apitest.Server) map[string]any {
	t.Helper()
	status, body := s.Control(http.MethodGet, "kmip/stats", nil)
	require.Equal(t, http.StatusOK, status)
	return body
}

func kmipObjects(t *testing.T, s *apitest.Server) []map[string]any {
	t.Helper()
	status, body := s.Control(http.MethodGet, "kmip/objects", nil)
	require.Equal(t, http.StatusOK, status)
	var out []map[string]any
	for _, o := range body["objects"].([]any) {
		out = append(out, o.(map[string]any))
	}
	return out
}

func insecureTLS() *tls.Config { return &tls.Config{InsecureSkipVerify: true} }
