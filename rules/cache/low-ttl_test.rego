package dnslint.rules.cache["low-ttl_test"]

import data.dnslint.rules.cache["low-ttl"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cache is a Corefile whose line 2 is `cache ARGS`, with lines in its block from line 3 on.
cache(args, lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	sprintf("    cache %s {", [args]),
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
	"}",
	"",
]))})

params := {"cache/low-ttl": {"min_ttl": 30, "min_denial_ttl": 5}}

test_low_plain_ttl if {
	r := rule.report with input as cache("5", []) with data.dnslint.params as params
	r == {{"message": rule.low({"text": "5"}, "cache", 30, "min_ttl"), "location": at(2, 11, 11), "fix": rule.raise({"text": "5", "pos": at(2, 11, 11)}, 30)}}
}

test_zero_is_an_error if {
	some f in rule.report with input as cache("0", []) with data.dnslint.params as params
	f.severity == "error"
	contains(f.message, "cache TTL can not be zero or negative: 0")
}

test_success_and_denial if {
	r := rule.report with input as cache("", [
		"success 9984 10",
		"denial 9984 5",
		"denial 9984 2",
	])
		with data.dnslint.params as params
	{f.location | some f in r} == {at(3, 22, 23), at(5, 21, 21)}
}

test_defaults_are_fine if {
	count(rule.report) == 0 with input as cache("30 example.org", ["denial 9984 5"])
		with data.dnslint.params as params
	count(rule.report) == 0 with input as cache("example.org", []) with data.dnslint.params as params
}

test_threshold_is_a_parameter if {
	count(rule.report) == 1 with input as cache("30", [])
		with data.dnslint.params as {"cache/low-ttl": {"min_ttl": 60, "min_denial_ttl": 5}}
}
