package dnslint.rules.corefile["invalid-plugin-args_releases_test"]

import data.dnslint.rules.corefile["invalid-plugin-args"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

acl(action) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
	"name": "acl", "args": [], "has_block": true, "via": [], "pos": pos(2, 1),
	"block": [{"name": action, "args": [], "block": [], "has_block": false, "via": [], "pos": pos(3, 5)}],
}]}]}]}

messages(action) := {f.message | some f in rule.report with input as acl(action)}

test_acl_actions_follow_the_release if {
	some m in messages("blck") with data.dnslint.config as {"coredns_version": "1.9.3"}
	contains(m, "`unexpected token \"blck\"; expect 'allow', 'block', or 'filter'`")
	some m2 in messages("DROP") with data.dnslint.config as {"coredns_version": "1.10.0"}
	contains(m2, "unexpected token \"DROP\"")
	count(messages("DROP")) == 0 with data.dnslint.config as {"coredns_version": "1.10.1"}
	some m3 in messages("deny")
	contains(m3, "expect 'allow', 'block', 'filter' or 'drop'")
}

k8s_external(option) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
	"name": "k8s_external", "args": [{"text": "example.org", "pos": pos(2, 14)}], "has_block": true, "via": [], "pos": pos(2, 1),
	"block": [{"name": option, "args": [], "block": [], "has_block": false, "via": [], "pos": pos(3, 5)}],
}]}]}]}

test_k8s_external_options_follow_the_release if {
	some m in {f.message | some f in rule.report with input as k8s_external("fallthrough")} with data.dnslint.config as {"coredns_version": "1.9.3"}
	contains(m, "`unknown property 'fallthrough'`")
	count(rule.report) == 0 with input as k8s_external("fallthrough") with data.dnslint.config as {"coredns_version": "1.11.0"}
	count(rule.report) == 1 with input as k8s_external("headless") with data.dnslint.config as {"coredns_version": "1.9.3"}
	count(rule.report) == 0 with input as k8s_external("headless") with data.dnslint.config as {"coredns_version": "1.10.0"}
}
