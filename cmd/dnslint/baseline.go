package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/baseline"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/report"
)

// adoptFlags are lint's flags for adopting dnslint on a repository with findings.
type adoptFlags struct {
	writeBaseline, baseline, newFromRev string
}

func (a *adoptFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&a.writeBaseline, "write-baseline", "", "record the run's findings in FILE (JSON; commit it) and report none of them")
	fl.StringVar(&a.baseline, "baseline", "", "report only findings that are not in FILE (written by --write-baseline); says how many were")
	fl.StringVar(&a.newFromRev, "new-from-rev", "", "report only findings on lines changed since the git revision REV (with untracked files); needs the history: fetch-depth: 0 on CI")
}

func (a *adoptFlags) check() error {
	switch {
	case a.writeBaseline != "" && a.baseline != "":
		return usageError{fmt.Errorf("--write-baseline and --baseline: give one (write the baseline, or lint against it)")}
	case a.writeBaseline != "" && a.newFromRev != "":
		return usageError{fmt.Errorf("--write-baseline records every finding; --new-from-rev would leave some out")}
	}
	return nil
}

// apply writes or applies the baseline and --new-from-rev to a run's findings, in place,
// and says what it left out. A baseline is not written from a run that could not read
// all its inputs: it would record too little.
func (a *adoptFlags) apply(ctx context.Context, res *lint.Result, inputErrors int) ([]report.Omitted, error) {
	lines := finding.LineSource(sourceLines(res.Sources))
	var omitted []report.Omitted
	if a.writeBaseline != "" {
		if inputErrors > 0 {
			return nil, usageError{fmt.Errorf("baseline %s not written: %d inputs could not be read", a.writeBaseline, inputErrors)}
		}
		b := baseline.New(res.Findings, filepath.Dir(a.writeBaseline), lines)
		if err := b.Write(a.writeBaseline); err != nil {
			return nil, fmt.Errorf("baseline: %w", err)
		}
		omitted = append(omitted, report.Omitted{Count: len(res.Findings), Reason: "recorded in the baseline " + a.writeBaseline})
		res.Findings = nil
	}
	if a.baseline != "" {
		b, err := baseline.Read(a.baseline)
		if err != nil {
			return nil, usageError{err}
		}
		var n int
		res.Findings, n = b.Filter(res.Findings, filepath.Dir(a.baseline), lines)
		omitted = append(omitted, report.Omitted{Count: n, Reason: "in the baseline " + a.baseline})
	}
	if a.newFromRev != "" {
		changes, err := baseline.ChangedSince(ctx, ".", a.newFromRev)
		if err != nil {
			return nil, usageError{err}
		}
		var n int
		res.Findings, n = changes.Filter(res.Findings)
		omitted = append(omitted, report.Omitted{Count: n, Reason: "on lines unchanged since " + a.newFromRev})
	}
	return omitted, nil
}
