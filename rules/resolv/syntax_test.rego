package dnslint.rules.resolv.syntax_test

import data.dnslint.rules.resolv.syntax

pos := {"file": "resolv.conf", "line": 1, "col": 1, "end_line": 1, "end_col": 10}

test_reports_resolv_errors_only if {
	r := syntax.report with input as {"resolv_confs": [], "parse_errors": [
		{"format": "resolv", "message": "nameserver line without an address", "pos": pos},
		{"format": "yaml", "message": "x", "pos": pos},
	]}
	r == {{"message": "nameserver line without an address", "location": pos}}
}

test_nameserver_without_address if {
	kw := {"text": "nameserver", "pos": pos}
	r := syntax.report with input as {"parse_errors": [], "resolv_confs": [{"unknown": [
		{"keyword": kw, "args": []},
		{"keyword": {"text": "nameserver", "pos": pos}, "args": [{"text": "10.0.0.1"}]},
	]}]}
	count(r) == 1
	some f in r
	contains(f.message, "nameserver list is empty")
}
