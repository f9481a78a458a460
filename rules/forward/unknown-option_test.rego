package dnslint.rules.forward["unknown-option_test"]

import data.dnslint.rules.forward["unknown-option"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

# fwd is a Corefile whose line 2 is `forward . 10.0.0.1 {`, with lines in its block from
# line 3 on.
fwd(lines) := parsed(concat("\n", array.flatten([
	".:53 {",
	"    forward . 10.0.0.1 {",
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
	"}",
	"",
])))

test_typo if {
	r := rule.report with input as fwd(["prefer-udp"])
	count(r) == 1
	some f in r
	f.location == at(3, 9, 18)
	contains(f.message, "unknown property 'prefer-udp'")
	contains(f.message, "Did you mean `prefer_udp`?")
}

test_known_options if {
	count(rule.report) == 0 with input as fwd([
		"tls", "tls_servername dns.example",
		"policy sequential", "max_concurrent 1000",
		"source_address 10.0.0.2", "next NXDOMAIN",
	])
}

test_option_too_new_for_the_version if {
	r := rule.report with input as fwd(["next NXDOMAIN", "force_tcp"])
		with data.dnslint.config as {"coredns_version": "1.9.4"}
	count(r) == 1
	some f in r
	f.location == at(3, 9, 12)
	contains(f.message, "It came in CoreDNS 1.11.4")
}

test_plugin_inside_the_block if {
	some f in rule.report with input as fwd(["cache 30"])
	contains(f.message, "`cache` is a plugin")
}

test_max_fails_value if {
	r := rule.report with input as fwd(["max_fails -1"])
	count(r) == 1
	some f in r
	f.location == at(3, 19, 20)
	contains(f.message, `plugin/forward: strconv.ParseUint: parsing "-1": invalid syntax`)
	some g in rule.report with input as fwd(["max_fails 4294967296"])
	contains(g.message, `parsing "4294967296": value out of range`)
	count(rule.report) == 0 with input as fwd(["max_fails 0", "max_fails 4294967295"])
	count(rule.report) == 0 with input as fwd(["max_fails {$FAILS}"])
}

test_misspelt_option_by_edit_distance if {
	some f in rule.report with input as fwd(["max_concurent 1000"])
	contains(f.message, "Did you mean `max_concurrent`?")
	some g in rule.report with input as fwd(["helth_check 5s"])
	contains(g.message, "Did you mean `health_check`?")
}
