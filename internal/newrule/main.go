// Command newrule scaffolds a built-in rule: `go run ./internal/newrule <category>/<name>`
// writes rules/<category>/<name>.rego (with full METADATA), its Rego test (stating its
// input as text through dnslint.test.input), and testdata/rules/<category>/<name>/ with a
// bad and a good fixture and want.txt, from the templates embedded here. The result loads,
// its tests pass and `make docs` documents it before a line is edited; then every TODO is
// the author's. It refuses a rule id that exists, a file that exists, and a malformed id.
package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"
)

//go:embed templates/*.tmpl
var templates embed.FS

// outputs maps each template to the file it writes, below the repository's root.
var outputs = map[string]string{
	"rule.rego.tmpl":      "rules/{{.Category}}/{{.Name}}.rego",
	"rule_test.rego.tmpl": "rules/{{.Category}}/{{.Name}}_test.rego",
	"bad.corefile.tmpl":   "testdata/rules/{{.Category}}/{{.Name}}/bad.corefile",
	"good.corefile.tmpl":  "testdata/rules/{{.Category}}/{{.Name}}/good.corefile",
	"want.txt.tmpl":       "testdata/rules/{{.Category}}/{{.Name}}/want.txt",
}

// A category is a Rego identifier (it is a package path segment: k8s_external); a name is
// lower-case words joined by hyphens (high-ndots).
var (
	categoryPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	namePattern     = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
)

// Rule is what the templates see.
type Rule struct {
	ID, Category, Name string
}

// Parse reads a rule id, <category>/<name>.
func Parse(id string) (Rule, error) {
	category, name, ok := strings.Cut(id, "/")
	switch {
	case !ok || strings.Contains(name, "/"):
		return Rule{}, fmt.Errorf("%q: want <category>/<name>, e.g. forward/max-fails-zero", id)
	case !categoryPattern.MatchString(category):
		return Rule{}, fmt.Errorf("%q: the category %q must be lower-case letters, digits and _, starting with a letter", id, category)
	case !namePattern.MatchString(name):
		return Rule{}, fmt.Errorf("%q: the name %q must be lower-case words of letters and digits joined by single hyphens", id, name)
	case strings.HasSuffix(name, "_test"), category == "lib", category == "data", category == "schema":
		return Rule{}, fmt.Errorf("%q: %s is not a rule's place", id, category)
	}
	return Rule{ID: id, Category: category, Name: name}, nil
}

// Render is every file of the scaffold of r: path below the repository → content.
func Render(r Rule) (map[string][]byte, error) {
	out := map[string][]byte{}
	for tmpl, path := range outputs {
		t, err := template.New(tmpl).Option("missingkey=error").ParseFS(templates, "templates/"+tmpl)
		if err != nil {
			return nil, err
		}
		var content, name strings.Builder
		if err := t.Execute(&content, r); err != nil {
			return nil, err
		}
		if err := template.Must(template.New("path").Parse(path)).Execute(&name, r); err != nil {
			return nil, err
		}
		out[name.String()] = []byte(content.String())
	}
	return out, nil
}

// Write writes the scaffold of r below root, the repository, refusing an existing rule or
// file; it returns the paths written, sorted.
func Write(root string, r Rule) ([]string, error) {
	if _, err := os.Stat(filepath.Join(root, "rules", "embed.go")); err != nil {
		return nil, fmt.Errorf("%s is not the root of the dnslint repository (no rules/embed.go)", root)
	}
	files, err := Render(r)
	if err != nil {
		return nil, err
	}
	if existing, err := ruleIDs(os.DirFS(filepath.Join(root, "rules"))); err != nil {
		return nil, err
	} else if existing[r.ID] {
		return nil, fmt.Errorf("rule %s exists: rules/%s/%s.rego", r.ID, r.Category, r.Name)
	}
	var paths []string
	for path := range files {
		if _, err := os.Lstat(filepath.Join(root, path)); !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s exists: not overwritten", path)
		}
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		full := filepath.Join(root, path)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(full, files[path], 0o644); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// ruleIDs lists the ids of the rule files of a rules tree (<category>/<name>.rego).
func ruleIDs(rules fs.FS) (map[string]bool, error) {
	ids := map[string]bool{}
	paths, err := fs.Glob(rules, "*/*.rego")
	for _, p := range paths {
		if !strings.HasSuffix(p, "_test.rego") && !strings.HasPrefix(p, "lib/") {
			ids[strings.TrimSuffix(p, ".rego")] = true
		}
	}
	return ids, err
}

func main() {
	root := flag.String("root", ".", "the repository's root")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/newrule [-root DIR] <category>/<name>")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	r, err := Parse(flag.Arg(0))
	var paths []string
	if err == nil {
		paths, err = Write(*root, r)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "newrule:", err)
		os.Exit(1)
	}
	for _, p := range paths {
		fmt.Println("wrote", p)
	}
	fmt.Printf("next: replace every TODO (docs/writing-rules.md), then go test ./rules/ ./lint/ and make docs\n")
}
