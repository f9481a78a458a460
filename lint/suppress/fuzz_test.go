package suppress

import (
	"strings"
	"testing"
)

// FuzzScan checks that Scan never panics and that each directive points at a '#' that
// starts a dnslint:ignore comment on a line of the input.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"",
		"forward . 1.1.1.1 # dnslint:ignore a,b -- c\n",
		"# dnslint:ignore\r\n\ufeffx: 'it''s' # dnslint:ignore pod/*\n",
		"a: \"\\\" # dnslint:ignore x\" # dnslint:ignore y\n",
		"é\t#dnslint:ignore\t--\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n")
		for _, d := range Scan(file, data) {
			p := d.Pos
			if p.Line < 1 || p.Line > len(lines) || p.EndLine != p.Line || p.Col < 1 || p.EndCol < p.Col {
				t.Fatalf("directive has a bad position %+v", p)
			}
			line := []rune(lines[p.Line-1])
			if p.EndCol > len(line) || line[p.Col-1] != '#' || !strings.Contains(string(line[p.Col:]), marker) {
				t.Fatalf("directive at %+v is not a comment in %q", p, string(line))
			}
			for _, r := range d.Rules {
				if r == "" || strings.ContainsAny(r, ", \t") {
					t.Fatalf("bad rule %q", r)
				}
			}
		}
	})
}
