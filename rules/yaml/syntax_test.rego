package dnslint.rules.yaml.syntax_test

import data.dnslint.rules.yaml.syntax

test_reports_yaml_errors_only if {
	# the YAML parser places the error on the line of the mapping whose key it missed
	run := dnslint.test.input({
		"cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n bad: indent\n",
		"broken.corefile": ".:53 {\n    log\n",
	})
	some e in run.parse_errors
	e.format == "corefile"
	r := syntax.report with input as run
	r == {{"message": "not valid YAML: did not find expected key", "location": {"file": "cm.yaml", "line": 4, "col": 1, "end_line": 4, "end_col": 1}}}
}
