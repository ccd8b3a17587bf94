package kmip

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/ttlv"
)

// KeyIDAttributePrefix starts the custom attribute naming an Element key ID.
const KeyIDAttributePrefix = "x-SolidFire-KeyID-"

// serverManaged attributes live in kmip_objects columns; clients may not add,
// modify or delete them.
var serverManaged = map[okmip.AttributeName]bool{
	okmip.AttributeNameUniqueIdentifier:         true,
	okmip.AttributeNameObjectType:               true,
	okmip.AttributeNameState:                    true,
	okmip.AttributeNameInitialDate:              true,
	okmip.AttributeNameActivationDate:           true,
	okmip.AttributeNameDeactivationDate:         true,
	okmip.AttributeNameDestroyDate:              true,
	okmip.AttributeNameCompromiseDate:           true,
	okmip.AttributeNameCompromiseOccurrenceDate: true,
	okmip.AttributeNameLastChangeDate:           true,
	okmip.AttributeNameArchiveDate:              true,
	okmip.AttributeNameRevocationReason:         true,
	okmip.AttributeNameCryptographicAlgorithm:   true,
	okmip.AttributeNameCryptographicLength:      true,
	okmip.AttributeNameCryptographicUsageMask:   true,
	okmip.AttributeNameDigest:                   true,
	okmip.AttributeNameFresh:                    true,
	okmip.AttributeNameKeyValuePresent:          true,
	okmip.AttributeNameOriginalCreationDate:     true,
}

// multiInstance standard attributes (custom attributes are always multi-instance).
var multiInstance = map[okmip.AttributeName]bool{
	okmip.AttributeNameName:                           true,
	okmip.AttributeNameObjectGroup:                    true,
	okmip.AttributeNameLink:                           true,
	okmip.AttributeNameApplicationSpecificInformation: true,
	okmip.AttributeNameAlternativeName:                true,
	okmip.AttributeNameCryptographicParameters:        true,
	okmip.AttributeNameCryptographicDomainParameters:  true,
	okmip.AttributeNameKeyValueLocation:               true,
}

func isMulti(name okmip.AttributeName) bool { return name.IsCustom() || multiInstance[name] }

// encodeAttribute is the stored (and compared) form of an attribute value.
func encodeAttribute(name okmip.AttributeName, value any) []byte {
	return ttlv.MarshalTTLV(okmip.Attribute{AttributeName: name, AttributeValue: value})
}

func decodeAttribute(sa StoredAttribute) (okmip.Attribute, error) {
	var a okmip.Attribute
	if err := ttlv.UnmarshalTTLV(sa.Value, &a); err != nil {
		return a, fmt.Errorf("attribute %s: %w", sa.Name, err)
	}
	a.AttributeName = okmip.AttributeName(sa.Name)
	a.AttributeIndex = indexPtr(sa.Index)
	return a, nil
}

func indexPtr(i int32) *int32 {
	if i == 0 {
		return nil
	}
	return &i
}

// managedAttributes renders the object's column-held attributes.
func managedAttributes(o Object) []okmip.Attribute {
	attr := func(n okmip.AttributeName, v any) okmip.Attribute {
		return okmip.Attribute{AttributeName: n, AttributeValue: v}
	}
	out := []okmip.Attribute{
		attr(okmip.AttributeNameUniqueIdentifier, o.UID),
		attr(okmip.AttributeNameObjectType, o.Type),
	}
	if o.Algorithm != 0 {
		out = append(out, attr(okmip.AttributeNameCryptographicAlgorithm, o.Algorithm))
	}
	if o.Length != 0 {
		out = append(out, attr(okmip.AttributeNameCryptographicLength, o.Length))
	}
	if o.UsageMask != 0 {
		out = append(out, attr(okmip.AttributeNameCryptographicUsageMask, o.UsageMask))
	}
	out = append(out, attr(okmip.AttributeNameState, o.State),
		attr(okmip.AttributeNameInitialDate, o.InitialDate))
	for _, d := range []struct {
		n okmip.AttributeName
		t *time.Time
	}{
		{okmip.AttributeNameActivationDate, o.ActivationDate},
		{okmip.AttributeNameDeactivationDate, o.DeactivationDate},
		{okmip.AttributeNameDestroyDate, o.DestroyDate},
		{okmip.AttributeNameCompromiseOccurrenceDate, o.CompromiseOccurrenceDate},
		{okmip.AttributeNameCompromiseDate, o.CompromiseDate},
	} {
		if d.t != nil {
			out = append(out, attr(d.n, *d.t))
		}
	}
	out = append(out, attr(okmip.AttributeNameLastChangeDate, o.LastChangeDate))
	if o.RevocationReason != 0 {
		out = append(out, attr(okmip.AttributeNameRevocationReason, okmip.RevocationReason{
			RevocationReasonCode: o.RevocationReason, RevocationMessage: o.RevocationMessage,
		}))
	}
	return out
}

// allAttributes returns managed then stored attributes.
func allAttributes(o Object, stored []StoredAttribute) ([]okmip.Attribute, error) {
	out := managedAttributes(o)
	for _, sa := range stored {
		a, err := decodeAttribute(sa)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// matches reports whether every wanted attribute has an equal instance in have.
func matches(have, want []okmip.Attribute) bool {
	for _, w := range want {
		wb := encodeAttribute(w.AttributeName, w.AttributeValue)
		if !slices.ContainsFunc(have, func(h okmip.Attribute) bool {
			return h.AttributeName == w.AttributeName && bytes.Equal(encodeAttribute(h.AttributeName, h.AttributeValue), wb)
		}) {
			return false
		}
	}
	return true
}

// keyIDs returns the values of x-SolidFire-KeyID-<id> attributes (the id
// from the name when the value is not a text string).
func keyIDs(stored []StoredAttribute) []string {
	var out []string
	for _, sa := range stored {
		if !strings.HasPrefix(sa.Name, KeyIDAttributePrefix) {
			continue
		}
		id := strings.TrimPrefix(sa.Name, KeyIDAttributePrefix)
		if a, err := decodeAttribute(sa); err == nil {
			if s, ok := textValue(a.AttributeValue); ok {
				id = s
			}
		}
		out = append(out, id)
	}
	return out
}

func textValue(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case ttlv.Value:
		s, ok := v.Value.(string)
		return s, ok
	case *ttlv.Value:
		s, ok := v.Value.(string)
		return s, ok
	}
	return "", false
}

// jsonValue renders an attribute value for the control API.
func jsonValue(v any) any {
	switch v := v.(type) {
	case string, bool, int32, int64, time.Time:
		return v
	case okmip.Name:
		return v.NameValue
	case ttlv.Value:
		return jsonValue(v.Value)
	case *ttlv.Value:
		return jsonValue(v.Value)
	case []byte:
		return fmt.Sprintf("%x", v)
	case okmip.ObjectType:
		return ttlv.EnumStr(v)
	case okmip.State:
		return ttlv.EnumStr(v)
	case okmip.CryptographicAlgorithm:
		return ttlv.EnumStr(v)
	case okmip.RevocationReason:
		return ttlv.EnumStr(v.RevocationReasonCode)
	case okmip.CryptographicUsageMask:
		return int32(v)
	}
	return fmt.Sprintf("%v", v)
}
