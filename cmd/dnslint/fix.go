package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/fix"
	"github.com/dnslint/dnslint/lint/report"
	"github.com/dnslint/dnslint/lint/source"
)

// fixFlags are lint's --fix, --unsafe-fixes and --diff.
type fixFlags struct {
	fix, unsafe, diff bool
}

// active tells whether the run fixes (on disk, or for the diff only).
func (f fixFlags) active() bool { return f.fix || f.diff }

// check refuses what cannot be done: writing standard input, or --unsafe-fixes alone.
func (f fixFlags) check(args []string) error {
	switch {
	case f.fix && f.diff:
		return usageError{fmt.Errorf("--fix writes the files, --diff writes nothing: give one of them")}
	case f.unsafe && !f.active():
		return usageError{fmt.Errorf("--unsafe-fixes applies with --fix or --diff")}
	case f.fix && slices.Contains(args, "-"):
		return usageError{fmt.Errorf("--fix cannot write standard input: use --diff to see the fixes")}
	}
	return nil
}

// editable are the files a fix may change, by display path: those the run was asked to
// lint (not standard input when the fixes are written), with the content read.
func editable(files []*source.File) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range files {
		if f.Origin != nil {
			continue // a rendered text: its findings sit in templates, values files and patches, which are never rewritten from a rendering
		}
		out[f.Path] = f.Data
	}
	return out
}

// fixRun is the outcome of fixing: the findings before any fix, the final lint, and each
// changed file's content as first read.
type fixRun struct {
	before, after *lint.Result
	original      map[string][]byte
	final         map[string][]byte
	rounds        int
	applied       int
	stopped       bool // fixes still applied after fix.MaxRounds rounds
}

// runFixes lints, applies the fixes the mode allows, file by file, and lints again until
// no fix applies, at most fix.MaxRounds times. With write, each round's changes are
// written to disk (atomically, and only to files unchanged since read); without it they
// stay in memory (--diff).
func runFixes(ctx context.Context, l interface {
	Lint(context.Context, []*source.File) (*lint.Result, error)
}, files []*source.File, mode fix.Mode, write bool) (*fixRun, error) {
	run := &fixRun{original: map[string][]byte{}, final: map[string][]byte{}}
	for {
		res, err := l.Lint(ctx, files)
		if err != nil {
			return nil, err
		}
		fix.ResolveFindings(res.Findings, editable(files))
		if run.before == nil {
			run.before = res
		}
		run.after = res
		picks, counts := fix.Pick(res.Findings, mode)
		if len(picks) == 0 {
			return run, nil
		}
		if run.rounds == fix.MaxRounds {
			run.stopped = true
			return run, nil
		}
		run.rounds++
		changed := false
		for _, f := range files {
			reps, ok := picks[f.Path]
			if !ok {
				continue
			}
			data, err := fix.Apply(f.Data, reps)
			if err != nil {
				return nil, err
			}
			if string(data) == string(f.Data) {
				continue // fixes that change nothing (a policy's) end the loop
			}
			if f.Format == source.YAML {
				if err := fix.CheckYAML(f.Path, f.Data, data); err != nil {
					return nil, err
				}
			}
			changed = true
			if write {
				if err := fix.WriteAtomic(f.Abs, f.Data, data); err != nil {
					return nil, err
				}
			}
			if _, seen := run.original[f.Path]; !seen {
				run.original[f.Path] = f.Data
			}
			run.applied += counts[f.Path]
			f.Data = data
			run.final[f.Path] = data
		}
		if !changed {
			run.rounds--
			return run, nil
		}
	}
}

// writeDiffs prints the unified diff of every changed file, in file order.
func writeDiffs(w io.Writer, files []*source.File, run *fixRun) error {
	for _, f := range files {
		if orig, ok := run.original[f.Path]; ok {
			if _, err := io.WriteString(w, fix.Diff(f.Path, orig, run.final[f.Path])); err != nil {
				return err
			}
		}
	}
	return nil
}

// summarize says on standard error what the fixes did.
func (run *fixRun) summarize(w io.Writer, wrote bool) {
	verb := "would fix"
	if wrote {
		verb = "fixed"
	}
	fmt.Fprintf(w, "dnslint: %s %d finding(s) in %d file(s) in %d round(s)\n", verb, run.applied, len(run.original), run.rounds)
	if run.stopped {
		fmt.Fprintf(w, "dnslint: warning: fixes still applied after %d rounds; stopped (fixes that undo each other?)\n", fix.MaxRounds)
	}
}

// runLintFix is lint with --fix or --diff. --diff prints the diff alone and exits with
// the code of the findings before fixing; --fix reports what is left after fixing and
// exits with its code.
func runLintFix(cmd *cobra.Command, f fixFlags, out output, l *nearestLinter, files []*source.File, errs []report.InputError) error {
	run, err := runFixes(cmd.Context(), l, files, fix.Mode{Unsafe: f.unsafe}, f.fix)
	if err != nil {
		return err
	}
	run.summarize(cmd.ErrOrStderr(), f.fix)
	if !f.fix {
		w := bufio.NewWriter(cmd.OutOrStdout())
		if err := writeDiffs(w, files, run); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
		for _, p := range errs {
			fmt.Fprintf(cmd.ErrOrStderr(), "dnslint: %s\n", report.Printable(p.String()))
		}
		switch {
		case len(errs) > 0:
			return exitError{exitUsage}
		case out.failOn != finding.None && worst(run.before.Findings) >= out.failOn:
			return exitError{exitFindings}
		}
		return nil
	}
	return finish(cmd, out, l.main, run.after, errs)
}
