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
	// Errors are dnslint's error findings ("<rule>: <message>").
	Errors []string
	// LintFailed is dnslint's failure to lint the case at all.
	LintFailed string
	Class      Class
	// ApartWhy says why an Apart case is not compared.
	ApartWhy string
}

// Classify sets r.Class from the binary's verdict and dnslint's errors.
func (r *Result) classify() {
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
	case r.Verdict == Refused:
		r.Class = Miss
	default:
		r.Class = FalseError
	}
}

// MaxApart is the share of a version's cases that may be listed apart (environment,
// undecided, not extracted).
const MaxApart = 0.05

// Judge classifies a version's results and returns what fails the check: every false
// error; a miss whose content hash is not in known (the known misses of the version);
// a known miss that now agrees ("remove it from the list"); more than MaxApart of the
// cases listed apart.
func Judge(version string, results []*Result, known map[string]bool) []string {
	var fails []string
	missed := map[string]bool{}
	agreed := map[string]bool{}
	apart := 0
	for _, r := range results {
		r.classify()
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
			apart++
		}
	}
	for _, r := range results {
		if known[r.Hash] && agreed[r.Hash] && !missed[r.Hash] {
			fails = append(fails, fmt.Sprintf("CoreDNS %s %s: dnslint now reports the error: remove %s from %s", version, r.ID, r.Hash, KnownMissesName(version)))
			agreed[r.Hash] = false
		}
	}
	present := map[string]bool{}
	for _, r := range results {
		present[r.Hash] = true
	}
	var gone []string
	for h := range known {
		if !present[h] {
			gone = append(gone, h)
		}
	}
	sort.Strings(gone)
	for _, h := range gone {
		fails = append(fails, fmt.Sprintf("CoreDNS %s: %s is no case any more: remove it from %s", version, h, KnownMissesName(version)))
	}
	if len(results) > 0 && float64(apart) > MaxApart*float64(len(results)) {
		fails = append(fails, fmt.Sprintf("CoreDNS %s: %d of %d cases listed apart (environment, undecided, not extracted): more than %.0f%%", version, apart, len(results), 100*MaxApart))
	}
	return fails
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
