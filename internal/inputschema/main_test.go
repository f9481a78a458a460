package inputschema

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

const repo = "../.."

// TestCommittedFilesCurrent: rules/schema/input.json and the generated part of
// docs/input.md are what the model's Go types give (`make docs` rewrites them).
func TestCommittedFilesCurrent(t *testing.T) {
	files, err := Files(repo)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(repo, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run make docs", name)
		}
	}
}
