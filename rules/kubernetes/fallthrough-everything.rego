# METADATA
# title: kubernetes fallthrough sends unknown cluster names upstream
# description: |-
#   `fallthrough [ZONES...]` in the kubernetes block passes a query the plugin would answer
#   NXDOMAIN on to the next plugin; with no zone written it applies to every zone of the
#   plugin, the cluster domain included. A name under `cluster.local` that does not exist —
#   a deleted Service, a typo, and above all the search-path expansions that `ndots:5`
#   produces for every external lookup (`example.com.default.svc.cluster.local`) — then goes
#   on to `forward`, which sends it to the upstream resolvers: each one costs an upstream
#   round trip instead of an immediate NXDOMAIN, adds to the upstream's query rate, and
#   tells it your namespace and service names. Every distribution limits fallthrough to the
#   reverse zones: `fallthrough in-addr.arpa ip6.arpa`. The rule reports a fallthrough that
#   covers a non-reverse zone of the plugin when a forward of the same block (not excepting
#   that zone) would receive the names.
# related_resources:
#   - ref: https://coredns.io/plugins/kubernetes/
#     description: kubernetes plugin (fallthrough)
# custom:
#   each: corefiles
#   severity: warning
#   source: CoreDNS plugin/kubernetes/README.md @ v1.14.7 (fallthrough); plugin/pkg/fall; coredns-facts.md §7 item 14 (derived), §8 distribution defaults
#   bad: |-
#     .:53 {
#         kubernetes cluster.local in-addr.arpa ip6.arpa {
#             fallthrough
#         }
#         forward . /etc/resolv.conf
#     }
#   good: |-
#     .:53 {
#         kubernetes cluster.local in-addr.arpa ip6.arpa {
#             fallthrough in-addr.arpa ip6.arpa
#         }
#         forward . /etc/resolv.conf
#     }
package dnslint.rules.kubernetes["fallthrough-everything"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(at.pos, msg) if {
	some x in corefile.directives("kubernetes")
	d := x.directive
	falls := plugins.fallthrough(d)
	cluster := [z |
		some z in plugins.zones(x.block, d.args, 0)
		not plugins.reverse(z)
		some f in falls
		plugins.overlap(z, f)
		leaks(x.block, z)
	]
	count(cluster) > 0
	lines := plugins.options(d, "fallthrough")
	line := lines[count(lines) - 1]
	at := token(line, cluster)
	msg := sprintf("`%s` passes names of %s that do not exist on to forward%s, which asks the upstream resolvers: every search-path expansion such as `example.com.default.svc.%s` then costs an upstream round trip instead of an immediate NXDOMAIN, and leaks cluster names. Limit it to the reverse zones: `fallthrough in-addr.arpa ip6.arpa`", [
		text(line), plugins.names(cluster), corefile.where(line), trim_suffix(cluster[0], "."),
	])
}

# leaks holds when a forward of block b would receive names of zone z.
leaks(b, z) if {
	some f in b.directives
	f.name == "forward"
	count(f.args) > 1
	plugins.overlap(z, plugins.fqdn(f.args[0].text))
	not excepted(f, z)
}

excepted(f, z) if {
	some l in plugins.options(f, "except")
	some a in l.args
	plugins.under(z, plugins.fqdn(a.text))
}

# token is the fallthrough zone that covers the cluster zone, or the bare line.
token(line, cluster) := hits[0] if {
	hits := [a |
		some a in line.args
		some z in cluster
		plugins.overlap(z, plugins.fqdn(a.text))
	]
	count(hits) > 0
} else := line

text(line) := concat(" ", array.concat([line.name], [a.text | some a in line.args]))
