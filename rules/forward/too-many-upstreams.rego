# METADATA
# title: forward with more than 15 upstreams
# description: |-
#   The forward plugin takes at most 15 upstreams (TO arguments) per `forward` line. One
#   more and CoreDNS does not start: `plugin/forward: more than 15 TOs configured: 16`, and
#   the pod crash-loops. Keep the 15 you need, or split them by zone over several `forward`
#   lines or server blocks.
# related_resources:
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin ("The number of upstreams is limited to 15")
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/forward/setup.go @ v1.14.7 (const max = 15, `more than %d TOs configured: %d`); verified by starting CoreDNS 1.14.7"
#   bad: |-
#     .:53 {
#         forward . 10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4 10.0.0.5 10.0.0.6 10.0.0.7 10.0.0.8 10.0.0.9 10.0.0.10 10.0.0.11 10.0.0.12 10.0.0.13 10.0.0.14 10.0.0.15 10.0.0.16
#     }
#   good: |-
#     .:53 {
#         forward . 10.0.0.1 10.0.0.2 10.0.0.3
#     }
package dnslint.rules.forward["too-many-upstreams"]

import data.dnslint.lib.corefile
import data.dnslint.lib.forward
import data.dnslint.lib.report

max := data.dnslint.forward.max_upstreams

report contains report.finding(tos[max].pos, msg) if {
	some x in corefile.directives("forward")
	tos := forward.tos(x.directive)
	count(tos) > max
	msg := sprintf("%d upstreams: CoreDNS exits at start-up with `plugin/forward: more than %d TOs configured: %d`%s. Keep at most %d on one forward line (this is the %dth)", [
		count(tos), max, count(tos), corefile.where(x.directive), max, max + 1,
	])
}
