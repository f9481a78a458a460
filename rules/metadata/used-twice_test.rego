package dnslint.rules.metadata["used-twice_test"]

import data.dnslint.rules.metadata["used-twice"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 5, "end_line": l, "end_col": 13}

line(name, l) := {"name": name, "args": [], "block": [], "has_block": false, "via": [], "pos": pos(l)}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

test_second_metadata_refused if {
	r := rule.report with input as cf([line("metadata", 2), line("log", 3), line("metadata", 4)])
	count(r) == 1
	some f in r
	f.location == pos(4)
	contains(f.message, "`Wrong argument count or unexpected line ending after 'metadata'`")
}

test_one_metadata_per_block if {
	count(rule.report) == 0 with input as {"corefiles": [{"server_blocks": [
		{"keys": [], "via": [], "directives": [line("metadata", 2)]},
		{"keys": [], "via": [], "directives": [line("metadata", 5)]},
	]}]}
}
