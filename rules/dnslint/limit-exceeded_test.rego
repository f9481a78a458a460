package dnslint.rules.dnslint["limit-exceeded_test"]

import data.dnslint.rules.dnslint["limit-exceeded"] as rule

pos := {"file": "Corefile", "line": 1, "col": 1, "end_line": 1, "end_col": 1}

test_reports_limits if {
	r := rule.report with input as {"parse_errors": [
		{"format": "limit", "message": "this Corefile has 40000 tokens, more than dnslint's limit of 16384", "pos": pos},
		{"format": "corefile", "message": "Corefile:2 - Error during parsing: Unexpected EOF", "pos": pos},
	]}
	count(r) == 1
	some f in r
	f.location == pos
	contains(f.message, "dnslint did not lint this: this Corefile has 40000 tokens")
}

test_silent_without_limits if {
	count(rule.report) == 0 with input as {"parse_errors": []}
}
