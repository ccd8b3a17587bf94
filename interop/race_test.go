//go:build race

package interop

// raceEnabled: this test binary runs with -race, so the interop modules are
// tested with -race and build the emulator with -race too, reusing the
// standard library and the emulator's packages this build compiled.
const raceEnabled = true
