// Package finding owns what a rule reports: a Finding with its rule, severity, message and
// location, the Severity scale, and the one ordering every reporter uses.
package finding

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/dnslint/dnslint/lint/model"
)

// Severity ranks findings. Error: it will fail or be silently dropped. Warning: a real
// risk. Info: advice.
type Severity int

const (
	// None is below every finding: --fail-on none never fails.
	None Severity = iota
	Info
	Warning
	Error
)

var severityNames = map[Severity]string{None: "none", Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string { return severityNames[s] }

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// ParseSeverity reads "error", "warning", "info" or "none".
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if n == strings.ToLower(strings.TrimSpace(name)) {
			return s, nil
		}
	}
	return None, fmt.Errorf("unknown severity %q (want error, warning, info or none)", name)
}

// Rule describes a rule: what the catalog, `dnslint rules`, SARIF and docs show.
type Rule struct {
	ID          string   `json:"id"`
	Category    string   `json:"category"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Severity    Severity `json:"severity"`
	DocsURL     string   `json:"docs_url"`
	// Params are the rule's parameters with their types and defaults (METADATA
	// custom.params and custom.param_schema), by name.
	Params map[string]Param `json:"params,omitempty"`
	// DefaultDisabled: the rule runs only when enabled (custom.default_enabled: false).
	DefaultDisabled bool `json:"default_disabled,omitempty"`
	// References are the rule's related_resources: links that explain it.
	References []Reference `json:"references,omitempty"`
	// Bad and Good are examples (custom.bad, custom.good); Fix says how to fix a finding;
	// Source names what the rule is checked against; Since and Until the releases it
	// applies to.
	Bad    string `json:"bad,omitempty"`
	Good   string `json:"good,omitempty"`
	Fix    string `json:"fix,omitempty"`
	Source string `json:"source,omitempty"`
	Since  string `json:"since,omitempty"`
	Until  string `json:"until,omitempty"`
	// Fixable: the rule may offer a fix with its findings (custom.fixable).
	Fixable bool `json:"fixable,omitempty"`
	// Extra holds the custom METADATA keys prefixed "x-", which other tools may use.
	Extra map[string]any `json:"extra,omitempty"`
	// Builtin is false for rules loaded with --policy.
	Builtin bool `json:"builtin"`
	// File is the .rego file the rule lives in.
	File string `json:"-"`
}

// Reference is a link about a rule.
type Reference struct {
	URL         string `json:"url"`
	Description string `json:"description,omitempty"`
}

// Related is a secondary location that explains a finding (e.g. the first definition).
type Related struct {
	Message string    `json:"message"`
	Pos     model.Pos `json:"pos"`
}

// Finding is one problem found at one place.
type Finding struct {
	RuleID   string    `json:"rule"`
	Severity Severity  `json:"severity"`
	Message  string    `json:"message"`
	Pos      model.Pos `json:"location"`
	Related  []Related `json:"related,omitempty"`
	// Fix is the change the rule offers, or why it declines one (nil: none offered).
	Fix *Fix `json:"fix,omitempty"`
}

// Sort orders findings by file, line, column, rule, message and related locations, so
// that output is stable: two findings may differ only in the other place they point at
// (the same override line against the `cache` of two Corefiles), which a message names but
// does not locate.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Pos != b.Pos && (a.Pos.File != b.Pos.File || a.Pos.Line != b.Pos.Line || a.Pos.Col != b.Pos.Col) {
			return a.Pos.Less(b.Pos)
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		if a.Message != b.Message {
			return a.Message < b.Message
		}
		return relatedLess(a.Related, b.Related)
	})
}

// relatedLess orders lists of related locations: by position, then message, element by
// element; a list that is a prefix of the other comes first.
func relatedLess(a, b []Related) bool {
	for i := range min(len(a), len(b)) {
		if a[i].Pos != b[i].Pos {
			return posLess(a[i].Pos, b[i].Pos)
		}
		if a[i].Message != b[i].Message {
			return a[i].Message < b[i].Message
		}
	}
	return len(a) < len(b)
}

// posLess orders positions by file, line and column, then by where they end.
func posLess(p, q model.Pos) bool {
	switch {
	case p.File != q.File || p.Line != q.Line || p.Col != q.Col:
		return p.Less(q)
	case p.EndLine != q.EndLine:
		return p.EndLine < q.EndLine
	}
	return p.EndCol < q.EndCol
}

// Counts tallies findings per severity.
func Counts(fs []Finding) map[Severity]int {
	c := map[Severity]int{}
	for _, f := range fs {
		c[f.Severity]++
	}
	return c
}

// MatchRule tells whether a rule id or glob (path.Match syntax: `pod/*`) names the rule
// id: the one matcher of rule patterns in config, flags and suppressions. A malformed
// glob matches only itself.
func MatchRule(pattern, id string) bool {
	ok, _ := path.Match(pattern, id)
	return ok || pattern == id
}
