package fidelity

import (
	"fmt"
	"sort"
	"strings"
)

// Report renders the verdicts as Markdown: a cases × versions table and every
// disagreement with CoreDNS's and dnslint's output.
func Report(cases []*Case, versions []string, verdicts []*Verdict) string {
	byCase := map[string]map[string]*Verdict{}
	kinds := map[Kind]int{}
	agree := 0
	for _, v := range verdicts {
		if byCase[v.Case.Name] == nil {
			byCase[v.Case.Name] = map[string]*Verdict{}
		}
		byCase[v.Case.Name][v.Version] = v
		if len(v.Problems) == 0 {
			agree++
		}
		for _, p := range v.Problems {
			kinds[p.Kind]++
		}
	}
	var b strings.Builder
	b.WriteString("# Fidelity results\n\n")
	b.WriteString("Written by `make fidelity` (internal/fidelity): every case of testdata/fidelity/ started with\n")
	b.WriteString("each CoreDNS build and linted by dnslint with `--coredns-version` set to that build.\n")
	b.WriteString("A cell is what CoreDNS did (`start`/`crash`) and `ok` when dnslint agrees: an error finding\n")
	b.WriteString("exactly when CoreDNS exits, from the labelled rule, whose METADATA or message quotes the\n")
	b.WriteString("text CoreDNS printed. Otherwise the cell names the disagreements:\n\n")
	b.WriteString("| kind | meaning |\n|---|---|\n")
	b.WriteString("| MISSED | CoreDNS exits, dnslint reports no error |\n")
	b.WriteString("| FALSE | CoreDNS starts, dnslint reports an error |\n")
	b.WriteString("| RULE | both see the failure, but not through the rule the label names (or a start label's rule did not report the silent failure) |\n")
	b.WriteString("| QUOTE | the reporting rule quotes no text that CoreDNS printed |\n")
	b.WriteString("| LABEL | CoreDNS did not do what the case's label says |\n")
	b.WriteString("| LINT | dnslint itself fails on the case (the CLI exits 2) |\n")
	b.WriteString("| WARN | CoreDNS logs the label's start-up `[WARNING]`, no dnslint warning quotes it |\n")
	b.WriteString("| BROKEN | CoreDNS neither started nor exited in time |\n\n")
	var ks []string
	for k, n := range kinds {
		ks = append(ks, fmt.Sprintf("%s %d", k, n))
	}
	sort.Strings(ks)
	fmt.Fprintf(&b, "%d cases × %d versions (%s): %d runs agree, %d disagree", len(cases), len(versions), strings.Join(versions, ", "), agree, len(verdicts)-agree)
	if len(ks) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(ks, ", "))
	}
	b.WriteString(".\n\n| case | " + strings.Join(versions, " | ") + " |\n|---|" + strings.Repeat("---|", len(versions)) + "\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "| %s |", c.Name)
		for _, ver := range versions {
			v := byCase[c.Name][ver]
			if v == nil {
				b.WriteString(" |")
				continue
			}
			out := string(v.CoreDNS.Outcome)
			if out == "" {
				out = "?"
			}
			if len(v.Problems) == 0 {
				fmt.Fprintf(&b, " %s ok |", out)
				continue
			}
			var names []string
			for _, p := range v.Problems {
				names = append(names, "**"+string(p.Kind)+"**")
			}
			fmt.Fprintf(&b, " %s %s |", out, strings.Join(names, " "))
		}
		b.WriteString("\n")
	}
	// What each agreeing crash was matched with: the evidence that the rule's text is
	// CoreDNS's own (one line per case, rule and quote; versions where it matched).
	type quote struct{ c, q string }
	var quotes []quote
	quotedOn := map[quote][]string{}
	for _, v := range verdicts {
		if v.Quoted == "" {
			continue
		}
		k := quote{v.Case.Name, v.Quoted}
		if quotedOn[k] == nil {
			quotes = append(quotes, k)
		}
		quotedOn[k] = append(quotedOn[k], v.Version)
	}
	if len(quotes) > 0 {
		b.WriteString("\n## Quotes\n\nThe rule text that matched CoreDNS's error (or start-up warning), per case (CoreDNS versions in brackets).\n\n")
		for _, k := range quotes {
			fmt.Fprintf(&b, "- %s [%s] %s\n", k.c, strings.Join(quotedOn[k], ", "), k.q)
		}
	}
	first := true
	for _, v := range verdicts {
		if len(v.Problems) == 0 {
			continue
		}
		if first {
			b.WriteString("\n## Disagreements\n")
			first = false
		}
		fmt.Fprintf(&b, "\n### %s on CoreDNS %s\n\n", v.Case.Name, v.Version)
		fmt.Fprintf(&b, "- case: %s\n", v.Case.Title)
		fmt.Fprintf(&b, "- label: %s", v.Expect.Outcome)
		if len(v.Expect.Rules) > 0 {
			fmt.Fprintf(&b, " rule=%s", strings.Join(v.Expect.Rules, ","))
		}
		if v.Expect.Message != "" {
			fmt.Fprintf(&b, " message=%q", v.Expect.Message)
		}
		b.WriteString("\n")
		switch v.CoreDNS.Outcome {
		case Crash:
			fmt.Fprintf(&b, "- CoreDNS: exits %d: `%s`\n", v.CoreDNS.ExitCode, v.CoreDNS.Error)
		case Start:
			b.WriteString("- CoreDNS: starts\n")
		default:
			fmt.Fprintf(&b, "- CoreDNS: %s\n", v.CoreDNS.Note)
		}
		if v.LintError != "" {
			fmt.Fprintf(&b, "- dnslint fails:\n\n  ```\n  %s\n  ```\n", strings.ReplaceAll(v.LintError, "\n", "\n  "))
		} else if len(v.Errors) == 0 {
			b.WriteString("- dnslint: no error")
			if len(v.Others) > 0 {
				b.WriteString("; also:")
			}
			b.WriteString("\n")
		} else {
			b.WriteString("- dnslint:\n")
		}
		for _, f := range append(v.Errors[:len(v.Errors):len(v.Errors)], v.Others...) {
			fmt.Fprintf(&b, "  - %d:%d %s %s: %s\n", f.Pos.Line, f.Pos.Col, f.Severity, f.RuleID, f.Message)
		}
		for _, p := range v.Problems {
			fmt.Fprintf(&b, "- **%s**: %s\n", p.Kind, p.Detail)
		}
	}
	return b.String()
}
