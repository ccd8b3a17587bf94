package replay

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var (
	varName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	varRef  = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)
	wholeRe = regexp.MustCompile(`^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$`)
	uuidRe  = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// typeNames are the names {type: ...} accepts.
var typeNames = map[string]bool{"string": true, "number": true, "integer": true, "boolean": true, "object": true,
	"array": true, "null": true, "uuid": true, "pem": true}

func isVarRef(v any) bool {
	s, ok := v.(string)
	return ok && wholeRe.MatchString(s)
}

// varRefs lists the variables referenced anywhere in the values, in order.
func varRefs(vals ...any) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if !strings.Contains(x, "${") {
				return // no reference (the common case), without the regexp
			}
			for _, m := range varRef.FindAllStringSubmatch(strings.ReplaceAll(x, "$${", "\x00"), -1) {
				out = append(out, m[1])
			}
		case map[string]any:
			for _, k := range sortedKeys(x) {
				walk(k)
				walk(x[k])
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, v := range vals {
		if m, ok := v.(map[string]any); ok {
			// Fields: walk values only (keys are field names).
			for _, k := range sortedKeys(m) {
				walk(m[k])
			}
			continue
		}
		walk(v)
	}
	return out
}

// subst replaces ${name} references. A string that is exactly one reference
// becomes the variable's value with its JSON type; references inside a
// longer string are replaced by the value's text.
func subst(v any, vars map[string]any) (any, error) {
	switch x := v.(type) {
	case string:
		if m := wholeRe.FindStringSubmatch(x); m != nil {
			val, ok := vars[m[1]]
			if !ok {
				return nil, fmt.Errorf("unknown variable ${%s}", m[1])
			}
			return val, nil
		}
		var err error
		out := varRef.ReplaceAllStringFunc(strings.ReplaceAll(x, "$${", "\x00"), func(ref string) string {
			name := ref[2 : len(ref)-1]
			val, ok := vars[name]
			if !ok {
				err = fmt.Errorf("unknown variable ${%s}", name)
				return ref
			}
			return text(val)
		})
		return strings.ReplaceAll(out, "\x00", "${"), err
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			s, err := subst(e, vars)
			if err != nil {
				return nil, err
			}
			out[k] = s
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			s, err := subst(e, vars)
			if err != nil {
				return nil, err
			}
			out[i] = s
		}
		return out, nil
	}
	return v, nil
}

// text renders a value inside a string: strings raw, everything else as JSON.
func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// lookup follows a dotted path ("kmipKeyProvider.keyProviderID",
// "drives.0.keyID"); "" or "." is the whole value.
func lookup(v any, path string) (any, error) {
	if path == "" || path == "." {
		return v, nil
	}
	cur := v
	segs := strings.Split(path, ".")
	for len(segs) > 0 {
		seg := segs[0]
		switch x := cur.(type) {
		case map[string]any:
			// The longest run of segments that is a member wins, so members
			// with dots in their names ("12.7") can be named.
			found := false
			for j := len(segs); j >= 1; j-- {
				if e, ok := x[strings.Join(segs[:j], ".")]; ok {
					cur, segs, found = e, segs[j:], true
					break
				}
			}
			if !found {
				return nil, fmt.Errorf("%s: no member %q", path, seg)
			}
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(x) {
				return nil, fmt.Errorf("%s: %q is not an index of an array of %d", path, seg, len(x))
			}
			cur, segs = x[i], segs[1:]
		default:
			return nil, fmt.Errorf("%s: %q: not an object or array", path, seg)
		}
	}
	return cur, nil
}

// matcher keys: "$"-prefixed always; the plain forms are shorthands when the
// object has only that key and a fitting value.
var matcherKeys = map[string]bool{"any": true, "type": true, "regex": true, "len": true, "contains": true,
	"each": true, "absent": true, "not": true, "oneOf": true, "eq": true}

