package admins

import (
	"context"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	maxUsername   = 1024
	maxPassword   = 1024
	maxAttributes = 1000
	hashIter      = 4096
	keyLoginTO    = "loginSession.timeout"
	// DefaultTimeout is the login session timeout until SetLoginSessionInfo.
	DefaultTimeout = 30 * 60
)

// New builds a Service.
func New(d Deps) *Service {
	if d.Rand == nil {
		d.Rand = rand.Reader
	}
	if d.Primary == nil {
		d.Primary = func() string { return "" }
	}
	return &Service{d: d}
}

func (s *Service) hash(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := io.ReadFull(s.d.Rand, salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	k, err := pbkdf2.Key(sha256.New, password, salt, hashIter, 32)
	if err != nil {
		return "", err
	}
	enc := base64.RawStdEncoding
	return "pbkdf2-sha256$" + strconv.Itoa(hashIter) + "$" + enc.EncodeToString(salt) + "$" + enc.EncodeToString(k), nil
}

// matches checks a password against a stored hash in constant time.
func matches(hash, password string) bool {
	p := strings.Split(hash, "$")
	if len(p) != 4 || p[0] != "pbkdf2-sha256" {
		return false
	}
	iter, err := strconv.Atoi(p[1])
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(p[2])
	want, err2 := enc.DecodeString(p[3])
	if err != nil || err1 != nil || err2 != nil || iter < 1 {
		return false
	}
	got, err := pbkdf2.Key(sha256.New, password, salt, iter, len(want))
	return err == nil && subtle.ConstantTimeCompare(got, want) == 1
}

func checkUsername(u string) error {
	if u == "" || utf8.RuneCountInString(u) > maxUsername {
		return invalid("username", "must be 1 to %d characters", maxUsername)
	}
	if strings.ContainsAny(u, ":") || strings.IndexFunc(u, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0 {
		return invalid("username", "must not contain ':' or control characters")
	}
	return nil
}

func checkPassword(p string) error {
	if p == "" || len(p) > maxPassword {
		return invalid("password", "must be 1 to %d bytes", maxPassword)
	}
	return nil
}

func checkAccess(a []string) error {
	if len(a) == 0 {
		return invalid("access", "must name at least one access type")
	}
	for i, x := range a {
		if !slices.Contains(Access, x) {
			return invalid(fmt.Sprintf("access[%d]", i), "unknown access type %q", x)
		}
	}
	return nil
}

func checkAttributes(a map[string]any) error {
	b, err := json.Marshal(a)
	if err != nil || len(b) > maxAttributes {
		return invalid("attributes", "must be a JSON object of at most %d bytes", maxAttributes)
	}
	return nil
}

func errAdmin(id int64) error {
	return &Error{Kind: KindAdminNotFound, Message: fmt.Sprintf("ClusterAdminID %d does not exist.", id)}
}

// Spec is AddClusterAdmin's input.
type Spec struct {
	Username, Password string
	Access             []string
	Attributes         map[string]any
	AcceptEula         bool
}

// Add creates a cluster admin and returns its ID.
func (s *Service) Add(ctx context.Context, sp Spec) (int64, error) {
	if err := checkUsername(sp.Username); err != nil {
		return 0, err
	}
	if err := checkPassword(sp.Password); err != nil {
		return 0, err
	}
	if err := checkAccess(sp.Access); err != nil {
		return 0, err
	}
	if err := checkAttributes(sp.Attributes); err != nil {
		return 0, err
	}
	if !sp.AcceptEula {
		return 0, invalid("acceptEula", "must be true to add a cluster admin")
	}
	h, err := s.hash(sp.Password)
	if err != nil {
		return 0, err
	}
	if sp.Attributes == nil {
		sp.Attributes = map[string]any{}
	}
	var id int64
	err = s.d.Store.UpdateAdmins(ctx, func(tx Tx) error {
		if sp.Username == s.d.Primary() {
			return dup(sp.Username)
		}
		if _, err := tx.AdminByName(ctx, sp.Username); err == nil {
			return dup(sp.Username)
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		var err error
		if id, err = tx.NextAdminID(ctx); err != nil {
			return err
		}
		return tx.PutAdmin(ctx, Admin{ID: id, Username: sp.Username, Access: slices.Clone(sp.Access), Attributes: sp.Attributes, Hash: h})
	})
	return id, err
}

func dup(u string) error {
	return &Error{Kind: KindDuplicateUsername, Message: fmt.Sprintf("Username %q is already in use.", u)}
}

// List returns every cluster admin: the primary one first (when there is one).
func (s *Service) List(ctx context.Context) ([]Admin, error) {
	var out []Admin
	if p := s.d.Primary(); p != "" {
		out = append(out, Admin{ID: PrimaryID, Username: p, Access: []string{"administrator"}, Attributes: map[string]any{}})
	}
	err := s.d.Store.ViewAdmins(ctx, func(tx Tx) error {
		as, err := tx.Admins(ctx)
		out = append(out, as...)
		return err
	})
	for i := range out {
		out[i].Hash = ""
	}
	return out, err
}

// Change is ModifyClusterAdmin's input; nil fields do not change.
type Change struct {
	Password   *string
	Access     []string
	Attributes map[string]any
}

// Modify changes an added cluster admin; the primary one is refused.
func (s *Service) Modify(ctx context.Context, id int64, c Change) error {
	if c.Password != nil {
		if err := checkPassword(*c.Password); err != nil {
			return err
		}
	}
	if c.Access != nil {
		if err := checkAccess(c.Access); err != nil {
			return err
		}
	}
	if c.Attributes != nil {
		if err := checkAttributes(c.Attributes); err != nil {
			return err
		}
	}
	var h string
	if c.Password != nil {
		var err error
		if h, err = s.hash(*c.Password); err != nil {
			return err
		}
	}
	return s.d.Store.UpdateAdmins(ctx, func(tx Tx) error {
		a, err := s.get(ctx, tx, id)
		if err != nil {
			return err
		}
		if h != "" {
			a.Hash = h
		}
		if c.Access != nil {
			a.Access = slices.Clone(c.Access)
		}
		if c.Attributes != nil {
			a.Attributes = c.Attributes
		}
		return tx.PutAdmin(ctx, a)
	})
}

func (s *Service) get(ctx context.Context, tx Tx, id int64) (Admin, error) {
	if id == PrimaryID && s.d.Primary() != "" {
		return Admin{}, &Error{Kind: KindNotPermitted, Message: "The primary cluster admin cannot be modified or removed."}
	}
	a, err := tx.Admin(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return a, errAdmin(id)
	}
	return a, err
}

// Remove deletes an added cluster admin: its credentials stop working at once.
func (s *Service) Remove(ctx context.Context, id int64) error {
	return s.d.Store.UpdateAdmins(ctx, func(tx Tx) error {
		if _, err := s.get(ctx, tx, id); err != nil {
			return err
		}
		return tx.DeleteAdmin(ctx, id)
	})
}

// Authenticate reports whether user and password are those of an added
// cluster admin. It reads the store; an unknown user costs one hash too,
// so timing does not tell which usernames exist.
func (s *Service) Authenticate(ctx context.Context, user, password string) bool {
	_, ok := s.Login(ctx, user, password)
	return ok
}

// Login is Authenticate that also returns the admin's access list, read
// afresh at every call so a ModifyClusterAdmin applies at once.
func (s *Service) Login(ctx context.Context, user, password string) ([]string, bool) {
	var a Admin
	err := s.d.Store.ViewAdmins(ctx, func(tx Tx) error {
		var err error
		a, err = tx.AdminByName(ctx, user)
		return err
	})
	if err != nil {
		_ = matches(dummyHash, password)
		return nil, false
	}
	if !matches(a.Hash, password) {
		return nil, false
	}
	return a.Access, true
}

// dummyHash is a well-formed hash of nothing anyone knows.
const dummyHash = "pbkdf2-sha256$4096$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

// LoginTimeout returns the login session timeout in seconds.
func (s *Service) LoginTimeout(ctx context.Context) (int64, error) {
	out := int64(DefaultTimeout)
	err := s.d.Store.ViewAdmins(ctx, func(tx Tx) error {
		v, err := tx.Setting(ctx, keyLoginTO)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		out, err = strconv.ParseInt(v, 10, 64)
		return err
	})
	return out, err
}

// SetLoginTimeout parses and stores a timeout written [[H:]M:]S, where
// any part may exceed its usual range ("00:90:00" is 90 minutes).
func (s *Service) SetLoginTimeout(ctx context.Context, timeout string) error {
	secs, err := ParseTimeout(timeout)
	if err != nil {
		return err
	}
	return s.d.Store.UpdateAdmins(ctx, func(tx Tx) error {
		return tx.PutSetting(ctx, keyLoginTO, strconv.FormatInt(secs, 10))
	})
}

// MaxTimeout bounds the login session timeout (one week, inferred).
const MaxTimeout = 7 * 24 * 3600

// ParseTimeout reads [[H:]M:]S into seconds: 1 minute to MaxTimeout.
func ParseTimeout(t string) (int64, error) {
	parts := strings.Split(t, ":")
	if t == "" || len(parts) > 3 {
		return 0, invalid("timeout", "must be written HH:mm:ss")
	}
	var secs int64
	for _, p := range parts {
		if p == "" || len(p) > 7 || strings.Trim(p, "0123456789") != "" {
			return 0, invalid("timeout", "must be written HH:mm:ss")
		}
		n, _ := strconv.ParseInt(p, 10, 64)
		secs = secs*60 + n
	}
	if secs < 60 || secs > MaxTimeout {
		return 0, invalid("timeout", "must be between 1 minute and %d hours", MaxTimeout/3600)
	}
	return secs, nil
}

// FormatTimeout writes seconds as H:mm:ss, or m:ss under an hour.
func FormatTimeout(secs int64) string {
	h, m, sec := secs/3600, secs/60%60, secs%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%d:%02d", m, sec)
}
