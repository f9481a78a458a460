package dnslint.rules.kubernetes["fallthrough-everything_test"]

import data.dnslint.rules.kubernetes["fallthrough-everything"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

tok(t, c) := {"text": t, "pos": pos(4, c)}

d(name, args, block) := {"name": name, "args": args, "block": block, "has_block": count(block) > 0, "via": [], "pos": pos(4, 9)}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [{"text": ".:53", "zone": ".", "port": "53", "pos": pos(1, 1)}], "via": [], "directives": ds}]}]}

k8s(falls) := d("kubernetes", [tok("cluster.local", 16), tok("in-addr.arpa", 30), tok("ip6.arpa", 43)], [d("fallthrough", falls, [])])

fwd(block) := d("forward", [tok(".", 13), tok("/etc/resolv.conf", 15)], block)

test_bare_fallthrough if {
	r := rule.report with input as cf([k8s([]), fwd([])])
	count(r) == 1
	some f in r
	f.location == pos(4, 9)
	contains(f.message, "names of `cluster.local` that do not exist on to forward")
}

test_parent_of_the_cluster_zone if {
	some f in rule.report with input as cf([k8s([tok("local", 21)]), fwd([])])
	f.location == pos(4, 21)
}

test_reverse_zones_only if {
	count(rule.report) == 0 with input as cf([k8s([tok("in-addr.arpa", 21), tok("ip6.arpa", 34)]), fwd([])])
}

test_no_forward_or_forward_excepting if {
	count(rule.report) == 0 with input as cf([k8s([])])
	except := d("except", [tok("cluster.local", 16)], [])
	count(rule.report) == 0 with input as cf([k8s([]), fwd([except])])
}

test_forward_for_another_zone if {
	other := d("forward", [tok("corp.example.com", 13), tok("10.0.0.53", 30)], [])
	count(rule.report) == 0 with input as cf([k8s([]), other])
}
