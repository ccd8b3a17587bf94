// Package api serves the Element JSON-RPC API (gorilla/rpc v2 with an
// Element envelope codec, routed by chi) and the emulator-only control
// surface under /_emulator/. It decodes and encodes; cluster decides.
package api
