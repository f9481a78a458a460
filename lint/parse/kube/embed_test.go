package kube

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/source"
)

// variants are the ways a file may be saved; none may change how texts map to it.
var variants = []struct {
	name string
	make func([]byte) []byte
}{
	{"lf", func(b []byte) []byte { return b }},
	{"crlf", func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }},
	{"bom", func(b []byte) []byte { return append([]byte("\ufeff"), b...) }},
	{"bom+crlf", func(b []byte) []byte {
		return append([]byte("\ufeff"), bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))...)
	}},
}

// TestShiftProperty checks, for every literal block text of every fixture, that each line
// i of the body is the file line Place(i) with the indentation removed.
func TestShiftProperty(t *testing.T) {
	files, err := filepath.Glob("testdata/*.*")
	if err != nil {
		t.Fatal(err)
	}
	shifts := 0
	for _, file := range files {
		orig, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var maps []source.LineMap
		for _, v := range variants {
			data := v.make(orig)
			res, err := Parse(file, data)
			if err != nil {
				t.Fatalf("%s (%s): %v", file, v.name, err)
			}
			var got []source.LineMap
			for _, text := range texts(res) {
				got = append(got, text.Lines)
				shift, ok := text.Lines.(source.Shift)
				if !ok {
					continue
				}
				shifts++
				checkShift(t, file+" "+v.name+" "+text.Name, text, shift, fileLines(data))
			}
			if maps == nil {
				maps = got
			} else if !reflect.DeepEqual(got, maps) {
				t.Errorf("%s (%s): line maps %v differ from %v", file, v.name, got, maps)
			}
		}
	}
	if shifts == 0 {
		t.Fatal("no literal block texts in testdata")
	}
}

func checkShift(t *testing.T, where string, text *source.Text, shift source.Shift, file []string) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(string(text.Body), "\n"), "\n") {
		n, indent := shift.Place(i + 1)
		if n < 1 || n > len(file) {
			t.Errorf("%s: line %d maps to file line %d of %d", where, i+1, n, len(file))
			return
		}
		raw := file[n-1]
		if strings.TrimLeft(raw, " ") == "" && line == "" {
			continue
		}
		if len(raw) < indent || strings.TrimLeft(raw[:indent], " ") != "" || raw[indent:] != line {
			t.Errorf("%s: line %d %q maps to file line %d %q indented %d", where, i+1, line, n, raw, indent)
		}
	}
}

// texts are all the texts of a result.
func texts(res *Result) []*source.Text {
	var ts []*source.Text
	for _, c := range res.Corefiles {
		ts = append(ts, c.Text)
	}
	for _, c := range res.Customs {
		for _, k := range c.Custom.Keys {
			ts = append(ts, c.Texts[k.Key.Text])
		}
	}
	return ts
}

// TestLiteralFallback checks that a literal block whose lines cannot be shifted (a line
// break that YAML reads as content) maps to its value's position instead.
func TestLiteralFallback(t *testing.T) {
	in := "kind: ConfigMap\ndata:\n  Corefile: |\n    .:53 {\u2028    forward . 1.1.1.1\n    }\n"
	res, err := Parse("f.yaml", []byte(in))
	if err != nil || len(res.Corefiles) != 1 {
		t.Fatalf("Parse: %v, %+v", err, res)
	}
	if got := res.Corefiles[0].Text.Lines; got != (source.Fixed{Line: 3, Col: 13}) {
		t.Errorf("Lines = %#v, want Fixed at the header", got)
	}
}
