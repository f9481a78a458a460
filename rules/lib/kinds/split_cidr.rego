package dnslint.lib.kinds

# split_cidr: a zone written as an IPv4 CIDR whose prefix is not a multiple of 8
# (plugin.Host(v).NormalizeExact: plugin/pkg/cidr.Split, then Reverse) reads as several
# reverse zones; forward keeps the first and logs a warning. warning(t, v) is what the
# message needs ({zone}: the first zone), undefined when v is no such CIDR. (IPv6 CIDRs off
# a nibble boundary split too; they are not described here, so never warned about.)
warning(t, v) := {"{zone}": zone} if {
	t.kind == "split_cidr"
	m := regex.find_all_string_submatch_n(`^(?:[a-z0-9]+://)?(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/([0-9]|[12][0-9]|3[0-2])(?::[0-9]+)?$`, v, 1)[0]
	ones := to_number(m[5])
	ones % 8 != 0
	keep := ceil(ones / 8)
	octets := [o | some i in numbers.range(1, keep); o := split_cidr_octet(to_number(m[i]), i, ones)]
	zone := concat(".", array.concat([format_int(octets[(count(octets) - 1) - j], 10) | some j in numbers.range(0, count(octets) - 1)], ["in-addr.arpa."]))
}

# split_cidr_octet is the i-th octet (from 1) of the first network, masked to ones bits.
split_cidr_octet(o, i, ones) := bits.and(o, bits.and(bits.lsh(255, (8 * i) - ones), 255)) if 8 * i > ones

else := o
