package suppress

import (
	"fmt"
	"sync"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
)

const corefile = "Corefile"

// at is a finding's position.
func at(f string, line int) model.Pos {
	return model.Pos{File: f, Line: line, Col: 5, EndLine: line, EndCol: 9}
}

func newSet(files map[string]string) *Set {
	s := NewSet()
	for f, text := range files {
		s.Add(f, Scan(f, []byte(text)))
	}
	return s
}

func TestSuppressed(t *testing.T) {
	files := map[string]string{
		corefile: `.:53 {
    # dnslint:ignore cache/ttl
    cache 5
    forward . 8.8.8.8 # dnslint:ignore forward/public, forward/single -- lab cluster
    log # dnslint:ignore log/*

    errors
}
`,
		file: `spec:
  dnsPolicy: Default # dnslint:ignore pod/dns-policy -- node resolver on purpose
  hostNetwork: true
`,
	}
	tests := []struct {
		name string
		rule string
		pos  model.Pos
		want bool
	}{
		{"line above", "cache/ttl", at(corefile, 3), true},
		{"line above, other rule", "cache/size", at(corefile, 3), false},
		{"own line of a comment-only directive", "cache/ttl", at(corefile, 2), true},
		{"two lines below", "cache/ttl", at(corefile, 4), false},
		{"trailing, first rule", "forward/public", at(corefile, 4), true},
		{"trailing, second rule", "forward/single", at(corefile, 4), true},
		{"trailing does not reach the next line", "forward/public", at(corefile, 5), false},
		{"glob", "log/format", at(corefile, 5), true},
		{"glob stops at a slash", "log/a/b", at(corefile, 5), false},
		{"not below a blank line", "log/format", at(corefile, 7), false},
		{"YAML trailing", "pod/dns-policy", at(file, 2), true},
		{"YAML trailing is not a line-above directive", "pod/dns-policy", at(file, 3), false},
		{"other file", "cache/ttl", at("other", 3), false},
		{"whole file", "cache/ttl", model.Pos{File: corefile}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSet(files)
			if got := s.Suppressed(tt.rule, tt.pos); got != tt.want {
				t.Errorf("Suppressed(%q, %v) = %v, want %v", tt.rule, tt.pos, got, tt.want)
			}
		})
	}
}

func TestUnused(t *testing.T) {
	s := newSet(map[string]string{
		"b.yaml": "x: 1 # dnslint:ignore pod/a\ny: 2 # dnslint:ignore\n",
		"a.conf": "# dnslint:ignore resolv/ndots\noptions ndots:5\n# dnslint:ignore resolv/x -- stale\n\nnameserver 1.1.1.1\n",
	})
	s.Suppressed("resolv/ndots", at("a.conf", 2))
	s.Suppressed("resolv/x", at("a.conf", 5))
	s.Suppressed("pod/b", at("b.yaml", 1))
	var got []string
	for _, d := range s.Unused() {
		got = append(got, fmt.Sprintf("%s rules=%v reason=%q", d.Pos, d.Rules, d.Reason))
	}
	want := []string{
		`a.conf:3:1 rules=[resolv/x] reason="stale"`,
		`b.yaml:1:6 rules=[pod/a] reason=""`,
		`b.yaml:2:6 rules=[] reason=""`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Unused() =\n%q\nwant\n%q", got, want)
	}
}

func TestZeroSet(t *testing.T) {
	var s Set
	if s.Suppressed("r", at(file, 1)) || len(s.Unused()) != 0 {
		t.Error("the zero Set silences something")
	}
}

// TestConcurrent is for -race: findings may be filtered in parallel.
func TestConcurrent(t *testing.T) {
	s := newSet(map[string]string{file: "a: 1 # dnslint:ignore r/*\n"})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			s.Suppressed(fmt.Sprintf("r/%d", i), at(file, 1))
			s.Add(fmt.Sprint("f", i), Scan(file, []byte("# dnslint:ignore x\n")))
		})
	}
	wg.Wait()
	if u := s.Unused(); len(u) != 16 {
		t.Errorf("Unused() has %d directives, want the 16 added concurrently", len(u))
	}
}

// TestObjectSuppression: a directive applies to the object that starts on its line or
// the line below: a YAML item with its nested keys, a key with its compact sequence, a
// Corefile plugin with its block; not to the next object at the same indentation.
func TestObjectSuppression(t *testing.T) {
	src := `options:
  # dnslint:ignore r
  - name: ndots

    value: "5"
  - name: timeout
    value: "9"
.:53 {
    # dnslint:ignore c
    cache 30 {
        success 5
    }
    forward . 1.1.1.1
}
sel: # dnslint:ignore k
- a
- b
other: 1
`
	s := NewSet()
	s.Add("f", Scan("f", []byte(src)))
	for _, tc := range []struct {
		rule string
		line int
		want bool
	}{
		{"r", 3, true}, {"r", 5, true}, {"r", 6, false}, {"r", 7, false},
		{"c", 10, true}, {"c", 11, true}, {"c", 12, false}, {"c", 13, false},
		{"k", 15, true}, {"k", 16, true}, {"k", 17, true}, {"k", 18, false},
	} {
		pos := model.Pos{File: "f", Line: tc.line, Col: 1, EndLine: tc.line, EndCol: 1}
		if got := s.Suppressed(tc.rule, pos); got != tc.want {
			t.Errorf("rule %s line %d: suppressed %v, want %v", tc.rule, tc.line, got, tc.want)
		}
	}
}
