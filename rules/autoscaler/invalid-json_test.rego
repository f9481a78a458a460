package dnslint.rules.autoscaler["invalid-json_test"]

import data.dnslint.rules.autoscaler["invalid-json"] as rule

pos(l, c) := {"file": "as.yaml", "line": l, "col": c, "end_line": l, "end_col": c}

value(raw, l, c) := {"raw": raw, "items": [], "pos": pos(l, c)}

autoscaler(mode, params, values) := {
	"mode": mode, "params": params, "values": values, "value_kind": "string", "error_pos": null,
	"value_pos": pos(7, 5), "keys": [{"text": mode, "pos": pos(6, 3)}],
	"fields": {k: pos(7, 6) | some k, _ in params},
}

run(a) := {"autoscalers": [a], "parse_errors": []}

test_syntax_error_at_its_place if {
	a := object.union(autoscaler("linear", null, {}), {"error_pos": pos(7, 40)})
	r := rule.report with input as {"autoscalers": [a], "parse_errors": [{
		"format": "autoscaler", "pos": pos(7, 5),
		"message": "invalid character '}' looking for beginning of object key string",
	}]}
	count(r) == 1
	some f in r
	f.location == pos(7, 40)
	contains(f.message, "`error parsing linear params: could not parse parameters (invalid character '}' looking for beginning of object key string)`")
}

test_syntax_error_without_place if {
	some f in rule.report with input as {"autoscalers": [autoscaler("ladder", null, {})], "parse_errors": [{
		"format": "autoscaler", "pos": pos(7, 5), "message": "unexpected end of JSON input",
	}]}
	f.location == pos(7, 5)
}

test_yaml_mapping if {
	a := object.union(autoscaler("ladder", null, {}), {"value_kind": "mapping"})
	r := rule.report with input as {"autoscalers": [a], "parse_errors": [{"format": "autoscaler", "pos": pos(7, 5), "message": "ladder is a YAML mapping, not a string: …"}]}
	count(r) == 1
	some f in r
	contains(f.message, "this value is a YAML mapping, but ConfigMap data values must be strings: the API server rejects the ConfigMap")
}

test_wrong_types if {
	r := rule.report with input as run(autoscaler("linear", {"coresPerReplica": "256", "min": 2, "max": 3, "preventSinglePointFailure": "true"}, {
		"coresPerReplica": value(`"256"`, 7, 20),
		"min": value("2.0", 7, 30),
		"max": value("3", 7, 40),
		"preventSinglePointFailure": value(`"true"`, 7, 50),
	}))
	count(r) == 3
	some f in r
	f.location == pos(7, 30)
	contains(f.message, "CPA cannot decode `min` (2.0)")
	contains(f.message, "(json: cannot unmarshal number 2.0 into Go struct field … of type int)")
	some g in r
	g.location == pos(7, 20)
	contains(g.message, "cannot unmarshal string into Go struct field … of type float64")
	some h in r
	h.location == pos(7, 50)
	contains(h.message, "of type bool)`. Write true or false, without quotes")
}

test_ladder_list_types_and_case_insensitive_keys if {
	r := rule.report with input as run(autoscaler("ladder", {"CoresToReplicas": {"1": 2}, "nodesToReplicas": [[1, 2]]}, {
		"CoresToReplicas": value("", 7, 20),
		"nodesToReplicas": value("", 7, 40),
	}))
	count(r) == 1
	some f in r
	contains(f.message, "CPA cannot decode `CoresToReplicas` (object)")
}

test_valid_and_unknown_fields_pass if {
	count(rule.report) == 0 with input as run(autoscaler("linear", {"coresPerReplica": 0.5, "min": 2, "max": null, "other": "x"}, {
		"coresPerReplica": value("0.5", 7, 20),
		"min": value("2", 7, 30),
		"max": value("null", 7, 40),
		"other": value(`"x"`, 7, 50),
	}))
}
