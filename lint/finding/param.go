package finding

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Param is one parameter of a rule: its default (METADATA custom.params), its JSON type
// (inferred from the default, or custom.param_schema.<name>.type) and, where it has them,
// a range and the values allowed (custom.param_schema). For an array, Items is the type
// of its elements, and the range and enum apply to each element.
type Param struct {
	Type    string   `json:"type"`
	Items   string   `json:"items,omitempty"`
	Default any      `json:"default"`
	Minimum *float64 `json:"minimum,omitempty"`
	Maximum *float64 `json:"maximum,omitempty"`
	Enum    []any    `json:"enum,omitempty"`
}

// ParamTypes are the types a parameter may have (JSON Schema names).
var ParamTypes = []string{"integer", "number", "string", "boolean", "array"}

// TypeOf is the JSON type of a value as decoded from JSON or YAML: integer (an integral
// number), number, string, boolean, array, object or null.
func TypeOf(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return "integer"
	case float64:
		if x == math.Trunc(x) && !math.IsInf(x, 0) {
			return "integer"
		}
		return "number"
	case float32:
		return TypeOf(float64(x))
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// Check tells why a value does not fit the parameter (nil when it does).
func (p Param) Check(v any) error {
	if p.Type != "array" {
		return p.checkScalar(p.Type, v)
	}
	items, ok := v.([]any)
	if !ok {
		return fmt.Errorf("%s is %s, want an array of %s", show(v), article(TypeOf(v)), plural(p.Items))
	}
	for i, e := range items {
		if err := p.checkScalar(p.Items, e); err != nil {
			return fmt.Errorf("element %d: %w", i, err)
		}
	}
	return nil
}

func (p Param) checkScalar(want string, v any) error {
	got := TypeOf(v)
	if got != want && !(want == "number" && got == "integer") {
		return fmt.Errorf("%s is %s, want %s", show(v), article(got), article(want))
	}
	if n, ok := number(v); ok {
		if p.Minimum != nil && n < *p.Minimum {
			return fmt.Errorf("%s is below the minimum %v", show(v), *p.Minimum)
		}
		if p.Maximum != nil && n > *p.Maximum {
			return fmt.Errorf("%s is above the maximum %v", show(v), *p.Maximum)
		}
	}
	if len(p.Enum) > 0 && !slices.ContainsFunc(p.Enum, func(e any) bool { return equal(e, v) }) {
		var names []string
		for _, e := range p.Enum {
			names = append(names, show(e))
		}
		return fmt.Errorf("%s is not one of %s", show(v), strings.Join(names, ", "))
	}
	return nil
}

// Describe is the parameter's type and range in words, e.g. "integer, 0..15".
func (p Param) Describe() string {
	t := p.Type
	if t == "array" {
		t = "array of " + plural(p.Items)
	}
	switch {
	case p.Minimum != nil && p.Maximum != nil:
		t += fmt.Sprintf(", %v..%v", *p.Minimum, *p.Maximum)
	case p.Minimum != nil:
		t += fmt.Sprintf(", ≥ %v", *p.Minimum)
	case p.Maximum != nil:
		t += fmt.Sprintf(", ≤ %v", *p.Maximum)
	}
	if len(p.Enum) > 0 {
		var names []string
		for _, e := range p.Enum {
			names = append(names, show(e))
		}
		t += ", one of " + strings.Join(names, ", ")
	}
	return t
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

func equal(a, b any) bool {
	na, ok1 := number(a)
	nb, ok2 := number(b)
	if ok1 && ok2 {
		return na == nb
	}
	return a == b
}

func show(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%v", v)
}

func article(t string) string {
	if t == "integer" || t == "array" || t == "object" {
		return "an " + t
	}
	if t == "null" {
		return "null"
	}
	return "a " + t
}

func plural(t string) string {
	if t == "" {
		return "values"
	}
	return t + "s"
}
