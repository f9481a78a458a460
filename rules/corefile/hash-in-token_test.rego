package dnslint.rules.corefile["hash-in-token_test"]

import data.dnslint.rules.corefile["hash-in-token"] as rule

pos(l, c, e) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": e}

cf(truncated) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [], "truncated": truncated}]}]}

test_port_after_hash if {
	r := rule.report with input as cf([{"text": "1.2.3.4", "dropped": "#53", "pos": pos(2, 22, 24), "via": []}])
	count(r) == 1
	some f in r
	f.location == pos(2, 22, 24)
	contains(f.message, "CoreDNS reads `1.2.3.4#53` as `1.2.3.4`")
	contains(f.message, "`1.2.3.4:53`")
}

test_other_text_after_hash if {
	some f in rule.report with input as cf([{"text": "a", "dropped": "#b", "pos": pos(3, 8, 9), "via": ["/etc/coredns/custom/x.override"]}])
	contains(f.message, "quote it: `\"a#b\"`")
	contains(f.message, "(imported from /etc/coredns/custom/x.override)")
}

test_nothing_dropped if {
	count(rule.report) == 0 with input as cf([])
}
