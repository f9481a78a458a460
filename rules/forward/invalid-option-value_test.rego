package dnslint.rules.forward["invalid-option-value_test"]

import data.dnslint.rules.forward["invalid-option-value"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

d(words, block, l) := {
	"name": words[0], "args": [{"text": w, "pos": pos(l, 5 + (10 * i))} | some i, w in words; i > 0],
	"block": block, "has_block": count(block) > 0, "via": [], "pos": pos(l, 5),
}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

messages(from, lines) := {f.message | some f in rule.report with input as cf([d(["forward", from, "10.0.0.1"], [d(w, [], 3 + i) | some i, w in lines], 2)])}

one(from, lines, text) if {
	ms := messages(from, lines)
	count(ms) == 1
	some m in ms
	contains(m, text)
}

long := concat("", ["x" | some _ in numbers.range(1, 64)])

test_from_must_be_a_domain_name if {
	one(long, [], sprintf("`plugin/forward: unable to normalize '%s'`", [long]))
	one("a..b", [], "unable to normalize 'a..b'")
	count(messages(".", [])) == 0
	count(messages("dns://example.org:53", [])) == 0
	count(messages("10.0.0.0/8", [])) == 0
}

test_health_check_options if {
	one(".", [["health_check", "0.5s", "rec"]], "`plugin/forward: health_check: unknown option rec`")
	one(".", [["health_check", "0.5s", "domain"]], "`plugin/forward: Wrong argument count or unexpected line ending after 'domain'`")
	one(".", [["health_check", "0.5s", "domain", "example..org"]], "`plugin/forward: health_check: invalid domain name example..org`")
	count(messages(".", [["health_check", "0.5s", "no_rec", "domain", "example.org"]])) == 0
	count(messages(".", [["health_check", "0.5s", "domain", "domain"]])) == 0
}

test_health_check_domain_is_checked_from_1_10_0 if {
	count(messages(".", [["health_check", "0.5s", "domain", "example..org"]])) == 0 with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_max_age_below_expire if {
	one(".", [["expire", "30s"], ["max_age", "10s"]], "`plugin/forward: max_age (10s) must not be less than expire (30s)`")
	count(messages(".", [["expire", "30s"], ["max_age", "30s"]])) == 0
	count(messages(".", [["expire", "30s"], ["max_age", "0s"]])) == 0
	count(messages(".", [["expire", "30s"], ["max_age", "10s"]])) == 0 with data.dnslint.config as {"coredns_version": "1.14.2"}
}
