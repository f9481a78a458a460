package dnslint.lib.kinds_scalars_test

import data.dnslint.lib.kinds

test_uint32 if {
	t := {"kind": "uint32", "message": "{error}"}
	kinds.error(t, "-4") == "strconv.ParseUint: parsing \"-4\": invalid syntax"
	kinds.error(t, "4294967296") == "strconv.ParseUint: parsing \"4294967296\": value out of range"
	not kinds.error(t, "4294967295")
	not kinds.error(t, "0")
}

test_rcode if {
	t := {"kind": "rcode", "message": "{token} is not a valid rcode", "refused": {"values": ["NOERROR"], "message": "no"}}
	kinds.error(t, "INVALID") == "INVALID is not a valid rcode"
	kinds.error(t, "NoError") == "no"
	not kinds.error(t, "nxdomain")
	not kinds.error(t, "NOTIMPL")
}

test_ip if {
	t := {"kind": "ip", "message": "invalid IP address: {token}"}
	kinds.error(t, "not-an-ip") == "invalid IP address: not-an-ip"
	kinds.error(t, "10.0.0.1:53") == "invalid IP address: 10.0.0.1:53"
	not kinds.error(t, "10.0.0.1")
	not kinds.error(t, "2001:db8::1")
}

test_domain if {
	t := {"kind": "domain", "message": "bad {token}"}
	kinds.error(t, "example..org") == "bad example..org"
	kinds.error(t, concat("", [concat("", ["x" | some _ in numbers.range(1, 64)]), ".org"])) != ""
	not kinds.error(t, concat("", [concat("", ["x" | some _ in numbers.range(1, 63)]), ".org"]))
	not kinds.error(t, ".")
	kinds.error(t, ".org") == "bad .org"
}
