package fix

import (
	"fmt"
	"strings"
)

// context is how many unchanged lines a hunk shows around a change.
const context = 3

// Diff is the unified diff from a to b, both the content of file ("" when equal).
func Diff(file string, a, b []byte) string {
	if string(a) == string(b) {
		return ""
	}
	x, y := splitLines(string(a)), splitLines(string(b))
	ops := editScript(x, y)
	var out strings.Builder
	name := strings.TrimPrefix(file, "/")
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	// Group the script into hunks: changes closer than 2*context lines share one.
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-context)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
			} else if j-end > 2*context {
				break
			}
		}
		stop := min(len(ops), end+context+1)
		ax, ay := ops[start].ax, ops[start].ay
		na, nb := 0, 0
		var body strings.Builder
		for _, o := range ops[start:stop] {
			body.WriteByte(o.kind)
			body.WriteString(o.text)
			if !strings.HasSuffix(o.text, "\n") {
				body.WriteString("\n\\ No newline at end of file\n")
			}
			if o.kind != '+' {
				na++
			}
			if o.kind != '-' {
				nb++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(ax, na), hunkRange(ay, nb))
		out.WriteString(body.String())
		i = stop
	}
	return out.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.SplitAfter(s, "\n")
	if parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// op is one line of an edit script: ' ' kept, '-' removed, '+' added; ax and ay are the
// 0-based lines of a and b before it.
type op struct {
	kind   byte
	text   string
	ax, ay int
}

// editScript is a shortest edit script from x to y (Myers' O(ND) algorithm: fixes change
// few lines, so D is small).
func editScript(x, y []string) []op {
	n, m := len(x), len(y)
	maxD := n + m
	v := make([]int, 2*maxD+2)
	var trace [][]int
	off := maxD + 1
	for d := 0; d <= maxD; d++ {
		if d > maxScript {
			return wholeScript(x, y)
		}
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				i = v[off+k+1]
			} else {
				i = v[off+k-1] + 1
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i, j = i+1, j+1
			}
			v[off+k] = i
			if i >= n && j >= m {
				return backtrack(trace, x, y, d, off)
			}
		}
	}
	return nil
}

// maxScript bounds the edit script's length that editScript searches (its trace grows
// with the script's length times the files'); past it the diff replaces every line.
const maxScript = 1000

// wholeScript removes every line of x and adds every line of y.
func wholeScript(x, y []string) []op {
	out := make([]op, 0, len(x)+len(y))
	for i, t := range x {
		out = append(out, op{'-', t, i, 0})
	}
	for j, t := range y {
		out = append(out, op{'+', t, len(x), j})
	}
	return out
}

// backtrack walks the trace (v before each round d) back from the end.
func backtrack(trace [][]int, x, y []string, d, off int) []op {
	var rev []op
	i, j := len(x), len(y)
	for ; d > 0; d-- {
		v := trace[d]
		k := i - j
		var pk int
		if k == -d || k != d && v[off+k-1] < v[off+k+1] {
			pk = k + 1
		} else {
			pk = k - 1
		}
		pi := v[off+pk]
		pj := pi - pk
		for i > pi && j > pj {
			i, j = i-1, j-1
			rev = append(rev, op{' ', x[i], i, j})
		}
		if i == pi {
			j--
			rev = append(rev, op{'+', y[j], i, j})
		} else {
			i--
			rev = append(rev, op{'-', x[i], i, j})
		}
	}
	for i > 0 && j > 0 {
		i, j = i-1, j-1
		rev = append(rev, op{' ', x[i], i, j})
	}
	out := make([]op, len(rev))
	for k, o := range rev {
		out[len(rev)-1-k] = o
	}
	return out
}
