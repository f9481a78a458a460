package lint

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/fix"
	"github.com/dnslint/dnslint/lint/source"
	"github.com/dnslint/dnslint/lint/suppress"
)

// Result is the outcome of linting a set of files.
type Result struct {
	// Findings are filtered (suppressions, severities) and sorted.
	Findings []finding.Finding
	// Files is the number of files linted.
	Files int
	// Sources holds the text of every file read, by display path; of a file only an
	// import read, just the tokens its findings point at.
	Sources map[string][]byte
}

// UnusedSuppression is the rule that reports dnslint:ignore comments that silence nothing.
const UnusedSuppression = "dnslint/unused-suppression"

// LimitExceeded is the rule that reports what dnslint did not lint because it passed a
// limit or a budget (the engine reports evaluations past theirs under the same id).
const LimitExceeded = engine.LimitExceeded

// Lint lints files that belong together (one run): ConfigMaps in different files are
// composed with each other.
func (l *Linter) Lint(ctx context.Context, files []*source.File) (*Result, error) {
	repo := newRepository(files, l.opts.Config, l.opts.MaxFileSize, l.opts.Budget.PartnerFiles)
	in, sources, imported, err := buildModel(ctx, files, l.platform, l.opts.MaxFileSize, l.opts.Budget, repo)
	if err != nil {
		return nil, err
	}
	eng, err := l.engineFor(ctx, in)
	if err != nil {
		return nil, err
	}
	found, err := eng.Eval(ctx, in)
	if err != nil {
		return nil, err
	}
	found = placeRendered(files, found, sources)
	findings := l.filter(found, sources)
	notePartners(findings, in.Customs)
	quoteTokensOnly(sources, imported, findings)
	return &Result{Findings: findings, Files: len(files), Sources: sources}, nil
}

// filter applies the configured severities and the inline suppressions, drops findings
// that point at no file of the run (a platform's default Corefile), reports
// suppressions that silenced nothing, and sorts.
func (l *Linter) filter(found []finding.Finding, sources map[string][]byte) []finding.Finding {
	set := suppress.NewSet()
	if !l.opts.IgnoreSuppressions {
		for file, b := range sources {
			set.Add(file, suppress.Scan(file, b))
		}
	}
	out := make([]finding.Finding, 0, len(found))
	for _, f := range found {
		if _, ok := sources[f.Pos.File]; !ok && f.RuleID != LimitExceeded {
			continue // a limit is never dropped: it failed closed on something
		}
		if s, ok := l.sel.Severity[f.RuleID]; ok {
			f.Severity = s
		}
		if set.Suppressed(f.RuleID, f.Pos) {
			continue
		}
		out = append(out, f)
	}
	if l.enabled(UnusedSuppression) {
		sev := l.severity(UnusedSuppression)
		indexed := map[string]*fix.Index{}
		for _, d := range set.Unused() {
			if l.onlyDisabled(d.Rules) {
				continue // it names rules this run does not evaluate
			}
			out = append(out, finding.Finding{RuleID: UnusedSuppression, Severity: sev, Pos: d.Pos, Message: l.unusedMessage(d), Fix: removeComment(d, sources, indexed)})
		}
	}
	finding.Sort(out)
	return out
}

// removeComment is the fix of an unused suppression: delete its comment (safe: it
// silences nothing).
func removeComment(d *suppress.Directive, sources map[string][]byte, indexed map[string]*fix.Index) *finding.Fix {
	x, ok := indexed[d.Pos.File]
	if !ok {
		x = fix.NewIndex(sources[d.Pos.File])
		indexed[d.Pos.File] = x
	}
	text, ok := x.Text(d.Pos)
	if !ok {
		return nil
	}
	return &finding.Fix{Safety: finding.Safe, Description: "remove the unused dnslint:ignore comment",
		Edits: []finding.Edit{{Op: finding.OpDelete, Pos: d.Pos, Expect: text}}}
}

func (l *Linter) unusedMessage(d *suppress.Directive) string {
	if len(d.Rules) == 0 {
		return "dnslint:ignore names no rule: write `# dnslint:ignore <rule>[,<rule>] [-- reason]`"
	}
	msg := "this dnslint:ignore silences nothing on its line or the next: remove it, or fix the rule id or its line"
	for _, p := range d.Rules {
		if !l.known(p) {
			msg += fmt.Sprintf("; %q names no rule%s", p, config.Meant(p, l.catalog.Rules))
		}
	}
	return msg
}

// known tells whether a rule id or glob names a rule of the catalog.
func (l *Linter) known(pattern string) bool {
	for _, r := range l.catalog.Rules {
		if finding.MatchRule(pattern, r.ID) {
			return true
		}
	}
	return false
}

// onlyDisabled tells whether every id or glob of a suppression names known rules and
// none of them is enabled; a misspelt id names no rule and is reported.
func (l *Linter) onlyDisabled(patterns []string) bool {
	if len(patterns) == 0 {
		return false
	}
	for _, p := range patterns {
		known := false
		for _, r := range l.catalog.Rules {
			if finding.MatchRule(p, r.ID) {
				known = true
				if l.enabled(r.ID) {
					return false
				}
			}
		}
		if !known {
			return false
		}
	}
	return true
}

func (l *Linter) enabled(id string) bool {
	for _, e := range l.sel.Enabled {
		if e == id {
			return true
		}
	}
	return false
}

func (l *Linter) severity(id string) finding.Severity {
	if s, ok := l.sel.Severity[id]; ok {
		return s
	}
	r, _ := l.catalog.Rule(id)
	return r.Severity
}

var versionRE = regexp.MustCompile(`^v?\d+\.\d+\.\d+$`)

func validVersion(v string) bool { return versionRE.MatchString(v) }

// knownVersion is the release the rules use for the release v the user named: v, or
// the newest that dnslint's data knows when v is newer, with a warning saying so (the
// rules would otherwise claim what a release they know nothing about does).
func knownVersion(component, v, latest string, warnings []string) (string, []string) {
	if v == "" || !validVersion(latest) || compareVersions(v, latest) <= 0 {
		return v, warnings
	}
	return latest, append(warnings, fmt.Sprintf("%s %s is newer than the releases dnslint knows; linting as %s %s, the newest it knows", component, v, component, latest))
}

// compareVersions compares two MAJOR.MINOR.PATCH releases (validVersion): -1, 0 or 1.
func compareVersions(a, b string) int {
	pa, pb := strings.Split(strings.TrimPrefix(a, "v"), "."), strings.Split(strings.TrimPrefix(b, "v"), ".")
	for i := range 3 {
		// Compared as digit strings: no number is too long to compare.
		x, y := strings.TrimLeft(pa[i], "0"), strings.TrimLeft(pb[i], "0")
		if c := cmp.Or(cmp.Compare(len(x), len(y)), strings.Compare(x, y)); c != 0 {
			return c
		}
	}
	return 0
}
