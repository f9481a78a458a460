package main

import (
	"cmp"
	"context"
	"path/filepath"
	"slices"
	"sync"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

// nearestConfigs finds each file's config: the .dnslint.yaml nearest to it, upward from its
// directory to its root (the git work tree), loaded once; else the run's own config
// (--config, or found from the working directory). --config given is every file's config.
// platform is --platform, which overrides every config's.
type nearestConfigs struct {
	run      *config.Config
	explicit bool
	platform string

	mu    sync.Mutex
	byDir map[string]*config.Config
	err   error // the first config that failed to load
}

func newNearestConfigs(run *config.Config, explicit bool, platform string) *nearestConfigs {
	return &nearestConfigs{run: run, explicit: explicit, platform: platform, byDir: map[string]*config.Config{}}
}

// of is the config of a file, or of a directory met in a walk (searched from its parent:
// the config that excludes a directory is above it).
func (n *nearestConfigs) of(path string) *config.Config {
	abs, err := filepath.Abs(path)
	if n.explicit || err != nil {
		return n.run
	}
	dir := filepath.Dir(abs)
	n.mu.Lock()
	defer n.mu.Unlock()
	if c, ok := n.byDir[dir]; ok {
		return c
	}
	c := n.run
	if p, ok := config.FindWithin(dir, source.RootOf(dir, n.run.Dir)); ok && p != n.run.Path {
		loaded, err := config.Load(p)
		if err != nil {
			n.err = cmp.Or(n.err, err)
		} else {
			if n.platform != "" {
				loaded.Platform = n.platform
			}
			c = loaded
		}
	}
	n.byDir[dir] = c
	return c
}

// excluded tells whether the walk skips a path: the run's config or the path's own
// excludes it.
func (n *nearestConfigs) excluded(path string) bool {
	return n.run.Excluded(path) || n.of(path).Excluded(path)
}

// nearestLinter lints a run's files, each by the rules of its own config. Composition
// spans files, so each config lints the whole run and keeps the findings in its own files;
// output options (format, fail-on, reports) are the run's.
type nearestLinter struct {
	main    *lint.Linter
	owner   map[string]*lint.Linter // display path → its config's linter (absent: main)
	linters []*lint.Linter          // the other configs' linters, in the order first met
}

func newNearestLinter(ctx context.Context, main *lint.Linter, opts lint.Options, configs *nearestConfigs, files []*source.File) (*nearestLinter, error) {
	n := &nearestLinter{main: main, owner: map[string]*lint.Linter{}}
	byConfig := map[*config.Config]*lint.Linter{}
	for _, f := range files {
		if f.Root == "" || f.Abs == "" {
			continue
		}
		cfg := configs.of(f.Abs)
		if cfg == configs.run {
			continue
		}
		l, ok := byConfig[cfg]
		if !ok {
			o := opts
			o.Config = cfg
			var err error
			if l, err = newLinter(ctx, o); err != nil {
				return nil, err
			}
			byConfig[cfg] = l
			n.linters = append(n.linters, l)
		}
		n.owner[f.Path] = l
	}
	if configs.err != nil {
		return nil, usageError{configs.err}
	}
	return n, nil
}

// Lint lints files with every config's linter and keeps each finding of the config of
// its file.
func (n *nearestLinter) Lint(ctx context.Context, files []*source.File) (*lint.Result, error) {
	res, err := n.main.Lint(ctx, files)
	if err != nil || len(n.linters) == 0 {
		return res, err
	}
	keep := func(fs []finding.Finding, l *lint.Linter) []finding.Finding {
		var out []finding.Finding
		for _, f := range fs {
			if cmp.Or(n.owner[f.Pos.File], n.main) == l {
				out = append(out, f)
			}
		}
		return out
	}
	all := keep(res.Findings, n.main)
	for _, l := range n.linters {
		r, err := l.Lint(ctx, files)
		if err != nil {
			return nil, err
		}
		all = append(all, keep(r.Findings, l)...)
	}
	finding.Sort(all)
	res.Findings = slices.Clip(all)
	return res, nil
}
