package api

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/element-emulator/element-emulator/cluster"
)

func ptr[T any](v T) *T { return &v }

type scalarParams struct {
	I  int64   `param:"i"`
	PI *int64  `param:"pi"`
	B  bool    `param:"b"`
	PB *bool   `param:"pb"`
	S  string  `param:"s"`
	PS *string `param:"ps"`
	F  float64 `param:"f"`
}

func TestDecodeParamsCoercion(t *testing.T) {
	for _, tt := range []struct {
		name string
		raw  string
		want scalarParams
	}{
		{"Absent", ``, scalarParams{}},
		{"Null", `null`, scalarParams{}},
		{"Empty", `{}`, scalarParams{}},
		{"IntInteger", `{"i":42}`, scalarParams{I: 42}},
		{"IntNegative", `{"i":-7}`, scalarParams{I: -7}},
		{"IntIntegralFloat", `{"i":1.0}`, scalarParams{I: 1}},
		{"IntExponent", `{"i":1e3}`, scalarParams{I: 1000}},
		{"IntFractionExponent", `{"i":1.5E1}`, scalarParams{I: 15}},
		{"IntNegativeExponentIntegral", `{"i":1200e-2}`, scalarParams{I: 12}},
		{"IntZeroFloat", `{"i":-0.0}`, scalarParams{I: 0}},
		{"IntMax", `{"i":9223372036854775807}`, scalarParams{I: 9223372036854775807}},
		{"IntMin", `{"i":-9223372036854775808}`, scalarParams{I: -9223372036854775808}},
		{"IntBeyondFloatPrecision", `{"i":9007199254740993}`, scalarParams{I: 9007199254740993}},
		{"IntBeyondFloatPrecisionDotZero", `{"i":9007199254740993.0}`, scalarParams{I: 9007199254740993}},
		{"IntString", `{"i":"1"}`, scalarParams{I: 1}},
		{"IntStringNegative", `{"i":"-12"}`, scalarParams{I: -12}},
		{"IntPointer", `{"pi":"5"}`, scalarParams{PI: ptr[int64](5)}},
		{"IntPointerZero", `{"pi":0}`, scalarParams{PI: ptr[int64](0)}},
		{"NullIsAbsent", `{"i":null,"pi":null,"b":null,"s":null}`, scalarParams{}},
		{"BoolTrue", `{"b":true}`, scalarParams{B: true}},
		{"BoolFalsePointer", `{"pb":false}`, scalarParams{PB: ptr(false)}},
		{"BoolStringAnyCase", `{"b":"TrUe","pb":"FALSE"}`, scalarParams{B: true, PB: ptr(false)}},
		{"BoolOne", `{"b":1}`, scalarParams{B: true}},
		{"BoolZero", `{"pb":0}`, scalarParams{PB: ptr(false)}},
		{"BoolStringOne", `{"b":"1"}`, scalarParams{B: true}},
		{"BoolStringZero", `{"pb":"0"}`, scalarParams{PB: ptr(false)}},
		{"String", `{"s":"héllo","ps":""}`, scalarParams{S: "héllo", PS: ptr("")}},
		{"Float", `{"f":1.25}`, scalarParams{F: 1.25}},
		{"FloatString", `{"f":"2"}`, scalarParams{F: 2}},
		{"UnknownIgnored", `{"zzz":[1,{"a":2}],"I":5}`, scalarParams{}},
		{"Whitespace", " \n{ \"i\" : 3 } \t", scalarParams{I: 3}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got scalarParams
			require.NoError(t, decodeParams(json.RawMessage(tt.raw), &got))
			require.Equal(t, tt.want, got)
		})
	}
}

