package dnslint.rules.rewrite["invalid-rule_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.rewrite["invalid-rule"] as rule

# messages of the findings of the Corefile of one server block holding lines (corefile.server).
messages(lines) := {f.message | some f in rule.report with input as model} if model := corefile.server(lines)

refused(lines, text) if {
	ms := messages(lines)
	count(ms) == 1
	some m in ms
	contains(m, text)
}

test_rules_refused if {
	refused(["rewrite"], "`plugin/rewrite: no rule type specified for rewrite`")
	refused(["rewrite name"], "`plugin/rewrite: too few arguments for a name rule`")
	refused(["rewrite stop"], "`plugin/rewrite: stop rule must begin with a rule type`")
	refused(["rewrite continue"], "`plugin/rewrite: continue rule must begin with a rule type`")
	refused(["rewrite stop name regex [bad[ bar answer name bar foo"], "`plugin/rewrite: invalid regex matching pattern: [bad[`")
	refused(["rewrite stop nme a b"], "`plugin/rewrite: invalid rule type \"stop\"`")
	refused(["rewrite type A"], "`plugin/rewrite: type rules must have exactly two arguments`")
	refused(["rewrite name regex (.*) {1}.{2}"], "uses more subexpressions than its corresponding matching regex pattern ((.*))`")
	refused(["rewrite name suffix .a .b name x y"], "`plugin/rewrite: exceeded the number of arguments for a non-answer rule argument for suffix rule`")
	refused(["rewrite name suffix .a .b answer nam x"], "`plugin/rewrite: invalid type \"nam\" for answer rule for suffix rule`")
	refused(["rewrite cname foo a b"], "`plugin/rewrite: unknown cname rewrite type: foo`")
}

test_block_form_reads_every_word if {
	block := ["    name regex foo bar", "    answer name bar foo", "    name baz"]
	refused(array.flatten(["rewrite stop {", block, "}"]), "`plugin/rewrite: name answer rule for regex rule: 2 arguments required`")
	refused(["rewrite stop {", "    answer name bar foo", "}"], "`plugin/rewrite: response rewrites must begin with a name rule`")
	refused(["rewrite {", "    nme a b", "}"], "`plugin/rewrite: invalid rule type \"nme\"`")
	count(messages(array.flatten(["rewrite stop {", array.slice(block, 0, 2), "}"]))) == 0
}

test_rules_accepted if {
	every lines in [
		["rewrite name a.com b.com"],
		["rewrite stop name regex (.*)\\.a {1}.b answer name (.*)\\.b {1}.a"],
		["rewrite name regex (.*)\\.a {1}.b answer auto"],
		["rewrite continue class CH IN"],
		["rewrite nme a b"], # corefile/invalid-plugin-args'
		["rewrite cname exact a. b."],
		["rewrite edns0 local set 0xffee abc"],
	] {
		count(messages(lines)) == 0
	}
}

test_rule_types_follow_the_release if {
	refused(["rewrite stop cname a. b."], "`plugin/rewrite: invalid rule type \"stop\"`") with data.dnslint.config as {"coredns_version": "1.10.1"}
	refused(["rewrite stop rcode a. SERVFAIL NXDOMAIN"], "invalid rule type") with data.dnslint.config as {"coredns_version": "1.11.0"}
	count(messages(["rewrite stop cname a. b."])) == 0 with data.dnslint.config as {"coredns_version": "1.11.0"}

	# the first word of `rewrite cname …` is corefile/invalid-plugin-args'
	count(messages(["rewrite cname foo a b"])) == 0 with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_stop_alone_panics_before_1_10_0 if {
	refused(["rewrite stop"], "rewrite panics on this rule with `panic: runtime error: index out of range [1] with length 1`") with data.dnslint.config as {"coredns_version": "1.9.3"}
}
