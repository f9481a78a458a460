package report

import (
	"regexp"
	"strings"
	"testing"
)

// unescapeCommand undoes the runner's escaping, as the runner does.
var unescapeCommand = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")

var commandRE = regexp.MustCompile(`^::(error|warning|notice) ([^:]*)::(.*)$`)

func TestGitHubRoundTrip(t *testing.T) {
	r := fixture()
	lines := strings.Split(strings.TrimSuffix(string(render(t, "github", r)), "\n"), "\n")
	if len(lines) != len(r.Findings) {
		t.Fatalf("%d commands for %d findings", len(lines), len(r.Findings))
	}
	for i, f := range r.Findings {
		m := commandRE.FindStringSubmatch(lines[i])
		if m == nil {
			t.Fatalf("not a workflow command: %q", lines[i])
		}
		if m[1] != levelOf(f.Severity).github {
			t.Errorf("command %q for %s", m[1], f.Severity)
		}
		props := map[string]string{}
		for _, kv := range strings.Split(m[2], ",") {
			k, v, _ := strings.Cut(kv, "=")
			props[k] = unescapeCommand.Replace(v)
		}
		if props["file"] != f.Pos.File || props["title"] != f.RuleID {
			t.Errorf("properties %q", props)
		}
		if msg := unescapeCommand.Replace(m[3]); msg != withNotes(f.Message, f.Related) {
			t.Errorf("message %q", msg)
		}
	}
}

func TestEscapeCommand(t *testing.T) {
	in := "100% a:b,c\r\nd"
	if got, want := escapeData(in), "100%25 a:b,c%0D%0Ad"; got != want {
		t.Errorf("escapeData = %q, want %q", got, want)
	}
	if got, want := escapeProperty(in), "100%25 a%3Ab%2Cc%0D%0Ad"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
	// "%3A" in the text must not come back as ":".
	if got := unescapeCommand.Replace(escapeProperty("%3A")); got != "%3A" {
		t.Errorf("round trip of %%3A = %q", got)
	}
}
