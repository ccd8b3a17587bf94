package api

import (
	"testing"
)

// FuzzParseRule: a fault-rule body never panics the parser; what it accepts
// is a valid rule.
func FuzzParseRule(f *testing.F) {
	for _, seed := range []string{
		`{"target":"kmip-client","match":{"keyServerID":1},"effect":"unreachable","times":1}`,
		`{"target":"kmip-server","kind":"tls","mode":"unknown-ca"}`,
		`{"target":"kmip-server","kind":"error","operation":"Get","reason":"ItemNotFound","keyID":"x"}`,
		`{"target":"element-method","match":{"method":"GetAPI"},"effect":"error","name":"xDBClosing"}`,
		`{"target":"drive-security","match":{"driveIDs":"3,4","operation":"enable"},"effect":"fail"}`,
		`{"target":"job","match":{"resultType":"DriveAdd"},"effect":"error","name":"x","ms":5}`,
		`[]`, `null`, `{"match":[1]}`, `{"times":-1}`, `{"target":1}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := parseRule(body)
		if err != nil {
			return
		}
		if verr := r.Validate(); verr != nil {
			t.Fatalf("parseRule accepted an invalid rule %+v: %v", r, verr)
		}
	})
}
