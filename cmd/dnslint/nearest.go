package main

import (
	"context"
	"path/filepath"
	"slices"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

// lintNearest lints files, each by the rules of the .dnslint.yaml nearest to it: found
// upward from its directory to its root (the git work tree), else the run's own config
// (--config, or found from the working directory). --config given applies to every file.
// Composition spans files, so each config lints the whole run and keeps the findings in
// its own files; output options (format, fail-on, reports) are the run's.
// platform is --platform, which overrides every config's.
func lintNearest(ctx context.Context, main *lint.Linter, opts lint.Options, files []*source.File, explicit bool, platform string) (*lint.Result, error) {
	mainPath := ""
	if opts.Config != nil {
		mainPath = opts.Config.Path
	}
	owner := map[string]string{} // display path → config path ("" for the run's)
	configs := []string{}
	for _, f := range files {
		if explicit || f.Root == "" || f.Abs == "" {
			continue
		}
		p, ok := config.FindWithin(filepath.Dir(f.Abs), f.Root)
		if !ok || p == mainPath {
			continue
		}
		if _, seen := owner[f.Path]; !seen {
			owner[f.Path] = p
		}
		if !slices.Contains(configs, p) {
			configs = append(configs, p)
		}
	}
	res, err := main.Lint(ctx, files)
	if err != nil || len(configs) == 0 {
		return res, err
	}
	keep := func(fs []finding.Finding, cfg string) []finding.Finding {
		var out []finding.Finding
		for _, f := range fs {
			if owner[f.Pos.File] == cfg {
				out = append(out, f)
			}
		}
		return out
	}
	all := keep(res.Findings, "")
	for _, p := range configs {
		cfg, err := config.Load(p)
		if err != nil {
			return nil, usageError{err}
		}
		if platform != "" {
			cfg.Platform = platform
		}
		o := opts
		o.Config = cfg
		l, err := newLinter(ctx, o)
		if err != nil {
			return nil, err
		}
		r, err := l.Lint(ctx, files)
		if err != nil {
			return nil, err
		}
		all = append(all, keep(r.Findings, p)...)
	}
	finding.Sort(all)
	res.Findings = all
	return res, nil
}
