// Package config owns .dnslint.yaml: finding it (upward from the working directory, or
// --config), reading it strictly (an unknown key is an error with its line), and turning
// it, with the command-line overrides, into the set of enabled rules, their severities and
// their parameters.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	yaml "sigs.k8s.io/yaml/goyaml.v3"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
	"github.com/dnslint/dnslint/lint/spell"
)

// FileName is the config file dnslint looks for.
const FileName = ".dnslint.yaml"

// Config is the content of .dnslint.yaml.
type Config struct {
	// CoreDNSVersion is the CoreDNS release the Corefiles run on (default: latest known).
	CoreDNSVersion string `yaml:"coredns-version"`
	// KubernetesVersion is the cluster's Kubernetes release (default: latest known).
	KubernetesVersion string `yaml:"kubernetes-version"`
	// Platform is the cluster's platform (compose.KnownPlatforms): whether, and how, its
	// default Corefile imports a coredns-custom ConfigMap linted without its Corefile.
	Platform string `yaml:"platform"`
	// Plugins are extra directives of a custom CoreDNS build.
	Plugins []string `yaml:"plugins"`
	// Enable and Disable are rule ids or globs (pod/*); enable wins over disable.
	Enable  []string `yaml:"enable"`
	Disable []string `yaml:"disable"`
	// Rules sets severity and parameters per rule id.
	Rules map[string]RuleConfig `yaml:"rules"`
	// Exclude are path globs (relative to the config file) that are not linted.
	Exclude []string `yaml:"exclude"`
	// FailOn is the lowest severity that makes the run fail (default error).
	FailOn string `yaml:"fail-on"`

	// Dir is the directory of the config file ("" when none was found).
	Dir string `yaml:"-"`
	// Path is the config file read ("" when none).
	Path string `yaml:"-"`
}

// RuleConfig overrides one rule.
type RuleConfig struct {
	// Severity is error, warning, info or off.
	Severity string         `yaml:"severity"`
	Params   map[string]any `yaml:"params"`
}

// Find looks for .dnslint.yaml in dir and its parents.
func Find(dir string) (string, bool) {
	dir, _ = filepath.Abs(dir)
	for {
		p := filepath.Join(dir, FileName)
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Load reads a config file (a regular file of at most source.DefaultMaxSize). Unknown
// keys are errors.
func Load(file string) (*Config, error) {
	b, err := source.ReadLimited(file, source.DefaultMaxSize)
	if err != nil {
		return nil, fmt.Errorf("config: %s: %w", file, err)
	}
	c := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("config %s: %v", file, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	c.Path = file
	c.Dir = filepath.Dir(file)
	return c, nil
}

// Excluded tells whether a path (as given on the command line) matches an exclude glob.
// Globs are matched against the path relative to the config's directory, and against
// every trailing part of it; `dir/**` excludes everything below dir.
func (c *Config) Excluded(p string) bool {
	if len(c.Exclude) == 0 {
		return false
	}
	rel := p
	if abs, err := filepath.Abs(p); err == nil && c.Dir != "" {
		if r, err := filepath.Rel(c.Dir, abs); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.Exclude {
		g = strings.TrimSuffix(filepath.ToSlash(g), "/")
		if strings.HasSuffix(g, "/**") && (rel == strings.TrimSuffix(g, "/**") || strings.HasPrefix(rel, strings.TrimSuffix(g, "**"))) {
			return true
		}
		parts := strings.Split(rel, "/")
		for i := range parts {
			if ok, _ := path.Match(g, strings.Join(parts[i:], "/")); ok {
				return true
			}
		}
	}
	return false
}

// Selection is what a run evaluates: enabled rules with their effective severity and params.
type Selection struct {
	Enabled []string
	// Severity holds the severities the config sets; other rules keep their own.
	Severity map[string]finding.Severity
	Params   map[string]map[string]any
}

// Select resolves enable/disable globs and per-rule settings against the catalog. extra
// enable/disable come from the command line and apply after the file's.
func (c *Config) Select(rules []finding.Rule, enable, disable []string) (*Selection, error) {
	on := map[string]bool{}
	for _, r := range rules {
		on[r.ID] = r.Extra["default_enabled"] != false
	}
	apply := func(globs []string, val bool, where string) error {
		for _, g := range globs {
			n := 0
			for _, r := range rules {
				if ok, _ := path.Match(g, r.ID); ok || g == r.ID {
					on[r.ID], n = val, n+1
				}
			}
			if n == 0 {
				return fmt.Errorf("%s: %q matches no rule%s (see `dnslint rules`)", where, g, Meant(g, rules))
			}
		}
		return nil
	}
	steps := []struct {
		globs []string
		val   bool
		where string
	}{{c.Disable, false, "config disable"}, {c.Enable, true, "config enable"}, {disable, false, "--disable"}, {enable, true, "--enable"}}
	for _, s := range steps {
		if err := apply(s.globs, s.val, s.where); err != nil {
			return nil, err
		}
	}
	sel := &Selection{Severity: map[string]finding.Severity{}, Params: map[string]map[string]any{}}
	for id, rc := range c.Rules {
		i := slices.IndexFunc(rules, func(r finding.Rule) bool { return r.ID == id })
		if i < 0 {
			return nil, fmt.Errorf("config rules: unknown rule %q%s (see `dnslint rules`)", id, Meant(id, rules))
		}
		if err := applyRule(sel, on, rules[i], rc); err != nil {
			return nil, err
		}
	}
	for _, r := range rules {
		if on[r.ID] {
			sel.Enabled = append(sel.Enabled, r.ID)
		}
	}
	return sel, nil
}

// Meant names the rule id that a rule id or glob matching no rule probably meant — for
// `category/*`, the category — as " (did you mean "pod/high-ndots"?)"; "" when none is
// near (lint/spell).
func Meant(glob string, rules []finding.Rule) string {
	var ids, categories []string
	for _, r := range rules {
		ids = append(ids, r.ID)
		if c, _, _ := strings.Cut(r.ID, "/"); !slices.Contains(categories, c) {
			categories = append(categories, c)
		}
	}
	if c, ok := strings.CutSuffix(glob, "/*"); ok {
		if m, ok := spell.Closest(c, categories); ok {
			return fmt.Sprintf(" (did you mean %q?)", m+"/*")
		}
		return ""
	}
	if m, ok := spell.Closest(glob, ids); ok {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}

func applyRule(sel *Selection, on map[string]bool, r finding.Rule, rc RuleConfig) error {
	switch s := strings.ToLower(rc.Severity); s {
	case "":
	case "off":
		on[r.ID] = false
	default:
		sev, err := finding.ParseSeverity(s)
		if err != nil || sev == finding.None {
			return fmt.Errorf("config rules.%s.severity: %q is not error, warning, info or off", r.ID, rc.Severity)
		}
		sel.Severity[r.ID] = sev
	}
	for k := range rc.Params {
		if _, ok := r.Params[k]; !ok {
			return fmt.Errorf("config rules.%s.params: unknown parameter %q (known: %v)", r.ID, k, keys(r.Params))
		}
	}
	if len(rc.Params) > 0 {
		sel.Params[r.ID] = rc.Params
	}
	return nil
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
