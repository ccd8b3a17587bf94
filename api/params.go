package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/element-emulator/element-emulator/cluster"
)

// typed adapts a handler with a concrete parameter type P to the method
// table: it decodes params leniently (docs/element-api.md, Parameter
// decoding) at the request's URL version (D7), so every handler receives a
// checked P.
func typed[P, R any](h func(context.Context, P) (R, error)) func(context.Context, json.RawMessage) (any, error) {
	return func(ctx context.Context, raw json.RawMessage) (any, error) {
		var p P
		if err := decodeParamsAt(raw, &p, versionFrom(ctx)); err != nil {
			return nil, err
		}
		r, err := h(ctx, p)
		if err != nil {
			return nil, err
		}
		return r, nil
	}
}

// decodeParams decodes an Element params object into dst, a pointer to a
// param struct, without version gating. See decodeParamsAt.
func decodeParams(raw json.RawMessage, dst any) error {
	return decodeParamsAt(raw, dst, "")
}

// decodeParamsAt decodes an Element params object into dst, a pointer to a
// param struct, as seen at API version version ("" = no since-gating).
//
// Struct fields are described by tags:
//
//	param:"name"           the member name; param:"name,required" makes it required
//	enum:"Internal,External" accepted strings, matched case-insensitively (D4),
//	                       stored in the canonical spelling given here
//	since:"12.2"           the member is refused (xInvalidParameter) when
//	                       the URL version is older (D7)
//
// Untagged fields are skipped, except embedded structs, whose fields are
// decoded at the same level. Supported field types: int64 (and other ints),
// bool, string, float64, pointers to them, slices of them, json.RawMessage
// (raw passthrough), map[string]any and any (numbers as json.Number), and
// nested param structs, pointers and slices of them.
//
// Coercion (D5, (g), (h)): ints take JSON integers, integral numbers (1.0, 1e3)
// and decimal strings; bools take true/false, "true"/"false" in any case,
// 0/1 and "0"/"1". An absent or null member is not supplied; a required one
// is then xMissingParameter; a required array that is empty is
// xInvalidParameter. Fields are checked in struct order and the first
// failure wins (D49). Unknown members are ignored (D6). Errors are
// *cluster.Error, naming nested members as drives[0].driveID; a struct that
// cannot be decoded (bad tags, unsupported field types) is a plain error,
// i.e. an internal error.
func decodeParamsAt(raw json.RawMessage, dst any, version string) error {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("api: decodeParams needs a pointer to a struct, got %T", dst)
	}
	d := paramDecoder{}
	if version != "" {
		v, ok := parseVersion(version)
		if !ok {
			return fmt.Errorf("api: decodeParams: bad version %q", version)
		}
		d.version, d.gated = v, true
	}
	obj, err := paramObject(raw)
	if err != nil {
		return err
	}
	return d.decodeStruct(obj, rv.Elem(), "")
}

// paramObject parses the top-level params; absent, null and {} are equal.
func paramObject(raw json.RawMessage) (map[string]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || isNull(raw) {
		return nil, nil
	}
	if raw[0] != '{' {
		return nil, cluster.ErrInvalidRequest("params is not an object")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, cluster.ErrInvalidRequest("params is not a JSON object")
	}
	return obj, nil
}

type paramDecoder struct {
	version apiVersion
	gated   bool
}

