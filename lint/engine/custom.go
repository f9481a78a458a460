package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/dnslint/dnslint/lint/finding"
)

// ruleMetadata is a rule's METADATA custom block, every key it may hold. A key not here
// (a typo such as "eachh") is a load error; keys prefixed "x-" are left to other tools.
type ruleMetadata struct {
	// Severity is error, warning or info.
	Severity string `json:"severity"`
	// Each is the input collection the rule reports on element by element (eachOf).
	Each string `json:"each"`
	// Params are the parameters' defaults; their JSON type is the parameter's type.
	Params map[string]any `json:"params"`
	// ParamSchema narrows a parameter: a range, allowed values, or the type of an array's
	// elements when the default is empty.
	ParamSchema map[string]paramSchema `json:"param_schema"`
	// Engine true: the engine emits the rule's findings (the .rego file holds only its
	// METADATA).
	Engine bool `json:"engine"`
	// DefaultEnabled false: the rule runs only when enabled (default true).
	DefaultEnabled *bool `json:"default_enabled"`
	// Bad and Good are examples for the docs; Fix says how to fix a finding; Source
	// names what the rule is checked against; Since and Until the releases it applies to.
	Bad    string `json:"bad"`
	Good   string `json:"good"`
	Fix    string `json:"fix"`
	Source string `json:"source"`
	// Fixable true: the rule's findings may carry a fix (edits with their safety, or a
	// declined reason); "fix" above is the advice in words.
	Fixable bool   `json:"fixable"`
	Since   string `json:"since"`
	Until   string `json:"until"`
}

// paramSchema is one entry of custom.param_schema.
type paramSchema struct {
	Type    string   `json:"type"`
	Items   string   `json:"items"`
	Minimum *float64 `json:"minimum"`
	Maximum *float64 `json:"maximum"`
	Enum    []any    `json:"enum"`
}

// unknownField is encoding/json's message for a key DisallowUnknownFields refuses.
var unknownField = regexp.MustCompile(`^json: unknown field "([^"]+)"$`)

// decodeCustom decodes a METADATA custom block strictly.
func decodeCustom(m *ast.Module, a *ast.Annotations, file, id string) (ruleMetadata, error) {
	var md ruleMetadata
	custom := map[string]any{}
	for k, v := range a.Custom {
		if !strings.HasPrefix(k, "x-") {
			custom[k] = v
		}
	}
	b, err := json.Marshal(custom)
	if err != nil {
		return md, fmt.Errorf("%s: rule %s: METADATA custom: %w", file, id, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&md); err != nil {
		if u := unknownField.FindStringSubmatch(err.Error()); u != nil {
			key, _, _ := strings.Cut(u[1], ".")
			return md, fmt.Errorf("%s:%d: rule %s: METADATA custom: unknown key %q (known: %s; prefix a key for another tool with x-)",
				file, customLine(m, a, key), id, u[1], strings.Join(customKeys(), ", "))
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return md, fmt.Errorf("%s:%d: rule %s: METADATA custom.%s: a JSON %s, want %s",
				file, customLine(m, a, strings.Split(te.Field, ".")[0]), id, te.Field, te.Value, te.Type)
		}
		return md, fmt.Errorf("%s:%d: rule %s: METADATA custom: %w", file, a.Location.Row, id, err)
	}
	return md, nil
}

// customKeys are the keys ruleMetadata knows.
func customKeys() []string {
	return []string{"severity", "each", "params", "param_schema", "default_enabled", "engine", "bad", "good", "fix", "fixable", "source", "since", "until"}
}

// customLine is the line of a custom key in the rule's METADATA comment block (the
// block's first line when the key is not found).
func customLine(m *ast.Module, a *ast.Annotations, key string) int {
	if a.Location == nil {
		return 0
	}
	re := regexp.MustCompile(`^\s+"?` + regexp.QuoteMeta(key) + `"?\s*:`)
	for _, c := range m.Comments {
		if c.Location != nil && c.Location.Row > a.Location.Row && re.Match(c.Text) {
			return c.Location.Row
		}
	}
	return a.Location.Row
}

// params types the rule's parameters: each default's JSON type, narrowed by param_schema.
func (md ruleMetadata) params() (map[string]finding.Param, error) {
	for name := range md.ParamSchema {
		if _, ok := md.Params[name]; !ok {
			return nil, fmt.Errorf("param_schema: %q is not in custom.params (give every parameter a default)", name)
		}
	}
	if len(md.Params) == 0 {
		return nil, nil
	}
	out := map[string]finding.Param{}
	for name, def := range md.Params {
		s := md.ParamSchema[name]
		p := finding.Param{Type: finding.TypeOf(def), Default: def, Minimum: s.Minimum, Maximum: s.Maximum, Enum: s.Enum}
		if s.Type != "" {
			if !slices.Contains(finding.ParamTypes, s.Type) {
				return nil, fmt.Errorf("param_schema.%s.type: %q is not one of %s", name, s.Type, strings.Join(finding.ParamTypes, ", "))
			}
			p.Type = s.Type
		}
		if !slices.Contains(finding.ParamTypes, p.Type) {
			return nil, fmt.Errorf("params.%s: a default of type %s; want one of %s", name, p.Type, strings.Join(finding.ParamTypes, ", "))
		}
		if p.Type == "array" {
			p.Items = s.Items
			if items, _ := def.([]any); p.Items == "" && len(items) > 0 {
				p.Items = finding.TypeOf(items[0])
			}
			if p.Items == "" || p.Items == "array" || !slices.Contains(finding.ParamTypes, p.Items) {
				return nil, fmt.Errorf("params.%s: the type of its elements is unknown: give a non-empty default or param_schema.%s.items (integer, number, string or boolean)", name, name)
			}
		} else if s.Items != "" {
			return nil, fmt.Errorf("param_schema.%s.items: %s is not an array", name, name)
		}
		if err := p.Check(def); err != nil {
			return nil, fmt.Errorf("params.%s: the default does not fit its own schema: %w", name, err)
		}
		out[name] = p
	}
	return out, nil
}
