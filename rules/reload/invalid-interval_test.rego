package dnslint.rules.reload["invalid-interval_test"]

import data.dnslint.rules.reload["invalid-interval"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose server block holds lines, from line 2 on.
cf(lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	[sprintf("    %s", [l]) | some l in lines],
	"    forward . /etc/resolv.conf",
	"}",
	"",
]))})

test_interval_below_2s if {
	r := rule.report with input as cf(["reload 1s"])
	count(r) == 1
	some f in r
	f.location == at(2, 12, 13)
	contains(f.message, "`plugin/reload: interval value must be greater or equal to 2s`")
}

test_duration_without_unit if {
	some f in rule.report with input as cf(["reload 30"])
	contains(f.message, "`plugin/reload: time: missing unit in duration \"30\"`")
}

test_jitter if {
	some f in rule.report with input as cf(["reload 10s 500ms"])
	f.location == at(2, 16, 20)
	contains(f.message, "jitter value must be 0 or greater or equal to 1s")
	count(rule.report) == 0 with input as cf(["reload 10s 0s"])
}

test_zero_jitter_before_1_14_2 if {
	some f in rule.report with input as cf(["reload 10s 0s"]) with data.dnslint.config as {"coredns_version": "1.11.3"}
	contains(f.message, "`plugin/reload: jitter value must be greater or equal to 1s`")
}

test_too_many_arguments if {
	some f in rule.report with input as cf(["reload 10s 5s 1s"])
	f.location == at(2, 19, 20)
	contains(f.message, "after '1s'`")
}

test_only_the_first_line_counts if {
	count(rule.report) == 0 with input as cf(["reload 30s", "reload 1s"])
	count(rule.report) == 0 with input as cf(["reload"])
}
