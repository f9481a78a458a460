package dnslint.rules.hosts["entry-after-fallthrough_test"]

import data.dnslint.rules.hosts["entry-after-fallthrough"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 9, "end_line": l, "end_col": 16}

line(name, args, l) := {"name": name, "args": [{"text": a, "pos": pos(l)} | some a in args], "block": [], "via": [], "pos": pos(l)}

hosts(block) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
	"name": "hosts", "args": [], "block": block, "via": [], "pos": pos(2),
}]}]}]}

test_entry_after_fallthrough if {
	r := rule.report with input as hosts([line("10.0.0.1", ["a.example"], 3), line("fallthrough", [], 4), line("10.0.0.2", ["b.example"], 5)])
	count(r) == 1
	some f in r
	f.location == pos(5)
	contains(f.message, "`unknown property '10.0.0.2'`")
	contains(f.message, "after `fallthrough` (line 4)")
}

test_options_after_fallthrough_are_fine if {
	count(rule.report) == 0 with input as hosts([line("10.0.0.1", ["a.example"], 3), line("fallthrough", [], 4), line("ttl", ["60"], 5), line("reload", ["15s"], 6)])
}

test_two_fallthroughs_report_once if {
	r := rule.report with input as hosts([line("fallthrough", [], 3), line("fallthrough", [], 4), line("10.0.0.2", ["b.example"], 5)])
	count(r) == 1
}
