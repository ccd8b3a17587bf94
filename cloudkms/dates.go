package cloudkms

import "time"

// Day is a pending window's unit.
const Day = 24 * time.Hour

// DeletionDate is when a key scheduled at now with a pending window of
// days is deleted: now + days × 86400 s, on the emulator clock, to the
// second.
func DeletionDate(now time.Time, days int) time.Time {
	return now.Truncate(time.Second).Add(time.Duration(days) * Day).UTC()
}

// Due reports whether the date at has been reached at now (a zero date
// never is).
func Due(now, at time.Time) bool {
	return !at.IsZero() && !now.Before(at)
}

// InWindow reports whether days is within [min, max].
func InWindow(days, min, max int) bool { return days >= min && days <= max }
