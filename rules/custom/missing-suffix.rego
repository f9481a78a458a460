# METADATA
# title: coredns-custom key that is never imported
# description: |-
#   The CoreDNS Corefile of AKS and k3s imports `custom/*.server` (whole server blocks)
#   and `custom/*.override` (lines added to the main `.:53` block) from the mounted
#   coredns-custom ConfigMap. A key ending in anything else matches neither glob: CoreDNS
#   never reads it, and nothing anywhere says so. AKS documents that "the names you specify
#   in the data section must end in .server or .override".
# related_resources:
#   - ref: https://learn.microsoft.com/azure/aks/coredns-custom
#     description: Customize CoreDNS with Azure Kubernetes Service
# custom:
#   each: customs
#   severity: error
#   source: MicrosoftDocs/azure-aks-docs articles/aks/coredns-custom.md; verified by starting CoreDNS 1.14.7 with an AKS-style custom/ directory
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       example.com: |
#         example.com:53 {
#             forward . 10.0.0.1
#         }
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       example.server: |
#         example.com:53 {
#             forward . 10.0.0.1
#         }
package dnslint.rules.custom["missing-suffix"]

import data.dnslint.lib.report

report contains report.finding(k.key.pos, msg) if {
	some c in input.customs
	some k in c.keys
	k.kind == "other"
	stem := trim_suffix(k.key.text, ".conf")
	msg := sprintf("key %q of ConfigMap %s ends in neither .server nor .override, so CoreDNS never imports it and its content is silently ignored: rename it to %q if it holds server blocks, or %q if it holds plugin lines for the main block", [
		k.key.text, c.object.name, concat("", [stem, ".server"]), concat("", [stem, ".override"]),
	])
}
