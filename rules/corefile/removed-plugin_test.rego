package dnslint.rules.corefile["removed-plugin_test"]

import data.dnslint.rules.corefile["removed-plugin"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 5, "end_line": l, "end_col": 9}

line(name, l, via) := {"name": name, "args": [], "block": [], "via": via, "pos": pos(l)}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

plugins := {"latest": "1.14.7", "plugins": {
	"forward": {"first": "1.0.5"},
	"proxy": {"first": "1.0.0", "last": "1.4.0", "replacement": "forward"},
	"federation": {"first": "1.0.0", "last": "1.6.9"},
}}

test_removed_plugin_names_its_replacement if {
	r := rule.report with input as cf([line("proxy", 2, []), line("forward", 3, [])])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	count(r) == 1
	some f in r
	f.location == pos(2)
	contains(f.message, "Unknown directive 'proxy'")
	contains(f.message, "removed after CoreDNS 1.4.0")
	contains(f.message, "Use the forward plugin instead")
}

test_without_replacement if {
	some f in rule.report with input as cf([line("federation", 2, [])])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	contains(f.message, "federation has no replacement")
}

test_from_an_override if {
	some f in rule.report with input as cf([line("proxy", 2, ["/etc/coredns/custom/x.override"])])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	contains(f.message, "(imported from /etc/coredns/custom/x.override)")
}

test_version_aware if {
	count(rule.report) == 0 with input as cf([line("proxy", 2, [])])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"coredns_version": "1.4.0"}
	count(rule.report) == 1 with input as cf([line("proxy", 2, [])])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"coredns_version": "1.5.0"}
}

test_declared_external_build if {
	count(rule.report) == 0 with input as cf([line("proxy", 2, [])])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"plugins": ["proxy"]}
}
