package dnslint.rules.corefile["invalid-zone_test"]

import data.dnslint.rules.corefile["invalid-zone"] as rule

pos(c) := {"file": "Corefile", "line": 1, "col": c, "end_line": 1, "end_col": c + 3}

key(text, scheme, zone, port, err, c) := {
	"text": text, "scheme": scheme, "zone": zone, "zones": [zone], "zone_written": zone,
	"port": port, "port_explicit": true, "error": err, "pos": pos(c),
}

cf(keys, via) := {"corefiles": [{"server_blocks": [{"keys": keys, "via": via, "directives": []}]}]}

only(keys) := f if {
	r := rule.report with input as cf(keys, [])
	count(r) == 1
	some f in r
}

test_parse_error_of_coredns if {
	f := only([key(".", "dns", ".", "53", "", 1), key(":53", "dns", ".", "53", "zone is not a valid domain name: ", 3)])
	f.location == pos(3)
	f.severity == "error"
	contains(f.message, "exits with `zone is not a valid domain name: `")
	contains(f.message, "`.:53`")
}

test_trailing_colon if {
	f := only([key("example.org:", "dns", "example.org.", "53", `expecting data after last colon: "example.org:"`, 1)])
	contains(f.message, `expecting data after last colon: "example.org:"`)
	contains(f.message, "`example.org`")
}

test_port_out_of_range if {
	f := only([key("example.org:99999", "dns", "example.org.", "99999", "", 1)])
	f.severity == "error"
	contains(f.message, "`address 99999: invalid port`")
}

test_port_zero if {
	f := only([key("example.org:0", "dns", "example.org.", "0", "", 1)])
	f.severity == "warning"
}

test_unknown_scheme if {
	f := only([key("udp://example.org", "udp", "example.org.", "", "", 1)])
	f.severity == "warning"
	contains(f.message, "`udp://` is no CoreDNS transport")
	contains(f.message, "Write `dns://example.org`")
}

test_stray_brace if {
	f := only([key("}", "dns", "}.", "53", "", 1)])
	f.severity == "warning"
	contains(f.message, `Domain "}." does not follow RFC1035 preferred syntax`)
	contains(f.message, "A `}` at the top level closes no block")
}

test_network_that_is_no_cidr if {
	f := only([key("10.0.0.0/33", "dns", "10.0.0.0/33.", "53", "", 1)])
	contains(f.message, "must be a valid CIDR")
}

test_port_that_is_no_number if {
	f := only([key("example.org:dns", "dns", "example.org:dns.", "53", "", 1)])
	contains(f.message, "`dns` is not a port number")
}

test_imported_key if {
	r := rule.report with input as cf([key("}", "dns", "}.", "53", "", 1)], ["/etc/coredns/custom/x.server"])
	some f in r
	endswith(f.message, "(imported from /etc/coredns/custom/x.server)")
}

test_valid_keys if {
	count(rule.report) == 0 with input as cf(
		[
			key(".:53", "dns", ".", "53", "", 1),
			key("tls://example.org", "tls", "example.org.", "853", "", 5),
			key("_msdcs.corp.example", "dns", "_msdcs.corp.example.", "53", "", 9),
			key("10.0.0.0/24", "dns", "0.0.10.in-addr.arpa.", "53", "", 13),
			key("32/27.104.21.172.in-addr.arpa", "dns", "32/27.104.21.172.in-addr.arpa.", "53", "", 25),
			key("{$ZONE}", "dns", "{$zone}.", "53", "", 17),
			key("{env.ZONE}", "dns", "{env.zone}.", "53", "", 21),
		],
		[],
	)
}
