package alikms

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
)

// req returns a required parameter (present and not empty).
func (p params) req(name string) (string, *Error) {
	v := p[name]
	if v == "" {
		return "", errMissing(name)
	}
	return v, nil
}

// boolean reads "true"/"false" (absent: def).
func (p params) boolean(name string, def bool) (bool, *Error) {
	switch strings.ToLower(p[name]) {
	case "":
		return def, nil
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, errInvalid("%s must be true or false.", name)
}

// integer reads a decimal in [lo, hi] (absent: def, ok false).
func (p params) integer(name string, lo, hi, def int) (int, bool, *Error) {
	v, ok := p[name]
	if !ok || v == "" {
		return def, false, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, true, errInvalid("%s must be an integer from %d to %d.", name, lo, hi)
	}
	return n, true, nil
}

// list reads a repeated parameter: name.1, name.2, ... as the SDK sends
// it, or a JSON array of strings in name.
func (p params) list(name string) ([]string, *Error) {
	if _, ok := p[name+".1"]; ok {
		var out []string
		for i := 1; ; i++ {
			v, ok := p[name+"."+strconv.Itoa(i)]
			if !ok {
				return out, nil
			}
			out = append(out, v)
		}
	}
	v := p[name]
	if v == "" {
		return nil, nil
	}
	var out []string
	if err := json.Unmarshal([]byte(v), &out); err != nil {
		return nil, errInvalid("%s must be a JSON array of strings.", name)
	}
	return out, nil
}

// tags reads a list of tags: name.N.Key / name.N.Value (the SDK's form),
// or a JSON array of {Key, Value} or {TagKey, TagValue}.
func (p params) tags(name string) ([]Tag, *Error) {
	var out []Tag
	if _, ok := p[name+".1.Key"]; ok {
		for i := 1; ; i++ {
			pre := name + "." + strconv.Itoa(i) + "."
			k, ok := p[pre+"Key"]
			if !ok {
				break
			}
			out = append(out, Tag{Key: k, Value: p[pre+"Value"]})
		}
	} else if v := p[name]; v != "" {
		var raw []map[string]string
		if err := json.Unmarshal([]byte(v), &raw); err != nil {
			return nil, errInvalid("%s must be a JSON array of {\"TagKey\", \"TagValue\"} objects.", name)
		}
		for _, m := range raw {
			t := Tag{Key: m["TagKey"], Value: m["TagValue"]}
			if t.Key == "" {
				t.Key, t.Value = m["Key"], m["Value"]
			}
			out = append(out, t)
		}
	}
	for _, t := range out {
		if t.Key == "" || len(t.Key) > 128 || len(t.Value) > 256 || strings.HasPrefix(strings.ToLower(t.Key), "acs:") {
			return nil, errInvalid("A tag key is 1 to 128 characters, not starting with acs:, and a value at most 256.")
		}
	}
	if len(out) > 20 {
		return nil, errInvalid("At most 20 tags at once.")
	}
	return out, nil
}

// base64Param decodes a required base64 parameter of lo to hi bytes.
func (p params) base64Param(name string, lo, hi int) ([]byte, *Error) {
	v, e := p.req(name)
	if e != nil {
		return nil, e
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil || len(b) < lo || len(b) > hi {
		return nil, errInvalid("%s must be base64 of %d to %d bytes.", name, lo, hi)
	}
	return b, nil
}
