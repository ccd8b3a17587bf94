package tckms

import (
	"context"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/element-emulator/element-emulator/cloudkms"
)

// action is one row of the action table.
type action struct {
	name string
	run  func(ctx context.Context, p params) (map[string]any, error)
}

// actionList is the one action table (docs/tencent-kms.md, actions).
func (s *Service) actionList() []action {
	return []action{
		{"ArchiveKey", s.transition(evArchive)},
		{"CancelKeyArchive", s.transition(evCancelArchive)},
		{"CancelKeyDeletion", s.cancelKeyDeletion},
		{"CreateKey", s.createKey},
		{"Decrypt", s.decrypt},
		{"DeleteImportedKeyMaterial", s.deleteImportedKeyMaterial},
		{"DescribeKey", s.describeKey},
		{"DescribeKeys", s.describeKeys},
		{"DisableKey", s.transition(evDisable)},
		{"EnableKey", s.transition(evEnable)},
		{"Encrypt", s.encrypt},
		{"GenerateDataKey", s.generateDataKey},
		{"GenerateRandom", s.generateRandom},
		{"GetParametersForImport", s.getParametersForImport},
		{"ImportKeyMaterial", s.importKeyMaterial},
		{"ListKeys", s.listKeys},
		{"ReEncrypt", s.reEncrypt},
		{"ScheduleKeyDeletion", s.scheduleKeyDeletion},
		{"UpdateAlias", s.updateAlias},
		{"UpdateKeyDescription", s.updateKeyDescription},
	}
}

func (s *Service) actions() map[string]action {
	m := map[string]action{}
	for _, a := range s.actionList() {
		m[a.name] = a
	}
	return m
}

// update runs fn in one transaction after settling what is due at now
// (the emulator clock, read once).
func (s *Service) update(ctx context.Context, fn func(tx Tx, now int64) error) error {
	return s.cfg.Store.TCKMSUpdate(ctx, func(tx Tx) error {
		now := s.cfg.Now().Unix()
		if err := settle(ctx, tx, now); err != nil {
			return err
		}
		return fn(tx, now)
	})
}

// settle applies the due dates lazily: a key past its DeletionDate is
// gone with its alias; material past its ValidTo is wiped and the key
// waits for an import again (a PendingDelete key keeps its state).
func settle(ctx context.Context, tx Tx, now int64) error {
	due, err := tx.DueKeys(ctx, now)
	if err != nil {
		return err
	}
	for _, k := range due {
		if k.State == PendingDelete && k.DeletionDate != 0 && k.DeletionDate <= now {
			if err := tx.DeleteKey(ctx, k.ID); err != nil {
				return err
			}
			continue
		}
		if k.ValidTo != 0 && k.ValidTo <= now {
			k.Material, k.ValidTo = nil, 0
			if k.State != PendingDelete {
				k.State = PendingImport
			}
			if err := tx.UpdateKey(ctx, k); err != nil {
				return err
			}
		}
	}
	return nil
}

// load returns the key with that ID or CmkNotFound.
func load(ctx context.Context, tx Tx, id string) (Key, error) {
	k, err := tx.Key(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return k, errNotFound(id)
	}
	return k, err
}

func (s *Service) flavourType() int64 {
	if s.cfg.Flavour == FlavourSM {
		return 4
	}
	return 2
}

func (s *Service) materialLen() int {
	if s.cfg.Flavour == FlavourSM {
		return 16
	}
	return 32
}

// metadata is a key's KeyMetadata.
func (s *Service) metadata(k Key) map[string]any {
	m := map[string]any{
		"KeyId": k.ID, "Alias": k.Alias, "CreateTime": k.CreateTime, "Description": k.Description,
		"KeyState": string(k.State), "KeyUsage": k.Usage, "Type": s.flavourType(), "CreatorUin": s.cfg.UIN,
		"KeyRotationEnabled": false, "Owner": "user", "NextRotateTime": 0, "DeletionDate": k.DeletionDate,
		"Origin": string(k.Origin), "ResourceId": "creatorUin/" + uitoa(s.cfg.UIN) + "/" + k.ID, "HsmClusterId": "",
	}
	if k.Origin == OriginExternal {
		m["ValidTo"] = k.ValidTo
	}
	return m
}

