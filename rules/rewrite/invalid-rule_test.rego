package dnslint.rules.rewrite["invalid-rule_test"]

import data.dnslint.rules.rewrite["invalid-rule"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

# d is a line: its words, the first one the name.
d(words, block, l) := {
	"name": words[0], "args": [{"text": w, "pos": pos(l, 5 + (10 * i))} | some i, w in words; i > 0],
	"block": block, "has_block": count(block) > 0, "via": [], "pos": pos(l, 5),
}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

messages(x) := {f.message | some f in rule.report with input as cf([x])}

refused(x, text) if {
	ms := messages(x)
	count(ms) == 1
	some m in ms
	contains(m, text)
}

test_rules_refused if {
	refused(d(["rewrite"], [], 2), "`plugin/rewrite: no rule type specified for rewrite`")
	refused(d(["rewrite", "name"], [], 2), "`plugin/rewrite: too few arguments for a name rule`")
	refused(d(["rewrite", "stop"], [], 2), "`plugin/rewrite: stop rule must begin with a rule type`")
	refused(d(["rewrite", "continue"], [], 2), "`plugin/rewrite: continue rule must begin with a rule type`")
	refused(d(["rewrite", "stop", "name", "regex", "[bad[", "bar", "answer", "name", "bar", "foo"], [], 2), "`plugin/rewrite: invalid regex matching pattern: [bad[`")
	refused(d(["rewrite", "stop", "nme", "a", "b"], [], 2), "`plugin/rewrite: invalid rule type \"stop\"`")
	refused(d(["rewrite", "type", "A"], [], 2), "`plugin/rewrite: type rules must have exactly two arguments`")
	refused(d(["rewrite", "name", "regex", "(.*)", "{1}.{2}"], [], 2), "uses more subexpressions than its corresponding matching regex pattern ((.*))`")
	refused(d(["rewrite", "name", "suffix", ".a", ".b", "name", "x", "y"], [], 2), "`plugin/rewrite: exceeded the number of arguments for a non-answer rule argument for suffix rule`")
	refused(d(["rewrite", "name", "suffix", ".a", ".b", "answer", "nam", "x"], [], 2), "`plugin/rewrite: invalid type \"nam\" for answer rule for suffix rule`")
	refused(d(["rewrite", "cname", "foo", "a", "b"], [], 2), "`plugin/rewrite: unknown cname rewrite type: foo`")
}

test_block_form_reads_every_word if {
	block := [d(["name", "regex", "foo", "bar"], [], 3), d(["answer", "name", "bar", "foo"], [], 4), d(["name", "baz"], [], 5)]
	refused(d(["rewrite", "stop"], block, 2), "`plugin/rewrite: name answer rule for regex rule: 2 arguments required`")
	refused(d(["rewrite", "stop"], [d(["answer", "name", "bar", "foo"], [], 3)], 2), "`plugin/rewrite: response rewrites must begin with a name rule`")
	refused(d(["rewrite"], [d(["nme", "a", "b"], [], 3)], 2), "`plugin/rewrite: invalid rule type \"nme\"`")
	count(messages(d(["rewrite", "stop"], array.slice(block, 0, 2), 2))) == 0
}

test_rules_accepted if {
	every x in [
		d(["rewrite", "name", "a.com", "b.com"], [], 2),
		d(["rewrite", "stop", "name", "regex", "(.*)\\.a", "{1}.b", "answer", "name", "(.*)\\.b", "{1}.a"], [], 2),
		d(["rewrite", "name", "regex", "(.*)\\.a", "{1}.b", "answer", "auto"], [], 2),
		d(["rewrite", "continue", "class", "CH", "IN"], [], 2),
		d(["rewrite", "nme", "a", "b"], [], 2), # corefile/invalid-plugin-args'
		d(["rewrite", "cname", "exact", "a.", "b."], [], 2),
		d(["rewrite", "edns0", "local", "set", "0xffee", "abc"], [], 2),
	] {
		count(messages(x)) == 0
	}
}

test_rule_types_follow_the_release if {
	refused(d(["rewrite", "stop", "cname", "a.", "b."], [], 2), "`plugin/rewrite: invalid rule type \"stop\"`") with data.dnslint.config as {"coredns_version": "1.10.1"}
	refused(d(["rewrite", "stop", "rcode", "a.", "SERVFAIL", "NXDOMAIN"], [], 2), "invalid rule type") with data.dnslint.config as {"coredns_version": "1.11.0"}
	count(messages(d(["rewrite", "stop", "cname", "a.", "b."], [], 2))) == 0 with data.dnslint.config as {"coredns_version": "1.11.0"}

	# the first word of `rewrite cname …` is corefile/invalid-plugin-args'
	count(messages(d(["rewrite", "cname", "foo", "a", "b"], [], 2))) == 0 with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_stop_alone_panics_before_1_10_0 if {
	refused(d(["rewrite", "stop"], [], 2), "rewrite panics on this rule with `panic: runtime error: index out of range [1] with length 1`") with data.dnslint.config as {"coredns_version": "1.9.3"}
}
