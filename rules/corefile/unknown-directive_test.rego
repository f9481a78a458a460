package dnslint.rules.corefile["unknown-directive_test"]

import data.dnslint.rules.corefile["unknown-directive"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 5, "end_line": l, "end_col": 10}

line(name, l) := {"name": name, "args": [], "block": [], "via": [], "pos": pos(l)}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

plugins := {"latest": "1.14.7", "plugins": {
	"forward": {"first": "1.0.5"},
	"tsig": {"first": "1.9.4"},
	"proxy": {"first": "1.0.0", "last": "1.4.0", "replacement": "forward"},
}}

test_unknown if {
	r := rule.report with input as cf([line("forwrd", 2), line("forward", 4), line("force_tcp", 5)])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	count(r) == 1
	some a in r
	a.location == pos(2)
	contains(a.message, "Unknown directive 'forwrd'")
}

# corefile/removed-plugin and corefile/env-placeholder report these tokens.
test_leaves_removed_plugins_and_env_placeholders_to_their_rules if {
	count(rule.report) == 0 with input as cf([line("proxy", 3), line("{env.PLUGIN}", 4)])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	count(rule.report) == 0 with input as cf([line("proxy", 3)])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"plugins": ["proxy"]}
}

test_version_aware if {
	r := rule.report with input as cf([line("tsig", 2)])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"coredns_version": "1.9.3"}
	count(r) == 1
	count(rule.report) == 0 with input as cf([line("tsig", 2)])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"coredns_version": "1.9.4"}
}

test_declared_plugins_and_placeholders if {
	count(rule.report) == 0 with input as cf([line("unbound", 2), line("{$PLUGIN}", 3)])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"plugins": ["unbound"]}
}

test_did_you_mean_a_plugin_of_the_version if {
	some a in rule.report with input as cf([line("forwrd", 2)])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	contains(a.message, "did you mean `forward`? forwrd is no plugin of CoreDNS 1.14.7")
}

test_no_suggestion_of_a_plugin_the_version_lacks if {
	# tsig is one edit from "tsgi" but only in CoreDNS 1.9.4 and later.
	some a in rule.report with input as cf([line("tsgi", 2)])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"coredns_version": "1.9.3"}
	not contains(a.message, "did you mean")
	some b in rule.report with input as cf([line("tsgi", 2)])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	contains(b.message, "did you mean `tsig`?")
}

test_no_suggestion_for_a_name_far_from_every_plugin if {
	some a in rule.report with input as cf([line("consul", 2)])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	not contains(a.message, "did you mean")
}
