package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// decodeJSON reads the json format strictly: a field the schema struct lacks fails.
func decodeJSON(t *testing.T, out []byte) jsonReport {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	var got jsonReport
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("invalid json output: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatal("more than one JSON value")
	}
	return got
}

func TestJSONRoundTrip(t *testing.T) {
	r := fixture()
	got := decodeJSON(t, render(t, "json", r))
	if got.Version != JSONVersion || got.Tool != (jsonTool{Name: "dnslint", Version: "v1.2.3"}) {
		t.Errorf("version %d, tool %+v", got.Version, got.Tool)
	}
	if want := (summary{Files: 5, FilesWithProblems: 2, Errors: 2, Warnings: 1, Infos: 1}); !reflect.DeepEqual(got.Summary, want) {
		t.Errorf("summary %+v, want %+v", got.Summary, want)
	}
	if len(got.Findings) != len(r.Findings) {
		t.Fatalf("%d findings, want %d", len(got.Findings), len(r.Findings))
	}
	for i, f := range r.Findings {
		g := got.Findings[i]
		rule, _ := r.Rule(f.RuleID)
		if g.Rule != f.RuleID || g.Severity != f.Severity.String() || g.Message != f.Message ||
			g.Location != jsonLocation(f.Pos) || g.DocsURL != rule.DocsURL || len(g.Related) != len(f.Related) {
			t.Errorf("finding %d: got %+v, want %+v", i, g, f)
		}
		for j, rel := range f.Related {
			if g.Related[j] != (jsonRelated{Message: rel.Message, Location: jsonLocation(rel.Pos)}) {
				t.Errorf("finding %d related %d: got %+v, want %+v", i, j, g.Related[j], rel)
			}
		}
	}
}

// Empty lists are [], never null, so that consumers need not test for null.
func TestJSONEmptyLists(t *testing.T) {
	out := render(t, "json", clean())
	if !bytes.Contains(out, []byte(`"findings": []`)) {
		t.Errorf("no empty findings list:\n%s", out)
	}
	if got := decodeJSON(t, out); !reflect.DeepEqual(got.Summary, summary{Files: 3}) {
		t.Errorf("summary %+v", got.Summary)
	}
	if out := render(t, "json", fixture()); !bytes.Contains(out, []byte(`"related": []`)) {
		t.Errorf("no empty related list:\n%s", out)
	}
	if out := render(t, "json", fixture()); !bytes.HasSuffix(out, []byte("}\n")) {
		t.Error("no trailing newline")
	}
}
