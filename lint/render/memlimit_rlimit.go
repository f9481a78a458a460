//go:build linux || darwin

package render

import (
	"runtime/debug"
	"syscall"
)

// limitMemory limits the child's address space to max bytes (an allocation past it
// fails, and the Go runtime dies with "out of memory", which the parent reports as a
// limit), and asks the collector to keep the heap under half of it.
func limitMemory(max int64) error {
	lim := &syscall.Rlimit{Cur: uint64(max), Max: uint64(max)}
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, lim); err != nil {
		return err
	}
	debug.SetMemoryLimit(max / 2)
	return nil
}
