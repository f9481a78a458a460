package dnslint.rules.forward["invalid-policy_test"]

import data.dnslint.rules.forward["invalid-policy"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

# fwd is a Corefile whose forward (line 2) has `policy VALUE` in its block, on line 3.
fwd(value) := parsed(concat("\n", [
	".:53 {",
	"    forward . 10.0.0.1 {",
	sprintf("        policy %s", [value]),
	"    }",
	"}",
	"",
]))

test_unknown_policy if {
	r := rule.report with input as fwd("least_conn")
	count(r) == 1
	some f in r
	f.location == at(3, 16, 25)
	contains(f.message, "unknown policy 'least_conn'")
}

test_case_and_dashes if {
	some f in rule.report with input as fwd("Round-Robin")
	contains(f.message, "Write `policy round_robin`")
}

test_missing_value if {
	r := rule.report with input as fwd("")
	count(r) == 1
	some f in r
	f.location == at(3, 9, 14)
	contains(f.message, "after 'policy'")
}

test_policies if {
	every p in ["random", "round_robin", "sequential", "{$POLICY}"] {
		count(rule.report) == 0 with input as fwd(p)
	}
}
