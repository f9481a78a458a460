package kube

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// parseFixture parses testdata/name.
func parseFixture(t *testing.T, name string) (*Result, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Parse(name, data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return res, data
}

// fileLines splits a file into lines independently of the parser: at LF, dropping a
// CR before it and a UTF-8 byte order mark.
func fileLines(data []byte) []string {
	s := strings.TrimPrefix(string(data), "\ufeff")
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimSuffix(l, "\r")
	}
	return ls
}

// textAt is the text of data that pos (on one line) covers, or a description of why
// pos does not fit.
func textAt(data []byte, pos model.Pos) string {
	ls := fileLines(data)
	if pos.Line < 1 || pos.Line > len(ls) || pos.EndLine != pos.Line {
		return fmt.Sprintf("<bad lines %d-%d>", pos.Line, pos.EndLine)
	}
	r := []rune(ls[pos.Line-1])
	if pos.Col < 1 || pos.EndCol < pos.Col || pos.EndCol > len(r) {
		return fmt.Sprintf("<bad cols %d-%d of %q>", pos.Col, pos.EndCol, string(r))
	}
	return string(r[pos.Col-1 : pos.EndCol])
}

// bodyPos finds the first occurrence of word in the text's body and maps it to the file.
func bodyPos(t *testing.T, text *source.Text, word string) model.Pos {
	t.Helper()
	for i, line := range strings.Split(string(text.Body), "\n") {
		if j := strings.Index(line, word); j >= 0 {
			col := len([]rune(line[:j])) + 1
			return text.Pos(i+1, col, i+1, col+len([]rune(word))-1)
		}
	}
	t.Fatalf("%q not in %q", word, text.Body)
	return model.Pos{}
}

// checkPositions reports every position in res that is not inside a file of n lines (or
// that names another file), and every text line that maps outside it.
func checkPositions(res *Result, file string, n int) error {
	var bad []string
	check := func(where string, p model.Pos) {
		if p.File != file || p.Line < 1 || p.Line > n || p.EndLine < p.Line || p.EndLine > n ||
			p.Col < 1 || p.EndLine == p.Line && p.EndCol < p.Col {
			bad = append(bad, fmt.Sprintf("%s: %+v", where, p))
		}
	}
	walkPositions(reflect.ValueOf(res), "result", check)
	var texts []*source.Text
	for _, c := range res.Corefiles {
		texts = append(texts, c.Text)
	}
	for _, c := range res.Customs {
		for _, t := range c.Texts {
			texts = append(texts, t)
		}
	}
	for _, t := range texts {
		for i := range max(strings.Count(string(t.Body), "\n"), 1) {
			check(t.Name, t.Pos(i+1, 1, i+1, 1))
		}
	}
	if bad != nil {
		return fmt.Errorf("positions outside %s (%d lines):\n%s", file, n, strings.Join(bad, "\n"))
	}
	return nil
}

var posType = reflect.TypeFor[model.Pos]()

// walkPositions calls check with every model.Pos reachable from v.
func walkPositions(v reflect.Value, where string, check func(string, model.Pos)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkPositions(v.Elem(), where, check)
		}
	case reflect.Struct:
		if v.Type() == posType {
			check(where, v.Interface().(model.Pos))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkPositions(v.Field(i), where+"."+v.Type().Field(i).Name, check)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkPositions(v.Index(i), fmt.Sprintf("%s[%d]", where, i), check)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			walkPositions(it.Value(), fmt.Sprintf("%s[%v]", where, it.Key()), check)
		}
	}
}
