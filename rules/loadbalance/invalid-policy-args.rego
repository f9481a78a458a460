# METADATA
# title: loadbalance policy with the wrong number of arguments
# description: |-
#   From CoreDNS 1.10.1 loadbalance reads its policy's own arguments: `round_robin` takes
#   none (`loadbalance round_robin a` exits with `unknown property for round_robin`) and
#   `weighted` exactly one weight file (`missing weight file argument`,
#   `unexpected argument(s)`). The policy name itself and the block lines are
#   corefile/invalid-plugin-args'. Before 1.10.1 the only policy is `round_robin`
#   (`unknown policy: weighted`), and more than one argument exits with
#   `Wrong argument count or unexpected line ending after '…'` unless a block follows
#   (CoreDNS 1.9.3 then returns before reading them).
# related_resources:
#   - ref: https://coredns.io/plugins/loadbalance/
#     description: loadbalance plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/loadbalance/setup.go parse @ v1.9.3, v1.10.1, v1.11.3, v1.13.1, v1.14.7; CoreDNS's own loadbalance setup tests (make fidelity-setup); testdata/fidelity/loadbalance-round-robin-argument.corefile"
#   bad: |-
#     .:53 {
#         loadbalance weighted
#     }
#   good: |-
#     .:53 {
#         loadbalance weighted /etc/coredns/weights
#     }
package dnslint.rules.loadbalance["invalid-policy-args"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(d.pos, msg) if {
	plugins.at_least("1.10.1")
	some x in corefile.directives("loadbalance")
	d := x.directive
	count(d.args) > 0
	p := problem(d.args[0].text, count(d.args))
	msg := exits(d, p)
}

# Before 1.10.1 parse reads one policy, round_robin, and returns at the first line of the
# directive that has none or one: a block (whose `{` line has none) makes any arguments pass.
report contains report.finding(at.pos, msg) if {
	not plugins.at_least("1.10.1")
	some x in corefile.directives("loadbalance")
	d := x.directive
	count(d.args) == 1
	at := d.args[0]
	at.text != "round_robin"
	not plugins.templated(at.text)
	msg := exits(d, {"error": sprintf("unknown policy: %s", [at.text]), "fix": sprintf("CoreDNS %s knows only `round_robin`", [corefile.version])})
}

report contains report.finding(at.pos, msg) if {
	not plugins.at_least("1.10.1")
	some x in corefile.directives("loadbalance")
	d := x.directive
	count(d.args) > 1
	not d.has_block
	at := d.args[count(d.args) - 1]
	msg := exits(d, {"error": plugins.argerr(at.text), "fix": "Write `loadbalance` or `loadbalance round_robin`"})
}

exits(d, p) := sprintf("CoreDNS %s exits at start-up: loadbalance refuses this with `%s`%s. %s", [corefile.version, p.error, corefile.where(d), p.fix])

problem("round_robin", n) := {"error": "unknown property for round_robin", "fix": "`round_robin` takes no argument"} if n > 1

problem("weighted", 1) := {"error": "missing weight file argument", "fix": "Write `loadbalance weighted FILE`"}

problem("weighted", n) := {"error": "unexpected argument(s)", "fix": "Write `loadbalance weighted FILE`: one weight file"} if n > 2
