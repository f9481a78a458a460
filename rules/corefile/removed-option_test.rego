package dnslint.rules.corefile["removed-option_test"]

import data.dnslint.rules.corefile["removed-option"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 9, "end_line": l, "end_col": 16}

line(name, l) := {"name": name, "args": [], "block": [], "via": [], "pos": pos(l)}

plugin(name, block, via) := {"name": name, "args": [], "block": block, "has_block": true, "via": via, "pos": pos(2)}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

test_kubernetes_upstream if {
	r := rule.report with input as cf([plugin("kubernetes", [line("pods", 3), line("upstream", 4), line("resyncperiod", 5)], [])])
		with data.dnslint.config as {}
	{f.location | some f in r} == {pos(4), pos(5)}
	some f in r
	f.location == pos(4)
	contains(f.message, "`plugin/kubernetes: … unknown property 'upstream'`")
	contains(f.message, "removed in CoreDNS 1.7.0")
}

test_version_aware if {
	k8s := cf([plugin("kubernetes", [line("upstream", 4), line("transfer", 5)], [])])
	count(rule.report) == 0 with input as k8s with data.dnslint.config as {"coredns_version": "1.6.9"}
	{f.location | some f in rule.report} == {pos(4)} with input as k8s with data.dnslint.config as {"coredns_version": "1.7.0"}
	count(rule.report) == 2 with input as k8s with data.dnslint.config as {"coredns_version": "1.8.0"}
}

test_header_without_selector if {
	hdr := cf([plugin("header", [line("set", 3), line("query", 4), line("response", 5)], [])])
	r := rule.report with input as hdr with data.dnslint.config as {}
	count(r) == 1
	some f in r
	f.location == pos(3)
	contains(f.message, "invalid selector=set should be query or response")
	count(rule.report) == 0 with input as hdr with data.dnslint.config as {"coredns_version": "1.12.3"}
}

test_from_an_override if {
	some f in rule.report with input as cf([plugin("kubernetes", [line("upstream", 4)], ["/etc/coredns/custom/k.override"])])
		with data.dnslint.config as {}
	contains(f.message, "(imported from /etc/coredns/custom/k.override)")
}

test_other_plugins_and_arguments if {
	count(rule.report) == 0 with input as cf([
		plugin("forward", [line("upstream", 4)], []),
		{"name": "kubernetes", "args": [{"text": "upstream", "pos": pos(2)}], "block": [], "via": [], "pos": pos(2)},
	])
		with data.dnslint.config as {}
}