func uitoa(n uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

func (s *Service) random(n int) ([]byte, error) {
	b := make([]byte, n)
	_, err := io.ReadFull(s.cfg.Rand, b)
	return b, err
}

// maxDescription bounds Description (bytes).
const maxDescription = 1024

func (s *Service) createKey(ctx context.Context, p params) (map[string]any, error) {
	alias, err := p.required("Alias")
	if err != nil {
		return nil, err
	}
	if e := checkAlias(alias); e != nil {
		return nil, e
	}
	desc, _, e := p.str("Description")
	if e != nil {
		return nil, e
	}
	if len(desc) > maxDescription {
		return nil, errValue("Description", "longer than 1024 bytes")
	}
	usage, _, e := p.str("KeyUsage")
	if e != nil {
		return nil, e
	}
	switch {
	case usage == "":
		usage = "ENCRYPT_DECRYPT"
	case usage == "ENCRYPT_DECRYPT":
	case strings.HasPrefix(usage, "ASYMMETRIC_"):
		return nil, newErr(codeUnsupportedUsage, "The key usage %s is not emulated: only ENCRYPT_DECRYPT.", usage)
	default:
		return nil, newErr(codeInvalidKeyUsage, "The key usage %q is invalid.", usage)
	}
	typ, ok, e := p.uint("Type")
	if e != nil {
		return nil, e
	}
	if !ok {
		typ = 1
	}
	if typ != 1 && typ != 2 {
		return nil, newErr(codeInvalidType, "Type must be 1 (KMS material) or 2 (external material).")
	}
	tags, e := p.tags("Tags")
	if e != nil {
		return nil, e
	}
	if hsm, _, e := p.str("HsmClusterId"); e != nil {
		return nil, e
	} else if hsm != "" {
		return nil, newErr(codeInvalidHsmCluster, "The HSM cluster %q does not exist (no HSM cluster is emulated).", hsm)
	}
	k := Key{ID: s.cfg.NewUUID(), Alias: alias, Description: desc, Usage: usage, Tags: tags}
	if typ == 1 {
		k.Origin, k.State = OriginKMS, Enabled
		var rerr error
		if k.Material, rerr = s.random(s.materialLen()); rerr != nil {
			return nil, rerr
		}
	} else {
		k.Origin, k.State = OriginExternal, PendingImport
	}
	err2 := s.update(ctx, func(tx Tx, now int64) error {
		k.CreateTime = now
		err := tx.CreateKey(ctx, k)
		if errors.Is(err, ErrAliasTaken) {
			return newErr(codeAliasExists, "The alias %s is already used by another CMK.", alias)
		}
		return err
	})
	if err2 != nil {
		return nil, err2
	}
	return map[string]any{"KeyId": k.ID, "Alias": k.Alias, "CreateTime": k.CreateTime, "Description": k.Description,
		"KeyState": string(k.State), "KeyUsage": k.Usage, "TagCode": 0, "TagMsg": "", "HsmClusterId": ""}, nil
}

func (s *Service) describeKey(ctx context.Context, p params) (map[string]any, error) {
	id, e := p.keyID("KeyId")
	if e != nil {
		return nil, e
	}
	var out map[string]any
	err := s.update(ctx, func(tx Tx, now int64) error {
		k, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		out = map[string]any{"KeyMetadata": s.metadata(k)}
		return nil
	})
	return out, err
}

func (s *Service) describeKeys(ctx context.Context, p params) (map[string]any, error) {
	ids, ok, e := p.strList("KeyIds")
	if e != nil {
		return nil, e
	}
	if !ok || len(ids) == 0 {
		return nil, errMissing("KeyIds")
	}
	if len(ids) > 100 {
		return nil, errValue("KeyIds", "more than 100 key IDs")
	}
	seen := map[string]bool{}
	for i, raw := range ids {
		id, ok := validKeyID(strings.TrimSpace(raw))
		if !ok {
			return nil, newErr(codeInvalidKeyID, "The KeyIds element %q is not a valid CMK ID.", raw)
		}
		if seen[id] {
			return nil, newErr(codeDuplicatedKeyID, "The key ID %s is given twice.", id)
		}
		seen[id], ids[i] = true, id
	}
	list := []map[string]any{}
	err := s.update(ctx, func(tx Tx, now int64) error {
		for _, id := range ids {
			k, err := tx.Key(ctx, id)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			list = append(list, s.metadata(k))
		}
		return nil
	})
	return map[string]any{"KeyMetadatas": list}, err
}

func (s *Service) listKeys(ctx context.Context, p params) (map[string]any, error) {
	off, _, e := p.uint("Offset")
	if e != nil {
		return nil, e
	}
	lim, ok, e := p.uint("Limit")
	if e != nil {
		return nil, e
	}
	if !ok {
		lim = 20
	}
	if lim < 1 || lim > 200 {
		return nil, errValue("Limit", "from 1 to 200")
	}
	if off > 1<<31 {
		return nil, errValue("Offset", "too large")
	}
	if _, _, e := p.uint("Role"); e != nil {
		return nil, e
	}
	var ids []string
	var total int
	err := s.update(ctx, func(tx Tx, now int64) error {
		var err error
		ids, total, err = tx.KeyIDs(ctx, int(off), int(lim))
		return err
	})
	if err != nil {
		return nil, err
	}
	keys := make([]map[string]any, 0, len(ids))
	for _, id := range ids {
		keys = append(keys, map[string]any{"KeyId": id})
	}
	return map[string]any{"Keys": keys, "TotalCount": total}, nil
}

func (s *Service) updateAlias(ctx context.Context, p params) (map[string]any, error) {
	alias, e := p.required("Alias")
	if e != nil {
		return nil, e
	}
	id, e := p.keyID("KeyId")
	if e != nil {
		return nil, e
	}
	if e := checkAlias(alias); e != nil {
		return nil, e
	}
	err := s.update(ctx, func(tx Tx, now int64) error {
		k, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		k.Alias = alias
		err = tx.UpdateKey(ctx, k)
		if errors.Is(err, ErrAliasTaken) {
			return newErr(codeAliasExists, "The alias %s is already used by another CMK.", alias)
		}
		return err
	})
	return map[string]any{}, err
}

func (s *Service) updateKeyDescription(ctx context.Context, p params) (map[string]any, error) {
	desc, ok, e := p.str("Description")
	if e != nil {
		return nil, e
	}
	if !ok {
		return nil, errMissing("Description")
	}
	if len(desc) > maxDescription {
		return nil, errValue("Description", "longer than 1024 bytes")
	}
	id, e := p.keyID("KeyId")
	if e != nil {
		return nil, e
	}
	err := s.update(ctx, func(tx Tx, now int64) error {
		k, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		k.Description = desc
		return tx.UpdateKey(ctx, k)
	})
	return map[string]any{}, err
}

// transition serves the actions that only move a key along the state
// table: Enable/DisableKey, ArchiveKey, CancelKeyArchive.
func (s *Service) transition(ev Event) func(context.Context, params) (map[string]any, error) {
	return func(ctx context.Context, p params) (map[string]any, error) {
		id, e := p.keyID("KeyId")
		if e != nil {
			return nil, e
		}
		err := s.update(ctx, func(tx Tx, now int64) error {
			k, err := load(ctx, tx, id)
			if err != nil {
				return err
			}
			st, e := k.On(ev)
			if e != nil {
				return e
			}
			if st == k.State {
				return nil
			}
			k.State = st
			return tx.UpdateKey(ctx, k)
		})
		return map[string]any{}, err
	}
}

// Pending window of ScheduleKeyDeletion, in days.
const (
	minPendingDays = 7
	maxPendingDays = 30
)

func (s *Service) scheduleKeyDeletion(ctx context.Context, p params) (map[string]any, error) {
	id, e := p.keyID("KeyId")
	if e != nil {
		return nil, e
	}
	days, ok, e := p.uint("PendingWindowInDays")
	if e != nil {
		return nil, e
	}
	if !ok {
		return nil, errMissing("PendingWindowInDays")
	}
	if days > maxPendingDays || !cloudkms.InWindow(int(days), minPendingDays, maxPendingDays) {
		return nil, newErr(codePendingWindow, "PendingWindowInDays must be from 7 to 30, not %d.", days)
	}
	var date int64
	err := s.update(ctx, func(tx Tx, now int64) error {
		k, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		st, e := k.On(evSchedule)
		if e != nil {
			return e
		}
		date = cloudkms.DeletionDate(time.Unix(now, 0), int(days)).Unix()
		k.State, k.DeletionDate = st, date
		return tx.UpdateKey(ctx, k)
	})
	if err != nil {
		return nil, err
	}
	return map[string]any{"DeletionDate": date, "KeyId": id}, nil
}

func (s *Service) cancelKeyDeletion(ctx context.Context, p params) (map[string]any, error) {
	id, e := p.keyID("KeyId")
	if e != nil {
		return nil, e
	}
	err := s.update(ctx, func(tx Tx, now int64) error {
		k, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, e := k.On(evCancelDelete); e != nil {
			return e
		}
		k.State, k.DeletionDate = Disabled, 0
		if k.Material == nil {
			k.State = PendingImport // an external key whose material is gone
		}
		return tx.UpdateKey(ctx, k)
	})
	if err != nil {
		return nil, err
	}
	return map[string]any{"KeyId": id}, nil
}

// importValidity is how long GetParametersForImport's answer serves.
const importValidity = 24 * time.Hour

// maxValidTo is the latest ValidTo the API takes.
const maxValidTo = 2147443200

func (s *Service) getParametersForImport(ctx context.Context, p params) (map[string]any, error) {
	id, e := p.keyID("KeyId")
	if e != nil {
		return nil, e
	}
	alg, e := p.required("WrappingAlgorithm")
	if e != nil {
		return nil, e
	}
	if !validWrapping(alg) {
		return nil, errValue("WrappingAlgorithm", "one of RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256")
	}
	spec, e := p.required("WrappingKeySpec")
	if e != nil {
		return nil, e
	}
	if spec != wrapSpec {
		return nil, errValue("WrappingKeySpec", "only RSA_2048")
	}
	// The key is checked first, so that a refused request costs no RSA key
	// generation; the RSA key is then made outside the transaction, which
	// checks again.
	check := func(tx Tx) error {
		k, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		if k.Origin != OriginExternal {
			return newErr(codeNotExternalCmk, "The CMK %s is not external (Type 2): it takes no imported material.", id)
		}
		if _, e := k.On(evGetParams); e != nil {
			return e
		}
		return nil
	}
	if err := s.update(ctx, func(tx Tx, now int64) error { return check(tx) }); err != nil {
		return nil, err
	}
	priv, err := rsa.GenerateKey(s.cfg.Rand, 2048)
	if err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, err
	}
	pub, err := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	if err != nil {
		return nil, err
	}
	token, err := s.random(32)
	if err != nil {
		return nil, err
	}
	tokenText := base64.StdEncoding.EncodeToString(token)
	hash := sha256.Sum256([]byte(tokenText))
	var validTo int64
	err = s.update(ctx, func(tx Tx, now int64) error {
		if err := check(tx); err != nil {
			return err
		}
		validTo = now + int64(importValidity/time.Second)
		return tx.AddImportParams(ctx, ImportParams{TokenHash: hash[:], KeyID: id, Algorithm: alg, PrivateKey: der,
			ValidTo: validTo, Created: now})
	})
	if err != nil {
		return nil, err
	}
	return map[string]any{"KeyId": id, "ImportToken": tokenText, "PublicKey": base64.StdEncoding.EncodeToString(pub),
		"ParametersValidTo": validTo}, nil
}

