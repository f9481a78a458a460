package engine

import (
	"reflect"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
)

// TestChunksByWeight: a chunk holds at most DefaultChunkSize elements and, past its first,
// at most chunkWeight tokens, so that a few large Corefiles are not evaluated together.
func TestChunksByWeight(t *testing.T) {
	var list []*model.Corefile
	for _, tokens := range []int{10, 10, chunkWeight, 10, chunkWeight / 2, chunkWeight / 2, 10} {
		list = append(list, &model.Corefile{Tokens: tokens})
	}
	got := chunks(reflect.ValueOf(list), 64)
	want := [][]int{{0, 1}, {2}, {3, 4}, {5, 6}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("chunks %v, want %v", got, want)
	}
	small := make([]*model.Corefile, 130)
	for i := range small {
		small[i] = &model.Corefile{Tokens: 1}
	}
	if got := chunks(reflect.ValueOf(small), 64); len(got) != 3 || len(got[0]) != 64 || len(got[2]) != 2 {
		t.Fatalf("130 small Corefiles in chunks of %d, %d, …", len(got[0]), len(got[1]))
	}
}

// TestElementPos: a finding about an element points at its object, else its own
// position, else its file.
func TestElementPos(t *testing.T) {
	at := model.Pos{File: "f.yaml", Line: 3, Col: 1, EndLine: 3, EndCol: 5}
	for _, tc := range []struct {
		el   any
		want model.Pos
	}{
		{&model.Workload{Object: model.Object{Pos: at}, File: "f.yaml"}, at},
		{&model.Corefile{File: "Corefile"}, model.Pos{File: "Corefile", Line: 1, Col: 1, EndLine: 1, EndCol: 1}},
		{&model.Corefile{File: "cm.yaml", Object: &model.Object{Pos: at}}, at},
		{&model.ParseError{Pos: at}, at},
	} {
		if got := elementPos(reflect.ValueOf(tc.el)); got != tc.want {
			t.Errorf("%T: %v, want %v", tc.el, got, tc.want)
		}
	}
}
