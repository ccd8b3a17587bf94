package volumes

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"
)

// Limits and defaults of Element 12.x (docs/storage.md, Limits).
const (
	MinVolumeSize       = 1_000_000_000      // bytes
	MaxVolumeSize       = 17_592_186_044_416 // 16 TiB
	sizeUnit            = 1 << 20            // sizes round up to whole MiB
	MaxNameLen          = 64
	MaxAttributesBytes  = 1000
	MaxSnapshotsPerVol  = 32
	MaxVolumesPerGroup  = 2000
	MaxInitiatorsPerGrp = 128
	MaxAccessGroups     = 1000
	MinSecretLen        = 12
	MaxSecretLen        = 16
	MinMinIOPS          = 50
	MaxMinIOPS          = 15000
	MinMaxIOPS          = 100
	MaxMaxIOPS          = 200000
	MaxBurstIOPS        = 200000
	// PurgeAfter is how long a deleted volume waits to be purged.
	PurgeAfter = 8 * time.Hour
)

// DefaultQoS is GetDefaultQoS's answer and every new volume's QoS.
var DefaultQoS = QoS{MinIOPS: 50, MaxIOPS: 15000, BurstIOPS: 15000, BurstTime: 60}

// Curve is the IOPS cost curve every volume reports (read-only table).
var Curve = map[string]int64{"4096": 100, "8192": 160, "16384": 270, "32768": 500, "65536": 1000,
	"131072": 1950, "262144": 3900, "524288": 7600, "1048576": 15000}

// RoundSize rounds a requested size up to whole MiB.
func RoundSize(n int64) int64 {
	if r := n % sizeUnit; r != 0 {
		return n + sizeUnit - r
	}
	return n
}

func checkName(param, name string) error {
	if name == "" || len(name) > MaxNameLen {
		return invalid(param, "must be 1 to %d characters", MaxNameLen)
	}
	return nil
}

// volumeNameRE is what a volume name may hold: letters, digits, dashes;
// 1 to 64 of them (checked beside it).
// A bounded repetition such as {1,64} compiles to that many copies of the
// class (milliseconds of start-up for each such package-level pattern), so
// the pattern is unbounded and the length is checked beside it.
var volumeNameRE = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

func checkVolumeName(param, name string) error {
	if len(name) > 64 || !volumeNameRE.MatchString(name) {
		return invalid(param, "must be 1 to 64 characters: letters, digits and dashes")
	}
	return nil
}

func checkSize(param string, n int64) error {
	if n < MinVolumeSize || n > MaxVolumeSize {
		return invalid(param, "must be between %d and %d", int64(MinVolumeSize), int64(MaxVolumeSize))
	}
	return nil
}

func checkAttributes(param string, a Attributes) error {
	if a == nil {
		return nil
	}
	b, err := json.Marshal(a)
	if err != nil || len(b) > MaxAttributesBytes {
		return invalid(param, "must be a JSON object of at most %d bytes", MaxAttributesBytes)
	}
	return nil
}

func checkSecret(param string, s Secret) error {
	if len(s) < MinSecretLen || len(s) > MaxSecretLen {
		return invalid(param, "must be %d to %d characters", MinSecretLen, MaxSecretLen)
	}
	for _, c := range s {
		if c < 0x21 || c > 0x7e {
			return invalid(param, "must be printable ASCII without spaces")
		}
	}
	return nil
}

// QoSChange is a partial QoS: nil fields keep the base value.
type QoSChange struct {
	MinIOPS, MaxIOPS, BurstIOPS *int64
}

// Apply overlays c on base and validates the result.
func (c QoSChange) Apply(param string, base QoS) (QoS, error) {
	q := base
	if c.MinIOPS != nil {
		q.MinIOPS = *c.MinIOPS
	}
	if c.MaxIOPS != nil {
		q.MaxIOPS = *c.MaxIOPS
	}
	if c.BurstIOPS != nil {
		q.BurstIOPS = *c.BurstIOPS
	}
	// A raised maxIOPS lifts an untouched burst with it, as Element does.
	if c.BurstIOPS == nil && q.BurstIOPS < q.MaxIOPS {
		q.BurstIOPS = q.MaxIOPS
	}
	return q, CheckQoS(param, q)
}

// CheckQoS validates a complete QoS setting.
func CheckQoS(param string, q QoS) error {
	switch {
	case q.MinIOPS < MinMinIOPS || q.MinIOPS > MaxMinIOPS:
		return invalid(param+".minIOPS", "must be between %d and %d", MinMinIOPS, MaxMinIOPS)
	case q.MaxIOPS < MinMaxIOPS || q.MaxIOPS > MaxMaxIOPS:
		return invalid(param+".maxIOPS", "must be between %d and %d", MinMaxIOPS, MaxMaxIOPS)
	case q.BurstIOPS < MinMaxIOPS || q.BurstIOPS > MaxBurstIOPS:
		return invalid(param+".burstIOPS", "must be between %d and %d", MinMaxIOPS, MaxBurstIOPS)
	case q.MinIOPS > q.MaxIOPS:
		return invalid(param+".minIOPS", "must not exceed maxIOPS")
	case q.MaxIOPS > q.BurstIOPS:
		return invalid(param+".maxIOPS", "must not exceed burstIOPS")
	}
	return nil
}

var (
	iqnRE  = regexp.MustCompile(`^iqn\.\d{4}-\d{2}\.[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[^\s]+)?$`)
	euiRE  = regexp.MustCompile(`^eui\.[0-9a-f]{16}$`)
	naaRE  = regexp.MustCompile(`^naa\.([0-9a-f]{16}|[0-9a-f]{32})$`)
	wwpnRE = regexp.MustCompile(`^([0-9a-f]{2}:){7}[0-9a-f]{2}$|^[0-9a-f]{16}$`)
)

// CanonicalInitiator validates an initiator name (an iSCSI IQN, EUI or NAA
// name, or a Fibre Channel WWPN) and returns it in lower case.
func CanonicalInitiator(param, name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if len(n) > 223 || !(iqnRE.MatchString(n) || euiRE.MatchString(n) || naaRE.MatchString(n) || wwpnRE.MatchString(n)) {
		return "", invalid(param, "%q is not an iSCSI IQN or a Fibre Channel WWPN", name)
	}
	return n, nil
}

// ParseRetention reads CreateSnapshot's "HH:mm:ss" retention.
func ParseRetention(param, s string) (time.Duration, error) {
	var h, m, sec int
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return 0, invalid(param, "must be HH:mm:ss")
	}
	for i, p := range parts {
		if p == "" || len(p) > 6 || strings.Trim(p, "0123456789") != "" {
			return 0, invalid(param, "must be HH:mm:ss")
		}
		v := 0
		for _, c := range p {
			v = v*10 + int(c-'0')
		}
		switch i {
		case 0:
			h = v
		case 1:
			m = v
		case 2:
			sec = v
		}
	}
	if m > 59 || sec > 59 {
		return 0, invalid(param, "must be HH:mm:ss")
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second, nil
}
