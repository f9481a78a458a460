# METADATA
# title: hosts without fallthrough hides names other plugins should answer
# description: |-
#   The hosts plugin answers every A and AAAA query of its zones (the zones written after
#   the file, else the server block's zones). For a name it has no entry for, it passes the
#   query on only with `fallthrough`; without it, it answers SERVFAIL ("because of
#   /etc/hosts' setup we don't have a SOA, so we make it SERVFAIL"), and the plugins after it —
#   kubernetes, forward — never see the query. A `hosts { 10.0.0.1 db.internal }` in the
#   `.:53` block therefore breaks every other name, cluster names included. Add
#   `fallthrough` as the last line of the hosts block (before it, inline entries keep
#   working), or give hosts only the zones it should own.
# related_resources:
#   - ref: https://coredns.io/plugins/hosts/
#     description: hosts plugin (fallthrough)
# custom:
#   each: corefiles
#   severity: warning
#   source: CoreDNS plugin/hosts/hosts.go @ v1.14.7 (ServeDNS); verified by querying CoreDNS 1.14.7 (`hosts { 10.0.0.1 a.h.example }` answers b.h.example A with SERVFAIL)
#   bad: |-
#     .:53 {
#         hosts {
#             10.0.0.1 db.internal
#         }
#         forward . /etc/resolv.conf
#     }
#   good: |-
#     .:53 {
#         hosts {
#             10.0.0.1 db.internal
#             fallthrough
#         }
#         forward . /etc/resolv.conf
#     }
package dnslint.rules.hosts["no-fallthrough"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(d.pos, msg) if {
	some x in corefile.directives("hosts")
	d := x.directive
	not plugins.fallthrough(d)
	mine := plugins.zones(x.block, d.args, 1)
	hidden := plugins.shadowed(x.block, d, mine)
	count(hidden) > 0
	msg := sprintf("`hosts` without `fallthrough` answers SERVFAIL for %s it has no entry for%s, so %s those queries. Add `fallthrough` as the last line of the hosts block", [
		plugins.scope(mine), corefile.where(d), plugins.never_see(hidden),
	])
}
