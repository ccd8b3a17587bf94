package alikms

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/element-emulator/element-emulator/cloudkms"
)

// API versions served.
const (
	VersionKMS = "2016-01-20"
	VersionSTS = "2015-04-01"
)

// action is one operation of the endpoint.
type action struct {
	version string
	name    string
	// writes: the action reads a key and writes it back, so it runs under
	// the service's write lock (no lost update between two requests).
	writes bool
	call   func(s *Service, ctx context.Context, c *call) (map[string]any, error)
}

// actions is the one action table (docs/alibaba-kms.md, actions); it is
// read-only.
var actions = func() map[string]*action {
	m := map[string]*action{}
	for _, a := range []*action{
		{VersionKMS, "CreateKey", true, (*Service).createKey},
		{VersionKMS, "DescribeKey", false, (*Service).describeKey},
		{VersionKMS, "ListKeys", false, (*Service).listKeys},
		{VersionKMS, "UpdateKeyDescription", true, (*Service).updateKeyDescription},
		{VersionKMS, "EnableKey", true, (*Service).enableKey},
		{VersionKMS, "DisableKey", true, (*Service).disableKey},
		{VersionKMS, "ScheduleKeyDeletion", true, (*Service).scheduleKeyDeletion},
		{VersionKMS, "CancelKeyDeletion", true, (*Service).cancelKeyDeletion},
		{VersionKMS, "CreateAlias", true, (*Service).createAlias},
		{VersionKMS, "DeleteAlias", true, (*Service).deleteAlias},
		{VersionKMS, "ListAliases", false, (*Service).listAliases},
		{VersionKMS, "ListAliasesByKeyId", false, (*Service).listAliasesByKeyID},
		{VersionKMS, "Encrypt", false, (*Service).encrypt},
		{VersionKMS, "Decrypt", false, (*Service).decrypt},
		{VersionKMS, "GenerateDataKey", false, (*Service).generateDataKey},
		{VersionKMS, "GenerateDataKeyWithoutPlaintext", false, (*Service).generateDataKeyWithoutPlaintext},
		{VersionKMS, "GenerateAndExportDataKey", false, (*Service).generateAndExportDataKey},
		{VersionKMS, "ExportDataKey", false, (*Service).exportDataKey},
		{VersionKMS, "ReEncrypt", false, (*Service).reEncrypt},
		{VersionKMS, "CreateKeyVersion", true, (*Service).createKeyVersion},
		{VersionKMS, "DescribeKeyVersion", false, (*Service).describeKeyVersion},
		{VersionKMS, "ListKeyVersions", false, (*Service).listKeyVersions},
		{VersionKMS, "UpdateRotationPolicy", true, (*Service).updateRotationPolicy},
		{VersionKMS, "SetDeletionProtection", true, (*Service).setDeletionProtection},
		{VersionKMS, "TagResources", true, (*Service).tagResources},
		{VersionKMS, "UntagResources", true, (*Service).untagResources},
		{VersionKMS, "ListTagResources", false, (*Service).listTagResources},
		{VersionKMS, "TagResource", true, (*Service).tagResource},
		{VersionKMS, "UntagResource", true, (*Service).untagResource},
		{VersionKMS, "ListResourceTags", false, (*Service).listResourceTags},
		{VersionSTS, "GetCallerIdentity", false, (*Service).getCallerIdentity},
	} {
		m[a.version+"/"+a.name] = a
	}
	return m
}()

func lookupAction(version, name string) *action { return actions[version+"/"+name] }

// Actions lists the served actions, sorted.
func Actions() []string {
	out := make([]string, 0, len(actions))
	for _, a := range actions {
		out = append(out, a.name)
	}
	sort.Strings(out)
	return out
}

// ---- keys ----

// aliasRE is an alias name: alias/ and 1 to 255 of A-Z a-z 0-9 _ / -; see
// validAlias for the length.
// A bounded repetition such as {1,64} compiles to that many copies of the
// class (milliseconds of start-up for each such package-level pattern), so
// the pattern is unbounded and the length is checked beside it.
var aliasRE = regexp.MustCompile(`^alias/[A-Za-z0-9_/-]+$`)

func validAlias(name string) bool {
	return len(name) <= len("alias/")+255 && aliasRE.MatchString(name)
}

// arn is a key's ARN.
func (s *Service) arn(id string) string {
	return "acs:kms:" + s.cfg.Region + ":" + s.cfg.Account + ":key/" + id
}

