# METADATA
# title: forward whose zone misses the server block's zone, with nothing behind it
# description: |-
#   forward only takes names under its FROM zone and passes every other query to the next
#   plugin. When the server block serves names that no `forward` of the block takes, and
#   no other plugin of the block answers queries (only `errors`, `cache`, `log` and the
#   like), those queries find no next plugin: CoreDNS answers SERVFAIL and logs
#   `plugin/forward: no next plugin found`. The typical shape is
#   `foo.example:53 { forward bar.example 1.2.3.4 }` — the custom forward server example
#   of the AKS documentation has it — or `forward 8.8.8.8 1.1.1.1` with the zone forgotten,
#   which makes 8.8.8.8 the zone. The server block already picks the zone: write
#   `forward . <upstream>`, or a FROM that covers the block's zone. Blocks with another
#   answering plugin (kubernetes, file, hosts, template, …) or a plugin dnslint does not
#   know are left alone.
# related_resources:
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin
# custom:
#   each: corefiles
#   severity: warning
#   source: "CoreDNS plugin/forward/forward.go @ v1.14.7 (ServeDNS: a non-matching FROM returns plugin.NextOrFailure); verified with CoreDNS 1.14.7: `foo.example { forward bar.example … }` answers www.foo.example with SERVFAIL and logs `plugin/forward: no next plugin found`"
#   bad: |-
#     foo.example:53 {
#         errors
#         forward bar.example 10.0.0.1
#     }
#   good: |-
#     foo.example:53 {
#         errors
#         forward . 10.0.0.1
#     }
package dnslint.rules.forward["no-next-plugin"]

import data.dnslint.lib.corefile
import data.dnslint.lib.forward
import data.dnslint.lib.report
import data.dnslint.lib.upstream

report contains report.finding(last.args[0].pos, msg) if {
	some x in corefile.blocks
	b := x.block
	fwds := [d | some d in b.directives; d.name == "forward"]
	count(fwds) > 0
	every d in fwds {
		forward.from(d)
	}
	missed := sort({forward.show(k.zone) | some k in b.keys; not taken(fwds, k.zone)})
	count(missed) > 0 # first: most blocks forward `.`, which takes every name
	every d in b.directives {
		answers_nothing(d.name)
	}
	last := fwds[count(fwds) - 1]
	froms := concat(", ", sort({forward.show(forward.from(d)) | some d in fwds}))
	msg := sprintf("this block serves %s, but its forwards only take names in %s%s: other queries of the block match no forward and no plugin after it answers, so CoreDNS replies SERVFAIL and logs `plugin/forward: no next plugin found`. %s", [
		concat(", ", missed), froms, corefile.where(last), advice(last),
	])
}

# answers_nothing holds for forward and for the plugins of the target release that never
# answer a query themselves (plugins_args.json `answering` lists those that do). An
# external plugin may answer: a block with one is left alone.
answers_nothing("forward")

answers_nothing(name) if {
	name != "forward"
	corefile.available(name)
	not data.dnslint.plugins_args.answering.plugins[name]
}

# taken holds when a forward of the block takes every name of zone.
taken(fwds, zone) if {
	some d in fwds
	forward.covers(forward.from(d), zone)
}

advice(d) := sprintf("`%s` looks like an upstream, not a zone: write `forward . %s`", [d.args[0].text, concat(" ", [a.text | some a in d.args])]) if {
	upstream.parse(d.args[0].text).kind == "ip"
} else := "The server block already picks the zone: write `forward . <upstream>`, or a FROM that covers the block's zone"
