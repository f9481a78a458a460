package dnslint.rules.corefile["invalid-plugin-args_releases_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.corefile["invalid-plugin-args"] as rule

# messages of the findings of `acl { <action> }`.
messages(action) := {f.message | some f in rule.report with input as model} if model := corefile.server(["acl {", sprintf("    %s", [action]), "}"])

test_acl_actions_follow_the_release if {
	some m in messages("blck") with data.dnslint.config as {"coredns_version": "1.9.3"}
	contains(m, "`unexpected token \"blck\"; expect 'allow', 'block', or 'filter'`")
	some m2 in messages("DROP") with data.dnslint.config as {"coredns_version": "1.10.0"}
	contains(m2, "unexpected token \"DROP\"")
	count(messages("DROP")) == 0 with data.dnslint.config as {"coredns_version": "1.10.1"}
	some m3 in messages("deny")
	contains(m3, "expect 'allow', 'block', 'filter' or 'drop'")
}

# k8s_external example.org { <option> }
k8s_external(option) := corefile.server(["k8s_external example.org {", sprintf("    %s", [option]), "}"])

test_k8s_external_options_follow_the_release if {
	some m in {f.message | some f in rule.report with input as k8s_external("fallthrough")} with data.dnslint.config as {"coredns_version": "1.9.3"}
	contains(m, "`unknown property 'fallthrough'`")
	count(rule.report) == 0 with input as k8s_external("fallthrough") with data.dnslint.config as {"coredns_version": "1.11.0"}
	count(rule.report) == 1 with input as k8s_external("headless") with data.dnslint.config as {"coredns_version": "1.9.3"}
	count(rule.report) == 0 with input as k8s_external("headless") with data.dnslint.config as {"coredns_version": "1.10.0"}
}
