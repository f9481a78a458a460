# METADATA
# title: resolv.conf ndots above the limit
# description: |-
#   With `options ndots:n`, the resolver tries a name with fewer than n dots with every
#   search domain before it tries it as written: each external lookup becomes 2 × (search
#   domains + 1) queries, an A and an AAAA for each. glibc caps the value at 15. Above
#   `max_ndots` (default 5, what the kubelet writes for cluster pods) the cost buys
#   nothing; lower it or use fully qualified names with a trailing dot.
# related_resources:
#   - ref: https://man7.org/linux/man-pages/man5/resolv.conf.5.html
#     description: resolv.conf(5)
# custom:
#   each: resolv_confs
#   severity: warning
#   params:
#     max_ndots: 5
#   param_schema:
#     max_ndots: {minimum: 0, maximum: 15}
#   source: resolv.conf(5); glibc resolv/res_init.c (ndots capped at 15)
#   bad: |-
#     nameserver 10.96.0.10
#     search default.svc.cluster.local svc.cluster.local cluster.local
#     options ndots:15
#   good: |-
#     nameserver 10.96.0.10
#     search default.svc.cluster.local svc.cluster.local cluster.local
#     options ndots:2
package dnslint.rules.resolv["high-ndots"]

import data.dnslint.lib.ndots
import data.dnslint.lib.report

max_ndots := data.dnslint.params["resolv/high-ndots"].max_ndots

report contains report.finding(opt.token.pos, msg) if {
	some rc in input.resolv_confs
	some opt in rc.options
	opt.name == "ndots"
	n := ndots.value(opt.value)
	n > max_ndots
	msg := sprintf("ndots:%s: %s. Use at most %d (max_ndots), or fully qualified names with a trailing dot", [
		opt.value, ndots.amplification(n, count(rc.search)), max_ndots,
	])
}
