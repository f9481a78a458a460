# METADATA
# title: kubernetes plugin authoritative for every name
# description: |-
#   The kubernetes plugin serves the zones written after it, or — when none is written —
#   the zones of its server block. In a `.` block, `kubernetes` with no zone (or with `.`)
#   therefore claims every name: a query for `example.com` reaches it before `forward`
#   (plugin order), is not a cluster name, and gets NXDOMAIN from it instead of going
#   upstream, unless a `fallthrough` that covers `.` passes it on. External resolution
#   breaks for every pod. Name the cluster domain and the reverse zones, as every
#   distribution does: `kubernetes cluster.local in-addr.arpa ip6.arpa`.
# related_resources:
#   - ref: https://coredns.io/plugins/kubernetes/
#     description: kubernetes plugin (ZONES)
# custom:
#   each: corefiles
#   severity: warning
#   source: CoreDNS plugin/kubernetes/setup.go @ v1.14.7 (OriginsFromArgsOrServerBlock) and README ("With only the plugin specified … It will handle all queries in that zone"); coredns-facts.md §3.3, §12 item 12 (derived)
#   bad: |-
#     .:53 {
#         kubernetes
#         forward . /etc/resolv.conf
#     }
#   good: |-
#     .:53 {
#         kubernetes cluster.local in-addr.arpa ip6.arpa {
#             fallthrough in-addr.arpa ip6.arpa
#         }
#         forward . /etc/resolv.conf
#     }
package dnslint.rules.kubernetes["root-authority"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(at.pos, msg) if {
	some x in corefile.directives("kubernetes")
	d := x.directive
	"." in plugins.zones(x.block, d.args, 0)
	not plugins.falls_through(d, ".")
	next := [n.directive.name | some n in plugins.after(x.block, d)]
	count(next) > 0
	at := root_token(d)
	msg := sprintf("`kubernetes` %s is authoritative for every name%s: a query for an external name such as `example.com` gets NXDOMAIN from it instead of reaching %s. Name the cluster zones: `kubernetes cluster.local in-addr.arpa ip6.arpa`", [
		written(d), corefile.where(d), concat(", ", sort(next)),
	])
}

root_token(d) := roots[0] if {
	roots := [a | some a in d.args; plugins.fqdn(a.text) == "."]
	count(roots) > 0
} else := d

written(d) := "with no zone in a `.` server block" if count(d.args) == 0

else := "with the zone `.`"
