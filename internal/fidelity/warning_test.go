package fidelity

import (
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
)

// TestJudgeWarning: a start label's warning must be logged by CoreDNS and quoted by a
// dnslint warning; an error or info finding does not count, nor a warning that quotes
// something else.
func TestJudgeWarning(t *testing.T) {
	out := "maxprocs: Leaving GOMAXPROCS=2\n[WARNING] plugin/forward: Unsupported CIDR notation: '10.0.0.0/15' expands to multiple zones. Using only '0.10.in-addr.arpa.'.\n.:53\nCoreDNS-1.14.7\n"
	quoting := finding.Finding{RuleID: "corefile/invalid-plugin-args", Severity: finding.Warning,
		Message: "CoreDNS 1.14.7 starts, but logs at start-up `[WARNING] plugin/forward: Unsupported CIDR notation: '10.0.0.0/15' expands to multiple zones. Using only '0.10.in-addr.arpa.'.`"}
	other := finding.Finding{RuleID: "cache/missing", Severity: finding.Warning, Message: "this block forwards but has no `cache`"}
	info := quoting
	info.Severity = finding.Info
	judge := func(warning string, others ...finding.Finding) []Problem {
		v := &Verdict{Case: &Case{Name: "c.corefile"}, Version: "1.14.7",
			Expect: Expect{Outcome: Start, Warning: warning}, CoreDNS: Result{Outcome: Start, Output: out}, Others: others}
		Judge(v, nil)
		return v.Problems
	}
	if p := judge("expands to multiple zones", other, quoting); len(p) != 0 {
		t.Errorf("quoted warning: %v", p)
	}
	if p := judge("expands to multiple zones", other, info); len(p) != 1 || p[0].Kind != Warn {
		t.Errorf("only an info quotes it: %v, want WARN", p)
	}
	if p := judge("expands to multiple zones"); len(p) != 1 || p[0].Kind != Warn {
		t.Errorf("no finding: %v, want WARN", p)
	}
	if p := judge("Multiple endpoints have been deprecated", quoting); len(p) != 1 || p[0].Kind != Label {
		t.Errorf("a warning CoreDNS does not log: %v, want LABEL", p)
	}
	placeholder := finding.Finding{RuleID: "r", Severity: finding.Warning, Message: "CoreDNS logs `Unsupported CIDR notation: '<from>' expands to multiple zones. Using only '…'.`"}
	if p := judge("expands to multiple zones", placeholder); len(p) != 0 {
		t.Errorf("a quote with placeholders: %v", p)
	}
	if _, err := parseExpect("", ` crash rule=x message="m" warning="w"`); err == nil || !strings.Contains(err.Error(), "no warning") {
		t.Errorf("a crash label with a warning: %v", err)
	}
	if e, err := parseExpect("", ` start warning="expands to multiple zones"`); err != nil || e.Warning != "expands to multiple zones" {
		t.Errorf("start warning label: %+v %v", e, err)
	}
}
