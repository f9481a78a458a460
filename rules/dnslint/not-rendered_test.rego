package dnslint.rules.dnslint["not-rendered_test"]

import data.dnslint.rules.dnslint["not-rendered"] as rule

pos := {"file": "charts/app/Chart.yaml", "line": 1, "col": 1, "end_line": 1, "end_col": 1}

test_render_error_is_an_error if {
	r := rule.report with input as {"parse_errors": [{"format": "render", "message": "helm: parse error", "pos": pos}]}
	r == {{"message": "helm: parse error", "location": pos}}
}

test_skipped_part_is_info if {
	r := rule.report with input as {"parse_errors": [{"format": "render-skipped", "message": "not vendored", "pos": pos}]}
	r == {{"message": "not vendored", "location": pos, "severity": "info"}}
}

test_other_formats_ignored if {
	r := rule.report with input as {"parse_errors": [{"format": "yaml", "message": "x", "pos": pos}]}
	r == set()
}
