package setuptests

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// Class is how dnslint's verdict on a case compares with the binary's.
type Class string

// The classes.
const (
	Agree      Class = "agree"       // an error exactly when the binary refused
	Miss       Class = "miss"        // the binary refused, dnslint reported no error
	FalseError Class = "false-error" // the binary started, dnslint reported an error
	Apart      Class = "apart"       // not compared: environment, undecided, or not extracted
)

// Result is one case of a version with dnslint's verdict.
type Result struct {
	*Recorded
	// Errors are dnslint's error findings ("<rule>: <message>"), Rules their rule ids.
	Errors, Rules []string
	// Silent: the binary starts and dnslint's errors all come from rules that report a
	// silent failure (CoreDNS starts but does not do what is written), proven for this
	// version by a `start rule=` label of testdata/fidelity.
	Silent bool
	// LintFailed is dnslint's failure to lint the case at all.
	LintFailed string
	Class      Class
	// ApartWhy says why an Apart case is not compared.
	ApartWhy string
}

// classify sets r.Class from the binary's verdict and dnslint's errors; silent are the
// rules whose error on a started case reports a proven silent failure.
func (r *Result) classify(silent map[string]bool) {
	switch {
	case r.Skip != "":
		r.Class, r.ApartWhy = Apart, "not extracted: "+r.Skip
	case r.Verdict == Undecided || r.Verdict == "":
		r.Class, r.ApartWhy = Apart, "no verdict: "+r.Error
	case r.Env != "":
		r.Class, r.ApartWhy = Apart, r.Env
	case r.LintFailed != "":
		// dnslint could not lint it: an error exit for the user, no silent pass.
		if r.Verdict == Refused {
			r.Class = Agree
		} else {
			r.Class = FalseError
		}
	case (len(r.Errors) > 0) == (r.Verdict == Refused):
		r.Class = Agree
	case r.Verdict == Started && allIn(r.Rules, silent):
		r.Class, r.Silent = Agree, true
	case r.Verdict == Refused:
		r.Class = Miss
	default:
		r.Class = FalseError
	}
}

func allIn(ids []string, set map[string]bool) bool {
	for _, id := range ids {
		if !set[id] {
			return false
		}
	}
	return len(ids) > 0
}

// MaxApart is the share of a version's cases that may be listed apart because their
// verdict depends on the environment or the binary gave none in time. (Snippets the
// extractor cannot evaluate are listed apart too, and bounded by TestExtractCoreDNS.)
const MaxApart = 0.05

// Judge classifies a version's results and returns what fails the check: every false
// error (an error on a case the binary starts, unless all its rules are silent: rules
// proven to report a silent failure on this version); a miss whose content hash is not in known (the known misses of the version);
// a known miss that now agrees ("remove it from the list"); more than MaxApart of the
// cases depending on the environment or without verdict.
func Judge(version string, results []*Result, known, silent map[string]bool) []string {
	var fails []string
	missed := map[string]bool{}
	agreed := map[string]bool{}
	apart := 0
	for _, r := range results {
		r.classify(silent)
		switch r.Class {
		case FalseError:
			why := strings.Join(r.Errors, "; ")
			if r.LintFailed != "" {
				why = "dnslint fails: " + r.LintFailed
			}
			fails = append(fails, fmt.Sprintf("CoreDNS %s %s (%s): FALSE ERROR: the binary starts, dnslint reports %s", version, r.ID, r.Pos, why))
		case Miss:
			missed[r.Hash] = true
			if !known[r.Hash] {
				fails = append(fails, fmt.Sprintf("CoreDNS %s %s (%s): MISSED: the binary refuses (%s), dnslint reports no error; not in %s", version, r.ID, r.Pos, r.Error, KnownMissesName(version)))
			}
		case Agree:
			if r.Verdict == Refused {
				agreed[r.Hash] = true
			}
		case Apart:
			if r.Skip == "" {
				apart++
			}
			// A file that is not in the run may exist where CoreDNS runs: dnslint cannot
			// know, so it must not say error (info at most).
			if r.Env == "missing-file" && len(r.Errors) > 0 {
				fails = append(fails, fmt.Sprintf("CoreDNS %s %s (%s): ERROR ON THE ENVIRONMENT: the binary refuses for a file that is not in the run (%s); dnslint reports %s: a check that needs the environment is never an error", version, r.ID, r.Pos, r.Error, strings.Join(r.Errors, "; ")))
			}
		}
	}
	// The list only shrinks: every listed content must still be a miss.
	reported := map[string]bool{}
	for _, r := range results {
		if !known[r.Hash] || missed[r.Hash] || reported[r.Hash] {
			continue
		}
		reported[r.Hash] = true
		why := "is no miss any more"
		if agreed[r.Hash] {
			why = "dnslint now reports the error"
		}
		fails = append(fails, fmt.Sprintf("CoreDNS %s %s: %s: remove %s from %s", version, r.ID, why, r.Hash, KnownMissesName(version)))
	}
	var gone []string
	for h := range known {
		if !reported[h] && !missed[h] {
			if _, ok := present(results, h); !ok {
				gone = append(gone, h)
			}
		}
	}
	sort.Strings(gone)
	for _, h := range gone {
		fails = append(fails, fmt.Sprintf("CoreDNS %s: %s is no case any more: remove it from %s", version, h, KnownMissesName(version)))
	}
	if len(results) > 0 && float64(apart) > MaxApart*float64(len(results)) {
		fails = append(fails, fmt.Sprintf("CoreDNS %s: %d of %d cases depend on the environment or have no verdict: more than %.0f%%", version, apart, len(results), 100*MaxApart))
	}
	return fails
}

func present(results []*Result, hash string) (*Result, bool) {
	for _, r := range results {
		if r.Hash == hash {
			return r, true
		}
	}
	return nil, false
}

// KnownMissesName is the file of a version's accepted misses under testdata/fidelity/setup.
func KnownMissesName(version string) string { return "known-misses-" + version + ".txt" }

// ReadKnownMisses reads a known-misses file: one case a line, "<hash> <id> -- <the
// binary's error>", # comments. A missing file lists nothing.
func ReadKnownMisses(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for i, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 || len(f[0]) != 16 {
			return nil, fmt.Errorf("%s:%d: want `<hash> <case id> -- <CoreDNS's error>`", path, i+1)
		}
		if out[f[0]] {
			return nil, fmt.Errorf("%s:%d: %s listed twice", path, i+1, f[0])
		}
		out[f[0]] = true
	}
	return out, nil
}

// KnownMisses renders the current misses of a version as a known-misses file.
func KnownMisses(version string, results []*Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# CoreDNS %s: setup-test cases the binary refuses and dnslint does not report yet\n", version)
	b.WriteString("# (make fidelity-setup). The list only shrinks: a case that dnslint now catches must be\n")
	b.WriteString("# removed, a new miss fails the check. <content hash> <case id> -- <the binary's error>\n")
	seen := map[string]bool{}
	for _, r := range results {
		if r.Class != Miss || seen[r.Hash] {
			continue
		}
		seen[r.Hash] = true
		fmt.Fprintf(&b, "%s %s -- %s\n", r.Hash, r.ID, r.Error)
	}
	return b.String()
}
