# METADATA
# title: coredns-custom value not written as a literal block scalar
# description: |-
#   CoreDNS reads a coredns-custom key line by line, so its value must keep its line
#   breaks. Only a literal block scalar (`key: |`) keeps them as written. YAML joins the
#   lines of a plain or quoted scalar written over several lines with spaces, and a folded
#   block scalar (`key: >`) joins the lines that stand at the same indentation: CoreDNS
#   then sees `log errors` instead of two plugins, or a `}` on the line of the next block,
#   and either rejects the Corefile or applies something else than written. The AKS
#   documentation itself once showed a `.server` key without `|`
#   (MicrosoftDocs/azure-aks-docs#187). Write the value as `key: |` with the lines indented
#   below it.
# related_resources:
#   - ref: https://yaml.org/spec/1.2.2/#81-block-scalar-styles
#     description: YAML 1.2, block scalar styles
#   - ref: https://github.com/MicrosoftDocs/azure-aks-docs/issues/187
#     description: "MicrosoftDocs/azure-aks-docs#187: override-block.server missing |"
# custom:
#   each: customs
#   severity: warning
#   source: YAML 1.2.2 sections 6.5 (line folding) and 8.1 (block scalars); MicrosoftDocs/azure-aks-docs#187
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       logging.override: >
#         log
#         errors
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       logging.override: |
#         log
#         errors
package dnslint.rules.custom["not-block-scalar"]

import data.dnslint.lib.report

report contains report.finding(k.scalar_pos, msg) if {
	some k in imported_keys
	k.joined
	msg := sprintf("YAML joins the lines of key %s with spaces (%s), so CoreDNS reads several of its lines as one and rejects or misreads them. Write it as a literal block scalar: `%s: |` with the lines indented below", [
		k.key.text, styles[k.style], k.key.text,
	])
}

report contains report.finding(k.scalar_pos, msg) if {
	some k in imported_keys
	k.style == "folded"
	k.lines > 1
	not k.joined
	msg := sprintf("key %s is a folded block scalar (`>`): YAML joins the lines that stand at the same indentation, so the next plugin line added at the indentation of another runs into it. Write it as a literal block scalar: `%s: |`", [
		k.key.text, k.key.text,
	])
}

imported_keys contains k if {
	some c in input.customs
	some k in c.keys
	k.kind in {"server", "override"}
}

styles := {
	"folded": "a folded block scalar, `>`",
	"plain": "a plain scalar written over several lines",
	"single": "a single-quoted scalar written over several lines",
	"double": "a double-quoted scalar written over several lines",
}
