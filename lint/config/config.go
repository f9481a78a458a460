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
	"maps"
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
	CoreDNSVersion string `yaml:"coredns-version" doc:"The CoreDNS release the Corefiles run on, MAJOR.MINOR.PATCH (default: the latest dnslint knows)."`
	// KubernetesVersion is the cluster's Kubernetes release (default: latest known).
	KubernetesVersion string `yaml:"kubernetes-version" doc:"The cluster's Kubernetes release, MAJOR.MINOR.PATCH (default: the latest dnslint knows)."`
	// Platform is the cluster's platform (compose.KnownPlatforms): whether, and how, its
	// default Corefile imports a coredns-custom ConfigMap linted without its Corefile.
	Platform string `yaml:"platform" doc:"The cluster's platform (aks, k3s, eks, kubeadm, rke2, openshift, generic): whether its default Corefile imports a coredns-custom ConfigMap linted without its Corefile."`
	// Plugins are extra directives of a custom CoreDNS build.
	Plugins []string `yaml:"plugins" doc:"Extra directives of a custom CoreDNS build."`
	// Enable and Disable are rule ids or globs (pod/*); enable wins over disable.
	Enable  []string `yaml:"enable" doc:"Rule ids or globs (pod/*) to enable; enable wins over disable."`
	Disable []string `yaml:"disable" doc:"Rule ids or globs (pod/*) to disable."`
	// Rules sets severity and parameters per rule id.
	Rules map[string]RuleConfig `yaml:"rules" doc:"Severity and parameters per rule id."`
	// Exclude are path globs (relative to the config file) that are not linted.
	Exclude []string `yaml:"exclude" doc:"Path globs, relative to the config file, that are not linted (dir/** excludes everything below dir)."`
	// Compose are path globs (relative to the config file) of the files where the
	// coredns ConfigMap of a coredns-custom linted without it is looked for (default: the
	// whole repository of the linted files).
	Compose []string `yaml:"compose" doc:"Path globs, relative to the config file, of the files where the coredns ConfigMap of a coredns-custom linted without it is looked for (default: every YAML and JSON file of the repository the linted files are in)."`
	// FailOn is the lowest severity that makes the run fail (default error).
	FailOn string `yaml:"fail-on" doc:"The lowest severity that makes the run fail (default error)."`
	// Helm says how Helm charts are rendered (lint/render).
	Helm Helm `yaml:"helm" doc:"How directories with Chart.yaml are rendered with Helm before they are linted."`
	// Kustomize says whether kustomizations are built (lint/render).
	Kustomize Kustomize `yaml:"kustomize" doc:"Whether directories with kustomization.yaml are built with kustomize before they are linted."`

	// Dir is the directory of the config file ("" when none was found).
	Dir string `yaml:"-"`
	// Path is the config file read ("" when none).
	Path string `yaml:"-"`
	// lines are the lines of keys under rules: (see keyLines).
	lines map[string]int
}

// Helm configures the rendering of Helm charts.
type Helm struct {
	// Render false leaves charts out (their templates are never read as plain YAML).
	Render *bool `yaml:"render" doc:"false: charts are not rendered, and their files are not linted (default true)."`
	// Values are values files, relative to the config file, applied after each chart's
	// values.yaml: one inside a chart's directory to that chart, any other to every chart.
	Values []string `yaml:"values" doc:"Values files, relative to this file, applied in order after each chart's values.yaml: one inside a chart's directory to that chart, any other to every chart."`
	// Release and Namespace name the release (default release-name, default).
	Release   string `yaml:"release" doc:"The release name templates see as .Release.Name (default release-name)."`
	Namespace string `yaml:"namespace" doc:"The namespace templates see as .Release.Namespace (default default)."`
}

// Kustomize configures the building of kustomizations.
type Kustomize struct {
	// Render false reads a kustomization's files as plain files.
	Render *bool `yaml:"render" doc:"false: kustomizations are not built, and their files are linted as plain files (default true)."`
}

