# METADATA
# title: reload interval or jitter that CoreDNS refuses
# description: |-
#   `reload [INTERVAL] [JITTER]` checks the Corefile for changes every INTERVAL (default
#   30s), spread by up to ±JITTER/2 (default 15s). INTERVAL must be a Go duration of at least
#   2s, else CoreDNS exits at start-up with
#   `plugin/reload: interval value must be greater or equal to 2s`; JITTER must be at least
#   1s — or exactly 0 from CoreDNS 1.14.2 — else `jitter value must be 0 or greater or equal to 1s`
#   (`jitter value must be greater or equal to 1s` before 1.14.2). A value without a unit
#   (`reload 30`) fails with Go's `time: missing unit in duration "30"`, and a third
#   argument with `Wrong argument count or unexpected line ending after '…'`. The pod
#   crash-loops. CoreDNS reads only the first `reload` line of a server block. Write
#   durations with a unit: `reload 30s 15s`.
# related_resources:
#   - ref: https://coredns.io/plugins/reload/
#     description: reload plugin
# custom:
#   each: corefiles
#   severity: error
#   source: CoreDNS plugin/reload/setup.go @ v1.14.7 (minInterval 2s, minJitter 1s; `j != 0` since v1.14.2, v1.13.1 refuses 0); verified by starting CoreDNS 1.14.7 (`reload 1s`)
#   bad: |-
#     .:53 {
#         reload 1s
#     }
#   good: |-
#     .:53 {
#         reload 30s
#     }
package dnslint.rules.reload["invalid-interval"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(d.args[2].pos, fatal(d, plugins.argerr(d.args[count(d.args) - 1].text))) if {
	some d in first_lines
	count(d.args) > 2
}

report contains report.finding(v.pos, fatal(d, err)) if {
	some d in first_lines
	count(d.args) <= 2
	some i, v in d.args
	not plugins.templated(v.text)
	err := plugins.duration_error(v.text)
	not earlier_error(d, i)
}

report contains report.finding(v.pos, fatal(d, "interval value must be greater or equal to 2s")) if {
	some d in first_lines
	count(d.args) <= 2
	v := d.args[0]
	plugins.duration_ns(v.text) < 2000000000
}

report contains report.finding(v.pos, fatal(d, jitter_message)) if {
	some d in first_lines
	count(d.args) == 2
	plugins.duration_ns(d.args[0].text) >= 2000000000
	v := d.args[1]
	n := plugins.duration_ns(v.text)
	n < 1000000000
	not zero_allowed(n)
}

# first_lines are the reload lines CoreDNS reads: the first of each server block.
first_lines contains ds[0] if {
	some x in corefile.blocks
	ds := plugins.in_block(x.block, "reload")
	count(ds) > 0
}

earlier_error(d, i) if {
	some k, v in d.args
	k < i
	plugins.duration_error(v.text)
}

zero_allowed(0) if plugins.at_least("1.14.2")

jitter_message := "jitter value must be 0 or greater or equal to 1s" if plugins.at_least("1.14.2")

else := "jitter value must be greater or equal to 1s"

fatal(d, err) := sprintf("CoreDNS exits at start-up with `plugin/reload: %s`%s: the interval is a Go duration of at least 2s (default 30s), the jitter at least 1s%s (default 15s). Write e.g. `reload 30s 15s`", [
	err, corefile.where(d), zero,
])

zero := " or 0" if plugins.at_least("1.14.2")

else := ""