// maxWrapped bounds EncryptedKeyMaterial (base64 characters).
const maxWrapped = 2048

func (s *Service) importKeyMaterial(ctx context.Context, p params) (map[string]any, error) {
	wrappedText, e := p.required("EncryptedKeyMaterial")
	if e != nil {
		return nil, e
	}
	token, e := p.required("ImportToken")
	if e != nil {
		return nil, e
	}
	id, e := p.keyID("KeyId")
	if e != nil {
		return nil, e
	}
	validTo, _, e := p.uint("ValidTo")
	if e != nil {
		return nil, e
	}
	if len(wrappedText) > maxWrapped {
		return nil, errValue("EncryptedKeyMaterial", "longer than 2048 characters")
	}
	wrapped, err := base64.StdEncoding.DecodeString(wrappedText)
	if err != nil || len(wrapped) == 0 {
		return nil, errValue("EncryptedKeyMaterial", "not base64")
	}
	if validTo > maxValidTo {
		return nil, errValue("ValidTo", "later than 2147443200")
	}
	hash := sha256.Sum256([]byte(token))
	fpKey, err := s.cfg.Store.TCKMSFingerprintKey(ctx)
	if err != nil {
		return nil, err
	}
	err = s.update(ctx, func(tx Tx, now int64) error {
		k, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		if k.Origin != OriginExternal {
			return newErr(codeNotExternalCmk, "The CMK %s is not external (Type 2): it takes no imported material.", id)
		}
		st, e := k.On(evImport)
		if e != nil {
			return e
		}
		ip, err := tx.ImportParams(ctx, hash[:])
		if errors.Is(err, ErrNotFound) || (err == nil && ip.KeyID != id) {
			return errValue("ImportToken", "not issued for this CMK by GetParametersForImport")
		}
		if err != nil {
			return err
		}
		if ip.Superseded || ip.ValidTo <= now || ip.PrivateKey == nil {
			return newErr(codeTokenExpired, "The import token has expired or was superseded by a later GetParametersForImport.")
		}
		if validTo != 0 && int64(validTo) <= now {
			return errValue("ValidTo", "not later than now")
		}
		material, ok := unwrap(ip, wrapped)
		if !ok {
			return newErr(codeDecryptMaterial, "The EncryptedKeyMaterial does not decrypt with the import parameters' %s key.", ip.Algorithm)
		}
		if len(material) != s.materialLen() {
			return errValue("EncryptedKeyMaterial", "the material must be "+uitoa(uint64(s.materialLen()))+" bytes")
		}
		fp := fingerprint(fpKey, material)
		if k.Fingerprint != nil && !equalBytes(k.Fingerprint, fp) {
			return newErr(codeMaterialNotMatch, "The key material is not the material first imported into the CMK %s.", id)
		}
		k.Material, k.Fingerprint, k.ValidTo, k.State = material, fp, int64(validTo), st
		return tx.UpdateKey(ctx, k)
	})
	return map[string]any{}, err
}

func equalBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	var d byte
	for i := range a {
		d |= a[i] ^ b[i]
	}
	return d == 0
}

func (s *Service) deleteImportedKeyMaterial(ctx context.Context, p params) (map[string]any, error) {
	id, e := p.keyID("KeyId")
	if e != nil {
		return nil, e
	}
	err := s.update(ctx, func(tx Tx, now int64) error {
		k, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		if k.Origin != OriginExternal {
			return newErr(codeNotExternalCmk, "The CMK %s is not external (Type 2): its material cannot be deleted.", id)
		}
		st, e := k.On(evDeleteImport)
		if e != nil {
			return e
		}
		k.Material, k.ValidTo, k.State = nil, 0, st
		return tx.UpdateKey(ctx, k)
	})
	return map[string]any{}, err
}

// maxPlaintext bounds Encrypt's plaintext (decoded bytes).
const maxPlaintext = 4096

// usable checks that k may serve ev and has material.
func usable(k *Key, ev Event) error {
	if _, e := k.On(ev); e != nil {
		return e
	}
	if k.Material == nil {
		return errState(codeCmkStateNotSupport, k, string(ev))
	}
	return nil
}

func (s *Service) encrypt(ctx context.Context, p params) (map[string]any, error) {
	id, e := p.keyID("KeyId")
	if e != nil {
		return nil, e
	}
	ptText, e := p.required("Plaintext")
	if e != nil {
		return nil, e
	}
	if len(ptText) > 2*maxPlaintext {
		return nil, newErr(codeInvalidPlaintext, "The Plaintext is longer than 4096 bytes.")
	}
	pt, err := base64.StdEncoding.DecodeString(ptText)
	if err != nil {
		return nil, newErr(codeInvalidPlaintext, "The Plaintext is not base64.")
	}
	if len(pt) > maxPlaintext {
		return nil, newErr(codeInvalidPlaintext, "The Plaintext is longer than 4096 bytes.")
	}
	ec, e := p.context("EncryptionContext")
	if e != nil {
		return nil, e
	}
	blob, err := s.sealUnder(ctx, id, pt, ec)
	if err != nil {
		return nil, err
	}
	return map[string]any{"CiphertextBlob": blob, "KeyId": id}, nil
}

