package kube

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/dnslint/dnslint/lint/source"
)

// FuzzParse checks that Parse never panics, and that every position it returns, and the
// line of every syntax error, is inside the file.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob("testdata/*.*")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, v := range variants {
			f.Add(v.make(data))
		}
	}
	for _, s := range []string{
		"a: &a [*a]\n", "&c {kind: List, items: [*c]}\n", "kind: Pod\nspec: {dnsPolicy: [x]}\n",
		"kind: ConfigMap\ndata:\n  Corefile: |2-\n     .:53 {\n\n  x\n",
		"kind: ConfigMap\ndata:\n  ladder: !!str &x |+\n    {\"a\":\n\n",
		"\xfe\xff\x00k\x00i\x00n\x00d",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse("f.yaml", data)
		n := splitLines(utf8Input(data)).count()
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || res != nil {
				t.Fatalf("Parse = %v, %v; want only a *SyntaxError", res, err)
			}
			if se.Line < 1 || se.Line > n || se.Col < 1 {
				t.Fatalf("syntax error at %d:%d outside a file of %d lines", se.Line, se.Col, n)
			}
			return
		}
		if err := checkPositions(res, "f.yaml", n); err != nil {
			t.Fatal(err)
		}
	})
}

// TestCorpus parses real-world configurations: none may panic, every position must be
// inside its file, and literal blocks must shift line by line. Files that are not YAML
// (Corefiles, templates) may fail to parse.
func TestCorpus(t *testing.T) {
	const dir = "/work/shared/corpus/real"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no corpus: %v", err)
	}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		res, err := Parse(path, data)
		if err != nil {
			if _, ok := errors.AsType[*SyntaxError](err); !ok {
				t.Errorf("%s: %T is not a *SyntaxError", path, err)
			}
			return nil
		}
		if err := checkPositions(res, path, splitLines(data).count()); err != nil {
			t.Error(err)
		}
		for _, text := range texts(res) {
			if shift, ok := text.Lines.(source.Shift); ok {
				checkShift(t, path+" "+text.Name, text, shift, fileLines(data))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
