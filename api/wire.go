package api

import (
	"bytes"
	"time"
)

// Element timestamp formats (D47).
const (
	timeSeconds = "2006-01-02T15:04:05Z"
	timeMicros  = "2006-01-02T15:04:05.000000Z"
)

func fmtSeconds(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeSeconds)
}

func fmtMicros(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeMicros)
}

// zeroUUID is Element's "no key" (clients parse UUID fields strictly).
const zeroUUID = "00000000-0000-0000-0000-000000000000"

// empty is the {} result of methods with no return value.
type empty struct{}

// noParams is the parameter struct of methods that take none.
type noParams struct{}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
