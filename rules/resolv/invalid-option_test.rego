package dnslint.rules.resolv["invalid-option_test"]

import data.dnslint.rules.resolv["invalid-option"] as rule

conf(options) := {"resolv_confs": [{"options": [{"name": o[0], "value": o[1], "token": {"text": "t", "pos": {"line": i}}} | some i, o in options]}]}

test_problems if {
	r := rule.report with input as conf([["ndots", "5"], ["ndots", "x"], ["rotate", null], ["Rotate", null], ["timeout", "31"], ["edns0", null], ["ndots", null]])
	{f.location.line | some f in r} == {1, 3, 4, 6}
	some f in r
	f.location.line == 3
	f.message == "`Rotate` is not a resolver option: glibc and musl ignore it (did you mean `rotate`?). Fix or remove it"
}

test_sound if {
	count(rule.report) == 0 with input as conf([["ndots", "2"], ["single-request-reopen", null], ["trust-ad", null]])
}
