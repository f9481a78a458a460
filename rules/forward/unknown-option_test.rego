package dnslint.rules.forward["unknown-option_test"]

import data.dnslint.lib.forward_test as t
import data.dnslint.rules.forward["unknown-option"] as rule

fwd(lines) := t.corefile([t.block(["."], [t.line("forward", [".", "10.0.0.1"], lines, 2)])])

test_typo if {
	r := rule.report with input as fwd([t.line("prefer-udp", [], [], 3)])
	t.locations(r) == {t.pos(3, 5)}
	some f in r
	contains(f.message, "unknown property 'prefer-udp'")
	contains(f.message, "Did you mean `prefer_udp`?")
}

test_known_options if {
	count(rule.report) == 0 with input as fwd([
		t.line("tls", [], [], 3), t.line("tls_servername", ["dns.example"], [], 4),
		t.line("policy", ["sequential"], [], 5), t.line("max_concurrent", ["1000"], [], 6),
		t.line("source_address", ["10.0.0.2"], [], 7), t.line("next", ["NXDOMAIN"], [], 8),
	])
}

test_option_too_new_for_the_version if {
	r := rule.report with input as fwd([t.line("next", ["NXDOMAIN"], [], 3), t.line("force_tcp", [], [], 4)])
		with data.dnslint.config as {"coredns_version": "1.9.4"}
	t.locations(r) == {t.pos(3, 5)}
	some f in r
	contains(f.message, "It came in CoreDNS 1.11.4")
}

test_plugin_inside_the_block if {
	some f in rule.report with input as fwd([t.line("cache", ["30"], [], 3)])
	contains(f.message, "`cache` is a plugin")
}

test_max_fails_value if {
	r := rule.report with input as fwd([t.line("max_fails", ["-1"], [], 3)])
	t.locations(r) == {t.arg(3, 0)}
	some f in r
	contains(f.message, `plugin/forward: strconv.ParseUint: parsing "-1": invalid syntax`)
	some g in rule.report with input as fwd([t.line("max_fails", ["4294967296"], [], 3)])
	contains(g.message, `parsing "4294967296": value out of range`)
	count(rule.report) == 0 with input as fwd([t.line("max_fails", ["0"], [], 3), t.line("max_fails", ["4294967295"], [], 4)])
	count(rule.report) == 0 with input as fwd([t.line("max_fails", ["{$FAILS}"], [], 3)])
}

test_misspelt_option_by_edit_distance if {
	some f in rule.report with input as fwd([t.line("max_concurent", ["1000"], [], 3)])
	contains(f.message, "Did you mean `max_concurrent`?")
	some g in rule.report with input as fwd([t.line("helth_check", ["5s"], [], 3)])
	contains(g.message, "Did you mean `health_check`?")
}
