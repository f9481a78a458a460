package fix

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// fuzzSeeds are the parsers' fuzz corpora and test files (YAML and Corefiles), and the
// fix fixtures.
func fuzzSeeds(t testing.TB) [][]byte {
	var out [][]byte
	for _, pattern := range []string{
		"../parse/kube/testdata/*.yaml", "../parse/corefile/testdata/*.corefile", "../../testdata/fix/*/bad.*",
		"../parse/kube/testdata/fuzz/*/*", "../parse/corefile/testdata/fuzz/*/*",
	} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if rest, ok := bytes.CutPrefix(b, []byte("go test fuzz v1\n")); ok {
				// A corpus entry: its []byte("...") values.
				for _, line := range strings.Split(string(rest), "\n") {
					if q, ok := strings.CutPrefix(line, "[]byte("); ok {
						if s, err := strconv.Unquote(strings.TrimSuffix(q, ")")); err == nil {
							out = append(out, []byte(s))
						}
					}
				}
				continue
			}
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		t.Fatal("no fuzz seeds")
	}
	return out
}

// FuzzApply applies random edits to the seeds: nothing panics; every byte outside the
// replaced ranges stays where it was; and a YAML scalar replaced with any value
// (quotes, colons, #, line breaks) leaves a document that still parses, with that value
// at that place and every other scalar unchanged.
func FuzzApply(f *testing.F) {
	for i, s := range fuzzSeeds(f) {
		f.Add(s, uint64(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		if len(data) > 1<<16 {
			return
		}
		rng := rand.New(rand.NewPCG(seed, 7))
		checkTextEdits(t, data, rng)
		checkScalarEdits(t, data, rng)
	})
}

var fuzzTexts = []string{"", "x", "force_tcp", " {\n    a\n}", "\n", "a: b", "'\"", "#", "é", "\t"}

// checkTextEdits applies random replace, delete and insert edits at ranges of data.
func checkTextEdits(t *testing.T, data []byte, rng *rand.Rand) {
	l := newLines(data)
	var fs []finding.Finding
	for range 1 + rng.IntN(6) {
		line := 1 + rng.IntN(len(l.starts))
		start, end, _ := l.bounds(line)
		n := utf8.RuneCount(data[start:end])
		if n == 0 {
			continue
		}
		c1 := 1 + rng.IntN(n)
		c2 := c1 + rng.IntN(n-c1+1)
		a, _ := l.offset(line, c1)
		b, _ := l.offset(line, c2)
		_, size := utf8.DecodeRune(data[b:])
		ops := []string{finding.OpReplace, finding.OpDelete, finding.OpInsertBefore, finding.OpInsertAfter}
		e := finding.Edit{Op: ops[rng.IntN(len(ops))], Pos: model.Pos{File: "f", Line: line, Col: c1, EndLine: line, EndCol: c2},
			Expect: string(data[a : b+size]), Text: fuzzTexts[rng.IntN(len(fuzzTexts))], Raw: rng.IntN(2) == 0}
		reps, err := Resolve("f", data, []finding.Edit{e})
		if err != nil {
			if collapse(e.Expect) == collapse(string(data[a:b+size])) && utf8.Valid(data[a:b+size]) {
				t.Fatalf("edit %+v of what the file holds was declined: %v", e, err)
			}
			continue
		}
		fs = append(fs, finding.Finding{Fix: &finding.Fix{Safety: finding.Safe, Replacements: reps}})
	}
	picked, _ := Pick(fs, Mode{})
	reps := picked["f"]
	out, err := Apply(data, reps)
	if err != nil {
		t.Fatalf("Apply of picked replacements: %v", err)
	}
	checkOutside(t, data, out, reps)
}

// checkOutside: out is data with each replacement's range replaced by its text, and
// nothing else changed.
func checkOutside(t *testing.T, data, out []byte, reps []finding.Replacement) {
	sorted := append([]finding.Replacement(nil), reps...)
	for i := range sorted {
		for j := i + 1; j < len(sorted); j++ {
			if sorted[j].Offset < sorted[i].Offset {
				sorted[i], sorted[j] = sorted[j], sorted[i]
			}
		}
	}
	at, o := 0, 0
	for _, r := range sorted {
		keep := data[at:r.Offset]
		if !bytes.Equal(out[o:o+len(keep)], keep) {
			t.Fatalf("bytes %d..%d outside the edits changed", at, r.Offset)
		}
		o += len(keep)
		if !bytes.Equal(out[o:o+len(r.Text)], []byte(r.Text)) {
			t.Fatalf("replacement at %d not written", r.Offset)
		}
		o += len(r.Text)
		at = r.Offset + r.Length
	}
	if !bytes.Equal(out[o:], data[at:]) {
		t.Fatalf("bytes after the last edit changed")
	}
}

var fuzzValues = []string{"5", "10", "ndots", "a: b", "x # y", "'", "\"", "line\nbreak", "", "true", "-", "é ü", "{a}", "*x", "&y", "@z"}

// checkScalarEdits replaces one-line plain or quoted scalars of a YAML document.
func checkScalarEdits(t *testing.T, data []byte, rng *rand.Rand) {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || bytes.ContainsRune(data, '\r') || !utf8.Valid(data) {
		return
	}
	before := scalars(&doc)
	if len(before) == 0 {
		return
	}
	i := rng.IntN(len(before))
	s := before[i]
	if s.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || strings.Contains(s.Value, "\n") || s.Tag == "!!merge" {
		return
	}
	raw := rawScalar(data, s)
	if raw == "" {
		return
	}
	value := fuzzValues[rng.IntN(len(fuzzValues))]
	n := utf8.RuneCountInString(raw)
	e := finding.Edit{Op: finding.OpScalar, Pos: model.Pos{File: "f", Line: s.Line, Col: s.Column, EndLine: s.Line, EndCol: s.Column + n - 1}, Expect: s.Value, Text: value}
	reps, err := Resolve("f", data, []finding.Edit{e})
	if err != nil {
		return // not a one-line scalar as written (an alias, a tag, a multi-line quote)
	}
	out, err := Apply(data, reps)
	if err != nil {
		t.Fatal(err)
	}
	if CheckYAML("f", data, out) != nil {
		return // refused as the CLI refuses it: the file is not written
	}
	var after yaml.Node
	if err := yaml.Unmarshal(out, &after); err != nil {
		t.Fatalf("replacing %q by %q broke the YAML: %v\n%s", raw, value, err, out)
	}
	got := scalars(&after)
	if len(got) != len(before) {
		t.Fatalf("replacing %q by %q changed the document's structure:\n%s", raw, value, out)
	}
	for j := range got {
		want := before[j].Value
		if j == i {
			want = value
		}
		if got[j].Value != want {
			t.Fatalf("scalar %d is %q, want %q (replaced %q by %q):\n%s", j, got[j].Value, want, raw, value, out)
		}
	}
}

func scalars(n *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			out = append(out, n)
		}
		if n.Kind == yaml.AliasNode {
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return out
}

// rawScalar is the text of a one-line plain or quoted scalar where the parser places it.
func rawScalar(data []byte, s *yaml.Node) string {
	l := newLines(data)
	start, end, ok := l.bounds(s.Line)
	if !ok {
		return ""
	}
	off, ok := l.offset(s.Line, s.Column)
	if !ok || off > end {
		return ""
	}
	line := string(data[off:end])
	switch {
	case s.Style&yaml.DoubleQuotedStyle != 0:
		if q, err := strconv.QuotedPrefix(line); err == nil {
			return q
		}
		return ""
	case s.Style&yaml.SingleQuotedStyle != 0:
		for i := 1; i < len(line); i++ {
			if line[i] == '\'' {
				if i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				return line[:i+1]
			}
		}
		return ""
	}
	if strings.HasPrefix(line, s.Value) {
		return s.Value
	}
	_ = start
	return ""
}
