package fidelity

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/dnslint/dnslint/lint/finding"
)

// Kind is one way dnslint and CoreDNS (or a label and CoreDNS) can disagree.
type Kind string

// The kinds of disagreement.
const (
	// Label: CoreDNS did not do what the case's label says (the label or the knowledge is wrong).
	Label Kind = "LABEL"
	// Missed: CoreDNS exits, dnslint reports no error.
	Missed Kind = "MISSED"
	// False: CoreDNS starts, dnslint reports an error (from a rule the label does not allow).
	False Kind = "FALSE"
	// Rule: both see the crash, but none of the label's rules reported it (or, on a start
	// label that names rules, none of them reported the silent failure).
	Rule Kind = "RULE"
	// Quote: the reporting rule's METADATA and messages quote no text CoreDNS printed.
	Quote Kind = "QUOTE"
	// Broken: CoreDNS neither started nor crashed in time, or the case could not be run.
	Broken Kind = "BROKEN"
	// Lint: dnslint itself failed on the case (exit 2 on the command line).
	Lint Kind = "LINT"
	// Warn: CoreDNS logs the label's start-up warning, and no dnslint warning quotes it.
	Warn Kind = "WARN"
)

// Problem is one disagreement of a case on a version.
type Problem struct {
	Kind   Kind
	Detail string
}

// Verdict is the comparison of CoreDNS and dnslint on one case and one version.
type Verdict struct {
	Case    *Case
	Version string
	Expect  Expect
	CoreDNS Result
	// Errors are dnslint's error findings; Others its warnings and infos.
	Errors, Others []finding.Finding
	// Quoted is the quote of a rule that matched CoreDNS's error, with the rule id.
	Quoted string
	// LintError is dnslint's error when it could not lint the case at all.
	LintError string
	Problems  []Problem
}

// Judge compares CoreDNS's verdict (the truth) with the label and with dnslint's findings.
// rules are the catalog, for the METADATA of the rules that fired.
func Judge(v *Verdict, rules map[string]finding.Rule) {
	e, got := v.Expect, v.CoreDNS
	add := func(k Kind, format string, args ...any) {
		v.Problems = append(v.Problems, Problem{k, fmt.Sprintf(format, args...)})
	}
	if v.LintError != "" {
		add(Lint, "dnslint fails: %s", v.LintError)
	}
	if got.Outcome == "" {
		add(Broken, "%s", got.Note)
		return
	}
	if got.Outcome != e.Outcome {
		add(Label, "label says %s, CoreDNS %s: %s", e.Outcome, verb(got.Outcome), got.Error)
	} else if got.Outcome == Crash && !strings.Contains(got.Error, e.Message) {
		add(Label, "label message %q not in CoreDNS's error: %s", e.Message, got.Error)
	}
	if v.LintError != "" {
		return
	}
	fired := map[string][]finding.Finding{}
	for _, f := range v.Errors {
		fired[f.RuleID] = append(fired[f.RuleID], f)
	}
	switch got.Outcome {
	case Start:
		var unexpected []string
		for id := range fired {
			if !(e.Outcome == Start && contains(e.Rules, id)) {
				unexpected = append(unexpected, id)
			}
		}
		sort.Strings(unexpected)
		if len(unexpected) > 0 {
			add(False, "CoreDNS starts, dnslint reports errors: %s", strings.Join(unexpected, ", "))
		}
		// A start label that names rules expects one of them to report the silent failure.
		if e.Outcome == Start && len(e.Rules) > 0 && !anyFired(e.Rules, fired) {
			add(Rule, "CoreDNS starts but silently misreads the configuration: expected %s to report it", strings.Join(e.Rules, " or "))
		}
		judgeWarning(v, add)
	case Crash:
		if len(fired) == 0 {
			add(Missed, "CoreDNS exits (%s), dnslint reports no error", got.Error)
			return
		}
		// The rules whose quotes must match: the label's rules that fired, else all that fired.
		var relevant []string
		if e.Outcome == Crash {
			for _, id := range e.Rules {
				if len(fired[id]) > 0 {
					relevant = append(relevant, id)
				}
			}
			if len(relevant) == 0 {
				add(Rule, "expected %s, dnslint reports %s", strings.Join(e.Rules, " or "), strings.Join(keys(fired), ", "))
			}
		}
		if len(relevant) == 0 {
			relevant = keys(fired)
		}
		for _, id := range relevant {
			for _, q := range Quotes(rules[id], fired[id]) {
				if q.Match(got.Error) {
					v.Quoted = id + ": `" + q.Text + "`"
					return
				}
			}
		}
		// A rule that passes the parser's error on (corefile/syntax) quotes it whole, without
		// backquotes: its message must hold CoreDNS's message after the file:line prefix.
		if msg := Bare(got.Error); len(msg) >= minLiteral {
			for _, id := range relevant {
				for _, f := range fired[id] {
					if strings.Contains(f.Message, msg) {
						v.Quoted = id + ": message holds `" + msg + "`"
						return
					}
				}
			}
		}
		add(Quote, "no quote in the METADATA or messages of %s matches CoreDNS's error: %s", strings.Join(relevant, ", "), got.Error)
	}
}

