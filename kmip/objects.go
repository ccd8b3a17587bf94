package kmip

import (
	"context"
	"crypto/rand"
	"errors"
	"slices"
	"time"

	okmip "github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipserver"
	"github.com/ovh/kmip-go/payloads"
	"github.com/ovh/kmip-go/ttlv"
)

// VendorIdentification is the Query answer's vendor string (KD7).
const VendorIdentification = "Element emulator embedded KMIP server (ovh/kmip-go v0.8.1)"

// routedOperations are the operations the embedded server answers
// (docs/kmip.md, Operations).
var routedOperations = []okmip.Operation{
	okmip.OperationDiscoverVersions, okmip.OperationQuery, okmip.OperationCreate, okmip.OperationRegister,
	okmip.OperationGet, okmip.OperationGetAttributes, okmip.OperationGetAttributeList,
	okmip.OperationAddAttribute, okmip.OperationModifyAttribute, okmip.OperationDeleteAttribute,
	okmip.OperationLocate, okmip.OperationActivate, okmip.OperationRevoke, okmip.OperationDestroy,
}

func (s *Server) route(ex *kmipserver.BatchExecutor) {
	ex.Route(okmip.OperationQuery, kmipserver.HandleFunc(s.query))
	ex.Route(okmip.OperationCreate, kmipserver.HandleFunc(s.create))
	ex.Route(okmip.OperationRegister, kmipserver.HandleFunc(s.register))
	ex.Route(okmip.OperationGet, kmipserver.HandleFunc(s.get))
	ex.Route(okmip.OperationGetAttributes, kmipserver.HandleFunc(s.getAttributes))
	ex.Route(okmip.OperationGetAttributeList, kmipserver.HandleFunc(s.getAttributeList))
	ex.Route(okmip.OperationAddAttribute, kmipserver.HandleFunc(s.addAttribute))
	ex.Route(okmip.OperationModifyAttribute, kmipserver.HandleFunc(s.modifyAttribute))
	ex.Route(okmip.OperationDeleteAttribute, kmipserver.HandleFunc(s.deleteAttribute))
	ex.Route(okmip.OperationLocate, kmipserver.HandleFunc(s.locate))
	ex.Route(okmip.OperationActivate, kmipserver.HandleFunc(s.activate))
	ex.Route(okmip.OperationRevoke, kmipserver.HandleFunc(s.revoke))
	ex.Route(okmip.OperationDestroy, kmipserver.HandleFunc(s.destroy))
}

func isDestroyed(st okmip.State) bool {
	return st == okmip.StateDestroyed || st == okmip.StateDestroyedCompromised
}

// settle applies Activation and Deactivation Dates that are due (lazily, on
// the emulator clock); it reports whether o changed.
func settle(o *Object, now time.Time) bool {
	changed := false
	if o.State == okmip.StatePreActive && o.ActivationDate != nil && !o.ActivationDate.After(now) {
		o.State = okmip.StateActive
		changed = true
	}
	if o.State == okmip.StateActive && o.DeactivationDate != nil && !o.DeactivationDate.After(now) {
		o.State = okmip.StateDeactivated
		changed = true
	}
	return changed
}

func uidOf(ctx context.Context, id string) (string, error) {
	uid, err := kmipserver.GetIdOrPlaceholder(ctx, id)
	if err != nil {
		return "", kmipserver.Errorf(okmip.ResultReasonMissingData, "Unique Identifier is missing and no ID placeholder is set")
	}
	return uid, nil
}

func notFound(uid string) error {
	return kmipserver.Errorf(okmip.ResultReasonItemNotFound, "Object %s not found", uid)
}

// load reads uid, settles due dates (persisting them when write) and hides
// objects removed by Destroy in delete mode.
func load(tx ObjectTx, uid string, now time.Time, write bool) (Object, error) {
	o, err := tx.Object(uid)
	if errors.Is(err, ErrNotFound) {
		return o, notFound(uid)
	}
	if err != nil {
		return o, err
	}
	if settle(&o, now) && write {
		o.LastChangeDate = now
		if err := tx.UpdateObject(o); err != nil {
			return o, err
		}
	}
	return o, nil
}

