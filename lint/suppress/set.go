package suppress

import (
	"slices"
	"sync"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// Set holds the directives of every file of a run. Its methods are safe for concurrent use.
// The zero Set is empty and ready to use.
type Set struct {
	mu sync.Mutex
	// byLine maps a file and a line to the directives on that line.
	byLine map[string]map[int][]*Directive
	// covers maps a file and a line to the directives whose object holds the line, their
	// own line aside. Its size is bounded by the file's: a line is covered by at most one
	// directive per level of indentation above it.
	covers map[string]map[int][]*Directive
}

// NewSet returns an empty Set.
func NewSet() *Set { return &Set{} }

// Add records the directives of file (as Scan returned them).
func (s *Set) Add(file string, ds []*Directive) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byLine == nil {
		s.byLine = map[string]map[int][]*Directive{}
		s.covers = map[string]map[int][]*Directive{}
	}
	lines, covers := s.byLine[file], s.covers[file]
	if lines == nil {
		lines, covers = map[int][]*Directive{}, map[int][]*Directive{}
		s.byLine[file], s.covers[file] = lines, covers
	}
	for _, d := range ds {
		lines[d.Pos.Line] = append(lines[d.Pos.Line], d)
		first, through := d.object, d.through
		if first == 0 { // built by hand, not by Scan: its line, or the next
			first = d.Pos.Line
			if d.alone {
				first++
			}
			through = first
		}
		for l := max(first, d.Pos.Line+1); l <= through; l++ {
			covers[l] = append(covers[l], d)
		}
	}
}

// Suppressed reports whether a finding of rule at pos is silenced: a directive on the
// finding's line, or one whose object holds it — the directive's line, or the line below
// it when it stands alone, with the lines nested under that line (a YAML list item, a
// plugin block) — lists rule (exactly or as a path.Match glob). Every such directive is
// marked used. A finding about a whole file (Line 0) is never silenced.
func (s *Set) Suppressed(rule string, pos model.Pos) bool {
	if pos.Line < 1 {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	lines := s.byLine[pos.File]
	hit := false
	for _, d := range lines[pos.Line] {
		if d.silence(rule) {
			hit = true
		}
	}
	for _, d := range s.covers[pos.File][pos.Line] {
		if d.silence(rule) {
			hit = true
		}
	}
	return hit
}

// silence marks d used and returns true when one of its rules matches rule.
func (d *Directive) silence(rule string) bool {
	for _, r := range d.Rules {
		if finding.MatchRule(r, rule) {
			d.Used = true
			return true
		}
	}
	return false
}

// Unused returns the directives that silenced nothing, malformed ones included, sorted by
// position. Call it once every finding went through Suppressed.
func (s *Set) Unused() []*Directive {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ds []*Directive
	for _, lines := range s.byLine {
		for _, line := range lines {
			for _, d := range line {
				if !d.Used {
					ds = append(ds, d)
				}
			}
		}
	}
	slices.SortFunc(ds, func(a, b *Directive) int {
		switch {
		case a.Pos.Less(b.Pos):
			return -1
		case b.Pos.Less(a.Pos):
			return 1
		}
		return 0
	})
	return ds
}
