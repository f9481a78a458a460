# METADATA
# title: kubernetes ttl outside 0–3600 seconds
# description: |-
#   `ttl` in the kubernetes block sets the TTL of the records the plugin answers with: a
#   whole number of seconds from 0 (not cacheable) to 3600; the default is 5. Any other
#   value stops CoreDNS at start-up: a number outside the range with
#   `ttl must be in range [0, 3600]: 7200`, text that is no integer with the `strconv.Atoi`
#   error, a bare `ttl` with `Wrong argument count or unexpected line ending after 'ttl'`.
#   The pod crash-loops (on a reload the old configuration keeps running and the error is
#   only logged). Use a value in the range; kubeadm ships `ttl 30`.
# related_resources:
#   - ref: https://coredns.io/plugins/kubernetes/
#     description: kubernetes plugin
# custom:
#   each: corefiles
#   severity: error
#   source: CoreDNS plugin/kubernetes/setup.go @ v1.14.7 (ParseStanza, `ttl`), same in v1.9.3; verified by starting CoreDNS 1.14.7 (`ttl 7200`)
#   bad: |-
#     .:53 {
#         kubernetes cluster.local in-addr.arpa ip6.arpa {
#             ttl 7200
#         }
#     }
#   good: |-
#     .:53 {
#         kubernetes cluster.local in-addr.arpa ip6.arpa {
#             ttl 30
#         }
#     }
package dnslint.rules.kubernetes["invalid-ttl"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(l.pos, msg) if {
	some l in ttl_lines
	count(l.args) == 0
	msg := sprintf("CoreDNS exits at start-up with `%s`%s: `ttl` needs a number of seconds from 0 to 3600. Write e.g. `ttl 30`, or remove the line to keep the default of 5 s", [
		plugins.argerr("ttl"), corefile.where(l),
	])
}

report contains report.finding(v.pos, msg) if {
	some l in ttl_lines
	v := l.args[0]
	not plugins.templated(v.text)
	err := problem(v.text)
	msg := sprintf("CoreDNS exits at start-up with `%s`%s: the kubernetes plugin's record TTL is a whole number of seconds from 0 to 3600 (default 5). Use e.g. `ttl 30`", [
		err, corefile.where(l),
	])
}

ttl_lines contains l if {
	some x in corefile.directives("kubernetes")
	some l in plugins.options(x.directive, "ttl")
}

problem(text) := plugins.atoi_error(text) if not plugins.integer(text)

problem(text) := sprintf("ttl must be in range [0, 3600]: %d", [n]) if {
	n := plugins.integer(text)
	not in_range(n)
}

in_range(n) if {
	n >= 0
	n <= 3600
}
