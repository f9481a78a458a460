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

test_misspelt_suffix_names_the_meant_one if {
	some f in rule.report with input as custom([key("log.overide", "other", 3)])
	contains(f.message, "did you mean \"log.override\"?")
}

test_misspelt_server_suffix if {
	some f in rule.report with input as custom([key("corp.servr", "other", 3)])
	contains(f.message, "did you mean \"corp.server\"?")
}

test_key_read_by_a_plugin_is_in_use if {
	k := object.union(key("db.example.lan", "other", 3), {"read_by": ["coredns.yaml:12:14"]})
	count(rule.report) == 0 with input as custom([k])
}

test_custom_its_corefile_does_not_import if {
	doc := {"customs": [{
		"object": {"name": "coredns-custom"},
		"keys": [key("example.com", "other", 7)],
		"partner": {"source": "run", "imports": false},
	}]}
	count(rule.report) == 0 with input as doc
}

test_custom_its_corefile_imports if {
	doc := {"customs": [{
		"object": {"name": "coredns-custom"},
		"keys": [key("example.com", "other", 7)],
		"partner": {"source": "platform", "imports": true},
	}]}
	count(rule.report) == 1 with input as doc
}
