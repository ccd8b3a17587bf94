// Package trident drives NetApp Trident's solidfire-san API client
// (storage_drivers/solidfire/api, copied unchanged into third_party/trident)
// through a whole volume lifecycle against an emulator child process. See
// README.md.
package trident
