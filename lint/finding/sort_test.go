package finding

import (
	"reflect"
	"slices"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
)

// TestSortBreaksTiesByRelated: findings that differ only in their related locations (one
// override line against the `cache` of two Corefiles: the message names the place, it does
// not locate it) come out in one order whatever order the engine found them in.
func TestSortBreaksTiesByRelated(t *testing.T) {
	at := func(file string, line, endCol int) model.Pos {
		return model.Pos{File: file, Line: line, Col: 5, EndLine: line, EndCol: endCol}
	}
	same := Finding{RuleID: "custom/override-duplicates-plugin", Message: "the block already has its own `cache`", Pos: at("custom.yaml", 6, 9)}
	var fs []Finding
	for _, rel := range [][]Related{
		{{Message: "the block's own `cache`", Pos: at("b/coredns.yaml", 8, 9)}},
		{{Message: "the block's own `cache`", Pos: at("a/coredns.yaml", 8, 9)}},
		{{Message: "the block's own `cache`", Pos: at("a/coredns.yaml", 8, 8)}},
		{{Message: "the other `cache`", Pos: at("a/coredns.yaml", 8, 8)}},
		{{Message: "the block's own `cache`", Pos: at("a/coredns.yaml", 8, 8)}, {Message: "more", Pos: at("a/coredns.yaml", 9, 8)}},
		nil,
	} {
		f := same
		f.Related = rel
		fs = append(fs, f)
	}
	want := slices.Clone(fs)
	Sort(want)
	for range 20 {
		got := slices.Clone(fs)
		slices.Reverse(got)
		Sort(got)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the order depends on the input order:\n got %+v\nwant %+v", got, want)
		}
		fs = append(fs[1:], fs[0]) // another input order
	}
	if want[0].Related != nil || want[1].Related[0].Pos.EndCol != 8 || want[len(want)-1].Related[0].Pos.File != "b/coredns.yaml" {
		t.Errorf("order %+v", want)
	}
}