// owns reports whether this connection may use o (always, unless
// Ownership is "owner").
func (s *Server) owns(ctx context.Context, o Object) bool {
	return s.cfg.Ownership != "owner" || o.Owner == s.identity(ctx)
}

// loadOwned is load plus the ownership check.
func (s *Server) loadOwned(ctx context.Context, tx ObjectTx, uid string, now time.Time, write bool) (Object, error) {
	o, err := load(tx, uid, now, write)
	if err != nil {
		return o, err
	}
	if !s.owns(ctx, o) {
		return o, denied("Object %s belongs to another client", uid)
	}
	return o, nil
}

// identity names the client of this connection (KD4): subject CN, or the
// first OU in "ou" mode; "" without a peer certificate.
func (s *Server) identity(ctx context.Context) string {
	certs := peerCertificates(ctx)
	if len(certs) == 0 {
		return ""
	}
	if s.cfg.Identity == "ou" && len(certs[0].Subject.OrganizationalUnit) > 0 {
		return certs[0].Subject.OrganizationalUnit[0]
	}
	return certs[0].Subject.CommonName
}

func (s *Server) query(ctx context.Context, req *payloads.QueryRequestPayload) (*payloads.QueryResponsePayload, error) {
	resp := &payloads.QueryResponsePayload{}
	for _, f := range req.QueryFunction {
		switch f {
		case okmip.QueryFunctionOperations:
			resp.Operations = slices.Clone(routedOperations)
		case okmip.QueryFunctionObjects:
			resp.ObjectType = []okmip.ObjectType{okmip.ObjectTypeSymmetricKey, okmip.ObjectTypeSecretData}
		case okmip.QueryFunctionServerInformation:
			resp.VendorIdentification = VendorIdentification
			resp.ServerInformation = &ttlv.Value{Tag: okmip.TagServerInformation, Value: ttlv.Struct{}}
		}
	}
	return resp, nil
}

// template is the parsed attribute list of a Create or Register request.
type template struct {
	alg        okmip.CryptographicAlgorithm
	length     int32
	mask       okmip.CryptographicUsageMask
	activation *time.Time
	stored     []StoredAttribute
}

func invalid(format string, args ...any) error {
	return kmipserver.Errorf(okmip.ResultReasonInvalidField, format, args...)
}

func parseTemplate(objType okmip.ObjectType, ta okmip.TemplateAttribute) (template, error) {
	var t template
	if len(ta.Name) > 0 {
		return t, kmipserver.Errorf(okmip.ResultReasonFeatureNotSupported, "Templates are not supported")
	}
	counts := map[okmip.AttributeName]int32{}
	for _, a := range ta.Attribute {
		var ok bool
		switch a.AttributeName {
		case okmip.AttributeNameCryptographicAlgorithm:
			t.alg, ok = a.AttributeValue.(okmip.CryptographicAlgorithm)
		case okmip.AttributeNameCryptographicLength:
			t.length, ok = a.AttributeValue.(int32)
		case okmip.AttributeNameCryptographicUsageMask:
			t.mask, ok = a.AttributeValue.(okmip.CryptographicUsageMask)
		case okmip.AttributeNameActivationDate:
			var d time.Time
			d, ok = a.AttributeValue.(time.Time)
			t.activation = &d
		case okmip.AttributeNameObjectType:
			var ot okmip.ObjectType
			ot, ok = a.AttributeValue.(okmip.ObjectType)
			ok = ok && ot == objType
		default:
			if serverManaged[a.AttributeName] {
				return t, invalid("The %s attribute is set by the server", a.AttributeName)
			}
			n := counts[a.AttributeName]
			if n > 0 && !isMulti(a.AttributeName) {
				return t, invalid("The %s attribute is single-instance", a.AttributeName)
			}
			counts[a.AttributeName] = n + 1
			t.stored = append(t.stored, StoredAttribute{
				Name: string(a.AttributeName), Index: n, Value: encodeAttribute(a.AttributeName, a.AttributeValue),
			})
			ok = true
		}
		if !ok {
			return t, invalid("Invalid value for the %s attribute", a.AttributeName)
		}
	}
	return t, nil
}

