package dnslint.rules.hosts["entry-after-fallthrough_test"]

import data.dnslint.rules.hosts["entry-after-fallthrough"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# hosts is a Corefile whose hosts block holds lines, from line 3 on.
hosts(lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	"    hosts {",
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
	"}",
	"",
]))})

test_entry_after_fallthrough if {
	r := rule.report with input as hosts(["10.0.0.1 a.example", "fallthrough", "10.0.0.2 b.example"])
	count(r) == 1
	some f in r
	f.location == at(5, 9, 16)
	contains(f.message, "`unknown property '10.0.0.2'`")
	contains(f.message, ": after `fallthrough` the hosts block accepts no more entries")
	f.related == [{"message": "the first `fallthrough` of this hosts block", "pos": at(4, 9, 19)}]
}

test_options_after_fallthrough_are_fine if {
	count(rule.report) == 0 with input as hosts(["10.0.0.1 a.example", "fallthrough", "ttl 60", "reload 15s"])
}

test_two_fallthroughs_report_once if {
	r := rule.report with input as hosts(["fallthrough", "fallthrough", "10.0.0.2 b.example"])
	count(r) == 1
}
