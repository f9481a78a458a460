# METADATA
# title: cache TTL so low that the upstream sees almost every query
# description: |-
#   `cache TTL` caps how long CoreDNS keeps an answer. A cap of a few seconds sends nearly
#   every repeated lookup upstream again: the resolver behind CoreDNS gets the cluster's
#   full query rate, and cloud resolvers drop what exceeds their limit (Azure DNS allows
#   1000 queries per second and 200 pending queries per VM; the AWS VPC resolver 1024
#   packets per second per network interface). Keep the plain and `success` TTL at or above
#   `min_ttl` (default 30 s, the TTL every distribution ships) and the `denial` TTL at or
#   above `min_denial_ttl` (default 5 s, the negative-cache TTL NodeLocal DNSCache ships).
#   `cache 0` is no cache at all: CoreDNS refuses it with `cache TTL can not be zero or
#   negative: 0` and does not start, which this rule reports as an error.
# related_resources:
#   - ref: https://coredns.io/plugins/cache/
#     description: cache plugin
# custom:
#   each: corefiles
#   severity: warning
#   fixable: true
#   params:
#     min_ttl: 30
#     min_denial_ttl: 5
#   param_schema:
#     min_ttl: {minimum: 0}
#     min_denial_ttl: {minimum: 0}
#   source: "CoreDNS plugin/cache/setup.go @ v1.14.7 (cache TTL can not be zero or negative); Azure DNS and AWS VPC resolver limits (Azure/aks-engine#390)"
#   bad: |-
#     .:53 {
#         forward . /etc/resolv.conf
#         cache 5
#     }
#   good: |-
#     .:53 {
#         forward . /etc/resolv.conf
#         cache 30
#     }
package dnslint.rules.cache["low-ttl"]

import data.dnslint.lib.corefile
import data.dnslint.lib.fix
import data.dnslint.lib.report

params := data.dnslint.params["cache/low-ttl"]

# The plain TTL: `cache TTL [ZONES...]`, when the first argument is a number.
report contains fix.add(report.graded(ttl.pos, msg, "error"), raise(ttl, params.min_ttl)) if {
	some x in corefile.directives("cache")
	ttl := x.directive.args[0]
	seconds(ttl.text) <= 0
	msg := sprintf("CoreDNS refuses `cache %s` and does not start: `cache TTL can not be zero or negative: %s`. Remove the TTL to keep the default (3600 s), or set at least %d", [
		ttl.text, ttl.text, params.min_ttl,
	])
}

report contains fix.add(report.finding(ttl.pos, low(ttl, "cache", params.min_ttl, "min_ttl")), raise(ttl, params.min_ttl)) if {
	some x in corefile.directives("cache")
	ttl := x.directive.args[0]
	n := seconds(ttl.text)
	n > 0
	n < params.min_ttl
}

# `success CAPACITY [TTL]` and `denial CAPACITY [TTL]` inside the cache block.
report contains fix.add(report.finding(ttl.pos, low(ttl, line.name, min, key)), raise(ttl, min)) if {
	some x in corefile.directives("cache")
	some line in x.directive.block
	[min, key] := limit(line.name)
	ttl := line.args[1]
	n := seconds(ttl.text)
	n > 0 # zero and below are cache/invalid-option's: CoreDNS refuses them
	n < min
}

limit("success") := [params.min_ttl, "min_ttl"]

limit("denial") := [params.min_denial_ttl, "min_denial_ttl"]

seconds(text) := to_number(text) if regex.match(`^-?[0-9]+$`, text)

low(ttl, what, min, key) := sprintf("`%s` TTL of %s s: answers leave the cache after %s s and every repeated lookup goes upstream again, multiplying the queries the upstream resolver receives (cloud resolvers drop queries past their per-VM limit). Use at least %d s (%s)", [
	what, ttl.text, ttl.text, min, key,
])

# raise sets the TTL to the configured minimum: unsafe, answers stay cached longer.
raise(ttl, min) := fix.unsafe(sprintf("raise the TTL to %d s", [min]), [fix.replace(ttl.pos, ttl.text, sprintf("%d", [min]))])
