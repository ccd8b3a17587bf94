package cloudkms

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
)

// Secret is a credential secret or security token; it never prints.
type Secret string

// String hides the secret.
func (Secret) String() string { return "REDACTED" }

// GoString hides the secret from %#v.
func (Secret) GoString() string { return "REDACTED" }

// LogValue hides the secret from slog.
func (Secret) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// MarshalJSON hides the secret from JSON.
func (Secret) MarshalJSON() ([]byte, error) { return []byte(`"REDACTED"`), nil }

// Reveal returns the secret, for a signature check only.
func (s Secret) Reveal() string { return string(s) }

// Credential is one access key: its ID, its secret, and for STS-style
// temporary credentials the token requests must carry ("" = none).
type Credential struct {
	ID     string
	Secret Secret
	Token  Secret
}

// ErrCredential wraps every malformed credential.
var ErrCredential = errors.New("invalid credential")

// validID is what an access key ID may be: 1-128 printable ASCII
// characters without spaces, colons, commas or slashes (signature scopes
// are slash-separated).
func validID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c <= ' ' || c > '~' || c == ':' || c == ',' || c == '/' {
			return false
		}
	}
	return true
}

func (c Credential) validate() error {
	if !validID(c.ID) {
		return fmt.Errorf("%w: the ID must be 1-128 printable characters without spaces, colons, commas or slashes", ErrCredential)
	}
	if c.Secret == "" || len(c.Secret) > 256 {
		return fmt.Errorf("%w: %s: the secret must be 1-256 characters", ErrCredential, c.ID)
	}
	if len(c.Token) > 4096 {
		return fmt.Errorf("%w: %s: the token is longer than 4096 characters", ErrCredential, c.ID)
	}
	return nil
}

// ParseCredential reads "ID:SECRET" or "ID:SECRET:TOKEN" (the token may
// itself hold colons).
func ParseCredential(s string) (Credential, error) {
	id, rest, ok := strings.Cut(s, ":")
	if !ok {
		return Credential{}, fmt.Errorf("%w: want ID:SECRET[:TOKEN]", ErrCredential)
	}
	secret, token, _ := strings.Cut(rest, ":")
	c := Credential{ID: id, Secret: Secret(secret), Token: Secret(token)}
	return c, c.validate()
}

// fileCredential is one entry of a credentials file.
type fileCredential struct {
	ID     string `json:"id"`
	Secret string `json:"secret"`
	Token  string `json:"token,omitempty"`
}

// ParseCredentialFile reads a credentials file: a JSON list of
// {"id": "...", "secret": "...", "token": "..."} (token optional).
func ParseCredentialFile(b []byte) ([]Credential, error) {
	var list []fileCredential
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("%w: want a JSON list of {\"id\", \"secret\", \"token\"}: %v", ErrCredential, err)
	}
	out := make([]Credential, 0, len(list))
	for _, f := range list {
		c := Credential{ID: f.ID, Secret: Secret(f.Secret), Token: Secret(f.Token)}
		if err := c.validate(); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Credentials is a read-only set of credentials by ID; safe for
// concurrent use.
type Credentials struct {
	byID map[string]Credential
}

// NewCredentials builds a set; a later pair with the ID of an earlier one
// replaces it (so a flag can change a default's secret).
func NewCredentials(list ...Credential) (*Credentials, error) {
	c := &Credentials{byID: make(map[string]Credential, len(list))}
	for _, x := range list {
		if err := x.validate(); err != nil {
			return nil, err
		}
		c.byID[x.ID] = x
	}
	return c, nil
}

// Lookup returns the credential with that ID.
func (c *Credentials) Lookup(id string) (Credential, bool) {
	if c == nil {
		return Credential{}, false
	}
	x, ok := c.byID[id]
	return x, ok
}

// IDs lists the IDs, sorted.
func (c *Credentials) IDs() []string {
	if c == nil {
		return nil
	}
	out := make([]string, 0, len(c.byID))
	for id := range c.byID {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