func TestDecodeParamsErrors(t *testing.T) {
	typeErr := func(m, typ string) *cluster.Error { return cluster.ErrParamType(m, typ) }
	for _, tt := range []struct {
		name string
		raw  string
		want *cluster.Error
	}{
		{"IntFraction", `{"i":1.5}`, typeErr("i", "integer")},
		{"IntTinyFraction", `{"i":1e-400}`, typeErr("i", "integer")},
		{"IntHugeExponent", `{"i":1e999999999999}`, cluster.ErrInvalidParam("i", "integer out of range")},
		{"IntHugeNegativeExponent", `{"i":5e-999999999999}`, typeErr("i", "integer")},
		{"IntOverflow", `{"i":9223372036854775808}`, cluster.ErrInvalidParam("i", "integer out of range")},
		{"IntOverflowFloat", `{"i":1e19}`, cluster.ErrInvalidParam("i", "integer out of range")},
		{"IntOverflowString", `{"i":"99999999999999999999"}`, cluster.ErrInvalidParam("i", "integer out of range")},
		{"IntStringNotDecimal", `{"i":"0x10"}`, typeErr("i", "integer")},
		{"IntStringFloat", `{"i":"1.0"}`, typeErr("i", "integer")},
		{"IntStringEmpty", `{"i":""}`, typeErr("i", "integer")},
		{"IntStringSpace", `{"i":" 1"}`, typeErr("i", "integer")},
		{"IntBool", `{"i":true}`, typeErr("i", "integer")},
		{"IntArray", `{"i":[1]}`, typeErr("i", "integer")},
		{"IntObject", `{"pi":{}}`, typeErr("pi", "integer")},
		{"BoolTwo", `{"b":2}`, typeErr("b", "boolean")},
		{"BoolYes", `{"b":"yes"}`, typeErr("b", "boolean")},
		{"BoolFraction", `{"b":0.5}`, typeErr("b", "boolean")},
		{"BoolArray", `{"pb":[]}`, typeErr("pb", "boolean")},
		{"StringNumber", `{"s":1}`, typeErr("s", "string")},
		{"StringBool", `{"ps":false}`, typeErr("ps", "string")},
		{"StringObject", `{"s":{}}`, typeErr("s", "string")},
		{"FloatText", `{"f":"NaN"}`, typeErr("f", "number")},
		{"FloatOverflow", `{"f":1e400}`, cluster.ErrInvalidParam("f", "number out of range")},
		{"FirstFieldWins", `{"s":1,"i":"x","b":"x"}`, typeErr("i", "integer")},
		{"ParamsArray", `[1,2]`, cluster.ErrInvalidRequest("params is not an object")},
		{"ParamsString", `"x"`, cluster.ErrInvalidRequest("params is not an object")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got scalarParams
			err := decodeParams(json.RawMessage(tt.raw), &got)
			var ce *cluster.Error
			require.ErrorAs(t, err, &ce)
			require.Equal(t, tt.want, ce)
		})
	}
}

type driveSpec struct {
	DriveID int64  `param:"driveID,required"`
	Type    string `param:"type" enum:"block,volume,automatic"`
}

type enumParams struct {
	Mode  string   `param:"keyManagementType" enum:"Internal,External"`
	Modes []string `param:"modes" enum:"Internal,External"`
	PMode *string  `param:"pmode" enum:"Internal,External"`
}

type common struct {
	Force bool `param:"force"`
}

type nestedParams struct {
	common
	Drives []driveSpec       `param:"drives,required"`
	One    *driveSpec        `param:"one"`
	Many   []*driveSpec      `param:"many"`
	IDs    []int64           `param:"ids"`
	Raw    json.RawMessage   `param:"raw"`
	Attrs  map[string]any    `param:"attributes"`
	Any    any               `param:"any"`
	Skip   string            `param:"-"`
	Loose  string            // untagged: never decoded
	Inline struct{ A int64 } `param:"inline"`
}

func TestDecodeParamsNested(t *testing.T) {
	var got nestedParams
	err := decodeParams(json.RawMessage(`{
		"force": "true",
		"drives": [{"driveID": 1, "type": "BLOCK"}, {"driveID": "2"}],
		"one": {"driveID": 3.0, "type": "Volume"},
		"many": [{"driveID": 4}],
		"ids": [1, "2", 3e0],
		"raw": {"keep": [1.000000000000000000001, "x"]},
		"attributes": {"n": 12345678901234567890, "s": "v"},
		"any": 9007199254740993,
		"-": "ignored", "Skip": "ignored", "Loose": "ignored", "loose": "ignored",
		"inline": {"A": 1}
	}`), &got)
	require.NoError(t, err)
	require.Equal(t, nestedParams{
		common: common{Force: true},
		Drives: []driveSpec{{DriveID: 1, Type: "block"}, {DriveID: 2}},
		One:    &driveSpec{DriveID: 3, Type: "volume"},
		Many:   []*driveSpec{{DriveID: 4}},
		IDs:    []int64{1, 2, 3},
		Raw:    json.RawMessage(`{"keep": [1.000000000000000000001, "x"]}`),
		Attrs:  map[string]any{"n": json.Number("12345678901234567890"), "s": "v"},
		Any:    json.Number("9007199254740993"),
	}, got)
}

func TestDecodeParamsNestedErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		raw  string
		want *cluster.Error
	}{
		{"MissingRequired", `{}`, cluster.ErrMissingParam("drives")},
		{"NullRequired", `{"drives":null}`, cluster.ErrMissingParam("drives")},
		{"EmptyRequiredArray", `{"drives":[]}`, cluster.ErrInvalidParam("drives", "must not be empty")},
		{"NotArray", `{"drives":{"driveID":1}}`, cluster.ErrParamType("drives", "array")},
		{"ElementNotObject", `{"drives":[1]}`, cluster.ErrParamType("drives[0]", "object")},
		{"NestedMissing", `{"drives":[{"driveID":1},{"type":"block"}]}`, cluster.ErrMissingParam("drives[1].driveID")},
		{"NestedType", `{"drives":[{"driveID":"one"}]}`, cluster.ErrParamType("drives[0].driveID", "integer")},
		{"NestedEnum", `{"drives":[{"driveID":1,"type":"ssd"}]}`, cluster.ErrEnum("drives[0].type", "ssd")},
		{"PointerStructNotObject", `{"drives":[{"driveID":1}],"one":"x"}`, cluster.ErrParamType("one", "object")},
		{"PointerStructMissing", `{"drives":[{"driveID":1}],"one":{}}`, cluster.ErrMissingParam("one.driveID")},
		{"NullElement", `{"drives":[{"driveID":1}],"many":[null]}`, cluster.ErrParamType("many[0]", "object")},
		{"IntArrayElement", `{"drives":[{"driveID":1}],"ids":[1,"x"]}`, cluster.ErrParamType("ids[1]", "integer")},
		{"IntArrayNullElement", `{"drives":[{"driveID":1}],"ids":[null]}`, cluster.ErrParamType("ids[0]", "integer")},
		{"MapNotObject", `{"drives":[{"driveID":1}],"attributes":[]}`, cluster.ErrParamType("attributes", "object")},
		{"EmbeddedFirst", `{"force":"maybe"}`, cluster.ErrParamType("force", "boolean")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got nestedParams
			err := decodeParams(json.RawMessage(tt.raw), &got)
			var ce *cluster.Error
			require.ErrorAs(t, err, &ce)
			require.Equal(t, tt.want, ce)
		})
	}
}

