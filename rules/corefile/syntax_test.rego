package dnslint.rules.corefile.syntax_test

import data.dnslint.rules.corefile.syntax

pos := {"file": "Corefile", "line": 2, "col": 23, "end_line": 2, "end_col": 23}

test_reports_corefile_parse_errors if {
	r := syntax.report with input as {"parse_errors": [
		{"format": "corefile", "message": "Corefile:2 - Error during parsing: Unexpected '}' because no matching opening brace", "pos": pos},
		{"format": "yaml", "message": "did not find expected key", "pos": pos},
	]}
	count(r) == 1
	some f in r
	f.location == pos
	contains(f.message, "Unexpected '}'")
}

test_silent_without_errors if {
	count(syntax.report) == 0 with input as {"parse_errors": []}
}
