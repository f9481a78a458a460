package dnslint.rules.forward["tls-without-servername_test"]

import data.dnslint.lib.forward_test as t
import data.dnslint.rules.forward["tls-without-servername"] as rule

fwd(args, lines) := t.corefile([t.block(["."], [t.line("forward", args, lines, 2)])])

test_tls_without_name if {
	r := rule.report with input as fwd([".", "tls://9.9.9.9", "10.0.0.1", "tls://1.1.1.1:853"], [])
	t.locations(r) == {t.arg(2, 1), t.arg(2, 3)}
	some f in r
	contains(f.message, "man-in-the-middle")
	contains(f.message, "`tls://1.1.1.1%<name>:853`")
}

test_named if {
	count(rule.report) == 0 with input as fwd([".", "tls://9.9.9.9"], [t.line("tls_servername", ["dns.quad9.net"], [], 3)])
	count(rule.report) == 0 with input as fwd([".", "tls://9.9.9.9%dns.quad9.net"], [])
}

test_per_upstream_name_before_1_13_2 if {
	some f in rule.report with input as fwd([".", "tls://9.9.9.9%dns.quad9.net"], []) with data.dnslint.config as {"coredns_version": "1.12.1"}
	contains(f.message, "has no per-upstream `%name`")
}