// resolve finds the key a KeyId parameter names: an ID, an alias or an
// ARN of this region and account. Anything else is Forbidden.KeyNotFound.
func (s *Service) resolve(ctx context.Context, c *call, ref string) (Key, error) {
	id := ref
	if rest, ok := strings.CutPrefix(ref, "acs:kms:"); ok {
		parts := strings.SplitN(rest, ":", 3)
		if len(parts) != 3 || parts[0] != s.cfg.Region || parts[1] != s.cfg.Account {
			return Key{}, errKeyNotFound
		}
		switch {
		case strings.HasPrefix(parts[2], "key/"):
			id = strings.TrimPrefix(parts[2], "key/")
		case strings.HasPrefix(parts[2], "alias/"):
			id = parts[2]
		default:
			return Key{}, errKeyNotFound
		}
	}
	if strings.HasPrefix(id, "alias/") {
		if !validAlias(id) {
			return Key{}, errKeyNotFound
		}
		kid, err := s.cfg.Store.AlikmsAlias(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return Key{}, errKeyNotFound
		}
		if err != nil {
			return Key{}, err
		}
		id = kid
	}
	if !uuidRE.MatchString(id) {
		return Key{}, errKeyNotFound
	}
	k, err := s.cfg.Store.AlikmsKey(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Key{}, errKeyNotFound
	}
	if err == nil && c != nil {
		c.rec.KeyID = k.ID
	}
	return k, err
}

// resolveParam resolves a required key parameter.
func (s *Service) resolveParam(ctx context.Context, c *call, name string) (Key, error) {
	ref, e := c.params.req(name)
	if e != nil {
		return Key{}, e
	}
	return s.resolve(ctx, c, ref)
}

// usable is the state check of the cryptographic actions.
func usable(k Key) error {
	switch k.State {
	case StateEnabled:
		return nil
	case StateDisabled:
		return errRejected("Disabled")
	case StatePendingDeletion:
		return errRejected("PendingDeletion")
	}
	return errRejected("PendingImport")
}

func notPendingDeletion(k Key) error {
	if k.State == StatePendingDeletion {
		return errRejected("PendingDeletion")
	}
	return nil
}

func wire(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(wireTime)
}

func enabledWord(b bool) string {
	if b {
		return "Enabled"
	}
	return "Disabled"
}

func interval(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return strconv.FormatInt(int64(d/time.Second), 10) + "s"
}

// metadata is a key's KeyMetadata.
func (s *Service) metadata(k Key) map[string]any {
	return map[string]any{
		"KeyId": k.ID, "Arn": s.arn(k.ID), "CreationDate": wire(k.Created), "Creator": s.cfg.Account,
		"Description": k.Description, "KeySpec": k.KeySpec, "KeyState": k.State, "KeyUsage": "ENCRYPT/DECRYPT",
		"Origin": "Aliyun_KMS", "PrimaryKeyVersion": k.Primary, "ProtectionLevel": k.ProtectionLevel,
		"AutomaticRotation": enabledWord(k.AutoRotation), "RotationInterval": interval(k.RotationInterval),
		"LastRotationDate": wire(k.LastRotation), "NextRotationDate": wire(k.NextRotation),
		"DeleteDate": wire(k.DeleteDate), "DeletionProtection": enabledWord(k.DeletionProtection),
		"DeletionProtectionDescription": k.DeletionProtectionDesc, "MaterialExpireTime": "", "DKMSInstanceId": "",
	}
}

var keySpecLen = map[string]int{"Aliyun_AES_256": 32, "Aliyun_AES_192": 24, "Aliyun_AES_128": 16}

func (s *Service) newVersion(keyID, spec string, now time.Time) (Version, error) {
	v := Version{ID: uuid.NewString(), KeyID: keyID, Created: now, Material: make([]byte, keySpecLen[spec])}
	_, err := io.ReadFull(s.cfg.Rand, v.Material)
	return v, err
}

// parseInterval reads RotationInterval: "<seconds>s", 7 to 730 days.
func parseInterval(v string) (time.Duration, *Error) {
	n, err := strconv.ParseInt(strings.TrimSuffix(v, "s"), 10, 64)
	if err != nil || !strings.HasSuffix(v, "s") || n < 7*86400 || n > 730*86400 {
		return 0, errInvalid("RotationInterval must be <seconds>s, from 7 to 730 days (604800s to 63072000s).")
	}
	return time.Duration(n) * time.Second, nil
}

