package fix

import (
	"runtime"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// resolveApply resolves and applies edits to src, failing the test on an error.
func resolveApply(t *testing.T, src string, edits ...finding.Edit) string {
	t.Helper()
	reps, err := Resolve("f", []byte(src), edits)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Apply([]byte(src), reps)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func at(line, col, endCol int) model.Pos {
	return model.Pos{File: "f", Line: line, Col: col, EndLine: line, EndCol: endCol}
}

func TestResolveEdits(t *testing.T) {
	for _, c := range []struct {
		name, src string
		edit      finding.Edit
		want      string
	}{
		{"insert keeps the line's indentation", "  a {\n    forward . x\n  }\n",
			finding.Edit{Op: finding.OpInsertAfter, Pos: at(2, 15, 15), Expect: "x", Text: " {\n    force_tcp\n}"},
			"  a {\n    forward . x {\n        force_tcp\n    }\n  }\n"},
		{"CRLF line ends are kept", "a {\r\n  forward . x\r\n}\r\n",
			finding.Edit{Op: finding.OpInsertAfter, Pos: at(2, 13, 13), Expect: "x", Text: " {\n    force_tcp\n}"},
			"a {\r\n  forward . x {\r\n      force_tcp\r\n  }\r\n}\r\n"},
		{"a deleted line goes whole", "a\n  force_tcp\nb\n",
			finding.Edit{Op: finding.OpDelete, Pos: at(2, 3, 11), Expect: "force_tcp"}, "a\nb\n"},
		{"a deleted CRLF line goes whole", "a\r\n  force_tcp\r\nb\r\n",
			finding.Edit{Op: finding.OpDelete, Pos: at(2, 3, 11), Expect: "force_tcp"}, "a\r\nb\r\n"},
		{"a comment stays", "a\n  x   # why\nb\n",
			finding.Edit{Op: finding.OpDelete, Pos: at(2, 3, 3), Expect: "x"}, "a\n  # why\nb\n"},
		{"a trailing comment goes with its blanks", "  cache 60   # old\n",
			finding.Edit{Op: finding.OpDelete, Pos: at(1, 14, 18), Expect: "# old"}, "  cache 60\n"},
		{"a quoted scalar stays quoted", "k: 'it''s'\n",
			finding.Edit{Op: finding.OpScalar, Pos: at(1, 4, 10), Expect: "it's", Text: "a'b"}, "k: 'a''b'\n"},
		{"a plain scalar that would change type is quoted", "k: abc\n",
			finding.Edit{Op: finding.OpScalar, Pos: at(1, 4, 6), Expect: "abc", Text: "10"}, "k: \"10\"\n"},
		{"characters, not bytes", "é forward x\n",
			finding.Edit{Op: finding.OpReplace, Pos: at(1, 11, 11), Expect: "x", Text: "y"}, "é forward y\n"},
	} {
		if got := resolveApply(t, c.src, c.edit); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestResolveRefuses(t *testing.T) {
	for _, c := range []struct {
		name, src string
		edit      finding.Edit
	}{
		{"other text", "forward . x\n", finding.Edit{Op: finding.OpDelete, Pos: at(1, 11, 11), Expect: "y"}},
		{"past the line", "x\n", finding.Edit{Op: finding.OpDelete, Pos: at(1, 1, 5), Expect: "x"}},
		{"past the file", "x\n", finding.Edit{Op: finding.OpDelete, Pos: at(9, 1, 1), Expect: "x"}},
		{"another file", "x\n", finding.Edit{Op: finding.OpDelete, Pos: model.Pos{File: "g", Line: 1, Col: 1}, Expect: "x"}},
		{"a block scalar", "k: |\n  x\n", finding.Edit{Op: finding.OpScalar, Pos: at(1, 4, 4), Expect: "x\n", Text: "y"}},
		{"an item not alone on its line", "- x y\n", finding.Edit{Op: finding.OpDeleteItem, Pos: at(1, 3, 3), Expect: "x"}},
	} {
		if _, err := Resolve("f", []byte(c.src), []finding.Edit{c.edit}); err == nil {
			t.Errorf("%s: resolved", c.name)
		}
	}
}

// TestPickFirstWins: of two fixes at the same place the first is taken, the second waits.
func TestPickFirstWins(t *testing.T) {
	rep := func(off int, text string) *finding.Fix {
		return &finding.Fix{Safety: finding.Safe, Replacements: []finding.Replacement{{File: "f", Offset: off, Length: 1, Text: text}}}
	}
	unsafe := rep(4, "u")
	unsafe.Safety = finding.Unsafe
	fs := []finding.Finding{{Fix: rep(0, "a")}, {Fix: rep(0, "b")}, {Fix: rep(2, "c")}, {Fix: unsafe}, {Fix: &finding.Fix{Declined: "no"}}}
	picked, count := Pick(fs, Mode{})
	if len(picked["f"]) != 2 || picked["f"][0].Text != "a" || picked["f"][1].Text != "c" || count["f"] != 2 {
		t.Fatalf("picked %+v (%v)", picked, count)
	}
	if picked, _ := Pick(fs, Mode{Unsafe: true}); len(picked["f"]) != 3 {
		t.Fatalf("with unsafe: %+v", picked)
	}
}

// TestResolveFindingsIndexesEachFileOnce: resolving the fixes of many findings of one
// file costs memory in proportion to the file, not to the file times the findings (each
// resolution indexing the whole file again took gigabytes on a file of 20,000 duplicates).
func TestResolveFindingsIndexesEachFileOnce(t *testing.T) {
	const n = 5000
	var src strings.Builder
	var fs []finding.Finding
	for i := range n {
		src.WriteString("    cache 30\n")
		p := model.Pos{File: "f", Line: i + 1, Col: 5, EndLine: i + 1, EndCol: 12}
		fs = append(fs, finding.Finding{Pos: p, Fix: &finding.Fix{Safety: finding.Safe, Edits: []finding.Edit{{Op: finding.OpDelete, Pos: p, Expect: "cache 30"}}}})
	}
	editable := map[string][]byte{"f": []byte(src.String())}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ResolveFindings(fs, editable)
	runtime.ReadMemStats(&after)
	for _, f := range fs {
		if len(f.Fix.Replacements) != 1 {
			t.Fatalf("not resolved: %+v", f.Fix)
		}
	}
	// The index of the file is n offsets; every finding adds a few small objects.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("resolving %d fixes of one file allocated %d MiB", n, alloc>>20)
	}
}

// TestCheckYAML: a fix that leaves YAML the parser refuses is refused (found by
// FuzzApply: a tab-only line after a scalar turned double-quoted).
func TestCheckYAML(t *testing.T) {
	if err := CheckYAML("f", []byte("0\n\t"), []byte("\"true\"\n\t")); err == nil {
		t.Error("accepted YAML that does not parse")
	}
	if err := CheckYAML("f", []byte("a: 1\n"), []byte("a: 2\n")); err != nil {
		t.Error(err)
	}
	if err := CheckYAML("f", []byte("a: [\n"), []byte("a: [2\n")); err != nil {
		t.Errorf("a file that did not parse before: %v", err)
	}
}
