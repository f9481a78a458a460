package dnslint.rules.yaml.syntax_test

import data.dnslint.rules.yaml.syntax

pos := {"file": "cm.yaml", "line": 5, "col": 1, "end_line": 5, "end_col": 1}

test_reports_yaml_errors_only if {
	r := syntax.report with input as {"parse_errors": [
		{"format": "yaml", "message": "line 5: did not find expected key", "pos": pos},
		{"format": "corefile", "message": "x", "pos": pos},
	]}
	r == {{"message": "not valid YAML: line 5: did not find expected key", "location": pos}}
}
