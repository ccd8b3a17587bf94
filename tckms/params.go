package tckms

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
)

// params are an action's parameters, from a JSON body (TC3 over POST) or
// from a query string or form (TC3 over GET, V1), where every value is a
// string and lists use the SDK's dotted names (KeyIds.0, Tags.0.TagKey).
// Unknown parameters are ignored.
type params struct {
	json map[string]json.RawMessage // POST JSON
	form url.Values                 // GET query or V1 form
}

// parseJSONParams reads a JSON object body; an empty body is no parameter.
func parseJSONParams(body []byte) (params, *Error) {
	p := params{json: map[string]json.RawMessage{}}
	if len(bytes.TrimSpace(body)) == 0 {
		return p, nil
	}
	d := json.NewDecoder(bytes.NewReader(body))
	if err := d.Decode(&p.json); err != nil || p.json == nil {
		return params{}, newErr(codeInvalidParameter, "The request body is not a JSON object.")
	}
	if d.More() {
		return params{}, newErr(codeInvalidParameter, "The request body holds more than one JSON value.")
	}
	return p, nil
}

func formParams(v url.Values) params { return params{form: v} }

func (p params) raw(name string) (json.RawMessage, bool) {
	v, ok := p.json[name]
	if !ok || string(v) == "null" {
		return nil, false
	}
	return v, true
}

// str returns a string parameter ("" and false when absent).
func (p params) str(name string) (string, bool, *Error) {
	if p.json == nil {
		if vs, ok := p.form[name]; ok && len(vs) > 0 {
			return vs[0], true, nil
		}
		return "", false, nil
	}
	v, ok := p.raw(name)
	if !ok {
		return "", false, nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", false, errParamType(name, "a string")
	}
	return s, true, nil
}

// required returns a string parameter that must be present and non-empty.
func (p params) required(name string) (string, *Error) {
	s, ok, err := p.str(name)
	if err != nil {
		return "", err
	}
	if !ok || s == "" {
		return "", errMissing(name)
	}
	return s, nil
}

// uint returns an unsigned integer parameter (a JSON number, or a decimal
// string in a query or form).
func (p params) uint(name string) (uint64, bool, *Error) {
	var text string
	if p.json == nil {
		vs, ok := p.form[name]
		if !ok || len(vs) == 0 {
			return 0, false, nil
		}
		text = vs[0]
	} else {
		v, ok := p.raw(name)
		if !ok {
			return 0, false, nil
		}
		text = string(v)
	}
	n, err := strconv.ParseUint(text, 10, 64)
	if err != nil {
		return 0, false, errParamType(name, "an unsigned integer")
	}
	return n, true, nil
}

// maxList bounds list parameters.
const maxList = 200

// strList returns a list of strings.
func (p params) strList(name string) ([]string, bool, *Error) {
	if p.json == nil {
		var out []string
		for i := 0; ; i++ {
			vs, ok := p.form[name+"."+strconv.Itoa(i)]
			if !ok || len(vs) == 0 {
				break
			}
			if i >= maxList {
				return nil, false, errValue(name, "more than 200 elements")
			}
			out = append(out, vs[0])
		}
		return out, out != nil, nil
	}
	v, ok := p.raw(name)
	if !ok {
		return nil, false, nil
	}
	var out []string
	if err := json.Unmarshal(v, &out); err != nil {
		return nil, false, errParamType(name, "a list of strings")
	}
	if len(out) > maxList {
		return nil, false, errValue(name, "more than 200 elements")
	}
	return out, true, nil
}

// tags returns a list of {TagKey, TagValue}.
func (p params) tags(name string) ([]Tag, *Error) {
	var out []Tag
	if p.json == nil {
		for i := 0; ; i++ {
			pre := name + "." + strconv.Itoa(i) + "."
			k, okK := p.form[pre+"TagKey"]
			v, okV := p.form[pre+"TagValue"]
			if !okK && !okV {
				break
			}
			if i >= maxList {
				return nil, errValue(name, "more than 200 tags")
			}
			t := Tag{}
			if len(k) > 0 {
				t.Key = k[0]
			}
			if len(v) > 0 {
				t.Value = v[0]
			}
			out = append(out, t)
		}
	} else if v, ok := p.raw(name); ok {
		var list []struct {
			TagKey   *string
			TagValue *string
		}
		if err := json.Unmarshal(v, &list); err != nil {
			return nil, errParamType(name, "a list of {TagKey, TagValue}")
		}
		if len(list) > maxList {
			return nil, errValue(name, "more than 200 tags")
		}
		for _, x := range list {
			t := Tag{}
			if x.TagKey != nil {
				t.Key = *x.TagKey
			}
			if x.TagValue != nil {
				t.Value = *x.TagValue
			}
			out = append(out, t)
		}
	}
	seen := map[string]bool{}
	for _, t := range out {
		if t.Key == "" || len(t.Key) > 127 || len(t.Value) > 255 {
			return nil, errValue(name, "a tag key is 1-127 characters and a value at most 255")
		}
		if seen[t.Key] {
			return nil, newErr("InvalidParameterValue.TagKeysDuplicated", "The tag key %q is given twice.", t.Key)
		}
		seen[t.Key] = true
	}
	return out, nil
}

// keyID returns the required KeyId-like parameter, checked for shape.
func (p params) keyID(name string) (string, *Error) {
	s, err := p.required(name)
	if err != nil {
		return "", err
	}
	id, ok := validKeyID(strings.TrimSpace(s))
	if !ok {
		return "", newErr(codeInvalidKeyID, "The %s %q is not a valid CMK ID.", name, s)
	}
	return id, nil
}

// context reads the encryption-context parameter name (a JSON object of
// strings, or absent) in its canonical form.
func (p params) context(name string) ([]byte, *Error) {
	text, _, e := p.str(name)
	if e != nil {
		return nil, e
	}
	return canonicalContext(name, text)
}

// refuseAsymmetric refuses EncryptionPublicKey and EncryptionAlgorithm
// (answers encrypted under a caller's public key), which are not emulated.
func (p params) refuseAsymmetric() *Error {
	for _, name := range []string{"EncryptionPublicKey", "EncryptionAlgorithm"} {
		if v, _, e := p.str(name); e != nil {
			return e
		} else if v != "" {
			return newErr(codeUnsupportedOp, "%s is not emulated.", name)
		}
	}
	return nil
}
