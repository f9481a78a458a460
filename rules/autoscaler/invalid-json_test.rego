package dnslint.rules.autoscaler["invalid-json_test"]

import data.dnslint.rules.autoscaler["invalid-json"] as rule

at(l, c, ec) := {"file": "as.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# autoscaler is a CPA ConfigMap whose data key holds value, on line 5.
autoscaler(key, value) := dnslint.test.input({"as.yaml": concat("\n", [
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: dns-autoscaler, namespace: kube-system}",
	"data:",
	sprintf("  %s: '%s'", [key, value]),
])})

test_syntax_error_at_its_place if {
	r := rule.report with input as autoscaler("linear", `{"min": 2, }`)
	count(r) == 1
	some f in r
	f.location == at(5, 23, 23)
	contains(f.message, "`error parsing linear params: could not parse parameters (invalid character '}' looking for beginning of object key string)`")
}

test_unexpected_end if {
	some f in rule.report with input as autoscaler("ladder", `{"coresToReplicas": [[1, 2]]`)
	contains(f.message, "(unexpected end of JSON input)")
	f.location == at(5, 39, 39)
}

# Hand-built: the parser gives every JSON syntax error a place; the rule falls back to the
# value's position should one come without.
test_syntax_error_without_place if {
	value_pos := at(5, 11, 38)
	some f in rule.report with input as {
		"autoscalers": [{"mode": "ladder", "value_kind": "string", "error_pos": null, "value_pos": value_pos, "params": null, "values": {}}],
		"parse_errors": [{"format": "autoscaler", "pos": value_pos, "message": "unexpected end of JSON input"}],
	}
	f.location == value_pos
}

test_yaml_mapping if {
	r := rule.report with input as dnslint.test.input({"as.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: dns-autoscaler, namespace: kube-system}
		data:
		  ladder:
		    coresToReplicas: [[1, 2], [512, 3]]
	`})
	count(r) == 1
	some f in r
	f.location.line == 6
	contains(f.message, "this value is a YAML mapping, but ConfigMap data values must be strings: the API server rejects the ConfigMap")
}

test_wrong_types if {
	r := rule.report with input as autoscaler("linear", `{"coresPerReplica": "256", "min": 2.0, "max": 3, "preventSinglePointFailure": "true"}`)
	count(r) == 3
	some f in r
	f.location == at(5, 46, 48)
	contains(f.message, "CPA cannot decode `min` (2.0)")
	contains(f.message, "(json: cannot unmarshal number 2.0 into Go struct field … of type int)")
	some g in r
	g.location == at(5, 32, 36)
	contains(g.message, "cannot unmarshal string into Go struct field … of type float64")
	some h in r
	h.location == at(5, 90, 95)
	contains(h.message, "of type bool)`. Write true or false, without quotes")
}

test_ladder_list_types_and_case_insensitive_keys if {
	r := rule.report with input as autoscaler("ladder", `{"CoresToReplicas": {"1": 2}, "nodesToReplicas": [[1, 2]]}`)
	count(r) == 1
	some f in r
	contains(f.message, "CPA cannot decode `CoresToReplicas` (object)")
}

test_valid_and_unknown_fields_pass if {
	count(rule.report) == 0 with input as autoscaler("linear", `{"coresPerReplica": 0.5, "min": 2, "max": null, "other": "x"}`)
}
