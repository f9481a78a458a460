package dnslint.rules.corefile["invalid-plugin-args_acl_test"]

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
