package dnslint.rules.loadbalance["invalid-policy-args_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.loadbalance["invalid-policy-args"] as rule

# lb is a server block holding the line `loadbalance <args>`.
lb(args) := corefile.server([trim_space(sprintf("loadbalance %s", [args]))])

said(args, text) if {
	some f in rule.report with input as lb(args)
	contains(f.message, text)
}

test_policy_arguments if {
	said("round_robin a", "`unknown property for round_robin`")
	said("weighted", "`missing weight file argument`")
	said("weighted a b", "`unexpected argument(s)`")
	count(rule.report) == 0 with input as lb("weighted /etc/coredns/weights")
	count(rule.report) == 0 with input as lb("round_robin")
	count(rule.report) == 0 with input as lb("")
	said("weighted", "`unknown policy: weighted`") with data.dnslint.config as {"coredns_version": "1.10.0"}
}

test_before_1_10_1 if {
	old := {"coredns_version": "1.9.3"}
	said("weighted", "`unknown policy: weighted`") with data.dnslint.config as old
	said("random", "`unknown policy: random`") with data.dnslint.config as old
	count(rule.report) == 0 with input as lb("round_robin") with data.dnslint.config as old
	said("round_robin a", "`Wrong argument count or unexpected line ending after 'a'`") with data.dnslint.config as old
	blocked := corefile.server(["loadbalance weighted wfile {", "}"])
	count(rule.report) == 0 with input as blocked with data.dnslint.config as old
}
