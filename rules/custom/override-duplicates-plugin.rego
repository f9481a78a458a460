# METADATA
# title: coredns-custom .override adds a plugin the server block already has
# description: |-
#   The lines of a `.override` key are spliced into the main `.:53` server block. An
#   override can only add plugins: it does not replace the block's own line. Most plugins
#   may appear once per server block — cache, errors, hosts, kubernetes, loop, prometheus,
#   ready, dnssec, nsid, pprof, grpc, tsig, view, shed, and forward before CoreDNS 1.9.4 —
#   so an override that adds one the block already has stops CoreDNS at start-up with
#   `plugin/cache: this plugin can only be used once per Server Block` (the pod
#   crash-loops; a reload keeps the old configuration until the next restart). The AKS
#   default block already has errors, ready, kubernetes, prometheus, forward, cache and
#   loop; k3s adds hosts. Configure the zones the setting is meant for in a `.server` key
#   of their own instead. A second `forward` on CoreDNS 1.9.4 or later starts, and is
#   reported by forward/shadowed.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/aks/coredns-custom
#     description: Customize CoreDNS with Azure Kubernetes Service
#   - ref: https://github.com/Azure/AKS/issues/2623
#     description: "Azure/AKS#2623: plugin/forward: this plugin can only be used once per Server Block"
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin.ErrOnce in plugin/*/setup.go of every release (forward repeatable since 1.9.4, coredns/coredns#5127); Azure/AKS#2623, Azure/AKS#3661, MicrosoftDocs/azure-docs#63053; verified by starting CoreDNS 1.14.7 with an AKS-style custom/ directory"
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       cache.override: |
#         cache 300 {
#             prefetch 10
#         }
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       corp.server: |
#         corp.example.com:53 {
#             errors
#             cache 300 {
#                 prefetch 10
#             }
#             forward . 10.0.0.53
#         }
package dnslint.rules.custom["override-duplicates-plugin"]

import data.dnslint.lib.corefile
import data.dnslint.lib.custom
import data.dnslint.lib.report

report contains finding if {
	some x in corefile.blocks
	b := x.block
	repeated := corefile.repeated(b) # a duplicate needs its name twice in the block
	some i, d in b.directives
	d.name in repeated
	custom.from_override(d)
	corefile.available(d.name)
	corefile.once(d.name)
	others := [e |
		some j, e in b.directives
		j != i
		e.name == d.name
		counts(e, j, i)
	]
	count(others) > 0
	finding := collision(b, d, others[0])
}

# counts holds for another occurrence e (at j) that makes the one at i a duplicate: any
# line of the block itself; of two override lines, the earlier one.
counts(e, _, _) if not custom.from_override(e)

counts(e, j, i) if {
	custom.from_override(e)
	j < i
}

collision(b, d, e) := report.finding(d.pos, message(b, d, sprintf("the %s default Corefile already has `%s` in this block", [p, e.name]))) if {
	p := custom.platform(e.pos.file)
} else := report.related(d.pos, message(b, d, sprintf("key %s already adds `%s` to it", [custom.name(custom.origin(e)), e.name])), [{
	"message": sprintf("`%s` of key %s", [e.name, custom.name(custom.origin(e))]),
	"pos": e.pos,
}]) if {
	custom.from_override(e)
} else := report.related(d.pos, message(b, d, sprintf("the block already has its own `%s`", [e.name])), [{
	"message": sprintf("the block's own `%s`", [e.name]),
	"pos": e.pos,
}])

message(b, d, already) := sprintf("`%s` of key %s is spliced into the `%s` block, and %s: CoreDNS %s exits at start-up with `plugin/%s: this plugin can only be used once per Server Block`. An override cannot change a plugin the block already has; configure the zones it is meant for in a .server key of their own", [
	d.name, custom.name(custom.origin(d)), concat(" ", [k.text | some k in b.keys]), already, corefile.version, d.name,
])
