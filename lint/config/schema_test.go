package config_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	yaml "sigs.k8s.io/yaml/goyaml.v3"

	"github.com/dnslint/dnslint/lint/compose"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/engine"
)

func schema(t *testing.T) []byte {
	t.Helper()
	cat, err := engine.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	s, err := config.Schema(cat.Rules, compose.KnownPlatforms())
	if err != nil {
		t.Fatal(err)
	}
	return append(s, '\n')
}

// TestSchemaUpToDate fails when docs/dnslint.schema.json differs from what the code and
// the catalog generate.
func TestSchemaUpToDate(t *testing.T) {
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "dnslint.schema.json"))
	if err != nil || string(got) != string(schema(t)) {
		t.Fatalf("docs/dnslint.schema.json is stale or missing: run `make docs` (%v)", err)
	}
}

// The schema accepts what dnslint accepts and refuses the wrong parameters of issue 12,
// as a JSON Schema validator (OPA's json.match_schema) reads it.
func TestSchemaValidates(t *testing.T) {
	var s any
	if err := json.Unmarshal(schema(t), &s); err != nil {
		t.Fatal(err)
	}
	for doc, valid := range map[string]bool{
		"fail-on: warning\nplatform: k3s\nrules:\n  pod/high-ndots:\n    severity: info\n    params:\n      max_ndots: 3\n  corefile/unexpected-port:\n    params:\n      service_ports: [53, 5353]\n  acme/custom:\n    params:\n      anything: x\n": true,
		"rules:\n  pod/high-ndots:\n    params:\n      max_ndots: \"5\"\n": false,
		"rules:\n  cache/low-ttl:\n    params:\n      min_ttl: sixty\n":    false,
		"rules:\n  cache/low-ttl:\n    params:\n      min_ttl: -5\n":       false,
		"rules:\n  cache/low-ttl:\n    params:\n      min_tll: 60\n":       false,
		"rulez: {}\n":    false,
		"fail-on: bad\n": false,
	} {
		var v any
		if err := yaml.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatal(err)
		}
		rs, err := rego.New(rego.Query("x := json.match_schema(input.doc, input.schema)[0]"),
			rego.Input(map[string]any{"doc": v, "schema": s})).Eval(context.Background())
		if err != nil || len(rs) != 1 {
			t.Fatalf("%v %v", rs, err)
		}
		if got := rs[0].Bindings["x"]; got != valid {
			t.Errorf("%q: valid %v, want %v", doc, got, valid)
		}
	}
}
