//go:build !(linux || darwin)

package render

import (
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// limitMemory bounds the child's memory where the standard library has no address-space
// limit (Windows): the collector is asked to keep the heap under half of max, and a
// watchdog ends the child, saying "out of memory" as the runtime would (the parent
// reports it as a limit), once the memory the runtime holds passes max.
func limitMemory(max int64) error {
	debug.SetMemoryLimit(max / 2)
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	go func() {
		for range time.Tick(20 * time.Millisecond) {
			metrics.Read(sample)
			if used := sample[0].Value.Uint64(); used > uint64(max) {
				fmt.Fprintf(os.Stderr, "dnslint renderer: out of memory: %d bytes held, the limit is %d\n", used, max)
				os.Exit(2)
			}
		}
	}()
	return nil
}
