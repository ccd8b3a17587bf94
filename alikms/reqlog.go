package alikms

import "github.com/element-emulator/element-emulator/cloudkms"

// Record is a request-log entry (cloudkms.Record: never a signature, a
// secret, material or a plaintext).
type Record = cloudkms.Record

// Requests returns the logged requests with an id above since, oldest
// first.
func (s *Service) Requests(since int64) []Record { return s.reqs.Since(since) }
