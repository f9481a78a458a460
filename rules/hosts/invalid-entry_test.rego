package dnslint.rules.hosts["invalid-entry_test"]

import data.dnslint.rules.hosts["invalid-entry"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

line(words, l) := {"name": words[0], "args": [{"text": w, "pos": pos(l, 9 + (10 * i))} | some i, w in array.slice(words, 1, count(words))], "block": [], "via": [], "pos": pos(l, 9)}

hosts(args, block) := {"corefiles": [{"server_blocks": [{"keys": [{"text": ".", "zone": ".", "port": "53", "pos": pos(1, 1)}], "via": [], "directives": [{
	"name": "hosts", "args": [{"text": a, "pos": pos(2, 11)} | some a in args], "block": block, "via": [], "pos": pos(2, 5),
}]}]}]}

test_name_first if {
	r := rule.report with input as hosts([], [line(["db.internal", "10.0.0.1"], 3)])
	count(r) == 1
	some f in r
	f.location == pos(3, 9)
	contains(f.message, "Did you mean `10.0.0.1 db.internal`?")
}

test_bad_address_and_no_name if {
	count(rule.report) == 1 with input as hosts([], [line(["10.0.0.256", "git.internal"], 3)])
	some f in rule.report with input as hosts([], [line(["10.0.0.3"], 3)])
	contains(f.message, "names no host")
}

test_misspelt_option if {
	some f in rule.report with input as hosts([], [line(["reloads", "15s"], 3)])
	contains(f.message, "`reloads` is no hosts option either")
}

test_name_outside_the_zones if {
	r := rule.report with input as hosts(["/etc/hosts", "lab.internal"], [line(["10.0.0.4", "nas.lab.internal", "nas.home.arpa"], 3)])
	count(r) == 1
	some f in r
	f.location == pos(3, 19)
}

test_valid_entries_options_and_placeholders if {
	block := [
		line(["10.0.0.1", "registry.internal", "registry"], 3),
		line(["fe80::1%eth0", "router.internal"], 4),
		line(["{$NAS_IP}", "nas.internal"], 5),
		line(["${ip}", "x.internal"], 6),
		line(["ttl", "60"], 7),
		line(["fallthrough"], 8),
		line(["10.0.0.9"], 9),
	]
	count(rule.report) == 0 with input as hosts([], block)
}
