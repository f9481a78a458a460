# METADATA
# title: forward policy that does not exist
# description: |-
#   `policy` picks the order in which forward tries its upstreams and takes one of
#   `random` (the default), `round_robin` or `sequential`, spelled exactly so. Any other
#   value (`least_conn`, `Sequential`, `round-robin`) stops CoreDNS at start-up with
#   `plugin/forward: … Error during parsing: unknown policy 'least_conn'`; `policy` without
#   a value with `Wrong argument count or unexpected line ending after 'policy'`.
# related_resources:
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin (policy)
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/forward/setup.go (parseBlock, case policy) @ v1.14.7; verified by starting CoreDNS 1.14.7 with `policy least_conn`"
#   bad: |-
#     .:53 {
#         forward . 10.0.0.1 10.0.0.2 {
#             policy least_conn
#         }
#     }
#   good: |-
#     .:53 {
#         forward . 10.0.0.1 10.0.0.2 {
#             policy sequential
#         }
#     }
package dnslint.rules.forward["invalid-policy"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

policies := data.dnslint.forward.policies

report contains report.finding(value.pos, msg) if {
	some line in policy_lines
	value := line.args[0]
	not value.text in policies
	not plugins.templated(value.text)
	msg := sprintf("CoreDNS exits at start-up with `unknown policy '%s'`%s. %s", [value.text, corefile.where(line), advice(value.text)])
}

report contains report.finding(line.pos, msg) if {
	some line in policy_lines
	count(line.args) == 0
	msg := sprintf("`policy` without a value: CoreDNS exits at start-up with `Wrong argument count or unexpected line ending after 'policy'`%s. Write one of %s", [corefile.where(line), choices])
}

policy_lines contains line if {
	some x in corefile.directives("forward")
	some line in x.directive.block
	line.name == "policy"
}

advice(text) := sprintf("Write `policy %s`: values are case-sensitive and use underscores", [spelled]) if {
	spelled := replace(lower(text), "-", "_")
	spelled in policies
} else := sprintf("Use one of %s", [choices])

choices := concat(", ", [sprintf("`%s`", [p]) | some p in policies])
