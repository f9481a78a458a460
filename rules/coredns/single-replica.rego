# METADATA
# title: CoreDNS Deployment with a single replica
# description: |-
#   With one CoreDNS replica, every DNS lookup in the cluster fails while that pod restarts,
#   is rescheduled, or its node is drained — and a single pod also takes all the load. AKS:
#   "A minimum of 2 CoreDNS pod replicas per cluster is recommended. Configuring a minimum
#   of 1 CoreDNS pod replica may result in failures during operations which require node
#   draining". The rule reports the CoreDNS Deployment (named coredns, or running the
#   coredns/coredns image) with `replicas: 1` (warning), or with no replicas (info: the API
#   server sets 1, but distribution manifests leave it unset on purpose when
#   cluster-proportional-autoscaler manages it), unless the run holds an autoscaler for it:
#   a cluster-proportional-autoscaler whose `--target` names it, or an autoscaler ConfigMap
#   (`linear`/`ladder`) in its namespace. Set `replicas: 2` or more, or lint the autoscaler
#   together with the Deployment.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/administer-cluster/dns-horizontal-autoscaling/
#     description: Autoscale the DNS Service in a Cluster
#   - ref: https://learn.microsoft.com/azure/aks/coredns-autoscale
#     description: AKS — autoscaling CoreDNS
# custom:
#   severity: warning
#   source: MicrosoftDocs/azure-aks-docs articles/aks/coredns-autoscale.md; kubernetes-sigs/cluster-proportional-autoscaler (--target, --configmap)
#   bad: |-
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: coredns
#       namespace: kube-system
#     spec:
#       replicas: 1
#       selector:
#         matchLabels: {k8s-app: kube-dns}
#       template:
#         metadata:
#           labels: {k8s-app: kube-dns}
#         spec:
#           dnsPolicy: Default
#           containers:
#             - name: coredns
#               image: registry.k8s.io/coredns/coredns:v1.11.3
#   good: |-
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: coredns
#       namespace: kube-system
#     spec:
#       replicas: 2
#       selector:
#         matchLabels: {k8s-app: kube-dns}
#       template:
#         metadata:
#           labels: {k8s-app: kube-dns}
#         spec:
#           dnsPolicy: Default
#           containers:
#             - name: coredns
#               image: registry.k8s.io/coredns/coredns:v1.11.3
package dnslint.rules.coredns["single-replica"]

import data.dnslint.lib.pod
import data.dnslint.lib.report

report contains report.finding(w.replicas.pos, msg) if {
	some w in pod.coredns_workloads
	w.replicas.value == 1
	not pod.autoscaled(w)
	msg := sprintf("%s runs a single CoreDNS replica: every DNS lookup in the cluster fails while it restarts, is rescheduled or its node drains. Set replicas: 2 or more, or let cluster-proportional-autoscaler manage it (lint the autoscaler in the same run)", [
		pod.name(w),
	])
}

report contains report.graded(w.object.pos, msg, "info") if {
	some w in pod.coredns_workloads
	is_null(w.replicas)
	not pod.autoscaled(w)
	msg := sprintf("%s sets no replicas, so it runs 1 CoreDNS replica unless an autoscaler manages it, and this run holds none: without one, DNS fails while that pod restarts or its node drains. Set replicas: 2, or lint the cluster-proportional-autoscaler that targets it in the same run", [
		pod.name(w),
	])
}
