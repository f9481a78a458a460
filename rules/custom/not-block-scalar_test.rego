package dnslint.rules.custom["not-block-scalar_test"]

import data.dnslint.rules.custom["not-block-scalar"] as rule

pos(l) := {"file": "custom.yaml", "line": l, "col": 20, "end_line": l, "end_col": 20}

key(name, kind, style, lines, joined) := {
	"key": {"text": name, "pos": pos(7)},
	"kind": kind, "style": style, "lines": lines, "joined": joined, "scalar_pos": pos(7),
}

custom(keys) := {"customs": [{"keys": keys}]}

test_joined_plain_scalar if {
	r := rule.report with input as custom([key("stub.server", "server", "plain", 1, true)])
	count(r) == 1
	some f in r
	f.location == pos(7)
	contains(f.message, "YAML joins the lines of key stub.server with spaces (a plain scalar written over several lines)")
	contains(f.message, "`stub.server: |`")
}

test_folded if {
	r := rule.report with input as custom([key("a.override", "override", "folded", 1, true), key("b.server", "server", "folded", 3, false)])
	count(r) == 2
	some f in r
	contains(f.message, "key b.server is a folded block scalar")
}

test_one_line_values_and_literal_blocks_pass if {
	count(rule.report) == 0 with input as custom([
		key("log.override", "override", "plain", 1, false),
		key("one.override", "override", "folded", 1, false),
		key("escaped.override", "override", "double", 2, false),
		key("a.server", "server", "literal", 4, false),
		key("notes", "other", "plain", 1, true),
	])
}