func (s *Service) createKey(ctx context.Context, c *call) (map[string]any, error) {
	p := c.params
	spec := p["KeySpec"]
	if spec == "" {
		spec = "Aliyun_AES_256"
	}
	if keySpecLen[spec] == 0 {
		return nil, errInvalid("KeySpec %q is not supported by the emulator: use Aliyun_AES_256, Aliyun_AES_192 or Aliyun_AES_128.", clip(spec, 40))
	}
	if u := p["KeyUsage"]; u != "" && u != "ENCRYPT/DECRYPT" {
		return nil, errInvalid("KeyUsage must be ENCRYPT/DECRYPT.")
	}
	switch p["Origin"] {
	case "", "Aliyun_KMS":
	case "EXTERNAL":
		return nil, errInvalid("Origin EXTERNAL (imported key material) is not supported by the emulator.")
	default:
		return nil, errInvalid("Origin must be Aliyun_KMS.")
	}
	level := p["ProtectionLevel"]
	switch level {
	case "":
		level = "SOFTWARE"
	case "SOFTWARE", "HSM":
	default:
		return nil, errInvalid("ProtectionLevel must be SOFTWARE or HSM.")
	}
	desc := p["Description"]
	if len(desc) > 8192 {
		return nil, errInvalid("Description is at most 8192 bytes.")
	}
	rot, e := p.boolean("EnableAutomaticRotation", false)
	if e != nil {
		return nil, e
	}
	var every time.Duration
	if v := p["RotationInterval"]; v != "" || rot {
		if v == "" {
			return nil, errMissing("RotationInterval")
		}
		if every, e = parseInterval(v); e != nil {
			return nil, e
		}
	}
	tags, e := p.tags("Tags")
	if e != nil {
		return nil, e
	}
	now := s.cfg.Now().UTC().Truncate(time.Second)
	k := Key{ID: uuid.NewString(), Description: desc, KeySpec: spec, State: StateEnabled, ProtectionLevel: level,
		Created: now, RotationInterval: every, AutoRotation: rot}
	if rot {
		k.NextRotation = now.Add(every)
		s.due.note(k.NextRotation)
	}
	v, err := s.newVersion(k.ID, spec, now)
	if err != nil {
		return nil, err
	}
	k.Primary = v.ID
	tm := map[string]string{}
	for _, t := range tags {
		tm[t.Key] = t.Value
	}
	if err := s.cfg.Store.AlikmsCreateKey(ctx, k, v, tm); err != nil {
		return nil, err
	}
	c.rec.KeyID = k.ID
	return map[string]any{"KeyMetadata": s.metadata(k)}, nil
}

func (s *Service) describeKey(ctx context.Context, c *call) (map[string]any, error) {
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	return map[string]any{"KeyMetadata": s.metadata(k)}, nil
}

func paging(p params) (page, size int, e *Error) {
	if page, _, e = p.integer("PageNumber", 1, 1<<30, 1); e != nil {
		return
	}
	size, _, e = p.integer("PageSize", 1, 100, 10)
	return
}

func (s *Service) listKeys(ctx context.Context, c *call) (map[string]any, error) {
	page, size, e := paging(c.params)
	if e != nil {
		return nil, e
	}
	keys, total, err := s.cfg.Store.AlikmsListKeys(ctx, (page-1)*size, size)
	if err != nil {
		return nil, err
	}
	list := make([]map[string]any, 0, len(keys))
	for _, k := range keys {
		list = append(list, map[string]any{"KeyId": k.ID, "KeyArn": s.arn(k.ID)})
	}
	return map[string]any{"Keys": map[string]any{"Key": list}, "TotalCount": total, "PageNumber": page, "PageSize": size}, nil
}

func (s *Service) updateKeyDescription(ctx context.Context, c *call) (map[string]any, error) {
	desc, ok := c.params["Description"]
	if !ok {
		return nil, errMissing("Description")
	}
	if len(desc) > 8192 {
		return nil, errInvalid("Description is at most 8192 bytes.")
	}
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	if err := notPendingDeletion(k); err != nil {
		return nil, err
	}
	k.Description = desc
	return nil, s.cfg.Store.AlikmsUpdateKey(ctx, k)
}

func (s *Service) setState(ctx context.Context, c *call, to string) (map[string]any, error) {
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	switch k.State {
	case StatePendingDeletion:
		return nil, errRejected("StateModifiedFailed")
	case to:
		return nil, nil
	}
	k.State = to
	return nil, s.cfg.Store.AlikmsUpdateKey(ctx, k)
}

func (s *Service) enableKey(ctx context.Context, c *call) (map[string]any, error) {
	return s.setState(ctx, c, StateEnabled)
}

func (s *Service) disableKey(ctx context.Context, c *call) (map[string]any, error) {
	return s.setState(ctx, c, StateDisabled)
}

