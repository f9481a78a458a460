# METADATA
# title: forwarding server block without a cache
# description: |-
#   Plugins work per server block: a block that forwards but has no `cache` of its own
#   sends every query upstream, however often the same name is asked — and with the
#   default `ndots:5` each external lookup of a pod is several queries already. The
#   upstream gets the cluster's full query rate, and cloud resolvers drop what exceeds
#   their limit (Azure DNS: 1000 queries per second and 200 pending queries per VM; the AWS
#   VPC resolver: 1024 packets per second per network interface). Custom server blocks —
#   an AKS or k3s `.server` key, a stub domain — do not inherit the `cache 30` of the main
#   `.:53` block. Add `cache 30` (the distributions' default) to the block.
# related_resources:
#   - ref: https://coredns.io/plugins/cache/
#     description: cache plugin
# custom:
#   each: corefiles
#   severity: warning
#   fixable: true
#   source: "CoreDNS core/dnsserver (one plugin chain per server block) and plugin/cache/README.md @ v1.14.7; Azure DNS and AWS VPC resolver limits (Azure/aks-engine#390)"
#   bad: |-
#     corp.example.com:53 {
#         errors
#         forward . 10.20.0.53
#     }
#   good: |-
#     corp.example.com:53 {
#         errors
#         cache 30
#         forward . 10.20.0.53
#     }
package dnslint.rules.cache.missing

import data.dnslint.lib.corefile
import data.dnslint.lib.fix
import data.dnslint.lib.forward
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains fix.add(report.finding(s.directive.pos, msg), add(s.directive)) if {
	some s in forward.stanzas
	count(s.directive.args) > 1
	forward.first(s)
	not has_cache(s.block)
	msg := sprintf("this block forwards (`forward %s`) but has no `cache`%s: every query, repeated or not, goes upstream, and resolvers that rate-limit (cloud DNS) drop the excess. Add `cache 30` to the block", [
		forward.head(s.directive), corefile.where(s.directive),
	])
}

has_cache(b) if count(plugins.in_block(b, "cache")) > 0

# add writes `cache 30` on a line of its own above the forward (CoreDNS orders plugins by
# plugin.cfg, not by their lines): unsafe, it changes what the block does at run time.
add(d) := fix.unsafe("add `cache 30` to the block", [fix.insert_before(d.pos, d.name, "cache 30\n")])