func (d paramDecoder) decodeStruct(obj map[string]json.RawMessage, v reflect.Value, prefix string) error {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		tag, tagged := f.Tag.Lookup("param")
		if !tagged {
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				if err := d.decodeStruct(obj, v.Field(i), prefix); err != nil {
					return err
				}
			}
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if name == "" || !f.IsExported() {
			return fmt.Errorf("api: param field %s.%s: needs a name and must be exported", t, f.Name)
		}
		required := false
		for o := range strings.SplitSeq(opts, ",") {
			switch o {
			case "":
			case "required":
				required = true
			default:
				return fmt.Errorf("api: param field %s.%s: unknown option %q", t, f.Name, o)
			}
		}
		path := prefix + name
		raw, present := obj[name]
		if present && isNull(raw) {
			present = false
		}
		if since := f.Tag.Get("since"); since != "" {
			sv, ok := parseVersion(since)
			if !ok {
				return fmt.Errorf("api: param field %s.%s: bad since %q", t, f.Name, since)
			}
			if d.gated && d.version.less(sv) {
				if present {
					return cluster.ErrInvalidParam(path, "not available before API version "+since)
				}
				continue
			}
		}
		if !present {
			if required {
				return cluster.ErrMissingParam(path)
			}
			continue
		}
		var enum []string
		if e := f.Tag.Get("enum"); e != "" {
			enum = strings.Split(e, ",")
		}
		fv := v.Field(i)
		if err := d.decodeValue(raw, fv, path, enum); err != nil {
			return err
		}
		if required && fv.Kind() == reflect.Slice && fv.Type() != reflect.TypeFor[json.RawMessage]() && fv.Len() == 0 {
			return cluster.ErrInvalidParam(path, "must not be empty")
		}
	}
	return nil
}

// decodeValue decodes one non-null member (or array element) into fv.
func (d paramDecoder) decodeValue(raw json.RawMessage, fv reflect.Value, path string, enum []string) error {
	raw = bytes.TrimSpace(raw)
	t := fv.Type()
	switch t {
	case reflect.TypeFor[json.RawMessage]():
		fv.SetBytes(bytes.Clone(raw))
		return nil
	case reflect.TypeFor[any]():
		var x any
		if err := unmarshalNumber(raw, &x); err != nil {
			return cluster.ErrParamType(path, "JSON value")
		}
		if x != nil {
			fv.Set(reflect.ValueOf(x))
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		if isNull(raw) {
			return cluster.ErrParamType(path, expected(t.Elem()))
		}
		p := reflect.New(t.Elem())
		if err := d.decodeValue(raw, p.Elem(), path, enum); err != nil {
			return err
		}
		fv.Set(p)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := coerceInt(raw, path)
		if err != nil {
			return err
		}
		if fv.OverflowInt(n) {
			return cluster.ErrInvalidParam(path, "integer out of range")
		}
		fv.SetInt(n)
		return nil
	case reflect.Bool:
		b, err := coerceBool(raw, path)
		if err != nil {
			return err
		}
		fv.SetBool(b)
		return nil
	case reflect.Float64:
		f, err := coerceFloat(raw, path)
		if err != nil {
			return err
		}
		fv.SetFloat(f)
		return nil
	case reflect.String:
		s, err := coerceString(raw, path, enum)
		if err != nil {
			return err
		}
		fv.SetString(s)
		return nil
	case reflect.Slice:
		if len(raw) == 0 || raw[0] != '[' {
			return cluster.ErrParamType(path, "array")
		}
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			return cluster.ErrParamType(path, "array")
		}
		s := reflect.MakeSlice(t, len(elems), len(elems))
		for i, e := range elems {
			if err := d.decodeValue(e, s.Index(i), fmt.Sprintf("%s[%d]", path, i), enum); err != nil {
				return err
			}
		}
		fv.Set(s)
		return nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String || t.Elem() != reflect.TypeFor[any]() {
			return fmt.Errorf("api: param %s: unsupported map type %s", path, t)
		}
		if len(raw) == 0 || raw[0] != '{' {
			return cluster.ErrParamType(path, "object")
		}
		m := reflect.New(t)
		if err := unmarshalNumber(raw, m.Interface()); err != nil {
			return cluster.ErrParamType(path, "object")
		}
		fv.Set(m.Elem())
		return nil
	case reflect.Struct:
		if len(raw) == 0 || raw[0] != '{' {
			return cluster.ErrParamType(path, "object")
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return cluster.ErrParamType(path, "object")
		}
		return d.decodeStruct(obj, fv, path+".")
	}
	return fmt.Errorf("api: param %s: unsupported field type %s", path, t)
}

// expected names a Go type in xInvalidParameterType messages.
func expected(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "integer"
	case reflect.Bool:
		return "boolean"
	case reflect.Float64:
		return "number"
	case reflect.String:
		return "string"
	case reflect.Slice:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return "JSON value"
}

func unmarshalNumber(raw []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return dec.Decode(dst)
}