func (s *Service) scheduleKeyDeletion(ctx context.Context, c *call) (map[string]any, error) {
	if _, e := c.params.req("PendingWindowInDays"); e != nil {
		return nil, e
	}
	days, _, e := c.params.integer("PendingWindowInDays", 7, 366, 0)
	if e != nil {
		return nil, e
	}
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	switch {
	case k.State == StatePendingDeletion:
		return nil, errRejected("PendingDeletion")
	case k.DeletionProtection:
		return nil, errRejected("DeletionProtection")
	}
	k.State = StatePendingDeletion
	k.DeleteDate = cloudkms.DeletionDate(s.cfg.Now(), days)
	s.due.note(k.DeleteDate)
	return nil, s.cfg.Store.AlikmsUpdateKey(ctx, k)
}

func (s *Service) cancelKeyDeletion(ctx context.Context, c *call) (map[string]any, error) {
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	if k.State != StatePendingDeletion {
		return nil, errRejected(k.State)
	}
	k.State, k.DeleteDate = StateEnabled, time.Time{}
	return nil, s.cfg.Store.AlikmsUpdateKey(ctx, k)
}

// ---- aliases ----

func (s *Service) createAlias(ctx context.Context, c *call) (map[string]any, error) {
	name, e := c.params.req("AliasName")
	if e != nil {
		return nil, e
	}
	if !validAlias(name) || strings.HasPrefix(name, "alias/acs/") {
		return nil, errInvalid("AliasName must be alias/ followed by 1 to 255 of A-Z a-z 0-9 _ / - (not alias/acs/).")
	}
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	err = s.cfg.Store.AlikmsCreateAlias(ctx, Alias{Name: name, KeyID: k.ID, Created: s.cfg.Now().UTC()})
	if errors.Is(err, ErrExists) {
		return nil, errAliasExists
	}
	return nil, err
}

func (s *Service) deleteAlias(ctx context.Context, c *call) (map[string]any, error) {
	name, e := c.params.req("AliasName")
	if e != nil {
		return nil, e
	}
	err := s.cfg.Store.AlikmsDeleteAlias(ctx, name)
	if errors.Is(err, ErrNotFound) {
		return nil, errAliasNotFound()
	}
	return nil, err
}

func (s *Service) aliasPage(c *call, list []Alias) (map[string]any, error) {
	page, size, e := paging(c.params)
	if e != nil {
		return nil, e
	}
	out := []map[string]any{}
	for i := (page - 1) * size; i < len(list) && i < page*size; i++ {
		a := list[i]
		out = append(out, map[string]any{"AliasName": a.Name, "KeyId": a.KeyID,
			"AliasArn": "acs:kms:" + s.cfg.Region + ":" + s.cfg.Account + ":" + a.Name})
	}
	return map[string]any{"Aliases": map[string]any{"Alias": out}, "TotalCount": len(list), "PageNumber": page, "PageSize": size}, nil
}

func (s *Service) listAliases(ctx context.Context, c *call) (map[string]any, error) {
	list, err := s.cfg.Store.AlikmsAliases(ctx, "")
	if err != nil {
		return nil, err
	}
	return s.aliasPage(c, list)
}

func (s *Service) listAliasesByKeyID(ctx context.Context, c *call) (map[string]any, error) {
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	list, err := s.cfg.Store.AlikmsAliases(ctx, k.ID)
	if err != nil {
		return nil, err
	}
	return s.aliasPage(c, list)
}

// ---- cryptography ----

// primary returns the primary version of an enabled key.
func (s *Service) primary(ctx context.Context, k Key) (Version, error) {
	v, err := s.cfg.Store.AlikmsVersion(ctx, k.Primary)
	if errors.Is(err, ErrNotFound) {
		return Version{}, errKeyNotFound
	}
	return v, err
}

// dryRun ends a request whose checks all passed when DryRun is set.
func dryRun(p params) error {
	d, e := p.boolean("DryRun", false)
	if e != nil {
		return e
	}
	if d {
		return errDryRun
	}
	return nil
}

// cryptoKey resolves a key parameter of a cryptographic action and checks
// its state.
func (s *Service) cryptoKey(ctx context.Context, c *call, name string) (Key, Version, error) {
	k, err := s.resolveParam(ctx, c, name)
	if err != nil {
		return Key{}, Version{}, err
	}
	if err := usable(k); err != nil {
		return Key{}, Version{}, err
	}
	v, err := s.primary(ctx, k)
	return k, v, err
}

