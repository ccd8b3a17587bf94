// Trident's solidfire api package and what it needs, for the interop test
// only (see interop/trident/README.md). The module path is Trident's, so the
// copied files keep their import paths unchanged.
module github.com/netapp/trident

go 1.26

require (
	github.com/cenkalti/backoff/v4 v4.3.0
	github.com/sirupsen/logrus v1.9.4
	go.uber.org/multierr v1.11.0
)
