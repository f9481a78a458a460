# METADATA
# title: Zone served twice on the same port
# description: |-
#   Each zone, port and transport (with the `bind` address, when there is one) may be
#   served by one server block only. Two blocks for `.:53` — typically a coredns-custom
#   `.server` key meant to "replace" the main block of AKS or k3s, two `.server` keys for
#   the same zone, or a copy-pasted block — stop CoreDNS at start-up with
#   `cannot serve dns://.:53 - it is already defined` (`… on 10.0.0.1` when bound), and the
#   pod crash-loops; so does the same key twice in one block's key list. A block bound to
#   an address and one listening on all addresses for the same zone and port fail with
#   `cannot serve … - zone overlap listener capacity with …`. From CoreDNS 1.14.7 zones
#   compare case-insensitively (`Example.org` and `example.org` clash); before, only the
#   exact spelling. Blocks with a `view` plugin may share a zone and are not checked. Merge
#   the blocks, or serve another zone or port; on AKS and k3s, add plugins to the main
#   block through an `.override` key instead of a `.server` key for `.`.
# related_resources:
#   - ref: https://coredns.io/manual/configuration/
#     description: CoreDNS manual, Configuration (server blocks)
#   - ref: https://learn.microsoft.com/azure/aks/coredns-custom
#     description: Customize CoreDNS for Azure Kubernetes Service
# custom:
#   each: corefiles
#   severity: error
#   source: CoreDNS core/dnsserver/register.go validateZonesAndListeningAddresses and address.go zoneOverlap @ v1.14.7; messages verified on CoreDNS 1.14.7; Azure/AKS#919, MicrosoftDocs/azure-docs#43965
#   bad: |-
#     .:53 {
#         forward . /etc/resolv.conf
#     }
#     .:53 {
#         forward . 8.8.8.8
#     }
#   good: |-
#     .:53 {
#         forward . /etc/resolv.conf
#     }
#     example.org:53 {
#         forward . 10.0.0.1
#     }
package dnslint.rules.corefile["duplicate-zone"]

import data.dnslint.lib.corefile
import data.dnslint.lib.report

report contains report.related(k.pos, msg, [{"message": sprintf("`%s` is first served here", [first.text]), "pos": first.pos}]) if {
	some c, cf in input.corefiles
	some i, b in cf.server_blocks
	some j, k in b.keys
	checked(b, k)
	earlier := [[m, n] |
		some z in names(k)
		some [m, n] in places[[c, k.scheme, k.port, z]] # the keys k shares a zone with
		[m, n] < [i, j]
		a := cf.server_blocks[m]
		other := a.keys[n]
		checked(a, other)
		clash(a, other, b, k)
	]
	count(earlier) > 0
	[m, n] := sort(earlier)[0]
	first := cf.server_blocks[m].keys[n]
	msg := sprintf("`%s` is already served %s: CoreDNS exits with `%s`%s. %s", [
		k.text, where_first(m, i, first.pos, k.pos, first.text), clash(cf.server_blocks[m], first, b, k), corefile.where(b), fix(b, k),
	])
}

# places maps [Corefile index, scheme, port, zone] to the places [block, key] of the keys
# that serve the zone on the transport and port: a look-up for each key instead of a
# comparison with every other key (built in one pass: OPA indexes the inner comprehension).
places := {id: ps |
	some id in {array.slice(s, 0, 4) | some s in served}
	[c, scheme, port, zone] := id
	ps := [[s[4], s[5]] | some s in served; s[0] == c; s[1] == scheme; s[2] == port; s[3] == zone]
}

# served lists every key of every Corefile once per zone it serves:
# [Corefile index, scheme, port, zone, block index, key index].
served := [[c, k.scheme, k.port, z, m, n] |
	some c, cf in input.corefiles
	some m, b in cf.server_blocks
	some n, k in b.keys
	some z in names(k)
]

# checked holds for a key this rule compares: readable by CoreDNS, without placeholders, in
# a block without a view (view blocks may share zones).
checked(b, k) if {
	k.error == ""
	k.scheme in object.keys(data.dnslint.coredns.transports)
	not corefile.placeholder(k.text)
	not corefile.env_placeholder(k.text)
	not view(b)
}

view(b) if {
	some d in b.directives
	d.name == "view"
}

# clash is CoreDNS's message when the key k of block b cannot be served after the key
# other of block a.
clash(a, other, b, k) := sprintf("cannot serve %s - it is already defined", [addr(k, z, x)]) if {
	z := shared(other, k)
	x := min(listen(a) & listen(b))
} else := sprintf("cannot serve %s - zone overlap listener capacity with %s", [addr(k, z, min(listen(b))), addr(k, z, "")]) if {
	z := shared(other, k)
	"" in listen(a)
} else := sprintf("cannot serve %s - zone overlap listener capacity with %s", [addr(k, z, ""), addr(k, z, min(listen(a)))]) if {
	z := shared(other, k)
	"" in listen(b)
}

# shared is a zone both keys serve on the same transport and port.
shared(k1, k2) := min(names(k1) & names(k2)) if {
	k1.scheme == k2.scheme
	k1.port == k2.port
}

# names are the zones of a key as the target CoreDNS compares them.
names(k) := {z | some z in k.zones} if {
	semver.compare(corefile.version, data.dnslint.coredns.zones_normalized_from) >= 0
} else := {k.zone_written} if {
	count(k.zones) == 1
} else := {z | some z in k.zones}

# listen are the addresses a block is bound to ("" for all addresses, without bind).
listen(b) := s if {
	s := {a.text | some d in b.directives; d.name == "bind"; some a in d.args}
	count(s) > 0
} else := {""}

addr(k, zone, "") := sprintf("%s://%s:%s", [k.scheme, zone, k.port])

addr(k, zone, a) := sprintf("%s://%s:%s on %s", [k.scheme, zone, k.port, a]) if a != ""

# where_first names the key that serves the zone first (where it is: the related place).
where_first(m, i, p, here, text) := sprintf("by `%s`, earlier in this block's key list", [text]) if m == i

else := sprintf("by the earlier server block `%s`", [text]) if p.file == here.file

else := sprintf("by the server block `%s` of %s", [text, p.file])

fix(b, k) := "A .server key adds server blocks next to the main one and cannot replace it: add plugins to the main block with an .override key, or serve only the zones you need in the .server key" if {
	some v in b.via
	endswith(v, ".server")
	k.zone == "."
} else := "Merge the two server blocks into one, or serve a different zone or port"
