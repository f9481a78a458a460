# METADATA
# title: forward that an earlier forward of the block always answers first
# description: |-
#   Since CoreDNS 1.9.4 a server block may hold several `forward` lines. CoreDNS tries them
#   in the order written and the first whose FROM matches the name answers; the README:
#   "subdomains should be placed before parent domains otherwise subdomain requests will be
#   forwarded to the parent domain's upstream". A `forward example.com …` after
#   `forward . …` therefore never sees a query. This is what happens on AKS and k3s with a
#   coredns-custom `.override` key that forwards a zone: the default Corefile imports
#   `custom/*.override` below its own `forward . /etc/resolv.conf`, so the main forward
#   answers everything and the override is dead configuration (CoreDNS starts without a
#   word). Put the zone in its own server block instead — on AKS/k3s a `.server` key such as
#   `example.com:53 { forward . 10.0.0.1 }` — or, in a Corefile you own, move the more
#   specific forward above the general one. An earlier forward that `except`s the zone or
#   passes answers on with `next` does not hide the later one. Before 1.9.4 a second
#   forward stops CoreDNS instead (`this plugin can only be used once per Server Block`),
#   reported by another rule.
# related_resources:
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin (examples, order of several forward plugins)
#   - ref: https://learn.microsoft.com/azure/aks/coredns-custom
#     description: Customize CoreDNS with Azure Kubernetes Service
# custom:
#   each: corefiles
#   severity: warning
#   since: CoreDNS 1.9.4
#   source: "CoreDNS plugin/forward/setup.go and README @ v1.14.7 (multiple forward stanzas chained in order; #5127 in 1.9.4); verified with CoreDNS 1.14.7 and an AKS-style x.override (query for the zone answered by the main upstream); k3s-io/k3s#12979, coredns/coredns#7069"
#   bad: |-
#     .:53 {
#         forward . /etc/resolv.conf
#         forward example.com 10.0.0.1
#     }
#   good: |-
#     .:53 {
#         forward example.com 10.0.0.1
#         forward . /etc/resolv.conf
#     }
package dnslint.rules.forward.shadowed

import data.dnslint.lib.corefile
import data.dnslint.lib.forward
import data.dnslint.lib.report
import data.dnslint.lib.upstream

report contains report.related(later.args[0].pos, msg, [{"message": note, "pos": earlier.args[0].pos}]) if {
	not corefile.once("forward")
	some l in forward.stanzas
	not forward.first(l) # only a later forward of the block can be shadowed
	later := l.directive
	zone := forward.from(later)
	earlier := first_cover(l.block, l.index, zone)
	msg := message(earlier, later, zone)
	note := sprintf("`forward %s` answers every name%s first", [forward.head(earlier), of(zone)])
}

# first_cover is the first forward written before index i in block b that takes every
# name of zone and keeps it (no `except` touching the zone, no `next`).
first_cover(b, i, zone) := b.directives[j] if {
	j := covering(b, zone)[0]
	j < i
}

# covering are the indexes of the forwards of block b that take every name of zone and
# keep it, in written order: found once per block and zone, however many forwards follow.
covering(b, zone) := [j |
	some j, d in b.directives
	d.name == "forward"
	forward.covers(forward.from(d), zone)
	not lets_through(d, zone)
]

lets_through(d, zone) if {
	some line in d.block
	line.name == "except"
	some a in line.args
	overlaps(forward.zone(a.text), zone)
}

lets_through(d, _) if {
	some line in d.block
	line.name in {"next", "next_on_nodata"}
}

overlaps(a, b) if forward.covers(a, b)

overlaps(a, b) if forward.covers(b, a)

# The later forward came in through an import (a coredns-custom .override key) that
# stands below the main forward.
message(earlier, later, zone) := sprintf("`forward %s` comes from %s, imported after the main `forward %s`: the main forward answers every query%s, so this one is never used (CoreDNS starts without a word). An .override cannot replace the main forward or come before it: %s", [
	forward.head(later), concat(" -> ", later.via), forward.head(earlier), also(zone), fix(earlier, later, zone),
]) if {
	count(later.via) > 0
	later.via != earlier.via
} else := sprintf("`forward %s` comes after `forward %s`, which already takes every name%s: CoreDNS tries the forwards of a block in written order, so this one is never used. %s", [
	forward.head(later), forward.head(earlier), of(zone), order_fix(earlier, zone),
])

also(zone) := "" if zone == "."

else := sprintf(", those for %s too", [forward.show(zone)])

of(zone) := "" if zone == "."

else := sprintf(" of %s", [forward.show(zone)])

fix(earlier, later, zone) := sprintf("change the resolvers the main forward reads from %s (on AKS and k3s: the node's) instead", [file.text]) if {
	zone == "."
	some file in forward.tos(earlier)
	upstream.parse(file.text).kind == "file"
} else := "change the main forward's upstreams instead" if {
	zone == "."
} else := sprintf("serve the zone from its own server block in a `.server` key instead: `%s:53 { forward . %s }`", [
	forward.show(zone), concat(" ", [a.text | some a in forward.tos(later)]),
])

order_fix(earlier, zone) := "Remove the duplicate" if forward.from(earlier) == zone

else := "Move it above the more general forward"
