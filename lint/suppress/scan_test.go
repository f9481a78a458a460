package suppress

import (
	"fmt"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
)

const file = "deploy/coredns.yaml"

// pos is a one-line position.
func pos(line, col, endCol int) model.Pos {
	return model.Pos{File: file, Line: line, Col: col, EndLine: line, EndCol: endCol}
}

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []*Directive
	}{
		{name: "none", in: "forward . 1.1.1.1 # a comment\n"},
		{
			name: "Corefile trailing",
			in:   ".:53 {\n    forward . 8.8.8.8 # dnslint:ignore forward/public\n}\n",
			want: []*Directive{{Pos: pos(2, 23, 53), Rules: []string{"forward/public"}}},
		},
		{
			name: "Corefile line above",
			in:   "  # dnslint:ignore cache/ttl\n  cache 5\n",
			want: []*Directive{{Pos: pos(1, 3, 28), Rules: []string{"cache/ttl"}, alone: true}},
		},
		{
			name: "YAML with reason",
			in:   "spec:\n  dnsPolicy: Default # dnslint:ignore pod/dns-policy -- node resolver on purpose\n",
			want: []*Directive{{Pos: pos(2, 22, 80), Rules: []string{"pod/dns-policy"}, Reason: "node resolver on purpose"}},
		},
		{
			name: "several rules, loose blanks, CRLF",
			in:   "#dnslint:ignore\ta,b ,  c\td --  why  not  \r\n",
			want: []*Directive{{Pos: pos(1, 1, 39), Rules: []string{"a", "b", "c", "d"}, Reason: "why  not", alone: true}},
		},
		{
			name: "glob",
			in:   "# dnslint:ignore pod/*\n",
			want: []*Directive{{Pos: pos(1, 1, 22), Rules: []string{"pod/*"}, alone: true}},
		},
		{
			name: "malformed: no rule",
			in:   "x: 1 # dnslint:ignore\ny: 2 # dnslint:ignore -- just because\n",
			want: []*Directive{
				{Pos: pos(1, 6, 21)},
				{Pos: pos(2, 6, 37), Reason: "just because"},
			},
		},
		{
			name: "not a directive",
			in:   "# dnslint:ignored x\n# dnslint:ignore-next-line x\n# see dnslint:ignore x\na#dnslint:ignore x\n# note # dnslint:ignore x\n",
		},
		{
			name: "inside quotes",
			in:   "a: \"x # dnslint:ignore r\"\nb: 'it''s # dnslint:ignore r'\nc: \"esc \\\" # dnslint:ignore r\"\nd: \"open # dnslint:ignore r\n",
		},
		{
			name: "after quotes",
			in:   "a: 'it''s' # dnslint:ignore r\nb: [\"x\", 'y'] # dnslint:ignore s\nc: it's # dnslint:ignore t\n",
			want: []*Directive{
				{Pos: pos(1, 12, 29), Rules: []string{"r"}},
				{Pos: pos(2, 15, 32), Rules: []string{"s"}},
				{Pos: pos(3, 9, 26), Rules: []string{"t"}},
			},
		},
		{
			name: "columns count characters, BOM skipped",
			in:   "\ufeffname: é # dnslint:ignore r\n",
			want: []*Directive{{Pos: pos(1, 9, 26), Rules: []string{"r"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Scan(file, []byte(tt.in))
			if dump(got) != dump(tt.want) {
				t.Errorf("Scan() =\n%s\nwant\n%s", dump(got), dump(tt.want))
			}
		})
	}
}

// dump prints directives for comparison: nil and empty Rules read the same.
func dump(ds []*Directive) string {
	s := ""
	for _, d := range ds {
		p := d.Pos
		s += fmt.Sprintf("%s:%d:%d-%d:%d rules=%q reason=%q alone=%v used=%v\n",
			p.File, p.Line, p.Col, p.EndLine, p.EndCol, d.Rules, d.Reason, d.alone, d.Used)
	}
	return s
}
