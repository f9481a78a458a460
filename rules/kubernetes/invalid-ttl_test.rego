package dnslint.rules.kubernetes["invalid-ttl_test"]

import data.dnslint.rules.kubernetes["invalid-ttl"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# block is a Corefile whose plugin on line 2 has line on line 3 of its block.
block(plugin, line) := dnslint.test.input({"Corefile": concat("\n", [
	".:53 {",
	sprintf("    %s cluster.local {", [plugin]),
	sprintf("        %s", [line]),
	"    }",
	"}",
	"",
])})

k8s(line) := block("kubernetes", line)

test_out_of_range if {
	r := rule.report with input as k8s("ttl 7200")
	count(r) == 1
	some f in r
	f.location == at(3, 13, 16)
	contains(f.message, "`ttl must be in range [0, 3600]: 7200`")
}

test_negative if {
	some f in rule.report with input as k8s("ttl -1")
	contains(f.message, "`ttl must be in range [0, 3600]: -1`")
}

test_not_an_integer if {
	some f in rule.report with input as k8s("ttl 30s")
	contains(f.message, "`strconv.Atoi: parsing \"30s\": invalid syntax`")
}

test_missing_value if {
	some f in rule.report with input as k8s("ttl")
	f.location == at(3, 9, 11)
	contains(f.message, "`Wrong argument count or unexpected line ending after 'ttl'`")
}

test_range_ends_and_placeholders_are_fine if {
	count(rule.report) == 0 with input as k8s("ttl 0")
	count(rule.report) == 0 with input as k8s("ttl 3600")
	count(rule.report) == 0 with input as k8s("ttl +30")
	count(rule.report) == 0 with input as k8s("ttl {$TTL}")
}

test_other_plugins_are_not_read if {
	count(rule.report) == 0 with input as block("hosts", "ttl 0")
}
