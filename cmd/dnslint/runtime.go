package main

// This file holds what tunes or measures dnslint's own process: the garbage collector
// around start-up, and the hidden profiling flags.

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sync"

	"github.com/spf13/cobra"

	"github.com/dnslint/dnslint/lint"
)

// addProfileFlags adds the hidden --cpu-profile and --mem-profile flags, for measuring
// dnslint itself (go tool pprof reads what they write). The returned function writes the
// profiles; run calls it once the command has ended, whatever its exit code.
func addProfileFlags(root *cobra.Command) (stop func() error) {
	var cpuPath, memPath string
	var cpuFile *os.File
	f := root.PersistentFlags()
	f.StringVar(&cpuPath, "cpu-profile", "", "write a CPU profile to this file")
	f.StringVar(&memPath, "mem-profile", "", "write a heap profile to this file at exit")
	_ = f.MarkHidden("cpu-profile")
	_ = f.MarkHidden("mem-profile")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if cpuPath == "" {
			return nil
		}
		var err error
		if cpuFile, err = os.Create(cpuPath); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		return pprof.StartCPUProfile(cpuFile)
	}
	return func() error {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			if err := cpuFile.Close(); err != nil {
				return fmt.Errorf("cpu profile: %w", err)
			}
		}
		if memPath == "" {
			return nil
		}
		out, err := os.Create(memPath)
		if err != nil {
			return fmt.Errorf("heap profile: %w", err)
		}
		runtime.GC()
		if err := pprof.WriteHeapProfile(out); err != nil {
			out.Close()
			return fmt.Errorf("heap profile: %w", err)
		}
		return out.Close()
	}
}

// newLinter loads the rules with the garbage collector paused. Parsing the catalog (and,
// for the webhook, compiling it) makes short-lived garbage, and a collector that starts
// from a small heap collects it, and then the first Lint's compilation, many times over:
// without the pause a one-file run takes 30-40 ms longer (of ~115 ms). The collector's
// setting is restored before any input is read, so a large run's memory stays bounded;
// a GOGC in the environment is left alone. Calls may overlap (tests run many at once):
// the first to start pauses, the last to end restores the setting saved by the first —
// saving and restoring per call would let an overlap restore "paused" for good.
func newLinter(ctx context.Context, opts lint.Options) (*lint.Linter, error) {
	if os.Getenv("GOGC") == "" {
		gcPause.enter()
		defer gcPause.exit()
	}
	return lint.New(ctx, opts)
}

// gcPause pauses the collector while at least one caller is inside.
var gcPause pauser

type pauser struct {
	mu     sync.Mutex
	inside int
	saved  int
}

func (p *pauser) enter() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.inside == 0 {
		p.saved = debug.SetGCPercent(-1)
	}
	p.inside++
}

func (p *pauser) exit() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.inside--
	if p.inside == 0 {
		debug.SetGCPercent(p.saved)
	}
}
