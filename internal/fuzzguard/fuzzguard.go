// Package fuzzguard owns the hang watchdog of dnslint's fuzz targets.
//
// Go's fuzzer reports a hang only when the whole run times out, and then without the
// input; a watchdog that panics makes it save the input under testdata/fuzz, where it
// stays as a regression test. The watchdog is armed only while fuzzing (`-test.fuzz`):
// when `go test` replays the seed corpus — on a loaded machine, under the race detector —
// a slow input is not a hang, and the test binary's own -timeout still catches a real one.
package fuzzguard

import (
	"flag"
	"fmt"
	"time"
)

// Watchdog panics with the input when one fuzz input runs longer than d, and only while
// fuzzing. Call the returned function when the input is done.
func Watchdog(d time.Duration, data ...any) (stop func()) {
	if !fuzzing() {
		return func() {}
	}
	timer := time.AfterFunc(d, func() { panic(fmt.Sprintf("one input ran longer than %s (a hang): %q", d, data)) })
	return func() { timer.Stop() }
}

// fuzzing tells whether the test binary was asked to fuzz (a non-empty -test.fuzz).
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}
