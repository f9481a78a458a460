package main

import (
	"runtime/debug"
	"sync"
	"testing"
)

// TestGCPauseOverlaps: overlapping pauses restore the collector's setting once the last
// one ends, whatever the order they end in (saving per call restored "off" for good).
func TestGCPauseOverlaps(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	var p pauser
	p.enter()
	p.enter() // a second linter starts while the first is loading
	p.exit()  // the first ends
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("collector on while a load is still inside: %d", got)
	}
	p.exit()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after both ended the collector is %d, want 100", got)
	}
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() { p.enter(); p.exit() })
	}
	wg.Wait()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after 50 overlapping pauses the collector is %d, want 100", got)
	}
}