// openBlob decrypts a blob with its key, checking the key's state for ev.
func openBlob(ctx context.Context, tx Tx, name string, raw []byte, id string, ec []byte) ([]byte, error) {
	k, err := load(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := usable(&k, evDecrypt); err != nil {
		return nil, err
	}
	pt, ok := open(raw, k.Material, ec)
	if !ok {
		return nil, newErr(codeInvalidCiphertext, "The %s does not decrypt: it was tampered with, or the encryption context differs.", name)
	}
	return pt, nil
}

func (s *Service) decrypt(ctx context.Context, p params) (map[string]any, error) {
	blob, e := p.required("CiphertextBlob")
	if e != nil {
		return nil, e
	}
	if e := p.refuseAsymmetric(); e != nil {
		return nil, e
	}
	ec, e := p.context("EncryptionContext")
	if e != nil {
		return nil, e
	}
	raw, id, e := blobKeyID("CiphertextBlob", blob)
	if e != nil {
		return nil, e
	}
	var pt []byte
	err := s.update(ctx, func(tx Tx, now int64) error {
		var err error
		pt, err = openBlob(ctx, tx, "CiphertextBlob", raw, id, ec)
		return err
	})
	if err != nil {
		return nil, err
	}
	return map[string]any{"KeyId": id, "Plaintext": base64.StdEncoding.EncodeToString(pt)}, nil
}

func (s *Service) generateDataKey(ctx context.Context, p params) (map[string]any, error) {
	id, e := p.keyID("KeyId")
	if e != nil {
		return nil, e
	}
	spec, _, e := p.str("KeySpec")
	if e != nil {
		return nil, e
	}
	n, hasN, e := p.uint("NumberOfBytes")
	if e != nil {
		return nil, e
	}
	size := 0
	switch {
	case spec == "AES_256":
		size = 32
	case spec == "AES_128":
		size = 16
	case spec != "":
		return nil, errValue("KeySpec", "AES_256 or AES_128")
	case hasN:
		if n < 1 || n > 1024 {
			return nil, errValue("NumberOfBytes", "from 1 to 1024")
		}
		size = int(n)
	default:
		return nil, errMissing("KeySpec")
	}
	if e := p.refuseAsymmetric(); e != nil {
		return nil, e
	}
	ec, e := p.context("EncryptionContext")
	if e != nil {
		return nil, e
	}
	dk, err := s.random(size)
	if err != nil {
		return nil, err
	}
	blob, err := s.sealUnder(ctx, id, dk, ec)
	if err != nil {
		return nil, err
	}
	return map[string]any{"KeyId": id, "Plaintext": base64.StdEncoding.EncodeToString(dk), "CiphertextBlob": blob}, nil
}

func (s *Service) reEncrypt(ctx context.Context, p params) (map[string]any, error) {
	blob, e := p.required("CiphertextBlob")
	if e != nil {
		return nil, e
	}
	srcEC, e := p.context("SourceEncryptionContext")
	if e != nil {
		return nil, e
	}
	dstEC, e := p.context("DestinationEncryptionContext")
	if e != nil {
		return nil, e
	}
	raw, srcID, e := blobKeyID("CiphertextBlob", blob)
	if e != nil {
		return nil, e
	}
	dstID := srcID
	if d, ok, e := p.str("DestinationKeyId"); e != nil {
		return nil, e
	} else if ok && d != "" {
		if dstID, e = p.keyID("DestinationKeyId"); e != nil {
			return nil, e
		}
	}
	var out string
	err := s.update(ctx, func(tx Tx, now int64) error {
		pt, err := openBlob(ctx, tx, "CiphertextBlob", raw, srcID, srcEC)
		if err != nil {
			return err
		}
		dst, err := load(ctx, tx, dstID)
		if err != nil {
			return err
		}
		if err := usable(&dst, evEncrypt); err != nil {
			return err
		}
		out, err = seal(s.cfg.Rand, dst.ID, dst.Material, pt, dstEC)
		return err
	})
	if err != nil {
		return nil, err
	}
	return map[string]any{"CiphertextBlob": out, "KeyId": dstID, "SourceKeyId": srcID, "ReEncrypted": true}, nil
}

func (s *Service) generateRandom(ctx context.Context, p params) (map[string]any, error) {
	n, ok, e := p.uint("NumberOfBytes")
	if e != nil {
		return nil, e
	}
	if !ok {
		return nil, errMissing("NumberOfBytes")
	}
	if n < 1 || n > 1024 {
		return nil, errValue("NumberOfBytes", "from 1 to 1024")
	}
	b, err := s.random(int(n))
	if err != nil {
		return nil, err
	}
	return map[string]any{"Plaintext": base64.StdEncoding.EncodeToString(b)}, nil
}

// sealUnder encrypts pt under the usable key id (Encrypt, GenerateDataKey)
// with the encryption context ec, in one write transaction.
func (s *Service) sealUnder(ctx context.Context, id string, pt, ec []byte) (string, error) {
	var blob string
	err := s.update(ctx, func(tx Tx, now int64) error {
		k, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := usable(&k, evEncrypt); err != nil {
			return err
		}
		blob, err = seal(s.cfg.Rand, k.ID, k.Material, pt, ec)
		return err
	})
	return blob, err
}
