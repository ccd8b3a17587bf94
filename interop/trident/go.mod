// Interop proof: NetApp Trident's solidfire-san API client against the
// emulator (README.md). A module of its own so that Trident's dependencies
// stay out of the emulator's module.
module github.com/element-emulator/element-emulator/interop/trident

go 1.26

replace github.com/netapp/trident => ./third_party/trident

require github.com/netapp/trident v0.0.0-00010101000000-000000000000

require (
	github.com/cenkalti/backoff/v4 v4.3.0 // indirect
	github.com/sirupsen/logrus v1.9.4 // indirect
	go.uber.org/multierr v1.11.0 // indirect
	golang.org/x/sys v0.13.0 // indirect
)
