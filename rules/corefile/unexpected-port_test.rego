package dnslint.rules.corefile["unexpected-port_test"]

import data.dnslint.rules.corefile["unexpected-port"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 1, "end_line": l, "end_col": 9}

key(text, zone, port, l) := {
	"text": text, "scheme": "dns", "zone": zone, "zones": [zone], "zone_written": zone,
	"port": port, "port_explicit": true, "error": "", "pos": pos(l),
}

block(keys, via) := {"keys": keys, "directives": [], "via": via}

cf(blocks) := {"corefiles": [{"server_blocks": blocks}]}

params := {"corefile/unexpected-port": {"service_ports": [53]}}

test_custom_block_on_another_port if {
	r := rule.report with input as cf([
		block([key(".:53", ".", "53", 1)], []),
		block([key("example.com:5353", "example.com.", "5353", 2)], ["/etc/coredns/custom/x.server"]),
	])
		with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == pos(2)
	contains(f.message, "sends pods' queries to port 53")
	contains(f.message, "(`example.com:53`)")
	contains(f.message, "(imported from /etc/coredns/custom/x.server)")
}

# OpenShift serves every block on 5353, Gardener on 8053: the port of the main block.
test_main_block_port_is_expected if {
	count(rule.report) == 0 with input as cf([
		block([key(".:5353", ".", "5353", 1)], []),
		block([key("hostname.bind:5353", "hostname.bind.", "5353", 5)], []),
	])
		with data.dnslint.params as params
	some f in rule.report with input as cf([
		block([key(".:8053", ".", "8053", 1)], []),
		block([key("example.com:5353", "example.com.", "5353", 5)], ["/etc/coredns/custom/x.server"]),
	])
		with data.dnslint.params as params
	contains(f.message, "to port 53 or 8053")
	contains(f.message, "(`example.com:8053`)")
}

# A .server key for `.` on another port does not make that port expected.
test_imported_root_block if {
	count(rule.report) == 1 with input as cf([
		block([key(".:53", ".", "53", 1)], []),
		block([key(".:5353", ".", "5353", 2)], ["/etc/coredns/custom/x.server"]),
		block([key("example.com:5353", "example.com.", "5353", 3)], ["/etc/coredns/custom/x.server"]),
	])
		with data.dnslint.params as params
}

test_service_ports_parameter if {
	blocks := cf([block([key(".:53", ".", "53", 1)], []), block([key("example.com:5353", "example.com.", "5353", 2)], [])])
	count(rule.report) == 0 with input as blocks with data.dnslint.params as {"corefile/unexpected-port": {"service_ports": [53, 5353]}}
}

test_other_transports_and_invalid_ports if {
	tls := object.union(key("tls://example.com", "example.com.", "853", 2), {"scheme": "tls"})
	count(rule.report) == 0 with input as cf([block([key(".:53", ".", "53", 1)], []), block([tls], [])])
		with data.dnslint.params as params
	count(rule.report) == 0 with input as cf([block([key(".:53", ".", "53", 1)], []), block([key("a:99999", "a.", "99999", 2), key("b:0", "b.", "0", 2)], [])])
		with data.dnslint.params as params
}
