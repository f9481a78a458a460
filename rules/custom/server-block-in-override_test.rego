package dnslint.rules.custom["server-block-in-override_test"]

import data.dnslint.rules.custom["server-block-in-override"] as rule

pos(l, c) := {"file": "custom.yaml", "line": l, "col": c, "end_line": l, "end_col": c + 13}

line(name, via, has_block, l) := {"name": name, "args": [], "block": [], "has_block": has_block, "via": via, "pos": pos(l, 5)}

corefile(directives) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": directives}]}]}

override := ["/etc/coredns/custom/corp.override"]

test_server_block_in_override if {
	r := rule.report with input as corefile([
		line("errors", [], false, 3),
		line("corp.example.com:53", override, true, 8),
	])
	count(r) == 1
	some f in r
	f.location == pos(8, 5)
	contains(f.message, "key corp.override holds a server block")
	contains(f.message, "`Unknown directive 'corp.example.com:53'`")
	contains(f.message, "\"corp.server\"")
}

test_root_zone_and_scheme if {
	count(rule.report) == 2 with input as corefile([
		line(".", override, true, 8),
		line("tls://example.org", override, true, 12),
	])
}

test_plugin_lines_and_other_sources_pass if {
	count(rule.report) == 0 with input as corefile([
		line("hosts", override, true, 8),
		line("log", override, false, 9),
		# written in the Corefile itself, or from a .server key: other rules' business
		line("example.com:53", [], true, 10),
		line("example.org:53", ["/etc/coredns/custom/a.server"], true, 11),
		# no braces: corefile/unknown-directive reports it
		line("example.net:53", override, false, 12),
	])
}
