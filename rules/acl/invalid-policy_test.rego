package dnslint.rules.acl["invalid-policy_test"]

import data.dnslint.rules.acl["invalid-policy"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

d(words, block, l) := {
	"name": words[0], "args": [{"text": w, "pos": pos(l, 5 + (10 * i))} | some i, w in words; i > 0],
	"block": block, "has_block": count(block) > 0, "via": [], "pos": pos(l, 5),
}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

findings(words) := {[f.location.col, f.message] | some f in rule.report with input as cf([d(["acl"], [d(words, [], 3)], 2)])}

refused(words, col, text) if {
	fs := findings(words)
	count(fs) == 1
	some [c, m] in fs
	c == col
	contains(m, text)
}

test_sections_refused if {
	refused(["block", "A", "net", "192.168.0.0/16"], 15, "`unexpected token \"A\"; expect 'type | net'`")
	refused(["block", "type", "net", "192.168.0.0/16"], 15, "`no token specified in \"type\" section`")
	refused(["block", "type", "A", "NET"], 35, "`no token specified in \"net\" section`")
	refused(["block", "type", "ABC", "net", "192.168.0.0/16"], 25, "`unexpected token \"ABC\"; expect legal QTYPE`")
	refused(["block", "type", "a"], 25, "`unexpected token \"a\"; expect legal QTYPE`")
	refused(["block", "type", "A", "net", "192.168.0.0/33"], 45, "`illegal CIDR notation \"192.168.0.0/33\"`")
	refused(["block", "type", "A", "net", "2001::85a3::8a2e:370:7334"], 45, "`illegal CIDR notation \"2001::85a3::8a2e:370:7334/128\"`")

	# only the first problem: CoreDNS stops there
	refused(["block", "type", "ABC", "net", "192.168.0.0/33"], 25, "ABC")
}

test_sections_accepted if {
	every words in [
		["block"], ["drop", "type", "AAAA", "ANY"], ["allow", "net", "10.0.0.1", "fd00::1", "10.0.0.0/8"],
		["filter", "TYPE", "A", "NET", "*"], ["block", "type", "*", "BOGUS", "net", "*", "junk"],
		["block", "net", "192.168.0.0/16", "type", "MX"],
	] {
		count(findings(words)) == 0
	}
}
