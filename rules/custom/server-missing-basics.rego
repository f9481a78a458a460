# METADATA
# title: coredns-custom server block without errors
# description: |-
#   Every server block has its own plugin chain: a block from a `.server` key inherits
#   nothing from the main `.:53` block. Without `errors`, the failures of its zone — an
#   upstream that refuses or times out, a SERVFAIL — are never logged, and the AKS
#   troubleshooting guide starts from exactly those logs. The AKS documentation's own
#   custom block examples repeat `errors` (and `cache 30`). `plugins` lists what every
#   custom block should have (default: errors; add log or prometheus if the main block's
#   logging and metrics should cover custom zones too). A forwarding block without `cache`
#   or `loop` is reported by cache/missing and forward/missing-loop, custom or not.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/aks/coredns-custom
#     description: Customize CoreDNS with Azure Kubernetes Service
#   - ref: https://coredns.io/plugins/errors/
#     description: errors plugin
# custom:
#   each: corefiles
#   severity: info
#   params:
#     plugins: ["errors"]
#   source: CoreDNS core/dnsserver/register.go (one plugin chain per server block); MicrosoftDocs/azure-aks-docs articles/aks/coredns-custom.md (custom block examples with errors and cache 30)
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       corp.server: |
#         corp.example.com:53 {
#             cache 30
#             forward . 10.0.0.53
#             loop
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
#             cache 30
#             forward . 10.0.0.53
#             loop
#         }
package dnslint.rules.custom["server-missing-basics"]

import data.dnslint.lib.custom
import data.dnslint.lib.report

report contains report.finding(b.keys[0].pos, msg) if {
	some x in custom.server_blocks
	b := x.block
	count(b.keys) > 0
	not unbraced(b)
	has := {d.name | some d in b.directives}
	missing := [why(p) | some p in data.dnslint.params["custom/server-missing-basics"].plugins; not p in has]
	count(missing) > 0
	msg := sprintf("server block `%s` of key %s has no %s: a custom server block inherits nothing from `.:53`. Add %s to the block", [
		concat(" ", [k.text | some k in b.keys]), custom.name(x.origin), concat(", ", missing), pronoun(count(missing)),
	])
}

# A block without braces is custom/server-without-block's. A set of their positions,
# computed once: a coredns-custom of thousands of keys brings thousands of blocks.
unbraced(b) if b.keys[0].pos in unbraced_at

unbraced_at := {k.unbraced.pos |
	some c in input.customs
	some k in c.keys
}

pronoun(1) := "it"

pronoun(n) := "them" if n > 1

why("errors") := "errors (its failures are never logged)"

why(p) := p if p != "errors"