// ValuesPaths returns the Helm values files, relative to the config's directory.
func (c *Config) ValuesPaths() []string {
	var out []string
	for _, v := range c.Helm.Values {
		if !filepath.IsAbs(v) && c.Dir != "" {
			v = filepath.Join(c.Dir, v)
		}
		out = append(out, v)
	}
	return out
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

// FindWithin looks for .dnslint.yaml in dir and its parents up to top (included); dir
// outside top finds nothing.
func FindWithin(dir, top string) (string, bool) {
	dir, _ = filepath.Abs(dir)
	top, _ = filepath.Abs(top)
	for {
		if rel, err := filepath.Rel(top, dir); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", false
		}
		p := filepath.Join(dir, FileName)
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() {
			return p, true
		}
		if dir == top {
			return "", false
		}
		dir = filepath.Dir(dir)
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
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err == nil {
		c.lines = keyLines(&root)
	}
	return c, nil
}

// Excluded tells whether a path (as given on the command line) matches an exclude glob.
// Globs are matched against the path relative to the config's directory, and against
// every trailing part of it; `dir/**` excludes everything below dir.
func (c *Config) Excluded(p string) bool { return c.matches(c.Exclude, p) }

// ComposeCandidate tells whether a path matches a compose glob (as Excluded matches),
// or there is none.
func (c *Config) ComposeCandidate(p string) bool {
	return len(c.Compose) == 0 || c.matches(c.Compose, p)
}

// matches tells whether a path matches one of globs (see Excluded).
func (c *Config) matches(globs []string, p string) bool {
	if len(globs) == 0 {
		return false
	}
	rel := p
	if abs, err := filepath.Abs(p); err == nil && c.Dir != "" {
		if r, err := filepath.Rel(c.Dir, abs); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	for _, g := range globs {
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
		on[r.ID] = !r.DefaultDisabled
	}
	apply := func(globs []string, val bool, where string) error {
		for _, g := range globs {
			n := 0
			for _, r := range rules {
				if finding.MatchRule(g, r.ID) {
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
	var errs []error
	for _, id := range slices.Sorted(maps.Keys(c.Rules)) {
		i := slices.IndexFunc(rules, func(r finding.Rule) bool { return r.ID == id })
		if i < 0 {
			errs = append(errs, fmt.Errorf("%s rules: unknown rule %q%s (see `dnslint rules`)", c.Where("rules", id), id, Meant(id, rules)))
			continue
		}
		errs = append(errs, c.applyRule(sel, on, rules[i], c.Rules[id])...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
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

// applyRule applies one rule's settings, returning every problem with them.
func (c *Config) applyRule(sel *Selection, on map[string]bool, r finding.Rule, rc RuleConfig) []error {
	var errs []error
	switch s := strings.ToLower(rc.Severity); s {
	case "":
	case "off":
		on[r.ID] = false
	default:
		sev, err := finding.ParseSeverity(s)
		if err != nil || sev == finding.None {
			errs = append(errs, fmt.Errorf("%s rules.%s.severity: %q is not error, warning, info or off", c.Where("rules", r.ID, "severity"), r.ID, rc.Severity))
		} else {
			sel.Severity[r.ID] = sev
		}
	}
	for _, k := range slices.Sorted(maps.Keys(rc.Params)) {
		p, ok := r.Params[k]
		if !ok {
			errs = append(errs, fmt.Errorf("%s rule %s: unknown parameter %q (known: %s)", c.Where("rules", r.ID, "params", k), r.ID, k, strings.Join(slices.Sorted(maps.Keys(r.Params)), ", ")))
			continue
		}
		if err := p.Check(rc.Params[k]); err != nil {
			errs = append(errs, fmt.Errorf("%s rule %s, parameter %s: %v (%s; default %s)", c.Where("rules", r.ID, "params", k), r.ID, k, err, p.Describe(), show(p.Default)))
		}
	}
	if len(rc.Params) > 0 && len(errs) == 0 {
		sel.Params[r.ID] = rc.Params
	}
	return errs
}

// Where begins a message about a setting, given as its path of keys: "config FILE:LINE:"
// when it was read from a file, else "config".
func (c *Config) Where(path ...string) string {
	switch line := c.lines[strings.Join(path, ".")]; {
	case c.Path != "" && line > 0:
		return fmt.Sprintf("config %s:%d:", c.Path, line)
	case c.Path != "":
		return fmt.Sprintf("config %s:", c.Path)
	}
	return "config"
}

// keyLines maps the top-level keys, and the dotted path of every key under rules:
// (rules.ID, rules.ID.severity, rules.ID.params.NAME), to their lines.
func keyLines(root *yaml.Node) map[string]int {
	lines := map[string]int{}
	var walk func(n *yaml.Node, prefix string, depth int)
	walk = func(n *yaml.Node, prefix string, depth int) {
		if n.Kind != yaml.MappingNode || depth == 0 {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := prefix + "." + n.Content[i].Value
			if prefix == "" {
				k = n.Content[i].Value
			}
			lines[k] = n.Content[i].Line
			walk(n.Content[i+1], k, depth-1)
		}
	}
	if len(root.Content) == 1 && root.Content[0].Kind == yaml.MappingNode {
		top := root.Content[0].Content
		for i := 0; i+1 < len(top); i += 2 {
			lines[top[i].Value] = top[i].Line
			if top[i].Value == "rules" {
				walk(top[i+1], "rules", 3)
			}
		}
	}
	return lines
}

func show(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%v", v)
}