// asMatcher reports whether an expected object is a matcher, and which.
func asMatcher(m map[string]any) (string, any, bool) {
	if len(m) != 1 {
		return "", nil, false
	}
	for k, v := range m {
		if strings.HasPrefix(k, "$") {
			return k[1:], v, true
		}
		switch k {
		case "type":
			s, ok := v.(string)
			return k, v, ok && typeNames[s]
		case "regex":
			_, ok := v.(string)
			return k, v, ok
		case "len":
			_, ok := v.(json.Number)
			return k, v, ok
		case "contains", "oneOf":
			_, ok := v.([]any)
			return k, v, ok
		}
	}
	return "", nil, false
}

// checkMatchers validates matchers inside an expectation.
func checkMatchers(v any) error {
	switch x := v.(type) {
	case map[string]any:
		if k, arg, ok := asMatcher(x); ok {
			if !matcherKeys[k] {
				return fmt.Errorf("unknown matcher $%s (known: $any, $type, $regex, $len, $contains, $each, $absent, $not, $oneOf, $eq)", k)
			}
			switch k {
			case "type":
				if s, _ := arg.(string); !typeNames[s] {
					return fmt.Errorf("unknown type %v (string, number, integer, boolean, object, array, null, uuid, pem)", arg)
				}
			case "regex":
				s, ok := arg.(string)
				if !ok {
					return errors.New("regex must be a string")
				}
				if !strings.Contains(s, "${") {
					if _, err := regexp.Compile(s); err != nil {
						return fmt.Errorf("bad regex: %v", err)
					}
				}
			case "len":
				if _, ok := arg.(json.Number); !ok && !isVarRef(arg) {
					return errors.New("len must be an integer")
				}
			case "contains", "oneOf":
				if _, ok := arg.([]any); !ok {
					return fmt.Errorf("%s takes a list", k)
				}
			}
			if k == "eq" {
				return nil
			}
			return checkMatchers(arg)
		}
		for _, e := range x {
			if err := checkMatchers(e); err != nil {
				return err
			}
		}
	case []any:
		for _, e := range x {
			if err := checkMatchers(e); err != nil {
				return err
			}
		}
	}
	return nil
}

// match compares actual against expected (subset semantics for objects) and
// returns one line per mismatch, each naming the path.
func match(path string, exp, act any, present bool) []string {
	at := func(format string, a ...any) []string {
		p := path
		if p == "" {
			p = "(top)"
		}
		return []string{p + ": " + fmt.Sprintf(format, a...)}
	}
	if s, ok := exp.(string); ok && (s == "any" || s == "$any") {
		if !present {
			return at("missing (expected any value)")
		}
		return nil
	}
	if m, ok := exp.(map[string]any); ok {
		if k, arg, ok := asMatcher(m); ok {
			if k == "absent" {
				want, _ := arg.(bool)
				if want && present {
					return at("expected absent, got %s", show(act))
				}
				if !want && !present {
					return at("missing")
				}
				return nil
			}
			if !present {
				return at("missing (expected %s)", show(exp))
			}
			return matchWith(path, k, arg, act, at)
		}
		am, ok := act.(map[string]any)
		if !present {
			return at("missing (expected %s)", show(exp))
		}
		if !ok {
			return at("expected an object, got %s", show(act))
		}
		var out []string
		for _, k := range sortedKeys(m) {
			a, has := am[k]
			out = append(out, match(join(path, k), m[k], a, has)...)
		}
		return out
	}
	if !present {
		return at("missing (expected %s)", show(exp))
	}
	if el, ok := exp.([]any); ok {
		al, ok := act.([]any)
		if !ok {
			return at("expected an array, got %s", show(act))
		}
		if len(el) != len(al) {
			return at("expected %d elements, got %d: %s", len(el), len(al), show(act))
		}
		var out []string
		for i := range el {
			out = append(out, match(join(path, strconv.Itoa(i)), el[i], al[i], true)...)
		}
		return out
	}
	if !scalarEqual(exp, act) {
		return at("expected %s, got %s", show(exp), show(act))
	}
	return nil
}