func (s *Service) encrypt(ctx context.Context, c *call) (map[string]any, error) {
	if _, e := c.params.req("KeyId"); e != nil {
		return nil, e
	}
	pt, e := c.params.base64Param("Plaintext", 1, 6144)
	if e != nil {
		return nil, e
	}
	ec, e := parseContext(c.params["EncryptionContext"])
	if e != nil {
		return nil, e
	}
	k, v, err := s.cryptoKey(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	if err := dryRun(c.params); err != nil {
		return nil, err
	}
	blob, err := seal(s.cfg.Rand, v, ec, pt)
	if err != nil {
		return nil, err
	}
	return map[string]any{"CiphertextBlob": blob, "KeyId": k.ID, "KeyVersionId": v.ID}, nil
}

// openBlob decrypts a CiphertextBlob parameter: the version it names, its
// key (usable), and the plaintext.
func (s *Service) openBlob(ctx context.Context, c *call, blobParam, ctxParam string) (Key, Version, []byte, error) {
	blob, e := c.params.req(blobParam)
	if e != nil {
		return Key{}, Version{}, nil, e
	}
	ec, e := parseContext(c.params[ctxParam])
	if e != nil {
		return Key{}, Version{}, nil, e
	}
	vid, raw, e := blobVersion(blob)
	if e != nil {
		return Key{}, Version{}, nil, e
	}
	v, err := s.cfg.Store.AlikmsVersion(ctx, vid)
	if errors.Is(err, ErrNotFound) {
		return Key{}, Version{}, nil, errKeyNotFound
	}
	if err != nil {
		return Key{}, Version{}, nil, err
	}
	k, err := s.resolve(ctx, c, v.KeyID)
	if err != nil {
		return Key{}, Version{}, nil, err
	}
	if err := usable(k); err != nil {
		return Key{}, Version{}, nil, err
	}
	pt, e := open(v, ec, raw)
	if e != nil {
		return Key{}, Version{}, nil, e
	}
	return k, v, pt, nil
}

func (s *Service) decrypt(ctx context.Context, c *call) (map[string]any, error) {
	k, v, pt, err := s.openBlob(ctx, c, "CiphertextBlob", "EncryptionContext")
	if err != nil {
		return nil, err
	}
	if err := dryRun(c.params); err != nil {
		return nil, err
	}
	return map[string]any{"KeyId": k.ID, "KeyVersionId": v.ID, "Plaintext": base64.StdEncoding.EncodeToString(pt)}, nil
}

// dataKeyLen: NumberOfBytes if given (KeySpec then ignored), else KeySpec
// (AES_256 32, AES_128 16), else 32.
func dataKeyLen(p params) (int, *Error) {
	n, given, e := p.integer("NumberOfBytes", 1, 1024, 32)
	if e != nil || given {
		return n, e
	}
	switch p["KeySpec"] {
	case "", "AES_256":
		return 32, nil
	case "AES_128":
		return 16, nil
	}
	return 0, errInvalid("KeySpec must be AES_256 or AES_128.")
}

// newDataKey checks the common parameters, makes a data key and seals it
// under the key's primary version.
func (s *Service) newDataKey(ctx context.Context, c *call, export bool) (Key, Version, []byte, string, *exportKey, error) {
	fail := func(err error) (Key, Version, []byte, string, *exportKey, error) {
		return Key{}, Version{}, nil, "", nil, err
	}
	if _, e := c.params.req("KeyId"); e != nil {
		return fail(e)
	}
	n, e := dataKeyLen(c.params)
	if e != nil {
		return fail(e)
	}
	ec, e := parseContext(c.params["EncryptionContext"])
	if e != nil {
		return fail(e)
	}
	var ek *exportKey
	if export {
		if ek, e = parseExport(c.params); e != nil {
			return fail(e)
		}
		if n > ek.max {
			return fail(errInvalid("The data key (%d bytes) is longer than one OAEP block (%d bytes).", n, ek.max))
		}
	}
	k, v, err := s.cryptoKey(ctx, c, "KeyId")
	if err != nil {
		return fail(err)
	}
	if err := dryRun(c.params); err != nil {
		return fail(err)
	}
	dk := make([]byte, n)
	if _, err := io.ReadFull(s.cfg.Rand, dk); err != nil {
		return fail(err)
	}
	blob, err := seal(s.cfg.Rand, v, ec, dk)
	if err != nil {
		return fail(err)
	}
	return k, v, dk, blob, ek, nil
}

func (s *Service) generateDataKey(ctx context.Context, c *call) (map[string]any, error) {
	k, v, dk, blob, _, err := s.newDataKey(ctx, c, false)
	if err != nil {
		return nil, err
	}
	return map[string]any{"KeyId": k.ID, "KeyVersionId": v.ID, "CiphertextBlob": blob,
		"Plaintext": base64.StdEncoding.EncodeToString(dk)}, nil
}

func (s *Service) generateDataKeyWithoutPlaintext(ctx context.Context, c *call) (map[string]any, error) {
	k, v, _, blob, _, err := s.newDataKey(ctx, c, false)
	if err != nil {
		return nil, err
	}
	return map[string]any{"KeyId": k.ID, "KeyVersionId": v.ID, "CiphertextBlob": blob}, nil
}

func (s *Service) generateAndExportDataKey(ctx context.Context, c *call) (map[string]any, error) {
	k, v, dk, blob, ek, err := s.newDataKey(ctx, c, true)
	if err != nil {
		return nil, err
	}
	exported, e := ek.wrap(s.cfg.Rand, dk)
	if e != nil {
		return nil, e
	}
	return map[string]any{"KeyId": k.ID, "KeyVersionId": v.ID, "CiphertextBlob": blob, "ExportedDataKey": exported}, nil
}

func (s *Service) exportDataKey(ctx context.Context, c *call) (map[string]any, error) {
	if _, e := c.params.req("CiphertextBlob"); e != nil {
		return nil, e
	}
	ek, e := parseExport(c.params)
	if e != nil {
		return nil, e
	}
	k, v, pt, err := s.openBlob(ctx, c, "CiphertextBlob", "EncryptionContext")
	if err != nil {
		return nil, err
	}
	if err := dryRun(c.params); err != nil {
		return nil, err
	}
	exported, e := ek.wrap(s.cfg.Rand, pt)
	if e != nil {
		return nil, e
	}
	return map[string]any{"KeyId": k.ID, "KeyVersionId": v.ID, "ExportedDataKey": exported}, nil
}

func (s *Service) reEncrypt(ctx context.Context, c *call) (map[string]any, error) {
	for _, n := range []string{"SourceKeyId", "SourceKeyVersionId", "SourceEncryptionAlgorithm"} {
		if c.params[n] != "" {
			return nil, errInvalid("%s (an asymmetric source) is not supported by the emulator.", n)
		}
	}
	if _, e := c.params.req("CiphertextBlob"); e != nil {
		return nil, e
	}
	dst, e := c.params.req("DestinationKeyId")
	if e != nil {
		return nil, e
	}
	dctx, e := parseContext(c.params["DestinationEncryptionContext"])
	if e != nil {
		return nil, e
	}
	k, v, pt, err := s.openBlob(ctx, c, "CiphertextBlob", "SourceEncryptionContext")
	if err != nil {
		return nil, err
	}
	dk, err := s.resolve(ctx, nil, dst)
	if err != nil {
		return nil, err
	}
	if err := usable(dk); err != nil {
		return nil, err
	}
	dv, err := s.primary(ctx, dk)
	if err != nil {
		return nil, err
	}
	if err := dryRun(c.params); err != nil {
		return nil, err
	}
	blob, err := seal(s.cfg.Rand, dv, dctx, pt)
	if err != nil {
		return nil, err
	}
	return map[string]any{"CiphertextBlob": blob, "KeyId": k.ID, "KeyVersionId": v.ID}, nil
}

// ---- versions and rotation ----

// rotate gives k a new primary version.
func (s *Service) rotate(ctx context.Context, k Key, now time.Time) (Key, Version, error) {
	v, err := s.newVersion(k.ID, k.KeySpec, now)
	if err != nil {
		return k, v, err
	}
	k.Primary = v.ID
	return k, v, s.cfg.Store.AlikmsAddVersion(ctx, k, v)
}

func (s *Service) createKeyVersion(ctx context.Context, c *call) (map[string]any, error) {
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	if err := notPendingDeletion(k); err != nil {
		return nil, err
	}
	now := s.cfg.Now().UTC().Truncate(time.Second)
	_, v, err := s.rotate(ctx, k, now)
	if err != nil {
		return nil, err
	}
	return map[string]any{"KeyVersion": map[string]any{"KeyId": k.ID, "KeyVersionId": v.ID, "CreationDate": wire(now)}}, nil
}

func versionWire(v Version) map[string]any {
	return map[string]any{"KeyId": v.KeyID, "KeyVersionId": v.ID, "CreationDate": wire(v.Created)}
}

func (s *Service) describeKeyVersion(ctx context.Context, c *call) (map[string]any, error) {
	vid, e := c.params.req("KeyVersionId")
	if e != nil {
		return nil, e
	}
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	v, err := s.cfg.Store.AlikmsVersion(ctx, vid)
	if errors.Is(err, ErrNotFound) || (err == nil && v.KeyID != k.ID) {
		return nil, errKeyNotFound
	}
	if err != nil {
		return nil, err
	}
	return map[string]any{"KeyVersion": versionWire(v)}, nil
}

func (s *Service) listKeyVersions(ctx context.Context, c *call) (map[string]any, error) {
	page, size, e := paging(c.params)
	if e != nil {
		return nil, e
	}
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	list, err := s.cfg.Store.AlikmsVersions(ctx, k.ID)
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for i := (page - 1) * size; i < len(list) && i < page*size; i++ {
		out = append(out, versionWire(list[i]))
	}
	return map[string]any{"KeyVersions": map[string]any{"KeyVersion": out}, "TotalCount": len(list), "PageNumber": page, "PageSize": size}, nil
}

func (s *Service) updateRotationPolicy(ctx context.Context, c *call) (map[string]any, error) {
	if _, e := c.params.req("EnableAutomaticRotation"); e != nil {
		return nil, e
	}
	on, e := c.params.boolean("EnableAutomaticRotation", false)
	if e != nil {
		return nil, e
	}
	var every time.Duration
	if v := c.params["RotationInterval"]; v != "" || on {
		if v == "" {
			return nil, errMissing("RotationInterval")
		}
		if every, e = parseInterval(v); e != nil {
			return nil, e
		}
	}
	k, err := s.resolveParam(ctx, c, "KeyId")
	if err != nil {
		return nil, err
	}
	if err := notPendingDeletion(k); err != nil {
		return nil, err
	}
	k.AutoRotation = on
	if every != 0 {
		k.RotationInterval = every
	}
	k.NextRotation = time.Time{}
	if on {
		from := k.LastRotation
		if from.IsZero() {
			from = s.cfg.Now().UTC().Truncate(time.Second)
		}
		k.NextRotation = from.Add(k.RotationInterval)
		s.due.note(k.NextRotation)
	}
	return nil, s.cfg.Store.AlikmsUpdateKey(ctx, k)
}

func (s *Service) setDeletionProtection(ctx context.Context, c *call) (map[string]any, error) {
	arn, e := c.params.req("ProtectedResourceArn")
	if e != nil {
		return nil, e
	}
	if _, e := c.params.req("EnableDeletionProtection"); e != nil {
		return nil, e
	}
	on, e := c.params.boolean("EnableDeletionProtection", false)
	if e != nil {
		return nil, e
	}
	if !strings.HasPrefix(arn, "acs:kms:") {
		return nil, errKeyNotFound
	}
	k, err := s.resolve(ctx, c, arn)
	if err != nil {
		return nil, err
	}
	if err := notPendingDeletion(k); err != nil {
		return nil, err
	}
	k.DeletionProtection = on
	k.DeletionProtectionDesc = ""
	if on {
		k.DeletionProtectionDesc = c.params["DeletionProtectionDescription"]
	}
	return nil, s.cfg.Store.AlikmsUpdateKey(ctx, k)
}

// settle applies what the emulator clock made due, before any action:
// keys past their DeleteDate are deleted, keys past NextRotationDate get a
// new primary version (docs/alibaba-kms.md, clock).
func (s *Service) settle(ctx context.Context, locked bool) error {
	now := s.cfg.Now().UTC().Truncate(time.Second)
	if !s.due.mayBeDue(now) {
		return nil
	}
	if !locked {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
	}
	gen := s.due.generation()
	due, err := s.cfg.Store.AlikmsDue(ctx, now)
	if err != nil {
		return err
	}
	defer func() {
		if next, err := s.cfg.Store.AlikmsNextDue(ctx); err == nil {
			s.due.set(next, gen)
		}
	}()
	for _, id := range due {
		k, err := s.cfg.Store.AlikmsKey(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		switch {
		case k.State == StatePendingDeletion && !k.DeleteDate.After(now):
			if err := s.cfg.Store.AlikmsDeleteKey(ctx, id); err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
			s.log.Info("alikms key deleted at its DeleteDate", "keyId", id)
		case k.AutoRotation && !k.NextRotation.IsZero() && !k.NextRotation.After(now) && k.State != StatePendingDeletion:
			k.LastRotation = now
			k.NextRotation = now.Add(k.RotationInterval)
			if _, _, err := s.rotate(ctx, k, now); err != nil {
				return err
			}
			s.log.Info("alikms key rotated", "keyId", id)
		}
	}
	return nil
}

// ---- tags ----

func resourceType(p params) *Error {
	if t := p["ResourceType"]; t != "" && !strings.EqualFold(t, "key") {
		return errInvalid("ResourceType must be key.")
	}
	return nil
}

// resourceKeys resolves ResourceId (repeated or a JSON array) to key IDs.
func (s *Service) resourceKeys(ctx context.Context, c *call, required bool) ([]string, error) {
	refs, e := c.params.list("ResourceId")
	if e != nil {
		return nil, e
	}
	if len(refs) == 0 && required {
		return nil, errMissing("ResourceId")
	}
	if len(refs) > 50 {
		return nil, errInvalid("At most 50 ResourceId values.")
	}
	ids := make([]string, 0, len(refs))
	for _, r := range refs {
		k, err := s.resolve(ctx, c, r)
		if err != nil {
			return nil, err
		}
		ids = append(ids, k.ID)
	}
	return ids, nil
}

func (s *Service) tagResources(ctx context.Context, c *call) (map[string]any, error) {
	if e := resourceType(c.params); e != nil {
		return nil, e
	}
	tags, e := c.params.tags("Tag")
	if e != nil {
		return nil, e
	}
	if len(tags) == 0 {
		return nil, errMissing("Tag")
	}
	ids, err := s.resourceKeys(ctx, c, true)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, t := range tags {
		m[t.Key] = t.Value
	}
	return nil, s.cfg.Store.AlikmsSetTags(ctx, ids, m)
}

func (s *Service) untagResources(ctx context.Context, c *call) (map[string]any, error) {
	if e := resourceType(c.params); e != nil {
		return nil, e
	}
	keys, e := c.params.list("TagKey")
	if e != nil {
		return nil, e
	}
	all, e := c.params.boolean("All", false)
	if e != nil {
		return nil, e
	}
	if len(keys) == 0 && !all {
		return nil, errMissing("TagKey")
	}
	ids, err := s.resourceKeys(ctx, c, true)
	if err != nil {
		return nil, err
	}
	return nil, s.cfg.Store.AlikmsDeleteTags(ctx, ids, keys, all)
}

func (s *Service) listTagResources(ctx context.Context, c *call) (map[string]any, error) {
	if e := resourceType(c.params); e != nil {
		return nil, e
	}
	filter, e := c.params.tags("Tag")
	if e != nil {
		return nil, e
	}
	ids, err := s.resourceKeys(ctx, c, false)
	if err != nil {
		return nil, err
	}
	tags, err := s.cfg.Store.AlikmsTags(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for _, t := range tags {
		keep := len(filter) == 0
		for _, f := range filter {
			if f.Key == t.Key && (f.Value == "" || f.Value == t.Value) {
				keep = true
			}
		}
		if keep {
			out = append(out, map[string]any{"ResourceId": t.KeyID, "ResourceType": "key", "TagKey": t.Key, "TagValue": t.Value})
		}
	}
	return map[string]any{"TagResources": map[string]any{"TagResource": out}, "NextToken": ""}, nil
}

// The older one-key tag actions (Terraform's provider uses them).

// tagTarget is the key of TagResource/UntagResource/ListResourceTags;
// secrets and certificates are not emulated.
func (s *Service) tagTarget(ctx context.Context, c *call) (Key, error) {
	for _, n := range []string{"SecretName", "CertificateId"} {
		if c.params[n] != "" {
			return Key{}, errInvalid("%s: only keys are emulated.", n)
		}
	}
	return s.resolveParam(ctx, c, "KeyId")
}

func (s *Service) tagResource(ctx context.Context, c *call) (map[string]any, error) {
	tags, e := c.params.tags("Tags")
	if e != nil {
		return nil, e
	}
	if len(tags) == 0 {
		return nil, errMissing("Tags")
	}
	k, err := s.tagTarget(ctx, c)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, t := range tags {
		m[t.Key] = t.Value
	}
	return nil, s.cfg.Store.AlikmsSetTags(ctx, []string{k.ID}, m)
}

func (s *Service) untagResource(ctx context.Context, c *call) (map[string]any, error) {
	raw, e := c.params.req("TagKeys")
	if e != nil {
		return nil, e
	}
	var keys []string
	if err := json.Unmarshal([]byte(raw), &keys); err != nil || len(keys) == 0 {
		return nil, errInvalid("TagKeys must be a JSON array of tag keys.")
	}
	k, err := s.tagTarget(ctx, c)
	if err != nil {
		return nil, err
	}
	return nil, s.cfg.Store.AlikmsDeleteTags(ctx, []string{k.ID}, keys, false)
}

func (s *Service) listResourceTags(ctx context.Context, c *call) (map[string]any, error) {
	k, err := s.tagTarget(ctx, c)
	if err != nil {
		return nil, err
	}
	tags, err := s.cfg.Store.AlikmsTags(ctx, []string{k.ID})
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for _, t := range tags {
		out = append(out, map[string]any{"KeyId": t.KeyID, "TagKey": t.Key, "TagValue": t.Value})
	}
	return map[string]any{"Tags": map[string]any{"Tag": out}}, nil
}

// ---- STS ----

func (s *Service) getCallerIdentity(ctx context.Context, c *call) (map[string]any, error) {
	return map[string]any{"AccountId": s.cfg.Account, "Arn": "acs:ram::" + s.cfg.Account + ":root",
		"IdentityType": "Account", "PrincipalId": s.cfg.Account, "UserId": s.cfg.Account}, nil
}
