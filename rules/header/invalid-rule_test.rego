package dnslint.rules.header["invalid-rule_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.header["invalid-rule"] as rule

# findings of `header { <lines> }`, the lines from line 3 on, from column 9:
# [line, column, severity, message].
findings(lines) := {[f.location.line, f.location.col, object.get(f, "severity", "error"), f.message] |
	some f in rule.report with input as model
} if {
	model := corefile.server(array.flatten(["header {", [sprintf("    %s", [l]) | some l in lines], "}"]))
}

refused(lines, text) if {
	fs := findings(lines)
	count(fs) == 1
	some [_, _, "error", m] in fs
	contains(m, text)
}

test_rules_refused if {
	refused(["foo"], "`setting up rule: invalid selector=foo should be query or response`")
	refused(["query foo"], "`setting up rule: invalid length for flags, at least one should be provided`")
	refused(["query"], "`setting up rule: no flag action provided`")
	refused(["query foo rd"], "`setting up rule: unknown flag action=foo, should be set or clear`")
	refused(["response set aa TC"], "`setting up rule: unknown/unsupported flag=tc`")

	# the first line that fails stops CoreDNS
	refused(["response set aa", "foo", "bar"], "invalid selector=foo")
}

test_no_rule if {
	some f in rule.report with input as corefile.server(["header"])
	contains(f.message, "`Wrong argument count or unexpected line ending after 'header'`")
	some g in rule.report with input as corefile.server(["header {}"])
	contains(g.message, "after '{}'`")
}

test_rules_accepted if {
	count(findings(["response set ra AA", "QUERY clear rd"])) == 0

	# removed in 1.12.4: corefile/removed-option's
	count(findings(["set ra"])) == 0
}

test_before_1_9_4_the_action_comes_first if {
	refused(["response set ra"], "`seting up rule: unknown flag action=response, should be set or clear`") with data.dnslint.config as {"coredns_version": "1.9.3"}
	count(findings(["SET ra"])) == 0 with data.dnslint.config as {"coredns_version": "1.9.3"}
	refused(["set"], "`seting up rule: invalid length for flags, at least one should be provided`") with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_deprecated_form_warns_until_1_12_4 if {
	fs := findings(["set ra"]) with data.dnslint.config as {"coredns_version": "1.11.3"}
	count(fs) == 1
	some [3, 9, "warning", m] in fs
	contains(m, "isn't explicit defined. Assume rule applies for selector 'response'. This syntax is deprecated.")
	gs := findings(["clear"]) with data.dnslint.config as {"coredns_version": "1.11.3"}
	count(gs) == 2
	some [3, 9, "error", e] in gs
	contains(e, "`setting up rule: invalid length for flags, at least one should be provided`")
}
