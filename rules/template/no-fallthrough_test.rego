package dnslint.rules.template["no-fallthrough_test"]

import data.dnslint.rules.template["no-fallthrough"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 5, "end_line": l, "end_col": 12}

d(name, args, block) := {"name": name, "args": [{"text": a, "pos": pos(9)} | some a in args], "block": block, "via": [], "pos": pos(3)}

cf(zone, ds) := {"corefiles": [{"server_blocks": [{"keys": [{"text": zone, "zone": zone, "port": "53", "pos": pos(1)}], "via": [], "directives": ds}]}]}

match := d("match", ["^www\\.example\\.com\\.$"], [])

fwd := d("forward", [".", "/etc/resolv.conf"], [])

test_match_without_fallthrough if {
	r := rule.report with input as cf(".", [d("template", ["IN", "A", "example.com"], [match]), fwd])
	count(r) == 1
	some f in r
	f.location == pos(3)
	contains(f.message, "the A queries of every name under `example.com`")
	contains(f.message, "forward never sees them")
}

test_fallthrough_or_no_match if {
	count(rule.report) == 0 with input as cf(".", [d("template", ["IN", "A", "example.com"], [match, d("fallthrough", [], [])]), fwd])
	count(rule.report) == 0 with input as cf(".", [d("template", ["ANY", "ANY", "reddog.microsoft.com"], [d("rcode", ["NXDOMAIN"], [])]), fwd])
}

test_template_owns_its_zone if {
	count(rule.report) == 0 with input as cf("ingress.lab.", [d("template", ["IN", "A"], [match])])
}
