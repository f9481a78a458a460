# prefix: net.ParseCIDR ({error} in message), then the family and the lengths a setup
# function allows: family 6 with family_message, lengths with length_message. In those
# messages {bits} is the address size (32 or 128) and {qnet} the network as Go's %q prints
# the parsed *net.IPNet (host bits cleared: "8.8.8.0/24" for 8.8.8.8/24).
package dnslint.lib.kinds

import data.dnslint.lib.plugins

error(t, v) := plugins.text(t.message, v, {"{error}": sprintf("invalid CIDR address: %s", [v])}) if {
	t.kind == "prefix"
	not net.cidr_is_valid(v)
}

error(t, v) := plugins.text(t.family_message, v, {"{bits}": "32", "{qnet}": qnet(v)}) if {
	t.kind == "prefix"
	t.family == 6
	net.cidr_is_valid(v)
	not contains(v, ":")
}

error(t, v) := plugins.text(t.length_message, v, {"{qnet}": qnet(v)}) if {
	t.kind == "prefix"
	net.cidr_is_valid(v)
	not family_refused(t, v)
	not to_number(split(v, "/")[1]) in t.lengths
}

family_refused(t, v) if {
	t.family == 6
	not contains(v, ":")
}

qnet(v) := plugins.quote(nets[0]) if nets := [n | some n in net.cidr_merge([v])]

fix["prefix"] := "Write a network in CIDR notation with a length the plugin allows"
