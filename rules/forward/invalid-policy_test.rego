package dnslint.rules.forward["invalid-policy_test"]

import data.dnslint.lib.forward_test as t
import data.dnslint.rules.forward["invalid-policy"] as rule

fwd(args) := t.corefile([t.block(["."], [t.line("forward", [".", "10.0.0.1"], [t.line("policy", args, [], 3)], 2)])])

test_unknown_policy if {
	r := rule.report with input as fwd(["least_conn"])
	t.locations(r) == {t.arg(3, 0)}
	some f in r
	contains(f.message, "unknown policy 'least_conn'")
}

test_case_and_dashes if {
	some f in rule.report with input as fwd(["Round-Robin"])
	contains(f.message, "Write `policy round_robin`")
}

test_missing_value if {
	some f in rule.report with input as fwd([])
	contains(f.message, "after 'policy'")
}

test_policies if {
	every p in ["random", "round_robin", "sequential", "{$POLICY}"] {
		count(rule.report) == 0 with input as fwd([p])
	}
}
