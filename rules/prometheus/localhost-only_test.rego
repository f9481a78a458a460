package dnslint.rules.prometheus["localhost-only_test"]

import data.dnslint.rules.prometheus["localhost-only"] as rule

pos := {"file": "Corefile", "line": 3, "col": 5, "end_line": 3, "end_col": 14}

cf(args) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
	"name": "prometheus", "args": [{"text": a, "pos": pos} | some a in args], "block": [], "via": [], "pos": pos,
}]}]}]}

test_no_address if {
	r := rule.report with input as cf([])
	count(r) == 1
	some f in r
	f.location == pos
	contains(f.message, "localhost:9153")
}

test_addresses if {
	every a in [":9153", "0.0.0.0:9153", "127.0.0.1:9153", "{$MY_HOST_IP}:9253"] {
		count(rule.report) == 0 with input as cf([a])
	}
}
