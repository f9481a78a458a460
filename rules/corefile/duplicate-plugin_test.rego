package dnslint.rules.corefile["duplicate-plugin_test"]

import data.dnslint.rules.corefile["duplicate-plugin"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 5, "end_line": l, "end_col": 9}

line(name, l, via) := {"name": name, "args": [], "block": [], "via": via, "pos": pos(l)}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

test_second_cache if {
	r := rule.report with input as cf([line("cache", 2, []), line("forward", 3, []), line("cache", 4, [])])
		with data.dnslint.config as {}
	count(r) == 1
	some f in r
	f.location == pos(4)
	f.related == [{"message": "first `cache` of this server block", "pos": pos(2)}]
	contains(f.message, "plugin/cache: this plugin can only be used once per Server Block")
	contains(f.message, "(first at line 2)")
}

test_third_points_at_the_first if {
	r := rule.report with input as cf([line("errors", 2, []), line("errors", 3, []), line("errors", 4, [])])
		with data.dnslint.config as {}
	{f.location | some f in r} == {pos(3), pos(4)}
	every f in r {
		f.related[0].pos == pos(2)
	}
}

test_from_an_override_is_left_to_custom_rule if {
	# custom/override-duplicates-plugin reports it, with the platform's Corefile in mind.
	count(rule.report) == 0 with input as cf([line("cache", 2, []), line("cache", 7, ["/etc/coredns/custom/cache.override"])])
		with data.dnslint.config as {}
}

test_snippet_imported_twice if {
	r := rule.report with input as cf([line("cache", 2, ["(common)"]), line("cache", 2, ["(common)"])])
		with data.dnslint.config as {}
	some f in r
	contains(f.message, "Merge the options")
}

test_repeatable_plugins if {
	count(rule.report) == 0 with input as cf([line("log", 2, []), line("log", 3, []), line("rewrite", 4, []), line("rewrite", 5, [])])
		with data.dnslint.config as {}
}

test_forward_is_repeatable_from_1_9_4 if {
	fwd := cf([line("forward", 2, []), line("forward", 3, [])])
	count(rule.report) == 0 with input as fwd with data.dnslint.config as {}
	count(rule.report) == 0 with input as fwd with data.dnslint.config as {"coredns_version": "1.9.4"}
	count(rule.report) == 1 with input as fwd with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_plugins_of_other_blocks if {
	two := {"corefiles": [{"server_blocks": [
		{"keys": [], "via": [], "directives": [line("cache", 2, [])]},
		{"keys": [], "via": [], "directives": [line("cache", 6, [])]},
	]}]}
	count(rule.report) == 0 with input as two with data.dnslint.config as {}
}
