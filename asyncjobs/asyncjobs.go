// Package asyncjobs models Element's async handle table: a job has a handle,
// a result type, a running or complete status, create/update times, and on
// completion either a result or an error. The cluster decides what a job
// does; this package only holds the mechanism (purge-on-read, listing
// filters). Standard library only.
package asyncjobs

import (
	"errors"
	"time"
)

// Handle identifies an async job; handles count from 1 and are never reused.
type Handle int64

// Status is a job's lifecycle status.
type Status string

const (
	Running  Status = "running"
	Complete Status = "complete"
)

// ErrNotFound is returned for an unknown or purged handle.
var ErrNotFound = errors.New("async handle does not exist")

// Failure is the error a completed job carries (no code on the wire).
type Failure struct {
	Name    string
	Message string
}

// Job is one async result record.
type Job struct {
	Handle     Handle
	ResultType string
	Status     Status
	Created    time.Time
	Updated    time.Time
	// Phase is the job's current step (job-specific; 0 = first).
	Phase int
	// Due is when the current phase ends; zero when complete.
	Due time.Time
	// Data is the job's own state, owned by the code that runs the job
	// (its progress details while running and its result once complete).
	Data []byte
	// Failure is set when the job completed unsuccessfully.
	Failure *Failure
}

// Done reports whether the job has completed.
func (j Job) Done() bool { return j.Status == Complete }

// Succeeded reports whether the job completed without a failure.
func (j Job) Succeeded() bool { return j.Status == Complete && j.Failure == nil }

// PurgeAfterRead reports whether reading the job with keepResult removes it:
// only completed jobs are purged, and only when keepResult is false.
func PurgeAfterRead(j Job, keepResult bool) bool {
	return j.Done() && !keepResult
}

// Filter returns the jobs whose ResultType is one of types; nil or empty
// types returns all jobs. Unknown names match nothing.
func Filter(jobs []Job, types []string) []Job {
	if len(types) == 0 {
		return jobs
	}
	want := make(map[string]bool, len(types))
	for _, t := range types {
		want[t] = true
	}
	out := make([]Job, 0, len(jobs))
	for _, j := range jobs {
		if want[j.ResultType] {
			out = append(out, j)
		}
	}
	return out
}

// Complete marks j complete at t with an optional failure.
func (j *Job) Complete(t time.Time, f *Failure) {
	j.Status = Complete
	j.Updated = t
	j.Due = time.Time{}
	j.Failure = f
}
