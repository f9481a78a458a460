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
	{ID: "cache/low-ttl", Severity: finding.Warning, Params: map[string]finding.Param{"min_ttl": {Type: "integer", Default: 30, Minimum: ptr(0)}}},
	{ID: "pod/high-ndots", Severity: finding.Warning, Params: map[string]finding.Param{"max_ndots": {Type: "integer", Default: 5, Minimum: ptr(0), Maximum: ptr(15)}}},
	{ID: "pod/invalid-dns-policy", Severity: finding.Error},
	{ID: "pods/other", Severity: finding.Info},
}

func ptr(f float64) *float64 { return &f }

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

// Issue 12: a parameter of the wrong type or out of its range is refused with the file,
// line, rule and parameter — it used to switch the rule off silently (`15 > "5"` is false
// in Rego) or print %!d(string=sixty).
func TestParamsAreTyped(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"rules:\n  pod/high-ndots:\n    params:\n      max_ndots: \"5\"\n",
			`:4: rule pod/high-ndots, parameter max_ndots: "5" is a string, want an integer (integer, 0..15; default 5)`},
		{"rules:\n  cache/low-ttl:\n    params:\n      min_ttl: sixty\n",
			`:4: rule cache/low-ttl, parameter min_ttl: "sixty" is a string, want an integer (integer, ≥ 0; default 30)`},
		{"rules:\n  cache/low-ttl:\n    severity: info\n    params:\n      min_ttl: -5\n",
			`:5: rule cache/low-ttl, parameter min_ttl: -5 is below the minimum 0 (integer, ≥ 0; default 30)`},
		{"rules:\n  pod/high-ndots:\n    params:\n      max_ndots: 16\n",
			`:4: rule pod/high-ndots, parameter max_ndots: 16 is above the maximum 15`},
		{"rules:\n  pod/high-ndots:\n    params:\n      max_ndots: 2.5\n",
			`:4: rule pod/high-ndots, parameter max_ndots: 2.5 is a number, want an integer`},
	} {
		p := write(t, t.TempDir(), c.yaml)
		conf, err := Load(p)
		if err != nil {
			t.Fatal(err)
		}
		_, err = conf.Select(catalog, nil, nil)
		if err == nil || !strings.HasPrefix(err.Error(), "config "+p+c.want) {
			t.Errorf("%q: got %v, want %q", c.yaml, err, "config "+p+c.want)
		}
	}
	conf, err := Load(write(t, t.TempDir(), "rules:\n  pod/high-ndots:\n    params:\n      max_ndots: 3\n  cache/low-ttl:\n    params:\n      min_ttl: 0\n"))
	if err != nil {
		t.Fatal(err)
	}
	sel, err := conf.Select(catalog, nil, nil)
	if err != nil || sel.Params["pod/high-ndots"]["max_ndots"] != 3 || sel.Params["cache/low-ttl"]["min_ttl"] != 0 {
		t.Fatalf("valid params: %v, %v", sel, err)
	}
}

// Select reports every problem of the rules: section at once, each with its line.
func TestSelectReportsEveryProblem(t *testing.T) {
	p := write(t, t.TempDir(), "rules:\n  x/y: {}\n  cache/low-ttl:\n    severity: fatal\n    params:\n      m: 1\n      min_ttl: \"60\"\n")
	conf, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	_, err = conf.Select(catalog, nil, nil)
	var got []string
	if err != nil {
		got = strings.Split(err.Error(), "\n")
	}
	want := []string{
		"config " + p + ":4: rules.cache/low-ttl.severity: \"fatal\" is not error, warning, info or off",
		"config " + p + ":6: rule cache/low-ttl: unknown parameter \"m\" (known: min_ttl)",
		"config " + p + ":7: rule cache/low-ttl, parameter min_ttl: \"60\" is a string",
		"config " + p + ":2: rules: unknown rule \"x/y\"",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %d problems", got, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d: %q, want %q…", i, got[i], want[i])
		}
	}
}

// TestHelmConfig: helm: and kustomize: are typed and strict; values files are relative
// to the config file.
func TestHelmConfig(t *testing.T) {
	dir := t.TempDir()
	c, err := Load(write(t, dir, "helm:\n  values: [env/prod.yaml]\n  release: dns\n  namespace: kube-system\n  render: true\nkustomize:\n  render: false\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.ValuesPaths(); !reflect.DeepEqual(got, []string{filepath.Join(dir, "env", "prod.yaml")}) || c.Helm.Release != "dns" || c.Helm.Namespace != "kube-system" {
		t.Errorf("helm: %+v, values %v", c.Helm, got)
	}
	if c.Kustomize.Render == nil || *c.Kustomize.Render || c.Helm.Render == nil || !*c.Helm.Render {
		t.Errorf("render: helm %v, kustomize %v", c.Helm.Render, c.Kustomize.Render)
	}
	for body, want := range map[string]string{
		"helm:\n  valuse: [x.yaml]\n":  "line 2: field valuse not found",
		"helm:\n  values: x.yaml\n":    "line 2",
		"kustomize:\n  render: yes!\n": "line 2",
	} {
		if _, err := Load(write(t, t.TempDir(), body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want an error with %q", body, err, want)
		}
	}
}
