package dnslint.rules.custom["server-without-block_test"]

import data.dnslint.rules.custom["server-without-block"] as rule

pos(l) := {"file": "custom.yaml", "line": l, "col": 5, "end_line": l, "end_col": 7}

key(name, unbraced, l) := {"key": {"text": name, "pos": pos(l - 1)}, "kind": "server", "unbraced": {"text": unbraced, "pos": pos(l)}}

line(name, key, l) := {"name": name, "args": [], "block": [], "has_block": false, "via": [concat("", ["/etc/coredns/custom/", key])], "pos": pos(l)}

run(keys, blocks) := {"customs": [{"file": "custom.yaml", "keys": keys}], "corefiles": [{"server_blocks": blocks}]}

block(key, l, directives) := {"keys": [{"text": key, "pos": pos(l)}], "via": [], "directives": directives}

test_plugin_lines if {
	r := rule.report with input as run([key("logging.server", "log", 8)], [block("log", 8, [line("errors", "logging.server", 9)])])
	count(r) == 1
	some f in r
	f.location == pos(8)
	not f.severity
	contains(f.message, "CoreDNS reads `log` as the zone of a new server block (`log.`)")
	contains(f.message, "\"logging.override\"")
}

test_zone_that_swallows_the_next_key if {
	r := rule.report with input as run(
		[key("a.server", "a.example", 8), {"key": {"text": "b.server"}, "kind": "server", "unbraced": null}],
		[block("a.example", 8, [line("forward", "a.server", 9), line("b.example", "b.server", 12)])],
	)
	count(r) == 1
	some f in r
	not f.severity
	contains(f.message, "the lines of key b.server become part of it")
}

test_zone_that_swallows_the_corefile if {
	r := rule.report with input as run(
		[key("a.server", "a.example", 8)],
		[block("a.example", 8, [line("forward", "a.server", 9), {"name": "example.org", "via": [], "pos": pos(30)}])],
	)
	some f in r
	contains(f.message, "the lines of the Corefile after its import become part of it")
}

test_zone_alone_is_a_warning if {
	r := rule.report with input as run([key("a.server", "a.example:53", 8)], [block("a.example:53", 8, [line("forward", "a.server", 9)])])
	count(r) == 1
	some f in r
	f.severity == "warning"
}

test_braced_blocks_pass if {
	count(rule.report) == 0 with input as run([{"key": {"text": "a.server"}, "kind": "server", "unbraced": null}], [])
}
