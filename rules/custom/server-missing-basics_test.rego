package dnslint.rules.custom["server-missing-basics_test"]

import data.dnslint.rules.custom["server-missing-basics"] as rule

params := {"custom/server-missing-basics": {"plugins": ["errors"]}}

pos(l) := {"file": "custom.yaml", "line": l, "col": 5, "end_line": l, "end_col": 20}

via := ["/etc/coredns/custom/corp.server"]

line(name, l) := {"name": name, "via": via, "pos": pos(l)}

block(block_via, names) := {"keys": [{"text": "corp.example.com:53", "pos": pos(8)}], "via": block_via, "directives": [line(n, 9) | some n in names]}

run(blocks) := {"customs": [], "corefiles": [{"server_blocks": blocks}]}

test_missing_plugins if {
	r := rule.report with input as run([block(via, ["cache", "forward"])]) with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == pos(8)
	f.message == "server block `corp.example.com:53` of key corp.server has no errors (its failures are never logged): a custom server block inherits nothing from `.:53`. Add it to the block"
}

test_param if {
	r := rule.report with input as run([block(via, ["cache", "loop"])]) with data.dnslint.params as {"custom/server-missing-basics": {"plugins": ["errors", "log"]}}
	some f in r
	contains(f.message, "has no errors (its failures are never logged), log:")
}

test_complete_and_main_blocks_pass if {
	count(rule.report) == 0 with input as run([
		block(via, ["errors", "forward"]),
		{"keys": [{"text": ".:53", "pos": pos(1)}], "via": [], "directives": [{"name": "forward", "via": [], "pos": pos(2)}]},
	]) with data.dnslint.params as params
}

test_unbraced_block_is_left_to_server_without_block if {
	count(rule.report) == 0 with input as {
		"customs": [{"keys": [{"key": {"text": "corp.server"}, "kind": "server", "unbraced": {"text": "corp.example.com:53", "pos": pos(8)}}]}],
		"corefiles": [{"server_blocks": [block(via, ["forward"])]}],
	} with data.dnslint.params as params
}