// location is the "<file>:<line> - " that CoreDNS puts before parser errors, and the
// "plugin/<name>: " before setup errors.
var location = regexp.MustCompile(`^(plugin/[a-z0-9_]+: )?(\S+:\d+ - )?`)

// Bare is a CoreDNS error without its plugin and file:line prefix.
func Bare(line string) string { return location.ReplaceAllString(line, "") }

func verb(o Outcome) string {
	if o == Crash {
		return "crashes"
	}
	return "starts"
}

func anyFired(ids []string, fired map[string][]finding.Finding) bool {
	for _, id := range ids {
		if len(fired[id]) > 0 {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func keys(m map[string][]finding.Finding) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// A QuotePattern is a `backquoted` text of a rule's METADATA or message, read as a
// template of a CoreDNS message: <name>, %s/%d/%v/%q, … and ... stand for any text; the
// rest must match byte for byte (a line break of the description counts as one space).
type QuotePattern struct {
	Text string
	re   *regexp.Regexp
}

// Match tells whether the quote occurs in a CoreDNS error line.
func (q QuotePattern) Match(s string) bool { return q.re.MatchString(s) }

var (
	backquoted  = regexp.MustCompile("`([^`]+)`")
	placeholder = regexp.MustCompile(`<[^<>\s][^<>]*>|%[sdvq]|…|\.\.\.`)
	// wrap is a line break of a METADATA description, with the next line's indentation.
	wrap = regexp.MustCompile(`[ \t]*\n[ \t]*`)
)

// minLiteral is how many characters a quote must have besides its placeholders (and it
// must hold a space) to count as a message: `force_tcp` alone quotes a name, not what
// CoreDNS says.
const minLiteral = 12

// Quotes are the message-like quotes of a rule: from its description, title, other
// METADATA strings and the messages of its findings.
func Quotes(r finding.Rule, fs []finding.Finding) []QuotePattern {
	texts := []string{r.Title, r.Description}
	texts = append(texts, r.Bad, r.Good, r.Fix, r.Source, r.Since, r.Until)
	texts = append(texts, stringsOf(r.Extra)...)
	for _, f := range fs {
		texts = append(texts, f.Message)
	}
	var out []QuotePattern
	seen := map[string]bool{}
	for _, t := range texts {
		for _, m := range backquoted.FindAllStringSubmatch(t, -1) {
			q := strings.TrimSpace(wrap.ReplaceAllString(m[1], " "))
			if seen[q] || !strings.Contains(q, " ") {
				continue
			}
			seen[q] = true
			literal := placeholder.ReplaceAllString(q, "")
			if len([]rune(strings.TrimSpace(literal))) < minLiteral {
				continue
			}
			var re strings.Builder
			last := 0
			for _, loc := range placeholder.FindAllStringIndex(q, -1) {
				re.WriteString(regexp.QuoteMeta(q[last:loc[0]]))
				re.WriteString(".*?")
				last = loc[1]
			}
			re.WriteString(regexp.QuoteMeta(q[last:]))
			out = append(out, QuotePattern{Text: q, re: regexp.MustCompile(re.String())})
		}
	}
	return out
}

func stringsOf(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, stringsOf(e)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, e := range x {
			out = append(out, stringsOf(e)...)
		}
		return out
	}
	return nil
}

// judgeWarning checks a start label's warning: CoreDNS must log a `[WARNING]` line that
// holds it (else the label is wrong), and a dnslint warning must quote that line's text
// after its `[WARNING] plugin/<name>: ` prefix: whole, or as a backquoted quote whose
// placeholders (`<name>`, `%s`, `…`) stand for parts of it.
func judgeWarning(v *Verdict, add func(Kind, string, ...any)) {
	if v.Expect.Warning == "" {
		return
	}
	line := WarningLine(v.CoreDNS.Output, v.Expect.Warning)
	if line == "" {
		add(Label, "label warning %q: CoreDNS logs no such [WARNING] line", v.Expect.Warning)
		return
	}
	text := warningPrefix.ReplaceAllString(line, "")
	for _, f := range v.Others {
		if f.Severity != finding.Warning {
			continue
		}
		if strings.Contains(f.Message, text) {
			v.Quoted = f.RuleID + ": warning holds `" + text + "`"
			return
		}
		// A quote with placeholders (`line …`) matches as the QUOTE check's do.
		for _, q := range Quotes(finding.Rule{}, []finding.Finding{f}) {
			if q.Match(text) {
				v.Quoted = f.RuleID + ": warning `" + q.Text + "`"
				return
			}
		}
	}
	add(Warn, "CoreDNS logs %q at start-up, no dnslint warning quotes it", line)
}

// warningPrefix is the level and plugin CoreDNS's log writes before a warning's text.
var warningPrefix = regexp.MustCompile(`^\[WARNING\] (plugin/[a-z0-9_]+: )?`)

// WarningLine is the first `[WARNING]` line of output that holds want ("" if none).
func WarningLine(output, want string) string {
	for _, l := range strings.Split(output, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "[WARNING] ") && strings.Contains(l, want) {
			return l
		}
	}
	return ""
}
