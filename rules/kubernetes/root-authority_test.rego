package dnslint.rules.kubernetes["root-authority_test"]

import data.dnslint.rules.kubernetes["root-authority"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

tok(t, c) := {"text": t, "pos": pos(3, c)}

d(name, args, block) := {"name": name, "args": args, "block": block, "has_block": count(block) > 0, "via": [], "pos": pos(3, 5)}

cf(zone, ds) := {"corefiles": [{"server_blocks": [{"keys": [{"text": zone, "zone": zone, "port": "53", "pos": pos(1, 1)}], "via": [], "directives": ds}]}]}

fwd := d("forward", [tok(".", 13), tok("/etc/resolv.conf", 15)], [])

test_no_zone_in_root_block if {
	r := rule.report with input as cf(".", [d("kubernetes", [], []), fwd])
	count(r) == 1
	some f in r
	f.location == pos(3, 5)
	contains(f.message, "instead of reaching forward")
}

test_root_zone_written if {
	some f in rule.report with input as cf(".", [d("kubernetes", [tok("cluster.local", 16), tok(".", 30)], []), fwd])
	f.location == pos(3, 30)
}

test_zones_named if {
	count(rule.report) == 0 with input as cf(".", [d("kubernetes", [tok("cluster.local", 16)], []), fwd])
}

test_cluster_block if {
	count(rule.report) == 0 with input as cf("cluster.local.", [d("kubernetes", [], []), fwd])
}

test_fallthrough_for_everything if {
	ft := d("fallthrough", [], [])
	count(rule.report) == 0 with input as cf(".", [d("kubernetes", [], [ft]), fwd])
	partial := d("fallthrough", [tok("in-addr.arpa", 21)], [])
	count(rule.report) == 1 with input as cf(".", [d("kubernetes", [], [partial]), fwd])
}

test_nothing_after_it if {
	count(rule.report) == 0 with input as cf(".", [d("kubernetes", [], [])])
}
