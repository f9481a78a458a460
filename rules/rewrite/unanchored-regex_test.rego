package dnslint.rules.rewrite["unanchored-regex_test"]

import data.dnslint.rules.rewrite["unanchored-regex"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

words(ws, l) := [{"text": w, "pos": pos(l, 10 * (i + 1))} | some i, w in ws]

rewrite(args, block) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
	"name": "rewrite", "args": words(args, 2), "block": block, "via": [], "pos": pos(2, 5),
}]}]}]}

line(ws, l) := {"name": ws[0], "args": array.slice(words(ws, l), 1, count(ws)), "block": [], "via": [], "pos": pos(l, 10)}

test_unanchored_end if {
	r := rule.report with input as rewrite(["name", "regex", `(.*)\.example\.com`, "{1}.default.svc.cluster.local"], [])
	count(r) == 1
	some f in r
	f.location == pos(2, 30)
	contains(f.message, "has no `$` anchor")
	contains(f.message, "`(.*)\\.example\\.com\\.$`")
}

test_unanchored_both if {
	some f in rule.report with input as rewrite(["continue", "name", "regex", `example\.com`, "x"], [])
	contains(f.message, "has no `^` and no `$` anchor")
	contains(f.message, "`^example\\.com\\.$`")
}

test_block_form if {
	block := [line(["name", "regex", `^(.*)\.shop\.example\.org`, "{1}.shop.svc"], 3), line(["answer", "name", `(.*)\.shop\.svc`, "{1}.shop.example.org"], 4)]
	r := rule.report with input as rewrite(["stop"], block)
	count(r) == 1
	some f in r
	f.location == pos(3, 30)
}

test_anchored_and_other_match_types if {
	count(rule.report) == 0 with input as rewrite(["name", "regex", `^(.*)\.example\.com\.$`, "x"], [])
	count(rule.report) == 0 with input as rewrite(["name", "regex", `(.*)\.example\.com\.$`, "x"], [])
	count(rule.report) == 0 with input as rewrite(["stop", "name", "REGEX", `^api\.(.*)`, "x"], [])
	count(rule.report) == 0 with input as rewrite(["name", "suffix", ".example.com", ".svc.cluster.local"], [])
	count(rule.report) == 0 with input as rewrite(["name", "example.com", "example.org"], [])
}
