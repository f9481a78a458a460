package dnslint.rules.shed["non-dns-transport_test"]

import data.dnslint.rules.shed["non-dns-transport"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 1, "end_line": l, "end_col": 5}

cf(keys) := {"corefiles": [{"server_blocks": [{
	"keys": [{"text": t, "scheme": s} | some [t, s] in keys], "via": [],
	"directives": [{"name": "shed", "args": [], "block": [], "has_block": false, "via": [], "pos": pos(2)}],
}]}]}

test_tls_block_refused if {
	some f in rule.report with input as cf([["tls://.:853", "tls"]])
	contains(f.message, "`only plain DNS server blocks are supported; \"tls://.:853\" uses transport \"tls\"`")
}

test_any_key_counts if {
	count(rule.report) == 1 with input as cf([[".:53", "dns"], ["grpc://.:443", "grpc"]])
}

test_plain_dns_block if {
	count(rule.report) == 0 with input as cf([[".:53", "dns"], ["example.org", "dns"]])
}
