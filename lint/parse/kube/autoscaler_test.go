package kube

import (
	"strings"
	"testing"
)

func parseOne(t *testing.T, in string) *Result {
	t.Helper()
	res, err := Parse("a.yaml", []byte(in))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return res
}

func TestAutoscalerValues(t *testing.T) {
	in := "kind: ConfigMap\n" +
		"metadata: {name: coredns-autoscaler}\n" +
		"data:\n" +
		"  ladder: |-\n" +
		"    {\"coresToReplicas\": [[1, 2], [512, 3]],\n" +
		"     \"nodesToReplicas\": [[1], [8, 2.0, 9], [[4]]],\n" +
		"     \"x\": {\"a\": [1]}, \"includeUnschedulableNodes\": true}\n"
	res := parseOne(t, in)
	a := res.Autoscalers[0]
	data := []byte(in)
	if err := checkPositions(res, "a.yaml", len(fileLines(data))); err != nil {
		t.Error(err)
	}
	if a.Mode != "ladder" || res.AutoscalerErrors[a] != nil || a.ValueKind != "string" {
		t.Fatalf("mode %q, error %v, kind %q", a.Mode, res.AutoscalerErrors[a], a.ValueKind)
	}
	cores := a.Values["coresToReplicas"]
	if got := textAt(data, cores.Pos); got != "[[1, 2], [512, 3]]" || cores.Raw != "" || len(cores.Items) != 2 {
		t.Errorf("coresToReplicas covers %q, raw %q, %d items", got, cores.Raw, len(cores.Items))
	}
	step := cores.Items[1]
	if got := textAt(data, step.Pos); got != "[512, 3]" {
		t.Errorf("step covers %q", got)
	}
	if n := step.Items[1]; n.Raw != "3" || textAt(data, n.Pos) != "3" || n.Pos.Line != 5 || n.Pos.Col != 40 {
		t.Errorf("replicas %q at %v", n.Raw, n.Pos)
	}
	nodes := a.Values["nodesToReplicas"].Items
	if len(nodes) != 3 || len(nodes[0].Items) != 1 || nodes[1].Items[1].Raw != "2.0" || len(nodes[1].Items) != 3 {
		t.Fatalf("nodes %+v", nodes)
	}
	// Deeper than a step's numbers: read whole.
	if deep := nodes[2].Items[0]; deep.Raw != "" || len(deep.Items) != 0 || textAt(data, deep.Pos) != "[4]" {
		t.Errorf("deep %+v covers %q", deep, textAt(data, deep.Pos))
	}
	if x := a.Values["x"]; x.Raw != "" || textAt(data, x.Pos) != `{"a": [1]}` {
		t.Errorf("object value %+v", x)
	}
	if v := a.Values["includeUnschedulableNodes"]; v.Raw != "true" || textAt(data, v.Pos) != "true" {
		t.Errorf("bool value %+v", v)
	}
}

func TestAutoscalerQuotedPositions(t *testing.T) {
	for _, tt := range []struct {
		value, exact string
	}{
		{`'{"coresToReplicas":[[1,2],[512,3]]}'`, "[512,3]"},
		{`{"coresToReplicas":[[1,2],[512,3]]}`, ""},       // a YAML mapping
		{`"{\"coresToReplicas\":[[1,2],[512,3]]}"`, "\""}, // escapes: the value's position
		{`'{"coresToReplicas":[[1,2],[512,3]], "a": "it''s"}'`, "'"},
	} {
		in := "kind: ConfigMap\ndata:\n  ladder: " + tt.value + "\n"
		res := parseOne(t, in)
		a := res.Autoscalers[0]
		if tt.exact == "" {
			if a.ValueKind != "mapping" || a.Params != nil || res.AutoscalerErrors[a] == nil {
				t.Errorf("%s: kind %q, params %v", tt.value, a.ValueKind, a.Params)
			}
			continue
		}
		step := a.Values["coresToReplicas"].Items[1]
		got := textAt([]byte(in), step.Pos)
		if tt.exact == "'" || tt.exact == "\"" {
			got = got[:1]
		}
		if got != tt.exact {
			t.Errorf("%s: step covers %q, want %q", tt.value, got, tt.exact)
		}
	}
}

func TestAutoscalerErrors(t *testing.T) {
	for _, tt := range []struct {
		value, err string
		params     bool
		errorPos   string // the text at ErrorPos
	}{
		{"'null'", "", true, ""},
		{"'[1, 2]'", "json: cannot unmarshal array into Go value of type laddercontroller.ladderParams", false, ""},
		{"'{\"coresToReplicas\":[[1,2],]}'", "invalid character ']' looking for beginning of value", false, "]"},
		{"''", "unexpected end of JSON input", false, ""},
	} {
		in := "kind: ConfigMap\ndata:\n  ladder: " + tt.value + "\n"
		res := parseOne(t, in)
		a := res.Autoscalers[0]
		err := res.AutoscalerErrors[a]
		if (err == nil) != (tt.err == "") || err != nil && err.Error() != tt.err || (a.Params != nil) != tt.params {
			t.Errorf("%s: error %v, params %v", tt.value, err, a.Params)
		}
		if got := ""; a.ErrorPos != nil {
			got = textAt([]byte(in), *a.ErrorPos)
			if got != tt.errorPos {
				t.Errorf("%s: error at %q, want %q", tt.value, got, tt.errorPos)
			}
		} else if tt.errorPos != "" {
			t.Errorf("%s: no error position", tt.value)
		}
	}
}

func TestAutoscalerModeLike(t *testing.T) {
	for _, tt := range []struct {
		data string
		keys string // "" when the ConfigMap is no autoscaler
	}{
		{"  Ladder: '{}'\n", "Ladder"},
		{"  ladder.json: '{\"coresToReplicas\": [[1, 2]]}'\n", "ladder.json"},
		{"  params: '{\"NODESPERREPLICA\": 16}'\n  other: x\n", "params other"},
		{"  ladders: x\n", ""},
		{"  linear.json: '{\"weights\": [1, 2]}'\n", ""},
		{"  config.json: '{\"min\": 2, \"linear\": true}'\n", ""},
		{"  Corefile: |\n    .:53 {\n    }\n", ""},
	} {
		res := parseOne(t, "kind: ConfigMap\nmetadata: {name: x}\ndata:\n"+tt.data)
		var keys []string
		for _, a := range res.Autoscalers {
			if a.Mode != "" || a.Params != nil || res.AutoscalerErrors[a] != nil {
				t.Errorf("%q: mode %q, params %v", tt.data, a.Mode, a.Params)
			}
			for _, k := range a.Keys {
				keys = append(keys, k.Text)
			}
		}
		if got := strings.Join(keys, " "); got != tt.keys {
			t.Errorf("%q: autoscaler keys %q, want %q", tt.data, got, tt.keys)
		}
	}
}
