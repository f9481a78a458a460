package inputschema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/dnslint/dnslint/lint/model"
)

// The JSON Schema: the root is model.Input, every other struct of the model a definition
// referred to by name. Objects are closed (additionalProperties false), so that OPA's type
// checker refuses a policy reading a field the model does not have. Lists are never null
// (model.Normalize); pointers are the type or null; maps are objects keyed by name; `any`
// (an autoscaler's decoded parameters) is any JSON value.

// Field is one JSON field of a model struct, in declaration order.
type Field struct {
	Name     string       // the JSON name
	GoName   string       // the Go field name
	Type     reflect.Type // its Go type
	Optional bool         // omitempty: absent rather than empty
}

// Fields lists the JSON fields of a struct type, skipping `json:"-"`.
func Fields(t reflect.Type) []Field {
	var out []Field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, Field{Name: name, GoName: f.Name, Type: f.Type, Optional: strings.Contains(opts, "omitempty")})
	}
	return out
}

// Root is the type of the rules' input.
var Root = reflect.TypeFor[model.Input]()

// Schema is the JSON Schema (draft-07, what OPA's type checker reads) of the rules' input,
// with the doc comments of lint/model as descriptions.
func Schema(c Comments) ([]byte, error) {
	g := &generator{comments: c, defs: map[string]any{}}
	root := g.object(Root)
	root["$schema"] = "http://json-schema.org/draft-07/schema#"
	root["$id"] = "https://github.com/dnslint/dnslint/blob/main/rules/schema/input.json"
	root["title"] = "dnslint rule input"
	root["definitions"] = g.defs
	if g.err != nil {
		return nil, g.err
	}
	b, err := json.MarshalIndent(root, "", "  ")
	return append(b, '\n'), err
}

type generator struct {
	comments Comments
	defs     map[string]any
	err      error
}

// object is the closed object schema of a struct type.
func (g *generator) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	required := []string{}
	for _, f := range Fields(t) {
		p := g.of(f.Type)
		if d := g.comments[t.Name()+"."+f.GoName]; d != "" {
			p["description"] = d
		}
		props[f.Name] = p
		if !f.Optional {
			required = append(required, f.Name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}
	if d := g.comments[t.Name()]; d != "" {
		s["description"] = d
	}
	return s
}

// of is the schema of a value of type t.
func (g *generator) of(t reflect.Type) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		s := g.of(t.Elem())
		if ty, ok := s["type"].(string); ok {
			s["type"] = []string{ty, "null"}
			return s
		}
		// A struct: its definition, or null. Not anyOf: OPA reads a union of an object and
		// null as `any` and would check no field below it; of a type list it takes the
		// object, so every field is checked (and a policy tests for null with is_null).
		if def, seen := g.defs[t.Elem().Name()]; seen && def == nil {
			g.err = fmt.Errorf("inputschema: %s holds a pointer to itself, which cannot be inlined", t.Elem())
			return map[string]any{}
		}
		def := g.object(t.Elem())
		def["type"] = []string{"object", "null"}
		return def
	case reflect.Struct:
		if _, done := g.defs[t.Name()]; !done {
			g.defs[t.Name()] = nil // recursive types refer to themselves
			g.defs[t.Name()] = g.object(t)
		}
		return map[string]any{"$ref": "#/definitions/" + t.Name()}
	case reflect.Slice:
		elem := t.Elem()
		if elem.Kind() == reflect.Pointer {
			elem = elem.Elem() // a list holds no null
		}
		return map[string]any{"type": "array", "items": g.of(elem)}
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			g.fail(t)
		}
		s := map[string]any{"type": "object", "additionalProperties": g.of(t.Elem())}
		if t.Elem().Kind() == reflect.Interface {
			s["type"] = []string{"object", "null"} // model.Normalize leaves these nil
		}
		return s
	case reflect.Interface:
		return map[string]any{}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	}
	g.fail(t)
	return map[string]any{}
}

func (g *generator) fail(t reflect.Type) {
	if g.err == nil {
		g.err = fmt.Errorf("inputschema: no JSON Schema for Go type %s", t)
	}
}
