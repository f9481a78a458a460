package dnslint.rules.custom["override-duplicates-plugin_test"]

import data.dnslint.rules.custom["override-duplicates-plugin"] as rule

pos(file, l) := {"file": file, "line": l, "col": 5, "end_line": l, "end_col": 9}

line(name, via, file, l) := {"name": name, "args": [], "block": [], "has_block": false, "via": via, "pos": pos(file, l)}

main(name, l) := line(name, [], "coredns.yaml", l)

from(key, name, l) := line(name, [concat("", ["/etc/coredns/custom/", key])], "custom.yaml", l)

corefile(directives) := {"corefiles": [{"server_blocks": [{"keys": [{"text": ".:53"}], "via": [], "directives": directives}]}]}

test_override_repeats_a_plugin_of_the_block if {
	r := rule.report with input as corefile([main("errors", 9), main("cache", 24), main("loop", 25), from("cache.override", "cache", 8)])
	count(r) == 1
	some f in r
	f.location == pos("custom.yaml", 8)
	f.related == [{"message": "the block's own `cache`", "pos": pos("coredns.yaml", 24)}]
	contains(f.message, "`cache` of key cache.override is spliced into the `.:53` block, and the block already has `cache` (coredns.yaml line 24)")
	contains(f.message, "`plugin/cache: this plugin can only be used once per Server Block`")
}

test_platform_default if {
	r := rule.report with input as corefile([line("hosts", [], "<k3s default Corefile>", 10), from("hosts.override", "hosts", 8)])
	some f in r
	contains(f.message, "and the k3s default Corefile already has `hosts` in this block")
	not f.related
	some g in rule.report with input as corefile([line("errors", [], "<aks default Corefile>", 3), from("e.override", "errors", 8)])
	contains(g.message, "the AKS default Corefile already has `errors`")
}

test_override_before_the_block_line if {
	# Gardener imports the overrides at the top of the block.
	r := rule.report with input as corefile([from("cache.override", "cache", 8), main("cache", 24)])
	count(r) == 1
	some f in r
	f.location == pos("custom.yaml", 8)
}

test_two_overrides_report_the_later_one if {
	r := rule.report with input as corefile([from("a.override", "kubernetes", 8), from("b.override", "kubernetes", 12)])
	count(r) == 1
	some f in r
	f.location == pos("custom.yaml", 12)
	contains(f.message, "key a.override already adds `kubernetes` to it")
}

test_forward_once_before_1_9_4 if {
	block := corefile([main("forward", 14), from("upstream.override", "forward", 8)])
	count(rule.report) == 0 with input as block
	count(rule.report) == 1 with input as block with data.dnslint.config as {"coredns_version": "1.8.7"}
	count(rule.report) == 0 with input as block with data.dnslint.config as {"coredns_version": "1.9.4"}
}

test_repeatable_and_new_plugins_pass if {
	count(rule.report) == 0 with input as corefile([
		main("log", 4), from("log.override", "log", 8),
		main("rewrite", 5), from("r.override", "rewrite", 9),
		from("hosts.override", "hosts", 10),
		main("health", 6), from("h.override", "health", 11),
	])
}

test_duplicates_outside_overrides_pass if {
	count(rule.report) == 0 with input as corefile([main("cache", 4), main("cache", 5), from("x.server", "cache", 8), from("y.server", "cache", 9)])
}
