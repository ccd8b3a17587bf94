// SHIM, not Trident code. Trident's config package pulls in Kubernetes
// (k8s.io/apimachinery) and much of Trident; the solidfire api package uses
// three of its constants, which this file declares with the values of
// config/config.go at the pinned tag (see interop/trident/README.md).

package config

import (
	"crypto/tls"
	"time"
)

const (
	// StorageAPITimeout is the HTTP client timeout of the storage drivers.
	StorageAPITimeout = 90 * time.Second
	// SolidfireSANStorageDriverName names the solidfire-san driver.
	SolidfireSANStorageDriverName = "solidfire-san"
	// MinClientTLSVersion is the lowest TLS version Trident's clients offer.
	MinClientTLSVersion = tls.VersionTLS12
)
