package dnslint.rules.resolv["invalid-option_test"]

import data.dnslint.rules.resolv["invalid-option"] as rule

# conf is a resolv.conf with one options line for each option given: option i on line
# i + 1.
conf(options) := dnslint.test.input({"resolv.conf": concat("", [sprintf("options %s\n", [o]) | some o in options])})

test_problems if {
	r := rule.report with input as conf(["ndots:5", "ndots:x", "rotate", "Rotate", "timeout:31", "edns0", "ndots"])
	{f.location.line | some f in r} == {2, 4, 5, 7}
	some f in r
	f.location == {"file": "resolv.conf", "line": 4, "col": 9, "end_line": 4, "end_col": 14}
	f.message == "`Rotate` is not a resolver option: glibc and musl ignore it (did you mean `rotate`?). Fix or remove it"
}

test_sound if {
	count(rule.report) == 0 with input as conf(["ndots:2", "single-request-reopen", "trust-ad"])
}
