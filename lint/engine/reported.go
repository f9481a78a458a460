package engine

import (
	"fmt"
	"unicode/utf8"

	"github.com/dnslint/dnslint/lint/finding"
)

// What one run reports is bounded as well, so that a policy (or a hostile input that
// makes a rule fire everywhere) cannot fill a CI log or a SARIF upload: a message is cut
// at MaxMessageBytes, a finding keeps MaxRelated related locations, and a user policy's
// rule reports at most Options.MaxFindingsPerRule findings per run, the rest replaced by
// one error finding that says how many were cut (fail closed: the run does not pass as if
// they were not there). The built-in rules report a bounded number of findings per
// element of the input, so they are not cut: a repository of 20,000 Corefiles gets every
// finding.
const (
	// MaxMessageBytes is the longest message (and related message) reported.
	MaxMessageBytes = 4096
	// MaxRelated is the most related locations one finding keeps.
	MaxRelated = 64
	// DefaultMaxFindingsPerRule is how many findings one rule may report in one run.
	DefaultMaxFindingsPerRule = 10000
)

// cutMarker ends a message cut at MaxMessageBytes.
var cutMarker = fmt.Sprintf("… [message cut at %d bytes]", MaxMessageBytes)

// capMessage cuts s to MaxMessageBytes, on a character boundary, with cutMarker.
func capMessage(s string) string { return capTo(s, MaxMessageBytes) }

func capTo(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	end := limit - len(cutMarker)
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + cutMarker
}

// capFinding bounds a decoded finding's messages and related locations.
func capFinding(f finding.Finding) finding.Finding {
	if n := len(f.Related); n > MaxRelated {
		more := fmt.Sprintf(" (%d more related locations not shown)", n-MaxRelated)
		f.Related, f.Message = f.Related[:MaxRelated], capTo(f.Message, MaxMessageBytes-len(more))+more
	}
	f.Message = capMessage(f.Message)
	for i := range f.Related {
		f.Related[i].Message = capMessage(f.Related[i].Message)
	}
	return f
}

// capPerRule keeps at most limit findings of each rule that capped says to cap, the first
// in report order, and adds for each rule over it one error finding, at the first finding
// left out, that says how many were left out.
func capPerRule(fs []finding.Finding, limit int, capped func(ruleID string) bool) []finding.Finding {
	count := map[string]int{}
	over := false
	for _, f := range fs {
		if capped(f.RuleID) {
			count[f.RuleID]++
			over = over || count[f.RuleID] > limit
		}
	}
	if !over {
		return fs
	}
	finding.Sort(fs)
	kept := map[string]int{}
	out := fs[:0:0]
	for _, f := range fs {
		if !capped(f.RuleID) {
			out = append(out, f)
			continue
		}
		switch kept[f.RuleID]++; {
		case kept[f.RuleID] <= limit:
			out = append(out, f)
		case kept[f.RuleID] == limit+1:
			out = append(out, finding.Finding{
				RuleID: f.RuleID, Severity: finding.Error, Pos: f.Pos,
				Message: fmt.Sprintf("rule %s reported %d findings in this run, more than dnslint reports (%d per rule): the %d after this position are not shown; fix those shown, or narrow the run",
					f.RuleID, count[f.RuleID], limit, count[f.RuleID]-limit),
			})
		}
	}
	return out
}
