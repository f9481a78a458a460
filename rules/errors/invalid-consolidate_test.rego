package dnslint.rules.errors["invalid-consolidate_test"]

import data.dnslint.rules.errors["invalid-consolidate"] as rule

# cons is a Corefile whose errors block has `consolidate ARGS` on line 3.
cons(args) := dnslint.test.input({"Corefile": concat("\n", [
	".:53 {",
	"    errors {",
	sprintf("        consolidate %s", [concat(" ", args)]),
	"    }",
	"}",
	"",
])})

messages(args) := {f.message | some f in rule.report with input as cons(args)}

refused(args, text) if {
	ms := messages(args)
	count(ms) == 1
	some m in ms
	contains(m, text)
}

test_consolidate_options if {
	refused(["1m", "error", "warning", "error"], "`multiple log levels specified in consolidate`")
	refused(["1m", "error", "info", "debug"], "`multiple log levels specified in consolidate`")
	refused(["1m", "error", "show_first", "warning"], "`log level must come before show_first in consolidate`")
	long := concat("", ["a" | some _ in numbers.range(1, 10001)])
	refused(["1m", long], "`regex pattern too long: 10001 > 10000`")
	every args in [["1m", ".*", "warning", "show_first"], ["1m", ".*", "info"], ["1m", ".*", "show_first"], ["1m", ".*", "foo", "info"]] {
		count(messages(args)) == 0
	}
	count(messages(["1m", "error", "info", "debug"])) == 0 with data.dnslint.config as {"coredns_version": "1.13.1"}
}
