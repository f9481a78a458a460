package fix

import (
	"bytes"
	"fmt"
	"slices"
	"sort"

	"github.com/dnslint/dnslint/lint/finding"
)

// MaxRounds bounds how often a run lints and fixes again: fixes that overlap a fix of
// the same round wait for the next one, and a fix that undoes another cannot loop.
const MaxRounds = 10

// Mode says which fixes a run applies.
type Mode struct {
	// Unsafe also applies the fixes marked unsafe (--unsafe-fixes).
	Unsafe bool
}

// Applies tells whether the mode applies f.
func (m Mode) Applies(f *finding.Fix) bool {
	if f == nil || f.Declined != "" || len(f.Replacements) == 0 {
		return false
	}
	return f.Safety == finding.Safe || f.Safety == finding.Unsafe && m.Unsafe
}

// Pick chooses, per file, the fixes of findings (resolved: Replacements set) that the
// mode applies and that overlap no fix chosen before them (the first wins; the others
// are found again by the next round's lint). A fix is taken whole or not at all. count
// is how many fixes were taken per file.
func Pick(findings []finding.Finding, m Mode) (out map[string][]finding.Replacement, count map[string]int) {
	out, count = map[string][]finding.Replacement{}, map[string]int{}
	for _, f := range findings {
		if !m.Applies(f.Fix) {
			continue
		}
		file := f.Fix.Replacements[0].File
		taken := out[file]
		ok := true
		for i, r := range f.Fix.Replacements {
			if r.File != file || overlapsAny(r, taken) || overlapsAny(r, f.Fix.Replacements[:i]) {
				ok = false
				break
			}
		}
		if ok {
			out[file] = append(taken, f.Fix.Replacements...)
			count[file]++
		}
	}
	return out, count
}

func overlapsAny(r finding.Replacement, others []finding.Replacement) bool {
	for _, o := range others {
		if overlap(r, o) {
			return true
		}
	}
	return false
}

// overlap: the ranges share a byte, or start at the same offset (two insertions there
// would have no order).
func overlap(a, b finding.Replacement) bool {
	return a.Offset == b.Offset || a.Offset < b.Offset+b.Length && b.Offset < a.Offset+a.Length
}

// Apply makes replacements in src; they must not overlap (Pick's). It returns a new
// slice: src is left as it is.
func Apply(src []byte, reps []finding.Replacement) ([]byte, error) {
	reps = slices.Clone(reps)
	sort.SliceStable(reps, func(i, j int) bool { return reps[i].Offset < reps[j].Offset })
	var b bytes.Buffer
	b.Grow(len(src))
	at := 0
	for i, r := range reps {
		if r.Offset < at || r.Offset+r.Length > len(src) || r.Length < 0 || i > 0 && overlap(r, reps[i-1]) {
			return nil, fmt.Errorf("%s: replacement at byte %d overlaps another or passes the end", r.File, r.Offset)
		}
		b.Write(src[at:r.Offset])
		b.WriteString(r.Text)
		at = r.Offset + r.Length
	}
	b.Write(src[at:])
	return b.Bytes(), nil
}
