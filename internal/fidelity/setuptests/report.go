package setuptests

import (
	"fmt"
	"sort"
	"strings"
)

// Tally counts one version's (or one plugin's) results.
type Tally struct {
	Cases, Compared, Agree, Refused, Caught, Missed, FalseErrors, Apart, Contradicted int
}

func (t *Tally) add(r *Result) {
	t.Cases++
	if r.Skip == "" && r.Verdict != "" && r.Verdict != Undecided &&
		((r.Label == LabelError) != (r.Verdict == Refused)) && r.Label != LabelUnknown {
		t.Contradicted++
	}
	switch r.Class {
	case Apart:
		t.Apart++
		return
	case Agree:
		t.Agree++
	case Miss:
		t.Missed++
	case FalseError:
		t.FalseErrors++
	}
	t.Compared++
	if r.Verdict == Refused {
		t.Refused++
		if r.Class == Agree {
			t.Caught++
		}
	}
}

// Agreement is the share of compared cases on which dnslint agrees with the binary.
func (t Tally) Agreement() float64 {
	if t.Compared == 0 {
		return 0
	}
	return float64(t.Agree) / float64(t.Compared)
}

// reasons lists EnvReasons as Markdown.
func reasons() string {
	names := make([]string, 0, len(EnvReasons))
	for n := range EnvReasons {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "- `%s`: %s", n, EnvReasons[n])
	}
	return b.String()
}

// VersionResults are the judged results of one version.
type VersionResults struct {
	Version string
	Results []*Result
}

// Report renders SETUP-RESULTS.md: agreement per version, a per-plugin table, the
// cases listed apart, the labels the binaries contradict and every false error.
func Report(all []VersionResults) string {
	var b strings.Builder
	b.WriteString("# Setup-test fidelity results\n\n")
	b.WriteString("Written by `make fidelity-setup` (internal/fidelity/setuptests). The cases are the Corefile\n")
	b.WriteString("snippets of CoreDNS's own `plugin/*/setup_test.go` of each pinned version, each wrapped in a\n")
	b.WriteString("server block; the verdicts are what the real binary of that version did with them, recorded\n")
	b.WriteString("in `setup/<version>.json` by `make fidelity-setup-record`. dnslint agrees when it reports an\n")
	b.WriteString("error exactly when the binary refused to start. A test's own label that the binary\n")
	b.WriteString("contradicts yields to the binary. Cases whose verdict depends on the machine are listed\n")
	b.WriteString("apart (at most 5% of a version's cases).\n\n")
	b.WriteString("| CoreDNS | cases | compared | agree | agreement | refused | caught | missed | false errors | listed apart | labels contradicted |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|\n")
	plugins := map[string]map[string]*Tally{}
	for _, vr := range all {
		var t Tally
		for _, r := range vr.Results {
			t.add(r)
			if plugins[r.Plugin] == nil {
				plugins[r.Plugin] = map[string]*Tally{}
			}
			if plugins[r.Plugin][vr.Version] == nil {
				plugins[r.Plugin][vr.Version] = &Tally{}
			}
			plugins[r.Plugin][vr.Version].add(r)
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %.1f%% | %d | %d | %d | %d | %d | %d |\n", vr.Version, t.Cases, t.Compared,
			t.Agree, 100*t.Agreement(), t.Refused, t.Caught, t.Missed, t.FalseErrors, t.Apart, t.Contradicted)
	}
	b.WriteString("\n## Per plugin\n\nPer version: cases the binary refused that dnslint reports / cases it refused, and\n")
	b.WriteString("false errors (the binary starts, dnslint reports an error).\n\n| plugin |")
	for _, vr := range all {
		fmt.Fprintf(&b, " %s caught | %s false |", vr.Version, vr.Version)
	}
	b.WriteString("\n|---|" + strings.Repeat("---|---|", len(all)) + "\n")
	names := make([]string, 0, len(plugins))
	for p := range plugins {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		fmt.Fprintf(&b, "| %s |", p)
		for _, vr := range all {
			t := plugins[p][vr.Version]
			if t == nil {
				b.WriteString(" | |")
				continue
			}
			fmt.Fprintf(&b, " %d/%d | %d |", t.Caught, t.Refused, t.FalseErrors)
		}
		b.WriteString("\n")
	}
	section := func(title, intro string, keep func(*Result) bool, line func(*Result) string) {
		first := true
		for _, vr := range all {
			for _, r := range vr.Results {
				if !keep(r) {
					continue
				}
				if first {
					fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", title, intro)
					first = false
				}
				fmt.Fprintf(&b, "- %s %s (%s): %s\n", vr.Version, r.ID, r.Pos, line(r))
			}
		}
	}
	section("False errors", "The binary starts; dnslint reports an error. The check fails on each.",
		func(r *Result) bool { return r.Class == FalseError },
		func(r *Result) string {
			if r.LintFailed != "" {
				return "dnslint fails: " + r.LintFailed
			}
			return strings.Join(r.Errors, "; ")
		})
	section("Silent failures", "The binary starts; dnslint reports an error from a rule that testdata/fidelity proves\n(a `start rule=` label) to report a silent failure on this version: CoreDNS runs, but not\nas written. Counted as agreement.",
		func(r *Result) bool { return r.Silent },
		func(r *Result) string { return strings.Join(r.Errors, "; ") })
	section("Listed apart", "Not compared: the verdict depends on the machine (one reason of a fixed set, below), the\nbinary neither started nor refused in time, or the extractor could not evaluate the snippet.\n\n"+reasons(),
		func(r *Result) bool { return r.Class == Apart },
		func(r *Result) string {
			line := r.ApartWhy
			if r.Error != "" && r.Env != "" {
				line += ": `" + r.Error + "`"
			}
			if len(r.Errors) > 0 {
				line += "; dnslint: " + strings.Join(r.Errors, "; ")
			}
			return line
		})
	section("Labels the binary contradicts", "The test expects one verdict of the plugin's setup function; the binary, starting the\nwhole server, does the other. The binary's verdict is the truth here.",
		func(r *Result) bool {
			return r.Skip == "" && (r.Verdict == Started || r.Verdict == Refused) && r.Label != LabelUnknown &&
				(r.Label == LabelError) != (r.Verdict == Refused)
		},
		func(r *Result) string {
			if r.Verdict == Refused {
				return "test expects success; the binary refuses: `" + r.Error + "`"
			}
			return "test expects an error; the binary starts"
		})
	return b.String()
}
