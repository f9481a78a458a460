package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// files serves the lines of texts by file name.
func files(texts map[string]string) finding.LineSource {
	return func(file string, n int) string {
		lines := strings.Split(texts[file], "\n")
		if n < 1 || n > len(lines) {
			return ""
		}
		return lines[n-1]
	}
}

func at(file string, line, col, endCol int, rule string) finding.Finding {
	return finding.Finding{RuleID: rule, Message: "m", Pos: model.Pos{File: file, Line: line, Col: col, EndLine: line, EndCol: endCol}}
}

// A baseline written from one run, read back, hides the same findings after lines moved,
// and lets a new one through; paths are relative to the baseline's directory.
func TestBaselineRoundTrip(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("conf", 0o755); err != nil {
		t.Fatal(err)
	}
	before := map[string]string{"conf/Corefile": ".:53 {\n    cache 5\n    forward . 1.1.1.1\n}\n"}
	old := []finding.Finding{at("conf/Corefile", 2, 5, 11, "cache/low-ttl")}
	path := filepath.Join("conf", "baseline.json")
	if err := New(old, "conf", files(before)).Write(path); err != nil {
		t.Fatal(err)
	}
	b, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Findings) != 1 || b.Findings[0].File != "Corefile" || b.Version != finding.FingerprintVersion {
		t.Fatalf("baseline %+v: want one entry for Corefile, relative to the baseline's directory", b)
	}
	after := map[string]string{"conf/Corefile": "# moved down\n.:53 {\n    cache 5\n    forward . 1.1.1.1\n    cache 7\n}\n"}
	now := []finding.Finding{at("conf/Corefile", 3, 5, 11, "cache/low-ttl"), at("conf/Corefile", 5, 5, 11, "cache/low-ttl")}
	kept, n := b.Filter(now, "conf", files(after))
	if n != 1 || len(kept) != 1 || kept[0].Pos.Line != 5 {
		t.Errorf("kept %+v, %d baselined: want only the new cache 7 (line 5), one baselined", kept, n)
	}
	// From another working directory, the same files by other paths match as well.
	t.Chdir("conf")
	kept, n = b.Filter([]finding.Finding{at("Corefile", 3, 5, 11, "cache/low-ttl")}, ".", func(_ string, l int) string { return files(after)("conf/Corefile", l) })
	if n != 1 || len(kept) != 0 {
		t.Errorf("from conf/: kept %+v, %d baselined", kept, n)
	}
}

// A baseline that cannot be read is an error, never "nothing is baselined" or "all is".
func TestReadRefuses(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ content, want string }{
		"missing":     {"", "no such file"},
		"syntax":      {"{\n  \"version\": \"dnslint/v2\",\n  \"findings\": [\n}\n", "line 4"},
		"unknown-key": {`{"version":"dnslint/v2","tool":"dnslint","findings":[],"extra":1}`, `unknown field "extra"`},
		"old-version": {`{"version":"dnslint/v1","tool":"dnslint","findings":[]}`, "write it again with --write-baseline"},
		"directory":   {"", "is a directory"},
	} {
		path := filepath.Join(dir, name+".json")
		switch name {
		case "missing":
		case "directory":
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		default:
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := Read(path); err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want one naming the file and saying %q", name, err, tc.want)
		}
	}
}
