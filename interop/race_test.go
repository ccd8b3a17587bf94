//go:build race

package interop

// raceEnabled: this test binary runs with -race, so the interop modules
// build the emulator with -race too and reuse the packages this build
// compiled.
const raceEnabled = true
