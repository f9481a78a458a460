# METADATA
# title: kubernetes answers pod names without checking the pod exists
# description: |-
#   With `pods insecure` the kubernetes plugin answers any A query shaped like a pod name —
#   `10-1-2-3.<namespace>.pod.cluster.local` — with the IP written in it, without asking
#   the API server whether such a pod exists. The plugin's README calls this mode
#   "vulnerable to abuse if used maliciously in conjunction with wildcard SSL certs": any
#   name under `pod.cluster.local` resolves to any address the asker chooses. It exists for
#   compatibility with kube-dns and is the default of every distribution's Corefile
#   (kubeadm, EKS, AKS, k3s, OpenShift, …), so this is advice, not a fault. If no workload
#   resolves pod A records, use `pods disabled` (the plugin's own default); if some do, `pods
#   verified` answers only for pods that exist, at the cost of watching every pod (more
#   memory in CoreDNS and more load on the API server).
# related_resources:
#   - ref: https://coredns.io/plugins/kubernetes/
#     description: kubernetes plugin (pods)
# custom:
#   each: corefiles
#   severity: info
#   source: CoreDNS plugin/kubernetes/README.md @ v1.14.7 (`pods POD-MODE`); distribution defaults in coredns-facts.md §8
#   bad: |-
#     .:53 {
#         kubernetes cluster.local in-addr.arpa ip6.arpa {
#             pods insecure
#         }
#     }
#   good: |-
#     .:53 {
#         kubernetes cluster.local in-addr.arpa ip6.arpa {
#             pods verified
#         }
#     }
package dnslint.rules.kubernetes["pods-insecure"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(v.pos, msg) if {
	some x in corefile.directives("kubernetes")
	some l in plugins.options(x.directive, "pods")
	count(l.args) == 1
	v := l.args[0]
	v.text == "insecure"
	msg := sprintf("`pods insecure` answers any pod-shaped name (`1-2-3-4.<namespace>.pod.<zone>` → 1.2.3.4) without checking that the pod exists%s; the kubernetes README calls it vulnerable to abuse with wildcard TLS certificates. Every distribution ships it for kube-dns compatibility: use `pods disabled` if no workload resolves pod A records, or `pods verified` (watches all pods) if some do", [
		corefile.where(l),
	])
}
