package suppress

import (
	"path"
	"slices"
	"sync"

	"github.com/dnslint/dnslint/lint/model"
)

// Set holds the directives of every file of a run. Its methods are safe for concurrent use.
// The zero Set is empty and ready to use.
type Set struct {
	mu sync.Mutex
	// byLine maps a file and a line to the directives on that line.
	byLine map[string]map[int][]*Directive
}

// NewSet returns an empty Set.
func NewSet() *Set { return &Set{} }

// Add records the directives of file (as Scan returned them).
func (s *Set) Add(file string, ds []*Directive) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byLine == nil {
		s.byLine = map[string]map[int][]*Directive{}
	}
	lines := s.byLine[file]
	if lines == nil {
		lines = map[int][]*Directive{}
		s.byLine[file] = lines
	}
	for _, d := range ds {
		lines[d.Pos.Line] = append(lines[d.Pos.Line], d)
	}
}

// Suppressed reports whether a finding of rule at pos is silenced: a directive on the
// finding's line, or alone on the line directly above it, lists rule (exactly or as a
// path.Match glob). Every such directive is marked used. A finding about a whole file
// (Line 0) is never silenced.
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
	for _, d := range lines[pos.Line-1] {
		if d.alone && d.silence(rule) {
			hit = true
		}
	}
	return hit
}

// silence marks d used and returns true when one of its rules matches rule.
func (d *Directive) silence(rule string) bool {
	for _, r := range d.Rules {
		if ok, _ := path.Match(r, rule); ok || r == rule {
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