// insert stores a new object with its attributes and sets the placeholder.
func (s *Server) insert(ctx context.Context, o Object, t template) (string, error) {
	now := s.cfg.Now()
	o.Owner = s.identity(ctx)
	o.InitialDate, o.LastChangeDate = now, now
	o.State = okmip.StatePreActive
	o.ActivationDate = t.activation
	settle(&o, now)
	err := s.cfg.Store.KMIPUpdate(ctx, func(tx ObjectTx) error {
		uid, err := tx.NextUID()
		if err != nil {
			return err
		}
		o.UID = uid
		if err := tx.CreateObject(o); err != nil {
			return err
		}
		for _, sa := range t.stored {
			if err := tx.PutAttribute(uid, sa); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	kmipserver.SetIdPlaceholder(ctx, o.UID)
	return o.UID, nil
}

func (s *Server) create(ctx context.Context, req *payloads.CreateRequestPayload) (*payloads.CreateResponsePayload, error) {
	if req.ObjectType != okmip.ObjectTypeSymmetricKey {
		return nil, invalid("Object type %s cannot be created; only SymmetricKey", ttlv.EnumStr(req.ObjectType))
	}
	t, err := parseTemplate(req.ObjectType, req.TemplateAttribute)
	if err != nil {
		return nil, err
	}
	if t.alg == 0 {
		return nil, kmipserver.Errorf(okmip.ResultReasonMissingData, "Cryptographic Algorithm is required")
	}
	if t.alg != okmip.CryptographicAlgorithmAES {
		return nil, invalid("Cryptographic Algorithm %s is not supported; only AES", ttlv.EnumStr(t.alg))
	}
	if t.length == 0 {
		return nil, kmipserver.Errorf(okmip.ResultReasonMissingData, "Cryptographic Length is required")
	}
	if t.length != 128 && t.length != 192 && t.length != 256 {
		return nil, invalid("Cryptographic Length %d is not valid for AES", t.length)
	}
	if t.mask == 0 {
		t.mask = okmip.CryptographicUsageEncrypt | okmip.CryptographicUsageDecrypt
	}
	material := make([]byte, t.length/8)
	if _, err := rand.Read(material); err != nil {
		return nil, err
	}
	uid, err := s.insert(ctx, Object{
		Type: okmip.ObjectTypeSymmetricKey, Algorithm: t.alg, Length: t.length, UsageMask: t.mask,
		KeyFormat: okmip.KeyFormatTypeRaw, Material: material,
	}, t)
	if err != nil {
		return nil, err
	}
	return &payloads.CreateResponsePayload{ObjectType: req.ObjectType, UniqueIdentifier: uid}, nil
}

func (s *Server) register(ctx context.Context, req *payloads.RegisterRequestPayload) (*payloads.RegisterResponsePayload, error) {
	t, err := parseTemplate(req.ObjectType, req.TemplateAttribute)
	if err != nil {
		return nil, err
	}
	o := Object{Type: req.ObjectType, UsageMask: t.mask}
	var kb *okmip.KeyBlock
	switch obj := req.Object.(type) {
	case *okmip.SymmetricKey:
		kb = &obj.KeyBlock
		o.Algorithm, o.Length = t.alg, t.length
		if o.Algorithm == 0 {
			o.Algorithm = kb.CryptographicAlgorithm
		}
		if o.Length == 0 {
			o.Length = kb.CryptographicLength
		}
	case *okmip.SecretData:
		kb = &obj.KeyBlock
		o.SecretDataType = obj.SecretDataType
	default:
		return nil, invalid("Object type %s cannot be registered; only SymmetricKey and SecretData", ttlv.EnumStr(req.ObjectType))
	}
	if req.Object.ObjectType() != req.ObjectType {
		return nil, invalid("Object does not match Object Type")
	}
	if kb.KeyWrappingData != nil || (kb.KeyValue != nil && kb.KeyValue.Wrapped != nil) {
		return nil, kmipserver.Errorf(okmip.ResultReasonFeatureNotSupported, "Wrapped keys are not supported")
	}
	o.KeyFormat = kb.KeyFormatType
	switch kb.KeyFormatType {
	case okmip.KeyFormatTypeRaw, okmip.KeyFormatTypeOpaque:
		o.Material, err = kb.GetBytes()
	case okmip.KeyFormatTypeTransparentSymmetricKey:
		var m okmip.KeyMaterial
		if m, err = kb.GetMaterial(); err == nil {
			if m.TransparentSymmetricKey == nil {
				err = errors.New("empty")
			} else {
				o.Material = m.TransparentSymmetricKey.Key
			}
		}
	default:
		return nil, invalid("Key Format Type %s is not supported", ttlv.EnumStr(kb.KeyFormatType))
	}
	if err != nil || len(o.Material) == 0 {
		return nil, invalid("Key material is missing")
	}
	if o.Type == okmip.ObjectTypeSymmetricKey && o.Length == 0 {
		o.Length = int32(len(o.Material) * 8)
	}
	uid, err := s.insert(ctx, o, t)
	if err != nil {
		return nil, err
	}
	return &payloads.RegisterResponsePayload{UniqueIdentifier: uid}, nil
}

func rawLike(f okmip.KeyFormatType) bool {
	return f == okmip.KeyFormatTypeRaw || f == okmip.KeyFormatTypeOpaque
}

func (s *Server) get(ctx context.Context, req *payloads.GetRequestPayload) (*payloads.GetResponsePayload, error) {
	uid, err := uidOf(ctx, req.UniqueIdentifier)
	if err != nil {
		return nil, err
	}
	if req.KeyWrappingSpecification != nil || req.KeyWrapType != 0 {
		return nil, kmipserver.Errorf(okmip.ResultReasonFeatureNotSupported, "Key wrapping is not supported")
	}
	var o Object
	err = s.cfg.Store.KMIPUpdate(ctx, func(tx ObjectTx) error {
		o, err = s.loadOwned(ctx, tx, uid, s.cfg.Now(), true)
		return err
	})
	if err != nil {
		return nil, err
	}
	if isDestroyed(o.State) || o.Material == nil {
		return nil, notFound(uid)
	}
	format := req.KeyFormatType
	if format == 0 {
		format = o.KeyFormat
	}
	if format != o.KeyFormat && !(rawLike(format) && rawLike(o.KeyFormat)) {
		return nil, kmipserver.Errorf(okmip.ResultReasonKeyFormatTypeNotSupported, "Key Format Type %s is not available for this object", ttlv.EnumStr(format))
	}
	var km okmip.KeyMaterial
	if format == okmip.KeyFormatTypeTransparentSymmetricKey {
		km.TransparentSymmetricKey = &okmip.TransparentSymmetricKey{Key: o.Material}
	} else {
		m := o.Material
		km.Bytes = &m
	}
	kb := okmip.KeyBlock{KeyFormatType: format, KeyValue: &okmip.KeyValue{Plain: &okmip.PlainKeyValue{KeyMaterial: km}}}
	resp := &payloads.GetResponsePayload{ObjectType: o.Type, UniqueIdentifier: uid}
	switch o.Type {
	case okmip.ObjectTypeSymmetricKey:
		kb.CryptographicAlgorithm, kb.CryptographicLength = o.Algorithm, o.Length
		resp.Object = &okmip.SymmetricKey{KeyBlock: kb}
	case okmip.ObjectTypeSecretData:
		resp.Object = &okmip.SecretData{SecretDataType: o.SecretDataType, KeyBlock: kb}
	default:
		return nil, invalid("Unsupported object type")
	}
	return resp, nil
}

// objectAttributes resolves the request's UID (or the ID placeholder) and
// loads that object's full attribute list.
func (s *Server) objectAttributes(ctx context.Context, id string) (string, []okmip.Attribute, error) {
	uid, err := uidOf(ctx, id)
	if err != nil {
		return "", nil, err
	}
	all, err := s.attributesOf(ctx, uid)
	return uid, all, err
}

// attributesOf loads uid's full attribute list.
func (s *Server) attributesOf(ctx context.Context, uid string) ([]okmip.Attribute, error) {
	var all []okmip.Attribute
	err := s.cfg.Store.KMIPView(ctx, func(tx ObjectTx) error {
		o, err := s.loadOwned(ctx, tx, uid, s.cfg.Now(), false)
		if err != nil {
			return err
		}
		stored, err := tx.Attributes(uid)
		if err != nil {
			return err
		}
		all, err = allAttributes(o, stored)
		return err
	})
	return all, err
}

func (s *Server) getAttributes(ctx context.Context, req *payloads.GetAttributesRequestPayload) (*payloads.GetAttributesResponsePayload, error) {
	uid, all, err := s.objectAttributes(ctx, req.UniqueIdentifier)
	if err != nil {
		return nil, err
	}
	resp := &payloads.GetAttributesResponsePayload{UniqueIdentifier: uid}
	if len(req.AttributeName) == 0 {
		resp.Attribute = all
		return resp, nil
	}
	for _, n := range req.AttributeName {
		for _, a := range all {
			if a.AttributeName == n {
				resp.Attribute = append(resp.Attribute, a)
			}
		}
	}
	return resp, nil
}

func (s *Server) getAttributeList(ctx context.Context, req *payloads.GetAttributeListRequestPayload) (*payloads.GetAttributeListResponsePayload, error) {
	uid, all, err := s.objectAttributes(ctx, req.UniqueIdentifier)
	if err != nil {
		return nil, err
	}
	resp := &payloads.GetAttributeListResponsePayload{UniqueIdentifier: uid}
	for _, a := range all {
		if !slices.Contains(resp.AttributeName, a.AttributeName) {
			resp.AttributeName = append(resp.AttributeName, a.AttributeName)
		}
	}
	return resp, nil
}

func clientSettable(name okmip.AttributeName) error {
	if serverManaged[name] {
		return kmipserver.Errorf(okmip.ResultReasonPermissionDenied, "The %s attribute is managed by the server", name)
	}
	if name == "" {
		return kmipserver.Errorf(okmip.ResultReasonMissingData, "Attribute Name is missing")
	}
	return nil
}

// touch updates the Last Change Date of uid (and checks that it exists).
func (s *Server) touch(ctx context.Context, tx ObjectTx, uid string, now time.Time) error {
	o, err := s.loadOwned(ctx, tx, uid, now, false)
	if err != nil {
		return err
	}
	o.LastChangeDate = now
	return tx.UpdateObject(o)
}

func (s *Server) addAttribute(ctx context.Context, req *payloads.AddAttributeRequestPayload) (*payloads.AddAttributeResponsePayload, error) {
	uid, err := uidOf(ctx, req.UniqueIdentifier)
	if err != nil {
		return nil, err
	}
	name := req.Attribute.AttributeName
	if err := clientSettable(name); err != nil {
		return nil, err
	}
	var idx int32
	err = s.cfg.Store.KMIPUpdate(ctx, func(tx ObjectTx) error {
		if err := s.touch(ctx, tx, uid, s.cfg.Now()); err != nil {
			return err
		}
		stored, err := tx.Attributes(uid)
		if err != nil {
			return err
		}
		exists := false
		for _, sa := range stored {
			if sa.Name == string(name) {
				exists = true
				idx = max(idx, sa.Index+1)
			}
		}
		if exists && !isMulti(name) {
			return kmipserver.Errorf(okmip.ResultReasonIllegalOperation, "The %s attribute is single-instance and already set", name)
		}
		return tx.PutAttribute(uid, StoredAttribute{Name: string(name), Index: idx, Value: encodeAttribute(name, req.Attribute.AttributeValue)})
	})
	if err != nil {
		return nil, err
	}
	return &payloads.AddAttributeResponsePayload{UniqueIdentifier: uid, Attribute: okmip.Attribute{
		AttributeName: name, AttributeIndex: indexPtr(idx), AttributeValue: req.Attribute.AttributeValue,
	}}, nil
}

func attrIndex(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}

func (s *Server) modifyAttribute(ctx context.Context, req *payloads.ModifyAttributeRequestPayload) (*payloads.ModifyAttributeResponsePayload, error) {
	uid, err := uidOf(ctx, req.UniqueIdentifier)
	if err != nil {
		return nil, err
	}
	name := req.Attribute.AttributeName
	if err := clientSettable(name); err != nil {
		return nil, err
	}
	idx := attrIndex(req.Attribute.AttributeIndex)
	err = s.cfg.Store.KMIPUpdate(ctx, func(tx ObjectTx) error {
		if err := s.touch(ctx, tx, uid, s.cfg.Now()); err != nil {
			return err
		}
		stored, err := tx.Attributes(uid)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(stored, func(sa StoredAttribute) bool { return sa.Name == string(name) && sa.Index == idx }) {
			return kmipserver.Errorf(okmip.ResultReasonItemNotFound, "The %s attribute (index %d) is not set", name, idx)
		}
		return tx.PutAttribute(uid, StoredAttribute{Name: string(name), Index: idx, Value: encodeAttribute(name, req.Attribute.AttributeValue)})
	})
	if err != nil {
		return nil, err
	}
	return &payloads.ModifyAttributeResponsePayload{UniqueIdentifier: uid, Attribute: okmip.Attribute{
		AttributeName: name, AttributeIndex: indexPtr(idx), AttributeValue: req.Attribute.AttributeValue,
	}}, nil
}

func (s *Server) deleteAttribute(ctx context.Context, req *payloads.DeleteAttributeRequestPayload) (*payloads.DeleteAttributeResponsePayload, error) {
	uid, err := uidOf(ctx, req.UniqueIdentifier)
	if err != nil {
		return nil, err
	}
	name := req.AttributeName
	if err := clientSettable(name); err != nil {
		return nil, err
	}
	idx := attrIndex(req.AttributeIndex)
	var deleted okmip.Attribute
	err = s.cfg.Store.KMIPUpdate(ctx, func(tx ObjectTx) error {
		if err := s.touch(ctx, tx, uid, s.cfg.Now()); err != nil {
			return err
		}
		stored, err := tx.Attributes(uid)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(stored, func(sa StoredAttribute) bool { return sa.Name == string(name) && sa.Index == idx })
		if i < 0 {
			return kmipserver.Errorf(okmip.ResultReasonItemNotFound, "The %s attribute (index %d) is not set", name, idx)
		}
		if deleted, err = decodeAttribute(stored[i]); err != nil {
			return err
		}
		return tx.DeleteAttribute(uid, string(name), idx)
	})
	if err != nil {
		return nil, err
	}
	return &payloads.DeleteAttributeResponsePayload{UniqueIdentifier: uid, Attribute: deleted}, nil
}

func (s *Server) locate(ctx context.Context, req *payloads.LocateRequestPayload) (*payloads.LocateResponsePayload, error) {
	now := s.cfg.Now()
	wantState := slices.ContainsFunc(req.Attribute, func(a okmip.Attribute) bool { return a.AttributeName == okmip.AttributeNameState })
	var found []string
	if req.StorageStatusMask == 0 || req.StorageStatusMask&okmip.StorageStatusOnlineStorage != 0 {
		err := s.cfg.Store.KMIPView(ctx, func(tx ObjectTx) error {
			uids, err := locateCandidates(tx, req.Attribute)
			if err != nil {
				return err
			}
			for _, uid := range uids {
				o, err := load(tx, uid, now, false)
				if err != nil {
					return err
				}
				if !s.owns(ctx, o) {
					continue // ownership mode hides foreign objects
				}
				// DECIDED: destroyed objects are found only when the request asks for a State.
				if isDestroyed(o.State) && !wantState {
					continue
				}
				stored, err := tx.Attributes(uid)
				if err != nil {
					return err
				}
				all, err := allAttributes(o, stored)
				if err != nil {
					return err
				}
				if matches(all, req.Attribute) {
					found = append(found, uid)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	located := int32(len(found))
	if off := int(req.OffsetItems); off > 0 {
		found = found[min(off, len(found)):]
	}
	if m := int(req.MaximumItems); m > 0 && len(found) > m {
		found = found[:m]
	}
	if len(found) == 1 {
		kmipserver.SetIdPlaceholder(ctx, found[0])
	}
	return &payloads.LocateResponsePayload{LocatedItems: &located, UniqueIdentifier: found}, nil
}

// locateCandidates returns the objects Locate examines, in ascending UID
// order. Names and custom attributes are never server-managed, so only an
// object that stores an instance of one can match it; for a Name, only one
// whose stored form equals the wanted one's, because both are the
// encodeAttribute of a decoded okmip.Name and matches compares exactly
// those bytes. The index on the stored attributes then narrows the scan to
// those objects: the cluster looks for a key by its keyID attribute or its
// Name before every Create, and a full scan made that cost grow with every
// key the server ever held. Any other query examines every object.
func locateCandidates(tx ObjectTx, want []okmip.Attribute) ([]string, error) {
	for _, w := range want {
		switch {
		case w.AttributeName.IsCustom():
			return tx.ObjectUIDsWithAttribute(string(w.AttributeName), nil)
		case w.AttributeName == okmip.AttributeNameName:
			if _, ok := w.AttributeValue.(okmip.Name); ok {
				return tx.ObjectUIDsWithAttribute(string(w.AttributeName), encodeAttribute(w.AttributeName, w.AttributeValue))
			}
		}
	}
	return tx.ObjectUIDs()
}

// transition loads uid in a write transaction, applies fn and saves.
func (s *Server) transition(ctx context.Context, id string, fn func(o *Object, now time.Time) error) (string, error) {
	uid, err := uidOf(ctx, id)
	if err != nil {
		return "", err
	}
	err = s.cfg.Store.KMIPUpdate(ctx, func(tx ObjectTx) error {
		now := s.cfg.Now()
		o, err := s.loadOwned(ctx, tx, uid, now, true)
		if err != nil {
			return err
		}
		if isDestroyed(o.State) {
			return notFound(uid)
		}
		if err := fn(&o, now); err != nil {
			return err
		}
		o.LastChangeDate = now
		if s.cfg.DestroyMode == "delete" && isDestroyed(o.State) {
			return tx.DeleteObject(uid)
		}
		return tx.UpdateObject(o)
	})
	return uid, err
}

func denied(format string, args ...any) error {
	return kmipserver.Errorf(okmip.ResultReasonPermissionDenied, format, args...)
}

func (s *Server) activate(ctx context.Context, req *payloads.ActivateRequestPayload) (*payloads.ActivateResponsePayload, error) {
	uid, err := s.transition(ctx, req.UniqueIdentifier, func(o *Object, now time.Time) error {
		if o.State != okmip.StatePreActive {
			return denied("Object is %s, not PreActive", ttlv.EnumStr(o.State))
		}
		o.State = okmip.StateActive
		o.ActivationDate = &now
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &payloads.ActivateResponsePayload{UniqueIdentifier: uid}, nil
}

func (s *Server) revoke(ctx context.Context, req *payloads.RevokeRequestPayload) (*payloads.RevokeResponsePayload, error) {
	code := req.RevocationReason.RevocationReasonCode
	if code == 0 {
		return nil, kmipserver.Errorf(okmip.ResultReasonMissingData, "Revocation Reason is required")
	}
	uid, err := s.transition(ctx, req.UniqueIdentifier, func(o *Object, now time.Time) error {
		switch code {
		case okmip.RevocationReasonCodeKeyCompromise, okmip.RevocationReasonCodeCACompromise:
			o.State = okmip.StateCompromised
			o.CompromiseDate = &now
			occ := now
			if req.CompromiseOccurrenceDate != nil {
				occ = *req.CompromiseOccurrenceDate
			}
			o.CompromiseOccurrenceDate = &occ
		default:
			if o.State != okmip.StateActive && o.State != okmip.StatePreActive {
				return denied("Object is %s and cannot be revoked", ttlv.EnumStr(o.State))
			}
			o.State = okmip.StateDeactivated
			o.DeactivationDate = &now
		}
		o.RevocationReason = code
		o.RevocationMessage = req.RevocationReason.RevocationMessage
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &payloads.RevokeResponsePayload{UniqueIdentifier: uid}, nil
}

func (s *Server) destroy(ctx context.Context, req *payloads.DestroyRequestPayload) (*payloads.DestroyResponsePayload, error) {
	uid, err := s.transition(ctx, req.UniqueIdentifier, func(o *Object, now time.Time) error {
		switch o.State {
		case okmip.StatePreActive, okmip.StateDeactivated:
			o.State = okmip.StateDestroyed
		case okmip.StateCompromised:
			o.State = okmip.StateDestroyedCompromised
		default:
			return denied("The object is active and cannot be destroyed; revoke it first")
		}
		o.Material = nil
		o.DestroyDate = &now
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &payloads.DestroyResponsePayload{UniqueIdentifier: uid}, nil
}
