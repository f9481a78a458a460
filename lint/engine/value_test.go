package engine_test

import (
	"encoding/json"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/dnslint/dnslint/bench/corpus"
	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// sample covers every shape toValue handles, with the edge cases of encoding/json.
type sample struct {
	S        string            `json:"s"`
	Omitted  string            `json:"omitted,omitempty"`
	Kept     string            `json:"kept,omitempty"`
	Hidden   string            `json:"-"`
	Dash     string            `json:"-,"`
	Untagged int               `json:""`
	I        int64             `json:"i"`
	U        uint8             `json:"u"`
	F        float64           `json:"f"`
	Big      float64           `json:"big"`
	B        bool              `json:"b"`
	N        json.Number       `json:"n"`
	Bytes    []byte            `json:"bytes"`
	NilSlice []string          `json:"nil_slice"`
	Empty    []string          `json:"empty"`
	Arr      [2]int            `json:"arr"`
	Ptr      *sample           `json:"ptr"`
	NilPtr   *sample           `json:"nil_ptr"`
	Any      any               `json:"any"`
	NilAny   any               `json:"nil_any"`
	Map      map[string]any    `json:"map"`
	NilMap   map[string]string `json:"nil_map"`
	IntMap   map[int]string    `json:"int_map"`
	private  string
}

func TestToValueMatchesInterfaceToValue(t *testing.T) {
	cases := map[string]any{
		"sample": &sample{
			S: "x", Kept: "k", Hidden: "h", Dash: "d", Untagged: 7, I: -3, U: 200, F: 2.5, Big: 1e21, B: true,
			N: "12.50", Bytes: []byte("hi"), Empty: []string{}, Arr: [2]int{1, 2},
			Ptr: &sample{S: "inner", Any: []any{1.0, "two", nil, map[string]any{"k": false}}},
			Any: map[string]any{"nested": []any{json.Number("3")}}, Map: map[string]any{"a": 1.5, "b": nil},
			IntMap: map[int]string{2: "two"}, private: "p",
		},
	}
	generated := t.TempDir()
	if err := corpus.Write(generated, corpus.Options{N: 300, PerFile: 10, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	root := repoRoot(t)
	for _, dir := range []string{filepath.Join(root, "testdata", "examples"), filepath.Join(root, "testdata", "distro-defaults"), generated} {
		files, problems := (&source.Walker{}).Collect([]string{dir})
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		in, _, err := lint.Model(files, "")
		if err != nil {
			t.Fatal(err)
		}
		cases[filepath.Base(dir)] = in
	}
	for name, v := range cases {
		want, err := ast.InterfaceToValue(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := engine.ToValue(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want.Compare(got) != 0 {
			t.Errorf("%s: ToValue differs from ast.InterfaceToValue:\n got %v\nwant %v", name, got, want)
		}
	}
}

func TestToValueRefusesEmbeddedStructs(t *testing.T) {
	type embedded struct{ model.Pos }
	if _, err := engine.ToValue(embedded{}); err == nil {
		t.Fatal("want an error for an embedded struct")
	}
}

func repoRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}
