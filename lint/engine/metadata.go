package engine

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/dnslint/dnslint/lint/finding"
)

// DocsBase is where the generated rule docs are published.
const DocsBase = "https://github.com/dnslint/dnslint/blob/main/docs/rules/"

// ruleFromAnnotations reads a rule's package METADATA: title, description,
// related_resources (first ref: docs link for user policies) and custom, decoded strictly
// into ruleMetadata (see there); an unknown custom key is an error with its line, except
// keys prefixed "x-", which other tools may use (kept in Rule.Extra).
func ruleFromAnnotations(m *ast.Module, category, name, file string, builtin bool) (finding.Rule, error) {
	id := category + "/" + name
	r := finding.Rule{ID: id, Category: category, Builtin: builtin, File: file}
	a := packageAnnotations(m)
	if a == nil {
		return r, fmt.Errorf("%s: rule %s has no package METADATA (title, description, custom.severity)", file, id)
	}
	r.Title, r.Description = a.Title, strings.TrimSpace(a.Description)
	if r.Title == "" || r.Description == "" {
		return r, fmt.Errorf("%s: rule %s: METADATA needs a title and a description", file, id)
	}
	md, err := decodeCustom(m, a, file, id)
	if err != nil {
		return r, err
	}
	s, err := finding.ParseSeverity(md.Severity)
	if err != nil || s == finding.None {
		return r, fmt.Errorf("%s: rule %s: METADATA custom.severity must be error, warning or info, not %q", file, id, md.Severity)
	}
	r.Severity = s
	if r.Params, err = md.params(); err != nil {
		return r, fmt.Errorf("%s:%d: rule %s: METADATA custom.%w", file, customLine(m, a, "params"), id, err)
	}
	r.Fixable = md.Fixable
	r.DefaultDisabled = md.DefaultEnabled != nil && !*md.DefaultEnabled
	r.Bad, r.Good, r.Fix, r.Source, r.Since, r.Until = md.Bad, md.Good, md.Fix, md.Source, md.Since, md.Until
	for k, v := range a.Custom {
		if strings.HasPrefix(k, "x-") {
			if r.Extra == nil {
				r.Extra = map[string]any{}
			}
			r.Extra[k] = v
		}
	}
	for _, rr := range a.RelatedResources {
		r.References = append(r.References, finding.Reference{URL: rr.Ref.String(), Description: rr.Description})
	}
	if builtin {
		r.DocsURL = DocsBase + id + ".md"
	} else if len(a.RelatedResources) > 0 && a.RelatedResources[0].Ref.String() != "" {
		r.DocsURL = a.RelatedResources[0].Ref.String()
	}
	return r, nil
}

// addData loads a JSON document shipped with the rules as data.dnslint.<name>.
func (c *Catalog) addData(fsys fs.FS, file string) error {
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		return err
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("rules/%s: %w", file, err)
	}
	c.data[strings.TrimSuffix(path.Base(file), ".json")] = v
	return nil
}

func packageAnnotations(m *ast.Module) *ast.Annotations {
	var a *ast.Annotations
	for _, ann := range m.Annotations {
		if ann.Scope == "package" {
			a = ann
		}
	}
	return a
}

// eachOf reads a rule's METADATA custom.each: the input collection it reports on one
// element at a time ("" when it needs the whole input).
func eachOf(m *ast.Module, r finding.Rule, file string) (string, error) {
	a := packageAnnotations(m)
	v, ok := a.Custom["each"]
	if !ok {
		return "", nil
	}
	each, _ := v.(string)
	if !slices.Contains(collections(), each) {
		return "", fmt.Errorf("%s:%d: rule %s: METADATA custom.each must name an input collection (%s), not %v", file, customLine(m, a, "each"), r.ID, strings.Join(collections(), ", "), v)
	}
	return each, nil
}
