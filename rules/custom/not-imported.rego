# METADATA
# title: coredns-custom that the Corefile of the run never imports
# description: |-
#   A coredns-custom ConfigMap does something only because the Corefile imports its keys:
#   AKS and k3s write `import custom/*.override` inside the `.:53` block and
#   `import custom/*.server` after it. When the run holds the Corefile that reads this
#   coredns-custom — the `coredns` ConfigMap of the same namespace, or the ConfigMap a
#   CoreDNS Deployment of the run mounts as its Corefile next to it — and that Corefile
#   imports nothing from the directory the keys are mounted in (also when that Corefile is
#   not in the run but was found in the repository), CoreDNS never reads any of
#   them: every key is silently ignored. dnslint reports this once, on the ConfigMap, and
#   does not compose it with a platform's default Corefile the run does not use. Which
#   Corefile is a coredns-custom's follows one precedence: the run's files, then the
#   mounts of the run's Deployments, then the repository, then the platform's default
#   (docs/architecture.md, "Composition"). A coredns-custom linted alone under `--platform`
#   eks, kubeadm, rke2, openshift or generic — whose CoreDNS imports no coredns-custom;
#   customisation there is editing the Corefile — is reported once the same way.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/aks/coredns-custom
#     description: Customize CoreDNS with Azure Kubernetes Service
#   - ref: https://coredns.io/plugins/import/
#     description: CoreDNS import plugin
# custom:
#   each: customs
#   severity: warning
#   source: MicrosoftDocs/azure-aks-docs articles/aks/coredns-custom.md; the AKS and k3s default Corefiles (knowledge default-corefiles/aks.corefile, k3s.corefile)
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns
#       namespace: kube-system
#     data:
#       Corefile: |
#         .:53 {
#             errors
#             kubernetes cluster.local in-addr.arpa ip6.arpa
#             forward . /etc/resolv.conf
#             cache 30
#         }
#     ---
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       log.override: |
#         log
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns
#       namespace: kube-system
#     data:
#       Corefile: |
#         .:53 {
#             errors
#             kubernetes cluster.local in-addr.arpa ip6.arpa
#             forward . /etc/resolv.conf
#             cache 30
#             import custom/*.override
#         }
#         import custom/*.server
#     ---
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       log.override: |
#         log
package dnslint.rules.custom["not-imported"]

import data.dnslint.lib.report

report contains report.related(c.object.pos, msg, [{"message": "the Corefile", "pos": p.object.pos}]) if {
	some c in input.customs
	p := c.partner
	p.source in {"run", "repository"}
	not p.imports
	count(c.keys) > 0
	msg := sprintf("ConfigMap %s is never read by the CoreDNS of this run: its Corefile, key %s of ConfigMap %s (%s), imports nothing from the directory its keys are mounted in, so none of its keys (%s) is applied. Add `import custom/*.override` inside the `.:53` block and `import custom/*.server` after it, as AKS and k3s do, or move the content into the Corefile", [
		c.object.name, p.key, p.object.name, p.file, concat(", ", [k.key.text | some k in c.keys]),
	])
}

# A coredns-custom linted without its Corefile under a platform whose CoreDNS imports no
# coredns-custom (EKS, kubeadm, RKE2, OpenShift, generic CoreDNS): customisation there is
# editing the Corefile.
report contains report.finding(c.object.pos, msg) if {
	some c in input.customs
	p := c.partner
	p.source == "platform"
	not p.imports
	count(c.keys) > 0
	msg := sprintf("ConfigMap %s is never read on platform %s: its CoreDNS imports no coredns-custom ConfigMap (only AKS and k3s do), so none of its keys (%s) is applied. Put the content into the Corefile of ConfigMap coredns, or lint with the Corefile that imports it", [
		c.object.name, p.platform, concat(", ", [k.key.text | some k in c.keys]),
	])
}
