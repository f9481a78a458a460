package config

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"github.com/dnslint/dnslint/lint/finding"
)

// SchemaID is where the JSON Schema of .dnslint.yaml is published.
const SchemaID = "https://github.com/dnslint/dnslint/blob/main/docs/dnslint.schema.json"

// Schema is the JSON Schema (draft 2020-12) of .dnslint.yaml: the keys of Config (from
// its yaml and doc tags), and under rules: each rule of the catalog with its severity and
// its typed parameters. Other rule ids (from --policy directories) take any parameters.
// platforms are the values of platform:.
func Schema(rules []finding.Rule, platforms []string) ([]byte, error) {
	props := fieldSchemas(reflect.TypeFor[Config]())
	version := "^v?[0-9]+\\.[0-9]+\\.[0-9]+$"
	props["coredns-version"].(map[string]any)["pattern"] = version
	props["kubernetes-version"].(map[string]any)["pattern"] = version
	props["platform"].(map[string]any)["enum"] = slices.Clone(platforms)
	props["fail-on"].(map[string]any)["enum"] = []string{"error", "warning", "info", "none"}
	perRule := map[string]any{}
	for _, r := range rules {
		perRule[r.ID] = ruleSchema(r)
	}
	props["rules"] = map[string]any{
		"description":          props["rules"].(map[string]any)["description"],
		"type":                 "object",
		"properties":           perRule,
		"additionalProperties": ruleSchema(finding.Rule{Title: "A rule from a --policy directory."}),
	}
	return json.MarshalIndent(map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  SchemaID,
		"title":                "dnslint configuration (" + FileName + ")",
		"description":          "Generated from the code and the rule catalog by `make docs`; do not edit.",
		"type":                 "object",
		"properties":           props,
		"additionalProperties": false,
	}, "", "  ")
}

// fieldSchemas describes the yaml-tagged fields of a struct (strings, booleans, lists of
// strings, and structs such as helm:, closed to unknown keys as the decoder is).
func fieldSchemas(t reflect.Type) map[string]any {
	props := map[string]any{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		p := map[string]any{"description": f.Tag.Get("doc")}
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch ft.Kind() {
		case reflect.String:
			p["type"] = "string"
		case reflect.Bool:
			p["type"] = "boolean"
		case reflect.Slice:
			p["type"], p["items"] = "array", map[string]any{"type": "string"}
		case reflect.Struct:
			p["type"], p["properties"], p["additionalProperties"] = "object", fieldSchemas(ft), false
		}
		props[name] = p
	}
	return props
}

func ruleSchema(r finding.Rule) map[string]any {
	params := map[string]any{"type": "object"}
	if r.ID != "" {
		ps := map[string]any{}
		for name, p := range r.Params {
			ps[name] = paramSchema(p)
		}
		params["properties"], params["additionalProperties"] = ps, false
	}
	return map[string]any{
		"description": r.Title,
		"type":        "object",
		"properties": map[string]any{
			"severity": map[string]any{"enum": []string{"error", "warning", "info", "off"}},
			"params":   params,
		},
		"additionalProperties": false,
	}
}

func paramSchema(p finding.Param) map[string]any {
	one := func(t string) map[string]any {
		s := map[string]any{"type": t}
		if p.Minimum != nil {
			s["minimum"] = *p.Minimum
		}
		if p.Maximum != nil {
			s["maximum"] = *p.Maximum
		}
		if len(p.Enum) > 0 {
			s["enum"] = p.Enum
		}
		return s
	}
	s := one(p.Type)
	if p.Type == "array" {
		s = map[string]any{"type": "array", "items": one(p.Items)}
	}
	s["default"] = p.Default
	return s
}
