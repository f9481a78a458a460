# METADATA
# title: hosts entry written after fallthrough
# description: |-
#   Inside the hosts block, a line that is no hosts option is read as an inline hosts entry
#   (`IP NAME...`) — but only until the first `fallthrough` line. After it, CoreDNS reads such
#   a line as an option it does not know and exits at start-up with
#   `unknown property '10.0.0.1'`; the pod crash-loops. Put `fallthrough` last, after all the
#   entries, as the AKS documentation's example does.
# related_resources:
#   - ref: https://coredns.io/plugins/hosts/
#     description: hosts plugin
# custom:
#   each: corefiles
#   severity: error
#   source: CoreDNS plugin/hosts/setup.go @ v1.14.7 (hostsParse, default branch; same in v1.9.3); verified by starting CoreDNS 1.14.7
#   bad: |-
#     .:53 {
#         hosts {
#             fallthrough
#             10.0.0.1 db.internal
#         }
#     }
#   good: |-
#     .:53 {
#         hosts {
#             10.0.0.1 db.internal
#             fallthrough
#         }
#     }
package dnslint.rules.hosts["entry-after-fallthrough"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.related(l.pos, msg, [{"message": "the first `fallthrough` of this hosts block", "pos": f.pos}]) if {
	some x in corefile.directives("hosts")
	d := x.directive
	i := plugins.fallthrough_at(d) # the first fallthrough
	f := d.block[i]
	some j, l in d.block
	j > i
	not l.name in options
	msg := sprintf("CoreDNS exits at start-up with `unknown property '%s'`%s: after `fallthrough` the hosts block accepts no more entries. Move `fallthrough` below the last entry", [
		l.name, corefile.where(l),
	])
}

# options are the names of the hosts options.
options := object.keys(data.dnslint.plugins_args.plugins.hosts.options)