// coerceInt accepts a JSON integer, an integral JSON number (1.0, 1e3) and
// a decimal string (D5), exactly: no value goes through float64.
func coerceInt(raw []byte, path string) (int64, error) {
	if len(raw) == 0 {
		return 0, cluster.ErrParamType(path, "integer")
	}
	text := string(raw)
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0, cluster.ErrParamType(path, "integer")
		}
		text = s
		n, err := strconv.ParseInt(text, 10, 64)
		if err == nil {
			return n, nil
		}
		if errors.Is(err, strconv.ErrRange) {
			return 0, cluster.ErrInvalidParam(path, "integer out of range")
		}
		return 0, cluster.ErrParamType(path, "integer")
	}
	if raw[0] != '-' && (raw[0] < '0' || raw[0] > '9') {
		return 0, cluster.ErrParamType(path, "integer")
	}
	n, exact, ok := integralNumber(text)
	switch {
	case !ok, !exact:
		return 0, cluster.ErrParamType(path, "integer")
	case n == nil:
		return 0, cluster.ErrInvalidParam(path, "integer out of range")
	}
	return *n, nil
}

// integralNumber evaluates a JSON number exactly. ok is false for text that
// is not a JSON number, exact false for a number with a fraction; n is nil
// for an integer outside int64.
func integralNumber(s string) (n *int64, exact, ok bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart == "" || !allDigits(intPart) || !allDigits(frac) || (hasExp && exp == "") {
		return nil, false, false
	}
	e := 0
	if hasExp {
		sign := 1
		switch exp[0] {
		case '-':
			sign, exp = -1, exp[1:]
		case '+':
			exp = exp[1:]
		}
		if exp == "" || !allDigits(exp) {
			return nil, false, false
		}
		exp = strings.TrimLeft(exp, "0")
		if len(exp) > 6 { // |e| ≥ 10^6: saturate, the verdict is the same
			exp = "1000000"
		}
		if exp != "" {
			e, _ = strconv.Atoi(exp)
		}
		e *= sign
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	scale := e - len(frac)
	if digits == "" {
		zero := int64(0)
		return &zero, true, true
	}
	for strings.HasSuffix(digits, "0") {
		digits = digits[:len(digits)-1]
		scale++
	}
	if scale < 0 {
		return nil, false, true
	}
	if len(digits)+scale > 19 {
		return nil, true, true
	}
	text := digits + strings.Repeat("0", scale)
	if neg {
		text = "-" + text
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return nil, true, true
	}
	return &v, true, true
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// coerceBool accepts true/false, "true"/"false" in any case, 0/1 and
// "0"/"1" (D5).
func coerceBool(raw []byte, path string) (bool, error) {
	switch string(raw) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			switch {
			case strings.EqualFold(s, "true"), s == "1":
				return true, nil
			case strings.EqualFold(s, "false"), s == "0":
				return false, nil
			}
		}
		return false, cluster.ErrParamType(path, "boolean")
	}
	if n, exact, ok := integralNumber(string(raw)); ok && exact && n != nil && (*n == 0 || *n == 1) {
		return *n == 1, nil
	}
	return false, cluster.ErrParamType(path, "boolean")
}

// coerceFloat accepts a JSON number or a decimal string.
func coerceFloat(raw []byte, path string) (float64, error) {
	text := string(raw)
	if len(raw) > 0 && raw[0] == '"' {
		if json.Unmarshal(raw, &text) != nil {
			return 0, cluster.ErrParamType(path, "number")
		}
	}
	if _, _, ok := integralNumber(text); !ok {
		return 0, cluster.ErrParamType(path, "number")
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, cluster.ErrInvalidParam(path, "number out of range")
		}
		return 0, cluster.ErrParamType(path, "number")
	}
	return f, nil
}

// coerceString accepts a JSON string; with enum it must match one of the
// values in any case (D4) and the canonical spelling is returned.
func coerceString(raw []byte, path string, enum []string) (string, error) {
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", cluster.ErrParamType(path, "string")
	}
	if enum == nil {
		return s, nil
	}
	for _, e := range enum {
		if strings.EqualFold(e, s) {
			return e, nil
		}
	}
	return "", cluster.ErrEnum(path, s)
}