func TestDecodeParamsEnum(t *testing.T) {
	for _, tt := range []struct {
		name    string
		raw     string
		want    enumParams
		wantErr *cluster.Error
	}{
		{"Exact", `{"keyManagementType":"External"}`, enumParams{Mode: "External"}, nil},
		{"LowerCase", `{"keyManagementType":"external"}`, enumParams{Mode: "External"}, nil},
		{"UpperCase", `{"keyManagementType":"INTERNAL"}`, enumParams{Mode: "Internal"}, nil},
		{"Pointer", `{"pmode":"internal"}`, enumParams{PMode: ptr("Internal")}, nil},
		{"Slice", `{"modes":["external","Internal"]}`, enumParams{Modes: []string{"External", "Internal"}}, nil},
		{"Unknown", `{"keyManagementType":"cloud"}`, enumParams{}, cluster.ErrEnum("keyManagementType", "cloud")},
		{"EmptyString", `{"keyManagementType":""}`, enumParams{}, cluster.ErrEnum("keyManagementType", "")},
		{"NotString", `{"keyManagementType":1}`, enumParams{}, cluster.ErrParamType("keyManagementType", "string")},
		{"SliceElement", `{"modes":["external","x"]}`, enumParams{}, cluster.ErrEnum("modes[1]", "x")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got enumParams
			err := decodeParams(json.RawMessage(tt.raw), &got)
			if tt.wantErr != nil {
				var ce *cluster.Error
				require.ErrorAs(t, err, &ce)
				require.Equal(t, tt.wantErr, ce)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

type sinceParams struct {
	ID     int64   `param:"keyProviderID,required"`
	Serial *string `param:"serialNumber" since:"12.2"`
	Must   bool    `param:"must,required" since:"12.5"`
}

func TestDecodeParamsSince(t *testing.T) {
	for _, tt := range []struct {
		name    string
		version string
		raw     string
		want    sinceParams
		wantErr *cluster.Error
	}{
		{"NewerParamRefused", "12.0", `{"keyProviderID":1,"serialNumber":"x"}`, sinceParams{},
			cluster.ErrInvalidParam("serialNumber", "not available before API version 12.2")},
		{"NewerParamNullIgnored", "12.0", `{"keyProviderID":1,"serialNumber":null}`, sinceParams{ID: 1}, nil},
		{"NewerRequiredNotRequiredBefore", "12.3", `{"keyProviderID":"1"}`, sinceParams{ID: 1}, nil},
		{"AtItsVersion", "12.2", `{"keyProviderID":1,"serialNumber":"x"}`, sinceParams{ID: 1, Serial: ptr("x")}, nil},
		{"RequiredAtItsVersion", "12.5", `{"keyProviderID":1}`, sinceParams{}, cluster.ErrMissingParam("must")},
		{"NumericCompare", "12.10", `{"keyProviderID":1,"must":1}`, sinceParams{ID: 1, Must: true}, nil},
		{"Ungated", "", `{"keyProviderID":1,"serialNumber":"x","must":true}`, sinceParams{ID: 1, Serial: ptr("x"), Must: true}, nil},
		{"FieldOrderMissingFirst", "12.0", `{"serialNumber":"x"}`, sinceParams{}, cluster.ErrMissingParam("keyProviderID")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got sinceParams
			err := decodeParamsAt(json.RawMessage(tt.raw), &got, tt.version)
			if tt.wantErr != nil {
				var ce *cluster.Error
				require.ErrorAs(t, err, &ce)
				require.Equal(t, tt.wantErr, ce)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestDecodeParamsProgrammingErrors(t *testing.T) {
	var ce *cluster.Error
	for _, tt := range []struct {
		name string
		dst  any
	}{
		{"NotPointer", struct{}{}},
		{"NilPointer", (*struct{})(nil)},
		{"PointerToNonStruct", new(int)},
		{"BadOption", &struct {
			A int64 `param:"a,optional"`
		}{}},
		{"Unexported", &struct {
			a int64 `param:"a"`
		}{}},
		{"BadSince", &struct {
			A int64 `param:"a" since:"new"`
		}{}},
		{"UnsupportedType", &struct {
			C chan int `param:"c"`
		}{}},
		{"UnsupportedMap", &struct {
			M map[string]int `param:"m"`
		}{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := decodeParams(json.RawMessage(`{"a":1,"c":1,"m":{}}`), tt.dst)
			require.Error(t, err)
			require.False(t, errors.As(err, &ce), "programming errors must not look like API errors: %v", err)
		})
	}
	require.Error(t, decodeParamsAt(nil, &struct{}{}, "twelve"))
}

func TestTypedUsesURLVersion(t *testing.T) {
	call := typed(func(_ context.Context, p sinceParams) (sinceParams, error) { return p, nil })
	ctx := withRequestInfo(context.Background(), requestInfo{version: "12.0", listener: listenerCluster})
	_, err := call(ctx, json.RawMessage(`{"keyProviderID":1,"serialNumber":"s"}`))
	require.Equal(t, cluster.ErrInvalidParam("serialNumber", "not available before API version 12.2"), err)
	got, err := call(withRequestInfo(context.Background(), requestInfo{version: "12.7"}), json.RawMessage(`{"keyProviderID":1,"serialNumber":"s","must":"true"}`))
	require.NoError(t, err)
	require.Equal(t, sinceParams{ID: 1, Serial: ptr("s"), Must: true}, got)
}

func TestIntegralNumber(t *testing.T) {
	for _, tt := range []struct {
		in          string
		n           *int64
		exact, isOK bool
	}{
		{"0", ptr[int64](0), true, true},
		{"-0", ptr[int64](0), true, true},
		{"10", ptr[int64](10), true, true},
		{"0.1e1", ptr[int64](1), true, true},
		{"100e-2", ptr[int64](1), true, true},
		{"0.5", nil, false, true},
		{"1e", nil, false, false},
		{"1e+", nil, false, false},
		{".5", nil, false, false},
		{"1.", ptr[int64](1), true, true},
		{"-9223372036854775808", ptr[int64](-9223372036854775808), true, true},
		{"9223372036854775808", nil, true, true},
		{"abc", nil, false, false},
		{"", nil, false, false},
	} {
		n, exact, ok := integralNumber(tt.in)
		require.Equal(t, tt.isOK, ok, tt.in)
		require.Equal(t, tt.exact, exact, tt.in)
		require.Equal(t, tt.n, n, tt.in)
	}
}
