package inputschema

import (
	"fmt"
	"reflect"
	"strings"
)

// Markdown is the reference of the input's shape for docs/input.md: a table for model.Input
// and one for every struct it reaches, in the order they are first reached, each field with
// its type and doc comment.
func Markdown(c Comments) string {
	var b strings.Builder
	seen := map[reflect.Type]bool{Root: true}
	queue := []reflect.Type{Root}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		title := "`" + t.Name() + "`"
		if t == Root {
			title = "`input` (" + title + ")"
		}
		fmt.Fprintf(&b, "### %s\n\n", title)
		if d := c[t.Name()]; d != "" {
			fmt.Fprintf(&b, "%s\n\n", d)
		}
		b.WriteString("| field | type | |\n| --- | --- | --- |\n")
		for _, f := range Fields(t) {
			name := "`" + f.Name + "`"
			if f.Optional {
				name += " (may be absent)"
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", name, typeName(f.Type), cell(c[t.Name()+"."+f.GoName]))
			for _, s := range structsOf(f.Type) {
				if !seen[s] {
					seen[s] = true
					queue = append(queue, s)
				}
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// typeName is how a Go type of the model reads in JSON terms.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return typeName(t.Elem()) + " or null"
	case reflect.Struct:
		return fmt.Sprintf("[%s](#%s)", t.Name(), strings.ToLower(t.Name()))
	case reflect.Slice:
		elem := t.Elem()
		if elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		return "list of " + typeName(elem)
	case reflect.Map:
		s := "object: name → " + typeName(t.Elem())
		if t.Elem().Kind() == reflect.Interface {
			s += ", or null"
		}
		return s
	case reflect.Interface:
		return "any JSON value"
	case reflect.Int, reflect.Int32, reflect.Int64:
		return "integer"
	case reflect.Float64:
		return "number"
	case reflect.Bool:
		return "boolean"
	}
	return t.Kind().String()
}

// structsOf lists the struct types a field's type holds.
func structsOf(t reflect.Type) []reflect.Type {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		return structsOf(t.Elem())
	case reflect.Struct:
		return []reflect.Type{t}
	}
	return nil
}

// cell is text safe in a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
