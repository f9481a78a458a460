# Facts about the forward plugin shared by several rules.
package dnslint.lib.forward

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins

# options are the lines the forward plugin accepts inside its block in CoreDNS 1.14.7
# (rules/data/forward.json, from plugin/forward/setup.go). `tls` is left out: it is
# also a plugin of its own.
options := {name | some name, _ in data.dnslint.forward.options} - {"tls"}

# stanzas are every forward line of every server block with its place among the block's
# directives (index): CoreDNS chains several forwards of a block in written order. An
# array, as corefile.lines (no set of whole Corefiles and blocks to sort).
stanzas := [{"corefile": cf, "block": b, "directive": d, "index": i} |
	some cf in input.corefiles
	some b in cf.server_blocks
	some i, d in b.directives
	d.name == "forward"
]

# tos are the TO arguments of a forward line (everything after FROM).
tos(d) := array.slice(d.args, 1, count(d.args))

# from is the zone a forward line takes queries for (FROM, normalized like the server
# block keys: lower case, fully qualified; an octet-aligned IPv4 CIDR as its reverse
# zone). Undefined without a TO, for placeholders and for CIDRs it does not map.
from(d) := zone(d.args[0].text) if count(d.args) > 1

zone(text) := z if {
	not plugins.templated(text)
	bare := regex.replace(regex.replace(text, `^[a-z0-9]+://`, ""), `:[0-9]+$`, "")
	not contains(bare, "/")
	z := plugins.fqdn(bare)
} else := reverse(text) if {
	contains(text, "/")
}

reverse(cidr) := concat(".", array.concat(array.reverse(array.slice(octets, 0, bits / 8)), ["in-addr.arpa."])) if {
	net.cidr_is_valid(cidr)
	[addr, mask] := split(cidr, "/")
	octets := split(addr, ".")
	count(octets) == 4
	bits := to_number(mask)
	bits in {8, 16, 24, 32}
}

# covers holds when every name of zone child is also in zone parent.
covers(parent, child) if plugins.under(child, parent)

# option holds for a line CoreDNS accepts in the forward block of the target release.
option(name) if {
	o := data.dnslint.forward.options[name]
	semver.compare(corefile.version, object.get(o, "first", "0.0.0")) >= 0
}

# first holds for the first forward line of its server block.
first(s) if s.index == first_index(s.block)

# first_index is where the first forward line of server block b stands (once per block).
first_index(b) := min([i | some i, d in b.directives; d.name == "forward"])

# show writes a zone for messages: without the final dot, except the root.
show(zone) := zone if zone == "."

else := trim_suffix(zone, ".")

# head writes a forward line for messages: FROM and the first upstream, `…` for more.
head(d) := concat(" ", [a.text | some a in d.args]) if count(d.args) <= 2

else := concat(" ", array.concat([a.text | some a in array.slice(d.args, 0, 2)], ["…"]))