func matchWith(path, k string, arg, act any, at func(string, ...any) []string) []string {
	switch k {
	case "any":
		return nil
	case "type":
		if !hasType(fmt.Sprint(arg), act) {
			return at("expected type %v, got %s", arg, show(act))
		}
	case "regex":
		s, ok := act.(string)
		if n, isNum := act.(json.Number); isNum {
			s, ok = n.String(), true
		}
		re, err := regexp.Compile(fmt.Sprint(arg))
		if err != nil {
			return at("bad regex: %v", err)
		}
		if !ok || !re.MatchString(s) {
			return at("expected to match /%v/, got %s", arg, show(act))
		}
	case "len":
		want, _ := arg.(json.Number)
		n := -1
		switch x := act.(type) {
		case []any:
			n = len(x)
		case map[string]any:
			n = len(x)
		case string:
			n = len(x)
		}
		if want.String() != strconv.Itoa(n) {
			return at("expected length %s, got %d: %s", want, n, show(act))
		}
	case "contains":
		al, ok := act.([]any)
		if !ok {
			return at("expected an array, got %s", show(act))
		}
		var out []string
		for i, e := range arg.([]any) {
			found := false
			for _, a := range al {
				if len(match("", e, a, true)) == 0 {
					found = true
					break
				}
			}
			if !found {
				out = append(out, at("no element matches contains[%d] %s; got %s", i, show(e), show(act))...)
			}
		}
		return out
	case "each":
		al, ok := act.([]any)
		if !ok {
			return at("expected an array, got %s", show(act))
		}
		var out []string
		for i, a := range al {
			out = append(out, match(join(path, strconv.Itoa(i)), arg, a, true)...)
		}
		return out
	case "not":
		if len(match(path, arg, act, true)) == 0 {
			return at("expected not %s, got %s", show(arg), show(act))
		}
	case "oneOf":
		for _, e := range arg.([]any) {
			if len(match(path, e, act, true)) == 0 {
				return nil
			}
		}
		return at("expected one of %s, got %s", show(arg), show(act))
	case "eq":
		if !deepEqual(arg, act) {
			return at("expected exactly %s, got %s", show(arg), show(act))
		}
	default:
		return at("unknown matcher $%s", k)
	}
	return nil
}

func hasType(t string, v any) bool {
	switch t {
	case "string":
		_, ok := v.(string)
		return ok
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		_, err := strconv.ParseInt(n.String(), 10, 64)
		return err == nil
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "null":
		return v == nil
	case "uuid":
		s, ok := v.(string)
		return ok && uuidRe.MatchString(s)
	case "pem":
		s, ok := v.(string)
		return ok && strings.Contains(s, "-----BEGIN ") && strings.Contains(s, "-----END ")
	}
	return false
}

func scalarEqual(exp, act any) bool {
	if en, ok := exp.(json.Number); ok {
		an, ok := act.(json.Number)
		if !ok {
			return false
		}
		if en == an {
			return true
		}
		a, ok1 := new(big.Rat).SetString(en.String())
		b, ok2 := new(big.Rat).SetString(an.String())
		return ok1 && ok2 && a.Cmp(b) == 0
	}
	switch exp.(type) {
	case map[string]any, []any:
		return false
	}
	return exp == act
}

func deepEqual(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !deepEqual(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !deepEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return scalarEqual(a, b)
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

// show renders a value compactly for a diff line (long values shortened).
func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	s := string(b)
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// pretty renders a value as indented JSON with sorted keys.
func pretty(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// countCodes counts fault records by code.
func countCodes(faults []any) map[string]int {
	out := map[string]int{}
	for _, f := range faults {
		if m, ok := f.(map[string]any); ok {
			out[fmt.Sprint(m["code"])]++
		}
	}
	return out
}

func sortedCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %d", k, m[k])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
