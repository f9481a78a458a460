package dnslint.rules.corefile["duplicate-zone_test"]

import data.dnslint.rules.corefile["duplicate-zone"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c + 3}

key(text, zone, l, c) := {
	"text": text, "scheme": "dns", "zone": lower(zone), "zones": [lower(zone)], "zone_written": zone,
	"port": "53", "port_explicit": true, "error": "", "pos": pos(l, c),
}

block(keys, ds, via) := {"keys": keys, "directives": ds, "via": via}

bind(addr) := {"name": "bind", "args": [{"text": addr, "pos": pos(9, 9)}], "block": [], "via": []}

cf(blocks) := {"corefiles": [{"server_blocks": blocks}]}

test_two_root_blocks if {
	r := rule.report with input as cf([block([key(".:53", ".", 1, 1)], [], []), block([key(".:53", ".", 5, 1)], [], [])])
	count(r) == 1
	some f in r
	f.location == pos(5, 1)
	f.related == [{"message": "`.:53` is first served here", "pos": pos(1, 1)}]
	contains(f.message, "`cannot serve dns://.:53 - it is already defined`")
	contains(f.message, "by the server block at line 1")
}

test_server_key_of_coredns_custom if {
	r := rule.report with input as cf([
		block([key(".:53", ".", 1, 1)], [], []),
		block([key(".:53", ".", 3, 5)], [], ["/etc/coredns/custom/replace.server"]),
	])
	some f in r
	contains(f.message, "(imported from /etc/coredns/custom/replace.server)")
	contains(f.message, "cannot replace it")
}

test_same_key_twice_in_one_block if {
	r := rule.report with input as cf([block([key("example.org", "example.org.", 1, 1), key("example.org:53", "example.org.", 1, 13)], [bind("10.0.0.1")], [])])
	some f in r
	f.location == pos(1, 13)
	contains(f.message, "`cannot serve dns://example.org.:53 on 10.0.0.1 - it is already defined`")
	contains(f.message, "earlier in this block's key list")
}

test_third_block_points_at_the_first if {
	r := rule.report with input as cf([
		block([key(".", ".", 1, 1)], [], []),
		block([key(".", ".", 4, 1)], [], []),
		block([key(".", ".", 7, 1)], [], []),
	])
	{f.location | some f in r} == {pos(4, 1), pos(7, 1)}
	every f in r {
		f.related[0].pos == pos(1, 1)
	}
}

two(b1, b2) := cf([block([key("example.org", "example.org.", 1, 1)], b1, []), block([key("example.org", "example.org.", 5, 1)], b2, [])])

test_bind_addresses if {
	count(rule.report) == 0 with input as two([bind("10.0.0.1")], [bind("10.0.0.2")])
	some f1 in rule.report with input as two([bind("10.0.0.1")], [bind("10.0.0.1")])
	contains(f1.message, "`cannot serve dns://example.org.:53 on 10.0.0.1 - it is already defined`")
	some f2 in rule.report with input as two([], [bind("10.0.0.1")])
	contains(f2.message, "`cannot serve dns://example.org.:53 on 10.0.0.1 - zone overlap listener capacity with dns://example.org.:53`")
	some f3 in rule.report with input as two([bind("10.0.0.1")], [])
	contains(f3.message, "`cannot serve dns://example.org.:53 - zone overlap listener capacity with dns://example.org.:53 on 10.0.0.1`")
}

test_case_follows_the_version if {
	blocks := cf([block([key("Example.org", "Example.org.", 1, 1)], [], []), block([key("example.org", "example.org.", 5, 1)], [], [])])
	count(rule.report) == 1 with input as blocks with data.dnslint.config as {}
	count(rule.report) == 0 with input as blocks with data.dnslint.config as {"coredns_version": "1.14.6"}
}

test_other_port_transport_or_view if {
	other_port := object.union(key("example.org:5353", "example.org.", 5, 1), {"port": "5353"})
	tls := object.union(key("tls://example.org", "example.org.", 5, 1), {"scheme": "tls", "port": "853"})
	view := {"name": "view", "args": [{"text": "internal", "pos": pos(6, 10)}], "block": [], "via": []}
	first := block([key("example.org", "example.org.", 1, 1)], [], [])
	count(rule.report) == 0 with input as cf([first, block([other_port], [], [])])
	count(rule.report) == 0 with input as cf([first, block([tls], [], [])])
	count(rule.report) == 0 with input as cf([first, block([key("example.org", "example.org.", 5, 1)], [view], [])])
}

test_reverse_cidr_and_zone if {
	cidr := object.union(key("10.0.0.0/23", "0.0.10.in-addr.arpa.", 5, 1), {"zones": ["0.0.10.in-addr.arpa.", "1.0.10.in-addr.arpa."]})
	some f in rule.report with input as cf([block([key("1.0.10.in-addr.arpa", "1.0.10.in-addr.arpa.", 1, 1)], [], []), block([cidr], [], [])])
	contains(f.message, "cannot serve dns://1.0.10.in-addr.arpa.:53 - it is already defined")
}

test_separate_corefiles if {
	one := {"server_blocks": [block([key(".:53", ".", 1, 1)], [], [])]}
	count(rule.report) == 0 with input as {"corefiles": [one, one]}
}
