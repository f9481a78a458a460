package rules_test

import (
	"encoding/json"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/rules"
)

// handBuilt are the Rego test files that still build part of the input by hand, each with
// the reason the test builtin (dnslint.test.input: the real parse, model and composition
// of files given as text) cannot give that input.
var handBuilt = map[string]string{
	"autoscaler/invalid-json_test.rego":  "a JSON error without a place, to pin the rule's fallback: the parser gives every JSON syntax error one",
	"corefile/import-not-read_test.rego": "imports not read (a hidden path, a file over the size limit) need files on disk, which the test builtin does not read",
	"custom/not-imported_test.rego":      "a partner found in the repository: the test builtin's run has no repository, so the run's partner is relabelled",
	"dnslint/not-rendered_test.rego":     "render errors come only from rendering a chart or a kustomization on disk",
}

// TestRegoTestsStateText: the Rego tests state the configuration as text (issue 12): a
// test file that writes a model object by hand — an object literal with a top-level key
// of the input schema — fails unless handBuilt lists it with its reason, and a listed
// file that no longer does fails too, so the list only shrinks.
func TestRegoTestsStateText(t *testing.T) {
	b, err := fs.ReadFile(rules.FS, "schema/input.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct{ Properties map[string]any }
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	keys := slices.Sorted(maps.Keys(schema.Properties))
	if len(keys) == 0 {
		t.Fatal("the input schema has no top-level properties")
	}
	literal := regexp.MustCompile(`"(` + strings.Join(keys, "|") + `)"\s*:`)
	seen := map[string]bool{}
	for _, f := range regoFiles(t, isTest) {
		p, src := f.path, f.src
		m := literal.FindIndex(src)
		_, listed := handBuilt[p]
		switch {
		case m != nil && !listed:
			line := 1 + strings.Count(string(src[:m[0]]), "\n")
			t.Errorf("%s:%d builds the input by hand (%s): state the files as text with dnslint.test.input, or list the file in handBuilt with the reason the builtin cannot give it", p, line, src[m[0]:m[1]])
		case m == nil && listed:
			t.Errorf("%s no longer builds the input by hand: take it out of handBuilt", p)
		}
		seen[p] = true
	}
	for p := range handBuilt {
		if !seen[p] {
			t.Errorf("handBuilt lists %s, which is not a Rego test file", p)
		}
	}
}
