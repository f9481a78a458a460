package dnslint.rules.hosts["no-fallthrough_test"]

import data.dnslint.rules.hosts["no-fallthrough"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 5, "end_line": l, "end_col": 9}

d(name, args, block) := {"name": name, "args": [{"text": a, "pos": pos(9)} | some a in args], "block": block, "via": [], "pos": pos(3)}

cf(zone, ds) := {"corefiles": [{"server_blocks": [{"keys": [{"text": zone, "zone": zone, "port": "53", "pos": pos(1)}], "via": [], "directives": ds}]}]}

entry := d("10.0.0.1", ["db.internal"], [])

fwd := d("forward", [".", "/etc/resolv.conf"], [])

test_hosts_in_root_block if {
	r := rule.report with input as cf(".", [d("hosts", [], [entry]), d("kubernetes", ["cluster.local"], []), fwd])
	count(r) == 1
	some f in r
	f.location == pos(3)
	contains(f.message, "SERVFAIL for every name it has no entry for")
	contains(f.message, "kubernetes and forward never see")
}

test_zone_of_the_hosts_file if {
	some f in rule.report with input as cf(".", [d("hosts", ["/etc/hosts", "corp.example.com"], []), fwd])
	contains(f.message, "every name under `corp.example.com`")
}

test_with_fallthrough if {
	count(rule.report) == 0 with input as cf(".", [d("hosts", [], [entry, d("fallthrough", [], [])]), fwd])
}

test_nothing_else_answers if {
	count(rule.report) == 0 with input as cf("lab.internal.", [d("hosts", [], [entry]), d("log", [], [])])
	other := d("forward", ["corp.example.com", "10.0.0.53"], [])
	count(rule.report) == 0 with input as cf(".", [d("hosts", ["/etc/hosts", "home.arpa"], []), other])
}
