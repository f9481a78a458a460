package dnslint.rules.custom["missing-suffix_test"]

import data.dnslint.rules.custom["missing-suffix"] as rule

pos(l) := {"file": "custom.yaml", "line": l, "col": 3, "end_line": l, "end_col": 13}

key(name, kind, l) := {"key": {"text": name, "pos": pos(l)}, "kind": kind}

custom(keys) := {"customs": [{"object": {"name": "coredns-custom"}, "keys": keys}]}

test_key_without_suffix if {
	r := rule.report with input as custom([key("example.com", "other", 7), key("a.server", "server", 9), key("b.override", "override", 12)])
	count(r) == 1
	some f in r
	f.location == pos(7)
	contains(f.message, "\"example.com.server\" if it holds server blocks, or \"example.com.override\"")
}

test_conf_suffix_is_replaced if {
	some f in rule.report with input as custom([key("stub.conf", "other", 3)])
	contains(f.message, "\"stub.server\"")
}

test_good_keys if {
	count(rule.report) == 0 with input as custom([key("a.server", "server", 9)])
}
