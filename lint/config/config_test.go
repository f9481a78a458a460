package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
)

var catalog = []finding.Rule{
	{ID: "cache/low-ttl", Severity: finding.Warning, Params: map[string]any{"min_ttl": 30}},
	{ID: "pod/high-ndots", Severity: finding.Warning, Params: map[string]any{"max_ndots": 5}},
	{ID: "pod/invalid-dns-policy", Severity: finding.Error},
	{ID: "pods/other", Severity: finding.Info},
}

func write(t *testing.T, dir, body string) string {
	t.Helper()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFindUpward(t *testing.T) {
	root := t.TempDir()
	want := write(t, root, "fail-on: warning\n")
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	got, ok := Find(deep)
	if !ok || got != want {
		t.Fatalf("Find = %q %v, want %q", got, ok, want)
	}
}

func TestLoadRejectsUnknownKeys(t *testing.T) {
	p := write(t, t.TempDir(), "coredns-version: 1.11.3\nrulez:\n  x: y\n")
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "rulez") {
		t.Fatalf("got %v", err)
	}
}

func TestLoadEmpty(t *testing.T) {
	c, err := Load(write(t, t.TempDir(), ""))
	if err != nil || c.Path == "" {
		t.Fatalf("got %+v, %v", c, err)
	}
}

func TestSelect(t *testing.T) {
	c := &Config{
		Disable: []string{"pod/*"},
		Enable:  []string{"pod/high-ndots"},
		Rules: map[string]RuleConfig{
			"cache/low-ttl":  {Severity: "error", Params: map[string]any{"min_ttl": 60}},
			"pods/other":     {Severity: "off"},
			"pod/high-ndots": {Params: map[string]any{"max_ndots": 3}},
		},
	}
	sel, err := c.Select(catalog, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"cache/low-ttl", "pod/high-ndots"}; !reflect.DeepEqual(sel.Enabled, want) {
		t.Errorf("enabled %v, want %v", sel.Enabled, want)
	}
	if sel.Severity["cache/low-ttl"] != finding.Error || len(sel.Severity) != 1 {
		t.Errorf("severities %v", sel.Severity)
	}
	if sel.Params["cache/low-ttl"]["min_ttl"] != 60 || sel.Params["pod/high-ndots"]["max_ndots"] != 3 {
		t.Errorf("params %v", sel.Params)
	}
	// The command line comes after the file: --disable wins over the file's enable,
	// and --enable over everything.
	sel, err = c.Select(catalog, []string{"pod/invalid-dns-policy"}, []string{"pod/high-ndots"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"cache/low-ttl", "pod/invalid-dns-policy"}; !reflect.DeepEqual(sel.Enabled, want) {
		t.Errorf("enabled %v, want %v", sel.Enabled, want)
	}
}

func TestSelectErrors(t *testing.T) {
	cases := map[string]*Config{
		`matches no rule`:       {Disable: []string{"nope/*"}},
		`unknown rule "x/y"`:    {Rules: map[string]RuleConfig{"x/y": {}}},
		`unknown parameter "m"`: {Rules: map[string]RuleConfig{"cache/low-ttl": {Params: map[string]any{"m": 1}}}},
		`is not error, warning`: {Rules: map[string]RuleConfig{"cache/low-ttl": {Severity: "fatal"}}},
	}
	for want, c := range cases {
		if _, err := c.Select(catalog, nil, nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	}
}

// Issue 11: a misspelt rule id in --enable, --disable or the config names the id it
// probably meant.
func TestSelectDidYouMean(t *testing.T) {
	for _, c := range []struct {
		enable []string
		config *Config
		want   string
	}{
		{[]string{"pod/hihg-ndots"}, &Config{}, `--enable: "pod/hihg-ndots" matches no rule (did you mean "pod/high-ndots"?)`},
		{[]string{"cahce/*"}, &Config{}, `--enable: "cahce/*" matches no rule (did you mean "cache/*"?)`},
		{nil, &Config{Disable: []string{"cache/low-tll"}}, `config disable: "cache/low-tll" matches no rule (did you mean "cache/low-ttl"?)`},
		{nil, &Config{Rules: map[string]RuleConfig{"pod/invalid-dns-polcy": {}}}, `config rules: unknown rule "pod/invalid-dns-polcy" (did you mean "pod/invalid-dns-policy"?)`},
		{[]string{"zone/*"}, &Config{}, `--enable: "zone/*" matches no rule (see`},
	} {
		_, err := c.config.Select(catalog, c.enable, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
}

func TestExcluded(t *testing.T) {
	dir := t.TempDir()
	c := &Config{Dir: dir, Exclude: []string{"vendor/**", "*.generated.yaml"}}
	for p, want := range map[string]bool{
		filepath.Join(dir, "vendor", "x", "cm.yaml"):     true,
		filepath.Join(dir, "vendor"):                     true,
		filepath.Join(dir, "apps", "dns.generated.yaml"): true,
		filepath.Join(dir, "apps", "dns.yaml"):           false,
		filepath.Join(dir, "notvendor", "x.yaml"):        false,
	} {
		if got := c.Excluded(p); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", p, got, want)
		}
	}
}
