package dnslint.rules.corefile["invalid-zone_test"]

import data.dnslint.rules.corefile["invalid-zone"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile of one server block whose keys are keys and whose only line is whoami.
cf(keys) := dnslint.test.input({"Corefile": sprintf("%s {\n    whoami\n}\n", [keys])})

only(keys) := f if {
	r := rule.report with input as cf(keys)
	count(r) == 1
	some f in r
}

test_parse_error_of_coredns if {
	f := only(". :53")
	f.location == at(1, 3, 5)
	f.severity == "error"
	contains(f.message, "exits with `zone is not a valid domain name: `")
	contains(f.message, "`.:53`")
}

test_empty_label if {
	f := only("corp..example.com")
	f.location == at(1, 1, 17)
	f.severity == "error"
	contains(f.message, "Check the key for an empty label")
}

test_trailing_colon if {
	f := only("example.org:")
	contains(f.message, `expecting data after last colon: "example.org:"`)
	contains(f.message, "`example.org`")
}

test_port_out_of_range if {
	f := only("example.org:99999")
	f.severity == "error"
	contains(f.message, "`address 99999: invalid port`")
}

test_port_zero if {
	f := only("example.org:0")
	f.severity == "warning"
	contains(f.message, "`example.org.:53`")
}

test_unknown_scheme if {
	f := only("udp://example.org")
	f.severity == "warning"
	contains(f.message, "`udp://` is no CoreDNS transport")
	contains(f.message, "Write `dns://example.org`")
}

test_stray_brace if {
	r := rule.report with input as dnslint.test.input({"Corefile": ".:53 {\n    whoami\n}\n}\n"})
	count(r) == 1
	some f in r
	f.location == at(4, 1, 1)
	f.severity == "warning"
	contains(f.message, `Domain "}." does not follow RFC1035 preferred syntax`)
	contains(f.message, "A `}` at the top level closes no block")
}

test_network_that_is_no_cidr if {
	f := only("10.0.0.0/33")
	contains(f.message, "must be a valid CIDR")
}

test_port_that_is_no_number if {
	f := only("example.org:dns")
	contains(f.message, "`dns` is not a port number")
}

test_imported_key if {
	r := rule.report with input as dnslint.test.input({"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  x.server: |
		    consul~ {
		        whoami
		    }
	`})
	some f in r
	f.location == {"file": "custom.yaml", "line": 6, "col": 5, "end_line": 6, "end_col": 11}
	endswith(f.message, "(imported from /etc/coredns/custom/x.server)")
}

test_valid_keys if {
	valid := cf(".:53 tls://example.org _msdcs.corp.example 10.0.0.0/24 32/27.104.21.172.in-addr.arpa {$ZONE} {env.ZONE}")
	count(valid.corefiles[0].server_blocks[0].keys) == 7 # parsed, every key read
	count(rule.report) == 0 with input as valid
}
