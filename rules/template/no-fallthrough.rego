# METADATA
# title: template without fallthrough hides names other plugins should answer
# description: |-
#   A template answers the queries of its CLASS and TYPE in its zones whose name matches one
#   of its `match` patterns. For a query of that class and type in those zones that matches
#   none, it passes the query on only with `fallthrough`; without it, it answers SERVFAIL
#   (template README), and the plugins after it — kubernetes, forward — never see the query.
#   A template with `match ^www\.` for `example.com` then breaks `api.example.com`. Add
#   `fallthrough` to the template block, or narrow its zones to the names it should own. A
#   template with no `match` line matches every name of its zones and is not reported.
# related_resources:
#   - ref: https://coredns.io/plugins/template/
#     description: template plugin (fallthrough)
# custom:
#   each: corefiles
#   severity: warning
#   source: CoreDNS plugin/template/template.go @ v1.14.7 (ServeDNS, match); verified by querying CoreDNS 1.14.7 (`template IN A t.example { match ^x… }` answers y.t.example A with SERVFAIL)
#   bad: |-
#     .:53 {
#         template IN A example.com {
#             match ^www\.example\.com\.$
#             answer "{{ .Name }} 60 IN A 10.0.0.1"
#         }
#         forward . /etc/resolv.conf
#     }
#   good: |-
#     .:53 {
#         template IN A example.com {
#             match ^www\.example\.com\.$
#             answer "{{ .Name }} 60 IN A 10.0.0.1"
#             fallthrough
#         }
#         forward . /etc/resolv.conf
#     }
package dnslint.rules.template["no-fallthrough"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(d.pos, msg) if {
	some x in corefile.directives("template")
	d := x.directive
	count(d.args) >= 2
	count(plugins.options(d, "match")) > 0
	not plugins.fallthrough(d)
	mine := plugins.zones(x.block, d.args, 2)
	hidden := plugins.shadowed(x.block, d, mine)
	count(hidden) > 0
	msg := sprintf("`template %s %s` without `fallthrough` answers SERVFAIL for the %s queries of %s that none of its `match` patterns matches%s, so %s them. Add `fallthrough` to the template block", [
		d.args[0].text, d.args[1].text, d.args[1].text, plugins.scope(mine), corefile.where(d), plugins.never_see(hidden),
	])
}
