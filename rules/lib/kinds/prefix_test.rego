package dnslint.lib.kinds_prefix_test

import data.dnslint.lib.kinds

nat64 := {"kind": "prefix", "message": "{error}", "family": 6, "family_message": "invalid netmask {bits} IPv6 address: {qnet}", "lengths": [32, 40, 48, 56, 64, 96], "length_message": "invalid prefix length {qnet}"}

test_prefix_refused if {
	kinds.error(nat64, "foobar") == "invalid CIDR address: foobar"
	kinds.error(nat64, "64:ff9b::/52") == "invalid prefix length \"64:ff9b::/52\""
	kinds.error(nat64, "64:ff9b::1/104") == "invalid prefix length \"64:ff9b::/104\""
	kinds.error(nat64, "8.8.8.8/24") == "invalid netmask 32 IPv6 address: \"8.8.8.0/24\""
}

test_prefix_accepted if {
	every v in ["64:ff9b::/96", "2001:db8::/32", "2001:db8:1::/48", "2001:db8::/64"] {
		not kinds.error(nat64, v)
	}
}
